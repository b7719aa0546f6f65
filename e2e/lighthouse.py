"""Lighthouse (mobile settings) on the key public pages; prints and checks scores.

Targets: performance ≥ 95, accessibility 100, best practices 100, SEO 100.
Run by e2e/run.sh against its server; reports go to e2e-artifacts/lighthouse/.
When a page misses a target, the audits that cost it points are printed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from e2e.pages import PAGE_TYPES  # noqa: E402

BASE_URL = os.environ.get("E2E_BASE_URL", "http://localhost:8089")
# The port Chrome's debugging protocol listens on; 0 lets Lighthouse pick one.
CHROME_PORT = os.environ.get("E2E_CHROME_PORT", "0")
OUT = ROOT / "e2e-artifacts" / "lighthouse"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = ["home", "village-budget", "visit", "request-form"]
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def run(name, path):
    """Lighthouse's report on one page, as parsed JSON (also kept as a file)."""
    OUT.mkdir(parents=True, exist_ok=True)
    report = OUT / f"{name}.json"
    subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "lighthouse"),
            BASE_URL + path,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--port={CHROME_PORT}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--form-factor=mobile",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        timeout=180,
    )
    return json.loads(report.read_text())


def scores(data):
    return {key: round((data["categories"][key]["score"] or 0) * 100) for key in TARGETS}


def lost_points(data, category):
    """The audits of a category that did not pass fully: (id, score, title)."""
    audits = data["audits"]
    return [
        (ref["id"], audits[ref["id"]]["score"], audits[ref["id"]]["title"])
        for ref in data["categories"][category]["auditRefs"]
        if ref.get("weight") and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]


def main():
    failures = []
    print(f"{'page':16} " + " ".join(f"{key:>14}" for key in TARGETS))
    for name in PAGES:
        if name not in PAGE_TYPES:
            failures.append(f"{name}: page type unknown")
            continue
        path = PAGE_TYPES[name]()
        try:
            data = run(name, path)
        except (subprocess.SubprocessError, OSError, ValueError) as error:
            failures.append(f"{name} ({path}): Lighthouse did not run: {error}")
            continue
        result = scores(data)
        print(f"{name:16} " + " ".join(f"{result[key]:>14}" for key in TARGETS))
        for key, goal in TARGETS.items():
            if result[key] < goal:
                audits = "; ".join(
                    f"{id_} ({score:.2f}): {title}" for id_, score, title in lost_points(data, key)
                )
                failures.append(f"{name} ({path}) {key} {result[key]} < {goal}: {audits}")
    if failures:
        print("Lighthouse targets missed:")
        for failure in failures:
            print(f"  - {failure}")
        print(f"Reports: {OUT.relative_to(ROOT)}/")
        return 1
    print("Lighthouse targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
