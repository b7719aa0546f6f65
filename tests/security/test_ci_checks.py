"""CI's security step: vulnerabilities and high-severity findings fail; an audit that did not run is said, not passed."""

import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AUDITED = {"name": "django", "version": "5.2.19", "vulns": []}
# What pip-audit writes when pypi.org answers no per-version record: every package skipped, exit 0.
NOT_FOUND = {
    "name": "pytest",
    "skip_reason": "Dependency not found on PyPI and could not be audited: pytest (9.2.0)",
}
VULNERABLE = {"name": "pillow", "version": "1.0", "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["1.1"]}]}


def audit(dependencies, status=0, stderr=""):
    """A fake pip-audit body: writes its JSON report to --output and exits with status."""
    report = shlex.quote(json.dumps({"dependencies": dependencies}))
    return (
        'echo "$@" > "$(dirname "$0")/args"\n'
        'while [ $# -gt 0 ]; do [ "$1" = "--output" ] && out="$2"; shift; done\n'
        f"printf '%s' {report} > \"$out\"\n"
        f"echo {shlex.quote(stderr)} >&2\nexit {status}"
    )


OFFLINE = "echo 'requests.exceptions.ConnectionError: Max retries exceeded' >&2; exit 1"


def run_checks(tmp_path, *, audit, bandit="exit 0", **env):
    for name, body in (("pip-audit", audit), ("bandit", bandit)):
        tool = tmp_path / name
        tool.write_text(f"#!/bin/sh\n{body}\n")
        tool.chmod(0o755)
    return subprocess.run(
        ["bash", ".ci/security-checks"],
        cwd=ROOT,
        env={**os.environ, "BIN": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "fake",
    [OFFLINE, audit([NOT_FOUND, {**NOT_FOUND, "name": "django"}]), audit([AUDITED], status=2)],
    ids=["no network", "no record of any package", "audit stopped"],
)
def test_an_audit_that_did_not_run_is_reported_as_not_checked_never_as_a_pass(tmp_path, fake):
    result = run_checks(tmp_path, audit=fake)
    assert result.returncode == 0, result.stderr
    assert "DEPENDENCY AUDIT COULD NOT RUN" in result.stdout
    assert "NOT checked" in result.stdout
    assert "did NOT check every package" in result.stdout.splitlines()[-1]
    assert "no known vulnerabilities" not in result.stdout.lower()


def test_packages_that_could_not_be_audited_are_named_as_not_checked(tmp_path):
    result = run_checks(tmp_path, audit=audit([AUDITED, NOT_FOUND]))
    assert result.returncode == 0, result.stderr
    assert "Dependency audit INCOMPLETE" in result.stdout
    assert "1 could NOT be audited" in result.stdout
    assert "pytest: Dependency not found on PyPI" in result.stdout
    assert "did NOT check every package" in result.stdout.splitlines()[-1]


@pytest.mark.parametrize("fake", [OFFLINE, audit([AUDITED, NOT_FOUND])], ids=["not run", "incomplete"])
def test_an_unchecked_audit_fails_when_the_audit_is_required(tmp_path, fake):
    result = run_checks(tmp_path, audit=fake, SECURITY_AUDIT_REQUIRED="1")
    assert result.returncode == 1
    assert "SECURITY_AUDIT_REQUIRED=1" in result.stderr


def test_the_audit_names_both_requirement_files(tmp_path):
    run_checks(tmp_path, audit=audit([AUDITED]))
    arguments = (tmp_path / "args").read_text().split()
    assert [arguments[i + 1] for i, a in enumerate(arguments) if a == "--requirement"] == [
        "requirements.txt",
        "requirements-dev.txt",
    ]


@pytest.mark.parametrize(
    "fake, bandit, message",
    [
        (audit([AUDITED, VULNERABLE], status=1), "exit 0", "Dependency audit FAILED"),
        ("echo 'Found 2 known vulnerabilities in 1 package'; exit 1", "exit 0", "Dependency audit FAILED"),
        (audit([AUDITED]), "echo 'Severity: High'; exit 1", "bandit FAILED"),
    ],
)
def test_vulnerabilities_and_high_severity_findings_fail_the_run(tmp_path, fake, bandit, message):
    result = run_checks(tmp_path, audit=fake, bandit=bandit)
    assert result.returncode == 1
    assert message in result.stderr


def test_a_vulnerability_is_named_with_its_package(tmp_path):
    result = run_checks(tmp_path, audit=audit([VULNERABLE], status=1))
    assert "pillow 1.0: PYSEC-2099-1" in result.stderr


def test_a_clean_audit_and_scan_pass(tmp_path):
    result = run_checks(tmp_path, audit=audit([AUDITED, {**AUDITED, "name": "pypdf"}]))
    assert result.returncode == 0, result.stderr
    assert "Dependency audit: no known vulnerabilities in the 2 pinned requirements." in result.stdout
    assert result.stdout.splitlines()[-1] == "bandit: no high-severity findings."


def test_ci_runs_the_security_step():
    assert ".ci/security-checks" in (ROOT / ".ci/run").read_text()
