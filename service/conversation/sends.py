"""What a scheduled send does, decided as plain functions like the engine's: whether a subscriber's due entry
sends today's check-in, its one reminder or nothing (and why), what a sent check-in sets, and when a one-off text
(a referral, a follow-up) goes or waits. The jobs in workers/sending.py only carry these decisions out."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from messages.catalog import PLACEHOLDER
from service import channel
from service.conversation import schedule, talk
from service.conversation.checkins import pending_question
from service.conversation.model import LATER_KINDS, Due, Later, Rules, Scheduling, State, Update

LATE_GRACE = timedelta(hours=3)
"""A check-in found due later than this (the system was down) is skipped for the day, not sent in a burst."""

RETRY_LATER = timedelta(minutes=10)
"""When a scheduled text meets a passing provider error, it is tried again this much later."""


@dataclass(frozen=True)
class Plan:
    """One scheduled text's fate: the kind to send ("" for none), why none is sent, the local day it belongs to,
    and the effects to write whatever becomes of the send."""

    send: str
    skip: str = ""
    day: date | None = None
    effects: tuple[Scheduling, ...] = ()


def plan_checkin(state: State, has_number: bool, at: datetime, rules: Rules) -> Plan:
    """What a subscriber's due entry sends at `at`: today's check-in, its reminder, or nothing, and the next due
    instant (which replaces the claim's lease whatever happens to this text)."""
    if state.subscription != "active" or state.opted_out or state.unreachable or not has_number or not state.zone:
        return Plan("", "dropped", effects=(Due(None),))
    minutes = state.minutes if state.minutes is not None else rules.default_minutes
    day = schedule.local_day(at, state.zone)
    effects: tuple[Scheduling, ...] = (
        Due(schedule.next_due(at, minutes, state.zone, state.schedule, state.anchor, state.paused_until)),
    )
    if state.reminder_at:
        effects += (Update({}, clear=("reminder_at",)),)
        if state.reminder_at <= at.timestamp() <= state.reminder_at + LATE_GRACE.total_seconds():
            if pending_question(state, at, rules) == "mood":
                return Plan("reminder", day=day, effects=effects)
            return Plan("", "answered", day, effects)
    reason = _skip_reason(state, minutes, day, at, rules)
    return Plan("" if reason else "checkin", reason, day, effects)


def after_checkin(kind: str, outcome: str, zone: str, day: date, at: datetime, rules: Rules) -> list[Scheduling]:
    """What a check-in or reminder's send outcome sets: a passing error tries again soon; a sent check-in asks
    the mood question and points the due entry at its one reminder (never at night)."""
    if outcome == "retry":
        return [Due(at + RETRY_LATER)]  # the claim was given back: the next pass tries again
    if outcome != "sent" or kind != "checkin":
        return []
    asked: dict[str, object] = {"question": "mood", "asked_at": int(at.timestamp()), "question_day": day.toordinal()}
    reminder = at + rules.reminder_delay
    if schedule.quiet(schedule.local_minutes(reminder, zone), rules.quiet_hours):
        return [Update(asked)]
    asked["reminder_at"] = int(reminder.timestamp())
    return [Update(asked), Due(reminder)]


def plan_one_off(kind: str, state: State, number: str, at: datetime, rules: Rules) -> Plan:
    """Whether a one-off text of `kind` goes now, is dropped, or waits for the end of the quiet hours."""
    if kind not in LATER_KINDS or state.opted_out or state.unreachable or not number:
        return Plan("", "dropped")
    if kind == "crisis_check" and not talk.check_due(state, at, LATE_GRACE):
        return Plan("", "dropped")  # answered meanwhile, or so late that the caring contact covers it
    zone = state.zone or schedule.guess_zone(number, rules.default_zone)
    morning = _after_quiet_hours(at, zone, rules)
    if morning:
        return Plan("", "quiet_hours", effects=(Later(kind, morning),))  # never at night: it waits for the morning
    return Plan(kind, day=schedule.local_day(at, zone))


def after_one_off(kind: str, outcome: str, at: datetime) -> list[Scheduling]:
    return [Later(kind, at + RETRY_LATER)] if outcome == "retry" else []


def needs_template(address: str, last_inbound: int, at: datetime) -> bool:
    """Whether a scheduled text to `address` may go only as an approved template: on WhatsApp, outside the 24-hour
    window since the person's last message (free-form text there fails with Twilio's error 63016)."""
    return not channel.window_open(address, last_inbound, at)


def template_variables(text: str, values: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """An approved template's ContentVariables: the values of the text's placeholders, numbered in the order they
    appear ("Hi, it's {program}" -> (("1", "Steadyline"),)), as the template was registered with them."""
    names = dict.fromkeys(PLACEHOLDER.findall(text))
    return tuple((str(n), values.get(name, "")) for n, name in enumerate(names, 1))


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


def _after_quiet_hours(at: datetime, zone: str, rules: Rules) -> datetime | None:
    """The end of the quiet hours `at` falls in, or None when `at` is outside them."""
    minute = schedule.local_minutes(at, zone)
    if not schedule.quiet(minute, rules.quiet_hours):
        return None
    end, day = rules.quiet_hours[1], schedule.local_day(at, zone)
    return schedule.instant(day if minute < end else day + timedelta(days=1), end, zone)
