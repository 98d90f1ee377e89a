"""Bad input, property-based (hypothesis): whatever arrives, nothing answers 500 or shows a stack trace, TwiML
parses, stored state stays valid, opt-out words opt out exactly as the engine says, and no TIME lands a check-in
in quiet hours. Also the console's forms, every POST route under /admin, and the request size limit.

Example counts are set per test in EXAMPLES and sized so the file runs in well under a minute. Under CI (CI set)
the examples are derandomized, so a run is repeatable; locally each run draws new ones.
"""

import os
import re
import urllib.parse
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from redis import Redis
from twilio.request_validator import RequestValidator
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

from messages import catalog
from service import store
from service.admin import sessions
from service.config import DEV_AUTH_TOKEN, DEV_DATA_KEY
from service.conversation import engine, model, schedule
from service.conversation.model import Rules, State
from service.privacy import sender_id
from service.twilio.webhook import MAX_REQUEST_BYTES, SENDER, clean_body
from tests import console
from tests.texting import Texter, subscribe

EXAMPLES = {
    "webhook": 500,
    "opt_out": 200,
    "parse_time": 1000,
    "parse_zone": 1000,
    "time_via_webhook": 100,
    "console": 300,
    "login": 100,
}
"""How many examples each property runs (the file takes about 30 s on the 2-core machine)."""

WEBHOOK_URL = "http://localhost/sms"
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+")
RULES = Rules()


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,  # no .hypothesis/ directory in the work tree; failures print their example
        derandomize=bool(os.environ.get("CI")),  # the same examples on every CI run; new ones on every local run
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def assert_no_crash(response: TestResponse, what: object) -> str:
    if currently_in_test_context():
        event(f"status {response.status_code}")  # pytest --hypothesis-show-statistics shows what examples reached
    body = response.get_data(as_text=True)
    assert response.status_code < 500, (response.status_code, what)
    assert not TRACEBACK.search(body), what
    return body


# --- strategies ----------------------------------------------------------------------------------------------------

NUMBERS = ("+15555550123", "+12125550123", "+13105550123", "+447700900123", "+61491570006")
FRESH = "<fresh>"  # replaced by a new valid MessageSid in the test, so most texts are not duplicates

control_text = st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=8)
any_text = st.text(max_size=200)
long_text = st.text(min_size=1500, max_size=1700)


@st.composite
def opt_out_texts(draw: st.DrawFn) -> tuple[str, bool]:
    """An opt-out word in odd case and spacing; the flag says whether only case and surrounding noise changed."""
    word = draw(st.sampled_from(sorted(engine.OPT_OUT)))
    cased = "".join(ch.upper() if draw(st.booleans()) else ch.lower() for ch in word)
    plain = draw(st.booleans())
    if not plain:
        at = draw(st.integers(1, len(cased) - 1))
        cased = cased[:at] + draw(st.sampled_from([" ", "  ", "\t", "-", ".", "\u200b", "\u00a0", "\n"])) + cased[at:]
    noise = st.text(alphabet=" \t\n\r\u00a0\u2003\u200b.!?,", max_size=4)
    return draw(noise) + cased + draw(noise), plain


keyword_bodies = st.sampled_from(
    [
        "MENU", "HELP", "INFO", "START", "YES", "UNSTOP", "CHECKIN", "TIME 8pm", "TIME 23:00", "ZONE Pacific",
        "PAUSE", "PAUSE 3", "RESUME", "STATUS", "LESS", "WEEKDAYS", "DAILY", "FORGET", "FORGET YES", "3", "3/5",
        "nope", "a little", "i want to die", "i took the whole bottle", "hola necesito ayuda", "withdrawl",
    ]
)  # fmt: skip

bodies = st.one_of(
    any_text,
    long_text,
    keyword_bodies,
    opt_out_texts().map(lambda pair: pair[0]),
    st.tuples(control_text, keyword_bodies, control_text).map("".join),
    st.tuples(keyword_bodies, control_text, any_text).map("".join),
)

message_sids = st.one_of(
    st.just(FRESH),
    st.just(FRESH),
    st.from_regex(r"[A-Z]{2}[0-9a-fA-F]{32}", fullmatch=True),
    st.text(max_size=40),
)
senders = st.one_of(
    st.sampled_from(NUMBERS),
    st.from_regex(r"(whatsapp:)?\+?[0-9]{2,20}", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9]{2,11}", fullmatch=True),  # short codes and alphanumeric sender ids
    st.text(max_size=30),
)


@st.composite
def webhook_forms(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Twilio's fields, each missing, present or given twice, plus fields Twilio never sends."""
    fields: list[tuple[str, str]] = []
    for name, values in (("MessageSid", message_sids), ("From", senders), ("Body", bodies)):
        copies = draw(st.sampled_from([1, 1, 1, 1, 0, 2]))
        fields += [(name, draw(values)) for _ in range(copies)]
    for name in draw(st.lists(st.sampled_from(["To", "AccountSid", "NumMedia", "SmsStatus", "ApiVersion"]))):
        fields.append((name, draw(st.text(max_size=40))))
    fields += draw(st.lists(st.tuples(st.text(min_size=1, max_size=20), st.text(max_size=40)), max_size=3))
    return draw(st.permutations(fields))


def signed_post(client: FlaskClient, fields: list[tuple[str, str]], sign: str = "valid") -> TestResponse:
    form = MultiDict(fields)
    signature = RequestValidator(DEV_AUTH_TOKEN).compute_signature(WEBHOOK_URL, form)
    headers = {"valid": {"X-Twilio-Signature": signature}, "bad": {"X-Twilio-Signature": "x" + signature}}
    return client.post("/sms", data=form, headers=headers.get(sign, {}))


def fresh_sid() -> str:
    return "SM" + uuid.uuid4().hex


# --- stored state --------------------------------------------------------------------------------------------------


def assert_valid_state(redis: Redis, number: str) -> State:
    """The user hash parses, every field holds a value the engine can produce, and the due index agrees."""
    sender = sender_id(number, DEV_DATA_KEY)
    state = store.state_from(redis.hgetall(store.user_key(sender)))
    assert state.subscription in ("", "pending", "active")
    assert state.question in ("", "mood", "craving")
    assert state.schedule in schedule.SCHEDULES
    assert state.zone is None or schedule.valid_zone(state.zone)
    assert state.minutes is None or (
        0 <= state.minutes < 24 * 60 and not schedule.quiet(state.minutes, RULES.quiet_hours)
    )
    assert 0 <= state.mood <= 5 and state.streak >= 0 and state.low >= 0
    due = redis.zscore(store.DUE, sender)
    if due is not None:
        assert state.subscription == "active" and not state.opted_out, state
        local = schedule.local_minutes(datetime.fromtimestamp(due, UTC), state.zone or RULES.default_zone)
        assert not schedule.quiet(local, RULES.quiet_hours), (local, state)
    return state


# --- the webhook ---------------------------------------------------------------------------------------------------


@fuzz(EXAMPLES["webhook"])
@given(fields=webhook_forms(), sign=st.sampled_from(["valid"] * 8 + ["bad", "none"]))
def test_any_webhook_form_is_answered_without_error_and_leaves_valid_state(
    client: FlaskClient, redis: Redis, fields: list[tuple[str, str]], sign: str
) -> None:
    fields = [(name, fresh_sid() if value == FRESH else value) for name, value in fields]
    response = signed_post(client, fields, sign)
    assert_no_crash(response, fields)
    assert response.status_code in (200, 400, 403), (response.status_code, fields)
    if sign != "valid":
        assert response.status_code == 403
    if response.status_code == 200:
        assert response.mimetype == "text/xml"
        root = ET.fromstring(response.data)
        assert root.tag == "Response" and all(child.tag == "Message" for child in root)
        assert all(len(message.text or "") <= 1600 for message in root)
    for number in {value for name, value in fields if name == "From" and SENDER.match(value)}:
        assert_valid_state(redis, number)


@fuzz(EXAMPLES["opt_out"])
@given(variant=opt_out_texts(), known=st.booleans())
def test_opt_out_words_opt_out_exactly_as_the_engine_says(
    client: FlaskClient, redis: Redis, variant: tuple[str, bool], known: bool
) -> None:
    body, plain = variant
    number = "+1212555" + f"{uuid.uuid4().int % 10_000:04d}"
    redis.delete(store.user_key(sender_id(number, DEV_DATA_KEY)))
    if known:
        signed_post(client, [("MessageSid", fresh_sid()), ("From", number), ("Body", "hi")])
    before = assert_valid_state(redis, number)
    message = engine.read(clean_body(body), schedule.guess_zone(number, RULES.default_zone))
    _, effects = engine.respond(message, before, datetime.now(UTC), RULES)
    says_out = any(isinstance(effect, model.OptOut) for effect in effects)
    if plain:
        assert says_out, body  # only case and surrounding noise changed: the carrier's word must be honoured

    response = signed_post(client, [("MessageSid", fresh_sid()), ("From", number), ("Body", body)])
    assert_no_crash(response, body)
    texts = [m.text or "" for m in ET.fromstring(response.data).iter("Message")]
    after = assert_valid_state(redis, number)
    assert after.opted_out == says_out, body
    if says_out:
        assert texts == [catalog.text("optout")] and after.subscription == ""
        assert redis.zscore(store.DUE, sender_id(number, DEV_DATA_KEY)) is None


# --- TIME and ZONE -------------------------------------------------------------------------------------------------

time_like = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"\s*\d{1,4}([:.]\d{1,3})?\s*(am|pm|a\.m\.|p\.m\.|a|p|AM|PM)?\s*", fullmatch=True),
    st.sampled_from(["noon", "midday", "12am", "12pm", "0:00", "23:59", "24:00", "8:60", "13pm", "0am", "٨pm"]),
)
zone_like = st.one_of(
    st.text(max_size=40),
    st.sampled_from(sorted(schedule._ZONE_WORDS)),
    st.sampled_from(sorted(schedule._IANA.values())).map(lambda z: z.upper().replace("_", " ")),
)


@fuzz(EXAMPLES["parse_time"])
@given(text=time_like)
def test_parse_time_never_raises_and_answers_a_minute_of_the_day(text: str) -> None:
    minutes = schedule.parse_time(text)
    assert minutes is None or 0 <= minutes < 24 * 60


@fuzz(EXAMPLES["parse_zone"])
@given(text=zone_like)
def test_parse_zone_never_raises_and_answers_a_real_zone(text: str) -> None:
    zone = schedule.parse_zone(text)
    assert zone is None or schedule.valid_zone(zone)


@pytest.fixture
def subscriber(client: FlaskClient, redis: Redis) -> str:
    number = "+12125550177"
    subscribe(Texter(client, number=number))
    assert assert_valid_state(redis, number).subscription == "active"
    return number


@fuzz(EXAMPLES["time_via_webhook"])
@given(commands=st.lists(st.one_of(time_like.map("TIME {}".format), zone_like.map("ZONE {}".format)), max_size=3))
def test_time_and_zone_by_text_never_schedule_inside_quiet_hours(
    client: FlaskClient, redis: Redis, subscriber: str, commands: list[str]
) -> None:
    for body in commands:
        response = signed_post(client, [("MessageSid", fresh_sid()), ("From", subscriber), ("Body", body)])
        assert_no_crash(response, body)
        assert response.status_code == 200
        state = assert_valid_state(redis, subscriber)  # minutes and the due instant are checked against quiet hours
        assert state.subscription == "active" and state.minutes is not None


# --- the operator console ------------------------------------------------------------------------------------------

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "service" / "admin" / "templates"
FORM_FIELDS = sorted(
    {name for page in TEMPLATES_DIR.rglob("*.html") for name in re.findall(r'name="([a-z_]+)"', page.read_text())}
    - {"viewport", "csrf-token"}
)
"""The field names the console's own forms use, found in its templates."""

ADMIN, OTHER = "admin@example.org", "other@example.org"


MISSING_TARGETS = {
    "rq_dashboard.delete_job_view": "/admin/rq/job/no.such.job/delete",
    "rq_dashboard.requeue_job_view": "/admin/rq/job/no-such-job/requeue",
    "rq_dashboard.compact_queue": "/admin/rq/queue/no-such-queue/compact",
}
"""rq-dashboard's actions that raise inside its views (a job id with characters rq refuses, an unknown or unfailed
job to requeue, an unknown queue to compact); service/admin/queues.py answers 404/409 before they run."""


def post_routes(app: Flask) -> list[tuple[str, tuple[str, ...]]]:
    """Every POST rule under /admin but signing out (which would end the session)."""
    return sorted(
        (rule.rule, tuple(sorted(rule.arguments)))
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/admin") and "POST" in (rule.methods or ()) and rule.endpoint != "admin.logout"
    )


def argument_values(redis: Redis) -> dict[str, list[str]]:
    """Real values for route arguments, so the fuzzer reaches past the 404s too."""
    escalations = [i.decode() for i in redis.zrange(store.ESCALATIONS, 0, -1)]
    jobs = [j.decode().removeprefix("rq:job:") for j in redis.keys("rq:job:*")][:3]
    return {
        "lang": ["en"],
        "key": ["fallback", "topic.menu", "crisis.suicide", "help", "checkin.ask"],
        "escalation_id": escalations,
        "job_id": jobs,
        "queue_name": [store.QUEUE],
        "registry_name": ["failed", "finished", "started", "deferred", "scheduled", "canceled"],
    }


path_text = st.text(st.characters(codec="utf-8", exclude_characters="/"), min_size=1, max_size=30)


@pytest.fixture
def console_line(app: Flask, client: FlaskClient, redis: Redis, monkeypatch: pytest.MonkeyPatch):
    """An admin signed in, a second operator, an escalation (from a crisis text) and a queued job."""
    if hasattr(console, "cheap_hashing"):
        console.cheap_hashing(monkeypatch)
    console.make_operator(app, ADMIN, "admin")
    console.make_operator(app, OTHER, "editor")
    signed_post(client, [("MessageSid", fresh_sid()), ("From", NUMBERS[0]), ("Body", "i want to die")])
    console.sign_in(client, ADMIN)
    return client


@fuzz(EXAMPLES["console"])
@given(data=st.data())
def test_any_form_posted_to_any_console_route_gets_no_500_and_no_traceback(
    app: Flask, console_line: FlaskClient, redis: Redis, data: st.DataObject
) -> None:
    client = console_line
    record = store.console_session(redis, sessions.record_id(console.session_id(client)))
    if record.get("email") != ADMIN:
        console.sign_in(client, ADMIN)  # a route (signing in again, say) may have ended the session
    rule, arguments = data.draw(st.sampled_from(post_routes(app)), label="route")
    known = argument_values(redis)
    path = rule
    for name in arguments:
        # Always the same draws whatever Redis holds, so hypothesis can replay and shrink an example.
        use_known, index = data.draw(st.booleans(), label=f"{name} known"), data.draw(st.integers(0, 9))
        value = data.draw(path_text, label=name)
        good = known.get(name, [])
        if use_known and good:
            value = good[index % len(good)]
        path = re.sub(rf"<(?:[a-z]+:)?{name}>", urllib.parse.quote(value, safe=""), path)
    values = st.one_of(st.text(max_size=80), st.sampled_from([OTHER, "admin", "editor", "viewer", "1", "0", "-1"]))
    form = data.draw(
        st.lists(st.tuples(st.one_of(st.sampled_from(FORM_FIELDS), st.text(max_size=12)), values), max_size=6),
        label="form",
    )
    csrf = data.draw(st.sampled_from(["valid", "valid", "valid", "missing", "wrong"]), label="csrf")
    if csrf != "missing":
        form.append(("csrf_token", console.csrf_token(client) if csrf == "valid" else "x" * 43))
    response = client.post(path, data=MultiDict(form))
    event(rule)
    assert_no_crash(response, (path, form))
    if csrf != "valid" and not rule.startswith("/admin/login"):
        assert response.status_code in (400, 403, 404, 405), (path, response.status_code)


@pytest.mark.parametrize("path", sorted(MISSING_TARGETS.values()))
def test_rq_dashboard_actions_on_missing_jobs_and_queues_are_not_500(console_line: FlaskClient, path: str) -> None:
    response = console_line.post(path, headers={"X-CSRF-Token": console.csrf_token(console_line)})
    assert_no_crash(response, path)


@fuzz(EXAMPLES["login"])
@given(
    form=st.lists(
        st.tuples(st.sampled_from(["email", "password", "next", "csrf_token", "x"]), st.text(max_size=60)), max_size=5
    ),
    with_token=st.booleans(),
)
def test_any_sign_in_form_gets_no_500_and_no_traceback(
    app: Flask, redis: Redis, form: list[tuple[str, str]], with_token: bool
) -> None:
    client = app.test_client()
    if with_token:
        form = [*form, ("csrf_token", console.csrf_token(client))]
    response = client.post("/admin/login", data=MultiDict(form))
    assert_no_crash(response, form)
    assert response.status_code in (302, 400, 401, 429), (response.status_code, form)


# --- the request size limit ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/sms", "/sms/status", "/admin/login"])
def test_an_oversized_body_is_refused_with_413(client: FlaskClient, path: str) -> None:
    form = {"MessageSid": fresh_sid(), "From": NUMBERS[0], "Body": "x" * (MAX_REQUEST_BYTES + 1)}
    signature = RequestValidator(DEV_AUTH_TOKEN).compute_signature(f"http://localhost{path}", form)
    response = client.post(path, data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 413
    assert_no_crash(response, path)


def test_a_body_just_under_the_limit_is_read(client: FlaskClient) -> None:
    body = "x" * (MAX_REQUEST_BYTES - 200)
    response = signed_post(client, [("MessageSid", fresh_sid()), ("From", NUMBERS[0]), ("Body", body)])
    assert response.status_code == 200


def test_the_opt_out_words_are_the_carriers_list() -> None:
    assert set(engine.OPT_OUT) == {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"}
