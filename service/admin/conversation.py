"""A person behind the line: the operator who claimed an escalation texts the person from its page, and the bot
steps back (service.conversation.model.held) until they hand the conversation back, close the escalation, or
OPERATOR_IDLE_MIN passes. The number is decrypted only in the send job, never shown; the words are kept like the
escalation's own (encrypted in its thread, erased by retention and FORGET); the audit log records that a text was
sent, never what it said."""

import re

from flask import abort, flash, jsonify, redirect, request, url_for
from flask.typing import ResponseReturnValue
from rq import Queue

from messages import catalog
from service import clock, store
from service.admin import audit
from service.admin.auth import current_operator, has_role, require
from service.admin.blueprint import bp
from service.admin.messages import sms_settings
from service.connection import get_config, get_redis
from service.conversation import model
from service.privacy import TEXT, keyring

ESCALATION_ID = re.compile(r"[A-Za-z0-9]{1,64}")
"""Escalation ids are MessageSids; anything else in the URL is not one."""
TEXT_MAX = 640
"""The most an operator's text may be: four SMS segments in GSM-7, enough for a human reply, short on a phone."""
TEXT_SEGMENTS = 4
"""The segment count the page warns past (a UCS-2 text of TEXT_MAX characters takes ten)."""
SAVED_KIND = "operator"
"""The template kind of saved replies: edited like any template, inserted into the field by the page."""


def saved_replies(language: str) -> list[tuple[str, str]]:
    """(key, rendered text) of every saved reply, in the person's language."""
    templates = catalog.load(language)
    return [(key, catalog.text(key, language)) for key, t in templates.items() if t.kind == SAVED_KIND]


def escalation_or_404(escalation_id: str) -> dict[str, str]:
    """The escalation a console URL names (its pages here and in service.admin.escalations), or a 404."""
    event = store.escalation(get_redis(), escalation_id) if ESCALATION_ID.fullmatch(escalation_id) else {}
    if not event:
        abort(404)
    return event


def may_text(event: dict[str, str]) -> bool:
    """Only the editor or admin who claimed an open escalation texts the person (one voice at a time)."""
    operator = current_operator()
    claimed = event.get("state") == "claimed" and operator is not None and event.get("claimed_by") == operator.email
    return claimed and has_role("editor") and bool(event.get("sender"))


def context(event: dict[str, str], state: model.State | None) -> dict[str, object]:
    """What the escalation page needs to text the person (`state`, None once erased): whether this operator may,
    whether the bot stands back now, the person's language and saved replies in it, and the field's counting."""
    language = (state.language if state else "") or event.get("language") or catalog.DEFAULT_LANGUAGE
    holding = state is not None and model.held(state, clock.now(), model.Rules.from_config(get_config()))
    return {
        "may_text": may_text(event) and not (state and state.opted_out),
        "opted_out": bool(state and state.opted_out),
        "held_by": state.held_by if state and holding else "",
        "language": language,
        "saved": saved_replies(language),
        "sms": sms_settings(TEXT_SEGMENTS),
        "text_max": TEXT_MAX,
    }


def thread_of(escalation_id: str) -> list[dict[str, str]]:
    return store.escalation_thread(get_redis(), escalation_id, keyring(get_config().DATA_KEY))


@bp.post("/escalations/<escalation_id>/text")
@require("editor")
def text_the_person(escalation_id: str) -> ResponseReturnValue:
    """Queue the operator's text to the person; the bot steps back from now on."""
    event, redis, operator = escalation_or_404(escalation_id), get_redis(), current_operator()
    back = redirect(url_for("admin.escalation", escalation_id=escalation_id))
    if not may_text(event) or operator is None:
        abort(403, description="Only the operator who claimed this escalation can text the person.")
    words = request.form.get("text", "").strip()
    if not words or len(words) > TEXT_MAX:
        flash(f"Not sent: write a text of 1 to {TEXT_MAX} characters.", "error")
        return back
    state = store.user_state(redis, event["sender"])
    if state.opted_out:
        flash("Not sent: they texted STOP, so nothing may be sent to them.", "error")
        return back
    now = clock.now()
    starting = not model.held(state, now, model.Rules.from_config(get_config()))
    token = keyring(get_config().DATA_KEY).encrypt(words, TEXT)  # the job carries no words in clear
    pipe = redis.pipeline()
    pipe.multi()  # explicit, so RQ's enqueue joins this transaction: the hold and the send are one step
    store.hold(pipe, event["sender"], operator.email, now)
    Queue(store.QUEUE, connection=redis).enqueue_call(
        "workers.operator.send_operator_text",
        args=(escalation_id, operator.email, token, starting),
        pipeline=pipe,
    )
    pipe.execute()
    audit.record("escalation.text", target=escalation_id, detail="first text: the bot steps back" if starting else "")
    flash("Sent to the queue. Their replies appear below; the bot stays quiet until you hand back.", "success")
    return back


@bp.post("/escalations/<escalation_id>/hand-back")
@require("editor")
def hand_back(escalation_id: str) -> ResponseReturnValue:
    """Give the conversation back to the bot."""
    event = escalation_or_404(escalation_id)
    if not (may_text(event) or (has_role("admin") and event.get("sender"))):
        abort(403, description="Only the operator who claimed this escalation, or an admin, can hand it back.")
    pipe = get_redis().pipeline()
    store.release(pipe, event["sender"])
    pipe.execute()
    audit.record("escalation.hand_back", target=escalation_id)
    flash("Handed back: the bot answers them again.", "success")
    return redirect(url_for("admin.escalation", escalation_id=escalation_id))


@bp.get("/escalations/<escalation_id>/thread")
@require("viewer")
def thread(escalation_id: str) -> ResponseReturnValue:
    """The thread as JSON, for the page's script to show new texts without a reload; the claimer's look marks
    them read."""
    event = escalation_or_404(escalation_id)
    if may_text(event):
        store.mark_read(get_redis(), escalation_id)
    return jsonify(entries=thread_of(escalation_id), unread=int(event.get("unread", 0)))


@bp.app_template_filter("speaker")
def speaker(entry: dict[str, str]) -> str:
    """Who wrote a thread entry, as the page says it: the person, the line (the bot), or an operator by name."""
    fixed = {"person": "They wrote", "line": "The line replied", "note": "Not sent"}
    return fixed.get(entry.get("from", ""), f"{entry.get('by', 'An operator')} (operator) wrote")
