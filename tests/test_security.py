"""Security: response headers, escaping in the console and in TwiML, placeholders, secrets, the Docker image."""

import ast
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis

from messages import catalog
from service import config, create_app, overrides, security
from tests import console
from tests.texting import Texter

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def admin(app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> str:
    """Sign the client in as an admin; returns the CSRF token."""
    if hasattr(console, "cheap_hashing"):
        console.cheap_hashing(monkeypatch)
    console.make_operator(app, "admin@example.org", "admin")
    return console.sign_in(client, "admin@example.org")


def console_get_pages(app: Flask) -> list[str]:
    """Every console page a GET can reach without path arguments, plus one template's editor and history."""
    pages = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/admin") and "GET" in (rule.methods or ()) and not rule.arguments
    ]
    return [*pages, "/admin/templates/en/fallback", "/admin/templates/en/fallback/history"]


# --- headers -------------------------------------------------------------------------------------------------------


def assert_console_headers(response, path: str) -> None:
    headers = response.headers
    assert headers["Content-Security-Policy"] == security.CONSOLE_CSP, path
    assert headers["X-Content-Type-Options"] == "nosniff", path
    assert headers["X-Frame-Options"] == "DENY", path
    assert headers["Referrer-Policy"] in ("no-referrer", "same-origin"), path
    assert headers["Cache-Control"] == "no-store", path


def test_the_console_policy_allows_no_inline_script_and_no_framing() -> None:
    directives = dict(d.strip().split(" ", 1) for d in security.CONSOLE_CSP.split(";"))
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "frame-ancestors": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
    }
    assert "unsafe" not in security.CONSOLE_CSP


def test_every_console_page_signed_out_carries_the_headers(app: Flask, client: FlaskClient) -> None:
    for path in [*console_get_pages(app), "/admin/no-such-page"]:
        if path.startswith(security.RQ_DASHBOARD_PREFIX) or "static" in path:
            continue
        assert_console_headers(client.get(path), path)
    assert_console_headers(client.post("/admin/login", data={}), "/admin/login (POST, no CSRF token)")


def test_every_console_page_signed_in_carries_the_headers_and_has_no_inline_script(
    app: Flask, client: FlaskClient, admin: str
) -> None:
    for path in console_get_pages(app):
        if path.startswith(security.RQ_DASHBOARD_PREFIX) or "static" in path:
            continue
        response = client.get(path)
        assert response.status_code < 500, path
        assert_console_headers(response, path)
        if response.mimetype == "text/html":
            page = response.get_data(as_text=True)
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), f"inline script on {path}"
            assert not re.search(r"\son[a-z]+\s*=", page, re.I), f"inline event handler on {path}"
            assert "javascript:" not in page.lower(), path


def test_rq_dashboard_is_unframeable_and_uncached_under_its_own_policy(
    app: Flask, client: FlaskClient, admin: str
) -> None:
    response = client.get("/admin/rq/")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == security.RQ_DASHBOARD_CSP
    assert "frame-ancestors 'none'" in security.RQ_DASHBOARD_CSP
    assert response.headers["X-Frame-Options"] == "DENY" and response.headers["Cache-Control"] == "no-store"


def test_console_templates_need_no_inline_script_or_handler() -> None:
    """CSP blocks inline script and event handlers: the console's own templates must use none."""
    for template in sorted((ROOT / "service" / "admin" / "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template.name
        assert not re.search(r"\son[a-z]+\s*=", text, re.I), template.name
        assert "javascript:" not in text.lower(), template.name


def test_console_scripts_do_not_evaluate_strings() -> None:
    for script in (ROOT / "service" / "admin" / "static").rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['\"]", text), script.name


def test_the_webhook_health_and_metrics_get_the_safe_subset(app: Flask, client: FlaskClient, texter: Texter) -> None:
    for response in (texter.post(texter.params("MENU")), client.get("/healthz"), client.get("/metrics")):
        headers = response.headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Content-Security-Policy"] == security.ELSEWHERE_CSP
        assert "Strict-Transport-Security" not in headers  # plain http, no https public URL
        assert "Cache-Control" not in headers or headers["Cache-Control"] != "no-store"


def test_hsts_over_https_or_behind_an_https_public_url(app: Flask, client: FlaskClient, redis_server) -> None:
    assert "Strict-Transport-Security" not in client.get("/healthz").headers
    over_tls = client.get("/healthz", base_url="https://localhost")
    assert over_tls.headers["Strict-Transport-Security"].startswith("max-age=")
    proxied = create_app({"REDIS_URL": redis_server.url, "PUBLIC_BASE_URL": "https://sms.example.org"})
    for path in ("/healthz", "/admin/login"):
        assert proxied.test_client().get(path).headers["Strict-Transport-Security"] == security.HSTS
    proxied.extensions["redis"].close()


# --- escaping ------------------------------------------------------------------------------------------------------


def test_a_published_script_shows_escaped_in_the_console(client: FlaskClient, admin: str, redis: Redis) -> None:
    overrides.publish(redis, "fallback", f"Hi {SCRIPT} & more", author="admin@example.org", action="publish")
    for path in ("/admin/templates", "/admin/templates/en/fallback", "/admin/templates/en/fallback/history"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.get_data(as_text=True)
        assert SCRIPT not in page, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, path


def test_a_published_script_is_sent_as_plain_text_in_twiml(redis: Redis, texter: Texter) -> None:
    overrides.publish(redis, "fallback", f"Hi {SCRIPT} & more", author="admin@example.org", action="publish")
    texter.send("hi")
    response = texter.post(texter.params("purple giraffe"))
    body = response.get_data(as_text=True)
    assert SCRIPT not in body and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in body
    root = ET.fromstring(response.data)
    assert [m.text for m in root.iter("Message")] == [f"Hi {SCRIPT} & more"]
    assert not list(root.iter("script"))


@pytest.mark.parametrize(
    "text",
    ["{program.__class__}", "{program.__class__.__mro__}", "{program[0]}", "{program!r}", "{program:>40}", "{0}"],
)
def test_placeholders_cannot_reach_python_attributes(text: str) -> None:
    assert catalog.render(text, catalog.default_values()) == text
    assert catalog.render("{program}", catalog.default_values()) == catalog.PROGRAM_NAME


# --- secrets -------------------------------------------------------------------------------------------------------

DOCUMENTED_DEV_SECRETS = {"DEV_AUTH_TOKEN", "DEV_SECRET", "DEV_DATA_KEY"}
SHIPPED = ("service", "messages", "workers")


def looks_like_a_secret(value: str) -> bool:
    """A Twilio SID or key, a 32-byte base64 key, or any long, dense, random-looking token."""
    if re.fullmatch(r"(AC|SK|MG|PN|AP)[0-9a-fA-F]{32}", value):
        return True
    if re.fullmatch(r"[A-Za-z0-9+/_-]{43}=?", value) or re.fullmatch(r"[0-9a-fA-F]{32,}", value):
        return True
    if len(value) < 24 or not re.fullmatch(r"[A-Za-z0-9+/=_.-]+", value):
        return False
    if not (re.search(r"\d", value) and re.search(r"[A-Za-z]", value)):
        return False
    counts = Counter(value)
    entropy = -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())
    return entropy > 4.0


def string_constants(path: Path) -> list[tuple[str, str]]:
    """(assigned name or "", value) of every string literal in a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Constant):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    named[id(node.value)] = target.id
    return [
        (named.get(id(node), ""), node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_the_detector_finds_secrets() -> None:
    assert looks_like_a_secret("AC" + "3f9a" * 8)
    assert looks_like_a_secret("c3RlYWR5bGluZS1kZXZlbG9wbWVudC1rZXktMzJieXQ=")
    assert looks_like_a_secret("sk_live_4eC39HqLyjWDarjtT1zdp7dc9x")
    assert not looks_like_a_secret("steadyline-dev-secret-not-for-production")
    assert not looks_like_a_secret("service.admin.templates")


def test_the_only_literal_keys_are_the_documented_development_ones() -> None:
    found = []
    for package in SHIPPED:
        for path in sorted((ROOT / package).rglob("*.py")):
            for name, value in string_constants(path):
                if looks_like_a_secret(value):
                    found.append((str(path.relative_to(ROOT)), name, value[:6] + "..."))
    allowed = [("service/config.py", name) for name in DOCUMENTED_DEV_SECRETS]
    assert ("service/config.py", "DEV_DATA_KEY") in {(path, name) for path, name, _ in found}  # the scan works
    assert [(path, name) for path, name, _ in found if (path, name) not in allowed] == []
    dev_values = {name: getattr(config, name) for name in DOCUMENTED_DEV_SECRETS}
    assert dev_values["DEV_DATA_KEY"] == config.Config.DATA_KEY and dev_values["DEV_SECRET"] == config.Config.SECRET_KEY
    for path in (*ROOT.glob("messages/*.yaml"), ROOT / "Dockerfile", ROOT / "docker-compose.yml"):
        text = path.read_text(encoding="utf-8")
        assert not [t for t in re.findall(r"[A-Za-z0-9+/=_.-]{24,}", text) if looks_like_a_secret(t)], path.name
        for value in dev_values.values():
            assert value not in text, path.name


def test_secrets_come_from_the_environment_in_production() -> None:
    production = {"STEADYLINE_ENV": "production", "REDIS_URL": "redis://redis:6379/0", "TWILIO_AUTH_TOKEN": "t" * 32}
    with pytest.raises(config.ConfigError, match="SECRET_KEY"):
        config.load(production | {"DATA_KEY": config.DEV_DATA_KEY})
    with pytest.raises(config.ConfigError, match="DATA_KEY"):
        config.load(production | {"SECRET_KEY": "s" * 40})
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    for service in ("web", "worker", "scheduler"):
        environment = compose["services"][service]["environment"]
        for name in ("SECRET_KEY", "DATA_KEY", "TWILIO_AUTH_TOKEN"):
            assert re.fullmatch(rf"\$\{{{name}:\?[^}}]*\}}", environment[name]), (service, name)


# --- the Docker image ----------------------------------------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined, comments dropped."""
    lines, current = [], ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        if not current and (not raw.strip() or raw.lstrip().startswith("#")):
            continue
        current += raw.rstrip().removesuffix("\\") + " "
        if not raw.rstrip().endswith("\\"):
            lines.append(current.strip())
            current = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def test_the_image_runs_as_an_unprivileged_user_without_build_tools() -> None:
    instructions = dockerfile_instructions()
    last_stage = max(i for i, (name, _) in enumerate(instructions) if name == "FROM")
    stage = instructions[last_stage:]
    assert "slim" in stage[0][1] or "alpine" in stage[0][1]
    users = [args.split()[0] for name, args in stage if name == "USER"]
    assert users, "no USER line: the image would run as root"
    user, _, group = users[-1].partition(":")
    assert user not in ("root", "0") and group not in ("root", "0")
    build_tools = re.compile(r"\b(gcc|g\+\+|cc|clang|make|build-essential|[a-z0-9.+-]+-dev|rustc|cargo)\b")
    for name, args in stage:
        if name == "RUN" and re.search(r"\b(apt-get|apt|apk|yum|dnf)\b.*\b(install|add)\b", args):
            assert not build_tools.search(args.split("install", 1)[-1]), args
    assert any(name == "RUN" and "--only-binary" in args for name, args in stage), "pip may build from source"


def test_the_dockerignore_keeps_secrets_and_local_data_out_of_the_build() -> None:
    ignored = set((ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".git", ".venv", "var", ".env"} <= ignored
