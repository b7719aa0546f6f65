from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KimConfig(AppConfig):
    name = "kim"
    verbose_name = _("Community information groups (KIM)")
