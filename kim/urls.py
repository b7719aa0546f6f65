"""Public URLs of the kim app (filled by its issue)."""

app_name = "kim"

urlpatterns = []
