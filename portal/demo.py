"""Demo content loaders and the core's own demo content.

Each domain app registers a loader in its ``demo.py``; `load_demo` runs them in
order. A loader must be idempotent (running it twice changes nothing) and label
invented content as sample data. Real facts from the reference material (the
2017 visit, the named KIMs and officials, the OGP commitments) are reproduced
exactly and not labelled as samples.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from . import services


@dataclass(frozen=True)
class Loader:
    order: int
    name: str
    load: Callable


_loaders: list[Loader] = []


def loader(*, order, name):
    """Register ``load(stdout)`` to run during `load_demo` (lower order first)."""

    def decorator(load):
        _loaders.append(Loader(order, name, load))
        return load

    return decorator


def loaders():
    return sorted(_loaders, key=lambda item: item.order)


@loader(order=0, name="regions")
def load_regions(stdout):
    result = services.load_regions(code=settings.REGION_CODE)
    stdout.write(
        f"  {result.regency.government_name}: {result.districts} kecamatan, "
        f"{result.desa} desa, {result.kelurahan} kelurahan"
    )
