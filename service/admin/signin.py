"""Signing in and out of the console, with limits on failed attempts per account and per client address."""

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import store
from service.admin import accounts, audit, bp, sessions
from service.admin.auth import current_operator
from service.connection import get_redis

GENERIC_ERROR = "Email or password is incorrect, or too many attempts. Try again later."
ACCOUNT_LIMIT = 5
"""Failed sign-ins one account may have per store.SIGNIN_WINDOW_S; after that every attempt on it is refused."""
ADDRESS_LIMIT = 20
"""Failed sign-ins one client address may make per store.SIGNIN_WINDOW_S, whatever the accounts."""
HOME = sessions.COOKIE_PATH + "/"


def safe_next(target: str) -> str:
    """Where to go after signing in: a console page on this site, never another site."""
    return target if target.startswith(HOME) else HOME


def _attempt(email: str, password: str) -> tuple[accounts.Operator | None, str]:
    """The operator these credentials sign in, or None and why (for the audit log, never for the page)."""
    redis = get_redis()
    # remote_addr is the proxy's address behind a proxy; trusting forwarded headers is a deployment decision.
    keys = [store.signin_key("account", email), store.signin_key("address", request.remote_addr or "unknown")]
    account_failures, address_failures = store.signin_failures(redis, keys)
    if account_failures >= ACCOUNT_LIMIT or address_failures >= ADDRESS_LIMIT:
        return None, "too many attempts"
    operator, reason = accounts.authenticate(redis, email, password)
    if operator is None:
        store.count_signin_failure(redis, keys)
    else:
        store.clear_signin_failures(redis, keys[0])
    return operator, reason


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """Sign in with an email address and a password."""
    next_url = safe_next(request.values.get("next", ""))
    if request.method == "GET":
        if current_operator():
            return redirect(next_url)
        return render_template("admin/login.html", next_url=next_url, email="")
    email = accounts.normalize(request.form.get("email", ""))[: accounts.MAX_EMAIL]
    operator, reason = _attempt(email, request.form.get("password", ""))
    if operator is None:
        audit.record("sign-in failed", target=email, detail=reason)
        page = render_template("admin/login.html", next_url=next_url, email=email, error=GENERIC_ERROR)
        return page, 401
    sessions.start(operator.email)
    audit.record("signed in", target=operator.email, actor=operator.email)
    return redirect(next_url)


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """Sign out, ending the session on the server as well as in this browser."""
    operator = current_operator()
    if operator:
        audit.record("signed out", target=operator.email)
    sessions.end()
    flash("You are signed out.", "info")
    return redirect(url_for("admin.login"))
