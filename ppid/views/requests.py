"""A citizen's request: the statutory form, tracking with the access code, the survey and their own papers.

Only the requester reaches these pages beyond the public register: with the
registration number and access code, or a signed link issued after them. Every
response carries private headers and every form is throttled per client.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.throttle import throttle

from .. import services
from ..deadlines import WorkingCalendar
from ..downloads import download_name, private_download, private_headers
from ..forms import InfoRequestForm, SurveyForm, TrackingForm
from ..models import (
    AnswerDocument,
    FormSubmission,
    InfoRequest,
    Obligation,
    PpidUnit,
    SurveyResponse,
    WrittenNotice,
)
from . import once

DOCUMENT_SALT = "ppid.answer-document"
NOTICE_SALT = "ppid.notice"
RECEIPT_SALT = "ppid.receipt"
# Signed links to a requester's own notice and documents stay valid this long.
LINK_MAX_AGE = 60 * 60 * 24
FORM_RATE = "20/h"


def _register(form, language):
    data = form.cleaned_data
    return services.register_request(
        unit=data["unit"],
        requester=form.requester(),
        information_requested=data["information_requested"].strip(),
        purpose=data["purpose"].strip(),
        obtain_method=data["obtain_method"],
        delivery_method=data["delivery_method"],
        language=language,
    )


@never_cache
@throttle("ppid-request", rate=FORM_RATE)
def request_new(request):
    """`/ppid/permohonan/baru/`: the statutory request form.

    A valid POST registers the request and redirects to the page that shows the
    number and the access code; the code waits in the session (encrypted) for
    that one page and is gone after it. A repeated POST of the same form goes to
    the first request's page.
    """
    if request.method == "POST":
        first = once.earlier(request, FormSubmission.Kind.REQUEST)
        if first is not None:
            return once.show(request, "request", first, "ppid:request_registered")
        form = InfoRequestForm(request.POST, request.FILES)
        if form.is_valid():
            registrations = []

            def create():
                registrations.append(_register(form, get_language() or "id"))
                return registrations[-1].request

            pk, created = once.submit_once(request, FormSubmission.Kind.REQUEST, create)
            code = registrations[-1].access_code if created else ""
            return once.show(request, "request", pk, "ppid:request_registered", secret=code)
    else:
        initial = {}
        slug = request.GET.get("unit", "")[:100]
        # Only a well-formed address is looked up; anything else just leaves the unit unchosen.
        if slug_re.match(slug):
            unit = PpidUnit.objects.published().filter(slug=slug).first()
            if unit:
                initial["unit"] = unit.pk
        form = InfoRequestForm(initial=initial)
    return render(request, "ppid/request_form.html", {"form": form})


@never_cache
def request_registered(request):
    """`/ppid/permohonan/terdaftar/`: the number, and the access code the first time only."""
    pk, code = once.recall(request, "request", take_secret=True)
    info_request = InfoRequest.objects.select_related("unit").filter(pk=pk).first() if pk else None
    if info_request is None:
        return redirect("ppid:request_new")
    return private_headers(
        render(
            request,
            "ppid/request_registered.html",
            {
                "info_request": info_request,
                "access_code": code,
                "receipt_token": signing.dumps({"request": info_request.pk}, salt=RECEIPT_SALT),
            },
        )
    )


def _objection_row(objection, obligation, calendar):
    window = services.dispute_window(objection, calendar)
    return {
        "objection": objection,
        "obligation": obligation,
        "obligation_overdue": bool(obligation and obligation.is_overdue()),
        "dispute_window": window,
        "dispute_window_open": bool(window and window.is_open()),
    }


def tracking_context(info_request, *, survey_form=None):
    """What the requester sees about their own request (no personal data shown)."""
    calendar = WorkingCalendar.from_db()
    first, extended = info_request.deadline(calendar)
    notice = WrittenNotice.objects.filter(request=info_request).prefetch_related("documents").first()
    documents = (
        [
            (document, signing.dumps({"document": document.pk}, salt=DOCUMENT_SALT))
            for document in notice.documents.all()
        ]
        if notice
        else []
    )
    objections = list(info_request.objections.prefetch_related("disputes").order_by("filed_at"))
    obligations = {o.objection_id: o for o in Obligation.objects.filter(objection__in=objections)}
    objection_rows = [_objection_row(o, obligations.get(o.pk), calendar) for o in objections]
    window = services.objection_window(info_request, calendar)
    can_survey = info_request.is_answered and not SurveyResponse.objects.filter(request=info_request).exists()
    if can_survey and survey_form is None:
        survey_form = SurveyForm(initial={"token": SurveyForm.make_token(info_request)})
    return {
        "info_request": info_request,
        "events": list(info_request.events.filter(is_public=True).order_by("at", "pk")),
        "first_deadline": first,
        "extended_deadline": extended,
        "overdue": info_request.is_overdue(),
        "notice": notice,
        "notice_token": signing.dumps({"request": info_request.pk}, salt=NOTICE_SALT) if notice else "",
        "receipt_token": signing.dumps({"request": info_request.pk}, salt=RECEIPT_SALT),
        "documents": documents,
        "objections": objections,
        "objection_rows": objection_rows,
        "objection_window": window,
        "can_object": window is not None
        and timezone.localdate() <= window[1]
        and not any(o.is_open for o in objections),
        "survey_form": survey_form if can_survey else None,
        "survey_done": info_request.is_answered and not can_survey,
    }


@never_cache
@throttle("ppid-track", rate=FORM_RATE)
def track(request):
    """`/ppid/permohonan/lacak/`: registration number and access code, sent by POST, then the result page."""
    if request.method == "POST":
        form = TrackingForm(request.POST)
        if form.is_valid():
            return once.show(request, "tracking", form.info_request.pk, "ppid:tracking")
    else:
        form = TrackingForm(initial={"number": request.GET.get("nomor", "")[:40]})
    return render(request, "ppid/tracking_form.html", {"form": form})


def _tracked(request):
    pk, _secret = once.recall(request, "tracking")
    return InfoRequest.objects.select_related("unit").filter(pk=pk).first() if pk else None


@never_cache
def tracking(request):
    """`/ppid/permohonan/lacak/hasil/`: the request this browser opened with its number and code."""
    info_request = _tracked(request)
    if info_request is None:
        return redirect("ppid:track")
    return private_headers(render(request, "ppid/tracking.html", tracking_context(info_request)))


@never_cache
@require_POST
@throttle("ppid-survey", rate=FORM_RATE)
def survey(request):
    """The SKM after an answer: nine elements rated 1–4, once per request, then the thanks page."""
    first = once.earlier(request, FormSubmission.Kind.SURVEY)
    if first is not None:
        return once.show(request, "survey", first, "ppid:survey_thanks")
    form = SurveyForm(request.POST)
    if form.is_valid():
        info_request = form.cleaned_data["token"]

        def create():
            services.submit_survey(
                info_request=info_request, scores=form.scores(), suggestion=form.cleaned_data["suggestion"]
            )
            return info_request

        try:
            once.submit_once(request, FormSubmission.Kind.SURVEY, create)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return once.show(request, "survey", info_request.pk, "ppid:survey_thanks")
    info_request = form.cleaned_data.get("token") if hasattr(form, "cleaned_data") else None
    if not isinstance(info_request, InfoRequest):
        return render(
            request, "ppid/tracking_form.html", {"form": TrackingForm(), "survey_error": True}, status=400
        )
    return private_headers(
        render(request, "ppid/tracking.html", tracking_context(info_request, survey_form=form))
    )


@never_cache
def survey_thanks(request):
    """`/ppid/permohonan/survei/terima-kasih/`: the thanks after the survey."""
    pk, _secret = once.recall(request, "survey")
    info_request = InfoRequest.objects.filter(pk=pk).first() if pk else None
    if info_request is None:
        return redirect("ppid:track")
    return private_headers(render(request, "ppid/survey_thanks.html", {"info_request": info_request}))


def signed_link(token, salt):
    """The data of a signed link to a requester's own paper or document; 404 once it has expired."""
    try:
        return signing.loads(token, salt=salt, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        raise Http404(_("This link has expired. Track your request again to get a new one.")) from None


def answer_document(request, token):
    """A document of the answer, for the requester who opened it from the tracking page."""
    data = signed_link(token, DOCUMENT_SALT)
    document = get_object_or_404(AnswerDocument, pk=data.get("document"))
    stored = document.document
    return private_download(stored, download_name(stored, document.notice.request.number, document.pk))
