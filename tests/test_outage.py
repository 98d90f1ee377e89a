"""The line never goes dark: `steadyline run` with its embedded server killed by SIGKILL under load, and crisis
texts spooled by a web process that then died. Real processes throughout (run, gunicorn, the RQ worker and
scheduler, Valkey), real signals.

- the web keeps answering: /healthz never fails, crisis texts get the crisis reply while Redis is down;
- run starts the server again on its port, with its append-only file: what was acknowledged before is there;
- the worker and the scheduler ride the outage out (run never had to restart them), and delayed jobs (RQ's
  scheduler moves alert retries) run within seconds of Redis returning;
- every crisis text answered during the outage becomes one escalation and one on-call alert, also when the web
  that spooled them is gone and two new web processes race to record them.
"""

import os
import signal
import socket
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from redis import Redis
from rq import Queue
from rq.job import Job, JobStatus

from messages import catalog
from service import create_app, embedded, store
from service.config import DEV_DATA_KEY
from service.privacy import sender_id
from tests.live import LiveApp, Processes, clean_env, get_status, gunicorn, post_webhook, signed_params, wait_for
from tests.texting import outbox

pytestmark = pytest.mark.faults

ONCALL = "+15555550100"
CRISIS = "i want to kill myself"
CRISIS_NUMBERS = [f"+1303555{n:04d}" for n in range(3)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children_of(pid: int) -> dict[str, int]:
    """The CLI subcommand (or "gunicorn") of each direct child of `pid`, with its pid, read from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        try:
            ppid = next(line for line in (entry / "status").read_text().splitlines() if line.startswith("PPid:"))
            words = [word for word in (entry / "cmdline").read_bytes().decode().split("\0") if word]
        except (OSError, ValueError, StopIteration):
            continue
        if int(ppid.split()[1]) == pid:
            found["gunicorn" if any("gunicorn" in word for word in words) else words[-1]] = int(entry.name)
    return found


class Traffic:
    """Threads texting MENU from their own numbers, each checking /healthz between texts."""

    def __init__(self, base: str) -> None:
        self.base, self.stop, self.health = base, threading.Event(), []
        self.threads = [threading.Thread(target=self.run, args=(t,)) for t in range(3)]

    def run(self, thread: int) -> None:
        n = 0
        while not self.stop.is_set():
            n += 1
            post_webhook(self.base, signed_params(f"+1720{thread:02d}{n:05d}", "MENU"), timeout=10)
            self.health.append(get_status(f"{self.base}/healthz"))

    def __enter__(self) -> "Traffic":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def finished(job: Job) -> bool:
    return job.get_status(refresh=True) == JobStatus.FINISHED


def test_run_brings_a_killed_server_back_and_crisis_texts_answered_meanwhile_are_escalated_and_alerted_once(
    tmp_path: Path,
) -> None:
    processes = Processes(tmp_path, clean_env(ONCALL_NUMBERS=ONCALL, LOG_LEVEL="WARNING"))
    base = f"http://127.0.0.1:{free_port()}"
    run = processes.start("run", "--port", base.rsplit(":", 1)[1])
    try:
        wait_for(lambda: get_status(f"{base}/readyz") == 200, "steadyline run to be ready", timeout=90)
        redis_dir = tmp_path / "var" / "redis"
        redis = Redis.from_url(f"redis://127.0.0.1:{(redis_dir / 'server.port').read_text()}/0", socket_timeout=5)
        before = signed_params("+17205550001", "CHECKIN")
        assert post_webhook(base, before)[1][-1] == catalog.text("checkin.offer")
        helpers = wait_for(lambda: (c := children_of(run.pid)).keys() >= {"worker", "scheduler"} and c, "children")

        with Traffic(base) as traffic:
            wait_for(lambda: len(traffic.health) > 20, "traffic to flow")
            os.kill(int((redis_dir / "server.pid").read_text()), signal.SIGKILL)
            crisis = [signed_params(number, CRISIS) for number in CRISIS_NUMBERS]
            assert [post_webhook(base, params) for params in crisis] == [(200, [catalog.text("crisis.suicide")])] * 3
            wait_for(lambda: get_status(f"{base}/readyz") == 200, "run to start the server again", timeout=60)
            wait_for(lambda: len(traffic.health) > 60, "traffic after the restart", timeout=60)
        output = processes.output(run)
        assert output.count("spooled until Redis is back") == 3, output[-4000:]  # answered while it was down
        assert set(traffic.health) == {200}  # the web never went dark
        assert "the embedded server stopped" in output

        # Recorded once each (escalation, alert job) and alerted once each, by the worker, to the console outbox.
        wait_for(lambda: redis.zcard(store.ESCALATIONS) == 3, "the spooled crisis texts to be escalated", timeout=30)
        assert sorted(store.escalation(redis, p["MessageSid"])["category"] for p in crisis) == ["suicide"] * 3
        alerts = wait_for(
            lambda: len([m for m in outbox(redis) if m["kind"] == "alert"]) >= 3 and outbox(redis), "3 alerts"
        )
        assert sorted(m["to"] for m in alerts if m["kind"] == "alert") == [ONCALL] * 3
        assert not list((tmp_path / "var" / "spool").glob("SM*.json"))
        # The acknowledged write from before the kill is there (append-only file).
        assert store.user_state(redis, sender_id("+17205550001", DEV_DATA_KEY)).subscription == "pending"

        # The worker and scheduler rode it out: the same processes, never restarted by run.
        assert {k: children_of(run.pid).get(k) for k in ("worker", "scheduler")} == {
            k: helpers[k] for k in ("worker", "scheduler")
        }
        job = Queue(store.QUEUE, connection=redis).enqueue_in(timedelta(seconds=1), "workers.ticker.tick_now")
        wait_for(lambda: finished(job), "a delayed job to run after Redis came back", timeout=20)
    finally:
        run.send_signal(signal.SIGINT)  # its own orderly stop, the server included
        try:
            run.wait(60)
        finally:
            processes.close()


def test_crisis_texts_spooled_by_a_web_that_died_are_recorded_once_by_the_next_web_processes(
    tmp_path: Path, redis_server: embedded.EmbeddedServer, redis: Redis
) -> None:
    stopped = embedded.ensure(tmp_path / "down")
    stopped.stop()
    spool = tmp_path / "spool"
    dead = create_app({"REDIS_URL": stopped.url, "SPOOL_DIR": str(spool)})
    with LiveApp(dead) as live:
        crisis = [signed_params(number, CRISIS) for number in CRISIS_NUMBERS]
        assert [post_webhook(live.url, params) for params in crisis] == [(200, [catalog.text("crisis.suicide")])] * 3
    dead.extensions["spool"].stop()  # this web is gone; its spool stays
    files = sorted(spool.glob("SM*.json"))
    assert len(files) == 3 and all(CRISIS.encode() not in f.read_bytes() for f in files)  # encrypted on disk
    assert all(n.encode() not in f.read_bytes() for f in files for n in CRISIS_NUMBERS)

    # Two new web processes (gunicorn workers) start on the same spool and race to record it.
    env = clean_env(REDIS_URL=redis_server.url, SPOOL_DIR=str(spool), LOG_LEVEL="WARNING", ONCALL_NUMBERS=ONCALL)
    with gunicorn(env, tmp_path / "gunicorn.log", workers=2, threads=2):
        wait_for(lambda: not list(spool.glob("SM*.json")), "the spool to be recorded", timeout=30)
    assert redis.zcard(store.ESCALATIONS) == 3
    assert sorted(Queue(store.QUEUE, connection=redis).job_ids) == sorted(f"alert-{p['MessageSid']}" for p in crisis)
    day = datetime.fromisoformat(store.escalation(redis, crisis[0]["MessageSid"])["at"]).date()
    assert store.daily_stats(redis, [day])[0]["crisis_events"] == 3  # counted once each
    # A late redelivery of one of them by Twilio is a no-op.
    with LiveApp(create_app({"REDIS_URL": redis_server.url, "SPOOL_DIR": str(spool)})) as live:
        assert post_webhook(live.url, crisis[0]) == (200, [])
    assert redis.zcard(store.ESCALATIONS) == 3
