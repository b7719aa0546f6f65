"""App configuration for the portal core and its branded admin site."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal core")

    def ready(self):
        from . import roles

        # Each domain app contributes region-page panels, demo loaders, role
        # permissions, search providers, open datasets and the officers'
        # inbox from modules of these names.
        autodiscover_modules("panels", "demo", "roles", "search", "datasets", "inbox")
        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="portal.sync_roles")
