"""Data that stops growing: whole escalations are deleted after their retention (closed ones first), FORGET reads
only the person's own escalations, and junk senders leave no record."""

from datetime import UTC, datetime, timedelta

from redis import Redis

from service import store
from tests.texting import Texter
from workers import retention

NOW = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)


def add(redis: Redis, escalation_id: str, sender: str, at: datetime) -> None:
    pipe = redis.pipeline()
    store.add_escalation(pipe, escalation_id, sender, "suicide", at, "words", "••••0123")
    pipe.execute()


def commands(redis: Redis) -> int:
    """Commands the server has run since the last reset (every client)."""
    return sum(stats["calls"] for stats in redis.info("commandstats").values())


def test_forget_reads_only_the_persons_own_escalations(texter: Texter, redis: Redis) -> None:
    texter.send("i want to kill myself")
    ids = [i.decode() for i in redis.zrange(store.ESCALATIONS, 0, -1)]
    for others in (10, 5000):
        for n in range(others):
            add(redis, f"SMother{n}", f"other{n % 50}", NOW)  # the same ids again on the second round: 5000 in all
        redis.config_resetstat()
        texter.send("FORGET YES")
        spent = commands(redis)
        assert spent < 40, f"FORGET ran {spent} commands with {others} other escalations"
        texter.send("i want to kill myself")  # an escalation to erase on the next round
    [first] = ids
    assert store.escalation(redis, first)["state"] == "erased"
    assert store.escalation(redis, "SMother7")["text"] == "words"  # other people's are untouched


def test_escalations_recorded_before_the_index_are_found_after_the_backfill(texter: Texter, redis: Redis) -> None:
    texter.send("i want to kill myself")
    [escalation_id] = [i.decode() for i in redis.zrange(store.ESCALATIONS, 0, -1)]
    sender = store.escalation(redis, escalation_id)["sender"]
    redis.delete(store.person_escalations_key(sender))  # as a database from before the index was made
    assert store.index_person_escalations(redis) == 1
    assert store.index_person_escalations(redis) == 0  # once only
    texter.send("FORGET YES")
    assert store.escalation(redis, escalation_id)["state"] == "erased"


def test_closed_escalations_go_first_and_every_escalation_goes_in_the_end(redis: Redis) -> None:
    add(redis, "SMclosed", "a", NOW - timedelta(days=100))
    add(redis, "SMopen", "b", NOW - timedelta(days=100))
    add(redis, "SMancient", "c", NOW - timedelta(days=400))
    add(redis, "SMrecent", "a", NOW - timedelta(days=10))
    for escalation_id in ("SMclosed", "SMrecent"):
        assert store.close_escalation(redis, escalation_id, "op@example.org", True, NOW, "followed up") == "ok"
    assert retention.delete_old_escalations(redis, NOW, keep_days=90, max_days=365) == 2
    left = {i.decode() for i in redis.zrange(store.ESCALATIONS, 0, -1)}
    assert left == {"SMopen", "SMrecent"}  # an open one is kept until closed, up to the maximum
    assert not redis.exists(store.escalation_key("SMclosed"), store.escalation_notes_key("SMclosed"))
    assert redis.zcard(store.ESCALATIONS_CLOSED) == 1
    assert {m.decode() for m in redis.smembers(store.person_escalations_key("a"))} == {"SMrecent"}
    assert not redis.exists(store.person_escalations_key("c"))
    assert retention.delete_old_escalations(redis, NOW + timedelta(days=270), keep_days=90, max_days=365) == 2


def test_retention_runs_in_bounded_steps_over_many_escalations(redis: Redis) -> None:
    for n in range(retention.DELETE_BATCH + 250):
        add(redis, f"SMold{n}", f"p{n % 7}", NOW - timedelta(days=400))
    add(redis, "SMkept", "p0", NOW - timedelta(days=100))
    assert retention.delete_old_escalations(redis, NOW, keep_days=90, max_days=365) == retention.DELETE_BATCH + 250
    assert [i.decode() for i in redis.zrange(store.ESCALATIONS, 0, -1)] == ["SMkept"]
