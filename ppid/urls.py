"""Public URLs of the ppid app (filled by its issue)."""

app_name = "ppid"

urlpatterns = []
