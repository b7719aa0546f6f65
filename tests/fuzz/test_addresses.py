"""Query strings and the parameters inside public addresses never cause a server error."""

import string
from urllib.parse import quote_from_bytes

from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEDAHKIDUL
from tests.fuzz.checks import writes
from tests.fuzz.values import FUZZ, HOSTILE, SHARP, TODAY, hostile_value, stray_names, with_examples

# --- Query strings (GET) -------------------------------------------------------------------


def query_targets(site):
    """Every public page that reads its query string, with the parameters it reads."""
    year = TODAY.year
    budget = f"/apbdes/{year}/{SEDAHKIDUL}/"
    return {
        "portal": [
            ("/wilayah/", ["q"]),
            ("/cari/", ["q", "jenis", "page"]),
            ("/bahasa/en/", ["next"]),
            ("/bahasa/id/", ["next"]),
        ],
        "visits_kim": [
            ("/kunjungan/", ["tahun", "provinsi", "jenis_instansi", "topik", "jenis", "page"]),
            ("/kim/", ["q", "kecamatan", "tingkat", "status", "website", "urut", "page"]),
            ("/kim/kabar/", ["kecamatan", "kim", "page"]),
        ],
        "ppid": [
            ("/ppid/unit/", ["jenis"]),
            ("/ppid/maklumat/", ["versi"]),
            ("/ppid/dip/", ["q", "unit", "category", "year", "page"]),
            ("/ppid/register/", ["unit", "status", "year", "urut", "page"]),
            ("/ppid/statistik/", ["tahun", "urut"]),
            ("/ppid/ikm/", ["tahun"]),
            ("/ppid/permohonan/baru/", ["unit"]),
            ("/ppid/permohonan/lacak/", ["nomor"]),
            ("/ppid/keberatan/baru/", ["nomor"]),
        ],
        "ogp": [
            ("/apbdes/", ["kecamatan", "urut", "arah"]),
            (f"/apbdes/{year}/", ["kecamatan", "urut", "arah"]),
            (budget, ["versi", "laporan"]),
            (f"/apbdes/{year}/{SEDAHKIDUL}.csv", ["versi", "laporan"]),
            (f"/apbdes/{year}/{SEDAHKIDUL}.json", ["versi", "laporan"]),
            (f"{budget}baliho-a3.svg", ["versi", "laporan"]),
            ("/apbdes/api/ringkasan/", ["tahun", "kecamatan", "desa", "page", "page_size"]),
            ("/apbdes/api/versi/", ["tahun", "kecamatan", "desa", "page", "page_size"]),
        ],
    }


# Raw query strings that no form would produce: stray separators, bad escapes, bytes that are not UTF-8.
raw_query = st.lists(
    st.one_of(
        st.sampled_from(["&", "=", "%", "%00", "%ZZ", "%FF%FE", "%C3%28", "+", ";", "[]", "%E2%80%AE", "#"]),
        st.text(alphabet=string.ascii_letters + string.digits + "-._~", max_size=8),
        st.binary(max_size=6).map(quote_from_bytes),
    ),
    max_size=12,
).map("".join)


def fuzz_query_strings(fuzz_client, targets):
    for path, names in targets:
        query_check(fuzz_client, path, names)()


def query_check(fuzz_client, path, names):
    """A Hypothesis test of one page's query string."""
    params = st.dictionaries(st.one_of(st.sampled_from(names), stray_names), hostile_value, max_size=5)

    @FUZZ
    @given(params=params, raw=st.one_of(st.none(), raw_query), known=st.sampled_from(names))
    def check(params, raw, known):
        with CaptureQueriesContext(connection) as queries:
            if raw is None:
                response = fuzz_client("get", path, params)
            else:
                response = fuzz_client("get", f"{path}?{known}={raw}&{raw}")
        assert response.status_code < 500
        assert writes(queries) == [], "a GET wrote to the database"
        if response.status_code in (301, 302):
            location = response["Location"]
            assert location.startswith("/") and not location.startswith(("//", "/\\")), location

    sharp = [{"params": {name: value}, "raw": None, "known": name} for name in names for value in SHARP[:2]]
    return with_examples(check, sharp)


def test_portal_query_strings_never_cause_a_server_error(fuzz_client, site):
    fuzz_query_strings(fuzz_client, query_targets(site)["portal"])


def test_visit_and_kim_query_strings_never_cause_a_server_error(fuzz_client, site):
    fuzz_query_strings(fuzz_client, query_targets(site)["visits_kim"])


def test_ppid_query_strings_never_cause_a_server_error(fuzz_client, site):
    fuzz_query_strings(fuzz_client, query_targets(site)["ppid"])


def test_budget_and_openness_query_strings_never_cause_a_server_error(fuzz_client, site):
    fuzz_query_strings(fuzz_client, query_targets(site)["ogp"])


# --- Parameters inside public addresses -------------------------------------------------------

segment = st.one_of(
    st.sampled_from(HOSTILE).map(lambda text: quote_from_bytes(text.encode())),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.text(alphabet=string.ascii_letters + string.digits + ".-_", min_size=1, max_size=30),
    st.binary(min_size=1, max_size=8).map(quote_from_bytes),
)
ADDRESS_PATTERNS = [
    "/wilayah/{}/",
    "/kunjungan/{}/",
    "/kim/{}/",
    "/kim/kabar/{}/",
    "/tentang/{}/",
    "/ppid/unit/{}/",
    "/ppid/dip/{}/",
    "/ppid/permohonan/{}/",
    "/ppid/permohonan/dokumen/{}/",
    "/ppid/permohonan/pemberitahuan/{}/",
    "/ppid/laporan/{}/",
    "/ppid/laporan/{}.csv",
    "/apbdes/{}/",
    "/apbdes/2026/{}/",
    "/apbdes/{}/35.22.18.2007/",
    "/apbdes/{}/35.22.18.2007.json",
    "/apbdes/{}/35.22.18.2007/baliho-3x2.pdf",
    "/apbdes/{}/baris.csv",
    "/apbdes/{}/ringkasan.json",
    "/apbdes/api/versi/{}/",
    "/keterbukaan/{}/",
    "/ogp/{}/",
    "/bahasa/{}/",
    "/sitemap-{}.xml",
]
NUMBERED = ["/ppid/dip/{}/", "/ppid/laporan/{}/", "/apbdes/api/versi/{}/"]


def test_address_parameters_never_cause_a_server_error(fuzz_client, site):
    @settings(FUZZ, max_examples=120)
    @given(pattern=st.sampled_from(ADDRESS_PATTERNS), value=segment)
    def check(pattern, value):
        response = fuzz_client("get", pattern.format(value))
        assert response.status_code < 500

    check()
    # Numbers far beyond any database integer, where the address takes a number.
    for pattern in NUMBERED:
        for number in ("9" * 19, "9" * 30, "1" + "0" * 25):
            assert fuzz_client("get", pattern.format(number)).status_code == 404, pattern
