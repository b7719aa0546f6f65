"""The outbox in the back office: what was sent, what waits and what failed, and each officer's switches.

The outbox is read-only and scoped like the rest of the service: a village
officer sees the messages about their village's unit. A message's text is
never shown (a registration message carries the requester's access code);
requesters' addresses are masked. Officers holding the change permission can
put unsent messages back in line at once (“Send again”).

`NotificationPreferenceAdmin` is each officer's own form (“My e-mail
notifications”): the list opens the user's own switches; an administrator
sees everyone's.
"""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.roles import Role, user_roles

from .. import outbox
from ..models import REQUESTER_KINDS, NotificationPreference, OutboxMessage
from ..outbox.channels import mask_email, message_outcome
from .base import ReadOnlyAdmin


class DeliveryFilter(admin.SimpleListFilter):
    title = _("delivery")
    parameter_name = "kirim"

    def lookups(self, request, model_admin):
        return [
            ("antre", _("Queued")),
            ("terkirim", _("Sent")),
            ("gagal", _("Failed, tried again later")),
            ("berhenti", _("Failed, no further attempt")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "antre":
            return queryset.filter(sent_at__isnull=True, last_error="")
        if value == "terkirim":
            return queryset.filter(sent_at__isnull=False)
        if value == "gagal":
            return queryset.failing().exclude(last_error="").filter(next_attempt_at__isnull=False)
        if value == "berhenti":
            return queryset.filter(sent_at__isnull=True, next_attempt_at__isnull=True)
        return queryset


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "recipient", "subject", "request_link", "outcome", "attempts"]
    list_filter = [DeliveryFilter, "kind", "created_at"]
    list_select_related = ["request"]
    search_fields = ["subject", "request__number"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    fields = [
        "kind",
        "recipient",
        "subject",
        "language",
        "unit",
        "request_link",
        "attachment_kind",
        "created_at",
        "outcome",
        "attempts",
        "last_attempt_at",
        "next_attempt_at",
        "last_error",
        "sent_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("to"))
    def recipient(self, obj):
        return mask_email(obj.to) if obj.kind in REQUESTER_KINDS else obj.to

    @admin.display(description=_("request"))
    def request_link(self, obj):
        if obj.request_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:ppid_inforequest_change", args=[obj.request_id]),
            obj.request,
        )

    @admin.display(description=_("what happened"))
    def outcome(self, obj):
        return message_outcome(obj)

    def has_resend_permission(self, request):
        return request.user.has_perm("ppid.change_outboxmessage")

    @admin.action(description=_("Send the selected messages again now"), permissions=["resend"])
    def send_again(self, request, queryset):
        count = outbox.queue_again(queryset)
        messages.success(
            request, gettext("%(count)s message(s) will be sent within a minute.") % {"count": count}
        )


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "new_request", "new_objection", "due_soon", "overdue", "obligation_due"]

    @staticmethod
    def sees_everyone(request):
        return request.user.is_superuser or Role.ADMINISTRATOR in user_roles(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        return queryset if self.sees_everyone(request) else queryset.filter(user=request.user)

    def get_fields(self, request, obj=None):
        fields = ["new_request", "new_objection", "due_soon", "overdue", "obligation_due"]
        return ["user", *fields] if self.sees_everyone(request) else fields

    def get_readonly_fields(self, request, obj=None):
        return ["user"] if obj is not None and self.sees_everyone(request) else []

    def changelist_view(self, request, extra_context=None):
        if self.sees_everyone(request):
            return super().changelist_view(request, extra_context)
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        own, _created = NotificationPreference.objects.get_or_create(user=request.user)
        return HttpResponseRedirect(reverse("admin:ppid_notificationpreference_change", args=[own.pk]))

    def has_add_permission(self, request):
        return self.sees_everyone(request) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.sees_everyone(request) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not self.sees_everyone(request):
            obj.user = request.user
        super().save_model(request, obj, form, change)
