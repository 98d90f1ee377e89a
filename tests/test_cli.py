"""The CLI as a newcomer uses it: `steadyline run`, then `steadyline chat` and `steadyline outbox` against it."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from messages import catalog
from service import embedded

CLI = [sys.executable, "-m", "service.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "TWILIO_", "SMS_", "ONCALL"))}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path, subprocess.Popen[str]]]:
    """`steadyline run` in a fresh directory, as the README says to start it."""
    cwd, port = tmp_path_factory.mktemp("run"), free_port()
    process = subprocess.Popen(
        [*CLI, "run", "--port", str(port)], cwd=cwd, env=clean_env(), stdout=subprocess.PIPE, text=True
    )
    assert process.stdout
    banner = ""
    deadline = time.monotonic() + 60
    while "Ctrl-C" not in banner and time.monotonic() < deadline and process.poll() is None:
        banner += process.stdout.readline()
    assert "Steadyline is running" in banner, banner
    assert f"http://127.0.0.1:{port}/sms" in banner and "steadyline chat --from" in banner
    # Keep reading, so the processes never block on a full pipe.
    reader = threading.Thread(target=process.stdout.read, daemon=True)
    reader.start()
    yield port, cwd, process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)
    reader.join(timeout=10)
    process.stdout.close()


def chat(port: int, cwd: Path, lines: str, number: str = "+15555550123", *options: str) -> str:
    result = subprocess.run(
        [*CLI, "chat", "--from", number, "--port", str(port), *options],
        input=lines, cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_chat_against_a_live_run(live) -> None:
    port, cwd, _ = live
    out = chat(port, cwd, "hi\nwhat is klonopin\nSTOP\nMENU\nSTART\n")
    assert f"< {catalog.text('welcome')}" in out
    assert f"< {catalog.text('topic.about')}" in out
    assert out.count(f"< {catalog.text('optout')}") == 1
    assert "> MENU\n< (no reply)" in out  # silence after STOP
    assert f"< {catalog.text('optin')}" in out


def test_chat_on_whatsapp_is_its_own_person_on_the_same_line(live) -> None:
    port, cwd, _ = live
    out = chat(port, cwd, "hola\nSTOP\nMENU\n", "+15555550125", "--whatsapp")
    assert f"< {catalog.text('welcome', 'es')}" in out and out.count(f"< {catalog.text('optout', 'es')}") == 1
    assert "> MENU\n< (no reply)" in out  # the line's own opt-out: WhatsApp has no carrier STOP
    sms = chat(port, cwd, "MENU\n", "+15555550125")  # the same number by SMS: someone the line has not met
    assert f"< {catalog.text('welcome')}" in sms


def test_whatsapp_templates_are_set_listed_and_cleared_from_the_terminal(live) -> None:
    _, cwd, _ = live
    sid = "HX" + "a" * 32

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*CLI, "whatsapp", *args], cwd=cwd, env=clean_env(), capture_output=True, text=True)

    assert run("template", "checkin.ask", "es", sid).returncode == 0
    listed = run("templates").stdout
    assert f"checkin.ask          es  {sid} (set here)" in listed
    assert "checkin.ask          en  none: skipped outside the 24-hour window" in listed
    assert run("template", "checkin.ask", "es", "not-a-sid").returncode == 2
    assert run("template", "welcome", "en", sid).returncode == 2  # not a scheduled text: never sent outside it
    assert run("template", "checkin.ask", "es", "--clear").returncode == 0
    assert f"{sid}" not in run("templates").stdout


def test_crisis_through_the_live_line_alerts_nobody_without_oncall_but_is_answered(live) -> None:
    port, cwd, _ = live
    out = chat(port, cwd, "i just took a handful of pills\n", number="+15555550124")
    assert f"< {catalog.text('crisis.overdose')}" in out


def test_outbox_json_is_a_list(live) -> None:
    _, cwd, _ = live
    result = subprocess.run([*CLI, "outbox", "--json"], cwd=cwd, env=clean_env(), capture_output=True, text=True)
    assert result.returncode == 0 and isinstance(json.loads(result.stdout), list)


def test_chat_with_nothing_running_says_how_to_start(tmp_path) -> None:
    result = subprocess.run(
        [*CLI, "chat", "--from", "+15555550123", "--port", str(free_port()), "-m", "MENU"],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1 and "steadyline run" in result.stderr


def test_ctrl_c_stops_every_process_and_the_embedded_server(live) -> None:
    _, cwd, process = live
    pid = int((cwd / "var" / "redis" / "server.pid").read_text())
    assert embedded._alive(pid)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 0
    assert not embedded._alive(pid)
    assert not (cwd / "var" / "redis" / "server.pid").exists()
