"""The app's Redis connection: REDIS_URL, or the embedded server (started or reused) when it is unset."""

import atexit

from flask import Flask, current_app
from redis import Redis

from service import embedded
from service.config import Config

SOCKET_TIMEOUT_S = 2.0
"""A Redis that stops answering must fail a webhook fast: Twilio gives up on a webhook after 15 seconds."""


def connect(url: str) -> Redis:
    return Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT_S, socket_connect_timeout=SOCKET_TIMEOUT_S)


def redis_url(config: Config) -> str:
    """The configured server, or our embedded one (stopped at exit if this process started it)."""
    if config.REDIS_URL:
        return config.REDIS_URL
    server = embedded.ensure(appendfsync=config.REDIS_APPENDFSYNC)
    atexit.register(server.stop)
    return server.url


def init_app(app: Flask) -> None:
    # The client connects lazily, so an app can be built (and answer crisis texts) while Redis is down.
    app.extensions["redis"] = connect(redis_url(get_config(app)))


def get_redis() -> Redis:
    return current_app.extensions["redis"]


def get_config(app: Flask | None = None) -> Config:
    """The app's settings, read once from the environment by create_app: the one place anything reads them, in a
    request or job (the current app), or while an app is being set up (`app`)."""
    return (app or current_app).extensions["steadyline.config"]
