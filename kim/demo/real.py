"""The two KIMs the 2017 report names, with what it says about them; the rest
is invented and flagged."""

import datetime
import random

from django.contrib.auth import get_user_model

from .. import services
from ..models import (
    Achievement,
    BoardMember,
    BoardRole,
    Kim,
)
from .reference import SEED, SOURCE_2017, _board_rows, _ensure_board


def _real_kim(slug, defaults):
    kim = Kim.objects.filter(slug=slug).first()
    if kim is not None:
        return kim, False
    return services.register_kim(kim=Kim(slug=slug, **defaults), by=None), True


def _sendang_potro(village, rng, today):
    kim, created = _real_kim(
        "sendang-potro",
        {
            "name": "KIM Sendang Potro",
            "village": village,
            "description": (
                "KIM berprestasi di Desa Sedahkidul, Kecamatan Purwosari.\n\n"
                "Pada 19 September 2017 rombongan Dinas Komunikasi Informatika dan Statistik Kota Magelang "
                "berkunjung ke Desa Sedahkidul untuk melihat langsung peranan KIM Sendang Potro dan "
                "pelaksanaan keterbukaan pemerintahan di tingkat desa."
            ),
        },
    )
    local = random.Random(f"{SEED}-sendang-potro")
    used = set()
    _ensure_board(
        kim,
        _board_rows(
            local,
            start=datetime.date(2022, 1, 10),
            end=datetime.date(2026, 12, 31),
            full=True,
            extra_members=2,
            used=used,
        ),
        is_sample=True,
    )
    _ensure_board(
        kim,
        _board_rows(
            local,
            start=datetime.date(2017, 1, 9),
            end=datetime.date(2021, 12, 31),
            full=False,
            extra_members=0,
            used=used,
        ),
        is_sample=True,
    )
    _sendang_potro_awards(kim)
    manager = get_user_model().objects.filter(username="pengelola_kim").first()
    if manager is not None:
        kim.managers.add(manager)
    return int(created)


def _sendang_potro_awards(kim):
    """The award the report names, with an invented name, rank and year, and one more."""
    Achievement.objects.get_or_create(
        kim=kim,
        title="Lomba KIM tingkat Kabupaten",
        year=2016,
        defaults={
            "level": Achievement.Level.KABUPATEN,
            "rank": "Juara I",
            "awarded_by": "Dinas Komunikasi dan Informatika",
            "is_sample": True,
        },
    )
    Achievement.objects.get_or_create(
        kim=kim,
        title="Lomba KIM tingkat Provinsi Jawa Timur",
        year=2017,
        defaults={
            "level": Achievement.Level.PROVINSI,
            "rank": "Harapan I",
            "awarded_by": "Dinas Komunikasi dan Informatika Provinsi Jawa Timur",
            "is_sample": True,
        },
    )


def _deru_maju(village, rng, today):
    kim, created = _real_kim(
        "deru-maju",
        {
            "name": "KIM Deru Maju",
            "village": village,
            "description": (
                "KIM di Desa Sumberrejo, Kecamatan Sumberejo. Ketuanya, Iwan Siswoyo, berbagi pengalaman "
                "mengelola KIM kepada rombongan Pemerintah Kota Magelang pada 19 September 2017."
            ),
        },
    )
    BoardMember.objects.get_or_create(
        kim=kim,
        role=BoardRole.CHAIR,
        name="Iwan Siswoyo",
        term_start=None,
        defaults={"term_end": None, "is_sample": False, "source": SOURCE_2017},
    )
    local = random.Random(f"{SEED}-deru-maju")
    _ensure_board(
        kim,
        _board_rows(
            local,
            start=None,
            end=None,
            full=True,
            extra_members=1,
            used={"Iwan Siswoyo"},
            skip_roles=(BoardRole.CHAIR,),
        ),
        is_sample=True,
    )
    return int(created)
