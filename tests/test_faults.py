"""Nothing sent twice, nothing lost: each property under the fault that would break it, with real processes, real
signals (SIGKILL), real servers on loopback and bounded waits.

- a webhook replayed 50 times at once has one effect;
- a worker killed after Twilio took a text, or just before it asked, leaves the text sent exactly once;
- two scheduler processes at once send each check-in once;
- Redis killed with SIGKILL keeps every write it acknowledged (append-only file);
- Redis at its memory limit refuses writes, evicts nothing, and the line still answers;
- Redis gone and back: readiness follows it, and a long-running worker carries on by itself.
"""

import json
import os
import re
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from redis import OutOfMemoryError, Redis
from rq import Queue, Worker
from rq.job import Job, JobStatus

from messages import catalog
from service import create_app, embedded, store
from service.config import DEV_DATA_KEY
from service.connection import get_config
from service.conversation import schedule
from service.privacy import sender_id
from tests.fake_twilio import FakeTwilio, twilio_settings
from tests.live import (
    LiveApp,
    Processes,
    add_subscribers,
    clean_env,
    get_status,
    gunicorn,
    post_webhook,
    signed_params,
    wait_for,
)
from tests.texting import Texter, subscribe
from workers.ticker import tick

pytestmark = pytest.mark.faults

NEW_YORK = "+12125550123"
MOMENT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
"""10:00 in New York: a subscriber's default check-in time."""
DAY = schedule.local_day(MOMENT, "America/New_York").toordinal()


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    started = Processes(tmp_path, clean_env())
    yield started
    started.close()


@pytest.fixture
def servers() -> Iterator[list[embedded.EmbeddedServer]]:
    """Dedicated embedded servers a test starts; each is stopped at the end, whatever happened to it."""
    started: list[embedded.EmbeddedServer] = []
    yield started
    for server in started:
        server.stop()


def port_of(server: embedded.EmbeddedServer) -> int:
    return int(urlsplit(server.url).port or 0)


def subscribed_before_moment(app: Flask, number: str) -> str:
    """Subscribe `number` through the webhook an hour before MOMENT, so MOMENT is its first check-in whatever
    today's date is; returns its sender id."""
    app.extensions["clock"].set(MOMENT - timedelta(hours=1))
    subscribe(Texter(app.test_client(), number=number))
    return sender_id(number, get_config(app).DATA_KEY)


def claim(redis: Redis, sender: str) -> str:
    """What the send jobs left in the subscriber's hash for today's check-in ("" if nothing)."""
    return (redis.hget(store.user_key(sender), store.CLAIM_FIELDS["checkin"]) or b"").decode()


def job_results(redis: Redis) -> list[dict[str, int]]:
    """What the send jobs that finished returned (their outcome counts)."""
    registry = Queue(store.QUEUE, connection=redis).finished_job_registry
    jobs = [Job.fetch(job_id, connection=redis) for job_id in registry.get_job_ids()]
    return [job.return_value() for job in jobs if job.func_name.startswith("workers.sending.")]


# --- 1. a replay storm -------------------------------------------------------------------------------------------

STORM = 50


@pytest.fixture(scope="module")
def web(redis_server: embedded.EmbeddedServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under gunicorn: two worker processes of eight threads, so replays race across processes."""
    env = clean_env(REDIS_URL=redis_server.url, ONCALL_NUMBERS="+15555550100", LOG_LEVEL="WARNING")
    with gunicorn(env, tmp_path_factory.mktemp("gunicorn") / "gunicorn.log") as url:
        yield url


def storm(url: str, params: dict[str, str]) -> list[tuple[int, list[str]]]:
    """The same signed request, posted STORM times at once (all released together by a barrier)."""
    start = threading.Barrier(STORM)

    def post(_: int) -> tuple[int, list[str]]:
        start.wait(timeout=30)
        return post_webhook(url, params, timeout=30)

    with ThreadPoolExecutor(max_workers=STORM) as pool:
        return list(pool.map(post, range(STORM), timeout=60))


def test_a_crisis_text_replayed_50_times_at_once_is_answered_and_escalated_once(web: str, redis: Redis) -> None:
    params = signed_params("+13125550142", "i want to kill myself")
    responses = storm(web, params)
    assert [status for status, _ in responses] == [200] * STORM
    answered = [replies for _, replies in responses if replies]
    # One answer (the crisis reply and, since issue 14, its one direct question); 49 empty <Response/>.
    assert answered == [[catalog.text("crisis.suicide"), catalog.text("talk.ask_plan")]]
    assert redis.zcard(store.ESCALATIONS) == 1
    assert Queue(store.QUEUE, connection=redis).job_ids == [f"alert-{params['MessageSid']}"]  # one on-call alert


def test_a_stop_replayed_50_times_at_once_is_confirmed_once(web: str, redis: Redis) -> None:
    params = signed_params("+13125550143", "STOP")
    responses = storm(web, params)
    assert [status for status, _ in responses] == [200] * STORM
    assert [replies for _, replies in responses if replies] == [[catalog.text("optout")]]
    assert redis.hget(store.user_key(sender_id("+13125550143", DEV_DATA_KEY)), "out") == b"1"


# --- 2, 3. a worker killed mid-send ------------------------------------------------------------------------------


def test_a_worker_killed_after_twilio_took_the_text_does_not_send_it_again(
    app: Flask, redis: Redis, redis_server: embedded.EmbeddedServer, processes: Processes, fake_twilio: FakeTwilio
) -> None:
    sender = subscribed_before_moment(app, NEW_YORK)
    settings = {"REDIS_URL": redis_server.url, **twilio_settings(fake_twilio)}
    assert tick(redis, MOMENT)["due"] == 1
    fake_twilio.hold()  # Twilio records the message, then keeps its answer back
    worker = processes.start("worker", "--burst", **settings)
    assert fake_twilio.posted.wait(30), processes.output(worker)
    os.kill(worker.pid, signal.SIGKILL)
    assert worker.wait(10) == -signal.SIGKILL
    fake_twilio.release()
    assert fake_twilio.posts_to() == [NEW_YORK]
    assert re.fullmatch(rf"{DAY}\|c\|\d+", claim(redis, sender))  # claimed, never settled

    # The claim's lease runs out; the next pass comes round to the subscriber again.
    assert tick(redis, MOMENT + timedelta(seconds=store.CLAIM_LEASE_S))["due"] == 1
    processes.run("worker", "--burst", **settings)
    assert fake_twilio.posts_to() == [NEW_YORK]  # not sent again:
    assert fake_twilio.lists == [NEW_YORK]  # it asked Twilio, and found the text there
    assert claim(redis, sender) == f"{DAY}|s"
    assert job_results(redis) == [{"recovered": 1}]


def test_a_worker_killed_just_before_the_call_leaves_the_text_to_be_sent_once(
    app: Flask, redis: Redis, redis_server: embedded.EmbeddedServer, processes: Processes, fake_twilio: FakeTwilio
) -> None:
    sender = subscribed_before_moment(app, NEW_YORK)
    assert tick(redis, MOMENT)["due"] == 1
    # An empty shared bucket, last filled an hour from now: the worker claims, then waits for a token (10 s a try).
    redis.hset(store.SEND_BUCKET, mapping={"tokens": "0", "ts": f"{time.time() + 3600:.6f}"})
    worker = processes.start("worker", "--burst", REDIS_URL=redis_server.url, **twilio_settings(fake_twilio, 0.1))
    wait_for(lambda: re.fullmatch(rf"{DAY}\|c\|\d+", claim(redis, sender)), "the worker's claim", timeout=30)
    os.kill(worker.pid, signal.SIGKILL)
    assert worker.wait(10) == -signal.SIGKILL
    assert fake_twilio.posts_to() == [] and not fake_twilio.posted.is_set()

    redis.delete(store.SEND_BUCKET)
    assert tick(redis, MOMENT + timedelta(seconds=store.CLAIM_LEASE_S))["due"] == 1
    processes.run("worker", "--burst", REDIS_URL=redis_server.url, **twilio_settings(fake_twilio))
    assert fake_twilio.posts_to() == [NEW_YORK]  # sent, once:
    assert fake_twilio.lists == [NEW_YORK]  # it asked Twilio first, and the text was not there
    assert claim(redis, sender) == f"{DAY}|s"
    assert job_results(redis) == [{"sent": 1}]


# --- 4. two scheduler processes at once --------------------------------------------------------------------------

SUBSCRIBERS = 2000


def test_two_scheduler_processes_at_once_send_each_checkin_once(
    redis: Redis, redis_server: embedded.EmbeddedServer, processes: Processes, fake_twilio: FakeTwilio
) -> None:
    numbers = add_subscribers(redis, SUBSCRIBERS, MOMENT)
    # Writes held back: both passes start, connect and stop at their first claim; let go, they race batch by batch.
    redis.execute_command("CLIENT", "PAUSE", 30_000, "WRITE")
    try:
        passes = [processes.start("tick", "--at", MOMENT.isoformat(), REDIS_URL=redis_server.url) for _ in range(2)]
        wait_for(
            lambda: sum(c["cmd"] in ("eval", "evalsha") and "b" in c["flags"] for c in redis.client_list()) == 2,
            "both passes to reach their first claim",
            timeout=30,
        )
    finally:
        redis.execute_command("CLIENT", "UNPAUSE")
    for process in passes:
        assert process.wait(30) == 0, processes.output(process)
    counts = [json.loads(re.findall(r"^\{\"at\".*$", processes.output(p), re.M)[-1]) for p in passes]
    assert sum(c["due"] for c in counts) == SUBSCRIBERS and all(c["due"] > 0 for c in counts), counts

    workers = [
        processes.start("worker", "--burst", REDIS_URL=redis_server.url, **twilio_settings(fake_twilio)) for _ in "ab"
    ]
    for worker in workers:
        assert worker.wait(90) == 0, processes.output(worker)
    sent = Counter(fake_twilio.posts_to())
    print(f"the two passes claimed {[c['due'] for c in counts]}; {sum(sent.values())} POSTs to {len(sent)} numbers")
    assert set(sent) == set(numbers) and set(sent.values()) == {1}


# --- 5. Redis killed under load ----------------------------------------------------------------------------------

LOAD_THREADS = 6
ACKED_BEFORE_KILL = 1000

OFFER = catalog.text("checkin.offer")
CONFIRMED = catalog.text("checkin.confirmed", time="\0", zone="\0").split("\0")[0]
OPT_OUT = catalog.text("optout")


def acknowledged(op: str, status: int, replies: list[str]) -> bool:
    """Whether the line answered `op` as done (not with the "try again" reply)."""
    if status != 200:
        return False
    if op == "CHECKIN":
        return OFFER in replies
    if op == "YES":
        return any(reply.startswith(CONFIRMED) for reply in replies)
    return replies == [OPT_OUT]


class Load:
    """Threads texting the line: each new number sends CHECKIN, YES, and every other one then STOP."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.lock = threading.Lock()
        self.attempted: dict[str, list[str]] = {}  # number -> ops sent, in order
        self.acked: dict[str, list[str]] = {}  # number -> ops acknowledged
        self.acks = 0
        self.refused_after_kill = Counter[int]()  # thread -> requests not acknowledged once Redis was killed
        self.enough, self.killed, self.stop = threading.Event(), threading.Event(), threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(t,)) for t in range(LOAD_THREADS)]

    def run(self, thread: int) -> None:
        for n in range(10_000):
            number = f"+1646{thread:02d}{n:05d}"
            for op in ("CHECKIN", "YES", "STOP")[: 3 if n % 2 else 2]:
                if self.stop.is_set():
                    return
                killed = self.killed.is_set()
                with self.lock:
                    self.attempted.setdefault(number, []).append(op)
                try:
                    status, replies = post_webhook(self.url, signed_params(number, op))
                except OSError:
                    status, replies = 0, []
                with self.lock:
                    if acknowledged(op, status, replies):
                        self.acked.setdefault(number, []).append(op)
                        self.acks += 1
                        if self.acks >= ACKED_BEFORE_KILL:
                            self.enough.set()
                    elif killed:
                        self.refused_after_kill[thread] += 1

    def __enter__(self) -> "Load":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def state_of(redis: Redis, number: str) -> str:
    """Which op the stored state of `number` shows last: CHECKIN (pending), YES (active, due) or STOP."""
    sender = sender_id(number, DEV_DATA_KEY)
    user, due = redis.hgetall(store.user_key(sender)), redis.zscore(store.DUE, sender)
    if user.get(b"out") == b"1" and b"sub" not in user and due is None:
        return "STOP"
    if user.get(b"sub") == b"a" and due is not None:
        return "YES"
    if user.get(b"sub") == b"p":
        return "CHECKIN"
    return f"unknown {user!r}"


def test_every_acknowledged_write_survives_redis_killed_under_load(
    tmp_path: Path, servers: list[embedded.EmbeddedServer]
) -> None:
    servers.append(embedded.ensure(tmp_path, appendfsync="everysec"))
    server, port = servers[0], port_of(servers[0])
    with LiveApp(create_app({"REDIS_URL": server.url})) as live, Load(live.url) as load:
        assert load.enough.wait(60), f"only {load.acks} acknowledged in 60 s"
        os.kill(server.pid, signal.SIGKILL)
        load.killed.set()
        assert server.process and server.process.wait(10) == -signal.SIGKILL
        # The load goes on against the dead server until every thread has seen it refuse (the "retry" reply).
        wait_for(lambda: len(load.refused_after_kill) == LOAD_THREADS, "every thread to meet the dead server")
    servers.append(embedded.ensure(tmp_path, appendfsync="everysec", port=port))
    restarted = Redis.from_url(servers[1].url)

    kinds = Counter(op for ops in load.acked.values() for op in ops)
    lost = []
    for number, ops in load.acked.items():
        # The last acknowledged op, or one sent after it whose answer was lost in the kill, is what must be there.
        attempted = load.attempted[number]
        possible = attempted[attempted.index(ops[-1]) :]
        if state_of(restarted, number) not in possible:
            lost.append((number, ops, attempted, state_of(restarted, number)))
    print(f"acknowledged before the kill: {dict(kinds)}, in all {sum(kinds.values())}; lost after restart: {lost}")
    assert kinds["YES"] > 0 and kinds["STOP"] > 0 and not lost


# --- 6. Redis at its memory limit --------------------------------------------------------------------------------


def test_at_the_memory_limit_writes_are_refused_nothing_is_evicted_and_the_line_answers(
    tmp_path: Path, servers: list[embedded.EmbeddedServer], caplog: pytest.LogCaptureFixture
) -> None:
    servers.append(embedded.ensure(tmp_path))
    redis = Redis.from_url(servers[0].url)
    app = create_app({"REDIS_URL": servers[0].url, "SPOOL_DIR": str(tmp_path / "spool")})
    for n in range(3):
        subscribed_before_moment(app, f"+1718555010{n}")
    before = {key: redis.type(key) for key in redis.scan_iter(count=1000)}
    assert redis.config_get("maxmemory-policy")["maxmemory-policy"] == "noeviction"
    redis.config_set("maxmemory", redis.info("memory")["used_memory"] + 2_000_000)
    with pytest.raises(OutOfMemoryError):  # the loop is the point: fill until a write is refused
        for n in range(10_000):  # 10 MB at most: far past the limit
            redis.set(f"filler:{n}", b"x" * 1024)
    # Right at the limit the server frees a few kilobytes of its own buffers now and then, letting a small write
    # slip in; a limit just under what the data now takes keeps every write refused for the rest of the test.
    redis.config_set("maxmemory", redis.info("memory")["used_memory"] - 256_000)
    with pytest.raises(OutOfMemoryError):
        redis.set("probe", "1")

    with LiveApp(app) as live, caplog.at_level("ERROR"):
        menu, crisis = signed_params("+17185550100", "MENU"), signed_params("+17185550101", "i want to kill myself")
        assert post_webhook(live.url, menu) == (200, [catalog.text("retry")])
        assert post_webhook(live.url, crisis) == (200, [catalog.text("crisis.suicide")])
    for params in (menu, crisis):
        lines = [r.getMessage() for r in caplog.records if params["MessageSid"] in r.getMessage()]
        assert len(lines) == 1 and "out of memory" in lines[0] and "OutOfMemoryError" in lines[0], lines
    after = {key: redis.type(key) for key in before if redis.exists(key)}
    assert after == before  # noeviction: every key that was there still is
    app.extensions["spool"].stop()
    assert [p.stem for p in (tmp_path / "spool").glob("SM*.json")] == [crisis["MessageSid"]]  # kept for later


# --- 7. Redis unreachable, then back -----------------------------------------------------------------------------


def redis_errors(processes: Processes, worker, since: int) -> int:
    """Lines in the worker's output, after offset `since`, saying it could not reach Redis."""
    text = processes.output(worker)[since:]
    return len(re.findall(r"could not connect to Redis|worker: Redis unreachable|worker: the RQ worker quit", text))


def finished(job: Job) -> bool:
    return job.get_status(refresh=True) == JobStatus.FINISHED


def test_readiness_follows_redis_and_a_running_worker_carries_on_after_it_returns(
    tmp_path: Path, servers: list[embedded.EmbeddedServer], processes: Processes
) -> None:
    servers.append(embedded.ensure(tmp_path))
    port, url = port_of(servers[0]), servers[0].url
    redis = Redis.from_url(url)
    worker = processes.start("worker", REDIS_URL=url)
    with LiveApp(create_app({"REDIS_URL": url})) as live:
        assert get_status(f"{live.url}/readyz") == 200
        wait_for(lambda: Worker.all(connection=redis), "the worker to register", timeout=30)

        since = len(processes.output(worker))
        os.kill(servers[0].pid, signal.SIGKILL)
        assert servers[0].process and servers[0].process.wait(10) == -signal.SIGKILL
        assert get_status(f"{live.url}/readyz") == 503
        wait_for(lambda: redis_errors(processes, worker, since) >= 2, "the worker to retry Redis", timeout=30)
        assert worker.poll() is None, processes.output(worker)

        servers.append(embedded.ensure(tmp_path, port=port))
        assert get_status(f"{live.url}/readyz") == 200
    job = Queue(store.QUEUE, connection=redis).enqueue("workers.ticker.tick_now")
    wait_for(lambda: finished(job), "the worker to run a job after Redis came back", timeout=60)
    assert worker.poll() is None


def test_a_worker_started_while_redis_is_down_waits_for_it(
    tmp_path: Path, servers: list[embedded.EmbeddedServer], processes: Processes
) -> None:
    servers.append(embedded.ensure(tmp_path))
    port, url = port_of(servers[0]), servers[0].url
    servers[0].stop()
    worker = processes.start("worker", REDIS_URL=url)
    wait_for(lambda: redis_errors(processes, worker, 0) >= 2, "the worker to retry Redis", timeout=30)
    assert worker.poll() is None, processes.output(worker)
    servers.append(embedded.ensure(tmp_path, port=port))
    redis = Redis.from_url(url)
    job = Queue(store.QUEUE, connection=redis).enqueue("workers.ticker.tick_now")
    wait_for(lambda: finished(job), "the worker to run a job once Redis is up", timeout=60)
    assert worker.poll() is None
