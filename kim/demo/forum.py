"""The regency's KIM forum, chaired by Sufyan as the 2017 report says."""

import random

from django.utils.text import slugify

from portal import wilayah

from ..models import (
    BoardRole,
    Forum,
    ForumBoardMember,
    Kim,
)
from .reference import SEED, SOURCE_2017, _person


def _forum(pejambon, rng, today):
    regency = wilayah.deployment()
    name = f"Forum KIM {regency.full_name}"
    forum, created = Forum.objects.get_or_create(
        slug=slugify(name),
        defaults={
            "name": name,
            "description": (
                "Forum yang menghimpun KIM se-kabupaten. Pada 19 September 2017 ketuanya, Sufyan, "
                "berbagi pengalaman mengelola KIM kepada rombongan Pemerintah Kota Magelang."
            ),
        },
    )
    if pejambon is not None:
        ForumBoardMember.objects.get_or_create(
            forum=forum,
            role=BoardRole.CHAIR,
            name="Sufyan",
            term_start=None,
            defaults={
                "village": pejambon,
                "affiliation": "Sekretaris Desa Pejambon",
                "source": SOURCE_2017,
                "is_sample": False,
            },
        )
    local = random.Random(f"{SEED}-forum")
    sample_kims = list(Kim.objects.filter(is_sample=True, status=Kim.Status.ACTIVE).order_by("slug")[:200])
    if sample_kims:
        used = {"Sufyan"}
        for role in (
            BoardRole.VICE_CHAIR,
            BoardRole.SECRETARY,
            BoardRole.TREASURER,
            BoardRole.MEMBER,
            BoardRole.MEMBER,
        ):
            kim = local.choice(sample_kims)
            person = _person(local, used)
            ForumBoardMember.objects.get_or_create(
                forum=forum,
                role=role,
                name=person,
                term_start=None,
                defaults={"kim": kim, "is_sample": True},
            )
    return created
