"""Send jobs: daily check-ins and their reminders, and one-off texts (referrals, follow-ups).

Each text is claimed per person, kind and local date before it reaches the transport, so a retried job, a second
scheduler or an expired lease never sends it twice. A job of N people costs three Redis round trips (read, claim,
write) plus the sends.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from flask import current_app
from redis import Redis
from redis.client import Pipeline

from messages import catalog
from service import clock, metrics, overrides, store
from service.config import Config
from service.connection import get_config, get_redis
from service.conversation import model, sends
from service.conversation.model import Rules, State
from service.effects import write_schedule
from service.privacy import keyring
from service.twilio import content, transport


@dataclass
class Planned:
    """One text a job means to send."""

    sender: str
    number: str
    kind: str  # the claim's kind: a key of model.SEND_KINDS, which names its template and what it is sent as
    day: date
    language: str
    last_inbound: int = 0  # the person's last text (WhatsApp's 24-hour window)

    @property
    def template(self) -> str:
        return model.SEND_KINDS[self.kind].template

    @property
    def sent_as(self) -> str:
        return model.SEND_KINDS[self.kind].sent_as


def send_checkins(senders: list[str], at_iso: str) -> dict[str, int]:
    """Send each subscriber in `senders` what their due entry points at as of instant `at_iso` (today's check-in,
    or its one reminder), and point the entry at what comes next (service.conversation.sends decides)."""
    at, redis = datetime.fromisoformat(at_iso), get_redis()
    rules = Rules.from_config(get_config())
    outcomes: Counter[str] = Counter()
    planned: list[Planned] = []
    pipe = redis.pipeline()
    keys = keyring(get_config().DATA_KEY)
    zones: dict[str, str] = {}
    for sender, (state, token) in zip(senders, store.load_users(redis, senders), strict=True):
        plan = sends.plan_checkin(state, bool(token), at, rules)
        _write(pipe, sender, plan.effects, at)
        if not plan.send or not token or not plan.day or not state.zone:
            outcomes[plan.skip] += 1
            continue
        zones[sender] = state.zone
        planned.append(
            Planned(sender, keys.decrypt(token), plan.send, plan.day, language_of(state), state.last_inbound)
        )
    for item, outcome in _deliver(redis, pipe, planned, at):
        outcomes[outcome if item.kind == "checkin" else f"reminder_{outcome}"] += 1
        _write(pipe, item.sender, sends.after_checkin(item.kind, outcome, zones[item.sender], item.day, at, rules), at)
    pipe.execute()
    return dict(outcomes)


def _write(pipe: Pipeline, sender: str, effects: Iterable[model.Scheduling], at: datetime) -> None:
    for effect in effects:
        write_schedule(pipe, sender, effect, at)


def language_of(state: State) -> str:
    """The language a person's scheduled texts are written in: theirs, else the default."""
    return state.language or catalog.DEFAULT_LANGUAGE


def _deliver(redis: Redis, pipe: Pipeline, planned: list[Planned], at: datetime) -> list[tuple[Planned, str]]:
    """Claim every planned text in one round trip, then hand each claimed one to the transport.

    Outcomes: "sent", "duplicate" (sent before), "recovered" (an earlier sender died after handing it over),
    "failed" (a permanent error: never retried), "retry" (a passing error: the claim is given back on `pipe`) or
    "no_template" (WhatsApp outside its window with no approved template: not sent, and not claimed).
    """
    claimed_at, config = clock.now(), get_config()
    results: list[tuple[Planned, str]] = []
    ready: list[tuple[Planned, transport.Outgoing]] = []
    approved = _approved_templates(redis, config, planned, at)
    for item in planned:
        message = _message(redis, item, at, approved)
        if message is None:
            # Never free-form into WhatsApp's closed window (error 63016): skipped, counted, and logged, unclaimed.
            current_app.logger.warning(
                "send %s sender=%s skipped: no approved WhatsApp template for %s (%s)",
                item.kind, item.sender[:8], item.template, item.language,
            )  # fmt: skip
            store.count(pipe, at, "whatsapp_no_template")
            results.append((item, "no_template"))
        else:
            ready.append((item, message))
    claims = store.claim_days(redis, [(p.sender, p.kind, p.day.toordinal()) for p, _ in ready], claimed_at)
    sender_transport = _transport(config, redis)
    for (item, message), found in zip(ready, claims, strict=True):
        day = item.day.toordinal()
        if found.settled:  # sent, or refused for good, earlier
            results.append((item, "duplicate"))
            continue
        if found.since and sender_transport.handed_over(item.number, message.body, found.since, message.content_sid):
            # A worker was killed after the provider took the text and before it said so: don't send it again.
            # (Killed before the provider had it: the text is not there, so it is sent below.)
            store.settle_day(pipe, item.sender, item.kind, day, sent=True)
            results.append((item, "recovered"))
            continue
        try:
            message_sid = sender_transport.send(message)
        except transport.SendError as exc:
            transport.handle_send_error(redis, item.sender, exc, at)
            current_app.logger.warning("send %s sender=%s failed code=%s", item.kind, item.sender[:8], exc.code)
            if exc.permanent:
                store.settle_day(pipe, item.sender, item.kind, day, sent=False)
            else:
                store.release_day(pipe, item.sender, item.kind)
            results.append((item, "failed" if exc.permanent else "retry"))
            continue
        store.settle_day(pipe, item.sender, item.kind, day, sent=True)
        store.record_sent(pipe, message_sid, item.sender, item.sent_as)
        store.count(pipe, at, f"{item.sent_as}_sent")
        results.append((item, "sent"))
    metrics.count_sends((item.sent_as, outcome) for item, outcome in results)
    return results


def _approved_templates(redis: Redis, config: Config, planned: list[Planned], at: datetime) -> dict[str, str]:
    """The approved WhatsApp templates ("language:key" -> ContentSid), read only when a text here needs one: the
    ones set with `steadyline whatsapp template` over WHATSAPP_CONTENT_SIDS."""
    if not any(sends.needs_template(p.number, p.last_inbound, at) for p in planned):
        return {}
    return content.approved(redis, config)


def _message(redis: Redis, item: Planned, at: datetime, approved: dict[str, str]) -> transport.Outgoing | None:
    """What goes to the transport: free-form text, or outside WhatsApp's window the approved template (None when
    there is none)."""
    body = overrides.text(redis, item.template, item.language)
    if not sends.needs_template(item.number, item.last_inbound, at):
        return transport.Outgoing(item.number, body, item.sent_as, at)
    content_sid = approved.get(f"{item.language}:{item.template}")
    if not content_sid:
        return None
    variables = sends.template_variables(
        overrides.current(redis, item.template, item.language), catalog.default_values()
    )
    return transport.Outgoing(item.number, body, item.sent_as, at, content_sid, variables)


@cache
def _transport(config: Config, redis: Redis) -> transport.Transport:
    # One per worker process: its HTTP connection to Twilio stays open from one job to the next.
    return transport.from_config(config, redis)


def send_later(members: list[str], at_iso: str) -> dict[str, int]:
    """Send the one-off texts `members` ("kind:sender") claimed at instant `at_iso`."""
    at, redis = datetime.fromisoformat(at_iso), get_redis()
    rules = Rules.from_config(get_config())
    pairs = [tuple(member.split(":", 1)) for member in members]
    users = store.load_users(redis, [sender for _, sender in pairs])
    outcomes: Counter[str] = Counter()
    planned: list[Planned] = []
    pipe = redis.pipeline()
    keys = keyring(get_config().DATA_KEY)
    for (kind, sender), (state, token) in zip(pairs, users, strict=True):
        number = keys.decrypt(token) if token else ""
        plan = sends.plan_one_off(kind, state, number, at, rules)
        _write(pipe, sender, plan.effects, at)
        if not plan.send or not plan.day:
            outcomes[plan.skip] += 1
            continue
        planned.append(Planned(sender, number, plan.send, plan.day, language_of(state), state.last_inbound))
    for item, outcome in _deliver(redis, pipe, planned, at):
        outcomes[outcome] += 1
        _write(pipe, item.sender, sends.after_one_off(item.kind, outcome, at), at)
    pipe.execute()
    store.finish_later(redis, members, at)
    return dict(outcomes)
