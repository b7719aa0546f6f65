"""A small portal with one of everything, built through each app's own test helpers."""

import datetime

import pytest
from django.utils import timezone

from kim.models import Post
from portal.models import Village
from ppid import services as ppid_services
from ppid.models import DipCategory, DipItem
from tests.conftest import SEDAHKIDUL
from tests.kim.conftest import make_kim, post_in_state, sendang_potro  # noqa: F401
from tests.ogp.conftest import ORIGINAL, publish_budget  # noqa: F401
from tests.ppid.conftest import register, unit_sedahkidul  # noqa: F401
from tests.visits.conftest import magelang, make_visit  # noqa: F401
from visits.models import Visit


@pytest.fixture
def portal(
    make_visit,  # noqa: F811
    sendang_potro,  # noqa: F811
    post_in_state,  # noqa: F811
    editor,
    make_staff,
    publish_budget,  # noqa: F811
    register,  # noqa: F811
    unit_sedahkidul,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """Published and unpublished things of every kind, all about Desa Sedahkidul."""
    from portal.roles import Role

    author = make_staff("penulis_kim", Role.KIM_MANAGER, SEDAHKIDUL)
    sendang_potro.managers.add(author)
    with django_capture_on_commit_callbacks(execute=True):
        visit = make_visit(
            title="Studi banding ke Sedahkidul",
            body="Belajar KIM Sedahkidul.",
            villages=[Village.objects.get(code=SEDAHKIDUL)],
        )
        draft_visit = make_visit(title="Draf kunjungan rahasia", status=Visit.Status.DRAFT)
        post = post_in_state(
            sendang_potro,
            Post.Status.PUBLISHED,
            author=author,
            reviewer=editor,
            title="Baliho APBDes Sedahkidul",
        )
        draft_post = post_in_state(
            sendang_potro, Post.Status.SUBMITTED, author=author, reviewer=editor, title="Kabar belum terbit"
        )
        publish_budget(ORIGINAL, year=timezone.localdate().year)
        item = DipItem.objects.create(
            unit=unit_sedahkidul, category=DipCategory.BERKALA, title="Profil Desa Sedahkidul",
            holding_official="Sekdes", responsible_person="Kades", year=2025, retention_period="5 tahun",
        )  # fmt: skip
        ppid_services.change_dip_status(item=item, to_status="published")
        request = register(received_on=timezone.localdate() - datetime.timedelta(days=1)).request
    return {
        "visit": visit,
        "draft_visit": draft_visit,
        "post": post,
        "draft_post": draft_post,
        "kim": sendang_potro,
        "dip": item,
        "request": request,
    }
