"""Stoplight Prism serving Twilio's OpenAPI description as a mock, for contract tests.

Prism runs with `--errors`, so a request that breaks the description gets an error response instead of a mock
one, and every validation finding is also read back from its log, warnings included.
"""

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
"""Installed from .ci/node/package-lock.json by `npm ci --prefix .ci/node --ignore-scripts` (.ci/run does it)."""
PRISM = NODE_MODULES / ".bin" / "prism"
SPEC = NODE_MODULES / "@twilio" / "cli-core" / "src" / "services" / "twilio-api" / "twilio_api_v2010.json"
"""Twilio's OpenAPI description of the 2010 API, as Twilio ships it in @twilio/cli-core (pinned beside Prism)."""

STARTUP_S = 120.0
"""Prism reads the 2 MB description and logs every route before it listens: seconds, more on a busy machine."""
LOG_SETTLE_S = 5.0
"""How long to wait for Prism's log lines about a request it has already answered."""

READY = "Prism is listening on"
FINISHED = ("> Responding with", "Request terminated")
"""Log lines that close Prism's account of one request, after its validation findings."""


class Prism:
    """A running mock: its base URL, and the validation findings in its log."""

    def __init__(self, url: str, log: Path) -> None:
        self.url, self.log = url, log

    def mark(self) -> int:
        """A position in the log; `violations(mark)` reads only what came after it."""
        return self.log.stat().st_size

    def violations(self, since: int) -> list[str]:
        """Validation warnings and errors logged about the requests answered since `since`."""
        deadline = time.monotonic() + LOG_SETTLE_S
        while True:
            lines = self._lines(since)
            if any(end in line for line in lines for end in FINISHED) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        return [line for line in lines if "[VALIDATOR]" in line and (" warning " in line or " error " in line)]

    def _lines(self, since: int) -> list[str]:
        with self.log.open("rb") as log:
            log.seek(since)
            return log.read().decode(errors="replace").splitlines()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running(log: Path) -> Iterator[Prism]:
    """Start Prism on a free local port, logging to `log`; stop it on exit."""
    if not PRISM.exists() or not SPEC.exists():
        raise RuntimeError(f"Prism or Twilio's description is not in {NODE_MODULES}: run `npm ci --prefix .ci/node`")
    port = _free_port()
    command = [str(PRISM), "mock", "--errors", "-h", "127.0.0.1", "-p", str(port), str(SPEC)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + STARTUP_S
        while READY not in log.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
                raise RuntimeError(f"Prism did not start (exit code {process.poll()}):\n{tail}")
            time.sleep(0.2)
        yield Prism(f"http://127.0.0.1:{port}", log)
    finally:
        process.terminate()
        process.wait(timeout=10)
