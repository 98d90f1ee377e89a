"""The escalation queue: crisis texts land in it with their words and a pseudonym; editors claim, note and close
them atomically and audited (the audit never holds the words or the number); viewers only read."""

import re
import threading
from datetime import UTC, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from redis import Redis

from service import store
from service.connection import get_config
from service.embedded import EmbeddedServer
from service.privacy import mask, pseudonym, sender_id
from tests.conftest import SignIn
from tests.texting import Texter, subscribe

CRISIS_TEXT = "i took the whole bottle"
NUMBER = "+15555550123"


def crisis(app: Flask, number: str = NUMBER, text: str = CRISIS_TEXT) -> str:
    """Text the line as `number` through the signed webhook; return the escalation id."""
    texter = Texter(app.test_client(), number=number)
    params = texter.params(text)
    assert texter.post(params).status_code == 200
    return params["MessageSid"]


def page(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def post(client: FlaskClient, token: str, url: str, **form: str) -> str:
    """POST a console form and follow the redirect; return the page it lands on."""
    response = client.post(url, data={"csrf_token": token, **form}, follow_redirects=True)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def ids_in(html: str) -> list[str]:
    return re.findall(r"/admin/escalations/(SM[0-9a-f]{32})", html)


def person_of(app: Flask, number: str) -> str:
    return pseudonym(sender_id(number, get_config(app).DATA_KEY))


def test_a_crisis_text_appears_in_the_queue_with_its_words_and_a_pseudonym(app: Flask, operator: SignIn) -> None:
    escalation_id = crisis(app)
    viewer, _ = operator("viewer@example.org", "viewer")
    html = page(viewer, "/admin/escalations")
    assert ids_in(html) == [escalation_id]
    assert CRISIS_TEXT in html and person_of(app, NUMBER) in html and "overdose" in html
    assert NUMBER not in html and mask(NUMBER) not in html  # not even the last digits
    assert '<label for="state">' in html and '<select id="state" name="state">' in html and ">Filter</button>" in html

    detail = page(viewer, f"/admin/escalations/{escalation_id}")
    assert CRISIS_TEXT in detail and person_of(app, NUMBER) in detail
    assert NUMBER not in detail and mask(NUMBER) not in detail
    assert ">Claim</button>" not in detail and "Add note" not in detail  # viewers read only


def test_later_crisis_texts_join_the_open_escalation_and_show_on_its_page(
    app: Flask, redis: Redis, operator: SignIn
) -> None:
    escalation_id = crisis(app)
    crisis(app, text="i want to kill myself")
    viewer, _ = operator("viewer@example.org", "viewer")
    assert ids_in(page(viewer, "/admin/escalations")) == [escalation_id]  # one escalation, not two
    detail = page(viewer, f"/admin/escalations/{escalation_id}")
    assert CRISIS_TEXT in detail and "i want to kill myself" in detail and "suicide" in detail
    assert b"kill myself" not in b"".join(redis.lrange(store.escalation_texts_key(escalation_id), 0, -1))


def test_the_queue_filters_by_state(app: Flask, operator: SignIn) -> None:
    first, second, third = (crisis(app, f"+1555555010{n}") for n in range(3))
    editor, token = operator("editor@example.org", "editor")
    post(editor, token, f"/admin/escalations/{second}/claim")
    post(editor, token, f"/admin/escalations/{third}/claim")
    post(editor, token, f"/admin/escalations/{third}/close")

    assert ids_in(page(editor, "/admin/escalations")) == [first]  # open by default: what needs a person
    assert ids_in(page(editor, "/admin/escalations?state=open")) == [first]
    assert ids_in(page(editor, "/admin/escalations?state=claimed")) == [second]
    assert ids_in(page(editor, "/admin/escalations?state=closed")) == [third]
    assert ids_in(page(editor, "/admin/escalations?state=all")) == [third, second, first]  # newest first
    for query in ("state=lost", "page=0", "page=99999999999999999999"):
        assert editor.get(f"/admin/escalations?{query}").status_code == 400, query


def test_the_queue_is_paginated_newest_first(app: Flask, redis: Redis, operator: SignIn) -> None:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    pipe = redis.pipeline()
    for n in range(30):
        store.add_escalation(pipe, f"SM{n:032x}", "s" * 32, "suicide", start + timedelta(minutes=n), "words", "••23")
    pipe.execute()
    viewer, _ = operator("viewer@example.org", "viewer")
    first = ids_in(page(viewer, "/admin/escalations"))
    second = ids_in(page(viewer, "/admin/escalations?state=open&page=2"))
    assert first == [f"SM{n:032x}" for n in range(29, 4, -1)] and second == [f"SM{n:032x}" for n in range(4, -1, -1)]


def test_claim_note_and_close_with_a_second_claim_refused(app: Flask, redis: Redis, operator: SignIn) -> None:
    escalation_id = crisis(app)
    url = f"/admin/escalations/{escalation_id}"
    alice, alice_token = operator("alice@example.org", "editor")
    bob, bob_token = operator("bob@example.org", "editor")

    claimed = post(alice, alice_token, f"{url}/claim")
    assert "You claimed it" in claimed and "<dt>Claimed by</dt><dd>alice@example.org," in claimed
    refused = post(bob, bob_token, f"{url}/claim")
    assert "Not claimed: alice@example.org claimed it first." in refused
    assert "Not closed: only the operator who claimed it" in post(bob, bob_token, f"{url}/close")
    assert store.escalation(redis, escalation_id)["claimed_by"] == "alice@example.org"

    noted = post(alice, alice_token, f"{url}/notes", note="Called back, left a voicemail with 988's number.")
    assert "Note added." in noted and "Called back, left a voicemail" in noted
    assert "the note was empty" in post(alice, alice_token, f"{url}/notes", note="   ")
    closed = post(alice, alice_token, f"{url}/close", note="Spoke with them; they are with family tonight.")
    assert (
        "Closed." in closed and "<dt>Closed by</dt><dd>alice@example.org," in closed and "with family tonight" in closed
    )
    assert "already closed" in post(alice, alice_token, f"{url}/claim")

    audit = [e for e in store.audit_entries(redis, 100) if e["action"].startswith("escalation.")]
    assert [(e["action"], e["target"], e["operator"]) for e in reversed(audit)] == [
        ("escalation.claim", escalation_id, "alice@example.org"),
        ("escalation.note", escalation_id, "alice@example.org"),
        ("escalation.close", escalation_id, "alice@example.org"),
    ]
    everything_audited = str(store.audit_entries(redis, 100))
    assert "bottle" not in everything_audited and NUMBER[-4:] not in everything_audited
    assert "voicemail" not in everything_audited and "family" not in everything_audited


def test_people_whose_numbers_end_alike_are_told_apart_and_each_keeps_one_name(app: Flask, operator: SignIn) -> None:
    numbers = ["+15555550101", "+15555550201", "+15555550301", "+15555550401"]  # all "••••••••••01"
    ids = [crisis(app, number) for number in numbers]
    viewer = operator("viewer@example.org", "viewer")[0]
    html = page(viewer, "/admin/escalations")
    names = [person_of(app, number) for number in numbers]
    assert len(set(names)) == 4 and all(re.fullmatch(r"Person [0-9A-Z]{3}-[0-9A-Z]{3}", n) for n in names)
    assert all(html.count(name) == 1 for name in names)
    assert "••" not in html and not any(number[-4:] in html for number in numbers)  # no masked tail to confuse them
    for escalation_id, name in zip(ids, names, strict=True):  # the same name on every page, every time
        assert name in page(viewer, f"/admin/escalations/{escalation_id}")


def test_an_admin_closing_an_unclaimed_escalation_must_confirm(app: Flask, redis: Redis, operator: SignIn) -> None:
    escalation_id = crisis(app)
    url = f"/admin/escalations/{escalation_id}"
    admin, token = operator("admin@example.org", "admin")
    assert 'name="confirm" value="unworked" required' in page(admin, url)
    refused = post(admin, token, f"{url}/close")
    assert "Not closed: nobody has claimed it" in refused and store.escalation(redis, escalation_id)["state"] == "open"
    closed = post(admin, token, f"{url}/close", confirm="unworked")
    assert "Closed." in closed and store.escalation(redis, escalation_id)["state"] == "closed"


def test_a_closed_escalation_can_be_reopened_unclaimed(app: Flask, redis: Redis, operator: SignIn) -> None:
    escalation_id = crisis(app)
    url = f"/admin/escalations/{escalation_id}"
    editor, token = operator("editor@example.org", "editor")
    post(editor, token, f"{url}/claim")
    post(editor, token, f"{url}/close")
    assert ">Reopen</button>" in page(editor, url)
    reopened = post(editor, token, f"{url}/reopen")
    assert "Reopened" in reopened and "<dt>Reopened by</dt><dd>editor@example.org," in reopened
    event = store.escalation(redis, escalation_id)
    assert event["state"] == "open" and "claimed_by" not in event and "closed_by" not in event
    assert ids_in(page(editor, "/admin/escalations?state=open")) == [escalation_id]
    assert ids_in(page(editor, "/admin/escalations?state=closed")) == []
    assert "Not reopened: it is open." in post(editor, token, f"{url}/reopen")
    assert [e["action"] for e in store.audit_entries(redis, 1)] == ["escalation.reopen"]
    viewer, viewer_token = operator("viewer@example.org", "viewer")
    assert viewer.post(f"{url}/reopen", data={"csrf_token": viewer_token}).status_code == 403


def test_an_admin_may_close_what_another_claimed(app: Flask, operator: SignIn) -> None:
    escalation_id = crisis(app)
    editor, editor_token = operator("editor@example.org", "editor")
    admin, admin_token = operator("admin@example.org", "admin")
    post(editor, editor_token, f"/admin/escalations/{escalation_id}/claim")
    assert "<dt>Closed by</dt><dd>admin@example.org," in post(
        admin, admin_token, f"/admin/escalations/{escalation_id}/close"
    )


def test_viewers_are_refused_every_action_and_forms_need_the_csrf_token(app: Flask, operator: SignIn) -> None:
    escalation_id = crisis(app)
    viewer, viewer_token = operator("viewer@example.org", "viewer")
    for action in ("claim", "notes", "close"):
        response = viewer.post(f"/admin/escalations/{escalation_id}/{action}", data={"csrf_token": viewer_token})
        assert response.status_code == 403, action
    editor, _ = operator("editor@example.org", "editor")
    assert editor.post(f"/admin/escalations/{escalation_id}/claim").status_code == 400
    assert app.test_client().get("/admin/escalations").status_code == 302  # to sign in
    assert editor.get("/admin/escalations/SM" + "0" * 32).status_code == 404


def test_two_claims_at_once_give_it_to_exactly_one(redis: Redis, redis_server: EmbeddedServer) -> None:
    pipe = redis.pipeline()
    store.add_escalation(pipe, "SM1", "s" * 32, "suicide", datetime.now(UTC), "words", "••23")
    pipe.execute()
    outcomes: list[tuple[str, str]] = []
    barrier = threading.Barrier(8)

    def claim(n: int) -> None:
        barrier.wait()
        own = Redis.from_url(redis_server.url)  # a connection each, as separate web workers would have
        outcomes.append(store.claim_escalation(own, "SM1", f"op{n}", datetime.now(UTC)))

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [holder for outcome, holder in outcomes if outcome == "ok"]
    assert len(winners) == 1 and all(holder == winners[0] for _, holder in outcomes)


def test_the_page_shows_the_persons_state_for_follow_up(app: Flask, operator: SignIn) -> None:
    texter = Texter(app.test_client(), number=NUMBER)
    subscribe(texter)
    escalation_id = crisis(app)
    viewer, _ = operator("viewer@example.org", "viewer")
    detail = page(viewer, f"/admin/escalations/{escalation_id}")
    assert "Daily check-ins</dt><dd>Subscribed" in detail and "Opted out (STOP)</dt><dd>No." in detail
    texter.send("STOP")
    detail = page(viewer, f"/admin/escalations/{escalation_id}")
    assert "Daily check-ins</dt><dd>Not subscribed." in detail and "Opted out (STOP)</dt><dd>Yes" in detail
    assert NUMBER not in detail


def test_an_erased_persons_escalation_leaves_the_queue_and_cannot_be_worked(
    app: Flask, redis: Redis, operator: SignIn
) -> None:
    escalation_id = crisis(app)
    Texter(app.test_client(), number=NUMBER).send("FORGET YES")
    admin, token = operator("admin@example.org", "admin")
    assert ids_in(page(admin, "/admin/escalations")) == [] and store.open_escalation_count(redis) == 0
    assert ids_in(page(admin, "/admin/escalations?state=all")) == [escalation_id]
    detail = page(admin, f"/admin/escalations/{escalation_id}")
    assert CRISIS_TEXT not in detail and "(erased)" in detail and ">Claim</button>" not in detail
    assert "Not claimed: the person asked" in post(admin, token, f"/admin/escalations/{escalation_id}/claim")
    assert "Not closed: the person asked" in post(admin, token, f"/admin/escalations/{escalation_id}/close")


def test_the_escalation_page_shows_the_whole_exchange_both_directions(app: Flask, operator: SignIn) -> None:
    from markupsafe import escape

    from messages import catalog

    texter = Texter(app.test_client(), number=NUMBER)
    for text in ("so tired", "whats even the point", "sometimes, yeah"):
        texter.send(text)
    [escalation_id] = ids_in(page(operator("viewer@example.org", "viewer")[0], "/admin/escalations"))
    detail = page(operator("viewer2@example.org", "viewer")[0], f"/admin/escalations/{escalation_id}")
    conversation = detail[detail.index("The conversation") :]
    said = ["so tired", "whats even the point", catalog.text("talk.ask"), "sometimes, yeah"]
    positions = [conversation.index(escape(part)) for part in [*said, catalog.text("talk.ask_plan")]]
    assert positions == sorted(positions)  # in order, the person's texts and the line's replies
    assert "They wrote" in conversation and "The line replied" in conversation and NUMBER not in detail
