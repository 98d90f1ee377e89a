"""Server-side console sessions: a random id in a cookie, the data in Redis, idle and absolute timeouts.

This is Flask's session interface, so `flask.session` and `flash()` work as usual under /admin. Requests
elsewhere (the webhook) get Flask's null session and never touch Redis for it.
"""

import base64
import hashlib
import hmac
import re
import secrets
from typing import Any, cast

import flask
from flask import Flask, current_app, request
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SessionInterface, SessionMixin
from werkzeug.datastructures import CallbackDict
from werkzeug.wrappers import Request, Response

from service import clock, store
from service.connection import get_config

COOKIE = "steadyline_console"
COOKIE_PATH = "/admin"
OPERATOR = "operator"
"""The session key holding the signed-in operator's email."""

TOUCH_EVERY_S = 60
"""A signed-in session's last-seen time is rewritten at most this often: idle timeouts are tens of minutes."""

SESSION_ID = re.compile(r"[A-Za-z0-9_-]{43}")
EXPIRED = "Your session ended after a while without activity. Please sign in again."

_serializer = TaggedJSONSerializer()  # what Flask's cookie sessions use: keeps flashes' tuples and Markup


def _new_id() -> str:
    return secrets.token_urlsafe(32)


def record_id(session_id: str) -> str:
    """The Redis name of a session: a hash of the cookie value, so a copy of the database holds no cookie."""
    return hashlib.sha256(session_id.encode()).hexdigest()


def under_console(path: str) -> bool:
    return path == COOKIE_PATH or path.startswith(COOKIE_PATH + "/")


def cookie_secure() -> bool:
    """Secure cookies over HTTPS, also when TLS ends at a proxy in front of a https PUBLIC_BASE_URL."""
    return request.is_secure or (get_config().PUBLIC_BASE_URL or "").startswith("https://")


class ConsoleSession(CallbackDict[str, Any], SessionMixin):
    """A session's data, with its id and timestamps; `stored` when Redis holds a record of it."""

    def __init__(self, session_id: str, data: dict[str, Any] | None = None, created: float = 0, seen: float = 0):
        def on_update(self: ConsoleSession) -> None:
            self.modified = True

        super().__init__(data, on_update)
        self.session_id, self.created, self.seen = session_id, created, seen
        self.stored = bool(created)
        self.modified = False


class ConsoleSessionInterface(SessionInterface):
    """Loads and saves ConsoleSessions in Redis (see store.console_session_key)."""

    def open_session(self, app: Flask, request: Request) -> ConsoleSession | None:
        if not under_console(request.path):
            return None
        session_id = request.cookies.get(COOKIE, "")
        if not SESSION_ID.fullmatch(session_id):
            return ConsoleSession(_new_id())
        redis = app.extensions["redis"]
        record = store.console_session(redis, record_id(session_id))
        if not record:
            # Kept for a visitor who is not signed in, so the sign-in form's token stays valid; signing in
            # always moves to a new id.
            return ConsoleSession(session_id)
        created, seen, now = float(record["created"]), float(record["seen"]), clock.get_clock().time()
        idle_s = get_config(app).CONSOLE_IDLE_MIN * 60
        if now - seen > idle_s or now - created > store.CONSOLE_SESSION_MAX_S:
            store.delete_console_session(redis, record_id(session_id), record.get("email", ""))
            expired = ConsoleSession(_new_id())
            if record.get("email"):
                expired["_flashes"] = [("info", EXPIRED)]
            return expired
        return ConsoleSession(session_id, _serializer.loads(record["data"]), created, seen)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        assert isinstance(session, ConsoleSession)
        redis, now = app.extensions["redis"], clock.get_clock().time()
        # Background polls (rq-dashboard's, every few seconds) are not the operator doing anything.
        active = request.headers.get("X-Requested-With") != "XMLHttpRequest"
        if session and (session.modified or not session.stored or (active and now - session.seen >= TOUCH_EVERY_S)):
            created = session.created or now
            seen = now if active or not session.seen else session.seen
            idle_s = get_config(app).CONSOLE_IDLE_MIN * 60
            fields = {"data": _serializer.dumps(dict(session)), "email": session.get(OPERATOR, "")}
            fields |= {"created": str(created), "seen": str(seen)}
            ttl = min(seen + idle_s, created + store.CONSOLE_SESSION_MAX_S) - now
            store.save_console_session(redis, record_id(session.session_id), fields, int(ttl) + 1)
        elif not session and session.stored:
            store.delete_console_session(redis, record_id(session.session_id))
        if request.cookies.get(COOKIE) != session.session_id:
            response.set_cookie(
                COOKIE,
                session.session_id,
                path=request.script_root + COOKIE_PATH,
                secure=cookie_secure(),
                httponly=True,
                samesite="Lax",
            )


def _console_session() -> ConsoleSession:
    if not isinstance(flask.session, ConsoleSession):
        raise RuntimeError("console sessions exist only under /admin")
    return cast(ConsoleSession, flask.session)


def _rotate(current: ConsoleSession) -> None:
    """Forget the stored session and move to a new id, so an id known before this moment is worthless."""
    if current.stored:
        redis = current_app.extensions["redis"]
        store.delete_console_session(redis, record_id(current.session_id), current.get(OPERATOR, ""))
    current.session_id, current.created, current.seen, current.stored = _new_id(), 0, 0, False
    current.clear()


def start(email: str) -> None:
    """Sign `email` in on this browser under a fresh session id (an id set before sign-in could be planted)."""
    current = _console_session()
    _rotate(current)
    current[OPERATOR] = email
    current.created = clock.get_clock().time()
    store.index_console_session(current_app.extensions["redis"], email, record_id(current.session_id), current.created)


def end() -> None:
    """Sign out: the stored session is deleted, not just the cookie."""
    _rotate(_console_session())


def csrf_token_for(session_id: str, secret: str) -> str:
    """A session's CSRF token: derived from its id with SECRET_KEY, so it needs no storage and dies with it."""
    digest = hmac.new(secret.encode(), b"csrf:" + session_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def csrf_token() -> str:
    """This request's session's CSRF token."""
    return csrf_token_for(_console_session().session_id, get_config().SECRET_KEY)
