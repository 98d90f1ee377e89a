"""The escalation queue: crisis messages for operators to follow up. Everyone signed in reads it; editors and up
claim, add notes and close, each change atomic in Redis and audited without the texter's words or number."""

import math
from datetime import date, datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import clock, store
from service.admin import audit, conversation
from service.admin.auth import current_operator, has_role, require
from service.admin.blueprint import bp
from service.connection import get_config, get_redis
from service.conversation import schedule
from service.conversation.checkins import PAUSED_FOREVER
from service.conversation.model import State
from service.privacy import TEXT, keyring, pseudonym

PAGE_SIZE = 25
MAX_PAGE = 100_000
"""Past any real queue; bounds the offset a hand-edited URL can send to Redis."""
FILTERS = ("open", "claimed", "closed", "all")

ERASED = "the person asked for everything about them to be erased."
CLAIM_REFUSALS = {
    "claimed": "Not claimed: {holder} claimed it first.",
    "closed": "Not claimed: it is already closed.",
    "erased": f"Not claimed: {ERASED}",
}
CLOSE_REFUSALS = {
    "unconfirmed": "Not closed: nobody has claimed it. Tick the box to confirm closing it unworked.",
    "closed": "Not closed: it is already closed.",
    "erased": f"Not closed: {ERASED}",
    "not_yours": "Not closed: only the operator who claimed it, or an admin, can close it.",
}
REOPEN_REFUSALS = {
    "open": "Not reopened: it is open.",
    "claimed": "Not reopened: it is open, claimed by someone.",
    "erased": f"Not reopened: {ERASED}",
}


def _operator_email() -> str:
    operator = current_operator()
    assert operator is not None  # every view here is behind require()
    return operator.email


def _person(event: dict[str, str]) -> str:
    """Who the escalation is about, as operators may see it: a stable pseudonym, never any digit of the number."""
    return pseudonym(event["sender"]) if event.get("sender") else "(erased)"


def follow_up(person: State | None, now: datetime) -> list[tuple[str, str]]:
    """What an operator following up may know of the person now (never their number), as label/value rows."""
    if person is None or not person.known:
        return [("Record", f"None: {ERASED}" if person is None else "None stored.")]
    today = schedule.local_day(now, person.zone) if person.zone else now.date()
    if person.subscription == "active" and person.paused_until == PAUSED_FOREVER:
        checkins = "Subscribed, paused until they text RESUME."
    elif person.subscription == "active" and person.paused_until > today.toordinal():
        checkins = f"Subscribed, paused until {date.fromordinal(person.paused_until):%b %d}."
    else:
        checkins = {"active": "Subscribed.", "pending": "Asked to reply YES; not confirmed."}.get(
            person.subscription, "Not subscribed."
        )
    rows = [
        ("Daily check-ins", checkins),
        ("Opted out (STOP)", "Yes: nothing is sent to them but crisis replies." if person.opted_out else "No."),
    ]
    if person.unreachable:
        rows.append(("Reachable", "No: the carrier says the number cannot get texts."))
    return rows


@bp.get("/escalations")
@require("viewer")
def escalations() -> ResponseReturnValue:
    """The queue: crisis messages newest first, filtered by state, a page at a time."""
    state = request.args.get("state", "open")
    if state not in FILTERS:
        abort(400, description=f"Choose a state: {', '.join(FILTERS)}.")
    page = request.args.get("page", 1, type=int)
    if not 1 <= page <= MAX_PAGE:
        abort(400, description="No such page.")
    redis = get_redis()
    events, total = store.escalation_page(redis, state, (page - 1) * PAGE_SIZE, PAGE_SIZE)
    events = [event | {"person": _person(event)} for event in events]
    pages = max(math.ceil(total / PAGE_SIZE), 1)
    return render_template(
        "admin/escalations.html", events=events, state=state, filters=FILTERS, page=page, pages=pages, total=total
    )


def later_texts(escalation_id: str) -> list[dict[str, object]]:
    """The crisis texts the person sent while this escalation was open, their words decrypted for the page."""
    keys = keyring(get_config().DATA_KEY)
    rows = store.escalation_texts(get_redis(), escalation_id)
    return [row | {"text": keys.decrypt(row["text"], TEXT)} for row in rows]  # type: ignore[arg-type]


@bp.get("/escalations/<escalation_id>")
@require("viewer")
def escalation(escalation_id: str) -> ResponseReturnValue:
    """One crisis message: what was said, the exchange that followed, its notes, the person's current state, and
    the actions on it."""
    event = conversation.escalation_or_404(escalation_id)
    redis = get_redis()
    state = store.user_state(redis, event["sender"]) if "sender" in event else None
    if conversation.may_text(event):
        store.mark_read(redis, escalation_id)  # the operator holding it has now seen every text
    return render_template(
        "admin/escalation.html",
        id=escalation_id,
        event=event | {"person": _person(event)},
        notes=store.escalation_notes(redis, escalation_id),
        later=later_texts(escalation_id),
        thread=conversation.thread_of(escalation_id),
        person=follow_up(state, clock.now()),
        may_close=has_role("admin") or event.get("claimed_by") == _operator_email(),
        note_max=store.ESCALATION_NOTE_MAX,
        talk=conversation.context(event, state),
    )


@bp.post("/escalations/<escalation_id>/claim")
@require("editor")
def claim_escalation(escalation_id: str) -> ResponseReturnValue:
    """Claim an open escalation; refused if someone else got there first."""
    conversation.escalation_or_404(escalation_id)
    outcome, holder = store.claim_escalation(get_redis(), escalation_id, _operator_email(), clock.now())
    if outcome == "missing":
        abort(404)
    if outcome == "ok":
        audit.record("escalation.claim", target=escalation_id)
        flash("You claimed it. Add notes as you follow it up, and close it when done.", "success")
    else:
        flash(CLAIM_REFUSALS[outcome].format(holder=holder), "error")
    return redirect(url_for("admin.escalation", escalation_id=escalation_id))


def _note_text(field: str) -> str:
    """The note typed in `field`, or a 400 when it is too long (the form itself limits it)."""
    text = request.form.get(field, "").strip()
    if len(text) > store.ESCALATION_NOTE_MAX:
        abort(400, description=f"A note may be at most {store.ESCALATION_NOTE_MAX} characters.")
    return text


@bp.post("/escalations/<escalation_id>/notes")
@require("editor")
def note_escalation(escalation_id: str) -> ResponseReturnValue:
    """Add a note to an escalation."""
    conversation.escalation_or_404(escalation_id)
    text = _note_text("note")
    if not text:
        flash("Not added: the note was empty.", "error")
        return redirect(url_for("admin.escalation", escalation_id=escalation_id))
    if not store.add_escalation_note(get_redis(), escalation_id, _operator_email(), clock.now(), text):
        abort(404)
    audit.record("escalation.note", target=escalation_id)
    flash("Note added.", "success")
    return redirect(url_for("admin.escalation", escalation_id=escalation_id))


@bp.post("/escalations/<escalation_id>/close")
@require("editor")
def close_escalation(escalation_id: str) -> ResponseReturnValue:
    """Close an escalation you claimed (admins: any), with an optional closing note."""
    event = conversation.escalation_or_404(escalation_id)
    note = _note_text("note")
    if event.get("state") == "open" and request.form.get("confirm") != "unworked":
        # An admin's close of an escalation nobody worked is one click from a mistake: it asks first.
        outcome = "unconfirmed"
    else:
        outcome = store.close_escalation(
            get_redis(), escalation_id, _operator_email(), has_role("admin"), clock.now(), note
        )
    if outcome == "missing":
        abort(404)
    if outcome == "ok":
        if event.get("sender"):
            pipe = get_redis().pipeline()
            store.release(pipe, event["sender"])  # closed: an operator's hold on the conversation ends with it
            pipe.execute()
        audit.record("escalation.close", target=escalation_id, detail="with a closing note" if note else "")
        flash("Closed.", "success")
    else:
        flash(CLOSE_REFUSALS[outcome], "error")
    return redirect(url_for("admin.escalation", escalation_id=escalation_id))


@bp.post("/escalations/<escalation_id>/reopen")
@require("editor")
def reopen_escalation(escalation_id: str) -> ResponseReturnValue:
    """Open a closed escalation again (closed by mistake, or the person needs more), unclaimed."""
    conversation.escalation_or_404(escalation_id)
    outcome = store.reopen_escalation(get_redis(), escalation_id, _operator_email(), clock.now())
    if outcome == "missing":
        abort(404)
    if outcome == "ok":
        audit.record("escalation.reopen", target=escalation_id)
        flash("Reopened: it is open and unclaimed again.", "success")
    else:
        flash(REOPEN_REFUSALS[outcome], "error")
    return redirect(url_for("admin.escalation", escalation_id=escalation_id))
