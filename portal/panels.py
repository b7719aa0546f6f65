"""Sections that domain apps contribute to the portal's shared pages.

A region page (`/wilayah/<kode>/`) gathers everything about one kecamatan or
village, and the home page gathers the latest of every domain. The core does
not import the domain apps; instead each app registers panels in its
``panels.py``::

    @panels.register("village", order=30, template="kim/panels/village.html")
    def village_kims(village):
        return {"kims": Kim.objects.published().filter(village=village)}

A panel function returns the template context, or None to leave the section
out. Slots: ``home``, ``district`` (a kecamatan page) and ``village``. Each
panel must run a fixed number of queries whatever the amount of data.
"""

from collections.abc import Callable
from dataclasses import dataclass

SLOTS = ("home", "district", "village")


@dataclass(frozen=True)
class Panel:
    slot: str
    order: int
    template: str
    build: Callable


_panels: list[Panel] = []


def register(slot, *, order, template):
    if slot not in SLOTS:
        raise ValueError(f"Unknown panel slot {slot!r}")

    def decorator(build):
        _panels.append(Panel(slot, order, template, build))
        return build

    return decorator


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict


def build(slot, obj, **extra):
    """Run every panel of a slot for one object, in order, skipping empty ones."""
    rendered = []
    for panel in sorted((p for p in _panels if p.slot == slot), key=lambda p: p.order):
        context = panel.build(obj, **extra) if extra else panel.build(obj)
        if context is not None:
            rendered.append(RenderedPanel(panel.template, context))
    return rendered
