"""The workflow actions on a request's admin page, one row each.

Every row becomes ``admin:ppid_inforequest_<name>`` and is served by
`ActionPagesMixin.action_view`; the buttons on the request's page link to them
(`InfoRequestAdmin._workflow_buttons`). Status moves are checked against
`InfoRequest.TRANSITIONS` before the form is shown.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import services
from ..forms import (
    AnswerForm,
    ExcludeFromRegisterForm,
    ExtendForm,
    NoteForm,
    OfficerObjectionForm,
    ReassignForm,
    WithdrawForm,
)
from ..models import InfoRequest, MessageKind, PpidUnit
from ..outbox.channels import requester_outcome
from .actions import ActionPage
from .request_files import receipt_page

S = InfoRequest.Status


def moving_to(target):
    """A refusal(obj) saying the request's status does not lead to `target`."""

    def refusal(info_request):
        if target in InfoRequest.TRANSITIONS[info_request.status]:
            return ""
        return gettext("A request that is “%(current)s” cannot become “%(target)s”.") % {
            "current": info_request.get_status_display(),
            "target": InfoRequest.Status(target).label,
        }

    return refusal


def _change_status(target, **fields):
    """call(request, obj, form) moving the request to `target`; `fields` name the form's fields to pass."""

    def call(request, info_request, form):
        data = form.cleaned_data
        return services.change_request_status(
            info_request=info_request,
            to_status=target,
            actor=request.user,
            **{argument: data[field] for argument, field in fields.items()},
        )

    return call


def _answer(request, info_request, form):
    return services.answer_request(
        info_request=info_request,
        actor=request.user,
        documents=[(upload.name, upload) for upload in form.cleaned_data.get("documents", [])],
        **form.notice_fields(),
    )


def _file_objection(request, info_request, form):
    data = form.cleaned_data
    return services.file_objection(
        info_request=info_request,
        grounds=data["grounds"],
        statement=data["statement"],
        channel=data["channel"],
        filed_on=data["filed_on"],
        actor=request.user,
    )


def _done(text, kind):
    """success(obj): `text`, then what happened to the requester's message of `kind`."""

    def success(info_request):
        outcome = requester_outcome(info_request, kind)
        return f"{text} {outcome}".strip()

    return success


def _new_code_receipt(request, info_request, code):
    """The new access code, shown once on a printable receipt."""
    return receipt_page(request, info_request, code)


REQUEST_ACTIONS = (
    ActionPage(
        name="process",
        route="proses",
        title=_("Start processing"),
        button=_("Start processing"),
        form=lambda request, obj: NoteForm(request.POST or None),
        call=_change_status(S.IN_PROCESS, note="note"),
        success=_("The request is in process."),
        refusal=moving_to(S.IN_PROCESS),
    ),
    ActionPage(
        name="extend",
        route="perpanjang",
        title=_("Extend the deadline"),
        button=_("Extend"),
        form=lambda request, obj: ExtendForm(request.POST or None),
        call=_change_status(S.EXTENDED, extension_days="extension_days", extension_reason="extension_reason"),
        success=_done(_("The deadline is extended."), MessageKind.EXTENDED),
        refusal=moving_to(S.EXTENDED),
        explanation=_(
            "The deadline can be extended once, by at most 7 working days, with written reasons (Pasal 22(8))."
        ),
    ),
    ActionPage(
        name="answer",
        route="jawab",
        title=_("Answer with a written notice (Pasal 22(7))"),
        button=_("Record the notice"),
        form=lambda request, obj: AnswerForm(request.POST or None, request.FILES or None, info_request=obj),
        call=_answer,
        success=_done(_("The written notice is recorded."), MessageKind.ANSWERED),
        refusal=moving_to(S.GRANTED),
        explanation=_(
            "State whether the unit holds the information (and who does if not), the decision, the material given, "
            "any parts blacked out with reasons, the format and means of delivery, and any fee."
        ),
        multipart=True,
    ),
    ActionPage(
        name="withdraw",
        route="tarik",
        title=_("Record withdrawal"),
        button=_("Record withdrawal"),
        form=lambda request, obj: WithdrawForm(request.POST or None),
        call=_change_status(S.WITHDRAWN, note="note"),
        success=_("The withdrawal is recorded."),
        refusal=moving_to(S.WITHDRAWN),
    ),
    ActionPage(
        name="reassign",
        route="alihkan",
        title=_("Reassign to another unit"),
        button=_("Reassign"),
        permission="ppid.reassign_inforequest",
        form=lambda request, obj: ReassignForm(request.POST or None, units=PpidUnit.objects.published()),
        call=lambda request, obj, form: services.reassign_request(
            info_request=obj,
            unit=form.cleaned_data["unit"],
            actor=request.user,
            note=form.cleaned_data["note"],
        ),
        success=_("The request is reassigned."),
    ),
    ActionPage(
        name="hide",
        route="sembunyikan",
        title=_("Withdraw from the public register"),
        button=_("Withdraw from the register"),
        form=lambda request, obj: ExcludeFromRegisterForm(request.POST or None),
        call=lambda request, obj, form: services.exclude_from_register(
            info_request=obj, reason=form.cleaned_data["reason"], actor=request.user
        ),
        success=_("The request no longer appears in the public register."),
    ),
    ActionPage(
        name="code",
        route="kode-baru",
        title=_("Issue a new access code"),
        button=_("Issue a new code"),
        call=lambda request, obj, form: services.reset_access_code(info_request=obj, actor=request.user),
        respond=_new_code_receipt,
        explanation=_("The old code stops working. The new code is shown once, on a receipt you can print."),
    ),
    ActionPage(
        name="objection",
        route="keberatan",
        title=_("Register an objection received on paper"),
        button=_("Register"),
        permission="ppid.add_objection",
        form=lambda request, obj: OfficerObjectionForm(request.POST or None),
        call=_file_objection,
        success=_("The objection is registered."),
    ),
)
