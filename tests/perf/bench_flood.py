"""Whether a flood from one number slows other people's replies: the median and 95th-percentile reply latency of
other numbers (one text each, one at a time) with no flood, then while one number floods the line at FLOOD_RATE
texts a second (twelve times the issue's 500 a minute), under the image's gunicorn settings
(2 workers x 4 threads). Printed as ratios to the quiet latency, with the limit on and, as the baseline in the
same run, with the limit lifted (every flood text answered and written, as before the limit).
Run: .venv/bin/pytest -m perf tests/perf/bench_flood.py -s   (or .venv/bin/python -m tests.perf.bench_flood)
"""

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from service import embedded
from tests.live import clean_env, gunicorn, post_webhook, signed_params

pytestmark = pytest.mark.perf

FLOOD_THREADS = 4
FLOOD_RATE = 100
"""Texts a second from the flooding number, spread over FLOOD_THREADS connections."""
SAMPLES = 200


def latencies(url: str, offset: int) -> list[float]:
    """Seconds each of SAMPLES other numbers waited for their reply to MENU."""
    taken = []
    for n in range(SAMPLES):
        params = signed_params(f"+1202555{offset + n:04d}", "MENU")
        started = time.perf_counter()
        status, replies = post_webhook(url, params)
        taken.append(time.perf_counter() - started)
        assert status == 200 and replies
    return taken


def flood(url: str, stop: threading.Event, sent: list[int]) -> None:
    interval, due = FLOOD_THREADS / FLOOD_RATE, time.perf_counter()
    while not stop.is_set():
        post_webhook(url, signed_params("+12025559999", "what is klonopin"))
        sent.append(1)
        due += interval
        time.sleep(max(0.0, due - time.perf_counter()))


def flooded(url: str, offset: int) -> tuple[list[float], float]:
    """Other numbers' latencies while the flood runs, and the flood's achieved rate."""
    stop, sent = threading.Event(), []
    threads = [threading.Thread(target=flood, args=(url, stop, sent)) for _ in range(FLOOD_THREADS)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    taken = latencies(url, offset)
    stop.set()
    for thread in threads:
        thread.join()
    return taken, len(sent) / (time.perf_counter() - started)


def summary(taken: list[float]) -> str:
    p95 = statistics.quantiles(taken, n=20)[-1]
    return f"median {statistics.median(taken) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def measure(limit: str) -> tuple[list[float], list[float], float]:
    """Quiet and flooded latencies, and the flood's rate, on a fresh server with INBOUND_PER_MINUTE=`limit`."""
    with tempfile.TemporaryDirectory() as var:
        server = embedded.ensure(Path(var))
        try:
            env = clean_env(REDIS_URL=server.url, LOG_LEVEL="ERROR", INBOUND_PER_MINUTE=limit, INBOUND_PER_HOUR=limit)
            with gunicorn(env, Path(var) / "gunicorn.log", workers=2, threads=4) as url:
                latencies(url, 0)  # warm up
                quiet = latencies(url, 1000)
                return quiet, *flooded(url, 2000)
        finally:
            server.stop()


def test_flood_latency_ratio() -> None:
    quiet, limited, rate = measure("10")
    quiet_off, unlimited, rate_off = measure("1000000")
    print(f"\nother numbers, no flood:            {summary(quiet)}")
    print(f"other numbers, flood, limit on:     {summary(limited)} ({rate:.0f} texts/s from one number)")
    print(
        f"other numbers, flood, limit lifted: {summary(unlimited)} ({rate_off:.0f} texts/s; quiet {summary(quiet_off)})"
    )
    on = statistics.median(limited) / statistics.median(quiet)
    off = statistics.median(unlimited) / statistics.median(quiet_off)
    print(f"median latency ratio flooded/quiet: {on:.2f} with the limit, {off:.2f} without")


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-m", "perf", "-s", "-q", "-p", "no:cacheprovider"]))
