from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OgpConfig(AppConfig):
    name = "ogp"
    verbose_name = _("Village budgets and open government")

    def ready(self):
        # Saving a reference table moves its data version (see ogp.statements.Names).
        from . import statements  # noqa: F401
