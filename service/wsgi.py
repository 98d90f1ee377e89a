"""The WSGI entry point for gunicorn: `gunicorn service.wsgi:app`."""

import sys

from service import create_app
from service.config import ConfigError

try:
    app = create_app()
except ConfigError as exc:
    # One line naming the setting, not a traceback, and a non-zero exit so the supervisor shows the failure.
    print(f"steadyline: configuration error: {exc}", file=sys.stderr)
    sys.exit(2)
