"""The KIM registry in the open data catalogue (see portal.datasets)."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import datasets

from .models import Kim

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
            ("name, slug, url", _("name of the KIM, its short name and its page")),
            (
                "village_code, village_name, village_kind",
                _("the village (Kemendagri code, name, desa/kelurahan)"),
            ),
            ("district_code, district_name", _("the kecamatan")),
            ("status, status_since", _("active, inactive or dissolved, and since when")),
            ("level", _("the level the regency gives the KIM")),
            ("founded_on", _("founding date")),
            ("decree_number, decree_date, decree_issuer, decree_subject", _("the decree (SK pengukuhan)")),
            ("member_count", _("number of members")),
            ("website, media_channels", _("website and other media channels")),
            ("public_phone, public_email", _("contact, only when the KIM publishes it")),
            ("is_sample", _("1 for invented sample data")),
        ],
        downloads=lambda: [
            datasets.Download("CSV", reverse("kim:data-csv"), "csv"),
            datasets.Download("JSON", reverse("kim:data-json"), "json"),
        ],
        last_updated=lambda: Kim.objects.published().aggregate(latest=Max("updated"))["latest"],
        page_url=lambda: reverse("kim:list"),
        frequency="CONT",
        themes=("GOVE", "SOCI"),
        keywords=("KIM", "Kelompok Informasi Masyarakat", "komunitas informasi"),
        fields=[
            C("name", "string", _("name of the KIM"), constraints={"required": True}),
            C("slug", "string", _("short name used in addresses")),
            C("url", "string", _("address of the KIM's page"), format="uri"),
            C("village_code", "string", _("Kemendagri code of the village")),
            C("village_name", "string", _("name of the village")),
            C("village_kind", "string", _("desa or kelurahan")),
            C("district_code", "string", _("Kemendagri code of the kecamatan")),
            C("district_name", "string", _("name of the kecamatan")),
            C("status", "string", _("active, inactive or dissolved")),
            C("status_since", "date", _("date of the current status")),
            C("level", "string", _("level given by the regency")),
            C("founded_on", "date", _("founding date")),
            C("decree_number", "string", _("number of the decree")),
            C("decree_date", "date", _("date of the decree")),
            C("decree_issuer", "string", _("who issued the decree")),
            C("decree_subject", "string", _("subject of the decree")),
            C("member_count", "integer", _("number of members")),
            C("website", "string", _("website")),
            C("media_channels", "string", _("media channels as kind and address, separated by |")),
            C("public_phone", "string", _("phone, when published by the KIM")),
            C("public_email", "string", _("e-mail, when published by the KIM")),
            datasets.one_zero("is_sample", _("invented sample data")),
        ],
    )
)
