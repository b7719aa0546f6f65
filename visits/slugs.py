"""Addresses of visits and topics: proposed from a title, never colliding.

`propose_slug()` turns a title into the address part (“Studi Banding Pemkot
Magelang” → ``studi-banding-pemkot-magelang``); `free_slug()` appends ``-2``,
``-3``, … until no other row uses it, so two visits with the same title still
get two addresses.
"""

from django.utils.text import slugify


def propose_slug(title, *, max_length, fallback):
    """The slug of a title, cut at a word boundary to leave room for a ``-NN`` suffix."""
    slug = slugify(title or "")
    limit = max_length - 4
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug.strip("-") or fallback


def free_slug(model, base, exclude_pk=None, *, reserved=()):
    """`base`, or `base-2`, `base-3`, … whichever no other row of `model` uses.

    `reserved` names are treated as taken (addresses of other pages, such as
    ``statistik``).
    """
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    taken.update(reserved)
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
