"""Lighthouse (mobile settings) on the key public pages; prints and checks scores.

Targets: performance ≥ 95, accessibility 100, best practices 100, SEO 100.
Run by e2e/run.sh against its server; reports go to e2e-artifacts/lighthouse/.
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
OUT = ROOT / "e2e-artifacts" / "lighthouse"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = ["home", "village-budget", "visit", "request-form"]
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def run(name, path):
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
            "--only-categories=performance,accessibility,best-practices,seo",
            "--form-factor=mobile",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        timeout=180,
    )
    data = json.loads(report.read_text())
    return {key: round(data["categories"][key]["score"] * 100) for key in TARGETS}


def main():
    failures = []
    print(f"{'page':16} " + " ".join(f"{key:>14}" for key in TARGETS))
    for name in PAGES:
        if name not in PAGE_TYPES:
            failures.append(f"{name}: page type unknown")
            continue
        scores = run(name, PAGE_TYPES[name]())
        print(f"{name:16} " + " ".join(f"{scores[key]:>14}" for key in TARGETS))
        failures += [
            f"{name} {key} {scores[key]} < {goal}" for key, goal in TARGETS.items() if scores[key] < goal
        ]
    if failures:
        print("Lighthouse targets missed: " + "; ".join(failures))
        return 1
    print("Lighthouse targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
