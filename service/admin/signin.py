"""Signing in and out of the console, with limits on failed attempts per account and per client address."""

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import clock, store
from service.admin import accounts, audit, client, sessions
from service.admin.auth import current_operator
from service.admin.blueprint import bp
from service.connection import get_redis

GENERIC_ERROR = "Email or password is incorrect, or too many attempts. Try again later."
PAIR_LIMIT = 5
"""Failed sign-ins to one account from one client address per store.SIGNIN_WINDOW_S: guessing from one place
stops, and the real owner, elsewhere, is not locked out by it."""
ADDRESS_LIMIT = 20
"""Failed sign-ins one client address may make per store.SIGNIN_WINDOW_S, whatever the accounts."""
ACCOUNT_LIMIT = 100
"""Failed sign-ins to one account from all addresses per window, against guessing spread over many addresses.
It never holds back an address that signed in to that account before (store.KNOWN_ADDRESS_S), so even such an
attack cannot lock the owner out of their usual places."""
HOME = sessions.COOKIE_PATH + "/"


def safe_next(target: str) -> str:
    """Where to go after signing in: a console page on this site, never another site, and nothing a header
    cannot hold (CR or LF in a Location header is refused by the server: a 500)."""
    return target if target.startswith(HOME) and target.isprintable() and "\\" not in target else HOME


def _attempt(email: str, password: str) -> tuple[accounts.Operator | None, str]:
    """The operator these credentials sign in, or None and why (for the audit log, never for the page)."""
    redis = get_redis()
    address = client.address()
    pair, per_address, per_account = (
        store.signin_key("pair", f"{email}|{address}"),
        store.signin_key("address", address),
        store.signin_key("account", email),
    )
    from_pair, from_address, to_account = store.signin_failures(redis, [pair, per_address, per_account])
    now = clock.now()
    crowded = to_account >= ACCOUNT_LIMIT and not store.known_signin_address(redis, email, address, now)
    if from_pair >= PAIR_LIMIT or from_address >= ADDRESS_LIMIT or crowded:
        return None, "too many attempts"
    operator, reason = accounts.authenticate(redis, email, password)
    if operator is None:
        store.count_signin_failure(redis, [pair, per_address, per_account])
    else:
        store.clear_signin_failures(redis, pair)
        store.remember_signin_address(redis, email, address, now)
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
