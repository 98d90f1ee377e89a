"""Configuration: read from the environment once, parsed strictly, failing at boot with one clear line."""

import ipaddress
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from service import privacy

# Signs webhooks from `steadyline chat` when no real Twilio token is configured (console transport only).
DEV_AUTH_TOKEN = "steadyline-dev-token"
DEV_SECRET = "steadyline-dev-secret-not-for-production"
DEV_DATA_KEY = "c3RlYWR5bGluZS1kZXZlbG9wbWVudC1rZXktMzJieXQ="
"""A fixed development key (32 bytes), so a development line keeps its records between runs; never in production."""

E164 = re.compile(r"^\+[1-9]\d{6,14}$")
ENVIRONMENTS = ("development", "production")
TRANSPORTS = ("console", "twilio")
APPENDFSYNC = ("always", "everysec", "no")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable and what it expects."""


def _url(name: str, value: str, schemes: tuple[str, ...]) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in schemes or not (parsed.netloc or parsed.path):
        raise ConfigError(f"{name} must be a {' or '.join(schemes)} URL, got {value!r}")
    if parsed.scheme.startswith("http") and (parsed.query or parsed.fragment or "?" in value or "#" in value):
        # A path is joined after it (PUBLIC_BASE_URL + "/sms"), so a query or fragment breaks every signed URL.
        raise ConfigError(f"{name} must have no query (?) or fragment (#), got {value!r}")
    return value.rstrip("/") if parsed.scheme.startswith("http") else value


def _sid(name: str, value: str, prefix: str) -> str:
    if not re.fullmatch(rf"{prefix}[0-9a-fA-F]{{32}}", value):
        raise ConfigError(f"{name} must be '{prefix}' followed by 32 hex digits")
    return value


def _choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def _positive(name: str, value: str, kind: type[int] | type[float]) -> int | float:
    try:
        number = kind(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise ConfigError(f"{name} must be a positive {kind.__name__}, got {value!r}")
    return number


def _clock(name: str, value: str) -> int:
    """Minutes after midnight of an "HH:MM" value."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value)
    if not match:
        raise ConfigError(f"{name} must be a 24-hour time like 08:00, got {value!r}")
    return int(match[1]) * 60 + int(match[2])


def _window(name: str, value: str) -> tuple[int, int]:
    """Start and end minutes of an "HH:MM-HH:MM" value; the error names that whole format, not one time's."""
    start, _, end = value.partition("-")
    try:
        return _clock(name, start.strip()), _clock(name, end.strip())
    except ConfigError:
        raise ConfigError(f"{name} must be HH:MM-HH:MM in 24-hour time, like 21:00-08:00, got {value!r}") from None


def _zone(name: str, value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{name} must be an IANA time zone like America/Chicago, got {value!r}") from None
    return value


def _numbers(name: str, value: str) -> tuple[str, ...]:
    numbers = tuple(n.strip() for n in value.split(",") if n.strip())
    bad = [n for n in numbers if not E164.match(n)]
    if bad:
        raise ConfigError(f"{name} must be comma-separated E.164 numbers like +15555550123")
    return numbers


def _networks(name: str, value: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    try:
        return tuple(ipaddress.ip_network(part.strip()) for part in value.split(",") if part.strip())
    except ValueError:
        raise ConfigError(
            f"{name} must be comma-separated IP addresses or networks, like 10.0.0.5,10.1.0.0/16"
        ) from None


ALERT_LEVELS = ("possible", "high", "imminent")
"""Risk levels of a crisis conversation (service.conversation.talk.LEVELS), lowest first."""
ALERT_LEVELS_DEFAULT = frozenset({"high", "imminent"})
"""A disclosure or risk to life now alerts at once; a question asked on indirect signs waits in the queue."""


def _alert_levels(raw: str) -> frozenset[str]:
    levels = {part.strip().lower() for part in raw.split(",") if part.strip()}
    unknown = levels - set(ALERT_LEVELS)
    if unknown:
        raise ConfigError(f"ONCALL_ALERT_LEVELS takes {', '.join(ALERT_LEVELS)}, not {', '.join(sorted(unknown))}")
    return frozenset(levels | {"imminent"})  # risk to life now is always alerted at once


@dataclass(frozen=True)
class Config:
    """Every setting the service reads; field names are the environment variable names."""

    STEADYLINE_ENV: str = "development"
    REDIS_URL: str | None = None
    REDIS_APPENDFSYNC: str = "everysec"  # the embedded server's append-only file fsync policy
    TWILIO_ACCOUNT_SID: str | None = None
    TWILIO_AUTH_TOKEN: str = DEV_AUTH_TOKEN
    TWILIO_FROM_NUMBER: str | None = None
    TWILIO_MESSAGING_SERVICE_SID: str | None = None
    TWILIO_WHATSAPP_FROM: str | None = None  # the WhatsApp sender's number (E.164, sent as whatsapp:+...)
    TWILIO_API_BASE_URL: str | None = None
    PUBLIC_BASE_URL: str | None = None
    SMS_TRANSPORT: str = "console"
    SECRET_KEY: str = DEV_SECRET
    DATA_KEY: str = DEV_DATA_KEY
    ONCALL_NUMBERS: tuple[str, ...] = field(default_factory=tuple)
    ONCALL_WEBHOOK_URL: str | None = None
    ONCALL_WEBHOOK_SECRET: str | None = None
    ONCALL_ALERT_LEVELS: frozenset[str] = ALERT_LEVELS_DEFAULT  # risk levels alerted at once; imminent always is
    LOG_LEVEL: str = "INFO"
    SEND_RATE_PER_S: float = 10.0
    WHATSAPP_SEND_RATE_PER_S: float = 20.0  # WhatsApp's own per-sender rate, paced in a bucket of its own
    # Approved WhatsApp templates (Content API ContentSids) by "language:key", for texts sent outside the 24-hour
    # window; `steadyline whatsapp template` sets them in Redis too, which wins.
    WHATSAPP_CONTENT_SIDS: tuple[tuple[str, str], ...] = ()
    QUIET_HOURS: tuple[int, int] = (21 * 60, 8 * 60)  # minutes after local midnight: start, end
    DEFAULT_CHECKIN_TIME: int = 10 * 60
    DEFAULT_ZONE: str = "America/New_York"
    REMINDER_DELAY_MIN: int = 120
    QUESTION_TTL_H: int = 12
    LOW_STREAK: int = 3
    REFERRAL_FOLLOWUP_DAYS: int = 3
    ESCALATION_TEXT_DAYS: int = 30
    ESCALATION_KEEP_DAYS: int = 90
    ESCALATION_MAX_DAYS: int = 365
    CONSOLE_IDLE_MIN: int = 30
    OPERATOR_IDLE_MIN: int = 30  # an operator's hold on a conversation ends this long after their last text
    OPERATOR_UNREAD_ALERT_MIN: int = 10  # on-call is alerted when a held conversation's text waits this long unread
    TRUSTED_PROXIES: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = field(default_factory=tuple)
    INBOUND_PER_MINUTE: int = 10  # texts one person may send a minute before ordinary ones go unanswered
    INBOUND_PER_HOUR: int = 50  # and an hour
    SPOOL_DIR: str = "var/spool"  # crisis texts answered while Redis was down wait here (service.spool)

    @property
    def production(self) -> bool:
        return self.STEADYLINE_ENV == "production"


CONTENT_SID = re.compile(r"^HX[0-9a-fA-F]{32}\Z")
_TEMPLATE_FIELD = re.compile(r"^[a-z]{2}:[a-z0-9_.]+\Z")


def _content_sids(name: str, value: str) -> tuple[tuple[str, str], ...]:
    """ "en:checkin.ask=HX...,es:checkin.ask=HX..." as (("en:checkin.ask", "HX..."), ...)."""
    pairs = []
    for item in filter(None, (part.strip() for part in value.split(","))):
        field, _, sid = (side.strip() for side in item.partition("="))
        if not _TEMPLATE_FIELD.match(field) or not CONTENT_SID.match(sid):
            raise ConfigError(f'{name} takes "language:key=HX<32 hex>" pairs separated by commas, not "{item}"')
        pairs.append((field, sid))
    return tuple(pairs)


def _e164(name: str, value: str) -> str:
    if not E164.match(value):
        raise ConfigError(f"{name} must be an E.164 number like +15555550123")
    return value


def _whatsapp_from(name: str, value: str) -> str:
    if value.startswith("whatsapp:"):
        # The transport adds the channel prefix; a number written with it would be sent as whatsapp:whatsapp:+...
        raise ConfigError(f"{name} must be an E.164 number like +15555550123, without the whatsapp: prefix")
    return _e164(name, value)


def _data_key(name: str, value: str) -> str:
    try:
        privacy.keyring(value)
    except privacy.DataKeyError as exc:
        raise ConfigError(str(exc)) from None
    return value


def _text(name: str, value: str) -> str:
    return value


def _web_url(name: str, value: str) -> str:
    return _url(name, value, ("http", "https"))


def _count(name: str, value: str) -> int:
    return int(_positive(name, value, int))


def _rate(name: str, value: str) -> float:
    rate = float(_positive(name, value, float))
    if not math.isfinite(rate):  # float() reads "nan" and "inf", which would break the token bucket's arithmetic
        raise ConfigError(f"{name} must be a positive float, got {value!r}")
    return rate


_COUNTS = (
    "REMINDER_DELAY_MIN", "QUESTION_TTL_H", "LOW_STREAK", "REFERRAL_FOLLOWUP_DAYS", "CONSOLE_IDLE_MIN",
    "OPERATOR_IDLE_MIN", "OPERATOR_UNREAD_ALERT_MIN", "INBOUND_PER_MINUTE", "INBOUND_PER_HOUR",
    "ESCALATION_TEXT_DAYS", "ESCALATION_KEEP_DAYS", "ESCALATION_MAX_DAYS",
)  # fmt: skip
_PARSERS: dict[str, Callable[[str, str], object]] = {
    "STEADYLINE_ENV": lambda name, value: _choice(name, value, ENVIRONMENTS),
    "REDIS_URL": lambda name, value: _url(name, value, ("redis", "rediss", "unix")),
    "TWILIO_ACCOUNT_SID": lambda name, value: _sid(name, value, "AC"),
    "TWILIO_MESSAGING_SERVICE_SID": lambda name, value: _sid(name, value, "MG"),
    "TWILIO_FROM_NUMBER": _e164,
    "TWILIO_WHATSAPP_FROM": _whatsapp_from,
    "TWILIO_API_BASE_URL": _web_url,
    "PUBLIC_BASE_URL": _web_url,
    "ONCALL_WEBHOOK_URL": _web_url,
    "ONCALL_NUMBERS": _numbers,
    "ONCALL_ALERT_LEVELS": lambda name, value: _alert_levels(value),
    "REDIS_APPENDFSYNC": lambda name, value: _choice(name, value, APPENDFSYNC),
    "LOG_LEVEL": lambda name, value: _choice(name, value.upper(), ("DEBUG", "INFO", "WARNING", "ERROR")),
    "QUIET_HOURS": _window,
    "DEFAULT_CHECKIN_TIME": _clock,
    "DEFAULT_ZONE": _zone,
    "SEND_RATE_PER_S": _rate,
    "WHATSAPP_SEND_RATE_PER_S": _rate,
    "WHATSAPP_CONTENT_SIDS": _content_sids,
    **dict.fromkeys(_COUNTS, _count),
    "TRUSTED_PROXIES": _networks,
    "DATA_KEY": _data_key,
    **dict.fromkeys(("TWILIO_AUTH_TOKEN", "SECRET_KEY", "ONCALL_WEBHOOK_SECRET", "SPOOL_DIR"), _text),
}
"""How each setting read from the environment is checked and parsed; one missing from the environment keeps
Config's default."""


def load(environ: Mapping[str, str] | None = None) -> Config:
    """Parse settings from `environ` (default: the process environment); raise ConfigError on a bad value."""
    env = {k: v.strip() for k, v in (os.environ if environ is None else environ).items() if v.strip()}
    values = {name: parse(name, env[name]) for name, parse in _PARSERS.items() if name in env}
    has_credentials = "TWILIO_ACCOUNT_SID" in env and "TWILIO_AUTH_TOKEN" in env
    transport = env.get("SMS_TRANSPORT", "twilio" if has_credentials else "console")
    values["SMS_TRANSPORT"] = _choice("SMS_TRANSPORT", transport, TRANSPORTS)
    config = Config(**values)  # type: ignore[arg-type]
    _check_consistency(config, env)
    return config


def _check_consistency(config: Config, env: Mapping[str, str]) -> None:
    if config.SMS_TRANSPORT == "twilio":
        for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"):
            if name not in env:
                raise ConfigError(f"SMS_TRANSPORT=twilio needs {name}")
        if not (config.TWILIO_FROM_NUMBER or config.TWILIO_MESSAGING_SERVICE_SID):
            raise ConfigError("SMS_TRANSPORT=twilio needs TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID")
    if config.ONCALL_WEBHOOK_URL and not config.ONCALL_WEBHOOK_SECRET:
        raise ConfigError("ONCALL_WEBHOOK_URL needs ONCALL_WEBHOOK_SECRET, the key its alerts are signed with")
    if not config.ESCALATION_TEXT_DAYS <= config.ESCALATION_KEEP_DAYS <= config.ESCALATION_MAX_DAYS:
        raise ConfigError("ESCALATION_TEXT_DAYS <= ESCALATION_KEEP_DAYS <= ESCALATION_MAX_DAYS must hold")
    start, end = config.QUIET_HOURS
    if in_window(config.DEFAULT_CHECKIN_TIME, start, end):
        raise ConfigError("DEFAULT_CHECKIN_TIME falls inside QUIET_HOURS")
    if config.production:
        for name in ("SECRET_KEY", "DATA_KEY", "REDIS_URL", "TWILIO_AUTH_TOKEN"):
            if name not in env:
                raise ConfigError(f"{name} is required when STEADYLINE_ENV=production")


def in_window(minute: int, start: int, end: int) -> bool:
    """Whether a minute of the day lies in [start, end), a window that may wrap past midnight."""
    return start <= minute < end if start <= end else minute >= start or minute < end
