"""The back office, branded with the deployment's government name."""

from django.contrib import admin
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from . import wilayah


def _site_header():
    return wilayah.deployment().government_name


class PortalAdminSite(admin.AdminSite):
    site_header = lazy(_site_header, str)()
    site_title = _("Back office")
    index_title = _("Portal administration")
