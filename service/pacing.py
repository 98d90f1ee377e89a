"""A token bucket in Redis that every worker process shares, so all sends together stay under SEND_RATE_PER_S."""

import time

from redis import Redis
from redis.commands.core import Script

from service import store

# Refill and take in one script, so two workers can never both spend the last token. Without an injected `now`
# the server's clock is used: every worker then agrees on the time, whatever their own clocks say.
_TAKE = Script(
    None,
    b"""
-- KEYS[1]: the bucket {tokens, ts}. ARGV: rate per second, burst, now in seconds ('' for the server's clock).
local rate, burst, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
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
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'ts', string.format('%.6f', ts))
-- Once full again the bucket is the same as no bucket, so it may go.
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return string.format('%.6f', wait)
""",
)


def take(redis: Redis, rate_per_s: float, burst: float, now: float | None = None) -> float:
    """Take one token: 0 if taken, else how many seconds until one will be there (nothing is taken then)."""
    args = [rate_per_s, burst, "" if now is None else now]
    return float(_TAKE(keys=[store.SEND_BUCKET], args=args, client=redis))


def wait_for_token(redis: Redis, rate_per_s: float) -> None:
    """Block until this process may send one message; the bucket allows a burst of one second's worth."""
    burst = max(1.0, rate_per_s)
    while (wait := take(redis, rate_per_s, burst)) > 0:
        time.sleep(wait)
