"""Logging: one JSON object per line, with the request id (or RQ job id) it belongs to.

Numbers and message bodies are never logged: callers log hashed ids, MessageSids and route names only. As a
second line of defence every line is scrubbed of anything shaped like an E.164 number (`+` or `%2B` and 7-15
digits), and the third-party loggers that would print request URLs or payloads (twilio's HTTP client, urllib3)
are held at WARNING whatever LOG_LEVEL says.
"""

import contextvars
import json
import logging
import re
import secrets
import sys
import time
from typing import Any

from flask import Flask, Response, request
from rq.job import get_current_job

from service.connection import get_config

REQUEST_ID_HEADER = "X-Request-Id"
WELL_FORMED_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$")
"""An incoming X-Request-Id we keep (a proxy's or load balancer's): 8-128 plain characters, no `+`, no spaces."""

NUMBER_LIKE = re.compile(r"(?:\+|%2[Bb])\d{7,15}")
"""What is scrubbed from every line: an E.164 number, plain or URL-encoded."""

QUIET_LOGGERS = ("twilio.http_client", "urllib3", "requests")
"""Loggers that print request URLs and query strings (a Twilio list query carries To=+1...) at INFO or DEBUG."""

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("steadyline_request_id", default=None)

# The attributes every LogRecord has; anything else on a record came from `extra=` and is logged as a field.
_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def current_request_id() -> str | None:
    """The id of the HTTP request being served, else the id of the RQ job being run, else None."""
    request_id = _request_id.get()
    if request_id:
        return request_id
    job = get_current_job()
    return job.id if job is not None else None


def scrub(text: str) -> str:
    return NUMBER_LIKE.sub("[number]", text)


_base_record_factory = logging.getLogRecordFactory()


def _record_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    # The id is taken when the record is made, so a handler that formats later (or elsewhere) still has it.
    record = _base_record_factory(*args, **kwargs)
    record.request_id = current_request_id()
    return record


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id, then any `extra=` fields, then the exception if there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
        }
        fields = vars(record)
        for key in sorted(fields.keys() - _STANDARD):  # one set difference, not a test per attribute
            if key != "request_id" and not key.startswith("_"):
                entry[key] = fields[key]
        if record.exc_info:
            entry["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            entry["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return scrub(json.dumps(entry, ensure_ascii=False, default=str))


class _Handler(logging.StreamHandler):
    """The one handler this module installs on the root logger (found again, not duplicated, on re-init). It writes
    to whatever sys.stderr is at the time, as test runners and process managers may replace it."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure(level: str) -> None:
    """Send every logger's records, as JSON lines on stderr, through one root handler at `level`."""
    # No line names its source file or function, so records skip the stack walk that finds them (the logging
    # HOWTO's "Optimization"): a record is made for every text the webhook answers. Thread and process stay, as
    # gunicorn's own error log prints the process id.
    logging._srcfile = None
    if logging.getLogRecordFactory() is not _record_factory:
        logging.setLogRecordFactory(_record_factory)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(handler)
    handler = _Handler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))


def _start_request() -> None:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    # 32 random hex digits, as uuid4().hex gives, without building a UUID object on every request.
    _request_id.set(incoming if WELL_FORMED_ID.match(incoming) else secrets.token_hex(16))


def _echo_request_id(response: Response) -> Response:
    request_id = _request_id.get()
    if request_id:
        response.headers.add(REQUEST_ID_HEADER, request_id)
    return response


def _end_request(exc: BaseException | None) -> None:
    _request_id.set(None)


def init_app(app: Flask) -> None:
    level = get_config(app).LOG_LEVEL
    configure(level)
    app.logger.setLevel(level)
    app.before_request(_start_request)
    app.after_request(_echo_request_id)
    app.teardown_request(_end_request)
