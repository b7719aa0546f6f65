"""A small portal with one of everything, built through each app's own test helpers."""

import datetime

import pytest
from django.utils import timezone

from kim.models import Post
from portal.models import Village
from ppid import services as ppid_services
from ppid.models import DipCategory, DipItem
from tests.conftest import SEDAHKIDUL, create_staff
from tests.kim.conftest import make_kim, post_in_state, sendang_potro, walk_post  # noqa: F401
from tests.ogp.conftest import ORIGINAL, publish_budget, publish_budget_version  # noqa: F401
from tests.ppid.conftest import register, register_for, unit_sedahkidul  # noqa: F401
from tests.visits.conftest import magelang, make_visit  # noqa: F401
from visits.models import Visit


@pytest.fixture
def portal(make_visit, sendang_potro, editor, unit_sedahkidul, django_capture_on_commit_callbacks):  # noqa: F811
    """Published and unpublished things of every kind, all about Desa Sedahkidul."""
    return fill_portal(
        make_visit=make_visit,
        kim=sendang_potro,
        editor=editor,
        unit=unit_sedahkidul,
        capture=django_capture_on_commit_callbacks,
    )


def fill_portal(*, make_visit, kim, editor, unit, capture):  # noqa: F811
    """`portal`'s content around a visit factory, KIM Sendang Potro, an editor and the village's
    PPID unit; `capture` runs the after-commit work (e-mails, search index) of what it writes."""
    from portal.roles import Role

    author = create_staff("penulis_kim", Role.KIM_MANAGER, SEDAHKIDUL)
    kim.managers.add(author)
    with capture(execute=True):
        visit = make_visit(
            title="Studi banding ke Sedahkidul",
            body="Belajar KIM Sedahkidul.",
            villages=[Village.objects.get(code=SEDAHKIDUL)],
        )
        draft_visit = make_visit(title="Draf kunjungan rahasia", status=Visit.Status.DRAFT)
        post = walk_post(
            kim, Post.Status.PUBLISHED, author=author, reviewer=editor, title="Baliho APBDes Sedahkidul"
        )
        draft_post = walk_post(
            kim, Post.Status.SUBMITTED, author=author, reviewer=editor, title="Kabar belum terbit"
        )
        publish_budget_version(ORIGINAL, year=timezone.localdate().year)
        item = DipItem.objects.create(
            unit=unit, category=DipCategory.BERKALA, title="Profil Desa Sedahkidul",
            holding_official="Sekdes", responsible_person="Kades", year=2025, retention_period="5 tahun",
        )  # fmt: skip
        ppid_services.change_dip_status(item=item, to_status="published")
        request = register_for(unit, received_on=timezone.localdate() - datetime.timedelta(days=1)).request
    return {
        "visit": visit,
        "draft_visit": draft_visit,
        "post": post,
        "draft_post": draft_post,
        "kim": kim,
        "dip": item,
        "request": request,
    }
