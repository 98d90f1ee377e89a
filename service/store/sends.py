"""Send records: the per-day claim that keeps a scheduled text to one a day, the idempotency claim of each send,
the console outbox, and each message's delivery status and the failure counts."""

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from redis import Redis
from redis.client import Pipeline
from redis.commands.core import Script

from service.store.keys import (
    FAILURES,
    MESSAGE_TTL_S,
    OUTBOX,
    OUTBOX_MAX,
    SENT_TTL_S,
    SID_TTL_S,
    message_key,
    sent_key,
    sid_key,
    spooled_key,
    user_key,
)
from service.store.users import CLAIM_FIELDS

if TYPE_CHECKING:
    from service.privacy import Keyring


def spooled(redis: Redis, message_sid: str) -> bool:
    return bool(redis.exists(spooled_key(message_sid)))


def mark_spooled(pipe: Pipeline, message_sid: str) -> None:
    """Record, in the same commit as its effects, that a spooled text is done; and claim its MessageSid, so a
    late redelivery of the webhook has no second effect."""
    pipe.set(spooled_key(message_sid), "1", ex=SID_TTL_S)
    pipe.set(sid_key(message_sid), "1", ex=SID_TTL_S)


# Replaces one outbox entry by value, wherever newer entries have pushed it: a concurrent push never misplaces it.
_REPLACE_OUTBOX_ENTRY = Script(
    None,
    b"""
local at = redis.call('LPOS', KEYS[1], ARGV[1])
if not at then return 0 end
redis.call('LSET', KEYS[1], at, ARGV[2])
return 1
""",
)


def reencrypt_outbox(redis: Redis, keys: "Keyring") -> int:
    """Re-encrypt the numbers in the console outbox not made with the current key; returns how many changed."""
    changed = 0
    for raw in redis.lrange(OUTBOX, 0, -1):
        entry = json.loads(raw)
        token = base64.b64decode(entry["to"])
        if not keys.current(token):
            entry["to"] = base64.b64encode(keys.encrypt(keys.decrypt(token))).decode()
            changed += _REPLACE_OUTBOX_ENTRY(keys=[OUTBOX], args=[raw, json.dumps(entry)], client=redis)
    return changed


# Claims "one `kind` text to this person on this local day" inside their own hash, so the guard costs no extra
# key per send (the design target: <= 400 bytes a subscriber). The field holds "<day>|c|<epoch>" while a send is under
# way, "<day>|s" once the provider took it, "<day>|f" after a permanent refusal. Returns "" when this call made
# the claim, else the value found (the caller tells "sent" from "a sender died mid-way" by it).
_CLAIM_DAY = Script(
    None,
    b"""
local found = redis.call('HGET', KEYS[1], ARGV[1])
if found and string.sub(found, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '|' then return found end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|c|' .. ARGV[3])
return ''
""",
)


@dataclass(frozen=True)
class DayClaim:
    """What claiming one day's send found: `made` by this call, `settled` earlier (sent, or refused for good),
    or neither, when an earlier sender claimed it at `since` and never reported back."""

    made: bool = False
    settled: bool = False
    since: datetime | None = None


def _day_claim(found: bytes | str) -> DayClaim:
    value = found.decode() if isinstance(found, bytes) else found
    if not value:
        return DayClaim(made=True)
    _day, state, *at = value.split("|")
    if state != "c":
        return DayClaim(settled=True)
    return DayClaim(since=datetime.fromtimestamp(int(at[0]), UTC))


def claim_days(redis: Redis, claims: list[tuple[str, str, int]], now: datetime) -> list[DayClaim]:
    """Claim (sender, kind, local date ordinal) sends in one round trip, each with what it found."""
    pipe = redis.pipeline(transaction=False)
    for sender, kind, day in claims:
        _CLAIM_DAY(keys=[user_key(sender)], args=[CLAIM_FIELDS[kind], day, int(now.timestamp())], client=pipe)
    return [_day_claim(found) for found in pipe.execute()]


def settle_day(pipe: Pipeline, sender: str, kind: str, day: int, sent: bool) -> None:
    """Record how a claimed send ended: taken by the provider, or refused for good."""
    pipe.hset(user_key(sender), CLAIM_FIELDS[kind], f"{day}|{'s' if sent else 'f'}")


def release_day(pipe: Pipeline, sender: str, kind: str) -> None:
    """Give back a day's claim after a passing provider error, so a later pass may send it."""
    pipe.hdel(user_key(sender), CLAIM_FIELDS[kind])


def claim_send(redis: Redis, idempotency_key: str) -> bool:
    """Claim the right to send one message once; False if it was claimed before (a retry, a second runner)."""
    return bool(redis.set(sent_key(idempotency_key), "1", nx=True, ex=SENT_TTL_S))


def release_send(redis: Redis, idempotency_key: str) -> None:
    """Give a claim back after the provider refused the message, so a retry may send it."""
    redis.delete(sent_key(idempotency_key))


def push_outbox(redis: Redis, entry: dict[str, str]) -> None:
    pipe = redis.pipeline()
    pipe.lpush(OUTBOX, json.dumps(entry))
    pipe.ltrim(OUTBOX, 0, OUTBOX_MAX - 1)
    pipe.execute()


def outbox(redis: Redis, limit: int = OUTBOX_MAX) -> list[dict[str, str]]:
    """Console-transport messages, oldest first."""
    return [json.loads(raw) for raw in reversed(redis.lrange(OUTBOX, 0, limit - 1))]


STATUS_RANK = {
    "receiving": 0,  # inbound statuses: never those of a message we sent, so they never move one
    "received": 0,
    "accepted": 1,  # a Messaging Service took it
    "scheduled": 1,
    "queued": 2,  # Twilio's queue: what a successful send returns
    "sending": 3,
    "sent": 4,  # the carrier has it
    "delivered": 5,
    "partially_delivered": 5,
    "undelivered": 5,
    "failed": 5,
    "canceled": 5,
    "read": 6,  # after delivered (WhatsApp and RCS read receipts)
}
"""Every status Twilio reports for a message, by how far along it is; a callback only ever moves a message up."""

FINAL_FAILURES = ("undelivered", "failed", "canceled")
"""After one of these nothing changes the record: a late "read" or "delivered" is noise."""


# The rank table is written into the script from STATUS_RANK, so Python and Lua cannot disagree about it.
_RECORD_STATUS = Script(
    None,
    (
        "local rank = {"
        + ", ".join(f"{status} = {rank}" for status, rank in STATUS_RANK.items())
        + "}\nlocal final = {"
        + ", ".join(f"{status} = true" for status in FINAL_FAILURES)
        + "}\n"
        + """
-- KEYS: the message hash, the failure counts. ARGV: status, error code ('' for none), TTL in seconds.
local current = redis.call('HGET', KEYS[1], 'status')
if current and (final[current] or (rank[current] or -1) >= rank[ARGV[1]]) then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[1], 'error', ARGV[2])
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
"""
    ).encode(),
)


def _record_status(client: Redis | Pipeline, message_sid: str, status: str, error_code: int | None) -> object:
    args = [status, "" if error_code is None else error_code, MESSAGE_TTL_S]
    return _RECORD_STATUS(keys=[message_key(message_sid), FAILURES], args=args, client=client)


def record_sent(pipe: Pipeline, message_sid: str, sender: str, kind: str) -> None:
    """Remember (on `pipe`) who a sent message went to and why, as "queued" unless a callback got there first."""
    pipe.hset(message_key(message_sid), mapping={"sender": sender, "kind": kind})
    _record_status(pipe, message_sid, "queued", None)


def record_status(redis: Redis, message_sid: str, status: str, error_code: int | None) -> bool:
    """Record a delivery report; False when it is a duplicate or older than what is recorded (nothing changed).

    A changed status with an error code also counts one failure under that code.
    """
    return bool(_record_status(redis, message_sid, status, error_code))


def message_status(redis: Redis, message_sid: str) -> dict[str, str]:
    """What is recorded about a sent message: sender, kind, status and the last error code, where known."""
    return {k.decode(): v.decode() for k, v in redis.hgetall(message_key(message_sid)).items()}


def message_sender(redis: Redis, message_sid: str) -> str | None:
    """The hashed id of the person a message was sent to, if record_sent saw it."""
    sender = redis.hget(message_key(message_sid), "sender")
    return sender.decode() if sender is not None else None


def record_failure(client: Redis | Pipeline, code: int) -> None:
    """Count a send Twilio refused, under its error code."""
    client.hincrby(FAILURES, str(code), 1)


def failures(redis: Redis) -> dict[int, int]:
    """Failed sends and deliveries by Twilio error code."""
    return {int(code): int(count) for code, count in redis.hgetall(FAILURES).items()}
