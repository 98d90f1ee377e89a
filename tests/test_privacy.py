"""Numbers are encrypted at rest and keyed by a keyed hash; keys can be rotated without losing anyone."""

from datetime import datetime, timedelta

import pytest
from flask import Flask
from redis import Redis

from messages import catalog
from service import cli, config, create_app, privacy, store
from service.privacy import keyring
from tests.test_checkins import NEW_YORK, START, Line, at
from workers import retention


def raw_dump(redis: Redis) -> bytes:
    return b" ".join(redis.dump(key) or b"" for key in redis.scan_iter(count=1000))


def test_no_number_is_stored_in_clear_after_a_full_journey(line: Line, redis: Redis) -> None:
    line.subscribe()
    line.tick(at("2026-11-23T10:00:00-05:00"))
    line.text("2")
    line.text("i want to die")
    digits = NEW_YORK.encode()
    assert digits not in raw_dump(redis) and digits[2:] not in raw_dump(redis)
    # And yet the scheduled texts still reach the person: the caring follow-up the day after the crisis text.
    [sent] = line.tick(at("2026-11-24T10:00:00-05:00"))
    assert (sent["kind"], sent["to"]) == ("followup", NEW_YORK)


def test_keygen_prints_a_usable_key(capsys) -> None:
    assert cli.main(["keygen"]) == 0
    key = capsys.readouterr().out.strip()
    assert keyring(key).decrypt(keyring(key).encrypt("+15555550123")) == "+15555550123"
    assert key == config.load({"DATA_KEY": key}).DATA_KEY


@pytest.mark.parametrize("bad", ["short", "not base64 at all!!", privacy.new_key()[:20]])
def test_a_malformed_data_key_fails_at_boot(bad: str) -> None:
    with pytest.raises(config.ConfigError, match="DATA_KEY"):
        config.load({"DATA_KEY": bad})


def test_rotation_keeps_every_record_reachable_and_reencrypts(redis_server, redis: Redis, monkeypatch) -> None:
    old = privacy.new_key()
    app = create_app({"REDIS_URL": redis_server.url, "DATA_KEY": old, "SEND_RATE_PER_S": "100000"})
    subscriber = Line(app, redis)
    subscriber.subscribe()
    rotated = f"{privacy.new_key()},{old}"  # the new key first; the old one stays to decrypt, and as lookup key
    assert keyring(rotated).sender_id(NEW_YORK) == keyring(old).sender_id(NEW_YORK)
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    monkeypatch.setenv("DATA_KEY", rotated)
    assert cli.main(["rotate-key"]) == 0
    token = redis.hget(store.user_key(subscriber.sender), "n")
    assert keyring(rotated).current(token) and keyring(rotated).decrypt(token) == NEW_YORK
    with pytest.raises(privacy.DataKeyError):
        keyring(privacy.new_key()).decrypt(token)


@pytest.fixture
def line(app: Flask, redis: Redis) -> Line:
    app.extensions["clock"].set(START)  # the check-in days below follow from it, whatever today is
    return Line(app, redis)


def test_forget_asks_first_then_erases_all_but_an_opt_out(line: Line, redis: Redis) -> None:
    line.subscribe()
    line.text("i want to die")
    assert line.text("FORGET") == [catalog.text("forget.confirm")]
    assert redis.exists(store.user_key(line.sender))  # nothing erased yet
    assert line.text("  forget   yes ") == [catalog.text("forget.done")]
    assert not redis.exists(store.user_key(line.sender))
    assert line.due() is None and redis.zcard(store.LATER) == 0
    [event] = store.recent_escalations(redis)
    assert event["state"] == "erased" and {"text", "masked", "sender"}.isdisjoint(event)
    assert line.text("hello") == [catalog.text("welcome")]  # a new person, as far as the line knows


def test_forget_after_stop_keeps_the_opt_out(line: Line, redis: Redis) -> None:
    line.subscribe()
    line.text("STOP")
    assert line.text("FORGET YES") == [catalog.text("forget.done")]
    assert redis.hgetall(store.user_key(line.sender)).keys() == {b"out", b"out_at"}
    assert line.text("MENU") == []  # still opted out: silence


def test_retention_erases_old_crisis_words_and_keeps_recent_ones(texter, redis: Redis) -> None:
    texter.send("i want to kill myself")
    [event] = store.recent_escalations(redis)
    now = datetime.fromisoformat(event["at"])
    assert retention.redact_old_escalations(redis, now + timedelta(days=29), days=30) == 0
    assert retention.redact_old_escalations(redis, now + timedelta(days=31), days=30) == 1
    [kept] = store.recent_escalations(redis)
    assert "text" not in kept and "masked" not in kept and kept["category"] == "suicide"
