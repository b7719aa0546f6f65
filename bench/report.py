"""Targets, the results table and its files for `make bench`."""

import json
from dataclasses import asdict, dataclass, field

# The targets on a 2-core machine (README, "Performance benchmark").
MIN_SHARE = {"off": 0.12, "on": 0.90}
MAX_P99_MS = {"off": 300, "on": 150}
# In one process with the page cache off: each page's cost as a multiple of the
# plainest page's in the same run; a search for a common word may cost more.
MAX_MULTIPLE = 3.0
MAX_SEARCH_MULTIPLE = 5.0
# A page's multiple at full scale against the small demo's: more than this
# much higher means its cost grows with the data (beyond the noise of a run).
MAX_GROWTH = 0.5
MAX_WORKER_RSS_MB = 200
# The baseline is measured before and after the pages; a larger change than
# this between the two means the machine's speed changed during the run.
MAX_BASELINE_DRIFT = 0.15


@dataclass
class Run:
    """One page measured by wrk in one cache mode."""

    page: str
    path: str
    cache: str
    requests: int
    seconds: float
    non2xx: int
    socket_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0


def parse_wrk(output, *, page, path, cache):
    """Read the JSON line wrk.lua prints at the end of a run."""
    for line in output.splitlines():
        if line.startswith("BENCH "):
            data = json.loads(line[len("BENCH ") :])
            return Run(
                page=page,
                path=path,
                cache=cache,
                requests=data["requests"],
                seconds=data["duration_us"] / 1e6,
                non2xx=data["non2xx"],
                socket_errors=data["socket_errors"],
                p50_ms=data["p50_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
            )
    raise ValueError(f"no result line in wrk's output for {path}:\n{output}")


@dataclass
class Result:
    """Everything one `make bench` measured, and whether each target was met."""

    baseline: dict = field(default_factory=dict)  # cache mode -> [Run before the pages, Run after them]
    pages: list = field(default_factory=list)  # Runs
    references: list = field(default_factory=list)  # Runs of the reference page, held to no target
    worker_rss_mb: dict = field(default_factory=dict)  # cache mode -> [MB per worker]
    queries_full: dict = field(default_factory=dict)
    queries_small: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)  # row counts of the full-scale database
    machine: dict = field(default_factory=dict)
    # In one process, page cache off: "full" and "small" -> {path: ms}, and the page names.
    in_process: dict = field(default_factory=dict)
    in_process_names: dict = field(default_factory=dict)
    reference_path: str = "/tentang/"
    searches: tuple = ()

    def multiple(self, size, path):
        """A page's cost as a multiple of the plainest page's, both measured in the same run."""
        costs = self.in_process.get(size, {})
        reference = costs.get(self.reference_path)
        return costs[path] / reference if reference and path in costs else None

    def in_process_misses(self):
        found = []
        for path, name in self.in_process_names.items():
            full, small = self.multiple("full", path), self.multiple("small", path)
            if full is None:
                continue
            limit = MAX_SEARCH_MULTIPLE if path in self.searches else MAX_MULTIPLE
            if full > limit:
                found.append(f"{name}, {path}: {full:.1f}× the plainest page in one process > {limit:.0f}×")
            if small is not None and full - small > MAX_GROWTH:
                found.append(
                    f"{name}, {path}: {full:.1f}× at full scale against {small:.1f}× on the small demo "
                    f"(grows with the data)"
                )
        return found

    def in_process_table(self):
        """Each page's cost in one process at full scale and on the small demo, cache off."""
        lines = [
            "| page | full scale ms | × plainest | small demo ms | × plainest | limit |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        names = {**self.in_process_names, self.reference_path: "plainest page (reference)"}
        for path, name in names.items():
            cells = []
            for size in ("full", "small"):
                cost, multiple = self.in_process.get(size, {}).get(path), self.multiple(size, path)
                cells += [
                    "–" if cost is None else f"{cost:.1f}",
                    "–" if multiple is None else f"{multiple:.1f}×",
                ]
            if path == self.reference_path:
                limit = "–"
            else:
                limit = f"{MAX_SEARCH_MULTIPLE if path in self.searches else MAX_MULTIPLE:.0f}×"
            lines.append(f"| {name}, `{path}` | {' | '.join(cells)} | {limit} |")
        return "\n".join(lines)

    def baseline_rps(self, cache):
        """The baseline's rate in a cache mode: the mean of its runs before and after the pages."""
        runs = self.baseline.get(cache, [])
        return sum(run.rps for run in runs) / len(runs) if runs else 0.0

    def share(self, run):
        base = self.baseline_rps(run.cache)
        return run.rps / base if base else 0.0

    def drift(self, cache):
        """How far apart the baseline's runs were, as a share of their mean."""
        rates = [run.rps for run in self.baseline.get(cache, [])]
        mean = self.baseline_rps(cache)
        return (max(rates) - min(rates)) / mean if mean else 0.0

    def warnings(self):
        """Reasons to doubt the figures (not targets): a machine whose speed changed mid-run."""
        return [
            f"the baseline (cache {cache}) moved by {self.drift(cache):.0%} between its runs before and "
            f"after the pages: the machine's speed changed during the run, so each share of the baseline "
            f"is uncertain by about ±{self.drift(cache) / 2:.0%}"
            for cache in self.baseline
            if self.drift(cache) > MAX_BASELINE_DRIFT
        ]

    def misses(self):
        """The targets not met, one sentence each (an empty list: all met)."""
        found = []
        baselines = [run for runs in self.baseline.values() for run in runs]
        for run in [*baselines, *self.pages, *self.references]:
            if run.non2xx or run.socket_errors:
                found.append(
                    f"{run.page} (cache {run.cache}): {run.non2xx} non-2xx answers, "
                    f"{run.socket_errors} socket errors"
                )
        for run in [*baselines, *self.pages]:
            if run.p99_ms >= MAX_P99_MS[run.cache]:
                found.append(
                    f"{run.page} (cache {run.cache}): p99 {run.p99_ms:.0f} ms ≥ {MAX_P99_MS[run.cache]} ms"
                )
        for run in self.pages:
            share = self.share(run)
            if share < MIN_SHARE[run.cache]:
                found.append(
                    f"{run.page} (cache {run.cache}): {share:.0%} of the baseline < {MIN_SHARE[run.cache]:.0%}"
                )
        for cache, sizes in self.worker_rss_mb.items():
            for size in sizes:
                if size >= MAX_WORKER_RSS_MB:
                    found.append(f"a worker used {size:.0f} MB (cache {cache}) ≥ {MAX_WORKER_RSS_MB} MB")
        for path, count in self.queries_full.items():
            if self.queries_small.get(path) != count:
                found.append(
                    f"{path}: {count} queries at full scale, {self.queries_small.get(path)} on the small demo"
                )
        return found + self.in_process_misses()

    def table(self):
        """The results as a Markdown table, one row per page and cache mode."""
        lines = [
            "| page | cache | requests/s | p50 ms | p99 ms | share of baseline | non-2xx | queries full / small |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for cache in ("off", "on"):
            bases = self.baseline.get(cache, [])
            rows = [
                *bases[:1],
                *(run for run in [*self.pages, *self.references] if run.cache == cache),
                *bases[1:],
            ]
            for run in rows:
                share = f"{self.share(run):.0%}"
                queries = f"{self.queries_full.get(run.path, '–')} / {self.queries_small.get(run.path, '–')}"
                lines.append(
                    f"| {run.page} | {cache} | {run.rps:,.0f} | {run.p50_ms:.1f} | {run.p99_ms:.1f} "
                    f"| {share} | {run.non2xx + run.socket_errors} | {queries} |"
                )
        return "\n".join(lines)

    def markdown(self):
        parts = ["# Portal Keterbukaan benchmark", ""]
        if self.machine:
            parts += [", ".join(f"{key}: {value}" for key, value in self.machine.items()), ""]
        if self.data:
            parts += ["Data: " + ", ".join(f"{value:,} {key}" for key, value in self.data.items()), ""]
        if self.in_process:
            parts += [
                "In one process, page cache off (best batch; multiples of the plainest page in the same run):",
                "",
                self.in_process_table(),
                "",
            ]
        if self.pages or self.baseline:
            parts += ["Through the stack (nginx, gunicorn, wrk):", "", self.table(), ""]
        for cache, sizes in self.worker_rss_mb.items():
            listed = ", ".join(f"{size:.0f}" for size in sizes)
            parts.append(f"Worker memory after the cache-{cache} run (MB): {listed}")
        parts.append("")
        if self.references:
            parts += [
                "Reference, held to no target (a page that shows more from the database costs more):",
                *(
                    f"- {run.page}, {run.path} (cache {run.cache}): {self.share(run):.0%} of the baseline, "
                    f"p99 {run.p99_ms:.0f} ms"
                    for run in self.references
                ),
                "",
            ]
        warnings = self.warnings()
        if warnings:
            parts += ["Warning:", *(f"- {warning}" for warning in warnings), ""]
        misses = self.misses()
        if misses:
            parts += ["Targets missed:", *(f"- {miss}" for miss in misses)]
        else:
            parts.append(self._all_met())
        return "\n".join(parts) + "\n"

    def _all_met(self):
        """The targets met, naming only the halves this run measured."""
        met = []
        if self.in_process:
            met.append(
                f"in one process every page ≤ {MAX_MULTIPLE:.0f}× the plainest page "
                f"(search ≤ {MAX_SEARCH_MULTIPLE:.0f}×) at both sizes"
            )
        if self.pages:
            met.append(
                f"through the stack every page ≥ {MIN_SHARE['off']:.0%} of the baseline with p99 < "
                f"{MAX_P99_MS['off']} ms with the cache off and ≥ {MIN_SHARE['on']:.0%} with p99 < "
                f"{MAX_P99_MS['on']} ms with it on, no non-2xx answers, workers < {MAX_WORKER_RSS_MB} MB"
            )
        met.append("query counts equal at full scale and on the small demo")
        unmeasured = "" if self.in_process and self.pages else " (the other half was not run)"
        return f"All targets met{unmeasured}: " + "; ".join(met) + "."

    def _run_json(self, run):
        return {**asdict(run), "rps": run.rps, "share": self.share(run)}

    def as_json(self):
        return json.dumps(
            {
                "baseline": {
                    cache: {
                        "rps": self.baseline_rps(cache),
                        "runs": [{**asdict(run), "rps": run.rps} for run in runs],
                    }
                    for cache, runs in self.baseline.items()
                },
                "pages": [self._run_json(run) for run in self.pages],
                "references": [self._run_json(run) for run in self.references],
                "worker_rss_mb": self.worker_rss_mb,
                "queries_full": self.queries_full,
                "queries_small": self.queries_small,
                "data": self.data,
                "in_process_ms": self.in_process,
                "machine": self.machine,
                "misses": self.misses(),
                "warnings": self.warnings(),
            },
            indent=2,
            ensure_ascii=False,
        )
