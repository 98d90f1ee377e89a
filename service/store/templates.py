"""Operators' template texts over the catalog's defaults: the published texts, each one's versions, and the
generation number every process polls to know when to read them again."""

import json

from redis import Redis

from service.store.keys import TEMPLATE_GENERATION, TEMPLATE_TEXTS, WHATSAPP_CONTENT, template_versions_key


def published_if_changed(redis: Redis, seen: bytes | None) -> tuple[bytes | None, dict[str, str] | None]:
    """The generation now, and the published texts by "language:key" if it is not `seen` (else None)."""
    generation = redis.get(TEMPLATE_GENERATION)
    if generation == seen:
        return generation, None
    return generation, {k.decode(): v.decode() for k, v in redis.hgetall(TEMPLATE_TEXTS).items()}


def published_text(redis: Redis, field: str) -> str | None:
    """The text published for "language:key" right now, or None for the default."""
    found = redis.hget(TEMPLATE_TEXTS, field)
    return found.decode() if found is not None else None


def publish_template(redis: Redis, field: str, text: str | None, record: dict[str, object]) -> int:
    """Publish `text` for "language:key" (None: back to the default), append `record` to its versions with the
    version's number, and bump the generation, in one transaction; returns the number."""
    version = redis.llen(template_versions_key(field)) + 1
    pipe = redis.pipeline()
    if text is None:
        pipe.hdel(TEMPLATE_TEXTS, field)
    else:
        pipe.hset(TEMPLATE_TEXTS, field, text)
    pipe.rpush(template_versions_key(field), json.dumps({"version": version, **record}))
    pipe.incr(TEMPLATE_GENERATION)
    pipe.execute()
    return version


def template_versions(redis: Redis, field: str) -> list[dict[str, object]]:
    """Every published version of "language:key", oldest first."""
    return [json.loads(item) for item in redis.lrange(template_versions_key(field), 0, -1)]


def content_sids(redis: Redis) -> dict[str, str]:
    """The approved WhatsApp templates set in Redis, "language:key" -> ContentSid."""
    return {k.decode(): v.decode() for k, v in redis.hgetall(WHATSAPP_CONTENT).items()}


def set_content_sid(redis: Redis, field: str, sid: str | None) -> None:
    """Set (or with None, remove) the approved WhatsApp template for "language:key"."""
    if sid is None:
        redis.hdel(WHATSAPP_CONTENT, field)
    else:
        redis.hset(WHATSAPP_CONTENT, field, sid)
