"""Requests/s on POST /sms (signed, keyword reply, Redis state) as a ratio of a bare Flask endpoint.

Both run under the same gunicorn settings in the same run, loaded by the same client, which sends pre-built
requests (signatures computed up front) so the client's cost is the same for both. The design target: >= 0.6.
Two more baselines bound it: the bare endpoint plus one Redis round trip (the floor for reading state per text),
and that plus PYTHON_WORK_US of Python (how much of the view's own code the target leaves room for).
Run: .venv/bin/pytest -m perf tests/perf/bench_webhook.py -s   (or .venv/bin/python -m tests.perf.bench_webhook)
"""

import multiprocessing
import multiprocessing.pool
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from twilio.request_validator import RequestValidator

from service import embedded
from service.config import DEV_AUTH_TOKEN

pytestmark = pytest.mark.perf

GUNICORN = ["--workers", "2", "--worker-class", "gthread", "--threads", "4", "--log-level", "warning"]
REQUESTS_PER_ROUND = 3000
CLIENTS = 4
PER_CONNECTION = 50
"""Requests a client sends on one connection before opening the next. gunicorn's workers take connections as
they come, so 4 long-lived ones split between its 2 workers by chance (2+2, 3+1 or 4+0), which swung a round's
rate by 2x; many shorter ones even the split out."""
ROUNDS = 7
NUMBERS = 500
PYTHON_WORK_US = 50
"""The slice of Python the third baseline does after its round trip (bare_app /sms-redis-python): the ratio it gets
shows how little of a view's own code a ratio leaves room for on this machine."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(port: int, number: str, body: str, path: str = "/sms") -> bytes:
    url = f"http://127.0.0.1:{port}{path}"
    params = {"MessageSid": "SM" + uuid.uuid4().hex, "From": number, "To": "+15005550006", "Body": body}
    signature = RequestValidator(DEV_AUTH_TOKEN).compute_signature(url, params)
    form = urllib.parse.urlencode(params).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"X-Twilio-Signature: {signature}\r\nContent-Length: {len(form)}\r\nConnection: keep-alive\r\n\r\n"
    )
    return head.encode() + form


def _read_response(sock: socket.socket, pending: bytes) -> tuple[bytes, bytes]:
    """One HTTP response off a keep-alive connection; returns it and whatever followed it."""
    while b"\r\n\r\n" not in pending:
        pending += sock.recv(65536)
    head, _, rest = pending.partition(b"\r\n\r\n")
    length = int(
        next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))
    )
    while len(rest) < length:
        rest += sock.recv(65536)
    return head + b"\r\n\r\n" + rest[:length], rest[length:]


def _send_all(args: tuple[int, list[bytes]]) -> int:
    """Send each pre-built request in turn on keep-alive connections, a new one every PER_CONNECTION requests;
    count the TwiML replies."""
    port, requests = args
    ok = 0
    for start in range(0, len(requests), PER_CONNECTION):
        pending = b""
        with socket.create_connection(("127.0.0.1", port)) as sock:
            for raw in requests[start : start + PER_CONNECTION]:
                sock.sendall(raw)
                response, pending = _read_response(sock, pending)
                ok += response.startswith(b"HTTP/1.1 200") and b"<Message>" in response
    return ok


def _serve(app: str, port: int, env: dict[str, str], cwd: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", *GUNICORN, app], env=env, cwd=cwd
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sms", timeout=1)
        except urllib.error.HTTPError:
            return process  # 405 on GET: it is up
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{app} did not start")


def _rate(pool: multiprocessing.pool.Pool, port: int, requests: list[bytes]) -> float:
    """Requests per second for `requests`, sent by CLIENTS processes at once."""
    shares = [(port, requests[i::CLIENTS]) for i in range(CLIENTS)]
    start = time.perf_counter()
    ok = sum(pool.map(_send_all, shares))
    elapsed = time.perf_counter() - start
    assert ok == len(requests), f"only {ok} of {len(requests)} requests got a reply"
    return len(requests) / elapsed


def measure() -> dict[str, float]:
    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory() as var:
        server = embedded.ensure(Path(var))
        try:
            # The limit per number is lifted: 500 numbers texting this fast would be a flood (bench_flood.py).
            env = {**os.environ, "REDIS_URL": server.url, "SMS_TRANSPORT": "console"}
            env |= {"INBOUND_PER_MINUTE": "100000", "INBOUND_PER_HOUR": "100000"}
            env.pop("TWILIO_AUTH_TOKEN", None)
            env["PYTHON_WORK_US"] = str(PYTHON_WORK_US)
            ports = {"bare": _free_port(), "steadyline": _free_port()}
            processes = [
                _serve("tests.perf.bare_app:app", ports["bare"], env, str(root)),
                _serve("service.wsgi:app", ports["steadyline"], env, str(root)),
            ]
            numbers = [f"+1555{n:07d}" for n in range(NUMBERS)]
            targets = {"bare": (ports["bare"], "/sms"), "bare_redis": (ports["bare"], "/sms-redis")}
            targets["bare_redis_python"] = (ports["bare"], "/sms-redis-python")
            targets["steadyline"] = (ports["steadyline"], "/sms")
            rates: dict[str, list[float]] = {name: [] for name in targets}
            try:
                with multiprocessing.Pool(CLIENTS) as pool:
                    # Welcome every number first, so the measured texts are the steady state (keyword reply).
                    _rate(pool, ports["steadyline"], [_request(ports["steadyline"], n, "hi") for n in numbers])
                    for _ in range(ROUNDS):
                        for name, (port, path) in targets.items():
                            batch = [
                                _request(port, numbers[i % NUMBERS], "MENU", path) for i in range(REQUESTS_PER_ROUND)
                            ]
                            rates[name].append(_rate(pool, port, batch))
            finally:
                for process in processes:
                    process.terminate()
                    process.wait(timeout=10)
        finally:
            server.stop()
    # Rounds alternate, so each ratio compares two runs seconds apart; the median ratio shrugs off a noisy round.
    ratios = [real / bare for bare, real in zip(rates["bare"], rates["steadyline"], strict=True)]
    floor = [one_trip / bare for bare, one_trip in zip(rates["bare"], rates["bare_redis"], strict=True)]
    headroom = [work / bare for bare, work in zip(rates["bare"], rates["bare_redis_python"], strict=True)]
    return {
        "bare_rps": statistics.median(rates["bare"]),
        "bare_redis_rps": statistics.median(rates["bare_redis"]),
        "steadyline_rps": statistics.median(rates["steadyline"]),
        "ratio": statistics.median(ratios),
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
        "one_round_trip_ratio": statistics.median(floor),
        "python_work_ratio": statistics.median(headroom),
    }


def test_webhook_throughput_ratio() -> None:
    figures = measure()
    print(
        f"\nbare Flask: {figures['bare_rps']:.0f} req/s; bare + one Redis round trip: {figures['bare_redis_rps']:.0f}"
        f" req/s (ratio {figures['one_round_trip_ratio']:.2f}); that + {PYTHON_WORK_US} us of"
        f" Python: ratio {figures['python_work_ratio']:.2f};"
        f" /sms signed keyword: {figures['steadyline_rps']:.0f} req/s;"
        f" median ratio {figures['ratio']:.2f} (rounds {figures['ratio_min']:.2f}-{figures['ratio_max']:.2f};"
        f" target >= 0.6); load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    test_webhook_throughput_ratio()
