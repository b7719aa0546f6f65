"""Codes the catalogue shares with DCAT-AP and CKAN: EU data themes and update frequencies."""

from django.utils.translation import gettext_lazy as _

THEMES = {
    "AGRI": _("Agriculture, fisheries, forestry and food"),
    "ECON": _("Economy and finance"),
    "EDUC": _("Education, culture and sport"),
    "GOVE": _("Government and public sector"),
    "HEAL": _("Health"),
    "JUST": _("Justice, legal system and public safety"),
    "REGI": _("Regions and cities"),
    "SOCI": _("Population and society"),
}

FREQUENCIES = {
    "ANNUAL": _("annual"),
    "MONTHLY": _("monthly"),
    "WEEKLY": _("weekly"),
    "DAILY": _("daily"),
    "CONT": _("continuously updated"),
    "IRREG": _("irregular"),
}

LICENCE_ID = "cc-by"
LICENCE_TITLE = "Creative Commons Attribution 4.0"
