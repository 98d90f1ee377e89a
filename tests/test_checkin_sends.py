"""What a scheduled send does, decided without Redis or a worker (service.conversation.sends): the jobs only
write these decisions, so each rule is checked here on plain values."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from service.conversation import sends
from service.conversation.model import Due, Later, Rules, State, Update

RULES = Rules()
# 10:00 in New York on an ordinary Tuesday (no clock is read: the instant is an argument)
AT = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)
ACTIVE = State(known=True, subscription="active", minutes=600, zone="America/New_York")


def test_a_due_subscriber_gets_todays_checkin_and_the_next_one_is_due_tomorrow() -> None:
    plan = sends.plan_checkin(ACTIVE, True, AT, RULES)
    assert plan.send == "checkin" and plan.skip == "" and plan.day == AT.date()
    assert plan.effects == (Due(AT + timedelta(days=1)),)


def test_nobody_who_stopped_or_cannot_be_reached_is_texted_and_their_entry_goes() -> None:
    for state in (State(), State(subscription="active", opted_out=True, zone="America/New_York")):
        assert sends.plan_checkin(state, True, AT, RULES) == sends.Plan("", "dropped", effects=(Due(None),))
    assert sends.plan_checkin(ACTIVE, False, AT, RULES).skip == "dropped"  # no number kept


def test_a_pause_a_day_off_and_a_late_pass_send_nothing_and_say_why() -> None:
    paused = replace(ACTIVE, paused_until=AT.date().toordinal() + 1)
    assert sends.plan_checkin(paused, True, AT, RULES).skip == "paused"
    saturday = datetime(2026, 3, 7, 15, 0, tzinfo=UTC)
    weekdays = replace(ACTIVE, schedule="weekdays")
    assert sends.plan_checkin(weekdays, True, saturday, RULES).skip == "not_today"
    assert sends.plan_checkin(ACTIVE, True, AT + sends.LATE_GRACE + timedelta(minutes=1), RULES).skip == "late"


def test_the_reminder_goes_only_while_the_question_is_unanswered() -> None:
    later = AT + timedelta(hours=2)
    asked = replace(ACTIVE, question="mood", asked_at=int(AT.timestamp()), question_day=AT.date().toordinal())
    asked = replace(asked, reminder_at=int(later.timestamp()))
    assert sends.plan_checkin(asked, True, later, RULES).send == "reminder"
    answered = replace(asked, question="")
    plan = sends.plan_checkin(answered, True, later, RULES)
    assert plan.send == "" and plan.skip == "answered" and Update({}, clear=("reminder_at",)) in plan.effects


def test_a_sent_checkin_asks_and_sets_one_reminder_but_never_at_night() -> None:
    effects = sends.after_checkin("checkin", "sent", "America/New_York", AT.date(), AT, RULES)
    reminder = AT + RULES.reminder_delay
    assert effects == [
        Update({"question": "mood", "asked_at": int(AT.timestamp()), "question_day": AT.date().toordinal(),
                "reminder_at": int(reminder.timestamp())}),
        Due(reminder),
    ]  # fmt: skip
    evening = datetime(2026, 3, 4, 0, 30, tzinfo=UTC)  # 19:30 in New York: the reminder would fall at 21:30
    assert [
        type(e) for e in sends.after_checkin("checkin", "sent", "America/New_York", evening.date(), evening, RULES)
    ] == [Update]
    assert sends.after_checkin("checkin", "retry", "America/New_York", AT.date(), AT, RULES) == [
        Due(AT + sends.RETRY_LATER)
    ]


def test_a_one_off_at_night_waits_for_the_morning() -> None:
    night = datetime(2026, 3, 4, 4, 0, tzinfo=UTC)  # 23:00 in New York
    plan = sends.plan_one_off("referral", ACTIVE, "+12125550100", night, RULES)
    assert plan.send == "" and plan.skip == "quiet_hours"
    assert plan.effects == (Later("referral", datetime(2026, 3, 4, 13, 0, tzinfo=UTC)),)  # 08:00 there
    assert sends.plan_one_off("referral", ACTIVE, "+12125550100", AT, RULES).send == "referral"
    assert sends.plan_one_off("unknown", ACTIVE, "+12125550100", AT, RULES).skip == "dropped"
