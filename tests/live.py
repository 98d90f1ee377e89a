"""Real servers and processes on loopback for the fault tests: the app behind a threaded HTTP server or gunicorn,
signed webhook posts over HTTP, CLI subprocesses, bounded waits."""

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, TypeVar

from flask import Flask
from redis import Redis
from twilio.request_validator import RequestValidator
from werkzeug.serving import make_server

from service import store
from service.config import DEV_AUTH_TOKEN, DEV_DATA_KEY, Config
from service.conversation import schedule
from service.privacy import keyring
from tests.fake_twilio import ACCOUNT_SID, LINE_NUMBER

CLI = [sys.executable, "-m", "service.cli"]

T = TypeVar("T")


def wait_for(check: Callable[[], T], what: str, timeout: float = 15.0, interval: float = 0.02) -> T:
    """Poll `check` until it returns something truthy (returned), or fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


# --- the app over real HTTP --------------------------------------------------------------------------------------


class LiveApp:
    """`app` behind werkzeug's threaded server on a free loopback port, in a thread of this process."""

    def __init__(self, app: Flask) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "LiveApp":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log: Path, workers: int = 2, threads: int = 8) -> Iterator[str]:
    """`gunicorn service.wsgi:app` (several processes, several threads each) on a free port; yields its base URL."""
    command = [
        sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:0", "--workers", str(workers),
        "--threads", str(threads), "--worker-class", "gthread", "--log-level", "info", "service.wsgi:app",
    ]  # fmt: skip
    with open(log, "wb") as sink:
        process = subprocess.Popen(command, env=env, cwd=log.parent, stdout=sink, stderr=subprocess.STDOUT)
    try:
        listening = wait_for(
            lambda: process.poll() is None and re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", log.read_text()),
            "gunicorn to listen",
            timeout=30,
        )
        wait_for(lambda: log.read_text().count("Booting worker") >= workers, "gunicorn's workers", timeout=30)
        url = listening[1]
        wait_for(lambda: get_status(f"{url}/healthz") == 200, "gunicorn's workers to answer", timeout=30)
        yield url
    finally:
        stop(process)


def get_status(url: str, timeout: float = 5.0) -> int:
    """The HTTP status of GET `url` (0 when nothing answers)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code
    except OSError:
        return 0


def signed_params(number: str, body: str, message_sid: str | None = None) -> dict[str, str]:
    return {
        "MessageSid": message_sid or "SM" + uuid.uuid4().hex,
        "AccountSid": ACCOUNT_SID,
        "From": number,
        "To": LINE_NUMBER,
        "Body": body,
        "NumMedia": "0",
    }


def post_webhook(base_url: str, params: dict[str, str], timeout: float = 15.0) -> tuple[int, list[str]]:
    """POST one inbound text to `base_url`/sms signed as Twilio signs it; (HTTP status, reply texts)."""
    url = f"{base_url}/sms"
    signature = RequestValidator(DEV_AUTH_TOKEN).compute_signature(url, params)
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(params).encode(), headers={"X-Twilio-Signature": signature}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            document = response.read()
            return response.status, [m.text or "" for m in ET.fromstring(document).iter("Message")]
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code, []


# --- processes ---------------------------------------------------------------------------------------------------


def clean_env(**settings: str) -> dict[str, str]:
    """This environment without any Steadyline setting, plus `settings`."""
    ours = set(Config.__dataclass_fields__)
    return {k: v for k, v in os.environ.items() if k not in ours} | {"PYTHONUNBUFFERED": "1"} | settings


def stop(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Make sure `process` is gone: SIGKILL by its pid if it still runs, then reap it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout)


@dataclass
class Processes:
    """Every CLI process a test starts, with its output in a file under `logs`; `close` kills what still runs."""

    logs: Path
    env: dict[str, str]
    started: list[tuple[subprocess.Popen[bytes], Path, IO[bytes]]] = field(default_factory=list)

    def start(self, *args: str, **settings: str) -> subprocess.Popen[bytes]:
        log = self.logs / f"{args[0]}-{len(self.started)}.log"
        sink = open(log, "wb")  # noqa: SIM115 (closed in close())
        process = subprocess.Popen(
            [*CLI, *args], env=self.env | settings, cwd=self.logs, stdout=sink, stderr=subprocess.STDOUT
        )
        self.started.append((process, log, sink))
        return process

    def run(self, *args: str, timeout: float = 60.0, **settings: str) -> str:
        """Run a CLI command to completion (it must exit 0); returns its output."""
        process = self.start(*args, **settings)
        try:
            code = process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"{' '.join(args)} did not finish in {timeout:.0f}s:\n{self.output(process)}"
            ) from None
        assert code == 0, f"{' '.join(args)} exited {code}:\n{self.output(process)}"
        return self.output(process)

    def output(self, process: subprocess.Popen[bytes]) -> str:
        return next(log.read_text(errors="replace") for p, log, _ in self.started if p is process)

    def close(self) -> None:
        for process, _, sink in self.started:
            stop(process)
            sink.close()


# --- data --------------------------------------------------------------------------------------------------------


def add_subscribers(redis: Redis, count: int, due: datetime, offset: int = 0) -> list[str]:
    """`count` New York subscribers written straight to Redis (as YES leaves them), all due at `due`, in pipelined
    batches; their numbers. A later call with `offset` (the count so far) adds others, numbered on from there."""
    keys = keyring(DEV_DATA_KEY)
    zone = "America/New_York"
    seen, anchor = int(due.timestamp()), schedule.local_day(due, zone).toordinal()
    as_yes_leaves = {"subscription": "active", "minutes": 600, "zone": zone, "seen": seen, "anchor": anchor}
    numbers = [f"+1212{n:07d}" for n in range(offset, offset + count)]
    for start in range(0, count, 10_000):
        pipe = redis.pipeline(transaction=False)
        for n, number in enumerate(numbers[start : start + 10_000], start=offset + start):
            sender = f"bulk{n:028d}"
            store.update_user(pipe, sender, as_yes_leaves | {"number": keys.encrypt(number)})
            store.set_due(pipe, sender, due)
        pipe.execute()
    return numbers
