"""The on-call alert: a text to each on-call number and a signed webhook, never carrying the texter's words or
number, retried by RQ when the receiver fails."""

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker
from rq.job import Job, JobStatus

from service import config, create_app, store
from service.embedded import EmbeddedServer
from tests.fake_twilio import serving
from tests.texting import Texter

SECRET = "webhook-test-secret"
PUBLIC = "https://sms.example.org"
NUMBER = "+15555550123"
CRISIS_TEXT = "i took the whole bottle"


class Receiver(ThreadingHTTPServer):
    """An on-call system's webhook endpoint on loopback: answers with scripted statuses, keeps each raw request."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.statuses: list[int] = []
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}/hooks/steadyline"


class _Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers.items()), body))
        self.send_response(self.server.statuses.pop(0) if self.server.statuses else 204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with serving(Receiver()) as server:
        yield server


def make_app(redis_server: EmbeddedServer, receiver: Receiver, **settings: str) -> Flask:
    base = {"REDIS_URL": redis_server.url, "ONCALL_WEBHOOK_URL": receiver.url, "ONCALL_WEBHOOK_SECRET": SECRET}
    return create_app(base | settings)


def text_crisis(app: Flask, signed_url: str = "http://localhost/sms") -> str:
    """Send a crisis text through the signed webhook; return the escalation's id."""
    texter = Texter(app.test_client(), number=NUMBER)
    params = texter.params(CRISIS_TEXT)
    assert texter.post(params, signed_url=signed_url).status_code == 200
    return params["MessageSid"]


def run_jobs(app: Flask, redis: Redis, with_scheduler: bool = False) -> None:
    with app.app_context():
        worker = SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis)
        worker.work(burst=True, with_scheduler=with_scheduler)


def verify(headers: dict[str, str], body: bytes) -> dict[str, object]:
    """Check a request the way a receiver should (signature over timestamp and raw body, a fresh timestamp)."""
    timestamp = headers["X-Steadyline-Timestamp"]
    expected = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Steadyline-Signature"], f"sha256={expected}")
    assert abs(time.time() - int(timestamp)) < 60
    return json.loads(body)


def test_a_crisis_text_posts_one_signed_alert_without_words_or_number(
    redis: Redis, redis_server: EmbeddedServer, receiver: Receiver
) -> None:
    app = make_app(redis_server, receiver, PUBLIC_BASE_URL=PUBLIC, ONCALL_NUMBERS="+15555550100")
    escalation_id = text_crisis(app, signed_url=f"{PUBLIC}/sms")
    run_jobs(app, redis)

    [(headers, body)] = receiver.received
    assert headers["Content-Type"] == "application/json"
    event = store.escalation(redis, escalation_id)
    assert verify(headers, body) == {
        "event": "escalation.created",
        "id": escalation_id,
        "category": "overdose",
        "language": "en",  # issue 10: the texter's language, so the right person follows up
        "at": event["at"],
        "level": "imminent",  # issue 14: alerts carry the conversation's risk level
        "channel": "sms",  # issue 12: where to reach the person (never the address)
        "console_url": f"{PUBLIC}/admin/escalations/{escalation_id}",
    }
    everything_sent = body.decode() + json.dumps(headers)
    assert "bottle" not in everything_sent and NUMBER not in everything_sent and NUMBER[-4:] not in everything_sent
    assert [m["kind"] for m in store.outbox(redis)] == ["alert"]  # the SMS to on-call staff still goes out


def test_a_tampered_body_fails_the_signature(redis: Redis, redis_server: EmbeddedServer, receiver: Receiver) -> None:
    app = make_app(redis_server, receiver)
    text_crisis(app)
    run_jobs(app, redis)
    [(headers, body)] = receiver.received
    assert json.loads(body)["console_url"] is None  # no PUBLIC_BASE_URL, no link
    with pytest.raises(AssertionError):
        verify(headers, body.replace(b"overdose", b"suicide"))
    with pytest.raises(AssertionError):
        verify(headers | {"X-Steadyline-Timestamp": str(int(time.time()) + 1)}, body)  # a replay with a new time


def test_a_failing_receiver_is_retried_by_rq_and_staff_are_texted_once(
    redis: Redis, redis_server: EmbeddedServer, receiver: Receiver
) -> None:
    app = make_app(redis_server, receiver, ONCALL_NUMBERS="+15555550100")
    receiver.statuses = [500]
    escalation_id = text_crisis(app)
    run_jobs(app, redis)

    job = Job.fetch(f"alert-{escalation_id}", connection=redis)
    registry = Queue(store.QUEUE, connection=redis).scheduled_job_registry
    assert job.get_status() == JobStatus.SCHEDULED and job.id in registry.get_job_ids()
    assert len(receiver.received) == 1 and len(store.outbox(redis)) == 1

    redis.zadd(registry.key, {job.id: 1})  # its retry is due now, not in 10 seconds
    run_jobs(app, redis, with_scheduler=True)  # the worker's scheduler puts the due retry back on the queue

    assert job.get_status(refresh=True) == JobStatus.FINISHED
    assert len(receiver.received) == 2 and verify(*receiver.received[1])["id"] == escalation_id
    assert [m["kind"] for m in store.outbox(redis)] == ["alert"]  # the SMS claim held: no second text


def test_a_redirect_is_a_failure_not_followed(redis: Redis, redis_server: EmbeddedServer, receiver: Receiver) -> None:
    app = make_app(redis_server, receiver)
    receiver.statuses = [302]
    escalation_id = text_crisis(app)
    run_jobs(app, redis)
    assert Job.fetch(f"alert-{escalation_id}", connection=redis).get_status() == JobStatus.SCHEDULED


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ONCALL_WEBHOOK_URL": "https://oncall.example.org/hook"}, "ONCALL_WEBHOOK_URL needs ONCALL_WEBHOOK_SECRET"),
        ({"ONCALL_WEBHOOK_URL": "ftp://oncall.example.org", "ONCALL_WEBHOOK_SECRET": "s"}, "ONCALL_WEBHOOK_URL"),
    ],
)
def test_webhook_settings_are_checked_at_boot(env: dict[str, str], message: str) -> None:
    with pytest.raises(config.ConfigError, match=message):
        config.load(env)
