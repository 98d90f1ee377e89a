"""Baselines for the webhook benchmark: a bare Flask endpoint returning fixed TwiML, the same plus one Redis round
trip (the floor for any design that reads state per text), and that plus a fixed slice of Python work (what a
view's own code may cost within a ratio)."""

import os
import time

from flask import Flask, Response
from redis import Redis

app = Flask(__name__)
redis = Redis.from_url(os.environ["REDIS_URL"])
TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Fixed reply.</Message></Response>'


@app.post("/sms")
def sms() -> Response:
    """Always the same reply: no signature check, no Redis."""
    return Response(TWIML, mimetype="text/xml")


@app.post("/sms-redis")
def sms_redis() -> Response:
    """The same reply after one Redis round trip."""
    redis.ping()
    return Response(TWIML, mimetype="text/xml")


PYTHON_WORK_S = int(os.environ.get("PYTHON_WORK_US", "50")) / 1e6
"""The Python a view does after its round trip, as a fixed time holding the interpreter (a loop, not a sleep)."""


@app.post("/sms-redis-python")
def sms_redis_python() -> Response:
    """The same reply after one Redis round trip and PYTHON_WORK_S of Python."""
    redis.ping()
    end = time.perf_counter() + PYTHON_WORK_S
    while time.perf_counter() < end:
        pass
    return Response(TWIML, mimetype="text/xml")
