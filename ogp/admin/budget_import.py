"""The budget upload page of the back office and the template files it offers.

`BudgetImportMixin` adds two URLs to the APBDes admin: `import/` (an APBDes or
a realisation report from a CSV or XLSX file in the template) and
`import/template.csv|xlsx`. The file is read and written by
`ogp.services.import_budget` / `import_realisation`; problems in the file are
listed by row and column, refused status changes shown on the form.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from .. import imports, services
from ..forms import BudgetImportForm
from ..imports import ImportFileError

TEMPLATE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _finished_message(result):
    return gettext(
        "Import finished: %(created)s new, %(replaced)s replaced, %(unchanged)s unchanged (%(lines)s lines)."
    ) % {
        "created": result.count("created"),
        "replaced": result.count("replaced"),
        "unchanged": result.count("unchanged"),
        "lines": result.lines,
    }


def _finished_url(result):
    """The change form of the one version or report imported, else the list of versions."""
    if len(result.outcomes) == 1 and result.outcomes[0].version is not None:
        outcome = result.outcomes[0]
        target = outcome.report or outcome.version
        return reverse(f"admin:ogp_{target._meta.model_name}_change", args=[target.pk])
    return reverse("admin:ogp_budgetversion_changelist")


class BudgetImportMixin:
    """The upload page and the template downloads, for users who may add versions or reports."""

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name=f"{prefix}_import"),
            path(
                "import/template.<str:fmt>",
                self.admin_site.admin_view(self.template_view),
                name=f"{prefix}_import_template",
            ),
            *super().get_urls(),
        ]

    def _may_import(self, request):
        return request.user.has_perm("ogp.add_budgetversion") or request.user.has_perm(
            "ogp.add_realisationreport"
        )

    def template_view(self, request, fmt):
        if not self._may_import(request) or fmt not in TEMPLATE_TYPES:
            raise PermissionDenied
        content = imports.template_csv() if fmt == "csv" else imports.template_xlsx()
        response = HttpResponse(content, content_type=TEMPLATE_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="templat-apbdes.{fmt}"'
        return response

    def import_view(self, request):
        if not self._may_import(request):
            raise PermissionDenied
        can_publish = request.user.has_perm("ogp.publish_budgetversion")
        form = BudgetImportForm(
            request.POST or None, request.FILES or None, user=request.user, can_publish=can_publish
        )
        errors, truncated = [], False
        if request.method == "POST" and form.is_valid():
            try:
                result = self._run_import(request, form.cleaned_data)
            except ImportFileError as error:
                errors, truncated = error.errors, error.truncated
            except services.StatusChangeError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _finished_message(result))
                _warn_about_balance(request, result)
                return HttpResponseRedirect(_finished_url(result))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import an APBDes or realisation file"),
            "form": form,
            "errors": errors,
            "truncated": truncated,
            "columns": imports.COLUMNS,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "ogp/admin/import.html", context)

    def _run_import(self, request, data):
        if data["what"] == BudgetImportForm.BUDGET:
            return self._import_budget(request, data)
        return self._import_realisation(request, data)

    def _import_budget(self, request, data):
        if not request.user.has_perm("ogp.add_budgetversion"):
            raise PermissionDenied
        return services.import_budget(
            upload=data["file"],
            year=data["year"],
            user=request.user,
            village=data["village"],
            kind=data["kind"],
            new_version=data["new_version"],
            perdes_number=data["perdes_number"],
            perdes_date=data["perdes_date"],
            publish=data.get("publish", False),
            note=data.get("note", ""),
            explanation=data.get("explanation", ""),
        )

    def _import_realisation(self, request, data):
        if not request.user.has_perm("ogp.add_realisationreport"):
            raise PermissionDenied
        return services.import_realisation(
            upload=data["file"],
            year=data["year"],
            period=data["period"],
            as_of=data["as_of"],
            user=request.user,
            village=data["village"],
            new_report=data["new_report"],
            publish=data.get("publish", False) and request.user.has_perm("ogp.publish_realisationreport"),
            explanation=data.get("explanation", ""),
        )


def _warn_about_balance(request, result):
    """Drafts whose books do not balance: one warning per failed check, before anyone publishes."""
    for village, problem in services.draft_balance_warnings(result):
        messages.warning(request, f"{village.label}: {problem.message}")
