"""Who is signed in, what their role allows, and the CSRF check on every console POST."""

import hmac
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup

from service.admin import sessions
from service.admin.accounts import ROLES, Operator, get, rank
from service.admin.blueprint import bp
from service.connection import get_redis

CSRF_FIELD = "csrf_token"
CSRF_HEADERS = ("X-CSRF-Token", "X-CSRFToken")
"""Where fetch calls may send the token instead of a form field; rq-dashboard's own scripts send the second."""
CSRF_FAILED = (
    "This form is out of date or did not come from this console. Your session may have ended: "
    "go back, reload the page and try again."
)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def current_operator() -> Operator | None:
    """The signed-in, enabled operator of this request, or None."""
    if "console_operator" not in g:
        email = session.get(sessions.OPERATOR)
        operator = get(get_redis(), email) if email else None
        # Checked on every request as well as ended on disable, so no race lets a disabled account through.
        g.console_operator = operator if operator and operator.enabled else None
    return g.console_operator


def has_role(role: str) -> bool:
    """Whether the signed-in operator has `role` or a higher one."""
    operator = current_operator()
    return operator is not None and rank(operator.role) >= rank(role)


def refusal(role: str) -> ResponseReturnValue | None:
    """None when this request may go on; else a redirect to sign in, or a 403 for a role too low."""
    if current_operator() is None:
        return redirect(url_for("admin.login", next=request.full_path.rstrip("?")))
    if not has_role(role):
        abort(403)
    return None


def require(role: str) -> Callable[[Callable[..., ResponseReturnValue]], Callable[..., ResponseReturnValue]]:
    """Decorate a view so only an operator with `role` or higher may use it."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")

    def decorator(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> ResponseReturnValue:
            return refusal(role) or view(*args, **kwargs)

        return guarded

    return decorator


def csrf_field() -> Markup:
    """The hidden form field every console form posts."""
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, sessions.csrf_token())


@bp.before_request
def check_csrf() -> None:
    """Refuse (400) a POST whose CSRF token is missing or belongs to another session."""
    if request.method in SAFE_METHODS:
        return
    sent = request.form.get(CSRF_FIELD) or next((request.headers[h] for h in CSRF_HEADERS if h in request.headers), "")
    if not hmac.compare_digest(sent.encode(), sessions.csrf_token().encode()):
        abort(400, description=CSRF_FAILED)
