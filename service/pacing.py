"""Token buckets in Redis that every worker process shares, so all sends together stay under SEND_RATE_PER_S (SMS,
store.SEND_BUCKET) and WHATSAPP_SEND_RATE_PER_S (WhatsApp, keys.SEND_BUCKET_WHATSAPP)."""

import time

from redis import Redis
from redis.commands.core import Script

from service import store

# Refill and take in one script, so two workers can never both spend the last token. Without an injected `now`
# the server's clock is used: every worker then agrees on the time, whatever their own clocks say.
_TAKE = Script(
    None,
    b"""
-- KEYS[1]: the bucket {tokens, ts}. ARGV: rate per second, burst, now in seconds ('' for the server's clock),
-- how many tokens are wanted (all that are there, up to that many, are taken).
local rate, burst, now, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens, ts = tonumber(state[1]) or burst, tonumber(state[2]) or now
-- Time never runs backwards for the bucket: a caller behind it gets no refill rather than a negative one.
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate)
  ts = now
end
local taken, wait = 0, 0
if tokens >= 1 then
  taken = math.min(want, math.floor(tokens))
  tokens = tokens - taken
else
  wait = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'ts', string.format('%.6f', ts))
-- Once full again the bucket is the same as no bucket, so it may go.
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {taken, string.format('%.6f', wait)}
""",
)


def take_up_to(
    redis: Redis,
    rate_per_s: float,
    burst: float,
    want: int,
    now: float | None = None,
    bucket: str = store.SEND_BUCKET,
) -> tuple[int, float]:
    """Take up to `want` tokens from `bucket`: (how many were taken, and if none, seconds until one will be there)."""
    args = [rate_per_s, burst, "" if now is None else now, want]
    taken, wait = _TAKE(keys=[bucket], args=args, client=redis)
    return int(taken), float(wait)


def take(
    redis: Redis, rate_per_s: float, burst: float, now: float | None = None, bucket: str = store.SEND_BUCKET
) -> float:
    """Take one token: 0 if taken, else how many seconds until one will be there (nothing is taken then)."""
    return take_up_to(redis, rate_per_s, burst, 1, now, bucket)[1]


def wait_for_tokens(redis: Redis, rate_per_s: float, want: int = 1, bucket: str = store.SEND_BUCKET) -> int:
    """Block until this process may send at least one message; returns how many (up to `want`) it may send now.
    The bucket allows a burst of one second's worth."""
    burst = max(1.0, rate_per_s)
    while True:
        taken, wait = take_up_to(redis, rate_per_s, burst, want, bucket=bucket)
        if taken:
            return taken
        time.sleep(wait)
