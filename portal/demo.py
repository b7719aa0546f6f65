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

# The real facts of the reference material (the 2017 visit, the named KIMs and
# officials, the OGP action plan, the 2017 openness assessment, Perbup 10/2017)
# belong to Kabupaten Bojonegoro; another deployment's demo gets sample data only.
REFERENCE_REGION = "35.22"


def is_reference_region():
    return settings.REGION_CODE == REFERENCE_REGION


@dataclass(frozen=True)
class Loader:
    order: int
    name: str
    load: Callable


class Registry:
    """Loaders registered by the apps, run in order (lower first)."""

    def __init__(self):
        self._items: list[Loader] = []

    def register(self, *, order, name):
        def decorator(load):
            self._items.append(Loader(order, name, load))
            return load

        return decorator

    def ordered(self):
        return sorted(self._items, key=lambda item: item.order)


_demo = Registry()
_full_scale = Registry()


def loader(*, order, name):
    """Register ``load(stdout)`` to run during `load_demo` (lower order first)."""
    return _demo.register(order=order, name=name)


def loaders():
    return _demo.ordered()


def full_scale_loader(*, order, name):
    """Register ``load(stdout)`` in an app's ``full_scale.py`` for `load_full_scale`.

    Such a loader tops the demo content up to the volume of a whole regency
    after years of use (what `make bench` measures). It is idempotent, fast
    (bulk writes), and everything it writes is sample data.
    """
    return _full_scale.register(order=order, name=name)


def full_scale_loaders():
    return _full_scale.ordered()


@loader(order=0, name="regions")
def load_regions(stdout):
    result = services.load_regions(code=settings.REGION_CODE)
    stdout.write(
        f"  {result.regency.government_name}: {result.districts} kecamatan, "
        f"{result.desa} desa, {result.kelurahan} kelurahan"
    )


# The sample office pages: (slug, title, summary, body, order); {name} is the regency's name.
OFFICE_PAGES = [
    (
        "profil",
        "Profil Dinas Komunikasi dan Informatika",
        "Dinas yang mengelola komunikasi publik, informasi dan teknologi informasi {name}.",
        """Dinas Komunikasi dan Informatika (Diskominfo) {name} adalah perangkat daerah tipe A yang
membidangi komunikasi dan informatika, persandian dan statistik.

## Visi

Terwujudnya pemerintahan yang terbuka, melayani dan dipercaya masyarakat melalui informasi yang
mudah diakses.

## Misi

- Menyediakan informasi publik yang cepat, tepat dan bermanfaat.
- Mendampingi desa dan Kelompok Informasi Masyarakat (KIM) dalam keterbukaan informasi.
- Membangun layanan pemerintahan berbasis elektronik yang aman dan andal.
""",
        1,
    ),
    (
        "bidang",
        "Empat bidang",
        "Pengelolaan Komunikasi Publik, Pengelolaan Informasi dan Aspirasi Publik, Teknologi Informasi "
        "Komunikasi, dan Layanan E-Government.",
        """Dinas Kominfo tipe A memiliki empat bidang:

## Bidang Pengelolaan Komunikasi Publik (PKP)

Mengelola komunikasi antara pemerintah dan masyarakat, termasuk dialog interaktif, pembinaan
Kelompok Informasi Masyarakat (KIM) dan publikasi kinerja pemerintah daerah.

## Bidang Pengelolaan Informasi dan Aspirasi Publik (PIAP)

Mengelola layanan informasi publik (PPID), pengaduan dan aspirasi masyarakat.

## Bidang Teknologi Informasi Komunikasi (TIK)

Mengelola jaringan, pusat data dan keamanan informasi pemerintah daerah.

## Bidang Layanan E-Government

Mengembangkan aplikasi layanan publik dan tata kelola pemerintahan berbasis elektronik.
""",
        2,
    ),
    (
        "layanan",
        "Layanan",
        "Layanan informasi publik, pengaduan, dan pendampingan desa.",
        """- **Permohonan informasi publik** melalui PPID, secara daring di portal ini atau langsung di meja
  layanan.
- **Pengaduan dan aspirasi** masyarakat.
- **Pendampingan desa** dalam penerbitan APBDes dan Daftar Informasi Publik desa.
- **Pembinaan KIM** di setiap desa dan kelurahan.
""",
        3,
    ),
    (
        "kontak",
        "Kontak",
        "Alamat dan jam layanan.",
        """Meja layanan informasi buka Senin–Kamis pukul 08.00–15.30 WIB dan Jumat pukul 08.00–11.00 WIB,
kecuali hari libur nasional dan cuti bersama.

Permohonan informasi juga dapat diajukan setiap saat melalui portal ini.
""",
        4,
    ),
]


def _office_pages(regency):
    name = regency.full_name
    return [
        (slug, title, summary.format(name=name), body.format(name=name), order)
        for slug, title, summary, body, order in OFFICE_PAGES
    ]


@loader(order=90, name="office")
def load_office_pages(stdout):
    from . import wilayah
    from .models import OfficePage

    for slug, title, summary, body, order in _office_pages(wilayah.deployment()):
        OfficePage.objects.update_or_create(
            slug=slug,
            defaults={"title": title, "summary": summary, "body": body, "order": order, "is_sample": True},
        )
    stdout.write(f"  {OfficePage.objects.count()} office pages")


@loader(order=1000, name="search")
def load_search_index(stdout):
    from . import search

    counts = search.rebuild()
    stdout.write("  search index: " + ", ".join(f"{kind} {n}" for kind, n in counts.items()))
