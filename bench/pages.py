"""The pages `make bench` measures, with addresses that exist in the small demo and at full scale."""

from dataclasses import dataclass

# The demo's latest APBDes year and the demo village officer's village (Desa
# Sedahkidul); the 2017 Magelang visit is a real record present in every demo.
YEAR = 2025
VILLAGE = "35.22.18.2007"
VISIT = "studi-banding-pemkot-magelang-keimigrasian-ogp-kim-2017"


@dataclass(frozen=True)
class Page:
    name: str
    path: str


BASELINE = Page("baseline (minimal view)", "/bench/minimal/")
# Measured like the pages but held to no target: the portal's plainest page
# (the shared layout and a short list from one query). A page that shows more
# from the database costs more, so its figures are about the most such a page
# can reach on the machine measured.
REFERENCE = Page("plainest page (reference)", "/tentang/")
PAGES = [
    Page("home", "/"),
    Page("village APBDes", f"/apbdes/{YEAR}/{VILLAGE}/"),
    Page("regency APBDes", f"/apbdes/{YEAR}/"),
    Page("visit detail", f"/kunjungan/{VISIT}/"),
    Page("KIM directory", "/kim/"),
    Page("PPID register", "/ppid/register/"),
    Page("search", "/cari/?q=informasi+desa"),
]
