"""The Siskeudes import page and the village mapping in the back office.

`SiskeudesVillageAdmin` lists which portal village each Siskeudes village code
stands for; an administrator corrects a wrong match there. Its `import/` page
takes the zip of Siskeudes tables, keeps it in private storage under a name
derived from its content, and shows the preview of every village-year
(`ogp.services.siskeudes_import.preview_siskeudes`); the person ticks the
matches they confirm and imports, each village-year in its own transaction.

The import publishes what it writes, so the preview also runs the balance
checks (`ogp.balance`) on every version and realisation report it would
write and lists each failure line by line. Such a village-year is imported
only with the officer's written explanation of its books, typed under its
checks; the public page shows it beside the figures. Without one it is
refused, and the books can be corrected in Siskeudes instead. The preview
shows the public note a Perubahan is published with as well.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from portal.scoped_admin import ScopedModelAdmin
from portal.uploads.storage import OPAQUE_EXTENSION

from ..forms import SiskeudesUploadForm
from ..models import SiskeudesVillage
from ..services import siskeudes_import
from ..siskeudes.plan import NEEDS_CONFIRMATION, PERUBAHAN, UNCHANGED
from ..siskeudes.preview import balance_checks

TOKEN_RE = re.compile(r"^[0-9a-f]{64}$")


def _stored_name(user, token):
    """Where an upload waits for confirmation: the verified storage keeps a zip as opaque bytes."""
    return f"siskeudes/{user.pk}/{token}{OPAQUE_EXTENSION}"


@dataclass
class ItemPreview:
    """What the preview shows of one village-year beyond its plan: the checks and the public notes."""

    item: object  # siskeudes.plan.PlannedYear
    checks: list = field(default_factory=list)  # (version or report label, [Imbalance])
    notes: list = field(default_factory=list)  # (version label, public note)

    @property
    def failures(self):
        return sum(len(problems) for _label, problems in self.checks)

    @property
    def explanation_field(self):
        return explanation_field(self.item)


def preview_item(item):
    """The balance checks of every version and report `item` would write, and the notes it publishes."""
    preview = ItemPreview(item, checks=balance_checks(item))
    for step in item.versions:
        if step.outcome != UNCHANGED and step.kind == PERUBAHAN:
            note = str(siskeudes_import.SISKEUDES_REVISION_NOTE) % {"perdes": step.perdes_number or "–"}
            preview.notes.append((step.kind_label, note))
    return preview


def explanation_field(item):
    """The name of the preview's field for the explanation of a village-year's books."""
    return f"explanation-{item.match.source.code}-{item.year}"


def _explanations(request, plan):
    """{(Siskeudes code, year): explanation} from the preview form."""
    found = {}
    for item in plan.items:
        text = request.POST.get(explanation_field(item), "").strip()
        if text:
            found[(item.match.source.code, item.year)] = text
    return found


@admin.register(SiskeudesVillage)
class SiskeudesVillageAdmin(ScopedModelAdmin):
    list_display = ("code", "village_name", "district_name", "village", "confirmed_by", "confirmed_at")
    search_fields = ("code", "village_name", "district_name", "village__name")
    autocomplete_fields = ("village",)
    readonly_fields = ("confirmed_by", "confirmed_at")

    def save_model(self, request, obj, form, change):
        obj.confirmed_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="ogp_siskeudesvillage_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not request.user.has_perm("ogp.add_budgetversion"):
            raise PermissionDenied
        form = SiskeudesUploadForm(request.POST or None, request.FILES or None)
        token = request.POST.get("token", "")
        if request.method == "POST" and "file" in request.FILES and form.is_valid():
            token = self._keep(request, form.cleaned_data["file"])
        elif request.method == "POST" and TOKEN_RE.match(token) and "import" in request.POST:
            return self._import(request, token)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import a Siskeudes export"),
            "form": form,
            "media": self.media + form.media,
        }
        if TOKEN_RE.match(token) and storages["private"].exists(_stored_name(request.user, token)):
            with storages["private"].open(_stored_name(request.user, token)) as upload:
                read, plan = siskeudes_import.preview_siskeudes(upload, user=request.user)
            previews = [preview_item(item) for item in plan.items]
            context.update(token=token, plan=plan, problems=read.export.problems, previews=previews)
        return TemplateResponse(request, "ogp/admin/siskeudes_import.html", context)

    def _keep(self, request, upload):
        content = upload.read()
        token = hashlib.sha256(content).hexdigest()
        storage = storages["private"]
        name = _stored_name(request.user, token)
        if not storage.exists(name):
            storage.save(name, ContentFile(content))
        return token

    def _import(self, request, token):
        name = _stored_name(request.user, token)
        storage = storages["private"]
        if not storage.exists(name):
            raise PermissionDenied
        confirm = frozenset(request.POST.getlist("confirm"))
        with storage.open(name) as upload:
            _read, plan = siskeudes_import.preview_siskeudes(upload, user=request.user, confirm=confirm)
        result = siskeudes_import.apply_siskeudes(
            plan, user=request.user, explanations=_explanations(request, plan)
        )
        waiting = sum(1 for item in plan.items if item.state == NEEDS_CONFIRMATION)
        message = gettext(
            "Siskeudes import: %(imported)s village-years imported, %(unchanged)s unchanged, "
            "%(failed)s failed, %(waiting)s waiting for a confirmed match."
        ) % {
            "imported": result.count(siskeudes_import.IMPORTED),
            "unchanged": result.count("unchanged"),
            "failed": result.count(siskeudes_import.FAILED),
            "waiting": waiting,
        }
        level = messages.WARNING if result.count(siskeudes_import.FAILED) else messages.SUCCESS
        messages.add_message(request, level, message)
        for outcome in result.outcomes:
            if outcome.outcome == siskeudes_import.FAILED:
                messages.error(
                    request, f"{outcome.item.match.village.label} {outcome.item.year}: {outcome.message}"
                )
        if not result.count(siskeudes_import.FAILED):
            storage.delete(name)
        return HttpResponseRedirect(reverse("admin:ogp_budgetversion_changelist"))
