"""Helpers for tests of the operator console: make an operator, sign a test client in, find its session."""

import json
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher, profiles
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis

from service import store
from service.admin import accounts, sessions
from service.connection import get_config

PASSWORD = "correct horse battery staple"


def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash passwords with argon2's cheapest parameters for the rest of a test (the real ones take ~0.1 s each)."""
    monkeypatch.setattr(accounts, "hasher", PasswordHasher.from_parameters(profiles.CHEAPEST))


def make_operator(
    redis_or_app: Redis | Flask, email: str, role: str = "admin", password: str = PASSWORD
) -> accounts.Operator:
    """Create an enabled operator straight in Redis (no audit entry)."""
    redis = redis_or_app.extensions["redis"] if isinstance(redis_or_app, Flask) else redis_or_app
    return accounts.add(redis, email, role, password, datetime.now(UTC))


def session_id(client: FlaskClient) -> str:
    """The console session id in the client's cookie ("" when it has none)."""
    cookie = client.get_cookie(sessions.COOKIE, path=sessions.COOKIE_PATH)
    return cookie.value if cookie else ""


def csrf_token(client: FlaskClient) -> str:
    """The CSRF token of the client's current console session (it changes at sign-in and sign-out)."""
    if not session_id(client):
        client.get("/admin/login")
    return sessions.csrf_token_for(session_id(client), get_config(client.application).SECRET_KEY)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD) -> str:
    """Sign the client in; return the CSRF token to send with later POSTs (form field or X-CSRF-Token)."""
    response = client.post(
        "/admin/login", data={"email": email, "password": password, "csrf_token": csrf_token(client)}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return csrf_token(client)


def publish_elsewhere(redis: Redis, key: str, text: str) -> None:
    """A publish by another web process: Redis changes, this process's cache of published texts does not."""
    field = f"en:{key}"
    version = redis.llen(store.template_versions_key(field)) + 1
    record = {"version": version, "text": text, "author": "other@example.org", "at": "2026-11-22T15:00:00+00:00",
              "action": "publish"}  # fmt: skip
    redis.hset(store.TEMPLATE_TEXTS, field, text)
    redis.rpush(store.template_versions_key(field), json.dumps(record))
    redis.incr(store.TEMPLATE_GENERATION)
