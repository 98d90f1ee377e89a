"""Baselines for the webhook benchmark: a bare Flask endpoint returning fixed TwiML, and the same plus one
Redis round trip (the floor for any design that reads state per text)."""

import os

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
