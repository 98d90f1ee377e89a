"""Approved WhatsApp templates (Twilio Content API ContentSids): what a text the line starts goes as outside
WhatsApp's 24-hour window. Set per template key and language with `steadyline whatsapp template`, or in
WHATSAPP_CONTENT_SIDS; the one set with the command wins."""

from redis import Redis

from service import store
from service.config import Config
from service.conversation.model import SEND_KINDS


def scheduled_templates() -> list[str]:
    """The templates the line starts conversations with (check-ins, reminders, referrals, follow-ups): the ones a
    WhatsApp person may get outside the window, so each needs an approved template there."""
    return sorted({kind.template for kind in SEND_KINDS.values()})


def approved(redis: Redis, config: Config) -> dict[str, str]:
    """Every approved template, "language:key" -> ContentSid."""
    return dict(config.WHATSAPP_CONTENT_SIDS) | store.content_sids(redis)
