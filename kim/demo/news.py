"""Sample KIM news through the review workflow, a few photos drawn as placeholders."""

import datetime
import io
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from .. import services
from ..models import (
    Kim,
    Post,
    PostPhoto,
)
from .reference import POST_TOPICS, RETURN_NOTE, SEED


def _posts(rng, today, *, slugs):
    """Sample news: many published, and a few drafts, submissions and returns to review.

    Authors come from the demo's own KIMs (``slugs``), so KIMs added later (by
    `load_full_scale`, or by staff) never change what a second run writes.
    """
    local = random.Random(f"{SEED}-posts")
    authors = _authors(local, slugs)
    created = 0
    end = timezone.make_aware(datetime.datetime.combine(today, datetime.time(9, 0)))
    for index, kim in enumerate(authors):
        count = 4 if index < 2 else local.randrange(1, 3)
        for n, templates in enumerate(local.sample(POST_TOPICS, count)):
            created += _sample_post(local, kim, templates, index=index, n=n, today=today, end=end)
    return created


def _authors(local, slugs):
    """The two real KIMs, then up to forty active sample KIMs, in a fixed order."""
    kims = list(
        Kim.objects.filter(status=Kim.Status.ACTIVE, slug__in=slugs)
        .select_related("village")
        .order_by("slug")
    )
    by_slug = {k.slug: k for k in kims}
    authors = [by_slug[s] for s in ("sendang-potro", "deru-maju") if s in by_slug]
    others = [k for k in kims if k.slug not in ("sendang-potro", "deru-maju")]
    if kims:
        authors += local.sample(others, min(40, len(others)))
    return authors


def _sample_post(local, kim, templates, *, index, n, today, end):
    """One post drawn from `templates` and walked to its state; 0 when it exists already."""
    title_template, body_template = templates
    year = today.year - local.randrange(0, 2)
    title = title_template.format(year=year, place=kim.village.label)
    slug = slugify(f"{title} {kim.slug}")[:110]
    at = end - datetime.timedelta(days=local.randrange(1, 700), hours=local.randrange(0, 8))
    if index == 0:
        state = ["published", "published", "submitted", "returned"][n]
    else:
        state = "published" if local.random() < 0.9 else "submitted"
    if Post.objects.filter(slug=slug).exists():
        return 0
    post = services.create_post(
        kim=kim,
        title=title,
        body=body_template.format(year=year, place=kim.village.label),
        by=None,
        is_sample=True,
        at=at - datetime.timedelta(days=1),
    )
    post.slug = slug
    post.save(update_fields=["slug"])
    services.transition_post(post=post, to=Post.Status.SUBMITTED, by=None, at=at, notify=False)
    reviewed = at + datetime.timedelta(hours=3)
    if state == "published":
        services.transition_post(post=post, to=Post.Status.PUBLISHED, by=None, at=reviewed, notify=False)
    elif state == "returned":
        services.transition_post(
            post=post, to=Post.Status.RETURNED, by=None, note=RETURN_NOTE, at=reviewed, notify=False
        )
    if index == 0 and n == 0:
        _photos(post, kim)
    return 1


def _photos(post, kim):
    """Two drawn placeholder pictures (no photo files ship with the demo)."""
    for order, (colour, caption) in enumerate(
        [
            ((11, 79, 108), "Papan informasi di depan balai desa"),
            ((164, 80, 26), "Warga membaca papan informasi"),
        ]
    ):
        image = Image.new("RGB", (1200, 800), colour)
        draw = ImageDraw.Draw(image)
        draw.rectangle((300, 160, 900, 560), fill=(255, 255, 255), outline=(27, 31, 35), width=8)
        for line in range(6):
            draw.rectangle(
                (350, 210 + line * 55, 850 - (line % 3) * 90, 235 + line * 55), fill=(201, 209, 217)
            )
        draw.rectangle((580, 560, 620, 760), fill=(27, 31, 35))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        PostPhoto.objects.create(
            post=post,
            image=ContentFile(buffer.getvalue(), name="demo.jpg"),
            alt_text=f"Gambar ilustrasi: {caption.lower()} ({kim.name})",
            caption=f"{caption} (gambar ilustrasi)",
            order=order,
        )
