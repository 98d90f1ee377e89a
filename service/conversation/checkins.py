"""The check-in conversation as plain functions: subscribing (CHECKIN, YES, TIME, ZONE, PAUSE, RESUME, LESS,
DAILY, WEEKDAYS, STATUS), answering the daily question, and what a crisis changes.

Each function returns (replies, effects) like the engine, or None when the text is not for it.
"""

from datetime import UTC, date, datetime, timedelta

from service import wording
from service.answers import parse_mood, parse_yes_no
from service.conversation import schedule
from service.conversation.model import Due, Effect, KeepNumber, Later, Reply, Result, Rules, State, Update
from service.keywords import normalise

PAUSED_FOREVER = date.max.toordinal()
"""`paused_until` for a PAUSE without a number of days: until the person texts RESUME."""
MAX_PAUSE_DAYS = 90


QUESTION_FIELDS = ("question", "asked_at", "question_day", "mood")


def _reply(key: str, **values: str) -> Reply:
    return Reply(key, values)


def _zone(state: State, guess: str | None, rules: Rules) -> str:
    return state.zone or guess or rules.default_zone


def _next(state: State, now: datetime, rules: Rules, **changes: object) -> datetime | None:
    """The next check-in instant for `state` with `changes` applied, or None while paused until RESUME."""
    merged = {**state.__dict__, **changes}
    if merged["paused_until"] == PAUSED_FOREVER:
        return None
    minutes = merged["minutes"] if merged["minutes"] is not None else rules.default_minutes
    zone = merged["zone"] or rules.default_zone
    return schedule.next_due(now, minutes, zone, merged["schedule"], merged["anchor"], merged["paused_until"])


def _when(state: State, rules: Rules, language: str, **changes: object) -> dict[str, str]:
    merged = {**state.__dict__, **changes}
    minutes = merged["minutes"] if merged["minutes"] is not None else rules.default_minutes
    zone = wording.zone(merged["zone"] or rules.default_zone, language)
    return {"time": schedule.format_time(minutes), "zone": zone}


def _today(state: State, now: datetime, rules: Rules, guess: str | None = None) -> date:
    return schedule.local_day(now, _zone(state, guess, rules))


# --- commands ------------------------------------------------------------------------------------------------

# English and Spanish words alike, for everyone (accents and case never matter): a reply is in the person's language
# whichever words they used.
SCHEDULE_WORDS = {
    "less": "alternate", "fewer": "alternate", "every other day": "alternate", "alternate": "alternate",
    "weekdays": "weekdays", "weekdays only": "weekdays", "daily": "daily", "every day": "daily", "more": "daily",
    "menos": "alternate", "un dia si y otro no": "alternate", "cada tercer dia": "alternate",
    "entre semana": "weekdays", "de lunes a viernes": "weekdays", "solo entre semana": "weekdays",
    "diario": "daily", "a diario": "daily",
    "todos los dias": "daily", "mas": "daily",
}  # fmt: skip
SUBSCRIBE_WORDS = frozenset(
    {"checkin", "check in", "checkins", "check ins", "chequeo", "chequeos", "suscribir", "suscribirme"}
)
CONFIRM_WORDS = frozenset({"yes", "si", "claro"})
VERBS = {
    "time": "time", "zone": "zone", "pause": "pause", "resume": "resume", "status": "status",
    "hora": "time", "zona": "zone", "pausa": "pause", "pausar": "pause", "seguir": "resume", "reanudar": "resume",
    "estado": "status",
}  # fmt: skip


def command(
    text: str, state: State, guess: str | None, now: datetime, rules: Rules, language: str = "en"
) -> Result | None:
    """Handle a check-in command, or return None when `text` is not one; values are worded in `language`."""
    words = normalise(text)
    first, _, argument = words.partition(" ")
    verb = VERBS.get(first)
    if words in SUBSCRIBE_WORDS:
        return _checkin(state, rules, language)
    if words in CONFIRM_WORDS and state.subscription == "pending":
        return _confirm(state, guess, now, rules, language)
    if verb is None and words not in SCHEDULE_WORDS:
        return None
    if state.subscription != "active":
        return [_reply("checkin.not_subscribed")], []
    raw_argument = text.strip().partition(" ")[2] if " " in text.strip() else ""
    if verb == "time":
        return _set_time(raw_argument, state, now, rules, language)
    if verb == "zone":
        return _set_zone(raw_argument, state, now, rules, language)
    if verb == "pause":
        return _pause(argument, state, now, rules, language)
    if verb == "resume":
        due = _next(state, now, rules, paused_until=0)
        return [_reply("checkin.resumed", **_when(state, rules, language))], [Update({"paused_until": 0}), Due(due)]
    if verb == "status":
        return [_reply("checkin.status", **_status(state, now, rules, language))], []
    chosen = SCHEDULE_WORDS[words]
    anchor = _today(state, now, rules).toordinal()
    effects: list[Effect] = [
        Update({"schedule": chosen, "anchor": anchor}),
        Due(_next(state, now, rules, schedule=chosen, anchor=anchor)),
    ]
    if chosen == "daily":  # back to every day: the reply offers the lighter ones, not DAILY again
        return [_reply("checkin.schedule_daily", time=_when(state, rules, language)["time"])], effects
    how_often = wording.how_often(chosen, language)
    return [_reply("checkin.schedule_set", schedule=how_often, **_when(state, rules, language))], effects


def _checkin(state: State, rules: Rules, language: str) -> Result:
    if state.subscription == "active":
        return [_reply("checkin.already", **_when(state, rules, language))], []
    # Double opt-in: nothing is scheduled until the person replies YES.
    return [_reply("checkin.offer")], [Update({"subscription": "pending"}), KeepNumber()]


def _confirm(state: State, guess: str | None, now: datetime, rules: Rules, language: str) -> Result:
    zone = _zone(state, guess, rules)
    minutes = state.minutes if state.minutes is not None else rules.default_minutes
    values = {"subscription": "active", "minutes": minutes, "zone": zone, "schedule": "daily"}
    values |= {"anchor": schedule.local_day(now, zone).toordinal(), "paused_until": 0}
    due = _next(state, now, rules, **values)
    reply = _reply("checkin.confirmed", **_when(state, rules, language, **values))
    return [reply], [Update(values), KeepNumber(), Due(due)]


def _set_time(argument: str, state: State, now: datetime, rules: Rules, language: str) -> Result:
    minutes = schedule.parse_time(argument)
    if minutes is None:
        return [_reply("checkin.time_invalid")], []
    if schedule.quiet(minutes, rules.quiet_hours):
        start, end = rules.quiet_hours
        window = {"earliest": schedule.format_time(end), "latest": schedule.format_time((start - 1) % 1440)}
        return [_reply("checkin.time_quiet", **window, time=_when(state, rules, language)["time"])], []
    due = _next(state, now, rules, minutes=minutes)
    return [_reply("checkin.time_set", **_when(state, rules, language, minutes=minutes))], [
        Update({"minutes": minutes}),
        Due(due),
    ]


def _set_zone(argument: str, state: State, now: datetime, rules: Rules, language: str) -> Result:
    zone = schedule.parse_zone(argument)
    if zone is None:
        return [_reply("checkin.zone_invalid")], []
    due = _next(state, now, rules, zone=zone)
    return [_reply("checkin.zone_set", **_when(state, rules, language, zone=zone))], [Update({"zone": zone}), Due(due)]


def _pause(argument: str, state: State, now: datetime, rules: Rules, language: str) -> Result:
    days = argument.split()[0] if argument else ""
    if not days:
        until, label = PAUSED_FOREVER, wording.until_resume(language)
    elif days.isdigit() and 0 < int(days) <= MAX_PAUSE_DAYS:
        # N days from the next check-in day: PAUSE 2 skips two check-ins, whether or not today's has gone out.
        upcoming = _next(state, now, rules, paused_until=0)
        first = schedule.local_day(upcoming, _zone(state, None, rules)) if upcoming else _today(state, now, rules)
        until = first.toordinal() + int(days)
        label = wording.pause_end(until, language)
    else:
        return [_reply("checkin.pause_invalid", max_days=str(MAX_PAUSE_DAYS))], []
    due = _next(state, now, rules, paused_until=until)
    return [_reply("checkin.paused", until=label)], [Update({"paused_until": until}), Due(due)]


def _status(state: State, now: datetime, rules: Rules, language: str) -> dict[str, str]:
    today = _today(state, now, rules).toordinal()
    forever = state.paused_until == PAUSED_FOREVER
    until = state.paused_until if state.paused_until > today else None
    return {
        "state": wording.check_in_state(until, language, forever=forever),
        "schedule": wording.how_often(state.schedule, language),
        **_when(state, rules, language),
    }


# --- the daily question ----------------------------------------------------------------------------------------


def pending_question(state: State, now: datetime, rules: Rules) -> str:
    """The question awaiting an answer ("mood", "craving"), or "" when there is none or it expired."""
    if state.question and now.timestamp() - state.asked_at <= rules.question_ttl.total_seconds():
        return state.question
    return ""


def answer(text: str, question: str, state: State, now: datetime, rules: Rules) -> Result | None:
    """Handle an answer to the pending question, or return None when `text` is not one."""
    if question == "mood":
        mood = parse_mood(text)
        if mood is None:
            return None
        # asked_at stays the check-in's: the follow-up question expires with the check-in it belongs to.
        return [_reply("checkin.ask_craving")], [Update({"mood": mood, "question": "craving"})]
    cravings = parse_yes_no(text)
    if cravings is None:
        return None
    return _tailored(state, cravings, now, rules)


def _tailored(state: State, cravings: bool, now: datetime, rules: Rules) -> Result:
    # The answer belongs to the day of the check-in it answers, which is what a streak counts.
    today = state.question_day or _today(state, now, rules).toordinal()
    streak = state.streak + 1 if state.last_day == today - 1 else max(state.streak, 1) if state.last_day == today else 1
    low = state.low + 1 if state.mood <= 2 else 0
    band = "low" if state.mood <= 2 else "mid" if state.mood == 3 else "high"
    reply = _reply(f"checkin.reply.{band}_{'cravings' if cravings else 'clear'}", streak=str(streak))
    effects: list[Effect] = []
    if low >= rules.low_streak:
        # Several hard days in a row: a referral at their next check-in time, and a gentle follow-up days later.
        after = max(now, datetime.fromtimestamp(state.asked_at, UTC))
        at = _next(state, after, rules) or after + timedelta(days=1)
        effects += [Later("referral", at), Later("referral_followup", at + rules.referral_followup)]
        low = 0
        if state.paused_until != PAUSED_FOREVER:
            # The referral comes in place of that day's check-in, never in the same instant as it.
            resume = max(state.paused_until, schedule.local_day(at, _zone(state, None, rules)).toordinal() + 1)
            effects += [Update({"paused_until": resume}), Due(_next(state, after, rules, paused_until=resume))]
    values: dict[str, object] = {"streak": streak, "last_day": today, "low": low}
    return [reply], [Update(values, clear=QUESTION_FIELDS), *effects]


# --- after a crisis --------------------------------------------------------------------------------------------


# After violence no caring follow-up: a text from the line on a phone an abuser may read is a risk (POLICY.md L3).
NO_FOLLOW_UP = frozenset({"violence"})


def after_crisis(state: State, guess: str | None, now: datetime, rules: Rules, category: str) -> list[Effect]:
    """Caring contact: a follow-up tomorrow at their check-in time (or the default time), in place of tomorrow's
    check-in, which resumes the day after; unless they opted out, or the crisis was violence."""
    if state.opted_out:
        return []
    zone = _zone(state, guess, rules)
    tomorrow = schedule.local_day(now, zone) + timedelta(days=1)
    minutes = state.minutes if state.minutes is not None else rules.default_minutes
    effects: list[Effect] = [KeepNumber()]
    if category not in NO_FOLLOW_UP:
        effects.append(Later("crisis_followup", schedule.instant(tomorrow, minutes, zone)))
    if state.subscription == "active" and state.paused_until != PAUSED_FOREVER:
        resume = max(state.paused_until, tomorrow.toordinal() + 1)
        effects += [Update({"paused_until": resume}), Due(_next(state, now, rules, paused_until=resume))]
    return effects
