"""Back office for the core: territory, village officials, staff and page ratings."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models import District, OfficePage, RatedPage, SatisfactionVote, StaffProfile, Village, VillageOfficial
from .scoped_admin import KeepPublishedMixin, ScopedModelAdmin, ScopedStackedInline, ScopedTabularInline


@admin.register(District)
class DistrictAdmin(ScopedModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["name", "code"]
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False  # the territory comes from the Kemendagri file (load_regions)

    def has_delete_permission(self, request, obj=None):
        return False


class VillageOfficialInline(ScopedTabularInline):
    model = VillageOfficial
    extra = 0
    fields = ["order", "name", "position", "since"]


@admin.register(Village)
class VillageAdmin(ScopedModelAdmin):
    list_display = ["code", "name", "kind", "district", "website"]
    list_filter = ["kind", "district"]
    search_fields = ["name", "code"]
    readonly_fields = ["code", "name", "kind", "district"]
    fields = ["code", "name", "kind", "district", "website", "office_address", "public_email", "public_phone"]
    list_select_related = ["district"]
    inlines = [VillageOfficialInline]

    def has_add_permission(self, request):
        return False  # the territory comes from the Kemendagri file (load_regions)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(VillageOfficial)
class VillageOfficialAdmin(ScopedModelAdmin):
    list_display = ["name", "position", "village"]
    list_select_related = ["village"]
    search_fields = ["name", "position", "village__name"]
    autocomplete_fields = ["village"]


class StaffProfileInline(ScopedStackedInline):
    model = StaffProfile
    can_delete = False
    autocomplete_fields = ["village"]
    verbose_name_plural = _("scope")


admin.site.unregister(User)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [StaffProfileInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "roles", "village"]
    list_filter = ["is_active", "groups"]
    list_select_related = ["staff_profile__village"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("roles"))
    def roles(self, obj):
        return ", ".join(group.name for group in obj.groups.all())

    @admin.display(description=_("village"))
    def village(self, obj):
        profile = getattr(obj, "staff_profile", None)
        return profile.village if profile and profile.village_id else "—"


@admin.register(RatedPage)
class RatedPageAdmin(admin.ModelAdmin):
    """Satisfaction results per page: counts and shares of each answer."""

    list_display = ["path", "title", "total", "very_satisfied", "satisfied", "fairly", "not_satisfied"]
    search_fields = ["path", "title"]
    readonly_fields = ["path", "title", "created"]

    def get_queryset(self, request):
        choice = SatisfactionVote.Choice
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_total=Count("votes"),
                n4=Count("votes", filter=Q(votes__choice=choice.VERY_SATISFIED)),
                n3=Count("votes", filter=Q(votes__choice=choice.SATISFIED)),
                n2=Count("votes", filter=Q(votes__choice=choice.FAIRLY_SATISFIED)),
                n1=Count("votes", filter=Q(votes__choice=choice.NOT_SATISFIED)),
            )
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @staticmethod
    def _share(obj, count):
        percent = round(100 * count / obj.n_total) if obj.n_total else 0
        return f"{count} ({percent}%)"

    @admin.display(description=_("votes"), ordering="n_total")
    def total(self, obj):
        return obj.n_total

    @admin.display(description=_("Very satisfied"))
    def very_satisfied(self, obj):
        return self._share(obj, obj.n4)

    @admin.display(description=_("Satisfied"))
    def satisfied(self, obj):
        return self._share(obj, obj.n3)

    @admin.display(description=_("Fairly satisfied"))
    def fairly(self, obj):
        return self._share(obj, obj.n2)

    @admin.display(description=_("Not satisfied"))
    def not_satisfied(self, obj):
        return self._share(obj, obj.n1)


@admin.register(OfficePage)
class OfficePageAdmin(KeepPublishedMixin, ScopedModelAdmin):
    list_display = ["title", "slug", "order", "is_published", "updated"]
    list_editable = ["order", "is_published"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "body"]
    fields = ["title", "slug", "summary", "body", "order", "is_published", "is_sample"]
