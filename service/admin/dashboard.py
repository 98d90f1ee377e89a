"""The dashboard: aggregate engagement only, never a message body or a number.

Every figure comes from small precomputed data: the daily counters (store.stats_key), the failure counts by error
code, the escalation sets' sizes, and the subscriber snapshot that workers.stats refreshes every ten minutes.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import render_template
from flask.typing import ResponseReturnValue
from markupsafe import Markup

from messages import catalog
from service import clock, store
from service.admin import charts
from service.admin.auth import require
from service.admin.blueprint import bp
from service.connection import get_redis
from service.twilio import errors
from workers import stats

HISTORY_DAYS = 30
WINDOWS = (7, 30)

MOODS = (("1 (worst)", "#b2182b"), ("2", "#ef8a62"), ("3", "#8c8c8c"), ("4", "#67a9cf"), ("5 (best)", "#2166ac"))
"""Each answer's label and colour: a diverging red-grey-blue scale, told apart with red-green colour blindness too."""


@dataclass(frozen=True)
class Window:
    """Totals over the last `days` UTC days, today included."""

    days: int
    checkins: int
    answered: int
    referrals: int
    crisis_events: int
    watch: int  # texts close to a crisis (service.crisis.verdict WATCH band)

    @property
    def answer_rate(self) -> str:
        return f"{self.answered / self.checkins:.0%}" if self.checkins else "n/a"


def window(daily: list[dict[str, int]], days: int) -> Window:
    """Totals over the last `days` of `daily` (oldest first)."""

    def total(counter: str) -> int:
        return sum(day.get(counter, 0) for day in daily[-days:])

    return Window(
        days, total("checkin_sent"), total("answered"), total("referral_sent"), total("crisis_events"), total("watch")
    )


PHONE_DAYS = 14
"""Days the phone-width chart shows: the most recent ones, in a viewBox narrow enough to read at 390 px."""
PHONE_WIDTH = 380


def mood_chart(columns: list[str], rows: list[list[int]], chart_id: str = "moods", width: int = charts.WIDTH) -> Markup:
    """The 1-5 answers per day (`rows`: one list of five counts per column) as a stacked bar chart."""
    series = [charts.Series(label, colour, [row[n] for row in rows]) for n, (label, colour) in enumerate(MOODS)]
    totals = ", ".join(f"{s.label}: {sum(s.values)}" for s in series)
    return charts.stacked_bars(
        chart_id,
        f"Check-in answers (1-5) per day, last {len(columns)} days",
        f"Stacked bars, one per UTC day, of how many answered each of 1 to 5. Totals: {totals}. "
        "The table below the chart has each day's numbers.",
        columns,
        series,
        label_every=5 if width == charts.WIDTH else 4,
        width=width,
    )


def subscriber_snapshot(now: datetime) -> dict[str, str]:
    """The latest counts; taken now, once, when no worker has taken any yet ({} if one is being taken)."""
    redis = get_redis()
    return store.subscriber_counts(redis) or {k: str(v) for k, v in (stats.take(redis, now) or {}).items()}


def by_language(subscribers: dict[str, str], daily: list[dict[str, int]]) -> list[tuple[str, str, str, int]]:
    """Per language: everyone who has texted, active subscribers (from the snapshot), and crisis messages over
    the last 30 days."""
    return [
        (
            catalog.LANGUAGE_NAMES[lang],
            subscribers.get(f"people_{lang}", "0"),
            subscribers.get(f"active_{lang}", "0"),
            sum(day.get(f"crisis_events_{lang}", 0) for day in daily),
        )
        for lang in catalog.LANGUAGES
    ]


@bp.get("/")
@require("viewer")
def dashboard() -> ResponseReturnValue:
    """Aggregate engagement: subscribers, check-ins, answers, referrals, escalations and delivery failures."""
    redis = get_redis()
    now = clock.now()
    days = [now.date() - timedelta(days=back) for back in range(HISTORY_DAYS - 1, -1, -1)]
    daily = store.daily_stats(redis, days)
    columns = [f"{day:%b} {day.day}" for day in days]
    moods = [[counts.get(f"mood_{n}", 0) for n in range(1, len(MOODS) + 1)] for counts in daily]
    failures = sorted(store.failures(redis).items(), key=lambda item: (-item[1], item[0]))
    subscribers = subscriber_snapshot(now)
    return render_template(
        "admin/dashboard.html",
        subscribers=subscribers,
        languages=by_language(subscribers, daily),
        windows=[window(daily, days_back) for days_back in WINDOWS],
        chart=mood_chart(columns, moods),
        phone_chart=mood_chart(columns[-PHONE_DAYS:], moods[-PHONE_DAYS:], "moods-recent", PHONE_WIDTH),
        moods=list(zip(columns, moods, strict=True)),
        mood_labels=[label for label, _ in MOODS],
        open_escalations=store.open_escalation_count(redis),
        failures=[(code, count, errors.meaning(code)) for code, count in failures],
    )
