"""A texter helping someone else through an overdose, a medical emergency or thoughts of suicide: the conversation
helping() opens for them (kind HELPING), and what a helper asks that gets its own answer: letting him sleep it off,
turning her on her side, naloxone, breathing that turns slow, giving one of the pills, telling a parent, how to ask.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from service.conversation import model
from service.conversation.model import Exchange, State
from service.conversation.talk.patterns import signs
from service.conversation.talk.stages import EMERGENCY, HELPING, POISONINGS, active, stage_effect

if TYPE_CHECKING:
    from service.conversation.model import Effect, Message


def helping(message: "Message", state: State, now: datetime) -> list["Effect"]:
    """A conversation with someone texting about another person's overdose, medical emergency or thoughts of
    suicide (the crisis reply for the helper is already sent): their next texts get the helper's replies ("stay
    with them", what to tell 911, how to ask them), and "can i let him sleep it off" a plain no, instead of the menu
    or replies meant for the person at risk."""
    if message.crisis not in (*POISONINGS, "suicide", "self_harm") or active(state, now):
        return []
    escalation = state.escalation or message.sid
    sent = model.Reply(model.crisis_key(message.crisis, True, message.text))
    level = "imminent" if message.crisis in POISONINGS else "high"
    return [
        stage_effect(EMERGENCY, now, turns=0, level=level, escalation=escalation, kind=HELPING, last=sent.key),
        Exchange(escalation, (message.text,), (sent,)),
    ]


# Breathing that is slow or strange, told by someone helping: "7 breaths a minute", "gurgling", "snoring loud".
SLOW_BREATHING = signs(
    r"(?:\d+|few|a few) (?:breaths? )?(?:a|per|in a|each) (?:minute|min)",
    r"gurgl\w*",
    r"snor\w*",
    r"breathing (?:is )?(?:slow|slower|weird|funny|strange|shallow)",
    r"barely (?:waking|awake|breathing)",
    r"respira (?:muy )?(?:lento|raro|poco)",
)
# "we dont have narcan", "where do i get naloxone". (Normalised text.)
NALOXONE = signs(r"narcan", r"naloxone", r"naloxona")
# "do i turn him on his side": yes, if they are breathing (the helper's first reply says it too).
ON_SIDE = signs(
    r"(?:turn|roll|put|lay|move) (?:him|her|them) (?:on|onto) (?:his|her|their|the|its) side",
    r"(?:de lado|ponerlo de lado|ponerla de lado)",
)
# "can i let him sleep it off": never, with someone who took too much.
SLEEP_IT_OFF = signs(
    r"sleep it off",
    r"(?:just |jus )?sleep (?:it )?off",
    r"(?:let|leave) (?:him|her|them) (?:just )?sleep",
    r"(?:just )?watch (?:him|her|them) (?:all night|tonight)",
    r"(?:dejar|dejarlo|dejarla) dormir",
    r"que se le pase durmiendo",
)
NURSE = signs(r"nurse", r"(?:not|isnt|no|without) (?:the )?(?:cops|police)", r"enfermer[ao]", r"sin policia")
"""After an overdose, someone to ask who is not the police: Poison Control (POLICY.md F10)."""

GIVE_PILL = signs(
    r"(?:give|giving) (?:him|her|them) (?:one|a pill|one of (?:the|his|her) pills|some|a few|his pills|her pills)",
    r"(?:le doy|darle) (?:una|unas|una pastilla|sus pastillas)",
)
"""A helper asking whether to give the person a pill to calm them: not without medical advice (POLICY.md N1)."""
TELL_ADULT = signs(
    r"(?:le digo|le aviso|le hablo|le cuento) a su (?:mama|papa|familia|mamá|papá)",
    r"(?:should i|do i|can i) (?:tell|wake|call) (?:her|his|their) (?:mom|mother|dad|father|parents)",
)
"""A young helper asking whether to tell the person's parent: yes, now."""
# "is it ok to ask her if she tried to kill herself", "what do i say to her": asking a person directly.
ASK_THEM = signs(
    r"(?:ok|okay|should i|can i|do i|is it ok to|is it okay to) (?:just )?ask (?:her|him|them)",
    r"(?:what|how) (?:do|should) i (?:even )?(?:say|talk) to (?:her|him)",
    r"(?:que|q) le (?:digo|pregunto)",
)
