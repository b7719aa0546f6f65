"""Public URLs of the ogp app (filled by its issue)."""

app_name = "ogp"

urlpatterns = []
