"""Short error pages for the console: never a stack trace. Elsewhere errors keep Flask's plain responses."""

from flask import Flask, Response, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from service.admin.sessions import under_console

MESSAGES = {
    403: "Your role does not allow this. Ask an admin if you need it.",
    404: "There is no such page in the console.",
    429: "Too many requests. Wait a little, then try again.",
    500: "Something went wrong on our side. It has been logged; please try again.",
}
"""What each page says; a 400 shows the reason it was raised with (the CSRF check gives one)."""


def _page(error: HTTPException) -> ResponseReturnValue:
    if not under_console(request.path):
        return error
    code = error.code or 500
    message = MESSAGES.get(code, error.description)
    try:
        return render_template("admin/error.html", code=code, title=error.name, message=message), code
    except Exception:  # the layout needs the session, so Redis, which may be what failed (and is logged)
        return Response(f"{error.name}: {message}\n", code, mimetype="text/plain")


def init_app(app: Flask) -> None:
    # On the app, not the blueprint: a 404 for an unknown /admin path is raised before any blueprint is chosen.
    for code in (400, 403, 404, 429, 500):
        app.register_error_handler(code, _page)
