"""The billboard downloads of a published budget version in the back office.

`BillboardDownloadMixin` adds ``<id>/baliho/<ukuran>.svg|pdf`` to the budget
version admin and a "billboard" field on its change form with a link per
format. The version is looked up in the admin's scoped queryset, so a
village officer gets only their own village's billboards; a draft or
discarded version has none (404).
"""

from django.contrib import admin
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import billboard
from ..models import Status
from ..views.billboard import billboard_response


class BillboardDownloadMixin:
    def get_urls(self):
        return [
            path(
                "<int:object_id>/baliho/<str:size>.<str:fmt>",
                self.admin_site.admin_view(self.billboard_view),
                name="ogp_budgetversion_billboard",
            ),
            *super().get_urls(),
        ]

    def billboard_view(self, request, object_id, size, fmt):
        if size not in billboard.FORMATS or fmt not in billboard.CONTENT_TYPES:
            raise Http404(gettext("There is no billboard of that size or file type."))
        version = (
            self.get_queryset(request)
            .select_related("budget__village__district")
            .filter(pk=object_id, status=Status.PUBLISHED)
            .first()
        )
        if version is None or not self.has_view_permission(request, version):
            raise Http404(gettext("Only a published version in your scope has a billboard."))
        url = request.build_absolute_uri(version.budget.get_absolute_url())
        file = billboard.billboard_file(version, size=size, fmt=fmt, url=url)
        return billboard_response(file, download=True)

    @admin.display(description=_("billboard"))
    def billboard_links(self, obj):
        if obj is None or obj.status != Status.PUBLISHED:
            return gettext("A billboard is made once the version is published.")
        links = [
            (
                reverse("admin:ogp_budgetversion_billboard", args=[obj.pk, size, kind]),
                f"{shape.label} ({kind.upper()})",
            )
            for size, shape in billboard.FORMATS.items()
            for kind in billboard.CONTENT_TYPES
        ]
        return format_html_join(" · ", '<a href="{}" download>{}</a>', links)
