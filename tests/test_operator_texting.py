"""A person behind the line: the operator who claimed an escalation texts the person from its page, through the
normal transport; the bot steps back while they hold the conversation (crisis replies, STOP, HELP and FORGET
still work), and answers again once they hand it back or go quiet."""

from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue, SimpleWorker

from messages import catalog
from service import store
from tests.conftest import SignIn
from tests.test_console_escalations import page, post
from tests.texting import Texter, outbox
from workers.ticker import tick

NUMBER = "+12125550142"


@pytest.fixture
def person(app: Flask) -> Texter:
    return Texter(app.test_client(), number=NUMBER)


@pytest.fixture
def escalation(person: Texter) -> str:
    params = person.params("i want to end it all tonight")
    assert person.post(params).status_code == 200
    return params["MessageSid"]


def run_jobs(app: Flask, redis: Redis) -> None:
    with app.app_context():
        SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True)


def claimed(operator: SignIn, escalation: str, email: str = "editor@example.org") -> tuple[FlaskClient, str]:
    client, token = operator(email, "editor")
    post(client, token, f"/admin/escalations/{escalation}/claim")
    return client, token


def texts_to_person(redis: Redis) -> list[str]:
    return [m["body"] for m in outbox(redis) if m["to"] == NUMBER and m["kind"] == "operator"]


def test_the_operator_texts_the_person_who_is_told_once_that_a_person_is_writing(
    app: Flask,
    redis: Redis,
    operator: SignIn,
    escalation: str,
) -> None:
    client, token = claimed(operator, escalation)
    url = f"/admin/escalations/{escalation}"
    assert '<label for="text">Text the person</label>' in page(client, url) and ">Send</button>" in page(client, url)
    assert "Sent to the queue" in post(client, token, f"{url}/text", text="Hi, it's Sam from the team. Are you safe?")
    run_jobs(app, redis)
    post(client, token, f"{url}/text", text="I'm here.")
    run_jobs(app, redis)
    intro = catalog.text("operator.intro")
    assert texts_to_person(redis) == [intro, "Hi, it's Sam from the team. Are you safe?", "I'm here."]
    html = page(client, url)
    assert "editor@example.org (operator) wrote" in html and "Are you safe?" in html
    audit = store.audit_entries(redis, 10)
    assert [e["action"] for e in audit if e["action"] == "escalation.text"] == ["escalation.text"] * 2
    assert not any("safe" in str(e) or NUMBER[-4:] in str(e) for e in audit)  # never the words or the number


def test_while_an_operator_holds_the_conversation_the_bot_is_quiet_but_crisis_stop_help_and_forget_work(
    app: Flask,
    redis: Redis,
    operator: SignIn,
    escalation: str,
    person: Texter,
) -> None:
    client, token = claimed(operator, escalation)
    post(client, token, f"/admin/escalations/{escalation}/text", text="Hi, I'm with the team.")
    run_jobs(app, redis)
    assert person.send("MENU") == []  # no automated topic or fallback reply
    assert person.send("thanks for texting me") == []
    assert store.escalation(redis, escalation)["unread"] == "2"
    queue = page(client, "/admin/escalations?state=claimed")
    assert "2 unread" in queue
    thread = client.get(f"/admin/escalations/{escalation}/thread").get_json()
    assert [e["text"] for e in thread["entries"]][-2:] == ["MENU", "thanks for texting me"]
    assert "unread" not in store.escalation(redis, escalation)  # the claimer has looked
    assert person.send("HELP") == [catalog.text("talk.help")]
    assert any("911" in reply for reply in person.send("i just took all my pills"))  # the crisis reply still goes
    assert person.send("STOP") == [catalog.text("optout")]
    refused = post(client, token, f"/admin/escalations/{escalation}/text", text="Are you there?")
    assert "Not sent: they texted STOP" in refused
    run_jobs(app, redis)
    assert "Are you there?" not in texts_to_person(redis)


def test_handing_back_or_going_quiet_gives_the_conversation_back_to_the_bot(
    app: Flask,
    redis: Redis,
    operator: SignIn,
    escalation: str,
    person: Texter,
) -> None:
    client, token = claimed(operator, escalation)
    url = f"/admin/escalations/{escalation}"
    post(client, token, f"{url}/text", text="Hello from the team.")
    assert person.send("MENU") == []
    assert "Handed back" in post(client, token, f"{url}/hand-back")
    assert person.send("MENU") == [catalog.text("topic.menu")]
    post(client, token, f"{url}/text", text="Me again.")
    assert person.send("MENU") == []
    clock = app.extensions["clock"]
    clock.set(clock.now() + timedelta(minutes=31))  # OPERATOR_IDLE_MIN passed without another text from them
    assert person.send("MENU") == [catalog.text("topic.menu")]


def test_only_the_operator_who_claimed_it_may_text_and_a_viewer_never(
    app: Flask,
    operator: SignIn,
    escalation: str,
) -> None:
    url = f"/admin/escalations/{escalation}"
    viewer, viewer_token = operator("viewer@example.org", "viewer")
    assert "Text the person" not in page(viewer, url)
    assert viewer.post(f"{url}/text", data={"csrf_token": viewer_token, "text": "hi"}).status_code == 403
    claimed(operator, escalation, "first@example.org")
    other, other_token = operator("second@example.org", "editor")
    assert "Text the person" not in page(other, url)
    assert other.post(f"{url}/text", data={"csrf_token": other_token, "text": "hi"}).status_code == 403


def test_closing_the_escalation_ends_the_hold(
    app: Flask,
    redis: Redis,
    operator: SignIn,
    escalation: str,
    person: Texter,
) -> None:
    client, token = claimed(operator, escalation)
    url = f"/admin/escalations/{escalation}"
    post(client, token, f"{url}/text", text="Checking in.")
    post(client, token, f"{url}/close")
    assert person.send("MENU") == [catalog.text("topic.menu")]


def test_every_text_while_the_escalation_is_open_joins_its_thread_with_the_reply(
    app: Flask, redis: Redis, operator: SignIn, escalation: str, person: Texter
) -> None:
    person.send("MENU")  # no operator holds it: the bot answers, and the operator will read both
    client, _ = operator("viewer@example.org", "viewer")
    thread = client.get(f"/admin/escalations/{escalation}/thread").get_json()["entries"]
    assert [e["text"] for e in thread[-2:]] == ["MENU", catalog.text("topic.menu")]
    assert [e["from"] for e in thread[-2:]] == ["person", "line"]


def test_on_call_hears_when_a_held_conversations_text_waits_unread(
    app: Flask, redis: Redis, operator: SignIn, escalation: str, person: Texter
) -> None:
    client, token = claimed(operator, escalation)
    post(client, token, f"/admin/escalations/{escalation}/text", text="I'm here with you.")
    run_jobs(app, redis)
    clock = app.extensions["clock"]
    person.send("are you still there")
    alerts = lambda: [m for m in outbox(redis) if m["kind"] == "alert" and "unread" in m["body"]]  # noqa: E731
    tick(redis, clock.now() + timedelta(minutes=5))
    run_jobs(app, redis)
    assert alerts() == []  # not yet: five minutes
    tick(redis, clock.now() + timedelta(minutes=11))
    run_jobs(app, redis)
    [alert] = alerts()
    assert alert["to"] == "+15555550100" and escalation[-6:] in alert["body"] and "still there" not in alert["body"]
    page(client, f"/admin/escalations/{escalation}")  # the operator looks: nothing waits any more
    tick(redis, clock.now() + timedelta(minutes=25))
    run_jobs(app, redis)
    assert len(alerts()) == 1


def test_forget_while_held_erases_the_person_and_ends_the_hold(
    app: Flask, redis: Redis, operator: SignIn, escalation: str, person: Texter
) -> None:
    client, token = claimed(operator, escalation)
    post(client, token, f"/admin/escalations/{escalation}/text", text="Checking in.")
    assert person.send("FORGET") == [catalog.text("forget.confirm")]  # exactly as always, held or not
    assert person.send("FORGET YES") == [catalog.text("forget.done")]
    assert store.escalation(redis, escalation)["state"] == "erased"
    run_jobs(app, redis)
    assert texts_to_person(redis) == []  # erased before the queued text went: nothing is sent
    assert person.send("MENU")[0] == catalog.text("welcome")  # met again as someone new, the bot answering
