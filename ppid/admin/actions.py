"""One page for every workflow action of the back office, driven by a table.

Each model admin lists its actions as `ActionPage` rows: the URL, the title and
button, the form, the permission it needs, the service it calls and what it
says afterwards. `ActionPagesMixin` turns the rows into admin URLs and serves
every one of them through `action_view` and the template
``ppid/admin/action_form.html``:

- the object is looked up in the officer's scope (404 outside it), and a user
  without the row's permission gets a 403;
- a move the object's status does not allow goes back to the object with a
  warning (`refusal`);
- a valid form calls the service; a `ValidationError` from the service is
  shown next to the field it names and nothing is saved. Without a form the
  error is shown as a message on the object's page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..forms import attach_errors
from .base import report_errors

ACTION_TEMPLATE = "ppid/admin/action_form.html"


@dataclass(frozen=True)
class ActionPage:
    """One workflow action: ``admin:ppid_<model>_<name>`` at ``<object_id>/<route>/``."""

    name: str
    route: str
    title: str
    button: str
    # call(request, obj, form) runs the service; form is None for a page without one.
    call: Callable[[Any, Any, Any], Any]
    # success is a text or success(obj) -> text, said after the call (the object refreshed).
    success: str | Callable[[Any], str] = ""
    # form(request, obj) builds the form from request.POST (and FILES); None: a confirmation only.
    form: Callable[[Any, Any], Any] | None = None
    # Change permission on the object (scoped), and a further model permission if set.
    needs_change: bool = True
    permission: str = ""
    # explanation is a text or explanation(obj) -> text, shown above the form.
    explanation: str | Callable[[Any], str] = ""
    multipart: bool = False
    # refusal(obj) -> a warning when the object's status does not allow the move, else "".
    refusal: Callable[[Any], str] | None = None
    # respond(request, obj, result) -> the response after the call; default: back to the object.
    respond: Callable[[Any, Any, Any], Any] | None = None

    def allowed(self, model_admin, request, obj):
        if self.needs_change and not model_admin.has_change_permission(request, obj):
            return False
        return not self.permission or request.user.has_perm(self.permission)

    def said(self, obj):
        return str(self.success(obj) if callable(self.success) else self.success)

    def explain(self, obj):
        return self.explanation(obj) if callable(self.explanation) else self.explanation


class ActionPagesMixin:
    """Serves a ModelAdmin's `action_pages` table; put `action_urls()` before the default URLs."""

    action_pages: tuple[ActionPage, ...] = ()

    def action_urls(self):
        model_name = self.model._meta.model_name
        return [
            path(
                f"<path:object_id>/{action.route}/",
                self.admin_site.admin_view(partial(self.action_view, action=action)),
                name=f"{self.model._meta.app_label}_{model_name}_{action.name}",
            )
            for action in self.action_pages
        ]

    def object_url(self, obj):
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])

    def action_view(self, request, object_id, *, action):
        obj = self.get_object(request, object_id)
        if not action.allowed(self, request, obj):
            raise PermissionDenied
        refusal = action.refusal(obj) if action.refusal else ""
        if refusal:
            messages.warning(request, refusal)
            return HttpResponseRedirect(self.object_url(obj))
        form = action.form(request, obj) if action.form else None
        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                result = action.call(request, obj, form)
            except ValidationError as error:
                if form is None:
                    report_errors(request, error)
                    return HttpResponseRedirect(self.object_url(obj))
                attach_errors(form, error)
            else:
                if action.respond:
                    return action.respond(request, obj, result)
                messages.success(request, action.said(self.get_object(request, object_id)))
                return HttpResponseRedirect(self.object_url(obj))
        return self.action_page(
            request,
            obj,
            form,
            title=action.title,
            button=action.button,
            explanation=action.explain(obj),
            multipart=action.multipart,
        )

    def action_page(self, request, obj, form, *, title, button, explanation="", multipart=False, back_url=""):
        return TemplateResponse(
            request,
            ACTION_TEMPLATE,
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": obj,
                "title": title,
                "form": form,
                "button": button,
                "explanation": explanation,
                "multipart": multipart,
                "back_url": back_url or self.object_url(obj),
            },
        )
