"""Consistency per person: texts from one number that arrive at the same instant, on different gunicorn
processes and threads, act one at a time: one welcome per new number, one follow-up per check-in answer, each
answer counted once."""

import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from redis import Redis

from messages import catalog
from service import embedded, store
from service.config import DEV_DATA_KEY
from service.conversation import schedule
from service.privacy import sender_id
from tests.live import clean_env, gunicorn, post_webhook, signed_params

pytestmark = pytest.mark.faults

NUMBERS = 20
AT_ONCE = 20


@pytest.fixture(scope="module")
def web(redis_server: embedded.EmbeddedServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under gunicorn: two worker processes of ten threads, so one person's texts race across both."""
    env = clean_env(REDIS_URL=redis_server.url, LOG_LEVEL="WARNING", INBOUND_PER_MINUTE="1000")
    with gunicorn(env, tmp_path_factory.mktemp("gunicorn") / "gunicorn.log", threads=10) as url:
        yield url


def at_once(url: str, texts: list[tuple[str, str]]) -> list[list[str]]:
    """Post every (number, body) with AT_ONCE texts per number released together; each one's replies."""
    numbers = sorted({number for number, _ in texts})
    gates = {number: threading.Barrier(AT_ONCE) for number in numbers}

    def post(text: tuple[str, str]) -> list[str]:
        gates[text[0]].wait(timeout=60)
        status, replies = post_webhook(url, signed_params(*text), timeout=60)
        assert status == 200
        return replies

    # One number's texts side by side, so each barrier fills at once.
    ordered = sorted(texts, key=lambda text: numbers.index(text[0]))
    with ThreadPoolExecutor(max_workers=AT_ONCE * 2) as pool:
        return list(pool.map(post, ordered, timeout=300))


def test_twenty_first_texts_at_once_from_a_new_number_get_one_welcome(web: str, redis: Redis) -> None:
    numbers = [f"+1415555{n:04d}" for n in range(NUMBERS)]
    replies = at_once(web, [(number, "what is klonopin") for number in numbers for _ in range(AT_ONCE)])
    welcome, about = catalog.text("welcome"), catalog.text("topic.about")
    assert Counter(r.count(welcome) for r in replies) == {1: NUMBERS, 0: NUMBERS * (AT_ONCE - 1)}
    assert all(r[-1] == about for r in replies)  # and every text got its answer


def test_twenty_answers_at_once_to_one_checkin_get_one_follow_up_and_count_once(web: str, redis: Redis) -> None:
    now = datetime.fromtimestamp(time.time(), UTC)  # the gunicorn processes read the wall clock
    numbers = [f"+1415556{n:04d}" for n in range(NUMBERS)]
    pipe = redis.pipeline()
    for number in numbers:
        day = schedule.local_day(now, "America/Los_Angeles").toordinal()
        asked = {"question": "mood", "asked_at": int(now.timestamp()), "question_day": day, "subscription": "active"}
        store.mark_seen(pipe, sender_id(number, DEV_DATA_KEY), now)
        store.update_user(pipe, sender_id(number, DEV_DATA_KEY), asked | {"zone": "America/Los_Angeles"})
    pipe.execute()

    replies = at_once(web, [(number, "3") for number in numbers for _ in range(AT_ONCE)])
    follow_up = catalog.text("checkin.ask_craving")
    assert Counter(follow_up in r for r in replies) == {True: NUMBERS, False: NUMBERS * (AT_ONCE - 1)}
    stats = store.daily_stats(redis, [now.date()])[0]
    assert stats["answered"] == NUMBERS and stats["mood_3"] == NUMBERS  # was 48 counted for 30 answers
    assert all(store.user_state(redis, sender_id(n, DEV_DATA_KEY)).question == "craving" for n in numbers)
