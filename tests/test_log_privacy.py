"""Log privacy: a texter's whole journey, at DEBUG, leaves no phone number and none of their words in any log;
and the other operational output, /metrics, counts with fixed labels only.

Every record of every logger (root, werkzeug, rq, twilio, service.*) is captured before formatting, so the check
does not lean on the formatter's scrubbing; the formatted JSON lines on stderr are checked too. A self-check logs a
number and a text on purpose and makes sure the check catches both.
"""

import json
import logging
import os
import re
import socket
import subprocess
import sys
import traceback
import urllib.parse
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from prometheus_client.parser import text_string_to_metric_families
from redis import Redis
from rq import Queue, SimpleWorker
from twilio.request_validator import RequestValidator

from service import config, create_app, logs, metrics, safety, store
from service.config import DEV_AUTH_TOKEN
from service.connection import get_config
from service.conversation import schedule
from service.privacy import sender_id
from service.twilio import transport
from tests.fake_twilio import ACCOUNT_SID, FakeTwilio, created, refused
from tests.texting import Texter
from workers.ticker import tick

NUMBER = "+12125550143"
ONCALL = "+15555550100"
LINE = "+15005550006"
NUMBERS = (NUMBER, ONCALL)

E164_LIKE = re.compile(r"(?<![0-9A-Za-z])\+?\d{10,15}(?![0-9A-Za-z])|%2[Bb]\d{10,15}")
"""`\\+?\\d{10,15}` standing alone (a run of digits inside a hex id or a MessageSid is no phone number), and its
URL-encoded form."""

TEXTS = [
    "hello there, just found this number",
    "how long does withdrawal last",
    "CHECKIN",
    "YES",
    "TIME 8pm",
    "3/5",
    "a little bit honestly",
    "i want to die tonight",
    "STOP",
    "START",
    "FORGET YES",
]
"""What the texter sends, in order (the answers come after the scheduled check-in)."""

_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def sid(prefix: str = "SM") -> str:
    """A MessageSid with no long digit run, so that only real numbers can match E164_LIKE."""
    while True:
        candidate = prefix + uuid.uuid4().hex
        if not re.search(r"\d{10}", candidate):
            return candidate


class Capture(logging.Handler):
    """Keeps every record, unformatted."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def texts(self) -> list[str]:
        """Each record as everything a handler could write: logger, message, extra fields, exception, stack."""
        out = []
        for record in self.records:
            parts = [record.name, record.getMessage()]
            parts += [f"{k}={v!r}" for k, v in vars(record).items() if k not in _STANDARD]
            if record.exc_info:
                parts.append("".join(traceback.format_exception(*record.exc_info)))
            parts += [record.exc_text or "", record.stack_info or ""]
            out.append("\n".join(parts))
        return out


def leaks(lines: list[str], numbers: tuple[str, ...], texts: list[str]) -> list[str]:
    """What in `lines` looks like a phone number, contains one of `numbers` (in any form), or quotes `texts`."""
    found = []
    digits = [n.lstrip("+") for n in numbers] + [n[-10:] for n in numbers]
    for line in lines:
        found += [f"number-like {m!r} in {line[:200]!r}" for m in E164_LIKE.findall(line)]
        found += [f"number {d} in {line[:200]!r}" for d in digits if d in line]
        for text in texts:
            quoted = text in line if len(text) >= 4 else False
            if " " in text and text.casefold() in line.casefold():
                quoted = True
            if quoted:
                found.append(f"text {text!r} in {line[:200]!r}")
    return found


@pytest.fixture
def capture() -> Iterator[Capture]:
    """Every logger at DEBUG into one Capture, restored afterwards."""
    handler = Capture()
    root = logging.getLogger()
    names = ["", "werkzeug", "rq", "rq.worker", "rq.job", "service", "workers"]
    levels = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).setLevel(logging.DEBUG)
    root.addHandler(handler)
    # Loggers that do not hand records to the root (rq's own handlers, for one) get the capture directly.
    isolated = [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.propagate
    ]
    for logger in isolated:
        logger.addHandler(handler)
    yield handler
    for logger in [root, *isolated]:
        logger.removeHandler(handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


class Journey:
    """The line on Twilio (a scripted fake), at DEBUG, and one texter."""

    def __init__(self, app: Flask, redis: Redis, fake: FakeTwilio) -> None:
        self.app, self.redis, self.fake = app, redis, fake
        self.client = app.test_client()
        self.texter = Texter(self.client, number=NUMBER)
        self.sids: list[str] = []

    def text(self, body: str) -> list[str]:
        message_sid = sid()
        self.sids.append(message_sid)
        response = self.texter.post(self.texter.params(body, MessageSid=message_sid))
        assert response.status_code == 200, response.data
        return [m for m in response.get_data(as_text=True).split("<Message>")[1:]]

    def work(self) -> None:
        with self.app.app_context():
            worker = SimpleWorker([Queue(store.QUEUE, connection=self.redis)], connection=self.redis)
            worker.work(burst=True, logging_level="DEBUG")

    def tick(self, at: datetime) -> None:
        with self.app.app_context():
            tick(self.redis, at)
        self.work()

    def status(self, message_sid: str, status: str, error_code: str = "") -> int:
        url = "http://localhost/sms/status"
        form = {"MessageSid": message_sid, "MessageStatus": status, "To": NUMBER, "From": LINE}
        form |= {"AccountSid": ACCOUNT_SID, "ErrorCode": error_code} if error_code else {"AccountSid": ACCOUNT_SID}
        signature = RequestValidator(DEV_AUTH_TOKEN).compute_signature(url, form)
        return self.client.post("/sms/status", data=form, headers={"X-Twilio-Signature": signature}).status_code


@pytest.fixture
def journey(redis_server, redis: Redis, fake_twilio: FakeTwilio, capture: Capture) -> Iterator[Journey]:
    app = create_app(
        {
            "REDIS_URL": redis_server.url, "SEND_RATE_PER_S": "100000", "LOG_LEVEL": "DEBUG",
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": DEV_AUTH_TOKEN, "TWILIO_FROM_NUMBER": LINE,
            "TWILIO_API_BASE_URL": fake_twilio.url, "ONCALL_NUMBERS": ONCALL,
            "PUBLIC_BASE_URL": "http://localhost",
            # The journey sends more texts in a minute than the inbound limit allows (tests/test_floods.py).
            "INBOUND_PER_MINUTE": "1000",
        }
    )  # fmt: skip
    yield Journey(app, redis, fake_twilio)
    app.extensions["redis"].close()


def test_a_whole_journey_logs_no_number_and_no_words(
    journey: Journey, capture: Capture, capfd: pytest.CaptureFixture[str]
) -> None:
    checkin_sid, followup_sid = sid(), sid()
    # The check-in, the on-call alert (refused: Twilio's error text quotes the number), the caring follow-up.
    journey.fake.reply(created(checkin_sid), refused(400, 21211), created(followup_sid), created(sid()))

    for body in TEXTS[:5]:  # first text, a topic, CHECKIN, YES, TIME 8pm
        journey.text(body)
    today = schedule.local_day(datetime.now(UTC), "America/New_York")
    eight_pm = schedule.instant(today + timedelta(days=1), 20 * 60, "America/New_York")
    journey.tick(eight_pm)
    assert journey.fake.requests[0]["form"]["To"] == NUMBER  # the check-in went out, through the twilio library
    assert journey.status(checkin_sid, "sent") == 204
    assert journey.status(checkin_sid, "delivered") == 204
    for body in TEXTS[5:8]:  # the answers, then a crisis text
        journey.text(body)
    journey.work()  # the on-call alert: refused, so the job fails and RQ logs it
    journey.tick(eight_pm + timedelta(days=1))  # the caring follow-up
    assert journey.status(followup_sid, "undelivered", "30006") == 204
    for body in TEXTS[8:]:  # STOP, START, FORGET YES
        journey.text(body)

    lines = capture.texts()
    assert len(lines) > 20, "the capture saw too little to mean anything"
    assert {r.name.split(".")[0] for r in capture.records} >= {"service", "rq"}
    assert leaks(lines, NUMBERS, TEXTS) == []

    out, err = capfd.readouterr()
    assert leaks(out.splitlines() + err.splitlines(), NUMBERS, TEXTS) == []
    formatted = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert formatted, "the JSON handler wrote nothing"
    assert all({"time", "level", "logger", "message", "request_id"} <= entry.keys() for entry in formatted)
    ours = {f"inbound sid={message_sid} " for message_sid in journey.sids}
    inbound = [entry for entry in formatted if entry["message"][: len("inbound sid=") + 35] in ours]
    assert len(inbound) == len(TEXTS) and all(entry["request_id"] for entry in inbound)

    # Self-check: the same capture and check catch a number and a text logged on purpose.
    before = len(capture.records)
    logging.getLogger("service.selfcheck").warning("texter %s wrote %r", NUMBER, TEXTS[0])
    logging.getLogger("rq.worker").debug("GET /Messages.json?To=%s", urllib.parse.quote(ONCALL))
    caught = leaks(capture.texts()[before:], NUMBERS, TEXTS)
    assert any("number-like '+12125550143'" in c for c in caught) and any(TEXTS[0] in c for c in caught)
    assert any("%2B15555550100" in c for c in caught)
    # And the formatter would not have printed the number even so.
    line = logs.JsonFormatter().format(capture.records[before])
    assert NUMBER not in line and "[number]" in line


def test_third_party_loggers_that_print_urls_are_held_at_warning(app: Flask) -> None:
    for name in logs.QUIET_LOGGERS:
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING, name


def test_gunicorns_own_error_log_still_formats_in_a_web_process(app: Flask) -> None:
    # create_app configures logging in each gunicorn worker; gunicorn's lines there ("Worker exiting") must still
    # format, process id included, or they become "--- Logging error ---" tracebacks.
    from gunicorn.glogging import CONFIG_DEFAULTS

    formatter = logging.Formatter(CONFIG_DEFAULTS["formatters"]["generic"]["format"])
    record = logging.getLogger("gunicorn.error").makeRecord(
        "gunicorn.error", logging.INFO, __file__, 1, "Worker exiting (pid: %s)", (os.getpid(),), None
    )
    assert formatter.format(record).endswith(f"[{os.getpid()}] [INFO] Worker exiting (pid: {os.getpid()})")


def test_request_ids_are_echoed_and_only_well_formed_ones_are_kept(client, texter: Texter) -> None:
    given = client.get("/healthz", headers={"X-Request-Id": "lb-7f3a9c2e-0001"})
    assert given.headers["X-Request-Id"] == "lb-7f3a9c2e-0001"
    for bad in ("+12125550143", "a b c d e f g h", "x" * 200, "short", "<script>"):
        echoed = client.get("/healthz", headers={"X-Request-Id": bad}).headers["X-Request-Id"]
        assert echoed != bad and re.fullmatch(r"[0-9a-f]{32}", echoed)
    first, second = client.get("/healthz"), client.get("/healthz")
    assert first.headers["X-Request-Id"] != second.headers["X-Request-Id"]
    assert texter.post(texter.params("MENU")).headers["X-Request-Id"]


def test_a_json_line_carries_the_request_id_extra_fields_and_the_exception() -> None:
    token = logs._request_id.set("req-12345678")
    try:
        try:
            raise ValueError("boom for +12125550143")
        except ValueError:
            record = logging.getLogger("service.test").makeRecord(
                "service.test",
                logging.ERROR,
                __file__,
                1,
                "failed %s",
                ("job",),
                sys.exc_info(),
                extra={"route": "topic"},
            )
    finally:
        logs._request_id.reset(token)
    entry = json.loads(logs.JsonFormatter().format(record))  # formatted later, elsewhere: the id came with it
    assert entry["request_id"] == "req-12345678" and entry["message"] == "failed job" and entry["route"] == "topic"
    assert entry["level"] == "ERROR" and entry["logger"] == "service.test" and entry["time"].endswith("Z")
    assert "ValueError" in entry["exc"] and "+12125550143" not in entry["exc"]


def test_rq_job_logs_carry_the_job_id(app: Flask, redis: Redis, capture: Capture) -> None:
    job = Queue(store.QUEUE, connection=redis).enqueue("workers.ticker.tick_now")
    with app.app_context():
        SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True, logging_level="DEBUG")
    formatter = logs.JsonFormatter()
    ids = {json.loads(formatter.format(r))["request_id"] for r in capture.records}
    assert job.id in ids


def test_a_recovery_query_to_twilio_logs_no_number(app: Flask, fake_twilio: FakeTwilio, capture: Capture) -> None:
    """Asking Twilio whether a text reached it lists messages To=<number>: twilio's client logs that URL at INFO,
    and urllib3 at DEBUG, so both are held at WARNING. Without that the number would be in the logs."""
    settings = config.load(
        {
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": DEV_AUTH_TOKEN, "TWILIO_FROM_NUMBER": LINE,
            "TWILIO_API_BASE_URL": fake_twilio.url, "LOG_LEVEL": "DEBUG",
        }
    )  # fmt: skip
    since = datetime.now(UTC) - timedelta(minutes=5)
    assert not transport.TwilioTransport(settings).handed_over(NUMBER, "Hi", since)  # nothing was sent to find
    assert fake_twilio.lists == [NUMBER]  # the request was made (and not logged)
    assert leaks(capture.texts(), NUMBERS, []) == []

    twilio_logger = logging.getLogger("twilio.http_client")
    level = twilio_logger.level
    twilio_logger.setLevel(logging.INFO)
    try:
        assert not transport.TwilioTransport(settings).handed_over(NUMBER, "Hi", since)
    finally:
        twilio_logger.setLevel(level)
    assert leaks(capture.texts(), NUMBERS, []), "the guard above is what keeps the number out"


# --- metrics: the other operational output ------------------------------------------------------------------------


def parse(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Prometheus' text format as {(sample name, sorted labels): value}."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def scrape(client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    return parse(response.get_data(as_text=True))


def value(samples: dict, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_count_replies_crisis_events_and_sends_with_fixed_labels_only(app: Flask, client, redis: Redis) -> None:
    before = scrape(client)
    texter = Texter(client, number=NUMBER)
    for body in ("MENU", "i want to die tonight", "CHECKIN", "YES", "STOP", "START", "CHECKIN", "YES"):
        texter.send(body)
    due = datetime.fromtimestamp(redis.zscore(store.DUE, sender_id(NUMBER, get_config(app).DATA_KEY)), UTC)
    for _ in range(2):  # the second pass at the same instant finds today's check-in already sent
        redis.zadd(store.DUE, {sender_id(NUMBER, get_config(app).DATA_KEY): int(due.timestamp())})
        tick(redis, due)
        with app.app_context():
            SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True)
    after = scrape(client)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("steadyline_webhook_duration_seconds_count") == 8
    assert delta("steadyline_replies_total", route="welcome") == 1
    assert delta("steadyline_replies_total", route="topic") == 1
    assert delta("steadyline_replies_total", route="crisis") == 1
    assert delta("steadyline_replies_total", route="compliance") == 2  # STOP, START
    assert delta("steadyline_replies_total", route="checkin") == 4
    assert delta("steadyline_crisis_events_total", category="suicide") == 1
    assert delta("steadyline_sends_total", kind="checkin", outcome="sent") == 1
    assert delta("steadyline_sends_total", kind="checkin", outcome="duplicate") == 1
    assert (
        delta("steadyline_inbound_total", channel="sms") >= 8
        and delta("steadyline_inbound_total", channel="whatsapp") == 0
    )

    allowed = {
        "route": set(metrics.ROUTES), "category": set(safety.CATEGORIES), "kind": set(metrics.SENT_AS),
        "outcome": set(metrics.SEND_OUTCOMES) | set(metrics.LIMITED_OUTCOMES), "queue": {store.QUEUE},
        "index": {"due", "later"}, "channel": {"sms", "whatsapp"},
    }  # fmt: skip
    for name, labels in after:
        if name.startswith("steadyline_"):
            for label, label_value in labels:
                assert label == "le" or label_value in allowed[label], (name, label, label_value)
    label_values = [label_value for _, labels in after for _, label_value in labels]
    assert leaks(label_values, NUMBERS, ["i want to die tonight"]) == []
    text = client.get("/metrics").get_data(as_text=True)  # values are floats: look for our number and words only
    assert NUMBER.lstrip("+") not in text and "want to die" not in text


def test_queue_depth_and_scheduler_lag_are_read_when_scraped(client, redis: Redis) -> None:
    queue = Queue(store.QUEUE, connection=redis)
    queue.enqueue("workers.ticker.tick_now")
    queue.enqueue("workers.ticker.tick_now")
    redis.zadd(store.DUE, {"someone": int(datetime.now(UTC).timestamp()) - 120})
    redis.zadd(store.LATER, {"reminder:someone": int(datetime.now(UTC).timestamp()) + 600})
    samples = scrape(client)
    assert value(samples, "steadyline_redis_up") == 1
    assert value(samples, "steadyline_queue_depth", queue=store.QUEUE) == 2
    assert 119 <= value(samples, "steadyline_scheduler_lag_seconds", index="due") < 200
    assert value(samples, "steadyline_scheduler_lag_seconds", index="later") == 0  # nothing overdue


def test_metrics_answer_when_redis_is_down(redis_server) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app({"REDIS_URL": f"redis://127.0.0.1:{port}/0"})
    samples = scrape(app.test_client())
    app.extensions["redis"].close()
    assert value(samples, "steadyline_redis_up") == 0
    assert ("steadyline_queue_depth", (("queue", store.QUEUE),)) not in samples


MULTIPROCESS_CHILD = """
import sys
from service import metrics
metrics.count_replies(["topic.menu"] * int(sys.argv[1]))
metrics.count_sends([("checkin", "sent")])
metrics.WEBHOOK_SECONDS.observe(0.003)
"""


def test_multiprocess_mode_adds_up_every_process(tmp_path, redis_server, project_root) -> None:
    """With PROMETHEUS_MULTIPROC_DIR, counts made in other processes (gunicorn workers, RQ workers) reach /metrics."""
    directory = tmp_path / "metrics"
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(directory), "PYTHONPATH": str(project_root)}
    for count in ("2", "3"):
        subprocess.run([sys.executable, "-c", MULTIPROCESS_CHILD, count], env=env, check=True, cwd=project_root)
    assert len(list(directory.glob("counter_*.db"))) == 2  # one file per process, named by host and pid
    scraper = (
        "from service import create_app\n"
        f"print(create_app({{'REDIS_URL': {redis_server.url!r}}}).test_client().get('/metrics').get_data(as_text=True))"
    )
    out = subprocess.run(
        [sys.executable, "-c", scraper], env=env, check=True, cwd=project_root, capture_output=True, text=True
    ).stdout
    samples = parse(out)
    assert value(samples, "steadyline_replies_total", route="topic") == 5
    assert value(samples, "steadyline_sends_total", kind="checkin", outcome="sent") == 2
    assert value(samples, "steadyline_webhook_duration_seconds_count") == 2
    assert value(samples, "steadyline_redis_up") == 1
