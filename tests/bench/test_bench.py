"""The benchmark's own parts: reading wrk, judging the targets, the baseline view, the nginx file."""

import json
from pathlib import Path

import pytest

from bench import pages, queries, report

ROOT = Path(__file__).resolve().parents[2]


def wrk_output(**values):
    data = {
        "requests": 20_000,
        "duration_us": 20_000_000,
        "non2xx": 0,
        "socket_errors": 0,
        "p50_us": 20_000,
        "p99_us": 90_000,
        "max_us": 120_000,
    }
    data.update(values)
    return f"Running 20s test @ http://127.0.0.1:8088/\n  2 threads and 32 connections\nBENCH {json.dumps(data)}\n"


def run(cache="off", page="home", path="/", **values):
    return report.parse_wrk(wrk_output(**values), page=page, path=path, cache=cache)


def test_parse_wrk_reads_rate_latency_and_failures():
    measured = run(requests=12_345, duration_us=10_000_000, non2xx=3, p50_us=4_500, p99_us=210_000)
    assert measured.rps == pytest.approx(1234.5)
    assert (measured.p50_ms, measured.p99_ms, measured.non2xx) == (4.5, 210.0, 3)


def test_parse_wrk_without_result_line_names_the_page():
    with pytest.raises(ValueError, match="/kim/"):
        report.parse_wrk("connection refused\n", page="KIM", path="/kim/", cache="off")


def result_with(
    pages_runs, *, baseline_requests=20_000, after_requests=None, rss=None, full=None, small=None
):
    result = report.Result()
    for cache in ("off", "on"):
        result.baseline[cache] = [
            run(cache, page="baseline, before", path="/bench/minimal/", requests=baseline_requests),
            run(
                cache,
                page="baseline, after",
                path="/bench/minimal/",
                requests=after_requests or baseline_requests,
            ),
        ]
    result.pages = pages_runs
    result.worker_rss_mb = {"off": rss or [90.0, 95.0]}
    result.queries_full = full or {"/": 5}
    result.queries_small = small or {"/": 5}
    return result


def test_all_targets_met_gives_no_misses_and_says_so():
    result = result_with([run("off", requests=7_000), run("on", requests=19_000)])
    assert result.misses() == []
    assert "All targets met" in result.markdown()


def test_each_target_is_judged():
    result = result_with(
        [
            run("off", page="slow", requests=2_000),  # 10% < 12%
            run("on", page="cached", requests=17_000),  # 85% < 90%
            run("off", page="tail", requests=9_000, p99_us=310_000),  # ≥ 300 ms with the cache off
            run("on", page="cached tail", requests=19_000, p99_us=160_000),  # ≥ 150 ms with it on
            run("on", page="broken", requests=19_000, non2xx=2),
        ],
        rss=[150.0, 210.0],
        full={"/": 9},
        small={"/": 5},
    )
    misses = "\n".join(result.misses())
    assert "slow (cache off): 10% of the baseline < 12%" in misses
    assert "cached (cache on): 85% of the baseline < 90%" in misses
    assert "tail (cache off): p99 310 ms ≥ 300 ms" in misses
    assert "cached tail (cache on): p99 160 ms ≥ 150 ms" in misses
    assert "broken (cache on): 2 non-2xx" in misses
    assert "a worker used 210 MB" in misses
    assert "/: 9 queries at full scale, 5 on the small demo" in misses
    assert len(result.misses()) == 7
    assert "Targets missed:" in result.markdown()


def test_table_gives_each_page_its_share_of_its_own_modes_baseline():
    result = result_with([run("off", requests=8_000), run("on", requests=18_000)], baseline_requests=20_000)
    rows = [line for line in result.table().splitlines() if line.startswith("| home")]
    assert "| home | off | 400 |" in rows[0] and "| 40% |" in rows[0]
    assert "| home | on | 900 |" in rows[1] and "| 90% |" in rows[1]
    assert json.loads(result.as_json())["pages"][0]["share"] == pytest.approx(0.4)


def test_pages_are_held_to_the_mean_of_the_baseline_before_and_after_them():
    # 1,050 and 950 req/s: a mean of 1,000, within the drift the machine is allowed.
    result = result_with(
        [run("off", requests=6_000), run("on", requests=18_000)],
        baseline_requests=21_000,
        after_requests=19_000,
    )
    assert result.baseline_rps("off") == pytest.approx(1_000)
    assert [round(result.share(page), 2) for page in result.pages] == [0.3, 0.9]
    assert result.misses() == [] and result.warnings() == []
    table = result.table().splitlines()
    assert table[2].startswith("| baseline, before | off | 1,050 |") and "| 105% |" in table[2]
    assert table[4].startswith("| baseline, after | off | 950 |") and "| 95% |" in table[4]
    assert json.loads(result.as_json())["baseline"]["off"]["rps"] == pytest.approx(1_000)


def test_a_baseline_that_moved_during_the_run_is_reported():
    result = result_with([run("off", requests=7_000)], baseline_requests=20_000, after_requests=14_000)
    assert result.drift("off") == pytest.approx(6 / 17)
    assert result.warnings()[0].startswith("the baseline (cache off) moved by 35% between its runs")
    assert result.warnings()[0].endswith("uncertain by about ±18%")
    assert "Warning:" in result.markdown()


def test_the_reference_page_is_reported_but_held_to_no_target():
    result = result_with([run("off", requests=7_000)])
    result.references = [
        run("off", page="plainest", path="/tentang/", requests=5_000, p99_us=280_000),
        run("on", page="plainest", path="/tentang/", requests=19_000),
    ]
    assert result.misses() == []
    table = result.table().splitlines()
    # After the pages, before the baseline measured after them.
    assert table[3].startswith("| home | off |")
    assert table[4].startswith("| plainest | off | 250 |") and "| 25% |" in table[4]
    assert table[5].startswith("| baseline, after | off |")
    text = result.markdown()
    assert "- plainest, /tentang/ (cache off): 25% of the baseline, p99 280 ms" in text
    assert "All targets met" in text
    assert json.loads(result.as_json())["references"][0]["share"] == pytest.approx(0.25)


def test_a_reference_page_that_fails_is_a_miss():
    result = result_with([run("off", requests=7_000)])
    result.references = [run("off", page="plainest", path="/tentang/", requests=5_000, non2xx=4)]
    assert result.misses() == ["plainest (cache off): 4 non-2xx answers, 0 socket errors"]


@pytest.mark.django_db
def test_baseline_view_answers_without_queries(client, settings, django_assert_num_queries):
    settings.ROOT_URLCONF = "bench.urls"
    with django_assert_num_queries(0):
        response = client.get(pages.BASELINE.path)
    assert response.status_code == 200
    assert b"ok" in response.content
    # The portal's own pages stay reachable under the benchmark's URLs.
    assert client.get("/wilayah/").status_code == 200


@pytest.mark.django_db
def test_query_counter_counts_and_refuses_a_page_that_fails(settings):
    settings.ROOT_URLCONF = "bench.urls"
    settings.PAGE_CACHE_SECONDS = 0
    counts = queries.count_queries([pages.BASELINE.path, "/wilayah/"])
    assert counts[pages.BASELINE.path] == 0
    assert counts["/wilayah/"] > 0
    with pytest.raises(SystemExit, match="404"):
        queries.count_queries(["/tidak-ada/"])


def test_bench_nginx_serves_the_production_locations_file():
    production = (ROOT / "deploy/nginx/portal.conf").read_text()
    bench = (ROOT / "deploy/bench/nginx.conf").read_text()
    assert "include /etc/nginx/snippets/portal-locations.conf;" in production
    assert "include @ROOT@/deploy/nginx/portal-locations.conf;" in bench
    locations = (ROOT / "deploy/nginx/portal-locations.conf").read_text()
    assert "proxy_pass http://portal_app;" in locations
    # Both define the upstream the locations file proxies to.
    assert "upstream portal_app" in production and "upstream portal_app" in bench


def test_every_measured_page_is_public_and_distinct():
    paths = [page.path for page in pages.PAGES]
    assert len(set(paths)) == len(paths) == 7
    assert not any(path.startswith(("/admin/", "/bench/")) for path in paths)
    assert pages.REFERENCE.path not in paths


# --- In one process -------------------------------------------------------------


def in_process_result(full, small):
    result = report.Result()
    result.in_process = {"full": {"/tentang/": 2.0, **full}, "small": {"/tentang/": 1.0, **small}}
    result.in_process_names = {path: f"page {path}" for path in full}
    result.searches = ("/cari/?q=desa",)
    return result


def test_each_page_is_held_to_a_multiple_of_the_plainest_page_in_the_same_run():
    result = in_process_result(
        {"/": 5.8, "/kim/": 6.2, "/cari/?q=desa": 9.8, "/ppid/": 5.0},
        {"/": 2.9, "/kim/": 3.0, "/cari/?q=desa": 4.9, "/ppid/": 1.5},
    )
    assert result.multiple("full", "/") == pytest.approx(2.9)
    assert result.multiple("small", "/ppid/") == pytest.approx(1.5)
    misses = result.misses()
    assert misses == [
        "page /kim/, /kim/: 3.1× the plainest page in one process > 3×",
        "page /ppid/, /ppid/: 2.5× at full scale against 1.5× on the small demo (grows with the data)",
    ]


def test_the_in_process_table_shows_both_sizes_and_the_limit():
    result = in_process_result({"/": 4.0, "/cari/?q=desa": 8.0}, {"/": 2.0})
    table = result.in_process_table().splitlines()
    assert table[2] == "| page /, `/` | 4.0 | 2.0× | 2.0 | 2.0× | 3× |"
    assert table[3] == "| page /cari/?q=desa, `/cari/?q=desa` | 8.0 | 4.0× | – | – | 5× |"
    assert table[4].startswith("| plainest page (reference), `/tentang/` | 2.0 | 1.0× |")
    assert "In one process, page cache off" in result.markdown()


@pytest.mark.django_db
def test_in_process_measure_times_each_page_and_the_reference(settings):
    settings.PAGE_CACHE_SECONDS = 0
    from bench import inprocess

    measured = inprocess.measure(["/wilayah/"], "/tentang/", runs=2, batch=1)
    assert set(measured) == {"/wilayah/", "/tentang/"}
    assert all(value > 0 for value in measured.values())
    with pytest.raises(SystemExit, match="404"):
        inprocess.measure(["/tidak-ada/"], "/tentang/", runs=1, batch=1)


def test_the_in_process_pages_include_every_bench_page_and_the_growing_ones():
    paths = [page.path for page in pages.IN_PROCESS]
    assert len(set(paths)) == len(paths)
    assert {page.path for page in pages.PAGES} <= set(paths)
    for path in ("/ppid/", "/ppid/statistik/", "/kunjungan/", "/ppid/dip/", "/wilayah/35.22.18/"):
        assert path in paths
    assert any(path.startswith("/ppid/laporan/") for path in paths)
    assert set(paths) >= pages.SEARCHES
