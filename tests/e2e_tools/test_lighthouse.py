"""The Lighthouse gate's runner: a Lighthouse process that fails is started again."""

import json
import subprocess

import pytest

from e2e import lighthouse

REPORT = {"categories": {key: {"score": 1.0} for key in lighthouse.TARGETS}}


@pytest.fixture(autouse=True)
def reports_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setattr(lighthouse, "OUT", tmp_path)


def tool_failing(times):
    """A stand-in for Lighthouse that exits non-zero `times` times, then writes a report."""
    calls = []

    def tool(url, report):
        calls.append(url)
        if len(calls) <= times:
            report.write_text('{"runtimeError": "NO_NAVSTART"')  # a torn report
            raise subprocess.CalledProcessError(1, ["lighthouse", url])
        report.write_text(json.dumps(REPORT))

    return tool, calls


def test_a_run_that_fails_once_is_started_again_and_its_report_used(capsys):
    tool, calls = tool_failing(times=1)

    data = lighthouse.run("home", "/", tool=tool)

    assert lighthouse.scores(data) == dict.fromkeys(lighthouse.TARGETS, 100)
    assert calls == [lighthouse.BASE_URL + "/"] * 2
    assert "home: Lighthouse did not finish" in capsys.readouterr().out


def test_a_page_whose_every_attempt_fails_raises_after_the_last():
    tool, calls = tool_failing(times=lighthouse.TOOL_ATTEMPTS)

    with pytest.raises(subprocess.CalledProcessError, match="returned non-zero exit status 1") as failed:
        lighthouse.run("home", "/", tool=tool)
    assert failed.value.cmd == ["lighthouse", lighthouse.BASE_URL + "/"]
    assert len(calls) == lighthouse.TOOL_ATTEMPTS


def test_a_report_left_by_an_earlier_run_is_never_read_as_this_one(tmp_path):
    (tmp_path / "home.json").write_text(json.dumps(REPORT))

    def tool(url, report):
        raise subprocess.TimeoutExpired(["lighthouse", url], 180)

    with pytest.raises(subprocess.TimeoutExpired, match="timed out after 180 seconds"):
        lighthouse.run("home", "/", attempts=2, tool=tool)
    assert not (tmp_path / "home.json").exists()


def test_waits_while_a_chrome_still_listens_on_the_port():
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    assert lighthouse.wait_until_free(port, timeout=0.3) is False

    threading.Timer(0.3, listener.close).start()
    assert lighthouse.wait_until_free(port, timeout=5) is True
