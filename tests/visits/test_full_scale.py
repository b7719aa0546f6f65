"""The full-scale visits loader: it tops the published visits up to the total once,
as sample data that looks like visits published through the service, reusing
the demo's illustration files, and the public pages show the result."""

import datetime
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import timezone

from portal import richtext
from tests.shared_data import media_under, shared_for_module
from tests.visits.conftest import DEFAULT_DATE, image_upload
from visits import full_scale, services
from visits.models import (
    HostOfficial,
    Institution,
    Visit,
    VisitHistoryEntry,
    VisitPhoto,
    VisitSession,
)
from visits.models.visit import RESERVED_SLUGS

TOTAL = 30
MODELS = [Visit, Institution, HostOfficial, VisitSession, VisitPhoto, VisitHistoryEntry]


class Quiet:
    def write(self, *args, **kwargs):
        pass


def _illustration():
    """A published sample visit with one sample illustration, as the demo leaves them."""
    institution = Institution.objects.create(
        name="Pemerintah Kota Magelang", short_name="Pemkot Magelang", kind="pemkot", region_code="33.71"
    )
    visit = Visit.objects.create(
        title="Studi banding contoh",
        kind=Visit.Kind.STUDY_VISIT,
        institution=institution,
        leader_name="Pimpinan Rombongan",
        start_date=DEFAULT_DATE,
        body="Laporan kunjungan contoh.",
        is_sample=True,
    )
    services.change_status(
        visit=visit, to=Visit.Status.PUBLISHED, publish_at=timezone.now() - datetime.timedelta(hours=1)
    )
    photo = VisitPhoto(
        visit=visit, image=image_upload(1200, 800), alt_text="Ilustrasi contoh", order=1, is_sample=True
    )
    photo.full_clean()
    photo.save()
    return photo


def media_files():
    return sorted(path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file())


@pytest.fixture(scope="module")
def full_scale_run(django_db_setup, django_db_blocker, tmp_path_factory):
    """The loader run once with a small total, for the module's tests; each test's writes are undone."""
    root = tmp_path_factory.mktemp("visits-full-scale")
    with (
        shared_for_module(django_db_blocker, root, LANGUAGE_CODE="en"),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr(full_scale, "TOTAL_VISITS", TOTAL)
        illustration = _illustration()
        files = media_files()
        full_scale.load(Quiet())
        assert media_files() == files, "the loader writes no image files"
        yield SimpleNamespace(root=root, illustration=illustration.pk)


@pytest.fixture
def illustration(full_scale_run, db, settings):
    media_under(settings, full_scale_run.root)
    return VisitPhoto.objects.get(pk=full_scale_run.illustration)


@pytest.fixture
def loaded(illustration):
    """The visits the loader added."""
    return Visit.objects.exclude(pk=illustration.visit_id)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_published_visits_are_topped_up_to_the_total(loaded):
    assert Visit.objects.published().count() == TOTAL
    assert loaded.count() == TOTAL - 1


def test_a_second_run_adds_nothing(loaded):
    before = counts()
    full_scale.load(Quiet())
    assert counts() == before


def test_every_added_visit_is_public_sample_data_published_as_the_service_does(loaded):
    now = timezone.now()
    for visit in loaded.prefetch_related("history", "topics", "officials", "sessions"):
        assert visit.is_sample
        assert visit.is_public(now=now)
        assert visit.body_html == richtext.to_html(visit.body)
        assert visit.follow_up_html == richtext.to_html(visit.follow_up)
        assert [(h.from_status, h.to_status, h.publish_at) for h in visit.history.all()] == [
            (Visit.Status.DRAFT, Visit.Status.PUBLISHED, visit.publish_at)
        ]
        assert visit.topics.all()
        assert visit.officials.all()[0].part == HostOfficial.Part.RECEIVED
        assert visit.sessions.all()
        visit.full_clean()
    assert set(Visit.objects.published().values_list("pk", flat=True)) >= set(
        loaded.values_list("pk", flat=True)
    )


def test_the_visitors_are_valid_institutions_from_across_indonesia(loaded):
    for institution in Institution.objects.all():
        institution.full_clean()
        assert institution.province_code == institution.region_code[:2]
    assert Institution.objects.filter(kind=Institution.Kind.PEMPROV).count() >= 10
    assert Institution.objects.values("province_code").distinct().count() >= 20
    assert loaded.values("institution").distinct().count() >= 10
    assert loaded.dates("start_date", "year").count() >= 5


def test_slugs_are_unique_and_free(loaded):
    slugs = list(Visit.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
    assert not set(slugs) & RESERVED_SLUGS


def test_photos_reuse_the_demo_illustration_and_its_renditions(loaded, illustration):
    photos = VisitPhoto.objects.exclude(pk=illustration.pk)
    assert photos.exists()
    for photo in photos:
        assert photo.is_sample
        assert photo.image.name == illustration.image.name
        assert (photo.width, photo.height) == (illustration.width, illustration.height)
        assert photo.renditions == illustration.renditions


def test_the_list_and_a_visit_page_show_the_new_visits(client, loaded):
    newest = loaded.published().newest_first().first()
    response = client.get("/kunjungan/")
    assert response.status_code == 200
    assert newest.title in response.content.decode()

    with_photo = loaded.filter(photos__isnull=False).distinct().first()
    response = client.get(with_photo.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert with_photo.title in page
    assert "sample-notice" in page
    assert with_photo.photos.first().medium_url in page
