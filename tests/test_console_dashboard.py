"""The dashboard: aggregates from real traffic (texts through the signed webhook, scheduling passes run by an RQ
worker, a status callback), the subscriber snapshot job, and the inline SVG chart; never a body or a number."""

from datetime import UTC, datetime, time, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue, SimpleWorker

from service import store
from service.admin import charts
from service.connection import get_config
from service.privacy import sender_id
from tests.console import make_operator, sign_in
from tests.live import add_subscribers
from tests.texting import Texter, subscribe
from workers import stats
from workers.ticker import tick

ACTIVE = ("+12125550101", "+12125550102", "+12125550103")
PAUSED, OPTED_OUT, PENDING, IN_CRISIS = "+12125550104", "+12125550105", "+12125550106", "+12125550107"
CRISIS_TEXT = "i took the whole bottle"


@pytest.fixture
def viewer(app: Flask) -> FlaskClient:
    make_operator(app, "viewer@example.org", "viewer")
    client = app.test_client()
    sign_in(client, "viewer@example.org")
    return client


def texts(app: Flask, number: str, *bodies: str) -> None:
    texter = Texter(app.test_client(), number=number)
    for body in bodies:
        texter.send(body)


def run_jobs(app: Flask, redis: Redis) -> None:
    with app.app_context():
        SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True)


def dashboard(client: FlaskClient) -> str:
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_dashboard_counts_real_traffic_and_shows_no_body_or_number(
    app: Flask, redis: Redis, viewer: FlaskClient
) -> None:
    for number in (*ACTIVE, PAUSED):
        subscribe(Texter(app.test_client(), number=number))
    texts(app, PAUSED, "PAUSE")
    texts(app, OPTED_OUT, "hi", "STOP")
    texts(app, PENDING, "hi", "CHECKIN")
    texts(app, IN_CRISIS, CRISIS_TEXT)
    senders = [sender_id(number, get_config(app).DATA_KEY) for number in ACTIVE]

    # Two days ago at 10:00 or 11:00 in New York: every active subscriber's check-in is due, and a referral.
    moment = datetime.combine(datetime.now(UTC).date() - timedelta(days=2), time(15), UTC)
    pipe = redis.pipeline()
    for sender in senders:
        store.set_due(pipe, sender, moment)
    store.add_later(pipe, "referral", senders[0], moment)
    pipe.execute()
    tick(redis, moment)
    run_jobs(app, redis)
    sent = [m for m in store.outbox(redis) if m["kind"] != "alert"]
    assert sorted(m["kind"] for m in sent) == ["checkin"] * 3 + ["referral"]

    # Two answer today (the question is made fresh, as if asked an hour ago); one check-in is filtered.
    for sender in senders[:2]:
        redis.hset(store.user_key(sender), "qa", int(datetime.now(UTC).timestamp()) - 3600)
    texts(app, ACTIVE[0], "2")
    texts(app, ACTIVE[1], "5")
    failed = next(m for m in sent if m["kind"] == "checkin")
    callback = {"MessageSid": failed["id"], "MessageStatus": "undelivered", "ErrorCode": "30007"}
    assert Texter(app.test_client()).post(callback, url="http://localhost/sms/status").status_code == 204

    html = dashboard(viewer)
    for label, count in [("Active", 3), ("Paused", 1), ("Asked to reply YES", 1), ("Opted out (STOP)", 1)]:
        assert f"<td>{label}</td><td>{count}</td>" in html, label
    assert "<td>Everyone who has texted the line</td><td>7</td>" in html and "As of <time" in html
    assert '<th scope="row">Last 7 days</th><td>3</td><td>2</td>\n            <td>67%</td><td>1</td><td>1</td>' in html
    assert "<strong>1</strong> crisis message nobody has" in html
    assert "30007</a></td>\n          <td>Filtered by the carrier as unwanted</td>\n          <td>1</td>" in html
    today = datetime.now(UTC).date()
    assert (
        f'<th scope="row">{today:%b} {today.day}</th><td>0</td><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td>'
        in (html)
    )

    assert '<svg id="moods"' in html and 'role="img" aria-labelledby="moods-title moods-desc"' in html
    assert '<title id="moods-title">Check-in answers (1-5) per day, last 30 days</title>' in html
    assert "Totals: 1 (worst): 0, 2: 1, 3: 0, 4: 0, 5 (best): 1." in html  # what a screen reader says
    everything_said = [m["body"] for m in store.outbox(redis)] + [CRISIS_TEXT, "•"]
    numbers = [*ACTIVE, PAUSED, OPTED_OUT, PENDING, IN_CRISIS]
    assert not [text for text in everything_said + numbers + [n[-4:] for n in numbers] if text in html]


def test_subscriber_counts_come_from_the_snapshot_not_each_view(app: Flask, redis: Redis, viewer: FlaskClient) -> None:
    subscribe(Texter(app.test_client(), number=ACTIVE[0]))
    assert "<td>Active</td><td>1</td>" in dashboard(viewer)  # taken once, on the first view
    subscribe(Texter(app.test_client(), number=ACTIVE[1]))
    assert "<td>Active</td><td>1</td>" in dashboard(viewer)  # the page did not scan again
    Queue(store.QUEUE, connection=redis).enqueue(stats.snapshot)  # as RQ's cron scheduler does
    run_jobs(app, redis)
    assert "<td>Active</td><td>2</td>" in dashboard(viewer)


def test_a_snapshot_scans_in_batches_and_never_overlaps_another(redis: Redis, monkeypatch) -> None:
    monkeypatch.setattr(stats, "BATCH", 7)
    now = datetime(2026, 11, 23, 15, tzinfo=UTC)
    add_subscribers(redis, 50, now)
    pipe = redis.pipeline()
    store.update_user(pipe, "paused" + "0" * 26, {"subscription": "active", "zone": "UTC", "paused_until": 10**6})
    pipe.execute()
    snapshot = stats.take(redis, now)
    assert snapshot is not None and (snapshot["active"], snapshot["paused"], snapshot["people"]) == (50, 1, 51)
    assert store.subscriber_counts(redis)["at"] == "2026-11-23T15:00:00+00:00"
    assert store.take_lock(redis, store.SUBSCRIBER_SNAPSHOT_LOCK, 5)
    assert stats.take(redis, now) is None  # another snapshot is running


def test_an_empty_chart_says_so_and_still_has_its_name() -> None:
    svg = charts.stacked_bars(
        "empty", "Answers", "Nothing yet.", ["Nov 1", "Nov 2"], [charts.Series("1", "#000", [0, 0])]
    )
    assert '<title id="empty-title">Answers</title>' in svg and "Nothing to show for this period" in svg
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_the_dashboard_needs_a_signed_in_operator(client: FlaskClient) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]
