"""PPID statistics in the open data catalogue (see portal.datasets)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import datasets

from .models import InfoRequest

C = datasets.column
COUNTS = (
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
)

datasets.register_producer(
    datasets.Producer("ppid-utama", _("PPID Utama"), _("The regency's principal information officer."))
)

datasets.register(
    datasets.Dataset(
        key="ppid-statistik",
        title=_("Public information service statistics"),
        description=_(
            "Requests for public information per PPID unit and year, with their outcomes, answer times, "
            "objections and disputes. Figures only: no request text and no personal data."
        ),
        order=20,
        columns=[
            ("year", _("year of registration")),
            ("unit, unit_slug, unit_kind, village_code", _("the PPID unit and, for a village, its code")),
            ("requests", _("requests registered")),
            ("granted, partly_granted, refused", _("answers by outcome")),
            ("refused_exempt, refused_not_held", _("refusals: exempt under Pasal 17, or not held")),
            ("withdrawn, open, answered", _("withdrawn, still open, answered")),
            ("answered_on_time, answered_on_time_percent", _("answers within the legal deadline")),
            ("median_working_days", _("median working days to answer")),
            ("objections, disputes", _("objections to the atasan and disputes at the Komisi Informasi")),
            (
                "answered_late, open_late, late",
                _("answered after the deadline; still open past it at the end of the year (or today); both"),
            ),
            ("objections_upheld", _("objections the atasan upheld (dikabulkan)")),
            ("late_obligations", _("obligations from upheld objections fulfilled late or overdue")),
        ],
        downloads=lambda: [
            datasets.Download("CSV", reverse("ppid:statistics_csv"), "csv"),
            datasets.Download("JSON", reverse("ppid:statistics_json"), "json"),
        ],
        last_updated=lambda: InfoRequest.objects.aggregate(latest=Max("updated_at"))["latest"],
        page_url=lambda: reverse("ppid:statistics"),
        producer="ppid-utama",
        frequency="CONT",
        themes=("GOVE", "JUST"),
        keywords=("PPID", "keterbukaan informasi publik", "UU 14/2008", "permohonan informasi"),
        fields=[
            C("year", "integer", _("year of registration")),
            C("unit", "string", _("name of the PPID unit")),
            C("unit_slug", "string", _("short name of the unit")),
            C("unit_kind", "string", _("kind of unit")),
            C("village_code", "string", _("Kemendagri code of the village, for a village unit")),
            *(C(name, "integer", _("number of requests")) for name in COUNTS),
            C("answered_on_time_percent", "number", _("percentage answered within the legal deadline")),
            C("median_working_days", "number", _("median working days to answer")),
            C("objections", "integer", _("objections to the atasan PPID")),
            C("disputes", "integer", _("disputes at the Komisi Informasi")),
            C("answered_late", "integer", _("requests answered after their deadline")),
            C("open_late", "integer", _("requests still open past their deadline at the end of the year")),
            C("late", "integer", _("late requests: answered late or still open past the deadline")),
            C("objections_upheld", "integer", _("objections the atasan upheld (dikabulkan)")),
            C(
                "late_obligations",
                "integer",
                _("obligations from upheld objections fulfilled late or overdue"),
            ),
        ],
    )
)
