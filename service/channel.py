"""The channel a person texts on: SMS, or Twilio's WhatsApp channel ("whatsapp:+1555..."). A person is one address
per channel: the same number on SMS and on WhatsApp is two people to the line, each with their own record.

WhatsApp's rule (Meta's, enforced by Twilio with error 63016): a business may send free-form text only within 24
hours of the person's last message (the customer-service window); outside it, only a pre-approved template
(a Content API ContentSid) may go.
"""

from datetime import datetime, timedelta

SMS = "sms"
WHATSAPP = "whatsapp"
CHANNELS = (SMS, WHATSAPP)
_WHATSAPP_PREFIX = "whatsapp:"

WHATSAPP_WINDOW = timedelta(hours=24)
"""The customer-service window after a person's last message, within which free-form text may be sent."""

WHATSAPP_MAX_CHARS = 1600
"""Twilio's limit for one WhatsApp message body (WhatsApp texts are not split into SMS segments)."""


def of(address: str) -> str:
    """The channel of an address: "whatsapp" for "whatsapp:+1...", else "sms"."""
    return WHATSAPP if address.startswith(_WHATSAPP_PREFIX) else SMS


def address(phone: str, on: str) -> str:
    """The address of the number `phone` on channel `on`."""
    return f"{_WHATSAPP_PREFIX}{phone}" if on == WHATSAPP else phone


def number(address: str) -> str:
    """The phone number of an address, without its channel."""
    return address.removeprefix(_WHATSAPP_PREFIX)


def window_open(address: str, last_inbound: int, at: datetime) -> bool:
    """Whether free-form text may go to `address` at `at`: always on SMS; on WhatsApp only within WHATSAPP_WINDOW of
    the person's last inbound message (epoch seconds, 0 when none is recorded)."""
    if of(address) == SMS:
        return True
    return bool(last_inbound) and at.timestamp() - last_inbound < WHATSAPP_WINDOW.total_seconds()
