"""The village openness index in the back office: assessments, pillars, indicators and scores.

A village's total follows from its indicator scores and the weights whenever
they are saved (`ogp.services.recompute_score`). What the public site shows
cannot be deleted.
"""

from django.contrib import admin

from portal.scoped_admin import KeepPublishedMixin, ScopedModelAdmin, ScopedTabularInline

from .. import services
from ..models import Assessment, Indicator, IndicatorScore, OpennessClass, Pillar, VillageScore


class PillarInline(admin.TabularInline):
    model = Pillar
    fields = ["key", "weight", "order"]
    extra = 0
    show_change_link = True


class OpennessClassInline(admin.TabularInline):
    model = OpennessClass
    fields = ["name", "min_score", "description"]
    extra = 0


@admin.register(Assessment)
class AssessmentAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["year", "title", "is_published"]
    fields = ["year", "title", "body", "is_published"]
    inlines = [PillarInline, OpennessClassInline]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = ["name", "weight", "max_score", "order"]
    extra = 0


@admin.register(Pillar)
class PillarAdmin(ScopedModelAdmin):
    list_display = ["assessment", "key", "weight"]
    list_filter = ["assessment"]
    inlines = [IndicatorInline]


class IndicatorScoreInline(ScopedTabularInline):
    model = IndicatorScore
    fields = ["indicator", "score"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicator":
            kwargs["queryset"] = Indicator.objects.select_related("pillar__assessment")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(VillageScore)
class VillageScoreAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["village", "assessment", "total", "is_sample"]
    list_filter = ["assessment", "is_sample"]
    search_fields = ["village__name", "village__code"]
    autocomplete_fields = ["village"]
    list_select_related = ["village", "assessment"]
    inlines = [IndicatorScoreInline]
    fields = ["assessment", "village", "total", "note", "is_sample"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # With indicator scores, the total follows from them and the weights.
        services.recompute_score(village_score=form.instance)
