"""The Flask app factory: settings, logs, security headers, Redis, the spool, the blueprints and the console."""

from collections.abc import Mapping

from flask import Flask

from service import admin, clock, config, connection, health, logs, metrics, security, spool
from service.twilio import status, webhook


def create_app(test_config: Mapping[str, object] | None = None) -> Flask:
    """Build the app. Settings come from the environment, or only from `test_config` when given; keys of
    `test_config` that are not settings (Flask's own, like TESTING) go to app.config as they are."""
    names = config.Config.__dataclass_fields__
    ours = None if test_config is None else {k: str(v) for k, v in test_config.items() if k in names}
    settings = config.load(ours)
    app = Flask(__name__)
    # Settings are kept once, as the Config read above (connection.get_config); app.config holds Flask's own.
    app.config.update({k: v for k, v in (test_config or {}).items() if k not in names})
    app.config["MAX_CONTENT_LENGTH"] = webhook.MAX_REQUEST_BYTES
    app.extensions["steadyline.config"] = settings
    clock.init_app(app)
    logs.init_app(app)
    security.init_app(app)
    connection.init_app(app)
    spool.init_app(app)
    app.register_blueprint(webhook.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(status.bp)
    metrics.init_app(app)
    admin.init_app(app)
    return app
