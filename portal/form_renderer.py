"""The form renderer: Django's templates, except that select boxes are written in Python.

Django renders every ``<option>`` through its own template include, about
0.2 ms each; a filter with a hundred PPID units or four hundred villages then
costs more than the rest of its page. `FormRenderer` writes the same markup as
``django/forms/widgets/select.html`` directly (the attributes exactly as
``attrs.html`` writes them, every value escaped), for every select box in the
portal and the admin. All other widgets render through their templates.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _attrs(attrs):
    """What ``django/forms/widgets/attrs.html`` writes: False leaves a name out, True writes it bare."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _option(option):
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>"
    )


def render_select(widget):
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option.get("template_name", OPTION_TEMPLATE) != OPTION_TEMPLATE:
                raise ValueError(f"select option template {option['template_name']!r} is not supported")
            parts.append("\n  " + _option(option))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # every value above is escaped


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name == SELECT_TEMPLATE and "widget" in context:
            return render_select(context["widget"])
        return super().render(template_name, context, request=request)
