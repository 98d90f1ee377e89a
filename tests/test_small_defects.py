"""Smaller defects a new user and an adversarial tester found, each a regression test named after what it protects:
key rotation and the outbox, the console transport's recovery check, Flask's own config keys, a hostile `next=`,
settings that would break every webhook, junk `From` and `MessageSid` values, and the CLI's own input."""

import argparse
import io
import socket
from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from redis import Redis

from service import cli, clock, config, create_app, privacy, store, supervisor
from service.connection import get_config
from service.privacy import keyring
from service.twilio.transport import UNREADABLE, ConsoleTransport, Outgoing
from tests.texting import Texter

NUMBER = "+15555550142"


def console_outbox(redis: Redis, key: str) -> ConsoleTransport:
    return ConsoleTransport(redis, keyring(key), stream=io.StringIO())


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, redis_server) -> pytest.MonkeyPatch:
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    return monkeypatch


def test_rotate_key_reencrypts_the_outbox_too(cli_env: pytest.MonkeyPatch, redis: Redis) -> None:
    old, new = privacy.new_key(), privacy.new_key()
    console_outbox(redis, old).send(Outgoing(to=NUMBER, body="Hi", kind="checkin"))
    cli_env.setenv("DATA_KEY", f"{new},{old}")
    assert cli.main(["rotate-key"]) == 0
    [entry] = console_outbox(redis, f"{new},{old}").outbox()
    assert entry["to"] == NUMBER
    assert console_outbox(redis, new).outbox()[0]["to"] == NUMBER  # the old key is no longer needed


def test_a_data_key_without_the_old_key_is_explained_not_a_traceback(
    cli_env: pytest.MonkeyPatch, redis: Redis, capsys: pytest.CaptureFixture[str]
) -> None:
    old = privacy.new_key()
    console_outbox(redis, old).send(Outgoing(to=NUMBER, body="Hi", kind="checkin"))
    redis.hset(store.user_key("someone"), "n", keyring(old).encrypt(NUMBER))
    cli_env.setenv("DATA_KEY", privacy.new_key())
    assert cli.main(["outbox"]) == 0
    assert UNREADABLE in capsys.readouterr().out
    assert cli.main(["rotate-key"]) == 2
    err = capsys.readouterr().err
    assert "DATA_KEY=new,old" in err and "Traceback" not in err


def test_the_console_transport_recognises_what_it_handed_over(redis: Redis, app) -> None:
    with app.app_context():
        transport = console_outbox(redis, config.DEV_DATA_KEY)
        before = clock.now()
        transport.send(Outgoing(to=NUMBER, body="Hi again", kind="reminder"))
        assert transport.handed_over(NUMBER, "Hi again", before)
        assert not transport.handed_over(NUMBER, "Hi again", before + timedelta(minutes=1))
        assert not transport.handed_over(NUMBER, "something else", before)


def test_create_app_takes_flasks_own_testing_flag(redis_server) -> None:
    app = create_app({"TESTING": True, "REDIS_URL": redis_server.url, "SEND_RATE_PER_S": 50})
    assert app.testing and get_config(app).SEND_RATE_PER_S == 50.0
    assert app.test_client().get("/healthz").status_code == 200


@pytest.mark.parametrize("target", ["/admin/\r\nSet-Cookie: x=1", "/admin/%0d%0a", "/admin/\n", "/admin/\\evil"])
def test_a_next_holding_cr_lf_goes_home_instead_of_500(client: FlaskClient, target: str) -> None:
    response = client.get("/admin/login", query_string={"next": target})
    assert response.status_code == 200
    assert b"\r\n" not in response.data.split(b"<form")[1].split(b"</form>")[0] or target == "/admin/%0d%0a"


@pytest.mark.parametrize("url", ["https://sms.example.org/?x=1", "https://sms.example.org#top", "https://a.org?"])
def test_a_public_base_url_with_a_query_or_fragment_fails_at_boot(url: str) -> None:
    with pytest.raises(config.ConfigError, match="PUBLIC_BASE_URL must have no query"):
        config.load({"PUBLIC_BASE_URL": url})


@pytest.mark.parametrize(
    "field, value",
    [("From", "abc"), ("From", "+15555550123\n"), ("From", "+1"), ("From", "messenger:1234567"),
     ("MessageSid", "SM" + "a" * 32 + "\n")],
)  # fmt: skip
def test_junk_senders_and_newline_tails_are_refused_and_leave_no_record(
    texter: Texter, redis: Redis, field: str, value: str
) -> None:
    before = set(redis.scan_iter(match=store.user_key("*")))
    response = texter.post(texter.params("hello", **{field: value}))
    assert response.status_code == 400
    assert set(redis.scan_iter(match=store.user_key("*"))) == before


def test_whatsapp_senders_are_still_accepted(texter: Texter) -> None:
    response = texter.post(texter.params("MENU", From="whatsapp:+15555550123"))
    assert response.status_code == 200 and b"<Message>" in response.data


@pytest.mark.parametrize("at", ["tomorrow", "2026-11-21T15:00:00", "2026-13-01T00:00:00Z"])
def test_tick_at_an_unreadable_instant_is_a_usage_error_not_a_traceback(
    at: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["tick", "--at", at])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "ISO 8601 instant with offset" in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["9pm-8am", "21:00", "21:00-25:00", "21-08"])
def test_the_quiet_hours_error_names_the_whole_format(value: str) -> None:
    with pytest.raises(config.ConfigError, match=r"QUIET_HOURS must be HH:MM-HH:MM"):
        config.load({"QUIET_HOURS": value})


def test_every_cli_option_has_help_text() -> None:
    missing = []

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, subparser in action.choices.items():
                    walk(subparser, f"{name} {sub}")
            elif not action.help:
                missing.append(f"{name} {action.dest}")

    walk(cli.parser(), "steadyline")
    assert missing == []


@pytest.mark.parametrize("sender", ["abc", "5555550123", "+1 555 555 0123"])
def test_chat_refuses_a_from_that_is_not_a_number(sender: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["chat", "--from", sender, "-m", "MENU"])
    assert exited.value.code == 2 and "E.164" in capsys.readouterr().err


def test_run_can_restart_while_the_last_runs_sockets_sit_in_time_wait() -> None:
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = listener.accept()
        accepted.close()  # the server side closes first, as a stopped web process does: its end sits in TIME-WAIT
        client.close()
    assert supervisor._port_free("127.0.0.1", port)
