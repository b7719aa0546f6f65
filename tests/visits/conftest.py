"""Factories for the visits tests: visits are published and scheduled through the service."""

import datetime
import io
import itertools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from visits import services
from visits.models import Institution, Topic, Visit, VisitPhoto

DEFAULT_DATE = datetime.date(2018, 5, 2)


@pytest.fixture(autouse=True)
def _english(settings):
    """Pages in English, the source language, so assertions read the strings in the code.

    The Indonesian rendering has its own tests (test_i18n.py).
    """
    settings.LANGUAGE_CODE = "en"
    translation.activate("en")  # English is then the unprefixed language, Indonesian at /id/


def create_magelang():
    return Institution.objects.create(
        name="Pemerintah Kota Magelang", short_name="Pemkot Magelang", kind="pemkot", region_code="33.71"
    )


@pytest.fixture
def magelang(db):
    return create_magelang()


@pytest.fixture
def sleman(db):
    return Institution.objects.create(
        name="Pemerintah Kabupaten Sleman", short_name="Pemkab Sleman", kind="pemkab", region_code="34.04"
    )


@pytest.fixture
def make_topic(db):
    def make(name, slug=None):
        return Topic.objects.create(name=name, slug=slug or "")

    return make


@pytest.fixture
def make_visit(db, magelang):
    """Create a visit with the given status (published by default, an hour ago)."""
    return visit_maker(magelang)


def visit_maker(magelang):
    """A visit factory numbering its visits, by default from `magelang`."""
    counter = itertools.count(1)

    def make(
        *,
        title=None,
        status=Visit.Status.PUBLISHED,
        publish_at=None,
        institution=None,
        topics=(),
        villages=(),
        start_date=DEFAULT_DATE,
        kind=Visit.Kind.STUDY_VISIT,
        **fields,
    ):
        number = next(counter)
        visit = Visit.objects.create(
            title=title or f"Kunjungan contoh {number}",
            kind=kind,
            institution=institution or magelang,
            leader_name="Pimpinan Rombongan",
            start_date=start_date,
            body=fields.pop("body", f"Laporan kunjungan {number}."),
            **fields,
        )
        visit.topics.set(topics)
        visit.villages.set(villages)
        now = timezone.now()
        if status == Visit.Status.PUBLISHED:
            services.change_status(
                visit=visit, to=status, publish_at=publish_at or now - datetime.timedelta(hours=1)
            )
        elif status == Visit.Status.SCHEDULED:
            services.change_status(
                visit=visit, to=status, publish_at=publish_at or now + datetime.timedelta(days=1)
            )
        return visit

    return make


def image_upload(width=800, height=600, name="foto.jpg", image_format="JPEG", colour=(40, 90, 140)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def make_photo(db):
    counter = itertools.count(1)

    def make(visit, *, width=1200, height=800, **fields):
        number = next(counter)
        photo = VisitPhoto(
            visit=visit,
            image=image_upload(width, height),
            alt_text=fields.pop("alt_text", f"Rombongan di ruang rapat, foto {number}"),
            order=fields.pop("order", number),
            **fields,
        )
        photo.full_clean()
        photo.save()
        return photo

    return make
