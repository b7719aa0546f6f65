"""Forms of the information service: the citizen's forms, the public filters and the officers' workflow forms.

Each form only parses and checks one screen's input; the writes happen in
`ppid.services`. Messages are attached to the field they concern so the
template's field groups tie them to the input with ``aria-describedby``.

Modules: `base` (shared pieces), `requests` (the request forms), `tracking`
(forms opened with the number and access code, and the lost-code form), `filters` (public lists),
`workflow` (the back office's actions) and `obligations` (an upheld objection's order).
"""

from .base import TEXT_LIMIT, HoneypotMixin, MultipleFileField, MultipleFileInput, attach_errors, unit_choices
from .filters import DipFilterForm, RegisterFilterForm
from .obligations import CancelObligationForm, FulfilObligationForm, ObligationOrderMixin
from .requests import InfoRequestForm, OfficerRequestForm, RequestDetailsMixin, RequesterFieldsMixin
from .tracking import (
    SURVEY_MAX_AGE,
    SURVEY_SALT,
    LostCodeForm,
    NumberAndCodeMixin,
    ObjectionForm,
    SurveyForm,
    TrackingForm,
)
from .workflow import (
    AnswerForm,
    ExcludeFromRegisterForm,
    ExtendForm,
    NoteForm,
    ObjectionDecisionForm,
    OfficerObjectionForm,
    ReassignForm,
    WithdrawForm,
)

__all__ = [
    "SURVEY_MAX_AGE",
    "SURVEY_SALT",
    "TEXT_LIMIT",
    "AnswerForm",
    "CancelObligationForm",
    "DipFilterForm",
    "ExcludeFromRegisterForm",
    "ExtendForm",
    "FulfilObligationForm",
    "HoneypotMixin",
    "InfoRequestForm",
    "LostCodeForm",
    "MultipleFileField",
    "MultipleFileInput",
    "NoteForm",
    "NumberAndCodeMixin",
    "ObjectionDecisionForm",
    "ObjectionForm",
    "ObligationOrderMixin",
    "OfficerObjectionForm",
    "OfficerRequestForm",
    "ReassignForm",
    "RegisterFilterForm",
    "RequestDetailsMixin",
    "RequesterFieldsMixin",
    "SurveyForm",
    "TrackingForm",
    "WithdrawForm",
    "attach_errors",
    "unit_choices",
]
