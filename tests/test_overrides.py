"""Published template texts reach replies and scheduled sends without a restart, and never block a crisis reply."""

from redis import Redis

from messages import catalog
from service import overrides
from tests.texting import Texter


def test_a_published_topic_text_is_the_next_reply(known_texter: Texter, redis: Redis) -> None:
    overrides.publish(redis, "topic.sleep", "New sleep text from {program}.", "editor@example.org", "publish")
    assert known_texter.send("SLEEP") == ["New sleep text from Steadyline."]
    overrides.publish(redis, "topic.sleep", None, "editor@example.org", "reset to default")
    assert known_texter.send("SLEEP") == [catalog.text("topic.sleep")]


def test_another_process_sees_a_publish_within_the_refresh_interval(redis: Redis, monkeypatch) -> None:
    other = overrides.Published()  # as in another web or worker process
    clock = [1000.0]
    monkeypatch.setattr(overrides.time, "monotonic", lambda: clock[0])
    assert other.texts(redis) == {}
    overrides.publish(redis, "topic.menu", "Menu v2", "editor@example.org", "publish")
    assert other.texts(redis) == {}  # within REFRESH_S it still uses what it had
    clock[0] += overrides.REFRESH_S
    assert other.texts(redis) == {"en:topic.menu": "Menu v2"}


def test_versions_record_every_publish_with_author_and_action(redis: Redis) -> None:
    overrides.publish(redis, "help", "Help v1 {program}", "a@example.org", "publish")
    overrides.publish(redis, "help", None, "b@example.org", "reset to default")
    first, second = overrides.versions(redis, "help")
    assert (first["version"], first["author"], first["text"]) == (1, "a@example.org", "Help v1 {program}")
    assert (second["version"], second["action"], second["text"]) == (2, "reset to default", catalog.load()["help"].text)


def test_with_redis_unreachable_the_last_texts_seen_are_used(redis: Redis) -> None:
    overrides.publish(redis, "crisis.suicide", "Published crisis text: call or text 988.", "a@example.org", "publish")
    assert overrides.text(redis, "crisis.suicide") == "Published crisis text: call or text 988."
    assert overrides.text(None, "crisis.suicide") == "Published crisis text: call or text 988."
