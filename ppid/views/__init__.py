"""Public pages of the information service.

Every page starts from one visibility gate (`PpidUnit.objects.published()`,
`DipItem.objects.published()`, `InfoRequest.objects.public_register()`,
`ServiceStandard.objects.published()`); the only pages that show a request
beyond the register are the requester's own (tracking, the printable notice
and the answer documents), reached with the registration number and the
access code or a signed link issued after them. Every public form is
throttled per client and carries a honeypot.

Modules: `information` (home, units, legal basis, maklumat, DIP), `requests`
(the request form, tracking, survey, answer documents), `papers` (the
requester's receipt and written notice, printed or as PDF), `register`,
`objections`, `figures` (statistics, reports, satisfaction index) and
`opendata` (the register and the DIP as files).
"""

from ..downloads import private_headers
from .figures import (
    STATISTICS_COLUMNS,
    IkmView,
    ReportIndexView,
    StatisticsView,
    report,
    report_csv,
    statistics_csv,
    statistics_json,
)
from .information import (
    DipDetailView,
    DipListView,
    PpidHomeView,
    RegulationListView,
    UnitDetailView,
    UnitListView,
    maklumat,
    statistics_coverage,
)
from .lost_code import lost_code, lost_code_sent
from .objections import objection_new, objection_registered
from .opendata import dip_csv, dip_json, register_csv, register_json
from .papers import notice_pdf, notice_print, receipt_pdf, receipt_print
from .register import RegisterDetailView, RegisterListView
from .requests import (
    DOCUMENT_SALT,
    FORM_RATE,
    LINK_MAX_AGE,
    NOTICE_SALT,
    RECEIPT_SALT,
    answer_document,
    request_new,
    request_registered,
    survey,
    survey_thanks,
    track,
    tracking,
    tracking_context,
)

__all__ = [
    "dip_csv",
    "dip_json",
    "lost_code",
    "lost_code_sent",
    "register_csv",
    "register_json",
    "DOCUMENT_SALT",
    "FORM_RATE",
    "LINK_MAX_AGE",
    "NOTICE_SALT",
    "RECEIPT_SALT",
    "STATISTICS_COLUMNS",
    "DipDetailView",
    "DipListView",
    "IkmView",
    "PpidHomeView",
    "RegisterDetailView",
    "RegisterListView",
    "RegulationListView",
    "ReportIndexView",
    "StatisticsView",
    "UnitDetailView",
    "UnitListView",
    "answer_document",
    "maklumat",
    "notice_pdf",
    "notice_print",
    "objection_new",
    "objection_registered",
    "receipt_pdf",
    "receipt_print",
    "private_headers",
    "report",
    "report_csv",
    "request_new",
    "request_registered",
    "statistics_coverage",
    "statistics_csv",
    "statistics_json",
    "survey",
    "survey_thanks",
    "track",
    "tracking",
    "tracking_context",
]
