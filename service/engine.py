"""The conversation engine: plain functions from (message, state, now) to (replies, effects).

It does no I/O. The webhook loads the state, calls `respond`, writes the effects and sends the replies, so every
rule of the conversation can be read here top to bottom and tested without Redis, Flask or Twilio.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from service import keywords, safety
from service.store import State

# Carrier-standard opt-out and opt-in words, honoured only as the whole message (any case, spaces, a full stop).
OPT_OUT = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
OPT_IN = frozenset({"START", "YES", "UNSTOP"})
HELP = frozenset({"HELP", "INFO"})

# Words that mark a text as Spanish when no topic matched; the reply points to 988's Spanish line.
SPANISH_WORDS = frozenset(
    [
        "hola",
        "ayuda",
        "ayudame",
        "necesito",
        "quiero",
        "gracias",
        "tengo",
        "estoy",
        "espanol",
        "por",
        "favor",
        "puedo",
        "donde",
        "como",
        "que",
    ]
)
_KEYWORD_NOISE = re.compile(r"^[\s\W_]+|[\s\W_]+$")


@dataclass(frozen=True)
class Message:
    """An inbound text as the engine sees it: the text, its bare keyword form, and its crisis category."""

    text: str
    keyword: str
    crisis: str | None


@dataclass(frozen=True)
class MarkSeen:
    """The sender has now been welcomed."""


@dataclass(frozen=True)
class OptOut:
    """The sender opted out: nothing more is sent except replies to START and HELP (and crisis replies)."""


@dataclass(frozen=True)
class OptIn:
    """The sender opted back in."""


@dataclass(frozen=True)
class Escalate:
    """A crisis message: record it for the operators and alert the on-call person."""

    category: str


Effect = MarkSeen | OptOut | OptIn | Escalate


def read(text: str) -> Message:
    """Classify a raw text once; the result serves both the normal path and the Redis-down path."""
    return Message(text=text, keyword=_KEYWORD_NOISE.sub("", text).upper(), crisis=safety.classify(text))


def crisis_key(category: str) -> str:
    return f"crisis.{category}"


def offline_reply(message: Message) -> str:
    """The reply when state cannot be read: a crisis reply still goes out, anything else asks to retry."""
    return crisis_key(message.crisis) if message.crisis else "retry"


def respond(message: Message, state: State, now: datetime) -> tuple[list[str], list[Effect]]:
    """Template keys to reply with, and effects to apply, for one inbound message. `now` is for later rules."""
    first_contact: list[Effect] = [] if state.known else [MarkSeen()]
    if message.crisis:
        # Outranks every state, opted out included: a person in danger always gets the emergency numbers.
        return [crisis_key(message.crisis)], [*first_contact, Escalate(message.crisis)]
    if message.keyword in OPT_OUT:
        return ([] if state.opted_out else ["optout"]), [*first_contact, OptOut()]
    if message.keyword in OPT_IN:
        return ["optin"], ([*first_contact, OptIn()] if state.opted_out else first_contact)
    if message.keyword in HELP:
        return ["help"], first_contact
    if state.opted_out:
        return [], []
    answer = _answer(message.text)
    if state.known:
        return [answer], []
    # A first text gets the welcome (which already points to MENU) before any answer.
    return ["welcome"] + ([] if answer == "fallback" else [answer]), first_contact


def _answer(text: str) -> str:
    """The template that answers an ordinary text: a topic, the Spanish pointer, or the fallback."""
    topic = keywords.find_topic(text)
    if topic:
        return topic
    if SPANISH_WORDS.intersection(keywords.normalise(text).split()):
        return "spanish"
    return "fallback"
