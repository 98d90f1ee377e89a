"""A scripted stand-in for Twilio's Messages API on loopback: what crosses the machine's edge, and nothing more."""

import json
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar

import pytest

ACCOUNT_SID = "AC" + "0" * 32
TO = "+15555550123"


class FakeTwilio(ThreadingHTTPServer):
    """Answers each request with the next scripted (status, JSON body); records what each request carried."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[tuple[int, dict[str, object]]] = []
        self.requests: list[dict[str, object]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def reply(self, *responses: tuple[int, dict[str, object]]) -> None:
        self.script.extend(responses)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so tests can see whether the client reuses its connection
    server: FakeTwilio

    def do_POST(self) -> None:
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        self.server.requests.append(
            {"path": self.path, "form": {k: v[0] for k, v in form.items()}, "client_port": self.client_address[1]}
        )
        status, body = self.server.script.pop(0) if self.server.script else (599, {"message": "unscripted request"})
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


def created(sid: str) -> tuple[int, dict[str, object]]:
    return 201, {"sid": sid, "status": "queued", "account_sid": ACCOUNT_SID}


def refused(status: int, code: int) -> tuple[int, dict[str, object]]:
    # Twilio's error text can quote the number; the transport must not pass it on.
    return status, {"code": code, "message": f"Refused for {TO}", "status": status}


Server = TypeVar("Server", bound=ThreadingHTTPServer)


@contextmanager
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
    with serving(FakeTwilio()) as server:
        yield server
