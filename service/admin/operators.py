"""The operators page: admins list, add and disable console accounts."""

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import clock
from service.admin import accounts, audit
from service.admin.auth import current_operator, require
from service.admin.blueprint import bp
from service.connection import get_redis


def _page(status: int = 200, **form: str) -> ResponseReturnValue:
    operators = accounts.everyone(get_redis())
    return render_template("admin/operators.html", operators=operators, roles=accounts.ROLES, **form), status


@bp.get("/operators")
@require("admin")
def operators() -> ResponseReturnValue:
    """Every operator, with a form to add one and a Disable button for each enabled one."""
    return _page()


@bp.post("/operators")
@require("admin")
def add_operator() -> ResponseReturnValue:
    """Add an operator; on a refusal, show the form again with what was typed (but not the password)."""
    email, role = request.form.get("email", ""), request.form.get("role", "")
    try:
        operator = accounts.add(get_redis(), email, role, request.form.get("password", ""), clock.now())
    except accounts.AccountError as exc:
        return _page(400, error=f"Not added: {exc}.", email=email, role=role)
    audit.record("operator added", target=operator.email, detail=f"role {operator.role}")
    flash(f"Added {operator.email} as {operator.role}.", "success")
    return redirect(url_for("admin.operators"))


@bp.post("/operators/disable")
@require("admin")
def disable_operator() -> ResponseReturnValue:
    """Disable an operator, ending their sessions at once."""
    email = accounts.normalize(request.form.get("email", ""))
    me = current_operator()
    if me and email == me.email:
        flash("You cannot disable your own account: ask another admin.", "error")
        return redirect(url_for("admin.operators"))
    try:
        accounts.disable(get_redis(), email)
    except accounts.AccountError as exc:
        flash(f"Not disabled: {exc}.", "error")
        return redirect(url_for("admin.operators"))
    audit.record("operator disabled", target=email)
    flash(f"Disabled {email} and ended their sessions.", "success")
    return redirect(url_for("admin.operators"))
