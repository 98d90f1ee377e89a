"""Operator-published template texts over the defaults in messages/*.yaml, seen by every process within seconds.

A publish writes the text, a version record and a bumped generation number in one transaction. Each process
keeps the published texts in memory and asks for the generation at most every REFRESH_S seconds, so the hot
path costs one GET every few seconds, not one per text. When Redis cannot be reached the last texts seen stay in
use (a crisis reply must still go out), and a process that never saw any uses the defaults.
"""

import hashlib
import threading
import time

from redis import Redis, RedisError

from messages import catalog
from service import clock, store

REFRESH_S = 2.0
"""How stale a process's view of published texts may be: a publish reaches every process within this."""


class Published:
    """One process's cache of the published texts."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._generation: bytes | None = None
        self._checked = float("-inf")
        self._lock = threading.Lock()

    def texts(self, redis: Redis | None) -> dict[str, str]:
        """Published texts by "language:key", refreshed when the generation changed (never with `redis` None)."""
        now = time.monotonic()
        if redis is None or now - self._checked < REFRESH_S:
            return self._texts
        with self._lock:
            self._checked = now
            try:
                self._generation, texts = store.published_if_changed(redis, self._generation)
                if texts is not None:
                    self._texts = texts
            except RedisError:
                pass  # keep what we had: better a slightly old text than none
        return self._texts

    def forget(self) -> None:
        """Make the next read ask Redis (after a publish in this process, and when tests flush Redis)."""
        self._checked = float("-inf")
        self._generation = None
        self._texts = {}


PUBLISHED = Published()


def current(redis: Redis | None, key: str, language: str = catalog.DEFAULT_LANGUAGE) -> str:
    """The text template `key` has now: the published one, else the default. With `redis` None (Redis is down),
    the texts this process last saw."""
    return PUBLISHED.texts(redis).get(f"{language}:{key}") or catalog.load(language)[key].text


def latest(redis: Redis, key: str, language: str = catalog.DEFAULT_LANGUAGE) -> str:
    """The text published for `key` right now, read from Redis, never from this process's cache: what an editor
    must start from (the cache may be REFRESH_S behind a publish made by another process)."""
    published = store.published_text(redis, f"{language}:{key}")
    return published if published is not None else catalog.load(language)[key].text


def digest(text: str) -> str:
    """A short fingerprint of a text, so a publish can say which text it was built on."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def text(redis: Redis | None, key: str, language: str = catalog.DEFAULT_LANGUAGE, **values: str) -> str:
    """The rendered text of template `key`, with the catalog's default values and `values`."""
    return catalog.render(current(redis, key, language), catalog.default_values() | values)


def publish(
    redis: Redis, key: str, new_text: str | None, author: str, action: str, language: str = catalog.DEFAULT_LANGUAGE
) -> int:
    """Publish `new_text` for `key` (None: back to the default) as a new version; returns its number.

    Callers validate first (service.admin validates placeholders, length and required content).
    """
    record: dict[str, object] = {
        "text": new_text if new_text is not None else catalog.load(language)[key].text,
        "author": author, "at": clock.now().isoformat(timespec="seconds"), "action": action,
    }  # fmt: skip
    version = store.publish_template(redis, f"{language}:{key}", new_text, record)
    PUBLISHED.forget()
    return version


def versions(redis: Redis, key: str, language: str = catalog.DEFAULT_LANGUAGE) -> list[dict[str, object]]:
    """Every published version of `key`, oldest first."""
    return store.template_versions(redis, f"{language}:{key}")
