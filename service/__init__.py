"""Steadyline: the Flask app that answers texts, and the processes that send scheduled ones.

The app is built in service.app; this package imports nothing at the top, so the pure parts (service.crisis,
service.safety, the conversation engine) load without flask, redis, twilio or rq.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: Mapping[str, object] | None = None) -> "Flask":
    """Build the app (service.app.create_app): settings from the environment, or only from `test_config`."""
    from service.app import create_app as build

    return build(test_config)
