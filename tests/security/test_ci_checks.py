"""CI's security step: vulnerabilities and high-severity findings fail; no network is said, not passed."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OFFLINE = "echo 'requests.exceptions.ConnectionError: Max retries exceeded' >&2; exit 1"
VULNERABLE = "echo 'Found 2 known vulnerabilities in 1 package'; exit 1"
CLEAN = "echo 'No known vulnerabilities found'; exit 0"


def run_checks(tmp_path, *, audit, bandit="exit 0"):
    for name, body in (("pip-audit", audit), ("bandit", bandit)):
        tool = tmp_path / name
        tool.write_text(f"#!/bin/sh\n{body}\n")
        tool.chmod(0o755)
    return subprocess.run(
        ["bash", ".ci/security-checks"],
        cwd=ROOT,
        env={**os.environ, "BIN": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_network_is_reported_as_not_checked_never_as_a_pass(tmp_path):
    result = run_checks(tmp_path, audit=OFFLINE)
    assert result.returncode == 0
    assert "DEPENDENCY AUDIT COULD NOT RUN" in result.stdout
    assert "NOT checked" in result.stdout
    assert "no known vulnerabilities" not in result.stdout.lower()


@pytest.mark.parametrize(
    "audit, bandit, message",
    [
        (VULNERABLE, "exit 0", "Dependency audit FAILED"),
        (CLEAN, "echo 'Severity: High'; exit 1", "bandit FAILED"),
    ],
)
def test_vulnerabilities_and_high_severity_findings_fail_the_run(tmp_path, audit, bandit, message):
    result = run_checks(tmp_path, audit=audit, bandit=bandit)
    assert result.returncode == 1
    assert message in result.stderr


def test_a_clean_audit_and_scan_pass(tmp_path):
    result = run_checks(tmp_path, audit=CLEAN)
    assert result.returncode == 0
    assert "no known vulnerabilities in the pinned requirements" in result.stdout
    assert "bandit: no high-severity findings." in result.stdout


def test_ci_runs_the_security_step():
    assert ".ci/security-checks" in (ROOT / ".ci/run").read_text()
