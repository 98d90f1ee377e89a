"""The conversation's model: what the engine knows about a person (State)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class State:
    """What the conversation engine knows about a sender, read from their user hash."""

    known: bool = False
    opted_out: bool = False
    subscription: str = ""  # "", "pending" (asked to reply YES) or "active"
    minutes: int | None = None  # check-in time, minutes after local midnight
    zone: str | None = None
    schedule: str = "daily"
    anchor: int = 0  # date ordinal that fixes the days of an "alternate" schedule
    paused_until: int = 0  # date ordinal of the first day check-ins may come again
    question: str = ""  # "", "mood" or "craving": the check-in question awaiting an answer
    asked_at: int = 0  # epoch seconds the question was asked
    question_day: int = 0  # date ordinal of the check-in the question belongs to
    mood: int = 0
    streak: int = 0
    last_day: int = 0  # date ordinal of the last answered check-in
    low: int = 0  # low answers in a row
    reminder_at: int = 0  # epoch seconds of the pending check-in's reminder (its DUE score until it runs)
    unreachable: bool = False
    # The crisis conversation (service.conversation.talk): its stage, when the person last texted in it, replies in the
    # stage so far, its risk level, its escalation, whether the steps were sent, and whose risk it is (its kind).
    talk: str = ""
    talk_at: int = 0
    talk_turns: int = 0
    talk_level: str = ""
    talk_esc: str = ""
    talk_steps: bool = False
    talk_kind: str = ""  # the risk the conversation is about (a detector category, or "helping" someone else)
    talk_last: str = ""  # the key of the conversation's last reply, so the next is never the same text
    talk_sent: str = ""  # the keys of its last few replies, comma-joined, so short replies do not come round again
    recent: tuple[str, ...] = ()  # the person's last few texts within WINDOW_S, oldest first (decrypted)
    clarify_at: int = 0  # epoch seconds the line asked whether an unclear text meant "stop texting me"
    opted_out_at: int = 0  # epoch seconds of the opt-out (kept by FORGET, with the opt-out itself)
    escalation: str = ""  # the id of the person's escalation still open or claimed, if any
    texts_minute: int = 0  # texts from this person in the current minute, this one included (claim_and_load)
    texts_hour: int = 0  # the same in the current hour
    digest: str = ""  # a digest of the stored hash this State was read from: commit writes only if it still holds
    language: str = ""  # "", "en" or "es": "" until a text showed it (replies then use the text's, or English)
