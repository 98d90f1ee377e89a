"""The one clock the service reads. Every instant a request or job acts on comes from here, so a test sets time
on the app it built instead of patching modules, and the suite passes on any date."""

from datetime import UTC, datetime, timedelta

from flask import Flask, current_app, has_app_context


class Clock:
    """The wall clock in UTC, until a test sets it; once set it stands still until set or advanced again."""

    def __init__(self) -> None:
        self._at: datetime | None = None

    def now(self) -> datetime:
        return self._at if self._at is not None else datetime.now(UTC)

    def time(self) -> float:
        """Seconds since the epoch, like time.time()."""
        return self.now().timestamp()

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("the clock takes aware datetimes only")
        self._at = at.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self.set(self.now() + delta)


def init_app(app: Flask) -> None:
    app.extensions["clock"] = Clock()


WALL = Clock()
"""What code running outside any app (a library call from a script or a test) reads: never set."""


def get_clock() -> Clock:
    """The clock of the app in context."""
    return current_app.extensions["clock"] if has_app_context() else WALL


def now() -> datetime:
    """The current instant for the app in context."""
    return get_clock().now()
