"""Models of the public-information service; see each module for its part of the law."""

from portal import scoping

from .counters import RegistrationCounter
from .dip import DIP_WORKFLOW, DipCategory, DipDocumentVersion, DipItem, DipItemEvent
from .grounds import SETTLEABLE_GROUNDS, ExemptionGround, ObjectionGround
from .harvest import HarvestedDocument, OpenSidSource
from .legal import AnnualReport, NonWorkingDay, Regulation, ServiceStandard
from .letters import Letter, LetterCounter, LetterKind
from .notices import AnswerDocument, WrittenNotice
from .objections import GROUND_FIELDS, OBJECTION_WORKFLOW, Dispute, Objection, ObjectionEvent
from .obligations import OBLIGATION_WORKFLOW, Obligation, ObligationEvent
from .outbox import REQUESTER_KINDS, MessageKind, NotificationPreference, OfficerKind, OutboxMessage
from .reminders import ReminderSent
from .requests import (
    REQUEST_WORKFLOW,
    DeliveryMethod,
    InfoRequest,
    ObtainMethod,
    RequestChannel,
    RequestEvent,
    private_storage,
)
from .submissions import FormSubmission
from .survey import ELEMENTS, Score, SurveyResponse
from .tallies import Tally
from .units import Coverage, PpidUnit, coverage_by_district

__all__ = [
    "DIP_WORKFLOW",
    "ELEMENTS",
    "GROUND_FIELDS",
    "OBJECTION_WORKFLOW",
    "OBLIGATION_WORKFLOW",
    "REQUESTER_KINDS",
    "REQUEST_WORKFLOW",
    "SETTLEABLE_GROUNDS",
    "AnnualReport",
    "AnswerDocument",
    "Coverage",
    "DeliveryMethod",
    "DipCategory",
    "DipDocumentVersion",
    "DipItem",
    "DipItemEvent",
    "Dispute",
    "HarvestedDocument",
    "ExemptionGround",
    "FormSubmission",
    "InfoRequest",
    "Letter",
    "LetterCounter",
    "LetterKind",
    "MessageKind",
    "NonWorkingDay",
    "NotificationPreference",
    "Objection",
    "ObjectionEvent",
    "ObjectionGround",
    "Obligation",
    "ObligationEvent",
    "ObtainMethod",
    "OfficerKind",
    "OpenSidSource",
    "OutboxMessage",
    "PpidUnit",
    "Regulation",
    "RegistrationCounter",
    "ReminderSent",
    "RequestChannel",
    "RequestEvent",
    "Score",
    "ServiceStandard",
    "SurveyResponse",
    "Tally",
    "WrittenNotice",
    "coverage_by_district",
    "private_storage",
]

# Village officers see only what belongs to their village's unit. Units of the
# regency and its agencies have no village, so the village filter (village in
# {theirs}) leaves them out, which is what keeps a village officer out of them.
scoping.register(PpidUnit, village="village")
scoping.register(DipItem, village="unit__village")
scoping.register(DipItemEvent, village="item__unit__village")
scoping.register(DipDocumentVersion, village="item__unit__village")
scoping.register(InfoRequest, village="unit__village")
scoping.register(RequestEvent, village="request__unit__village")
scoping.register(WrittenNotice, village="request__unit__village")
scoping.register(Letter, village="unit__village")
scoping.register(AnswerDocument, village="notice__request__unit__village")
scoping.register(ReminderSent, village="request__unit__village")
scoping.register(Objection, village="request__unit__village")
scoping.register(ObjectionEvent, village="objection__request__unit__village")
scoping.register(Dispute, village="objection__request__unit__village")
scoping.register(Obligation, village="unit__village")
scoping.register(ObligationEvent, village="obligation__unit__village")
scoping.register(SurveyResponse, village="unit__village")
scoping.register(OpenSidSource, village="unit__village")
scoping.register(HarvestedDocument, village="source__unit__village")
scoping.register(OutboxMessage, village="unit__village")
