"""Liveness and readiness probes for load balancers and orchestrators."""

from flask import Blueprint
from redis import RedisError

from service.connection import get_redis

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> tuple[dict[str, str], int]:
    """The process is up."""
    return {"status": "ok"}, 200


@bp.get("/readyz")
def readyz() -> tuple[dict[str, str], int]:
    """Redis answers, so the app can serve every route."""
    try:
        get_redis().ping()
    except RedisError:
        return {"status": "not ready", "redis": "unreachable"}, 503
    return {"status": "ready"}, 200
