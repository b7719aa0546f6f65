"""`{% catalogue_jsonld %}`: the open data catalogue as schema.org JSON-LD (see portal.opendata.schema_org)."""

from django import template

from portal.opendata import schema_org

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_jsonld(context):
    return schema_org.catalogue_script(context["request"])
