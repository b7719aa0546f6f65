"""Public URLs of the information service (see DESIGN.md's URL contract).

A registration number such as ``PPID/2026/000123`` appears in addresses with
dashes instead of slashes: ``/ppid/permohonan/PPID-2026-000123/``. The
`RequestNumberConverter` turns one form into the other both ways, so
``reverse("ppid:register_entry", args=["PPID/2026/000123"])`` round-trips.
"""

from django.urls import path, register_converter

from portal.opendata.http import dataset_updated, open_data, open_feed

from . import feeds, views


class RequestNumberConverter:
    regex = r"PPID-[0-9]{4}-[0-9]{6,9}"

    def to_python(self, value):
        return value.replace("-", "/")

    def to_url(self, value):
        return str(value).replace("/", "-")


register_converter(RequestNumberConverter, "ppid_nomor")

app_name = "ppid"
DATA = open_data(last_modified=dataset_updated("ppid-statistik"), dataset="ppid-statistik")
REPORT = open_data(last_modified=dataset_updated("ppid-statistik"), dataset="ppid-laporan")
REGISTER = open_data(last_modified=dataset_updated("ppid-register"))
DIP = open_data(last_modified=dataset_updated("ppid-dip"))

urlpatterns = [
    path("", views.PpidHomeView.as_view(), name="home"),
    path("unit/", views.UnitListView.as_view(), name="units"),
    path("unit/<slug:slug>/", views.UnitDetailView.as_view(), name="unit"),
    path("peraturan/", views.RegulationListView.as_view(), name="regulations"),
    path("maklumat/", views.maklumat, name="maklumat"),
    path("dip/", views.DipListView.as_view(), name="dip"),
    path("dip.csv", DIP(views.dip_csv), name="dip_csv"),
    path("dip.json", DIP(views.dip_json), name="dip_json"),
    path("dip/feed/", open_feed(feeds.DipFeed()), name="dip_feed"),
    path("dip/feed/atom/", open_feed(feeds.DipAtomFeed()), name="dip_feed_atom"),
    path("dip/<int:pk>/", views.DipDetailView.as_view(), name="dip_detail"),
    path("permohonan/baru/", views.request_new, name="request_new"),
    path("permohonan/terdaftar/", views.request_registered, name="request_registered"),
    path("permohonan/lacak/", views.track, name="track"),
    path("permohonan/lacak/hasil/", views.tracking, name="tracking"),
    path("permohonan/kode-hilang/", views.lost_code, name="lost_code"),
    path("permohonan/kode-hilang/terkirim/", views.lost_code_sent, name="lost_code_sent"),
    path("permohonan/survei/", views.survey, name="survey"),
    path("permohonan/survei/terima-kasih/", views.survey_thanks, name="survey_thanks"),
    path("permohonan/dokumen/<str:token>/", views.answer_document, name="answer_document"),
    path("permohonan/pemberitahuan/<str:token>/", views.notice_print, name="notice_print"),
    path("permohonan/pemberitahuan/<str:token>/pdf/", views.notice_pdf, name="notice_pdf"),
    path("permohonan/tanda-terima/<str:token>/", views.receipt_print, name="receipt_print"),
    path("permohonan/tanda-terima/<str:token>/pdf/", views.receipt_pdf, name="receipt_pdf"),
    path("permohonan/<ppid_nomor:nomor>/", views.RegisterDetailView.as_view(), name="register_entry"),
    path("register/", views.RegisterListView.as_view(), name="register"),
    path("register.csv", REGISTER(views.register_csv), name="register_csv"),
    path("register.json", REGISTER(views.register_json), name="register_json"),
    path("keberatan/baru/", views.objection_new, name="objection_new"),
    path("keberatan/terdaftar/", views.objection_registered, name="objection_registered"),
    path("statistik/", views.StatisticsView.as_view(), name="statistics"),
    path("statistik.csv", DATA(views.statistics_csv), name="statistics_csv"),
    path("statistik.json", DATA(views.statistics_json), name="statistics_json"),
    path("laporan/", views.ReportIndexView.as_view(), name="reports"),
    path("laporan/<int:year>/", views.report, name="report"),
    path("laporan/<int:year>.csv", REPORT(views.report_csv), name="report_csv"),
    path("ikm/", views.IkmView.as_view(), name="ikm"),
]
