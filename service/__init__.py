"""Steadyline: the Flask app that answers texts, and the processes that send scheduled ones."""

from collections.abc import Mapping

from flask import Flask

from service import admin, clock, config, connection, health, logs, metrics, security, sms, spool, status


def create_app(test_config: Mapping[str, str] | None = None) -> Flask:
    """Build the app. Settings come from the environment, or only from `test_config` when given."""
    settings = config.load(test_config)
    app = Flask(__name__)
    app.config.from_mapping(vars(settings))
    app.config["MAX_CONTENT_LENGTH"] = sms.MAX_REQUEST_BYTES
    app.extensions["steadyline.config"] = settings
    clock.init_app(app)
    logs.init_app(app)
    security.init_app(app)
    connection.init_app(app)
    spool.init_app(app)
    app.register_blueprint(sms.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(status.bp)
    metrics.init_app(app)
    admin.init_app(app)
    return app
