"""Paths and helpers shared by the parts of `make bench`."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
STATIC_ROOT = RESULTS / "static"
PYTHON = sys.executable
SERVER = "postgres://postgres@127.0.0.1:5432"


def say(text):
    print(text, flush=True)


def run(command, *, env=None, capture=False):
    result = subprocess.run(command, cwd=ROOT, env=env, text=True, capture_output=capture, check=False)
    if result.returncode:
        detail = (result.stderr or "")[-3000:] if capture else ""
        raise SystemExit(f"failed ({result.returncode}): {' '.join(map(str, command))}\n{detail}")
    return result.stdout if capture else ""
