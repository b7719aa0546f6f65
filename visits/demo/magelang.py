"""The visit of Pemerintah Kota Magelang on 19 September 2017, as Diskominfo
reported it, with its satisfaction poll; not sample data."""

import datetime

from kim.models import Kim
from portal.models import Village
from portal.services import seed_votes, vote_summary

from .. import services
from ..models import HostOfficial, Visit, VisitSession
from .vocabulary import CONTENT, MAGELANG, WIB
from .writes import _set, _sync_children, _upsert

MAGELANG_SLUG = "studi-banding-pemkot-magelang-keimigrasian-ogp-kim-2017"


def load_magelang_2017(vocabulary):
    """The visit of 19 September 2017, as Diskominfo reported it; not sample data."""
    institution, topics, units = vocabulary.institutions[MAGELANG[0]], vocabulary.topics, vocabulary.units
    visit = _upsert(
        Visit,
        {"slug": MAGELANG_SLUG},
        {
            "title": "Studi banding Pemerintah Kota Magelang: unit kerja keimigrasian, OGP dan KIM",
            "kind": Visit.Kind.STUDY_VISIT,
            "institution_id": institution.pk,
            "visiting_units": "Dinas Komunikasi Informatika dan Statistik (Diskominsta) Kota Magelang",
            "leader_name": "Drs. Indra Indah Wacana",
            "leader_position": "Asisten Administrasi Umum Pemkot Magelang",
            "delegation_size": None,
            "start_date": datetime.date(2017, 9, 19),
            "end_date": None,
            "venue": "ruang Angling Darmo",
            "summary": (
                "Rombongan Pemkot Magelang studi banding tentang pembentukan unit kerja keimigrasian; "
                "Diskominsta Kota Magelang benchmarking pelaksanaan OGP dan pengelolaan KIM, "
                "lalu berkunjung ke Desa Sedahkidul."
            ),
            "body": (CONTENT / "magelang_2017.md").read_text(encoding="utf-8"),
            "follow_up": "",
            "author_credit": "Nuty/Dinkominfo",
            "is_sample": False,
        },
    )
    _magelang_relations(visit, topics, units)
    _magelang_people(visit)
    _magelang_programme(visit)
    _publish_with_poll(visit)
    return visit


def _magelang_relations(visit, topics, units):
    _set(visit.topics, [topics[s] for s in ("keimigrasian", "ogp", "kim", "lppl", "ppid")])
    _set(
        visit.host_units,
        [units[n] for n in ("BAPPEDA", "Dinas Kominfo", "Bagian Pemerintahan", "Bagian Humas dan Protokol")],
    )
    _set(visit.villages, list(Village.objects.filter(code="35.22.18.2007")))
    _set(visit.kims_visited, list(Kim.objects.published().filter(slug="sendang-potro")))


def _magelang_people(visit):
    _sync_children(
        visit,
        HostOfficial,
        ["name", "position", "part"],
        [
            ("Drs. H. Setyo Hartono, MM", "Wakil Bupati Bojonegoro", HostOfficial.Part.RECEIVED),
            (
                "Yayan Rohman, AP, MM",
                "Asisten Administrasi Umum Setda Kabupaten Bojonegoro",
                HostOfficial.Part.ACCOMPANIED,
            ),
            (
                "Djoko Suharmanto",
                "Kabid Pengelolaan Komunikasi Publik (PKP) Dinas Kominfo Bojonegoro",
                HostOfficial.Part.PRESENTED,
            ),
            (
                "Sufyan",
                "Ketua Forum KIM Kabupaten Bojonegoro; Sekretaris Desa Pejambon, Kecamatan Sumberrejo",
                HostOfficial.Part.ALSO_PRESENT,
            ),
            (
                "Iwan Siswoyo",
                "Ketua KIM Deru Maju, Desa Sumberrejo, Kecamatan Sumberrejo",
                HostOfficial.Part.ALSO_PRESENT,
            ),
        ],
    )


def _magelang_programme(visit):
    _sync_children(
        visit,
        VisitSession,
        ["title", "venue", "led_by"],
        [
            (
                "Penerimaan rombongan Pemkot Magelang",
                "ruang Angling Darmo",
                "Drs. H. Setyo Hartono, MM, Wakil Bupati Bojonegoro",
            ),
            (
                "Sharing informasi dan diskusi dengan Diskominsta Kota Magelang: KIM, OGP, LPPL dan PPID",
                "ruang Batik Madrim Pemkab Bojonegoro",
                "Djoko Suharmanto, Kabid Pengelolaan Komunikasi Publik (PKP) Dinas Kominfo Bojonegoro",
            ),
            (
                "Melihat banner keterbukaan anggaran SKPD (lantai 2), tugas Bidang PKP dan PIAP serta layanan PPID",
                "Gedung Pemkab Bojonegoro, lantai 2 dan lantai 3 (Dinas Kominfo)",
                "",
            ),
            (
                "Kunjungan ke Desa Sedahkidul dan KIM Sendang Potro",
                "Desa Sedahkidul, Kecamatan Purwosari",
                "",
            ),
        ],
    )


def _publish_with_poll(visit):
    """Publish the report on its date and seed its poll to the published result."""
    if visit.status == Visit.Status.DRAFT:
        services.change_status(
            visit=visit,
            to=Visit.Status.PUBLISHED,
            publish_at=datetime.datetime(2017, 9, 19, 16, 0, tzinfo=WIB),
            note="Laporan Dinas Kominfo Kabupaten Bojonegoro.",
        )
    # The poll under the published report: 74 % very satisfied, 11 % satisfied,
    # 5 % fairly satisfied, 11 % not satisfied (19 votes).
    counts = {4: 14, 3: 2, 2: 1, 1: 2}
    shares, _total = vote_summary(visit.get_absolute_url())
    if {share.choice: share.count for share in shares} != counts:
        seed_votes(path=visit.get_absolute_url(), title=visit.title, counts=counts)
