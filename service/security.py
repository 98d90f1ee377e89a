"""Security headers: a strict policy on the operator console, a small safe set everywhere else.

Console pages (/admin) get a Content-Security-Policy that allows no inline script, style or event handler, may
not be framed, and are never cached. RQ's own dashboard under /admin/rq is third-party code built on inline
scripts and underscore templates (which compile with `new Function`), so it alone gets a policy that allows
them; it is admins-only and still same-origin, unframeable and uncached. Strict-Transport-Security is sent when
the request came over HTTPS or the public URL is https (TLS ends at a proxy).
"""

from flask import Flask, Response, current_app, request

from service.connection import get_config

CONSOLE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
RQ_DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
ELSEWHERE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
"""The webhook, health checks and /metrics answer XML, JSON or text: nothing in them may load anything."""

HSTS = "max-age=31536000"

COMMON = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
)
CONSOLE = (*COMMON, ("Cross-Origin-Opener-Policy", "same-origin"), ("Cross-Origin-Resource-Policy", "same-origin"))
ELSEWHERE = (*COMMON, ("Content-Security-Policy", ELSEWHERE_CSP))

CONSOLE_PREFIX = "/admin"
RQ_DASHBOARD_PREFIX = "/admin/rq"


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def https_deployment(app: Flask) -> bool:
    return (get_config(app).PUBLIC_BASE_URL or "").startswith("https://")


def add_headers(response: Response) -> Response:
    headers, path = response.headers, request.path
    wanted: tuple[tuple[str, str], ...]
    if _under(path, CONSOLE_PREFIX):
        policy = RQ_DASHBOARD_CSP if _under(path, RQ_DASHBOARD_PREFIX) else CONSOLE_CSP
        wanted = (*CONSOLE, ("Content-Security-Policy", policy))
        if not (request.endpoint or "").endswith("static"):
            headers["Cache-Control"] = "no-store"  # pages and errors; stylesheets and scripts may be revalidated
    else:
        wanted = ELSEWHERE
    if request.is_secure or current_app.extensions["steadyline.security.https"]:
        wanted = (*wanted, ("Strict-Transport-Security", HSTS))
    # One pass over what the view set (a view may choose its own value), then one extend: this runs on the webhook.
    present = {name.lower() for name, _ in headers.items()}
    headers.extend([(name, value) for name, value in wanted if name.lower() not in present])
    return response


def init_app(app: Flask) -> None:
    app.extensions["steadyline.security.https"] = https_deployment(app)
    app.after_request(add_headers)
