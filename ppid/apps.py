from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidConfig(AppConfig):
    name = "ppid"
    verbose_name = _("Public information service (PPID)")

    def ready(self):
        from . import checks, privacy
        from .notifications.requester import RECEIPT_ATTACHMENT
        from .outbox import register_attachment
        from .paper import receipt_for_message

        checks.register()
        privacy.mask_personal_data_in_audit_log()
        register_attachment(RECEIPT_ATTACHMENT, receipt_for_message)
