"""The embedded server: private, loopback-only, durable, reused while it runs, stopped by whoever started it."""

from redis import Redis

from service import embedded


def test_started_with_append_only_noeviction_on_loopback_and_reused(tmp_path) -> None:
    server = embedded.ensure(tmp_path)
    try:
        client = Redis.from_url(server.url)
        assert server.owned and server.url.startswith("redis://127.0.0.1:")
        settings = client.config_get("*")
        assert settings["appendonly"] == "yes" and settings["maxmemory-policy"] == "noeviction"
        assert settings["bind"].split()[0] == "127.0.0.1"
        assert settings["dir"] == str(tmp_path.resolve() / "redis")
        again = embedded.ensure(tmp_path)
        assert (again.url, again.pid, again.owned) == (server.url, server.pid, False)
        again.stop()  # not ours to stop
        assert client.ping()
    finally:
        server.stop()
    assert not embedded._alive(server.pid)


def test_data_survives_a_restart(tmp_path) -> None:
    server = embedded.ensure(tmp_path)
    Redis.from_url(server.url).set("kept", "yes")
    server.stop()
    restarted = embedded.ensure(tmp_path)
    try:
        assert Redis.from_url(restarted.url).get("kept") == b"yes"
    finally:
        restarted.stop()
