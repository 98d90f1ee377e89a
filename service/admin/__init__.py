"""The operator console at /admin: server-rendered pages on one blueprint, behind sign-in and roles.

View modules add their routes to `bp` (service.admin.blueprint, its own module so that they need not import this
package) when imported. Flask refuses new routes on a blueprint once it has been registered, so every view module
is named in VIEW_MODULES and imported by init_app before registration.
"""

import importlib

from flask import Flask

from service.admin.blueprint import bp

VIEW_MODULES = ("auth", "signin", "audit", "operators", "messages", "escalations", "conversation", "dashboard")
"""Modules of this package that add views or hooks to `bp`; append yours."""


def init_app(app: Flask) -> None:
    for name in VIEW_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    from service.admin import auth, errors, queues, sessions

    app.session_interface = sessions.ConsoleSessionInterface()
    app.jinja_env.globals.update(
        csrf_field=auth.csrf_field,
        csrf_token=sessions.csrf_token,
        current_operator=auth.current_operator,
        has_role=auth.has_role,
    )
    app.register_blueprint(bp)
    errors.init_app(app)
    queues.init_app(app)
