"""Fan-out, scheduling and memory figures for daily check-ins (the design targets: >= 1,000 messages/s, a pass
cost independent of the subscriber count, <= 400 bytes a subscriber).

1. Messages/s end to end: N subscribers due in the same minute; one scheduling pass, then RQ workers send every
   check-in through the real twilio client to a fast local HTTP sink. Baseline in the same run: the bare twilio
   client sending the same number of messages to the same sink from the same number of processes.
2. Scheduling pass time with 10 thousand versus 1 million subscribers, the same number due.
3. Redis bytes per subscriber after a day of check-ins.

Run: .venv/bin/pytest -m perf tests/perf/bench_fanout.py -s   (or .venv/bin/python -m tests.perf.bench_fanout;
FANOUT_N=20000 for a quicker run)
"""

import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from redis import Redis
from rq import Queue
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from service import embedded, store
from tests.live import add_subscribers
from workers.ticker import tick

pytestmark = pytest.mark.perf

N = int(os.environ.get("FANOUT_N", "100000"))
PROCESSES = int(os.environ.get("FANOUT_PROCESSES", "4"))
DUE_FOR_SCALING = 5000
ROOT = Path(__file__).resolve().parents[2]
ACCOUNT = "AC" + "0" * 32
SENDER = "+15005550006"
MOMENT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 10:00 in New York


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _bare_sends(args: tuple[str, int]) -> int:
    base_url, count = args
    client = Client(ACCOUNT, "token", http_client=TwilioHttpClient(timeout=10))
    client.api.base_url = base_url
    for n in range(count):
        client.messages.create(to=f"+1212{n:07d}", from_=SENDER, body="Hi, it's Steadyline. How are you today?")
    return count


def bare_rate(base_url: str, count: int) -> float:
    with multiprocessing.Pool(PROCESSES) as pool:
        start = time.perf_counter()
        sent = sum(pool.map(_bare_sends, [(base_url, count // PROCESSES)] * PROCESSES))
        return sent / (time.perf_counter() - start)


def system_rate(redis: Redis, env: dict[str, str]) -> tuple[float, float]:
    """(messages/s from the pass's start to the last send, seconds the pass itself took)."""
    start = time.perf_counter()
    counts = tick(redis, MOMENT)
    pass_s = time.perf_counter() - start
    assert counts["due"] == N, counts
    workers = [
        subprocess.Popen([sys.executable, "-m", "service.cli", "worker", "--burst"], env=env, cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(PROCESSES)
    ]  # fmt: skip
    for worker in workers:
        worker.wait()
    elapsed = time.perf_counter() - start
    assert Queue(store.QUEUE, connection=redis).count == 0
    return N / elapsed, pass_s


def pass_times(url: str) -> tuple[float, float]:
    """Median seconds of a pass over 10 thousand and over 1 million subscribers, DUE_FOR_SCALING due in each.

    The two populations live in two databases of one server and their passes alternate, so load on the machine
    falls on both alike."""
    populations = {1: 10_000, 2: 1_000_000}
    clients = {db: Redis.from_url(url, db=db) for db in populations}
    for db, population in populations.items():
        clients[db].flushdb()
        add_subscribers(clients[db], DUE_FOR_SCALING, MOMENT)
        add_subscribers(clients[db], population - DUE_FOR_SCALING, MOMENT + timedelta(hours=3), DUE_FOR_SCALING)
    due_at_moment = dict(clients[1].zrangebyscore(store.DUE, "-inf", int(MOMENT.timestamp()), withscores=True))
    times: dict[int, list[float]] = {db: [] for db in populations}
    for _ in range(9):
        for db, client in clients.items():
            start = time.perf_counter()
            counts = tick(client, MOMENT)
            times[db].append(time.perf_counter() - start)
            assert counts["due"] == DUE_FOR_SCALING
            client.zadd(store.DUE, due_at_moment)  # the same senders in both databases
            Queue(store.QUEUE, connection=client).empty()
    for client in clients.values():
        client.execute_command("FLUSHDB", "SYNC")
    return statistics.median(times[1]), statistics.median(times[2])


def bytes_per_subscriber(redis: Redis) -> dict[str, float]:
    """Memory after the fan-out day: per subscriber (hash, due entry, reminder), and per-message status records."""
    messages = len(redis.keys(store.message_key("*")))
    message_bytes = sum(redis.memory_usage(k) or 0 for k in redis.scan_iter(store.message_key("*"), count=1000))
    redis.delete(*redis.keys(store.message_key("*"))) if messages else None
    Queue(store.QUEUE, connection=redis).empty()
    for key in redis.keys("rq:*"):
        redis.delete(key)
    used = redis.info("memory")["used_memory"]
    redis.execute_command("FLUSHDB", "SYNC")  # synchronous, so the memory is really given back before we look
    empty = redis.info("memory")["used_memory"]
    return {"subscriber": (used - empty) / N, "message_record": message_bytes / max(messages, 1)}


def measure() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as var:
        server = embedded.ensure(Path(var))
        port = _free_port()
        sink = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/perf/sink.py"), str(port), str(Path(var) / "served")],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert sink.stdout and sink.stdout.readline().strip() == "ready"
            base_url = f"http://127.0.0.1:{port}"
            redis = Redis.from_url(server.url)
            env = {
                **os.environ, "REDIS_URL": server.url, "SMS_TRANSPORT": "twilio", "TWILIO_ACCOUNT_SID": ACCOUNT,
                "TWILIO_AUTH_TOKEN": "token", "TWILIO_FROM_NUMBER": SENDER, "TWILIO_API_BASE_URL": base_url,
                "SEND_RATE_PER_S": "2000", "LOG_LEVEL": "WARNING",
            }  # fmt: skip
            baseline = bare_rate(base_url, N)
            redis.flushdb()
            add_subscribers(redis, N, MOMENT)
            rate, fanout_pass_s = system_rate(redis, env)
            memory = bytes_per_subscriber(redis)
            small, large = pass_times(server.url)
            redis.flushdb()
        finally:
            sink.terminate()
            sink.wait(timeout=10)
            if sink.stdout:
                sink.stdout.close()  # unclosed, the pipe is a ResourceWarning, which pytest's settings make an error
            server.stop()
        served = int((Path(var) / "served").read_text())
    assert served == N // PROCESSES * PROCESSES + N, f"the sink saw {served} messages"  # baseline + system, no doubles
    return {
        "messages": N, "processes": PROCESSES, "bare_twilio_msgs_per_s": baseline, "system_msgs_per_s": rate,
        "system_vs_bare": rate / baseline, "fanout_pass_s": fanout_pass_s, "pass_10k_s": small, "pass_1m_s": large,
        "pass_1m_vs_10k": large / small, "bytes_per_subscriber": memory["subscriber"],
        "bytes_per_message_record": memory["message_record"],
    }  # fmt: skip


def test_fanout_figures() -> None:
    print("\n" + json.dumps(measure(), indent=2))


if __name__ == "__main__":
    test_fanout_figures()
