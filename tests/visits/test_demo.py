"""The demo loader: the real 2017 visit exactly, thirty labelled samples, and idempotence."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from auditlog.models import LogEntry
from django.db.models import Max

from portal.models import SatisfactionVote
from portal.services import vote_summary
from tests.shared_data import media_under, shared_for_module
from visits import demo
from visits.models import HostOfficial, Institution, Visit, VisitPhoto, VisitSession


class Quiet:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture(scope="module")
def visits_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole loader run once for the module's tests; each test's writes are undone."""
    root = tmp_path_factory.mktemp("visits-demo")
    with shared_for_module(django_db_blocker, root):
        demo.load(Quiet())
        yield root


@pytest.fixture
def loaded(visits_demo, db, settings):
    media_under(settings, visits_demo)
    return Visit.objects.get(slug=demo.MAGELANG_SLUG)


@pytest.fixture
def magelang_2017(loaded):
    """The real 2017 visit, as the loader leaves it."""
    return loaded


def test_the_2017_visit_is_recorded_as_structured_facts(magelang_2017):
    visit = magelang_2017
    assert visit.institution.name == "Pemerintah Kota Magelang"
    assert (visit.institution.kind, visit.institution.region_code) == ("pemkot", "33.71")
    assert visit.institution.province_name == "Jawa Tengah"
    assert visit.kind == Visit.Kind.STUDY_VISIT
    assert (visit.leader_name, visit.leader_position) == (
        "Drs. Indra Indah Wacana",
        "Asisten Administrasi Umum Pemkot Magelang",
    )
    assert visit.start_date == datetime.date(2017, 9, 19)
    assert visit.venue == "ruang Angling Darmo"
    assert visit.author_credit == "Nuty/Dinkominfo"
    assert sorted(visit.topics.values_list("slug", flat=True)) == [
        "keimigrasian",
        "kim",
        "lppl",
        "ogp",
        "ppid",
    ]
    assert sorted(visit.host_units.values_list("name", flat=True)) == [
        "BAPPEDA",
        "Bagian Humas dan Protokol",
        "Bagian Pemerintahan",
        "Dinas Kominfo",
    ]
    assert list(visit.villages.values_list("code", flat=True)) == ["35.22.18.2007"]
    officials = list(visit.officials.values_list("name", "part"))
    assert officials == [
        ("Drs. H. Setyo Hartono, MM", HostOfficial.Part.RECEIVED),
        ("Yayan Rohman, AP, MM", HostOfficial.Part.ACCOMPANIED),
        ("Djoko Suharmanto", HostOfficial.Part.PRESENTED),
        ("Sufyan", HostOfficial.Part.ALSO_PRESENT),
        ("Iwan Siswoyo", HostOfficial.Part.ALSO_PRESENT),
    ]
    venues = list(visit.sessions.values_list("venue", flat=True))
    assert venues[:2] == ["ruang Angling Darmo", "ruang Batik Madrim Pemkab Bojonegoro"]
    assert visit.sessions.all()[1].led_by.startswith(
        "Djoko Suharmanto, Kabid Pengelolaan Komunikasi Publik (PKP)"
    )
    assert not visit.is_sample
    assert not visit.photos.exists()


def test_the_2017_report_is_the_article_text(magelang_2017):
    loaded = magelang_2017
    body = loaded.body
    assert body.startswith("Hasil Kerja Tepat, Cepat, Bermanfaat")
    assert "ngangsu kaweruh tentang pengelolaan LPPL dan PPID" in body
    assert body.rstrip().endswith("di tingkat pemerintahan desa.")
    assert body.count("\n\n") == 12  # thirteen paragraphs


def test_the_2017_visit_is_published_on_its_date(magelang_2017):
    loaded = magelang_2017
    assert loaded.is_public()
    assert loaded.publish_at == datetime.datetime(2017, 9, 19, 16, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_the_2017_poll_shows_the_article_s_percentages(magelang_2017):
    loaded = magelang_2017
    shares, total = vote_summary(loaded.get_absolute_url())
    assert total == 19
    assert [(share.choice, share.percent) for share in shares] == [(4, 74), (3, 11), (2, 5), (1, 11)]


def test_about_thirty_sample_visits_from_2016_to_2024_are_flagged(loaded):
    samples = Visit.objects.filter(is_sample=True)
    assert samples.count() == 30
    years = {visit.start_date.year for visit in samples}
    assert min(years) == 2016 and max(years) == 2024
    assert Visit.objects.filter(is_sample=False).count() == 1
    assert Visit.objects.published().filter(is_sample=True).count() == 28
    assert not samples.filter(institution__name="Pemerintah Kabupaten Bojonegoro").exists()


def test_every_institution_is_valid_with_a_real_region_code(magelang_2017):
    for institution in Institution.objects.all():
        institution.full_clean()
    assert (
        Institution.objects.get(name="Pemerintah Provinsi Kalimantan Timur").province_name
        == "Kalimantan Timur"
    )


def test_demo_photos_are_flagged_sample_illustrations(loaded):
    photos = VisitPhoto.objects.all()
    assert photos.exists()
    assert not photos.filter(is_sample=False).exists()
    assert not photos.filter(visit__is_sample=False).exists()
    assert all(photo.renditions for photo in photos)


def _snapshot():
    return {
        "visits": Visit.objects.count(),
        "changed": Visit.objects.aggregate(last=Max("updated_at"))["last"],
        "officials": list(HostOfficial.objects.values_list("pk", flat=True)),
        "sessions": list(VisitSession.objects.values_list("pk", flat=True)),
        "photos": list(VisitPhoto.objects.values_list("pk", flat=True)),
        "votes": list(SatisfactionVote.objects.values_list("pk", flat=True)),
        "history": Visit.objects.filter(history__isnull=False).count(),
        "audit": LogEntry.objects.count(),
    }


def test_loading_twice_changes_nothing(loaded):
    before = _snapshot()
    demo.load(Quiet())
    assert _snapshot() == before


def test_sample_data_is_the_same_on_every_load(loaded):
    first = list(
        Visit.objects.filter(is_sample=True)
        .order_by("slug")
        .values_list("slug", "start_date", "institution__name")
    )
    Visit.objects.filter(status=Visit.Status.DRAFT).delete()
    VisitPhoto.objects.all().delete()
    demo.load(Quiet())
    again = list(
        Visit.objects.filter(is_sample=True)
        .order_by("slug")
        .values_list("slug", "start_date", "institution__name")
    )
    assert again == first
