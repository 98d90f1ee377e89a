"""Prometheus metrics at GET /metrics: webhook latency, replies by route, crisis events, sends, queue and scheduler.

Labels come only from fixed sets (template families, crisis categories, send outcomes and kinds, index names):
never a number, a body or an id. Queue depth and scheduler lag are read from Redis when Prometheus scrapes.

With PROMETHEUS_MULTIPROC_DIR set (gunicorn's several workers, RQ workers and the scheduler on one machine, or
containers sharing one volume), every process writes its counters to files there and /metrics adds them up
(prometheus_client's multiprocess mode). Each file is named by host and pid, so processes in different containers
never share one. The directory must exist, be writable, and start empty when the whole stack starts.
"""

import functools
import os
import re
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from flask import Blueprint, Flask, Response
from prometheus_client import REGISTRY, Counter, Histogram, disable_created_metrics, values
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from redis import Redis, RedisError
from rq import Queue

from service import channel, clock, safety, store
from service.connection import get_redis
from service.conversation import model

MULTIPROCESS_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR")

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
"""Prometheus' classic text format, which every Prometheus version reads."""


_HOST = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname()) or "host"


def _process_identifier() -> str:
    # Files are "<type>_<host>-<pid>.db": pids alone collide between containers that share the directory. Called on
    # every increment (prometheus_client notices a fork by it), so it stays a getpid and a format.
    return f"{_HOST}-{os.getpid()}"


disable_created_metrics()  # no `_created` twin of every series: Prometheus does not need them
if MULTIPROCESS_DIR:
    os.makedirs(MULTIPROCESS_DIR, exist_ok=True)
    values.ValueClass = values.MultiProcessValue(_process_identifier)

WEBHOOK_SECONDS = Histogram(
    "steadyline_webhook_duration_seconds",
    "Time to answer one inbound text on POST /sms, from the view's start to its TwiML.",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
REPLIES = Counter("steadyline_replies", "Replies sent in TwiML, by template family.", ["route"])
CRISIS_EVENTS = Counter("steadyline_crisis_events", "Crisis texts answered, by category.", ["category"])
LIMITED = Counter(
    "steadyline_inbound_limited",
    "Texts past their sender's inbound limit, by what was done: no reply, or a crisis text attached to its escalation.",
    ["outcome"],
)
SENDS = Counter("steadyline_sends", "Texts the workers tried to send, by kind and outcome.", ["kind", "outcome"])
INBOUND = Counter("steadyline_inbound", "Signed inbound texts, by channel (sms or whatsapp).", ["channel"])

ROUTES = (
    "topic",
    "crisis",
    "talk",
    "checkin",
    "compliance",
    "forget",
    "welcome",
    "fallback",
    "language",
    "retry",
    "watch",
    "other",
)
LIMITED_OUTCOMES = ("unanswered", "attached", "answered")
SENT_AS = tuple(dict.fromkeys(kind.sent_as for kind in model.SEND_KINDS.values()))
"""What scheduled texts are counted as (model.SEND_KINDS: the follow-ups share one)."""
SEND_OUTCOMES = ("sent", "duplicate", "recovered", "failed", "retry", "no_template")

_FAMILIES = {
    "topic": "topic", "crisis": "crisis", "talk": "talk", "checkin": "checkin", "forget": "forget",
    "language": "language",
}  # fmt: skip
_SINGLE = {"optout": "compliance", "optin": "compliance", "help": "compliance"} | {
    name: name for name in ("welcome", "fallback", "retry", "watch")
}


@functools.cache
def route_of(key: str) -> str:
    """A template key's family: a label from ROUTES whatever the key."""
    return _SINGLE.get(key) or _FAMILIES.get(key.split(".", 1)[0], "other")


# Label children bound once, so counting on the hot path is a dict lookup and an increment.
_REPLY_COUNTERS = {route: REPLIES.labels(route) for route in ROUTES}
_CRISIS_COUNTERS = {category: CRISIS_EVENTS.labels(category) for category in safety.CATEGORIES}
_INBOUND_COUNTERS = {on: INBOUND.labels(on) for on in channel.CHANNELS}
_LIMITED_COUNTERS = {outcome: LIMITED.labels(outcome) for outcome in LIMITED_OUTCOMES}
_SEND_COUNTERS = {(kind, outcome): SENDS.labels(kind, outcome) for kind in SENT_AS for outcome in SEND_OUTCOMES}

F = TypeVar("F", bound=Callable[..., Any])


def timed(view: F) -> F:
    """Observe how long each call of the webhook view takes."""
    observe = WEBHOOK_SECONDS.observe

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return view(*args, **kwargs)
        finally:
            observe(time.perf_counter() - start)

    return wrapper  # type: ignore[return-value]


def _crisis_category(key: str) -> str:
    """The category a crisis reply answers: "crisis.medical.bystander" and "crisis.unresponsive" are medical ones
    ("crisis.followup" names none)."""
    category = key.partition(".")[2].partition(".")[0]
    return "medical" if category == "unresponsive" else category


def count_replies(keys: Iterable[str]) -> None:
    """Count replies by family, and crisis replies by category (a crisis reply is one crisis event)."""
    for key in keys:
        route = route_of(key)
        _REPLY_COUNTERS[route].inc()
        if route == "crisis":
            counter = _CRISIS_COUNTERS.get(_crisis_category(key))
            if counter is not None:
                counter.inc()


def count_inbound(on: str) -> None:
    _INBOUND_COUNTERS[on].inc()


def count_limited(outcome: str) -> None:
    """Count a text past its sender's inbound limit: "unanswered", "attached" (a crisis text added to the person's
    open escalation) or "answered" (a first crisis reply or an opt-out, which the limit never holds back)."""
    _LIMITED_COUNTERS[outcome].inc()


def count_sends(kinds_and_outcomes: Iterable[tuple[str, str]]) -> None:
    """Count what the send pipeline did with each text it planned."""
    for kind_and_outcome in kinds_and_outcomes:
        counter = _SEND_COUNTERS.get(kind_and_outcome)
        if counter is not None:
            counter.inc()


class RedisCollector:
    """Read at scrape time, in one round trip: the RQ queue's length and how far the scheduler is behind."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("steadyline_redis_up", "Whether Redis answered this scrape (1) or not (0).")
        now = clock.get_clock().time()
        try:
            depth, oldest = store.backlog(self.redis, Queue(store.QUEUE, connection=self.redis).key)
        except RedisError:
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        queue = GaugeMetricFamily("steadyline_queue_depth", "Jobs waiting in the RQ queue.", labels=["queue"])
        queue.add_metric([store.QUEUE], depth)
        yield queue
        lag = GaugeMetricFamily(
            "steadyline_scheduler_lag_seconds",
            "Seconds the oldest entry of a due index is overdue (0 when nothing is).",
            labels=["index"],
        )
        for key, first in zip((store.DUE, store.LATER), oldest, strict=True):
            overdue = max(0.0, now - first[0][1]) if first else 0.0
            lag.add_metric([key.removeprefix(store.PREFIX)], overdue)
        yield lag


class _Scrape:
    """What one scrape reports: this process's metrics (or every process's, in multiprocess mode) and Redis's."""

    def __init__(self, *sources: Any) -> None:
        self.sources = sources

    def collect(self) -> Iterator[Metric]:
        for source in self.sources:
            yield from source.collect()


def _process_metrics() -> Any:
    if MULTIPROCESS_DIR:
        return MultiProcessCollector(None, path=MULTIPROCESS_DIR)
    return REGISTRY


bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus' text format."""
    scrape = _Scrape(_process_metrics(), RedisCollector(get_redis()))
    return Response(generate_latest(scrape), content_type=CONTENT_TYPE)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
