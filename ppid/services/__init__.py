"""Write-side workflows of the public-information service.

Every status of a request, an objection or a DIP item changes through the
portal's workflow kit (`portal.workflow`), declared once per machine in
`ppid.models` (`REQUEST_WORKFLOW`, `OBJECTION_WORKFLOW`, `DIP_WORKFLOW`); the
modules here add the law's own rules and queue the e-mails in the outbox in
the same transaction (`ppid.notifications`, sent by `send_outbox`):

- `numbers`: registration numbers drawn from a locked per-year counter;
- `letters`: letter numbers of receipts and notices, per unit, kind and year;
- `requests`: registering, moving and answering a request;
- `request_acts`: reassignment, the public register, access codes, tracking;
- `objections`: objections to the atasan and disputes at the Komisi Informasi;
- `obligations`: what an upheld objection orders the unit to do, and its fulfilment;
- `dip`: the Daftar Informasi Publik's items and document versions;
- `survey`, `calendar`, `reminders`, `retention`: the satisfaction survey,
  local non-working days, officers' reminders and removing personal data.

Functions take keyword-only arguments and raise `django.core.exceptions.ValidationError`
(`InvalidTransition` for a move the table refuses) with a translated message;
nothing is written then.
"""

from portal.workflow import InvalidTransition

from .calendar import delete_non_working_day, recompute_open_deadlines, save_non_working_day
from .dip import add_dip_version, change_dip_status, create_dip_item
from .disputes import DisputeWindow, dispute_window
from .letters import format_letter_number, issue_letter
from .numbers import (
    NUMBER_RE,
    OBJECTION_SERIES,
    REQUEST_SERIES,
    draw_number,
    format_number,
    normalise_number,
    raise_counter,
)
from .objections import (
    allowed_grounds,
    change_objection_status,
    file_objection,
    objection_window,
    save_dispute,
)
from .obligations import (
    change_obligation_status,
    count_late_obligations,
    create_obligation,
    late_obligations,
)
from .reminders import ReminderRun, send_due_reminders
from .request_acts import (
    exclude_from_register,
    find_request,
    reassign_request,
    reissue_lost_code,
    reset_access_code,
)
from .requests import (
    Registration,
    Requester,
    answer_request,
    change_request_status,
    lock_request,
    register_request,
)
from .retention import (
    ANONYMISED_NAME,
    PERSONAL_FIELDS,
    anonymise_request,
    due_for_anonymisation,
    personal_fields_present,
    retention_cutoff,
)
from .survey import submit_survey

__all__ = [
    "ANONYMISED_NAME",
    "NUMBER_RE",
    "OBJECTION_SERIES",
    "PERSONAL_FIELDS",
    "REQUEST_SERIES",
    "DisputeWindow",
    "InvalidTransition",
    "Registration",
    "ReminderRun",
    "Requester",
    "add_dip_version",
    "allowed_grounds",
    "anonymise_request",
    "answer_request",
    "change_dip_status",
    "change_objection_status",
    "change_obligation_status",
    "count_late_obligations",
    "create_obligation",
    "change_request_status",
    "create_dip_item",
    "delete_non_working_day",
    "dispute_window",
    "draw_number",
    "format_letter_number",
    "issue_letter",
    "due_for_anonymisation",
    "exclude_from_register",
    "file_objection",
    "find_request",
    "format_number",
    "late_obligations",
    "lock_request",
    "normalise_number",
    "objection_window",
    "personal_fields_present",
    "raise_counter",
    "reassign_request",
    "recompute_open_deadlines",
    "register_request",
    "reissue_lost_code",
    "reset_access_code",
    "retention_cutoff",
    "save_dispute",
    "save_non_working_day",
    "send_due_reminders",
    "submit_survey",
]
