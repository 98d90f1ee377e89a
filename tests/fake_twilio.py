"""A stand-in for Twilio's Messages API on loopback: what crosses the machine's edge, and nothing more."""

import contextlib
import email.utils
import json
import threading
import urllib.parse
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar

import pytest

from service.config import DEV_AUTH_TOKEN

ACCOUNT_SID = "AC" + "0" * 32
LINE_NUMBER = "+15005550006"
TO = "+15555550123"

Reply = tuple[int, dict[str, object]]


class FakeTwilio(ThreadingHTTPServer):
    """Twilio's Messages resource on loopback. A POST creates a message (kept in `messages` with Twilio's fields,
    its date_created in RFC 2822 as Twilio writes it), unless a reply was scripted with `reply()`: scripted
    (status, JSON body) replies answer the POSTs that come next, in order. Every POST is kept in `requests` (path,
    form, the client's port). A GET lists the messages newest first, filtered by To (each To kept in `lists`).

    `hold()` makes each POST wait, after it is recorded, until `release()`: the moment a real sender is between
    "Twilio took it" and "we heard back". Used as a context manager, it serves from a thread for the block."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self.script: list[Reply] = []
        self.requests: list[dict[str, object]] = []
        self.messages: list[dict[str, object]] = []
        self.lists: list[str] = []  # the To of each GET of the list
        self.lock = threading.Lock()
        self.posted = threading.Event()
        self.released = threading.Event()
        self.released.set()
        self._serving = serving(self)

    def __enter__(self) -> "FakeTwilio":
        return self._serving.__enter__()

    def __exit__(self, *exc: object) -> None:
        self.release()  # no POST is left waiting on hold()
        self._serving.__exit__(None, None, None)

    def reply(self, *responses: Reply) -> None:
        with self.lock:
            self.script.extend(responses)

    def hold(self) -> None:
        self.released.clear()

    def release(self) -> None:
        self.released.set()

    def posts_to(self) -> list[str]:
        with self.lock:
            return [str(m["to"]) for m in self.messages]

    def create(self, fields: dict[str, str]) -> dict[str, object]:
        now = email.utils.format_datetime(datetime.now(UTC))
        sid = "SM" + uuid.uuid4().hex
        message: dict[str, object] = {
            "account_sid": ACCOUNT_SID, "api_version": "2010-04-01", "body": fields.get("Body", ""),
            "date_created": now, "date_sent": None, "date_updated": now, "direction": "outbound-api",
            "error_code": None, "error_message": None, "from": fields.get("From"),
            "messaging_service_sid": fields.get("MessagingServiceSid"), "num_media": "0", "num_segments": "1",
            "price": None, "price_unit": "USD", "sid": sid, "status": "queued", "subresource_uris": {},
            "to": fields.get("To"), "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{sid}.json",
        }  # fmt: skip
        with self.lock:
            self.messages.append(message)
        return message


NOT_FOUND: Reply = (404, {"code": 20404, "message": "not found", "status": 404})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so tests can see whether the client reuses its connection
    disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms delayed-ACK stall
    server: FakeTwilio
    HOLD_LIMIT_S = 30.0

    def _reply(self, status: int, body: dict[str, object]) -> None:
        payload = json.dumps(body).encode()
        # The client may be gone (a killed worker): nothing to tell it then.
        with contextlib.suppress(OSError):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    def do_POST(self) -> None:
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        fields = {k: v[0] for k, v in form.items()}
        with self.server.lock:
            self.server.requests.append({"path": self.path, "form": fields, "client_port": self.client_address[1]})
            scripted = self.server.script.pop(0) if self.server.script else None
        if scripted is not None:
            status, body = scripted
        elif self.path.endswith("/Messages.json"):
            status, body = 201, self.server.create(fields)
        else:
            status, body = NOT_FOUND
        self.server.posted.set()
        self.server.released.wait(self.HOLD_LIMIT_S)
        self._reply(status, body)

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if not path.endswith("/Messages.json"):
            self._reply(*NOT_FOUND)
            return
        params = {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}
        size = int(params.get("PageSize", 50))
        with self.server.lock:
            self.server.lists.append(params.get("To", ""))
            found = [m for m in reversed(self.server.messages) if "To" not in params or m["to"] == params["To"]]
        self._reply(
            200,
            {
                "messages": found[:size], "page": 0, "page_size": size, "start": 0, "end": min(size, len(found)) - 1,
                "first_page_uri": path, "previous_page_uri": None, "next_page_uri": None, "uri": self.path,
            },
        )  # fmt: skip

    def log_message(self, format: str, *args: object) -> None:
        pass


def created(sid: str) -> Reply:
    return 201, {"sid": sid, "status": "queued", "account_sid": ACCOUNT_SID}


def refused(status: int, code: int) -> Reply:
    # Twilio's error text can quote the number; the transport must not pass it on.
    return status, {"code": code, "message": f"Refused for {TO}", "status": status}


def twilio_settings(fake: FakeTwilio, rate_per_s: float = 100_000) -> dict[str, str]:
    """The environment of a process that sends through the twilio library to `fake`."""
    return {
        "SMS_TRANSPORT": "twilio", "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": DEV_AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": LINE_NUMBER, "TWILIO_API_BASE_URL": fake.url, "SEND_RATE_PER_S": str(rate_per_s),
    }  # fmt: skip


Server = TypeVar("Server", bound=ThreadingHTTPServer)


@contextlib.contextmanager
def serving(server: Server) -> Iterator[Server]:
    """Run a loopback HTTP server in a thread for the duration of the block."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server:
        yield server
