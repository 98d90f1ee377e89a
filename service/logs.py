"""Logging setup. Numbers and message bodies are never logged: callers log hashed ids and route names only."""

import logging

from flask import Flask


def init_app(app: Flask) -> None:
    level = app.extensions["steadyline.config"].LOG_LEVEL
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app.logger.setLevel(level)
