"""The process supervisor behind `steadyline run`, and the restart loop `worker` and `scheduler` run in.

`run` starts the web, the worker and the scheduler (and the embedded server when REDIS_URL is unset) as child
processes, starts each again after a growing pause whenever it dies, and stops them in order on Ctrl-C.
`keep_running` does the same inside one process for RQ's worker and cron scheduler, which quit when Redis goes.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from redis import RedisError

from service import config, embedded

DEFAULT_PORT = 5000
DEFAULT_HOST = "127.0.0.1"
READY_TIMEOUT_S = 20.0


def _port_free(host: str, port: int) -> bool:
    with socket.socket() as sock:
        # As gunicorn binds: sockets of a run stopped a moment ago linger in TIME-WAIT and must not count as in use.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def _wait_ready(url: str, web: "Child") -> bool:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if web.process is None or web.process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


RESTART_PAUSE_S = (1.0, 30.0)
"""The first and the longest pause before a crashed process is started again (doubling in between)."""
STABLE_S = 60.0
"""A process that ran this long before it died is restarted after the first pause again, not a longer one."""


@dataclass
class Child:
    """A process `run` keeps running: started again, after a growing pause, whenever it dies."""

    name: str
    start: Callable[[], subprocess.Popen[Any] | embedded.EmbeddedServer]
    process: Any = None  # a Popen, or the embedded server
    started: float = 0.0
    pause: float = RESTART_PAUSE_S[0]
    restart_at: float | None = None

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def launch(self) -> None:
        self.started, self.restart_at = time.monotonic(), None
        try:
            self.process = self.start()
        except (OSError, embedded.EmbeddedServerError) as exc:
            print(f"steadyline: could not start the {self.name} ({exc})", file=sys.stderr, flush=True)
            self.process = None

    def tend(self, now: float) -> None:
        """Start it again if it died and its pause is over; a crash loop backs off to RESTART_PAUSE_S[1]."""
        if self.running():
            return
        if self.restart_at is None:
            if now - self.started > STABLE_S:
                self.pause = RESTART_PAUSE_S[0]
            code = self.process.poll() if self.process is not None else None
            print(
                f"steadyline: the {self.name} stopped (exit {code}); starting it again in {self.pause:.0f} s",
                file=sys.stderr,
                flush=True,
            )
            self.restart_at = now + self.pause
            self.pause = min(self.pause * 2, RESTART_PAUSE_S[1])
        elif now >= self.restart_at:
            self.launch()


def _stop(children: dict[str, Child]) -> None:
    """Stop the web first (no new texts), then the scheduler and the worker (which finishes its job)."""
    processes = [children[name].process for name in ("web", "scheduler", "worker") if children[name].running()]
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def run(host: str, port: int) -> int:
    """Web, worker and scheduler on the embedded server (or REDIS_URL), with the console transport, each one
    (the embedded server too) started again whenever it dies."""
    settings = config.load()
    if not _port_free(host, port):
        print(f"steadyline: port {port} is in use; choose another with --port", file=sys.stderr)
        return 1
    server = None if settings.REDIS_URL else embedded.ensure(appendfsync=settings.REDIS_APPENDFSYNC)
    env = {**os.environ, "SMS_TRANSPORT": "console", "PYTHONUNBUFFERED": "1"}
    if server:
        env["REDIS_URL"] = server.url
    me = [sys.executable, "-m", "service.cli"]
    commands = {
        "web": [sys.executable, "-m", "gunicorn", "--bind", f"{host}:{port}", "--workers", "2",
                "--log-level", "warning", "service.wsgi:app"],
        "worker": [*me, "worker"],
        "scheduler": [*me, "scheduler"],
    }  # fmt: skip
    stopping = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    # Own sessions: Ctrl-C reaches only this process, which then stops the others in order.
    children = {
        name: Child(name, partial(subprocess.Popen, command, env=env, start_new_session=True))
        for name, command in commands.items()
    }
    if server:
        # Restarted on its own port and data directory: clients reconnect to the same address, and the append-only
        # file brings back every write it acknowledged.
        redis_port = int(server.url.rsplit(":", 1)[1].split("/")[0])
        data = server.data_dir.parent
        children["redis"] = Child(
            "embedded server", partial(embedded.ensure, data, settings.REDIS_APPENDFSYNC, redis_port)
        )
        children["redis"].process, children["redis"].started = server, time.monotonic()
    for name in commands:
        children[name].launch()
    try:
        base = f"http://{host}:{port}"
        if not _wait_ready(f"{base}/healthz", children["web"]):
            print("steadyline: the web process did not start; see the messages above", file=sys.stderr)
            return 1
        print(f"Steadyline is running.\n  webhook:   {base}/sms\n  health:    {base}/healthz, {base}/readyz")
        print(f"  redis:     {'embedded, data in ./var/redis' if server else 'REDIS_URL'}\n  transport: console")
        port_flag = "" if port == DEFAULT_PORT else f" --port {port}"
        print(f"Text it from another terminal:  steadyline chat --from +15555550123{port_flag}")
        print("Read what it sent:              steadyline outbox\nPress Ctrl-C to stop everything.", flush=True)
        while not stopping:
            # Never stop the web because something else died: it still answers crisis texts without Redis.
            for child in children.values():
                child.tend(time.monotonic())
            time.sleep(0.3)
    finally:
        _stop(children)
        if "redis" in children and children["redis"].running():
            children["redis"].process.stop()
        print("Steadyline stopped.", flush=True)
    return 0


def keep_running(what: str, start: Callable[[], bool]) -> int:
    """Run `start` until it returns True (asked to stop); whenever it ends otherwise (Redis gone, RQ quitting),
    start it again after a pause that doubles with each failure in a row (1 s up to 30 s), until Redis is back."""
    from flask import current_app

    def exit_now(signum: int, frame: object) -> None:
        raise SystemExit(0)

    pause = RESTART_PAUSE_S[0]
    while True:
        started = time.monotonic()
        try:
            if start():
                return 0
            reason = f"the RQ {what} quit without being asked to"
        except RedisError as exc:
            reason = f"Redis unreachable ({type(exc).__name__})"
        pause = RESTART_PAUSE_S[0] if time.monotonic() - started > STABLE_S else pause
        current_app.logger.error("%s: %s; starting a new one in %.0f s", what, reason, pause)
        # Between runs nothing is under way: SIGINT or SIGTERM end the process at once.
        signal.signal(signal.SIGINT, exit_now)
        signal.signal(signal.SIGTERM, exit_now)
        time.sleep(pause)
        pause = min(pause * 2, RESTART_PAUSE_S[1])
