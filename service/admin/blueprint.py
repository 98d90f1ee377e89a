"""The console's one blueprint, at /admin: the view modules add their routes to it (see service.admin)."""

from flask import Blueprint, Response

# The package's templates and static files: this module sits beside them.
bp = Blueprint("admin", "service.admin", url_prefix="/admin", template_folder="templates", static_folder="static")


@bp.after_request
def no_store(response: Response) -> Response:
    # Console pages show operator data; no browser or proxy cache should keep a copy.
    response.headers.setdefault("Cache-Control", "no-store")
    return response
