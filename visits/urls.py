"""Public URLs of the visits app (filled by its issue)."""

app_name = "visits"

urlpatterns = []
