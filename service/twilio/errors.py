"""Twilio's error codes the line knows: what each means and how it is handled, in one table.

The transport reads it to decide whether a refused send may be tried again, the transport and the status
callback to stop texting a person who opted out or cannot get texts, and the console's dashboard to say what
each delivery failure means. A code not in the table has no meaning shown and is handled as temporary.
"""

from dataclasses import dataclass
from enum import Enum


class Handling(Enum):
    """What a code means for the message and for the person."""

    OPTED_OUT = "opted out"
    """The recipient texted STOP to our sender: Twilio refuses every message to them until they text START."""
    UNREACHABLE = "unreachable"
    """Not a number that can get texts (invalid, or a landline): the scheduler stops sending to it."""
    PERMANENT = "permanent"
    """Sending the same message again can never succeed; the person is still texted another day."""
    RATE_LIMITED = "rate limited"
    """Twilio's "too many requests", which may come with a status other than 429: retried at once, after a pause."""
    TEMPORARY = "temporary"
    """Nothing for good: retried at once only on HTTP 429 or 5xx, else the send fails as temporary and whoever sent
    it may try again later."""

    @property
    def permanent(self) -> bool:
        """Whether a send refused with it must never be tried again."""
        return self in (Handling.OPTED_OUT, Handling.UNREACHABLE, Handling.PERMANENT)

    @property
    def stops_texts(self) -> bool:
        """Whether it says something about the person, not just the message: no more texts to them."""
        return self in (Handling.OPTED_OUT, Handling.UNREACHABLE)


@dataclass(frozen=True)
class Code:
    """One Twilio error code: its meaning as the dashboard shows it ("" shows a pointer to Twilio's reference)."""

    meaning: str
    handling: Handling


CODES: dict[int, Code] = {
    21610: Code("Opted out: they texted STOP to our number", Handling.OPTED_OUT),
    21211: Code("Invalid number", Handling.UNREACHABLE),
    30006: Code("Landline or unreachable carrier", Handling.UNREACHABLE),
    30003: Code("Unreachable handset (off or out of coverage)", Handling.PERMANENT),
    30005: Code("Unknown or inactive number", Handling.PERMANENT),
    # Refused for good when sent; no wording of ours yet, so the dashboard points to Twilio's reference.
    21408: Code("", Handling.PERMANENT),
    21612: Code("", Handling.PERMANENT),
    21614: Code("", Handling.PERMANENT),
    30007: Code("Filtered by the carrier as unwanted", Handling.TEMPORARY),
    20429: Code("Rate limited: too many requests at once", Handling.RATE_LIMITED),
}


def handling(code: int | None) -> Handling:
    """How `code` is handled; TEMPORARY for no code or one the table does not know."""
    known = CODES.get(code) if code is not None else None
    return known.handling if known else Handling.TEMPORARY


def meaning(code: int) -> str:
    """What `code` means, for the dashboard; "" when the table has no wording for it."""
    known = CODES.get(code)
    return known.meaning if known else ""
