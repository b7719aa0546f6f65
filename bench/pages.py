"""The pages `make bench` measures, with addresses that exist in the small demo and at full scale."""

from dataclasses import dataclass

# The demo's latest APBDes year and the demo village officer's village (Desa
# Sedahkidul); the 2017 Magelang visit is a real record present in every demo.
YEAR = 2025
VILLAGE = "35.22.18.2007"
VISIT = "studi-banding-pemkot-magelang-keimigrasian-ogp-kim-2017"
DISTRICT = VILLAGE.rsplit(".", 1)[0]


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

# Measured in one process as well (`bench.inprocess`): every bench page and the
# other pages whose cost could grow with the data. Each is held to a multiple
# of the plainest page measured in the same run (bench.report.MAX_MULTIPLE).
IN_PROCESS = [
    *PAGES,
    Page("search, one common word", "/cari/?q=desa"),
    Page("village page", f"/wilayah/{VILLAGE}/"),
    Page("kecamatan page", f"/wilayah/{DISTRICT}/"),
    Page("visits list", "/kunjungan/"),
    Page("PPID home", "/ppid/"),
    Page("PPID statistics", "/ppid/statistik/"),
    Page("PPID annual report", f"/ppid/laporan/{YEAR}/"),
    Page("DIP list", "/ppid/dip/"),
]
SEARCHES = {"/cari/?q=informasi+desa", "/cari/?q=desa"}
