"""Phone numbers are health data here: they are keyed by a keyed hash and masked wherever a person reads them."""

import hashlib
import hmac


def sender_id(number: str, key: str) -> str:
    """A stable, non-reversible id for a phone number (HMAC-SHA256 with DATA_KEY, 128 bits in hex)."""
    return hmac.new(key.encode(), number.encode(), hashlib.sha256).hexdigest()[:32]


def mask(number: str) -> str:
    """A number as people may see it in logs and consoles: the last two digits only."""
    return "•" * max(len(number) - 2, 0) + number[-2:] if len(number) > 4 else "•" * len(number)
