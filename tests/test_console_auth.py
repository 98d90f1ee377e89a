"""The operator console's foundation: operators, sign-in, sessions, CSRF, roles, the audit log, the queues page."""

import csv
import io

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue

from service import cli, config, create_app, embedded, store
from service.admin import accounts, audit, sessions
from service.admin.signin import ACCOUNT_LIMIT, ADDRESS_LIMIT, GENERIC_ERROR, PAIR_LIMIT
from service.connection import get_config
from tests.console import PASSWORD, cheap_hashing, csrf_token, make_operator, session_id, sign_in

ADMIN, EDITOR, VIEWER = "admin@example.org", "editor@example.org", "viewer@example.org"


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap_hashing(monkeypatch)


@pytest.fixture
def admin(app: Flask) -> accounts.Operator:
    return make_operator(app, ADMIN, "admin")


@pytest.fixture
def signed_in(client: FlaskClient, admin: accounts.Operator) -> str:
    """The client signed in as ADMIN; the value is its CSRF token."""
    return sign_in(client, ADMIN)


def stored_session(redis: Redis, client: FlaskClient) -> dict[str, str]:
    return store.console_session(redis, sessions.record_id(session_id(client)))


def audit_log(app: Flask) -> list[dict[str, str]]:
    with app.app_context():
        return audit.entries(100)


def attempt(client: FlaskClient, email: str, password: str, address: str = "127.0.0.1") -> str:
    token = csrf_token(client)
    response = client.post(
        "/admin/login",
        data={"email": email, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )
    return "signed in" if response.status_code == 302 else response.get_data(as_text=True)


# --- the command line ---------------------------------------------------------------------------------------------


@pytest.fixture
def steadyline(monkeypatch: pytest.MonkeyPatch, redis: Redis, redis_server: embedded.EmbeddedServer):
    """Run `steadyline ...` in-process against the test server, with `stdin` piped in."""
    monkeypatch.setenv("REDIS_URL", redis_server.url)

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return cli.main(list(argv))

    return run


def test_cli_adds_lists_and_disables_operators(steadyline, redis: Redis, capsys: pytest.CaptureFixture[str]) -> None:
    assert steadyline("operator", "add", "Ops@Example.org", "--role", "admin", stdin=PASSWORD + "\n") == 0
    assert steadyline("operator", "add", VIEWER, "--role", "viewer", stdin=PASSWORD + "\n") == 0
    assert "Added ops@example.org as admin." in capsys.readouterr().out

    assert steadyline("operator", "list") == 0
    listing = capsys.readouterr().out
    assert listing.splitlines()[0].split() == ["email", "role", "enabled", "created"]
    assert "ops@example.org" in listing and "viewer" in listing and "argon2" not in listing

    assert steadyline("operator", "disable", VIEWER) == 0
    capsys.readouterr()
    steadyline("operator", "list")
    assert [line.split()[2] for line in capsys.readouterr().out.splitlines()[1:]] == ["yes", "no"]

    stored = store.operator(redis, "ops@example.org")
    assert stored["hash"].startswith("$argon2id$") and PASSWORD not in str(stored)
    entries = store.audit_entries(redis, 10)
    assert [(e["operator"], e["action"], e["target"]) for e in entries] == [
        ("cli", "operator disabled", VIEWER),
        ("cli", "operator added", VIEWER),
        ("cli", "operator added", "ops@example.org"),
    ]


@pytest.mark.parametrize(
    ("argv", "stdin", "error"),
    [
        (("operator", "add", ADMIN, "--role", "admin"), PASSWORD, "already exists"),
        (("operator", "add", "new@example.org", "--role", "owner"), PASSWORD, "role must be one of admin, editor"),
        (("operator", "add", "new@example.org", "--role", "viewer"), "short", "at least 12 characters"),
        (("operator", "add", "not-an-email", "--role", "viewer"), PASSWORD, "is not an email address"),
        (("operator", "disable", "nobody@example.org"), "", "no operator with the email"),
    ],
)
def test_cli_refuses_with_one_clear_line(
    steadyline, redis: Redis, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], stdin: str, error: str
) -> None:
    make_operator(redis, ADMIN)
    assert steadyline(*argv, stdin=stdin + "\n") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("steadyline: ") and error in err
    assert store.operator(redis, "new@example.org") == {}


def test_cli_prompts_twice_at_a_terminal(steadyline, redis: Redis, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter([PASSWORD, PASSWORD + "!", PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    monkeypatch.setattr("sys.stdin", Terminal())
    assert cli.main(["operator", "add", EDITOR, "--role", "editor"]) == 1  # the two differ
    assert cli.main(["operator", "add", EDITOR, "--role", "editor"]) == 0
    assert store.operator(redis, EDITOR)["role"] == "editor"


# --- signing in -----------------------------------------------------------------------------------------------------


def test_sign_in_starts_a_session_with_a_safe_cookie(client: FlaskClient, admin: accounts.Operator, app: Flask) -> None:
    page = client.get("/admin/login")
    assert page.status_code == 200 and 'lang="en"' in page.get_data(as_text=True)
    token = csrf_token(client)
    before = session_id(client)
    response = client.post(
        "/admin/login", data={"email": " Admin@Example.org ", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith(sessions.COOKIE))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/admin" in cookie
    assert "Secure" not in cookie  # plain http, and no https PUBLIC_BASE_URL
    assert session_id(client) != before  # a new id at sign-in: one planted before it is worthless
    assert client.get("/admin/operators").status_code == 200
    assert stored_session(app.extensions["redis"], client)["email"] == ADMIN


def test_cookie_is_secure_over_https_or_behind_an_https_base_url(redis: Redis, redis_server) -> None:
    plain = create_app({"REDIS_URL": redis_server.url})
    behind_proxy = create_app({"REDIS_URL": redis_server.url, "PUBLIC_BASE_URL": "https://sms.example.org"})
    for app, base in ((plain, "https://localhost"), (behind_proxy, "http://localhost")):
        cookie = app.test_client().get("/admin/login", base_url=base).headers["Set-Cookie"]
        assert "Secure" in cookie, base


def test_sign_in_goes_on_to_the_page_asked_for_but_never_off_site(
    client: FlaskClient, admin: accounts.Operator
) -> None:
    asked = client.get("/admin/audit?before=1-0")
    assert asked.status_code == 302 and asked.headers["Location"] == "/admin/login?next=/admin/audit?before%3D1-0"
    data = {"email": ADMIN, "password": PASSWORD, "csrf_token": csrf_token(client), "next": "/admin/audit?before=1-0"}
    assert client.post("/admin/login", data=data).headers["Location"] == "/admin/audit?before=1-0"
    client.post("/admin/logout", data={"csrf_token": csrf_token(client)})
    data |= {"csrf_token": csrf_token(client), "next": "https://evil.example/admin/"}
    assert client.post("/admin/login", data=data).headers["Location"] == "/admin/"


def test_every_failure_gets_the_same_generic_answer(client: FlaskClient, app: Flask, redis: Redis) -> None:
    make_operator(app, ADMIN)
    make_operator(app, VIEWER, "viewer")
    accounts.disable(redis, VIEWER)
    pages = [
        attempt(client, ADMIN, "wrong password here"),
        attempt(client, "nobody@example.org", PASSWORD),
        attempt(client, VIEWER, PASSWORD),  # disabled, right password
    ]
    assert all(GENERIC_ERROR in page for page in pages)
    # Nothing else on the page differs but the email typed back.
    assert pages[0].replace(ADMIN, "") == pages[1].replace("nobody@example.org", "")
    assert client.get("/admin/operators").status_code == 302


def test_failed_sign_ins_from_one_address_never_lock_the_owner_out_elsewhere(
    client: FlaskClient, admin: accounts.Operator
) -> None:
    for _ in range(PAIR_LIMIT):
        assert GENERIC_ERROR in attempt(client, ADMIN, "not the password", address="192.0.2.66")
    assert GENERIC_ERROR in attempt(client, ADMIN, PASSWORD, address="192.0.2.66")  # the guesser is held back
    assert attempt(client, ADMIN, PASSWORD, address="192.0.2.7") == "signed in"  # the owner is not
    make_operator(client.application, EDITOR, "editor")
    assert attempt(client, EDITOR, PASSWORD, address="192.0.2.8") == "signed in"  # other accounts are unaffected


def test_guessing_from_many_addresses_never_locks_the_owner_out_of_an_address_they_used(
    client: FlaskClient, admin: accounts.Operator
) -> None:
    assert attempt(client, ADMIN, PASSWORD, address="198.51.100.20") == "signed in"
    client.post("/admin/logout", data={"csrf_token": csrf_token(client)})
    for n in range(ACCOUNT_LIMIT):
        attempt(client, ADMIN, "not the password", address=f"203.0.113.{n // PAIR_LIMIT}")
    assert GENERIC_ERROR in attempt(client, ADMIN, PASSWORD, address="203.0.113.250")  # a new place: held back
    assert attempt(client, ADMIN, PASSWORD, address="198.51.100.20") == "signed in"  # where the owner signs in


def test_failed_sign_ins_are_limited_per_address(client: FlaskClient, admin: accounts.Operator) -> None:
    for n in range(ADDRESS_LIMIT):
        assert GENERIC_ERROR in attempt(client, f"guess{n}@example.org", "not the password", address="192.0.2.9")
    assert GENERIC_ERROR in attempt(client, ADMIN, PASSWORD, address="192.0.2.9")
    assert attempt(client, ADMIN, PASSWORD, address="192.0.2.10") == "signed in"


def test_a_success_clears_the_count(client: FlaskClient, admin: accounts.Operator) -> None:
    for _ in range(PAIR_LIMIT - 1):
        attempt(client, ADMIN, "not the password")
    assert attempt(client, ADMIN, PASSWORD) == "signed in"
    client.post("/admin/logout", data={"csrf_token": csrf_token(client)})
    attempt(client, ADMIN, "not the password")
    assert attempt(client, ADMIN, PASSWORD) == "signed in"


def forwarded(client: FlaskClient, email: str, password: str, chain: str, proxy: str = "10.0.0.5") -> str:
    """A sign-in through a proxy at `proxy` that says the request came through `chain` (X-Forwarded-For)."""
    token = csrf_token(client)
    response = client.post(
        "/admin/login",
        data={"email": email, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": proxy},
        headers={"X-Forwarded-For": chain},
    )
    return "signed in" if response.status_code == 302 else response.get_data(as_text=True)


def test_behind_a_trusted_proxy_each_client_is_limited_by_its_own_address(
    redis_server: embedded.EmbeddedServer, redis: Redis
) -> None:
    app = create_app({"REDIS_URL": redis_server.url, "TRUSTED_PROXIES": "10.0.0.0/24"})
    make_operator(app, ADMIN, "admin")
    client = app.test_client()
    for n in range(ADDRESS_LIMIT):
        forwarded(client, f"guess{n}@example.org", "not the password", chain="203.0.113.9")
    assert GENERIC_ERROR in forwarded(client, ADMIN, PASSWORD, chain="203.0.113.9")
    # Another operator behind the same proxy is not locked out with the attacker.
    assert forwarded(client, ADMIN, PASSWORD, chain="198.51.100.4, 10.0.0.7") == "signed in"
    assert audit_log(app)[0]["address"] == "198.51.100.4"


def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(
    client: FlaskClient, admin: accounts.Operator
) -> None:
    # No TRUSTED_PROXIES: a guesser cannot dodge the per-address limit by inventing X-Forwarded-For values.
    for n in range(ADDRESS_LIMIT):
        forwarded(client, f"guess{n}@example.org", "x", chain=f"198.51.100.{n}", proxy="192.0.2.99")
    assert GENERIC_ERROR in forwarded(client, ADMIN, PASSWORD, chain="198.51.100.200", proxy="192.0.2.99")


@pytest.mark.parametrize("bad", ["10.0.0.5,nonsense", "300.1.1.1", "10.0.0.0/33"])
def test_a_malformed_trusted_proxies_setting_fails_at_boot(bad: str) -> None:
    with pytest.raises(config.ConfigError, match="TRUSTED_PROXIES"):
        config.load({"TRUSTED_PROXIES": bad})


def test_sign_in_rehashes_when_the_parameters_changed(client: FlaskClient, admin: accounts.Operator, redis) -> None:
    older = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)  # other parameters
    store.update_operator(redis, ADMIN, {"hash": older})
    sign_in(client, ADMIN)
    rehashed = store.operator(redis, ADMIN)["hash"]
    assert rehashed != older and not accounts.hasher.check_needs_rehash(rehashed)
    client.post("/admin/logout", data={"csrf_token": csrf_token(client)})
    sign_in(client, ADMIN)
    assert store.operator(redis, ADMIN)["hash"] == rehashed  # current parameters: left alone


# --- sessions -------------------------------------------------------------------------------------------------------


def test_an_idle_session_ends(client: FlaskClient, signed_in: str, app: Flask, redis: Redis) -> None:
    key = store.console_session_key(sessions.record_id(session_id(client)))
    idle_s = get_config(app).CONSOLE_IDLE_MIN * 60
    now = app.extensions["clock"].time()
    redis.hset(key, "seen", now - idle_s + 30)
    assert client.get("/admin/operators").status_code == 200  # 30 s to spare
    redis.hset(key, "seen", app.extensions["clock"].time() - idle_s - 1)
    response = client.get("/admin/operators")
    assert response.status_code == 302 and response.headers["Location"].startswith("/admin/login")
    assert not redis.exists(key)
    assert "ended after a while without activity" in client.get("/admin/login").get_data(as_text=True)


def test_a_busy_session_still_ends_after_its_lifetime(
    client: FlaskClient, signed_in: str, app: Flask, redis: Redis
) -> None:
    key = store.console_session_key(sessions.record_id(session_id(client)))
    redis.hset(key, "created", app.extensions["clock"].time() - store.CONSOLE_SESSION_MAX_S - 1)
    assert client.get("/admin/operators").status_code == 302
    assert not redis.exists(key)


def test_idle_minutes_are_configurable(redis: Redis, redis_server) -> None:
    app = create_app({"REDIS_URL": redis_server.url, "CONSOLE_IDLE_MIN": "5"})
    assert get_config(app).CONSOLE_IDLE_MIN == 5
    make_operator(app, ADMIN)
    client = app.test_client()
    sign_in(client, ADMIN)
    assert 0 < redis.ttl(store.console_session_key(sessions.record_id(session_id(client)))) <= 5 * 60 + 1


def test_sign_out_ends_the_session_on_the_server(client: FlaskClient, signed_in: str, redis: Redis) -> None:
    old = session_id(client)
    response = client.post("/admin/logout", data={"csrf_token": signed_in})
    assert response.status_code == 302 and response.headers["Location"] == "/admin/login"
    assert not redis.exists(store.console_session_key(sessions.record_id(old)))
    assert "You are signed out." in client.get("/admin/login").get_data(as_text=True)
    client.set_cookie(sessions.COOKIE, old, path=sessions.COOKIE_PATH)  # the old cookie, replayed
    assert client.get("/admin/operators").status_code == 302


def test_a_disabled_operator_is_signed_out_everywhere(app: Flask, client: FlaskClient, redis: Redis) -> None:
    make_operator(app, ADMIN)
    make_operator(app, EDITOR, "editor")
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, EDITOR)
    sign_in(laptop, EDITOR)
    token = sign_in(client, ADMIN)
    response = client.post("/admin/operators/disable", data={"email": EDITOR, "csrf_token": token})
    assert response.status_code == 302
    assert "Disabled editor@example.org" in client.get("/admin/operators").get_data(as_text=True)
    for device in (phone, laptop):
        assert device.get("/admin/audit").status_code == 302
        assert not stored_session(redis, device)
    assert GENERIC_ERROR in attempt(phone, EDITOR, PASSWORD)


# --- CSRF -----------------------------------------------------------------------------------------------------------


def test_a_post_without_the_sessions_token_is_a_400_page(client: FlaskClient, signed_in: str, app: Flask) -> None:
    for data in ({}, {"csrf_token": "forged"}, {"csrf_token": csrf_token(app.test_client())}):
        response = client.post("/admin/logout", data=data)
        assert response.status_code == 400 and "out of date" in response.get_data(as_text=True)
    assert client.get("/admin/operators").status_code == 200  # still signed in
    assert client.post("/admin/logout", headers={"X-CSRF-Token": signed_in}).status_code == 302


def test_the_sign_in_form_needs_its_token_too(client: FlaskClient, admin: accounts.Operator) -> None:
    response = client.post("/admin/login", data={"email": ADMIN, "password": PASSWORD})
    assert response.status_code == 400 and "Traceback" not in response.get_data(as_text=True)


# --- roles ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/admin/operators", "/admin/audit", "/admin/audit.csv", "/admin/rq/"])
def test_admin_pages_refuse_lower_roles_and_send_strangers_to_sign_in(app: Flask, path: str) -> None:
    for role, email in (("viewer", VIEWER), ("editor", EDITOR)):
        make_operator(app, email, role)
        client = app.test_client()
        sign_in(client, email)
        response = client.get(path)
        assert response.status_code == 403 and "Your role does not allow this" in response.get_data(as_text=True)
    anonymous = app.test_client().get(path)
    assert anonymous.status_code == 302 and anonymous.headers["Location"].startswith("/admin/login?next=/admin/")


def test_the_nav_shows_only_what_the_role_may_open(app: Flask) -> None:
    make_operator(app, VIEWER, "viewer")
    client = app.test_client()
    sign_in(client, VIEWER)
    page = client.get("/admin/no-such-page")
    html = page.get_data(as_text=True)
    assert page.status_code == 404 and "There is no such page" in html
    assert 'href="/admin/escalations"' in html and "viewer@example.org" in html and ">Sign out<" in html
    assert 'href="/admin/operators"' not in html and 'href="/admin/rq/"' not in html


def test_require_refuses_an_unknown_role() -> None:
    from service.admin.auth import require

    with pytest.raises(ValueError, match="unknown role"):
        require("owner")


# --- operators page -------------------------------------------------------------------------------------------------


def test_admins_add_operators_from_the_page(client: FlaskClient, signed_in: str, redis: Redis) -> None:
    page = client.get("/admin/operators").get_data(as_text=True)
    assert '<label for="new-email">' in page and ">Add operator<" in page
    data = {"email": EDITOR, "role": "editor", "password": PASSWORD, "csrf_token": signed_in}
    assert client.post("/admin/operators", data=data).status_code == 302
    assert accounts.get(redis, EDITOR) == accounts.Operator(EDITOR, "editor", True, accounts.get(redis, EDITOR).created)
    again = client.post("/admin/operators", data=data)
    assert again.status_code == 400 and "already exists" in again.get_data(as_text=True)
    short = client.post("/admin/operators", data=data | {"email": "x@example.org", "password": "short"})
    assert short.status_code == 400 and "at least 12" in short.get_data(as_text=True)
    assert PASSWORD not in again.get_data(as_text=True)


def test_admins_cannot_disable_themselves(client: FlaskClient, signed_in: str, redis: Redis) -> None:
    client.post("/admin/operators/disable", data={"email": ADMIN, "csrf_token": signed_in})
    assert accounts.get(redis, ADMIN).enabled
    assert "cannot disable your own account" in client.get("/admin/operators").get_data(as_text=True)


# --- audit ----------------------------------------------------------------------------------------------------------


def test_sign_ins_sign_outs_and_operator_changes_are_audited(app: Flask, client: FlaskClient) -> None:
    make_operator(app, ADMIN)
    attempt(client, ADMIN, "a wrong password", address="192.0.2.1")
    token = sign_in(client, ADMIN)
    data = {"email": VIEWER, "role": "viewer", "password": PASSWORD, "csrf_token": token}
    client.post("/admin/operators", data=data)
    client.post("/admin/operators/disable", data={"email": VIEWER, "csrf_token": token})
    client.post("/admin/logout", data={"csrf_token": token})
    entries = audit_log(app)
    assert [(e["operator"], e["action"], e["target"]) for e in entries] == [
        (ADMIN, "signed out", ADMIN),
        (ADMIN, "operator disabled", VIEWER),
        (ADMIN, "operator added", VIEWER),
        (ADMIN, "signed in", ADMIN),
        ("anonymous", "sign-in failed", ADMIN),
    ]
    assert entries[-1]["address"] == "192.0.2.1" and entries[-1]["detail"] == "wrong password"
    assert all(set(e) == {"id", "at", "operator", "address", "action", "target", "detail"} for e in entries)
    assert "a wrong password" not in str(entries) and PASSWORD not in str(entries)


def test_record_outside_a_request_is_the_system(app: Flask) -> None:
    with app.app_context():
        audit.record("templates published", target="topic.menu", detail="en")
        assert audit.entries(1)[0] | {"id": "", "at": ""} == {
            "id": "",
            "at": "",
            "operator": "system",
            "address": "",
            "action": "templates published",
            "target": "topic.menu",
            "detail": "en",
        }
        with pytest.raises(ValueError):
            audit.entries(1, before="0-0) OR 1")


def test_the_audit_page_pages_newest_first(client: FlaskClient, signed_in: str, app: Flask) -> None:
    with app.app_context():
        for n in range(60):
            audit.record("test action", target=f"item-{n}")
    first = client.get("/admin/audit").get_data(as_text=True)
    assert ">item-59<" in first and ">item-10<" in first and ">item-9<" not in first
    older = first.split('href="/admin/audit?before=')[1].split('"')[0]
    second = client.get(f"/admin/audit?before={older}").get_data(as_text=True)
    assert ">item-9<" in second and ">item-10<" not in second and "signed in" in second
    assert 'href="/admin/audit?before=' not in second
    assert client.get("/admin/audit?before=nonsense").status_code == 400


def test_the_csv_export_defuses_formulas(client: FlaskClient, signed_in: str, app: Flask) -> None:
    with app.app_context():
        for value in ('=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "plain"):
            audit.record("test action", target=value)
    response = client.get("/admin/audit.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["at", "operator", "address", "action", "target", "detail"]
    targets = [row[4] for row in rows[1:] if row[3] == "test action"]
    assert targets == ["plain", "'@SUM(A1)", "'-1", "'+1", '\'=HYPERLINK("http://x")']


def test_the_csv_export_streams_every_entry(client: FlaskClient, signed_in: str, app: Flask, monkeypatch) -> None:
    monkeypatch.setattr(audit, "CSV_BATCH", 7)
    with app.app_context():
        for n in range(20):
            audit.record("test action", target=str(n))
    rows = list(csv.reader(io.StringIO(client.get("/admin/audit.csv").get_data(as_text=True))))
    assert [row[4] for row in rows[1:] if row[3] == "test action"] == [str(n) for n in reversed(range(20))]


# --- queues ---------------------------------------------------------------------------------------------------------


def test_the_queues_dashboard_renders_for_an_admin(client: FlaskClient, signed_in: str, redis: Redis) -> None:
    Queue(store.QUEUE, connection=redis).enqueue("workers.ticker.tick_now")
    page = client.get("/admin/rq/")
    assert page.status_code == 200 and "RQ" in page.get_data(as_text=True)
    queues = client.get("/admin/rq/0/data/queues.json").get_json()["queues"]
    assert [(q["name"], q["count"]) for q in queues] == [(store.QUEUE, 1)]
    jobs = client.get(f"/admin/rq/0/data/jobs/{store.QUEUE}/queued/8/asc/1.json").get_json()
    assert len(jobs["jobs"]) == 1
    assert client.get("/admin/rq/0/view/workers").status_code == 200


def test_the_queues_dashboard_posts_need_the_token(client: FlaskClient, signed_in: str, redis: Redis) -> None:
    Queue(store.QUEUE, connection=redis).enqueue("workers.ticker.tick_now")  # compacting an empty queue fails
    compact = f"/admin/rq/queue/{store.QUEUE}/compact"
    assert client.post(compact).status_code == 400
    client.get("/admin/rq/")  # sets the cookie its scripts read the token from
    cookie = client.get_cookie("_csrf_token", path="/admin/rq")
    assert cookie is not None and cookie.value == signed_in
    assert client.post(compact, headers={"X-CSRFToken": cookie.value}).status_code == 200
    # "requeue all" also answers GET upstream: refused here, since a link elsewhere could trigger it.
    assert client.get(f"/admin/rq/requeue/{store.QUEUE}").status_code == 405


def test_the_webhook_never_opens_a_console_session(client: FlaskClient) -> None:
    assert client.get("/healthz").headers.get("Set-Cookie") is None


def test_with_redis_down_a_console_error_is_still_a_short_page() -> None:
    app = create_app({"REDIS_URL": "redis://127.0.0.1:1/0"})  # nothing listens on port 1
    client = app.test_client()
    client.set_cookie(sessions.COOKIE, "a" * 43, path=sessions.COOKIE_PATH)
    response = client.get("/admin/operators")
    text = response.get_data(as_text=True)
    assert response.status_code == 500 and "went wrong on our side" in text and "Traceback" not in text
