"""schema.org JSON-LD blocks for pages (see portal.opendata.schema_org).

`{% catalogue_jsonld %}` the open data catalogue, `{% office_jsonld %}` the
government and the office, `{% unit_jsonld name=… url=… %}` a PPID unit,
`{% article_jsonld headline=… url=… published=… %}` a news post and
`{% visit_jsonld name=… url=… start=… %}` a visit with its report.
"""

from django import template

from portal.opendata import schema_org

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_jsonld(context):
    return schema_org.catalogue_script(context["request"])


@register.simple_tag(takes_context=True)
def office_jsonld(context):
    return schema_org.office_script(context["request"])


@register.simple_tag(takes_context=True)
def unit_jsonld(context, **values):
    return schema_org.unit_script(context["request"], **values)


@register.simple_tag(takes_context=True)
def article_jsonld(context, **values):
    return schema_org.article_script(context["request"], **values)


@register.simple_tag(takes_context=True)
def visit_jsonld(context, **values):
    return schema_org.visit_script(context["request"], **values)
