"""The crisis conversation: after a risk signal the line asks one direct, plain question and goes on by the answer.

Plain functions, no I/O, like the engine: `respond(message, state, now, rules)` opens a conversation on a risk
signal (from the newest text, or from the person's last few texts read together) or answers a text inside one,
and returns None for a text that is not for it. The stage is kept in the person's State (`talk`); the README's
"The crisis conversation" lists every stage and how it ends. messages/POLICY.md (C, C10) says what each reply
must do; the wording is in messages/en.yaml under "crisis conversation".

Where things are: opening (respond, and how a conversation starts), turns (a text inside one), switch (a new risk
said inside one), replies (a text that changes no risk), questions and answers (the direct questions and how an
answer is read), bystander (someone helping another person), repeats (no reply comes round again), stages and model
(what is kept and what is handed back); the signs each of those reads are in window, danger, imminent, means, pills,
barriers, asks, reaching, corrections and steps, beside the predicate that reads them.
"""

from service.conversation.talk.bystander import helping
from service.conversation.talk.corrections import for_a_friend, not_the_texter
from service.conversation.talk.danger import danger_signs, not_abuse, scolding, someone_dangerous, threatens
from service.conversation.talk.opening import respond
from service.conversation.talk.pills import asks_about_mixing, extra_with_drink, going_without, wish_not_to_wake
from service.conversation.talk.repeats import STAY_REPLIES
from service.conversation.talk.stages import (
    CHECK_DELAY,
    DECLINED,
    EMERGENCIES,
    LEVELS,
    QUESTIONS,
    TALK_TTL,
    active,
    check_due,
)
from service.conversation.talk.window import WINDOW_JOIN, window_signal

__all__ = [
    "CHECK_DELAY",
    "DECLINED",
    "EMERGENCIES",
    "LEVELS",
    "QUESTIONS",
    "STAY_REPLIES",
    "TALK_TTL",
    "WINDOW_JOIN",
    "active",
    "asks_about_mixing",
    "check_due",
    "danger_signs",
    "extra_with_drink",
    "for_a_friend",
    "going_without",
    "helping",
    "not_abuse",
    "not_the_texter",
    "respond",
    "scolding",
    "someone_dangerous",
    "threatens",
    "window_signal",
    "wish_not_to_wake",
]
