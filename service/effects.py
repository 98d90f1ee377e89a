"""Writes the engine's effects to Redis in one atomic step: state changes, the due index, one-off sends, the
escalation record and the on-call alert job, only if the person's state is still the one they were decided on."""

import json
from datetime import datetime

from redis import Redis
from redis.client import Pipeline
from rq import Queue, Retry

from messages import catalog
from service import channel, overrides, store
from service.conversation import engine, model
from service.conversation.model import Rules, State
from service.privacy import TEXT, Keyring, mask

ALERT_RETRY = Retry(max=3, interval=[10, 60, 300])
"""An on-call alert that fails is retried by the RQ scheduler, spaced out so a provider outage can pass."""


MAX_DECISIONS = 25
"""How often one text may be decided again because the person's state changed under it. Each round lets at least
one of their texts through, so this covers 25 texts from one number arriving at the same instant."""


def decide(
    redis: Redis,
    message: model.Message,
    state: State,
    sender: str,
    now: datetime,
    number: str,
    event_id: str,
    rules: Rules,
    keys: Keyring,
    spooled: bool = False,
) -> tuple[list[model.Reply], list[model.Effect]] | None:
    """Decide a text and write its effects, deciding again while another text of theirs changes their state
    first; the replies and effects that were written, or None if the state kept changing (MAX_DECISIONS)."""
    for _ in range(MAX_DECISIONS):
        replies, effects = engine.respond(message, state, now, rules)
        remember = message.text if engine.remembered(message, state, rules) else None
        if not (effects or remember or spooled) or apply(
            redis, effects, state, sender, now, number, event_id, keys, remember, spooled
        ):
            return replies, effects
        state = store.load(redis, sender, state)
    return None


def apply(
    redis: Redis,
    effects: list[model.Effect],
    state: State,
    sender: str,
    now: datetime,
    number: str,
    event_id: str,
    keys: Keyring,
    remember: str | None = None,
    spooled: bool = False,
) -> bool:
    """Write every effect in one round trip if the sender's state is still `state`; False (nothing written) if
    another text of theirs changed it first. `event_id` names an escalation (the MessageSid).

    `number` is stored only encrypted with `keys`, and only where a later text must reach it; `remember` is the
    text to add to the person's recent texts (engine.remembered), encrypted too. `spooled`: the text was answered
    while Redis was down (service.spool), and this write records that it is now done."""
    if model.Forget() in effects:
        store.redact_escalations(redis, sender)  # reads first, so outside the transaction below
    pipe = redis.pipeline()
    pipe.multi()  # explicit, so RQ's enqueue joins this transaction instead of starting its own
    if remember:
        store.remember_text(pipe, sender, keys.encrypt(f"{int(now.timestamp())}|{remember}", TEXT))
    for effect in effects:
        match effect:
            case model.Unschedule() | model.Update() | model.Due() | model.Later():
                write_schedule(pipe, sender, effect, now)
            case (
                model.Escalate() | model.Attach() | model.Watched() | model.Raise() | model.Exchange() | model.Unread()
            ):
                _write_crisis(redis, pipe, effect, sender, now, number, event_id, keys)
            case _:
                _write_person(pipe, effect, sender, state, now, number, keys)
    if spooled:
        store.mark_spooled(pipe, event_id)
    return store.commit(redis, pipe, sender, state)


def _write_person(
    pipe: Pipeline, effect: model.Effect, sender: str, state: State, now: datetime, number: str, keys: Keyring
) -> None:
    """Write one effect on who the person is to the line: welcomed, opted out or in, forgotten, their number."""
    match effect:
        case model.MarkSeen():
            store.mark_seen(pipe, sender, now)
        case model.OptOut():
            store.set_opted_out(pipe, sender, True, now)
            store.end_subscription(pipe, sender)
            store.set_due(pipe, sender, None)
            store.drop_later(pipe, model.LATER_KINDS, sender)
        case model.OptIn():
            store.set_opted_out(pipe, sender, False, now)
        case model.Forget():
            store.forget_user(pipe, sender, state)
            store.forget_window(pipe, sender)
            store.set_due(pipe, sender, None)
            store.drop_later(pipe, model.LATER_KINDS, sender)
        case model.ForgetWindow():
            store.forget_window(pipe, sender)
        case model.KeepNumber():
            store.update_user(pipe, sender, {"number": keys.encrypt(number)})


def _write_crisis(
    redis: Redis,
    pipe: Pipeline,
    effect: model.Escalate | model.Attach | model.Watched | model.Raise | model.Exchange | model.Unread,
    sender: str,
    now: datetime,
    number: str,
    event_id: str,
    keys: Keyring,
) -> None:
    """Write one crisis effect: an escalation opened, a text attached to it, its risk raised, its thread, or a
    text close to a crisis counted."""
    match effect:
        case model.Escalate(category, text, level, alert, language):
            masked, on = mask(channel.number(number)), channel.of(number)
            store.add_escalation(pipe, event_id, sender, category, now, text, masked, level, language, on)
            if alert:
                _enqueue_alert(redis, pipe, event_id)
        case model.Watched():
            store.count(pipe, now, "watch")
        case model.Attach(escalation_id, category, text):
            store.attach_to_escalation(pipe, escalation_id, category, now, keys.encrypt(text, TEXT))
        case model.Raise(escalation_id, level, alert):
            store.raise_level(pipe, escalation_id, level)
            if alert:
                _enqueue_alert(redis, pipe, escalation_id, level)
        case model.Exchange(escalation_id, texts, replies):
            store.add_to_thread(pipe, escalation_id, _thread_entries(redis, keys, now, texts, replies))
        case model.Unread(escalation_id):
            store.mark_unread(pipe, escalation_id, now)


def write_schedule(pipe: Pipeline, sender: str, effect: model.Scheduling, now: datetime) -> None:
    """Write one effect on a person's state and schedule: the webhook's, and the send jobs' (service.conversation
    .sends decides them there)."""
    match effect:
        case model.Unschedule(kind):
            store.drop_later(pipe, (kind,), sender)
        case model.Update(values, clear):
            store.update_user(pipe, sender, values, delete=clear)
            if "mood" in values:
                store.count(pipe, now, "answered")
                store.count(pipe, now, f"mood_{values['mood']}")
        case model.Due(at):
            store.set_due(pipe, sender, at)
        case model.Later(kind, at):
            store.add_later(pipe, kind, sender, at)


def _enqueue_alert(redis: Redis, pipe: Pipeline, escalation_id: str, level: str = "") -> None:
    """Queue the on-call alert for an escalation (again, with `level`, when its risk rises) in this transaction."""
    Queue(store.QUEUE, connection=redis).enqueue_call(
        "workers.alerts.alert_oncall",
        args=(escalation_id, level) if level else (escalation_id,),
        job_id=f"alert-{escalation_id}" + (f"-{level}" if level else ""),
        retry=ALERT_RETRY,
        pipeline=pipe,
    )


def _thread_entries(
    redis: Redis, keys: Keyring, now: datetime, texts: tuple[str, ...], replies: tuple[model.Reply, ...]
) -> list[bytes]:
    """The person's texts, then the replies as sent (in the texts operators published), each encrypted."""
    at = now.isoformat()
    entries = [{"from": "person", "at": at, "text": text} for text in texts]
    entries += [
        {
            "from": "line",
            "at": at,
            "text": overrides.text(redis, r.key, r.language or catalog.DEFAULT_LANGUAGE, **r.values),
        }
        for r in replies
    ]
    return [keys.encrypt(json.dumps(entry, ensure_ascii=False), TEXT) for entry in entries]
