"""RQ's own dashboard (the rq-dashboard package) at /admin/rq: admins only, on the app's Redis connection."""

import re

import rq_dashboard
from flask import Flask, Response, abort, after_this_request, current_app, request, url_for
from flask.typing import ResponseReturnValue
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job
from rq_dashboard import web

from service import store
from service.admin import auth, sessions

URL_PREFIX = "/admin/rq"
TOKEN_COOKIE = "_csrf_token"
"""rq-dashboard's scripts read the CSRF token from this cookie and send it as X-CSRFToken on their POSTs."""


def _set_token_cookie(response: Response) -> Response:
    token = sessions.csrf_token()
    if request.cookies.get(TOKEN_COOKIE) != token:
        # Readable by script (its purpose), and worthless without the HttpOnly session cookie.
        path = request.script_root + URL_PREFIX
        response.set_cookie(TOKEN_COOKIE, token, path=path, secure=sessions.cookie_secure(), samesite="Lax")
    return response


def admins_only() -> ResponseReturnValue | None:
    """Let only admins into the dashboard, and only with this session's CSRF token on a POST."""
    refused = auth.refusal("admin")
    if refused:
        return refused
    # Its "requeue all" also answers GET, which a link on another site could trigger; its own page POSTs.
    if request.endpoint == "rq_dashboard.requeue_all" and request.method != "POST":
        abort(405)
    auth.check_csrf()
    _refuse_missing_targets()
    after_this_request(_set_token_cookie)
    return None


def _refuse_missing_targets() -> None:
    """Answer 404/409 for actions on jobs or queues that aren't there: rq-dashboard's views raise (a 500) on them."""
    args, redis = request.view_args or {}, current_app.extensions["redis"]
    if request.method != "POST":
        return
    if "job_id" in args:
        try:
            job = Job.fetch(args["job_id"], connection=redis)
        except (NoSuchJobError, ValueError):
            abort(404)
        if request.endpoint == "rq_dashboard.requeue_job_view" and not job.is_failed:
            abort(409)
    elif "queue_name" in args and not store.exists(redis, Queue(args["queue_name"], connection=redis).key):
        abort(404)


def _with_way_back(response: Response) -> Response:
    """rq-dashboard's pages, with a link back to the console and our stylesheet fixing its layout on a phone."""
    if response.mimetype != "text/html" or response.direct_passthrough:
        return response
    page = response.get_data(as_text=True)
    style = f'<link rel="stylesheet" href="{url_for("admin.static", filename="rq.css")}">'
    back = f'<a class="sl-back" href="{url_for("admin.dashboard")}">&larr; Back to the Steadyline console</a>'
    page = page.replace("</head>", f"{style}</head>", 1)
    response.set_data(re.sub(r"<body[^>]*>", lambda body: body.group() + back, page, count=1))
    return response


def init_app(app: Flask) -> None:
    # rq-dashboard reads its client from app.redis_conn; we give it ours instead of a URL to connect to.
    app.redis_conn = app.extensions["redis"]  # type: ignore[attr-defined]
    app.config["RQ_DASHBOARD_REDIS_URL"] = ("Steadyline's Redis",)  # only shown, in its instance picker
    app.register_blueprint(rq_dashboard.blueprint, url_prefix=URL_PREFIX)
    # Its own before_request hook would open a new client from that URL on every request: put ours in its place.
    hooks = app.before_request_funcs[rq_dashboard.blueprint.name]
    hooks[hooks.index(web.push_rq_connection)] = admins_only
    app.after_request_funcs.setdefault(rq_dashboard.blueprint.name, []).append(_with_way_back)
