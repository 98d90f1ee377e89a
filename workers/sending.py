"""Send jobs: daily check-ins and one-off texts (reminders, referrals, follow-ups), each claimed with an
idempotency key per person and local date before it reaches the transport, so nothing is sent twice."""

from collections import Counter
from datetime import date, datetime, timedelta

from flask import current_app
from redis import Redis

from messages import catalog
from service import schedule, store, transport
from service.checkins import Rules, pending_question
from service.connection import get_config, get_redis
from service.store import State

LATE_GRACE = timedelta(hours=3)
"""A check-in found due later than this (the system was down) is skipped for the day, not sent in a burst."""

RETRY_LATER = timedelta(minutes=10)
"""When a one-off text meets a passing provider error, it is tried again this much later."""

LATER_TEMPLATES = {
    "reminder": ("checkin.reminder", "reminder"),
    "referral": ("referral", "referral"),
    "referral_followup": ("referral.followup", "followup"),
    "crisis_followup": ("crisis.followup", "followup"),
}
"""One-off kinds: the template each sends and the outbox/transport kind it is sent as."""


def send_checkins(senders: list[str], at_iso: str) -> dict[str, int]:
    """Send today's check-in to each subscriber in `senders`, as of instant `at_iso`; reschedule each."""
    at, redis = datetime.fromisoformat(at_iso), get_redis()
    sender_transport = transport.from_config(get_config(), redis)
    rules = Rules.from_config(get_config())
    outcomes = Counter(
        _checkin(redis, sender_transport, rules, sender, state, number, at)
        for sender, (state, number) in zip(senders, store.load_users(redis, senders), strict=True)
    )
    return dict(outcomes)


def _checkin(
    redis: Redis, sender_transport: transport.Transport, rules: Rules, sender: str, state: State,
    number: str | None, at: datetime,
) -> str:  # fmt: skip
    pipe = redis.pipeline()
    if state.subscription != "active" or state.opted_out or state.unreachable or not number or not state.zone:
        store.set_due(pipe, sender, None)
        pipe.execute()
        return "dropped"
    minutes = state.minutes if state.minutes is not None else rules.default_minutes
    day = schedule.local_day(at, state.zone)
    # The next instant replaces the claim's lease, whatever happens below.
    store.set_due(pipe, sender, schedule.next_due(at, minutes, state.zone, state.schedule, state.anchor,
                                                  state.paused_until))  # fmt: skip
    reason = _skip_reason(state, minutes, day, at, rules)
    claim = f"checkin:{sender}:{day.toordinal()}"
    if reason or not store.claim_send(redis, claim):
        pipe.execute()
        return reason or "duplicate"
    outcome = _send(redis, sender_transport, sender, number, "checkin.ask", "checkin", claim, at)
    if outcome == "retry":
        return outcome  # the claim's lease brings this subscriber back on a later pass
    if outcome == "sent":
        asked = {"question": "mood", "asked_at": int(at.timestamp()), "question_day": day.toordinal()}
        store.update_user(pipe, sender, asked)
        store.add_later(pipe, "reminder", sender, at + rules.reminder_delay)
    pipe.execute()
    return outcome


def _skip_reason(state: State, minutes: int, day: date, at: datetime, rules: Rules) -> str:
    if state.paused_until > day.toordinal():
        return "paused"
    if not schedule.runs_on(state.schedule, day, state.anchor):
        return "not_today"
    if schedule.quiet(schedule.local_minutes(at, state.zone or rules.default_zone), rules.quiet_hours):
        return "quiet_hours"
    due_today = schedule.instant(day, minutes, state.zone or rules.default_zone)
    if not due_today <= at <= due_today + LATE_GRACE:
        return "late"
    return ""


def _send(
    redis: Redis, sender_transport: transport.Transport, sender: str, number: str, key: str, kind: str, claim: str,
    at: datetime,
) -> str:  # fmt: skip
    """Hand one claimed text to the transport: "sent", "failed" (never to be retried) or "retry" (claim given back)."""
    try:
        message_sid = sender_transport.send(transport.Outgoing(to=number, body=catalog.text(key), kind=kind))
    except transport.SendError as exc:
        transport.handle_send_error(redis, sender, exc, at)
        current_app.logger.warning("send %s sender=%s failed code=%s", kind, sender[:8], exc.code)
        if exc.permanent:
            return "failed"
        store.release_send(redis, claim)
        return "retry"
    store.record_sent(redis, message_sid, sender, kind)
    return "sent"


def send_later(members: list[str], at_iso: str) -> dict[str, int]:
    """Send the one-off texts `members` ("kind:sender") claimed at instant `at_iso`."""
    at, redis = datetime.fromisoformat(at_iso), get_redis()
    config = get_config()
    sender_transport, rules = transport.from_config(config, redis), Rules.from_config(config)
    pairs = [member.split(":", 1) for member in members]
    users = store.load_users(redis, [sender for _, sender in pairs])
    outcomes = Counter(
        _later(redis, sender_transport, rules, kind, sender, state, number, at)
        for (kind, sender), (state, number) in zip(pairs, users, strict=True)
    )
    store.finish_later(redis, members, at)
    return dict(outcomes)


def _later(
    redis: Redis, sender_transport: transport.Transport, rules: Rules, kind: str, sender: str, state: State,
    number: str | None, at: datetime,
) -> str:  # fmt: skip
    if kind not in LATER_TEMPLATES or state.opted_out or state.unreachable or not number:
        return "dropped"
    zone = state.zone or schedule.guess_zone(number, rules.default_zone)
    day = schedule.local_day(at, zone)
    waited = at.timestamp() - state.asked_at
    if kind == "reminder" and (pending_question(state, at, rules) != "mood" or waited < rules.reminder_delay.seconds):
        return "answered"  # or a newer check-in was asked since this reminder was set
    minute = schedule.local_minutes(at, zone)
    if schedule.quiet(minute, rules.quiet_hours):
        # Never at night: the same text waits for the end of quiet hours.
        end = rules.quiet_hours[1]
        morning = schedule.instant(day if minute < end else day + timedelta(days=1), end, zone)
        pipe = redis.pipeline()
        store.add_later(pipe, kind, sender, morning)
        pipe.execute()
        return "quiet_hours"
    template, sent_as = LATER_TEMPLATES[kind]
    claim = f"{kind}:{sender}:{day.toordinal()}"
    if not store.claim_send(redis, claim):
        return "duplicate"
    outcome = _send(redis, sender_transport, sender, number, template, sent_as, claim, at)
    if outcome == "retry":
        pipe = redis.pipeline()
        store.add_later(pipe, kind, sender, at + RETRY_LATER)
        pipe.execute()
    return outcome
