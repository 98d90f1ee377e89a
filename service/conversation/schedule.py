"""Local time for check-ins: reading TIME and ZONE, guessing a zone from a number, and the next due instant.

Everything here is pure. Instants are timezone-aware UTC datetimes; a subscriber's time of day is minutes after
their local midnight, turned into an instant with zoneinfo on each local date, so daylight-saving changes move the
instant and never the wall-clock time.
"""

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import phonenumbers
from phonenumbers import timezone as phone_timezones

from service.config import in_window

# What people call US zones (in English and Spanish, without accents), to IANA names; the first name per zone is how
# we say it back in English (service/wording.py has the Spanish).
US_ZONES = {
    "America/New_York": ("Eastern", "east", "et", "est", "edt", "eastern time", "new york", "este", "hora del este"),
    "America/Chicago": ("Central", "ct", "cst", "cdt", "central time", "chicago", "centro", "hora del centro"),
    "America/Denver": ("Mountain", "mt", "mst", "mdt", "mountain time", "denver", "montana", "hora de la montana"),
    "America/Phoenix": ("Arizona", "az", "phoenix"),
    "America/Los_Angeles": (
        "Pacific", "west", "pt", "pst", "pdt", "pacific time", "los angeles", "california", "pacifico",
        "hora del pacifico",
    ),
    "America/Anchorage": ("Alaska", "akst", "akdt", "anchorage"),
    "Pacific/Honolulu": ("Hawaii", "hst", "honolulu", "hawai"),
    "America/Puerto_Rico": ("Atlantic", "ast", "puerto rico", "atlantico"),
}  # fmt: skip
_ZONE_WORDS = {word.casefold(): zone for zone, words in US_ZONES.items() for word in words}
_IANA = {name.casefold(): name for name in available_timezones()}
_IANA_NAMES = frozenset(_IANA.values())

# Where a number's prefix spans zones, the most populous one is the guess (the reply says how to change it).
ZONE_PREFERENCE = tuple(US_ZONES)

SCHEDULES = {"daily": "every day", "weekdays": "on weekdays", "alternate": "every other day"}
"""How often check-ins come, by stored name, with how replies say it."""

_TIME = re.compile(r"^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|a|p)?$")


# Spanish ways to say am/pm ("8 de la noche", "7 de la mañana").
_SPANISH_MERIDIEM = (("delamanana", "am"), ("delatarde", "pm"), ("delanoche", "pm"))


def _fold(text: str) -> str:
    """Lowercase without accents, so "Pacífico" reads as "pacifico" and "mañana" as "manana"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))


def parse_time(text: str) -> int | None:
    """Minutes after midnight for "8pm", "8 pm", "20:30", "7:15 am", "0730", "noon", "8 de la noche"; None if
    unreadable."""
    value = _fold(text.strip()).replace(" ", "")
    for spanish, meridiem in _SPANISH_MERIDIEM:
        value = value.removesuffix(spanish) + meridiem if value.endswith(spanish) else value
    if value in ("noon", "midday", "mediodia"):
        return 12 * 60
    match = _TIME.match(value)
    if not match:
        return None
    hour, minute, meridiem = int(match[1]), int(match[2] or 0), (match[3] or "")[:1]
    if minute > 59 or hour > 23 or (meridiem and not 1 <= hour <= 12):
        return None
    if meridiem == "p" and hour != 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return hour * 60 + minute


def format_time(minutes: int) -> str:
    """ "8:00 PM" style, as people read times in the US."""
    hour, minute = divmod(minutes, 60)
    return f"{(hour % 12) or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def parse_zone(text: str) -> str | None:
    """An IANA zone name for "Pacific", "PST", "america/chicago"; None if unknown."""
    value = " ".join(_fold(text.strip()).replace("_", " ").split())
    return _ZONE_WORDS.get(value) or _IANA.get(value.replace(" ", "_"))


def zone_label(zone: str) -> str:
    return US_ZONES[zone][0] if zone in US_ZONES else zone


@lru_cache(maxsize=4096)
def guess_zone(number: str, default: str) -> str:
    """The zone a phone number most likely lives in, from the phonenumbers library's prefix data.

    Cached: parsing a number costs more than the rest of a webhook's Python, and people text in runs."""
    try:
        parsed = phonenumbers.parse(number)
    except phonenumbers.NumberParseException:
        return default
    known = [zone for zone in phone_timezones.time_zones_for_number(parsed) if zone in _IANA_NAMES]
    preferred = [zone for zone in ZONE_PREFERENCE if zone in known]
    if not known and parsed.country_code != 1:
        # Mobiles carry no place ("+44 7..." is Etc/Unknown): the zone of the country's example landline number
        # (its main zone, in the library's own data) beats telling a UK number "10:00 AM Eastern".
        known = _country_zones(phonenumbers.region_code_for_country_code(parsed.country_code or 0))
    return (preferred or known or [default])[0]


@lru_cache(maxsize=256)
def _country_zones(region: str) -> list[str]:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    zones = phone_timezones.time_zones_for_number(example) if example else ()
    return [zone for zone in zones if zone in _IANA_NAMES]


def runs_on(schedule: str, day: date, anchor: int) -> bool:
    """Whether a check-in is due on local `day`; `anchor` (a date ordinal) fixes which days "alternate" uses."""
    if schedule == "weekdays":
        return day.weekday() < 5
    if schedule == "alternate":
        return (day.toordinal() - anchor) % 2 == 0
    return True


def instant(day: date, minutes: int, zone: str) -> datetime:
    """The UTC instant of a local wall-clock time; a time skipped by a DST change lands just after the jump."""
    local = datetime.combine(day, time(minutes // 60, minutes % 60), ZoneInfo(zone))
    return local.astimezone(UTC)


def local_day(at: datetime, zone: str) -> date:
    return at.astimezone(ZoneInfo(zone)).date()


def next_due(
    after: datetime, minutes: int, zone: str, schedule: str = "daily", anchor: int = 0, paused_until: int = 0
) -> datetime:
    """The first check-in instant strictly after `after`, on a scheduled local date not before `paused_until`."""
    day = local_day(after, zone)
    for offset in range(0, 15):
        candidate = day + timedelta(days=offset)
        if candidate.toordinal() < paused_until or not runs_on(schedule, candidate, anchor):
            continue
        due = instant(candidate, minutes, zone)
        if due > after:
            return due
    raise ValueError(f"no check-in day within two weeks for schedule {schedule!r}")  # unreachable for SCHEDULES


def quiet(minutes: int, quiet_hours: tuple[int, int]) -> bool:
    """Whether a local time of day falls inside quiet hours (a window that may wrap past midnight)."""
    return in_window(minutes, *quiet_hours)


def local_minutes(at: datetime, zone: str) -> int:
    local = at.astimezone(ZoneInfo(zone))
    return local.hour * 60 + local.minute


def valid_zone(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
