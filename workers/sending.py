"""Send jobs: daily check-ins and their reminders, and one-off texts (referrals, follow-ups).

Each text is claimed per person, kind and local date before it reaches the transport, so a retried job, a second
scheduler or an expired lease never sends it twice. A job of N people costs three Redis round trips (read, claim,
write) plus the sends.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from flask import current_app
from redis import Redis
from redis.client import Pipeline

from messages import catalog
from service import clock, metrics, overrides, store
from service.config import Config
from service.connection import get_config, get_redis
from service.conversation import model, schedule, talk
from service.conversation.checkins import pending_question
from service.conversation.model import Rules, State
from service.privacy import keyring
from service.twilio import transport

LATE_GRACE = timedelta(hours=3)
"""A check-in found due later than this (the system was down) is skipped for the day, not sent in a burst."""

RETRY_LATER = timedelta(minutes=10)
"""When a one-off text meets a passing provider error, it is tried again this much later."""


@dataclass
class Planned:
    """One text a job means to send."""

    sender: str
    number: str
    kind: str  # the claim's kind: a key of model.SEND_KINDS, which names its template and what it is sent as
    day: date
    language: str

    @property
    def template(self) -> str:
        return model.SEND_KINDS[self.kind].template

    @property
    def sent_as(self) -> str:
        return model.SEND_KINDS[self.kind].sent_as


def send_checkins(senders: list[str], at_iso: str) -> dict[str, int]:
    """Send each subscriber in `senders` what their due entry points at as of instant `at_iso` (today's check-in,
    or its one reminder), and point the entry at what comes next."""
    at, redis = datetime.fromisoformat(at_iso), get_redis()
    rules = Rules.from_config(get_config())
    outcomes: Counter[str] = Counter()
    planned: list[Planned] = []
    pipe = redis.pipeline()
    keys = keyring(get_config().DATA_KEY)
    item_zone: dict[str, str] = {}
    for sender, (state, token) in zip(senders, store.load_users(redis, senders), strict=True):
        if state.subscription != "active" or state.opted_out or state.unreachable or not token or not state.zone:
            store.set_due(pipe, sender, None)
            outcomes["dropped"] += 1
            continue
        item_zone[sender] = state.zone
        minutes = state.minutes if state.minutes is not None else rules.default_minutes
        # The next check-in replaces the claim's lease whatever happens to this text.
        due = schedule.next_due(at, minutes, state.zone, state.schedule, state.anchor, state.paused_until)
        store.set_due(pipe, sender, due)
        day = schedule.local_day(at, state.zone)
        if state.reminder_at:
            store.update_user(pipe, sender, {}, delete=("reminder_at",))
            if state.reminder_at <= at.timestamp() <= state.reminder_at + LATE_GRACE.total_seconds():
                if pending_question(state, at, rules) == "mood":
                    number = keys.decrypt(token)
                    planned.append(Planned(sender, number, "reminder", day, language_of(state)))
                else:
                    outcomes["answered"] += 1
                continue
        reason = _skip_reason(state, minutes, day, at, rules)
        if reason:
            outcomes[reason] += 1
        else:
            number = keys.decrypt(token)
            planned.append(Planned(sender, number, "checkin", day, language_of(state)))
    for item, outcome in _deliver(redis, pipe, planned, at):
        outcomes[outcome if item.kind == "checkin" else f"reminder_{outcome}"] += 1
        if outcome == "retry":
            # Back in the due index soon, so the next pass tries again (the claim was given back).
            store.set_due(pipe, item.sender, at + RETRY_LATER)
        elif outcome == "sent" and item.kind == "checkin":
            asked = {"question": "mood", "asked_at": int(at.timestamp()), "question_day": item.day.toordinal()}
            reminder = at + rules.reminder_delay
            zone = item_zone[item.sender]
            if not schedule.quiet(schedule.local_minutes(reminder, zone), rules.quiet_hours):
                # One reminder if unanswered (never at night): the due entry points at it until it has run.
                asked["reminder_at"] = int(reminder.timestamp())
                store.set_due(pipe, item.sender, reminder)
            store.update_user(pipe, item.sender, asked)
    pipe.execute()
    return dict(outcomes)


def language_of(state: State) -> str:
    """The language a person's scheduled texts are written in: theirs, else the default."""
    return state.language or catalog.DEFAULT_LANGUAGE


def _skip_reason(state: State, minutes: int, day: date, at: datetime, rules: Rules) -> str:
    zone = state.zone or rules.default_zone
    if state.paused_until > day.toordinal():
        return "paused"
    if not schedule.runs_on(state.schedule, day, state.anchor):
        return "not_today"
    if schedule.quiet(schedule.local_minutes(at, zone), rules.quiet_hours):
        return "quiet_hours"
    due_today = schedule.instant(day, minutes, zone)
    if not due_today <= at <= due_today + LATE_GRACE:
        return "late"
    return ""


def _deliver(redis: Redis, pipe: Pipeline, planned: list[Planned], at: datetime) -> list[tuple[Planned, str]]:
    """Claim every planned text in one round trip, then hand each claimed one to the transport.

    Outcomes: "sent", "duplicate" (sent before), "recovered" (an earlier sender died after handing it over),
    "failed" (a permanent error: never retried) or "retry" (a passing error: the claim is given back on `pipe`).
    """
    claimed_at = clock.now()
    claims = store.claim_days(redis, [(p.sender, p.kind, p.day.toordinal()) for p in planned], claimed_at)
    sender_transport = _transport(get_config(), redis)
    results = []
    for item, found in zip(planned, claims, strict=True):
        body = overrides.text(redis, item.template, item.language)
        day = item.day.toordinal()
        if found.settled:  # sent, or refused for good, earlier
            results.append((item, "duplicate"))
            continue
        if found.since and sender_transport.handed_over(item.number, body, found.since):
            # A worker was killed after the provider took the text and before it said so: don't send it again.
            # (Killed before the provider had it: the text is not there, so it is sent below.)
            store.settle_day(pipe, item.sender, item.kind, day, sent=True)
            results.append((item, "recovered"))
            continue
        try:
            message_sid = sender_transport.send(transport.Outgoing(item.number, body, item.sent_as, at))
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
        if kind not in model.LATER_KINDS or state.opted_out or state.unreachable or not token:
            outcomes["dropped"] += 1
            continue
        if kind == "crisis_check" and not talk.check_due(state, at, LATE_GRACE):
            outcomes["dropped"] += 1  # answered meanwhile, or so late that the caring contact covers it
            continue
        number = keys.decrypt(token)
        zone = state.zone or schedule.guess_zone(number, rules.default_zone)
        morning = _after_quiet_hours(at, zone, rules)
        if morning:
            store.add_later(pipe, kind, sender, morning)  # never at night: the same text waits for the morning
            outcomes["quiet_hours"] += 1
            continue
        planned.append(Planned(sender, number, kind, schedule.local_day(at, zone), language_of(state)))
    for item, outcome in _deliver(redis, pipe, planned, at):
        outcomes[outcome] += 1
        if outcome == "retry":
            store.add_later(pipe, item.kind, item.sender, at + RETRY_LATER)
    pipe.execute()
    store.finish_later(redis, members, at)
    return dict(outcomes)


def _after_quiet_hours(at: datetime, zone: str, rules: Rules) -> datetime | None:
    """The end of the quiet hours `at` falls in, or None when `at` is outside them."""
    minute = schedule.local_minutes(at, zone)
    if not schedule.quiet(minute, rules.quiet_hours):
        return None
    end, day = rules.quiet_hours[1], schedule.local_day(at, zone)
    return schedule.instant(day if minute < end else day + timedelta(days=1), end, zone)
