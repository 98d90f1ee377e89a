"""Fixtures: a real embedded Redis-compatible server for the session, an app on it, and a signed texter."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis

from service import create_app, embedded, overrides
from tests.console import make_operator, sign_in
from tests.texting import Texter

pytest_plugins = ["tests.fake_twilio"]  # the `fake_twilio` fixture, for any test that sends through Twilio


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[embedded.EmbeddedServer]:
    server = embedded.ensure(tmp_path_factory.mktemp("var"))
    yield server
    server.stop()


@pytest.fixture
def redis(redis_server: embedded.EmbeddedServer) -> Iterator[Redis]:
    client = Redis.from_url(redis_server.url)
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture(autouse=True)
def fresh_published_texts() -> Iterator[None]:
    """Each test starts from the default texts, whatever an earlier test published in this process."""
    overrides.PUBLISHED.forget()
    yield
    overrides.PUBLISHED.forget()


@pytest.fixture
def app(redis: Redis, redis_server: embedded.EmbeddedServer) -> Iterator[Flask]:
    # Pacing is tested on its own; here it would only slow the suite down.
    app = create_app({"REDIS_URL": redis_server.url, "ONCALL_NUMBERS": "+15555550100", "SEND_RATE_PER_S": "100000"})
    yield app
    app.extensions["redis"].close()  # an unclosed socket would surface later as a warning (filterwarnings=error)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def texter(client: FlaskClient) -> Texter:
    return Texter(client)


@pytest.fixture
def known_texter(texter: Texter) -> Texter:
    """A texter who has already been welcomed."""
    texter.send("hi")
    return texter


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


SignIn = Callable[[str, str], tuple[FlaskClient, str]]


@pytest.fixture
def operator(app: Flask) -> SignIn:
    """Make an operator with a role and return a client signed in as them, with its CSRF token."""

    def signed_in(email: str, role: str) -> tuple[FlaskClient, str]:
        make_operator(app, email, role)
        client = app.test_client()
        return client, sign_in(client, email)

    return signed_in
