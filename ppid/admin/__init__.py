"""Back office of the information service.

Officers never edit a status: the buttons on a request's page (start, extend,
answer with a written notice, withdraw, reassign, withdraw from the register,
new access code) open small forms that call `ppid.services`, all served by one
table-driven view (`ppid.admin.actions`). Every admin class is a
`ScopedModelAdmin`, so a PPID Desa officer sees and reaches only what belongs
to their village's unit; regency and agency units have no village and stay out
of their reach. Requests are never deleted (the retention command anonymises
them instead) and published DIP items cannot be deleted.

Personal data: lists show the requester's initials only; the NIK is shown in
full only on a request's own page to officers holding
``ppid.view_requester_identity``, and identity scans are downloaded through a
permission-checked view as attachments that are never cached.

Modules: `units`, `dip`, `requests` (with `request_actions` and
`request_files`), `objections`, `obligations` (what upheld objections order),
`records` (legal basis, maklumat, reports, calendar, read-only records),
`harvest` (OpenSID sites), `outbox` (outgoing messages and each officer's
notification switches); `base` and `actions` are shared.
"""

from .dip import DipItemAdmin
from .harvest import OpenSidSourceAdmin
from .objections import DisputeAdmin, ObjectionAdmin
from .obligations import ObligationAdmin
from .outbox import NotificationPreferenceAdmin, OutboxMessageAdmin
from .records import (
    AnnualReportAdmin,
    NonWorkingDayAdmin,
    RegulationAdmin,
    ReminderSentAdmin,
    ServiceStandardAdmin,
    SurveyResponseAdmin,
)
from .requests import InfoRequestAdmin
from .units import PpidUnitAdmin

__all__ = [
    "AnnualReportAdmin",
    "DipItemAdmin",
    "DisputeAdmin",
    "InfoRequestAdmin",
    "NonWorkingDayAdmin",
    "NotificationPreferenceAdmin",
    "ObjectionAdmin",
    "ObligationAdmin",
    "OpenSidSourceAdmin",
    "OutboxMessageAdmin",
    "PpidUnitAdmin",
    "RegulationAdmin",
    "ReminderSentAdmin",
    "ServiceStandardAdmin",
    "SurveyResponseAdmin",
]
