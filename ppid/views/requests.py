"""A citizen's request: the statutory form, tracking with the access code, the survey and their own papers.

Only the requester reaches these pages beyond the public register: with the
registration number and access code, or a signed link issued after them. Every
response carries private headers and every form is throttled per client.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404, render
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
from ..models import AnswerDocument, InfoRequest, PpidUnit, SurveyResponse, WrittenNotice

DOCUMENT_SALT = "ppid.answer-document"
NOTICE_SALT = "ppid.notice"
# Signed links to a requester's own notice and documents stay valid this long.
LINK_MAX_AGE = 60 * 60 * 24
FORM_RATE = "20/h"


@never_cache
@throttle("ppid-request", rate=FORM_RATE)
def request_new(request):
    """`/ppid/permohonan/baru/`: the statutory request form.

    On success the page shows the number and the access code once; the code is
    kept nowhere but in the e-mail, so this response is never cached.
    """
    if request.method == "POST":
        form = InfoRequestForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            registration = services.register_request(
                unit=data["unit"],
                requester=form.requester(),
                information_requested=data["information_requested"].strip(),
                purpose=data["purpose"].strip(),
                obtain_method=data["obtain_method"],
                delivery_method=data["delivery_method"],
                language=get_language() or "id",
            )
            return private_headers(
                render(
                    request,
                    "ppid/request_registered.html",
                    {"registration": registration, "info_request": registration.request},
                )
            )
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
        "documents": documents,
        "objections": objections,
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
    """`/ppid/permohonan/lacak/`: registration number and access code, sent by POST."""
    if request.method == "POST":
        form = TrackingForm(request.POST)
        if form.is_valid():
            return private_headers(render(request, "ppid/tracking.html", tracking_context(form.info_request)))
    else:
        form = TrackingForm(initial={"number": request.GET.get("nomor", "")[:40]})
    return render(request, "ppid/tracking_form.html", {"form": form})


@never_cache
@require_POST
@throttle("ppid-survey", rate=FORM_RATE)
def survey(request):
    """The SKM after an answer: nine elements rated 1–4, once per request."""
    form = SurveyForm(request.POST)
    if form.is_valid():
        info_request = form.cleaned_data["token"]
        try:
            services.submit_survey(
                info_request=info_request, scores=form.scores(), suggestion=form.cleaned_data["suggestion"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return private_headers(render(request, "ppid/survey_thanks.html", {"info_request": info_request}))
    info_request = form.cleaned_data.get("token") if hasattr(form, "cleaned_data") else None
    if not isinstance(info_request, InfoRequest):
        return render(
            request, "ppid/tracking_form.html", {"form": TrackingForm(), "survey_error": True}, status=400
        )
    return private_headers(
        render(request, "ppid/tracking.html", tracking_context(info_request, survey_form=form))
    )


def _signed(token, salt):
    try:
        return signing.loads(token, salt=salt, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        raise Http404(_("This link has expired. Track your request again to get a new one.")) from None


def answer_document(request, token):
    """A document of the answer, for the requester who opened it from the tracking page."""
    data = _signed(token, DOCUMENT_SALT)
    document = get_object_or_404(AnswerDocument, pk=data.get("document"))
    stored = document.document
    return private_download(stored, download_name(stored, document.notice.request.number, document.pk))


def notice_print(request, token):
    """The printable written notice, for the requester (it carries their name and address)."""
    data = _signed(token, NOTICE_SALT)
    notice = get_object_or_404(
        WrittenNotice.objects.select_related("request__unit"), request_id=data.get("request")
    )
    return private_headers(
        render(
            request,
            "ppid/notice_print.html",
            {"notice": notice, "info_request": notice.request, "for_officer": False},
        )
    )
