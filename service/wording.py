"""How the values the line fills into check-in replies read in each language: zone names, how often, days, and
whether check-ins are on or paused. Spanish values follow the catalog's encoding rule (GSM-7: no á í ó ú)."""

from datetime import date

from service.conversation import schedule

_ZONES_ES = {
    "America/New_York": "Este", "America/Chicago": "Centro", "America/Denver": "Montaña",
    "America/Phoenix": "Arizona", "America/Los_Angeles": "Pacifico", "America/Anchorage": "Alaska",
    "Pacific/Honolulu": "Hawai", "America/Puerto_Rico": "Atlantico",
}  # fmt: skip
_SCHEDULES_ES = {"daily": "todos los dias", "weekdays": "de lunes a viernes", "alternate": "un dia si y otro no"}
_DAYS_ES = ("lun", "mar", "mie", "jue", "vie", "sab", "dom")
_MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")

_STATES = {
    "en": {"on": "on", "until": "paused until {day}", "forever": "paused until you text RESUME"},
    "es": {"on": "activos", "until": "en pausa hasta el {day}", "forever": "en pausa hasta que mandes SEGUIR"},
}
_UNTIL_RESUME = {"en": "you text RESUME", "es": "que mandes SEGUIR"}


def zone(name: str, language: str) -> str:
    """A zone as the person would say it: "Pacific" / "Pacifico", else its IANA name."""
    if language == "es" and name in _ZONES_ES:
        return _ZONES_ES[name]
    return schedule.zone_label(name)


def how_often(name: str, language: str) -> str:
    """A schedule ("daily", "weekdays", "alternate") in words."""
    names = _SCHEDULES_ES if language == "es" else schedule.SCHEDULES
    return names.get(name, names["daily"])


def day(ordinal: int, language: str) -> str:
    """A date as "Tue Nov 24" / "mar 24 nov"."""
    when = date.fromordinal(ordinal)
    if language == "es":
        return f"{_DAYS_ES[when.weekday()]} {when.day} {_MONTHS_ES[when.month - 1]}"
    return when.strftime("%a %b %-d")


def pause_end(ordinal: int, language: str) -> str:
    """The day a pause of some days ends, as a reply says it after "until" / "hasta"."""
    return f"el {day(ordinal, language)}" if language == "es" else day(ordinal, language)


def until_resume(language: str) -> str:
    """The end of a pause without a number of days."""
    return _UNTIL_RESUME.get(language, _UNTIL_RESUME["en"])


def check_in_state(paused_until: int | None, language: str, forever: bool = False) -> str:
    """Check-ins "on", "paused until <day>", or paused until RESUME, in words."""
    words = _STATES.get(language, _STATES["en"])
    if forever:
        return words["forever"]
    return words["on"] if paused_until is None else words["until"].format(day=day(paused_until, language))
