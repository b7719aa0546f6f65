"""Public pages of the information service.

Every page starts from one visibility gate (`PpidUnit.objects.published()`,
`DipItem.objects.published()`, `InfoRequest.objects.public_register()`,
`ServiceStandard.objects.published()`); the only pages that show a request
beyond the register are the requester's own (tracking, the printable notice
and the answer documents), reached with the registration number and the
access code or a signed link issued after them. Every public form is
throttled per client and carries a honeypot.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from portal import charts, csv_export
from portal.throttle import throttle

from . import services, statistics
from .deadlines import WorkingCalendar
from .forms import DipFilterForm, InfoRequestForm, ObjectionForm, RegisterFilterForm, SurveyForm, TrackingForm
from .models import (
    AnswerDocument,
    DipCategory,
    DipDocumentVersion,
    DipItem,
    InfoRequest,
    Objection,
    PpidUnit,
    Regulation,
    ServiceStandard,
    SurveyResponse,
    WrittenNotice,
    coverage_by_district,
)

DOCUMENT_SALT = "ppid.answer-document"
NOTICE_SALT = "ppid.notice"
# Signed links to a requester's own notice and documents stay valid this long.
LINK_MAX_AGE = 60 * 60 * 24
FORM_RATE = "20/h"


def private_headers(response):
    """Pages and files meant for one person: never cached, never indexed, never sniffed."""
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- PPID home, units, regulations, maklumat ------------------------------------------


class PpidHomeView(TemplateView):
    """`/ppid/`: the units, how to request, the service standard and the legal basis."""

    template_name = "ppid/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        units = list(PpidUnit.objects.published().regency_level().for_list())
        coverage = coverage_by_district()
        villages = sum(c.villages for _d, c in coverage)
        with_ppid = sum(c.with_ppid for _d, c in coverage)
        years = statistics.figures_by_year()
        context.update(
            utama=[u for u in units if u.kind == PpidUnit.Kind.UTAMA],
            agencies=[u for u in units if u.kind == PpidUnit.Kind.PELAKSANA],
            coverage=statistics_coverage(villages, with_ppid),
            maklumat=ServiceStandard.objects.published().first(),
            regulations=list(Regulation.objects.published()),
            latest_dip=list(DipItem.objects.published().for_list()[:5]),
            latest_year=years[0] if years else None,
            has_sample=any(u.is_sample for u in units),
        )
        return context


def statistics_coverage(villages, with_ppid):
    return {
        "villages": villages,
        "with_ppid": with_ppid,
        "share": round(100 * with_ppid / villages, 1) if villages else None,
    }


class UnitListView(ListView):
    """`/ppid/unit/`: every unit, villages with their kecamatan; coverage per kecamatan."""

    template_name = "ppid/ppidunit_list.html"
    context_object_name = "units"

    def get_queryset(self):
        units = PpidUnit.objects.published().for_list()
        self.kind = self.request.GET.get("jenis", "")
        if self.kind in PpidUnit.Kind.values:
            units = units.filter(kind=self.kind)
        else:
            self.kind = ""
        return units

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        coverage = coverage_by_district()
        villages = sum(c.villages for _d, c in coverage)
        with_ppid = sum(c.with_ppid for _d, c in coverage)
        context.update(
            kinds=PpidUnit.Kind.choices,
            kind=self.kind,
            coverage_rows=coverage,
            coverage=statistics_coverage(villages, with_ppid),
            has_sample=any(u.is_sample for u in context["units"]),
        )
        return context


class UnitDetailView(DetailView):
    template_name = "ppid/ppidunit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        return PpidUnit.objects.published().select_related("village__district")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        context.update(
            dip_items=list(DipItem.objects.published().filter(unit=unit).for_list()[:20]),
            dip_total=DipItem.objects.published().filter(unit=unit).count(),
            figures=statistics.figures_by_unit_and_year(unit=unit),
        )
        return context


class RegulationListView(ListView):
    """`/ppid/peraturan/`: the legal basis of the information service."""

    template_name = "ppid/regulation_list.html"
    context_object_name = "regulations"

    def get_queryset(self):
        return Regulation.objects.published()


def maklumat(request):
    """`/ppid/maklumat/`: the service standard in force, with earlier versions listed."""
    versions = list(ServiceStandard.objects.published())
    if not versions:
        raise Http404(_("No service standard has been published yet."))
    current = versions[0]
    wanted = request.GET.get("versi")
    if wanted:
        try:
            current = next(v for v in versions if v.pk == int(wanted))
        except (ValueError, StopIteration):
            raise Http404(_("There is no such version.")) from None
    return render(
        request,
        "ppid/servicestandard_detail.html",
        {"standard": current, "versions": versions, "is_latest": current == versions[0]},
    )


# --- Daftar Informasi Publik --------------------------------------------------------------


class DipListView(ListView):
    """`/ppid/dip/`: the Daftar Informasi Publik, filterable by unit, category, year and words."""

    template_name = "ppid/dipitem_list.html"
    context_object_name = "items"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = DipFilterForm(
            self.request.GET or None, unit_options=PpidUnit.objects.published().choices()
        )
        filters = self.filter_form.filters() if self.request.GET else {}
        items = DipItem.objects.published().for_list()
        if "unit" in filters:
            items = items.filter(unit__slug=filters["unit"])
        if "category" in filters:
            items = items.filter(category=filters["category"])
        if "year" in filters:
            items = items.filter(year=int(filters["year"]))
        if "q" in filters:
            items = items.filter(Q(title__icontains=filters["q"]) | Q(summary__icontains=filters["q"]))
        self.filters = filters
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context.update(
            filter_form=self.filter_form,
            filters=self.filters,
            categories=DipCategory.choices,
            today=timezone.localdate(),
            page_range=page.paginator.get_elided_page_range(page.number) if page else [],
            has_sample=any(item.is_sample for item in context["items"]),
        )
        return context


class DipDetailView(DetailView):
    template_name = "ppid/dipitem_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return (
            DipItem.objects.published()
            .select_related("unit__village")
            .prefetch_related(
                Prefetch(
                    "versions",
                    queryset=DipDocumentVersion.objects.order_by("-number"),
                    to_attr="version_list",
                )
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


# --- Requests -----------------------------------------------------------------------------


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
    response = FileResponse(
        document.document.open("rb"), as_attachment=True, filename=_download_name(document)
    )
    return private_headers(response)


def _download_name(document):
    extension = document.document.name.rsplit(".", 1)[-1] if "." in document.document.name else "bin"
    return f"{document.notice.request.number.replace('/', '-')}-{document.pk}.{extension}"


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


# --- Public register --------------------------------------------------------------------


class RegisterListView(ListView):
    """`/ppid/register/`: every request in the public register, requester shown by initials."""

    template_name = "ppid/inforequest_list.html"
    context_object_name = "requests"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = RegisterFilterForm(
            self.request.GET or None, unit_options=PpidUnit.objects.published().choices()
        )
        filters = self.filter_form.filters() if self.request.GET else {}
        # A counting subquery rather than a join with GROUP BY, which would group every row of
        # the register before the page's 25 could be picked.
        objections = (
            Objection.objects.filter(request=OuterRef("pk"))
            .order_by()
            .values("request")
            .annotate(n=Count("pk"))
        )
        requests = (
            InfoRequest.objects.public_register()
            .for_list()
            .annotate(objection_count=Coalesce(Subquery(objections.values("n")), 0))
        )
        if "unit" in filters:
            requests = requests.filter(unit__slug=filters["unit"])
        if "status" in filters:
            requests = requests.filter(status=filters["status"])
        if "year" in filters:
            requests = requests.filter(year=int(filters["year"]))
        order = filters.get("urut")
        if order == "lama":
            requests = requests.order_by("registered_at", "pk")
        elif order == "tenggat":
            requests = requests.order_by("due_on", "pk")
        self.filters = filters
        return requests

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context.update(
            filter_form=self.filter_form,
            filters=self.filters,
            today=timezone.localdate(),
            page_range=page.paginator.get_elided_page_range(page.number) if page else [],
            has_sample=any(r.is_sample for r in context["requests"]),
        )
        return context


class RegisterDetailView(DetailView):
    """`/ppid/permohonan/<nomor>/`: one register entry, with its public timeline."""

    template_name = "ppid/inforequest_detail.html"
    context_object_name = "info_request"

    def get_object(self, queryset=None):
        number = self.kwargs["nomor"]
        return get_object_or_404(
            InfoRequest.objects.public_register().select_related("unit__village", "notice"), number=number
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        info_request = self.object
        context.update(
            events=list(info_request.events.filter(is_public=True).order_by("at", "pk")),
            notice=getattr(info_request, "notice", None),
            objections=list(info_request.objections.prefetch_related("disputes").order_by("filed_at")),
            overdue=info_request.is_overdue(),
        )
        return context


# --- Objections -------------------------------------------------------------------------


@never_cache
@throttle("ppid-objection", rate=FORM_RATE)
def objection_new(request):
    """`/ppid/keberatan/baru/`: an objection to the atasan PPID, with number and access code."""
    if request.method == "POST":
        form = ObjectionForm(request.POST)
        if form.is_valid():
            try:
                objection = services.file_objection(
                    info_request=form.info_request,
                    grounds=form.cleaned_data["grounds"],
                    statement=form.cleaned_data["statement"],
                )
            except ValidationError as error:
                _attach_errors(form, error)
            else:
                return private_headers(
                    render(
                        request,
                        "ppid/objection_registered.html",
                        {"objection": objection, "info_request": objection.request},
                    )
                )
    else:
        form = ObjectionForm(initial={"number": request.GET.get("nomor", "")[:40]})
    return render(request, "ppid/objection_form.html", {"form": form})


def _attach_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Figures ------------------------------------------------------------------------------


def _year_param(request, name="tahun"):
    value = request.GET.get(name, "")
    if not value:
        return None
    try:
        year = int(value)
    except ValueError:
        return None
    return year if 2000 <= year <= 2100 else None


class StatisticsView(TemplateView):
    """`/ppid/statistik/`: per year for the regency, and per unit for a chosen year."""

    template_name = "ppid/statistics.html"
    SORTS = {"": None, "permohonan": "requests", "tepat": "on_time", "nama": "name"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_year = statistics.figures_by_year()
        years = [year for year, _f in by_year]
        year = _year_param(self.request)
        if year not in years:
            year = years[0] if years else None
        rows = statistics.figures_by_unit_and_year(year) if year else []
        sort = self.request.GET.get("urut", "")
        if sort == "permohonan":
            rows.sort(key=lambda row: -row.figures.requests)
        elif sort == "tepat":
            rows.sort(key=lambda row: -(row.figures.on_time_share or 0))
        elif sort == "nama":
            rows.sort(key=lambda row: row.unit.name)
        else:
            sort = ""
        chart = charts.bar_chart(
            _("Requests per year"),
            [(str(y), f.requests) for y, f in sorted(by_year)],
            label_heading=_("Year"),
            value_heading=_("Requests"),
        )
        context.update(by_year=by_year, years=years, year=year, rows=rows, sort=sort, chart=chart)
        return context


def _statistics_rows():
    for row in statistics.figures_by_unit_and_year():
        yield {
            "year": row.year,
            "unit": row.unit.name,
            "unit_slug": row.unit.slug,
            "unit_kind": row.unit.kind,
            "village_code": row.unit.village_id or "",
            **row.figures.as_dict(),
        }


STATISTICS_COLUMNS = [
    "year",
    "unit",
    "unit_slug",
    "unit_kind",
    "village_code",
    "requests",
    "granted",
    "partly_granted",
    "refused",
    "refused_exempt",
    "refused_not_held",
    "withdrawn",
    "open",
    "answered",
    "answered_on_time",
    "answered_on_time_percent",
    "median_working_days",
    "objections",
    "disputes",
]


def statistics_csv(request):
    """`/ppid/statistik.csv`: the per-unit, per-year figures as open data (no personal data)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ppid-statistik.csv"'
    writer = csv_export.DictWriter(response, fieldnames=STATISTICS_COLUMNS)
    writer.writeheader()
    for row in _statistics_rows():
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return response


def statistics_json(request):
    """`/ppid/statistik.json`: the same figures as JSON."""
    return JsonResponse(
        {"columns": STATISTICS_COLUMNS, "rows": list(_statistics_rows())},
        json_dumps_params={"ensure_ascii": False},
    )


def _report_years():
    years = set(statistics.years_with_requests())
    return sorted(years, reverse=True)


class ReportIndexView(TemplateView):
    template_name = "ppid/report_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = _report_years()
        return context


def _report_or_404(year):
    if year not in _report_years():
        raise Http404(_("There are no requests for this year."))
    return statistics.annual_report(year)


def report(request, year):
    """`/ppid/laporan/<tahun>/`: the annual service report, printable."""
    data = _report_or_404(year)
    chart = charts.bar_chart(
        _("Time taken to answer"),
        data.time_bands,
        label_heading=_("Working days"),
        value_heading=_("Requests"),
    )
    return render(request, "ppid/report.html", {"report": data, "year": year, "chart": chart})


def report_csv(request, year):
    """`/ppid/laporan/<tahun>.csv`: the report's figures as rows of section, item, value."""
    data = _report_or_404(year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ppid-laporan-{year}.csv"'
    writer = csv_export.writer(response)
    writer.writerow(["section", "item", "value"])
    totals = data.totals.as_dict()
    for key, value in totals.items():
        writer.writerow(["total", key, "" if value is None else value])
    for label, count in data.channels:
        writer.writerow(["channel", str(label), count])
    for label, count in data.time_bands:
        writer.writerow(["time_taken", str(label), count])
    for label, count in data.refusals:
        writer.writerow(["refused_by_reason", str(label), count])
    for label, count in data.partial:
        writer.writerow(["partly_granted_by_reason", str(label), count])
    writer.writerow(["objections", "received", data.objections_received])
    writer.writerow(["objections", "answered_on_time", data.objections_answered_on_time])
    for label, count in data.objections_by_ground:
        writer.writerow(["objections_by_ground", str(label), count])
    for label, count in data.objections_by_outcome:
        writer.writerow(["objections_by_outcome", str(label), count])
    writer.writerow(["disputes", "filed", data.disputes_filed])
    writer.writerow(["disputes", "pending", data.disputes_pending])
    for label, count in data.disputes_by_outcome:
        writer.writerow(["disputes_by_outcome", str(label), count])
    writer.writerow(["court_cases", "filed", data.court_cases])
    for row in data.units:
        for key, value in row.figures.as_dict().items():
            writer.writerow([f"unit:{row.unit.slug}", key, "" if value is None else value])
    return response


class IkmView(TemplateView):
    """`/ppid/ikm/`: the satisfaction index per year and per unit, with its grade."""

    template_name = "ppid/ikm.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_year = statistics.ikm_by_year()
        years = [year for year, _i in by_year]
        year = _year_param(self.request)
        if year not in years:
            year = years[0] if years else None
        context.update(
            by_year=by_year,
            years=years,
            year=year,
            rows=statistics.ikm_by_unit_and_year(year) if year else [],
            grades=statistics.GRADES,
            has_sample=SurveyResponse.objects.filter(is_sample=True).exists(),
        )
        return context
