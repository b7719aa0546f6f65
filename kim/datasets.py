"""The KIM registry in the open data catalogue (see portal.datasets)."""

from django.db.models import Max, Min
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import datasets

from .models import Kim, Post

C = datasets.column

datasets.register(
    datasets.Dataset(
        key="kim",
        title=_("Registry of community information groups (KIM)"),
        description=_(
            "Every KIM shown on the portal with its village, status, level, decree, member count and media "
            "channels. No personal data: board members are not included, and a KIM's phone and e-mail only "
            "where the KIM chose to publish them."
        ),
        order=30,
        columns=[
            ("nama, slug, url", _("name of the KIM, its short name and its page")),
            ("kode_desa, nama_desa, jenis_desa", _("the village (Kemendagri code, name, desa/kelurahan)")),
            ("kode_kecamatan, nama_kecamatan", _("the kecamatan")),
            ("status, status_sejak", _("active, inactive or dissolved, and since when")),
            ("tingkat", _("the level the regency gives the KIM")),
            ("tanggal_berdiri", _("founding date")),
            ("nomor_sk, tanggal_sk, penerbit_sk, perihal_sk", _("the decree (SK pengukuhan)")),
            ("jumlah_anggota", _("number of members")),
            ("situs_web, kanal_media", _("website and other media channels")),
            ("telepon_publik, email_publik", _("contact, only when the KIM publishes it")),
            ("data_contoh", _("true for invented sample data")),
        ],
        downloads=lambda: [
            datasets.Download("CSV", reverse("kim:data-csv"), "csv"),
            datasets.Download("JSON", reverse("kim:data-json"), "json"),
        ],
        last_updated=lambda: Kim.objects.published().aggregate(latest=Max("updated"))["latest"],
        issued=lambda: Kim.objects.published().aggregate(first=Min("created"))["first"],
        page_url=lambda: reverse("kim:list"),
        frequency="CONT",
        themes=("GOVE", "SOCI"),
        keywords=("KIM", "Kelompok Informasi Masyarakat", "komunitas informasi"),
        fields=[
            C("nama", "string", _("name of the KIM"), constraints={"required": True}),
            C("slug", "string", _("short name used in addresses")),
            C("url", "string", _("address of the KIM's page"), format="uri"),
            C("kode_desa", "string", _("Kemendagri code of the village")),
            C("nama_desa", "string", _("name of the village")),
            C("jenis_desa", "string", _("desa or kelurahan")),
            C("kode_kecamatan", "string", _("Kemendagri code of the kecamatan")),
            C("nama_kecamatan", "string", _("name of the kecamatan")),
            C("status", "string", _("active, inactive or dissolved")),
            C("status_sejak", "date", _("date of the current status")),
            C("tingkat", "string", _("level given by the regency")),
            C("tanggal_berdiri", "date", _("founding date")),
            C("nomor_sk", "string", _("number of the decree")),
            C("tanggal_sk", "date", _("date of the decree")),
            C("penerbit_sk", "string", _("who issued the decree")),
            C("perihal_sk", "string", _("subject of the decree")),
            C("jumlah_anggota", "integer", _("number of members")),
            C("situs_web", "string", _("website")),
            C("kanal_media", "string", _("media channels as kind and address, separated by |")),
            C("telepon_publik", "string", _("phone, when published by the KIM")),
            C("email_publik", "string", _("e-mail, when published by the KIM")),
            datasets.boolean("data_contoh", _("invented sample data")),
        ],
    )
)

NEWS_FIELDS = [
    C("judul", "string", _("title of the post"), constraints={"required": True}),
    C("slug", "string", _("short name used in its address")),
    C("url", "string", _("address of the post"), format="uri"),
    C("kim", "string", _("name of the KIM that wrote it")),
    C("slug_kim", "string", _("short name of the KIM")),
    C("kode_desa", "string", _("Kemendagri code of the KIM's village")),
    C("nama_desa", "string", _("name of the village")),
    C("kode_kecamatan", "string", _("Kemendagri code of the kecamatan")),
    C("nama_kecamatan", "string", _("name of the kecamatan")),
    C("ringkasan", "string", _("the opening of the text")),
    C("diterbitkan", "datetime", _("time of publication (ISO 8601)"), format="any"),
    C("diubah", "datetime", _("time of the last change, such as a correction note (ISO 8601)"), format="any"),
    datasets.boolean("data_contoh", _("invented sample data")),
]

datasets.register(
    datasets.Dataset(
        key="kim-kabar",
        title=_("KIM news"),
        description=_(
            "Every published post of the KIM news: title, the KIM and its village, the opening of the text and "
            "the address of the whole post, with the times of publication and last change."
        ),
        order=31,
        columns=[(field["name"], field["description"]) for field in NEWS_FIELDS],
        downloads=lambda: [
            datasets.Download("CSV", reverse("kim:news-data-csv"), "csv"),
            datasets.Download("JSON", reverse("kim:news-data-json"), "json"),
        ],
        # Over every post, so that a post leaving the public site counts as a change too.
        last_updated=lambda: Post.objects.aggregate(latest=Max("updated"))["latest"],
        issued=lambda: Post.objects.published().aggregate(first=Min("published_at"))["first"],
        page_url=lambda: reverse("kim:posts"),
        frequency="CONT",
        themes=("SOCI", "GOVE"),
        keywords=("KIM", "kabar KIM", "berita desa"),
        fields=NEWS_FIELDS,
    )
)
