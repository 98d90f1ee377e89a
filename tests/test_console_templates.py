"""Templates in the operator console: validation rules, list and search, the editor, publish, history, roll back."""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from werkzeug.test import TestResponse

from messages import catalog, segments
from messages.catalog import SAMPLE_VALUES
from service import overrides, store
from service.admin import validation
from service.admin.validation import validate
from tests.console import make_operator, publish_elsewhere, sign_in
from tests.texting import Texter

DEFAULTS = catalog.load("en")
EDITOR_JS = Path(__file__).resolve().parent.parent / "service" / "admin" / "static" / "editor.js"


def errors_of(key: str, text: str) -> str:
    return "\n".join(validate(DEFAULTS[key], text).errors)


def without(key: str, phrase: str, instead: str = "") -> str:
    assert phrase in DEFAULTS[key].text
    return DEFAULTS[key].text.replace(phrase, instead)


# ---------------------------------------------------------------- validation (pure)


@pytest.mark.parametrize("key", sorted(DEFAULTS))
def test_every_default_passes_with_no_warning(key: str) -> None:
    check = validate(DEFAULTS[key], DEFAULTS[key].text)
    assert (check.errors, check.warnings) == ((), ())


def test_render_cannot_reach_attributes() -> None:
    assert catalog.render("{program.__class__} {program[0]}", SAMPLE_VALUES) == "{program.__class__} {program[0]}"
    assert "{program.__class__} is not a placeholder" in errors_of("topic.sleep", "{program.__class__} sleep")


@pytest.mark.parametrize("fragment", ["{program.__class__}", "{Program}", "{ program }", "{0}", "{program!r}", "{}"])
def test_anything_in_braces_but_a_bare_lowercase_name_is_rejected(fragment: str) -> None:
    assert f"{fragment} is not a placeholder" in errors_of("topic.sleep", f"Sleep tips from {fragment}.")


@pytest.mark.parametrize("text", ["Sleep { tips", "Sleep } tips", "{{program}}"])
def test_stray_braces_are_rejected(text: str) -> None:
    assert not validate(DEFAULTS["topic.sleep"], text).ok


def test_placeholders_are_checked_per_key() -> None:
    assert "Unknown placeholder {name}: this template can use {program}." in errors_of("topic.sleep", "Hi {name}")
    assert "Unknown placeholder {time}" in errors_of("topic.sleep", "Check-ins at {time}.")
    assert not errors_of("checkin.time_set", "Done: {time} {zone} it is.")
    assert "Missing placeholder {zone}" in errors_of("checkin.time_set", "Done: {time} it is.")


def test_compliance_replies_keep_the_program_placeholder() -> None:
    assert "Missing placeholder {program}" in errors_of("help", without("help", "{program}", "Steadyline"))


@pytest.mark.parametrize("text", ["", "  \r\n  "])
def test_empty_text_is_rejected(text: str) -> None:
    assert validate(DEFAULTS["topic.sleep"], text).errors == ("The text is empty.",)


def test_text_is_normalised_as_a_browser_sends_it() -> None:
    assert validate(DEFAULTS["topic.sleep"], "  Line one\r\nline two \n").text == "Line one\nline two"


@pytest.mark.parametrize(
    ("key", "phrase"),
    [
        ("help", "Msg & data rates may apply"),
        ("help", "Reply STOP to cancel"),
        ("optout", "START"),
        ("crisis.suicide", "988"),
        ("crisis.overdose", "1-800-222-1222"),
        ("crisis.violence", "1-800-799-7233"),
        ("crisis.medical", "911"),
        ("checkin.confirmed", "TIME 8pm"),
    ],
)
def test_required_content_must_stay(key: str, phrase: str) -> None:
    assert f'Must keep "{phrase}".' in errors_of(key, without(key, phrase, "the line"))


def test_crisis_replies_ask_no_question() -> None:
    text = DEFAULTS["crisis.suicide"].text + " Are you safe?"
    assert "must not ask a question" in errors_of("crisis.suicide", text)


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        ("dose, amount or percentage", "Cut 10% a week."),
        ("text 911", "Or text 911."),
        ("promise", "We promise it works."),
        ("stop suddenly", "You can stop suddenly."),
    ],
)
def test_must_never_rules_apply(rule: str, sentence: str) -> None:
    assert f'"Must never" rule ({rule})' in errors_of("topic.taper", f"{DEFAULTS['topic.taper'].text[:150]} {sentence}")


def test_scheduled_texts_stay_discreet() -> None:
    errors = errors_of("checkin.ask", "Hi, it's {program}. Any withdrawal or Klonopin today? Reply 1-5.")
    assert 'remove "withdrawal", "Klonopin"' in errors


def test_replies_within_a_check_in_stay_discreet_too() -> None:
    """They arrive seconds after the check-in, on the same lock screen (POLICY.md L2)."""
    text = DEFAULTS["checkin.reply.low_cravings"].text.replace("In an emergency", "For a seizure")
    assert 'lock screen and must stay discreet: remove "seizure"' in errors_of("checkin.reply.low_cravings", text)


def test_segment_limit_per_kind_with_sample_values() -> None:
    assert "3 segments with sample values: topic texts may take at most 2." in errors_of("topic.sleep", "Sleep. " * 50)
    assert "at most 1" in errors_of("checkin.ask", "Hi, it's {program}. How are you today? Reply 1-5. " + "x" * 120)


def test_segment_limit_holds_with_the_longest_values_too() -> None:
    text = "Your zone is {zone}, check-ins at {time}. "
    text += "x" * (2 * segments.GSM7_MULTI - len(validation.preview(text)))
    assert validation.preview(text) and segments.segment_count(validation.preview(text)) == 2
    assert "3 segments with the longest values" in errors_of("checkin.zone_set", text)


def test_ucs2_is_a_warning_naming_the_character_outside_scheduled_texts() -> None:
    check = validate(DEFAULTS["topic.sleep"], "It’s late. Sleep well \U0001f634")
    assert check.ok
    assert (
        "’ (U+2019 RIGHT SINGLE QUOTATION MARK), \U0001f634 (U+1F634 SLEEPING FACE) forces UCS-2" in check.warnings[0]
    )
    scheduled = validate(DEFAULTS["checkin.ask"], "Hi, it’s {program}. How are you today? Reply 1-5.")
    assert "must use plain characters (GSM-7). Replace ’ (U+2019 RIGHT SINGLE QUOTATION MARK)" in scheduled.errors[0]


# ---------------------------------------------------------------- console fixtures and helpers


@pytest.fixture
def editor(app: Flask, client: FlaskClient) -> str:
    """Sign the client in as an editor; returns the CSRF token."""
    make_operator(app, "editor@example.org", "editor")
    return sign_in(client, "editor@example.org")


@pytest.fixture
def viewer(app: Flask, client: FlaskClient) -> str:
    make_operator(app, "viewer@example.org", "viewer")
    return sign_in(client, "viewer@example.org")


def page(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def editor_base(client: FlaskClient, key: str) -> dict[str, str]:
    """The hidden fields the editor page carries: the version and the text it was built on."""
    body = page(client, f"/admin/templates/en/{key}")
    return dict(re.findall(r'<input type="hidden" name="(base_\w+)" value="([^"]*)">', body))


def save(client: FlaskClient, csrf: str, key: str, text: str, redis: Redis) -> TestResponse:
    """Post the editor form as a browser would, from the editor page as it is now."""
    form = {"csrf_token": csrf, "text": text, **editor_base(client, key)}
    return client.post(f"/admin/templates/en/{key}", data=form)


def test_the_editor_shows_what_was_published_even_when_this_process_has_an_older_copy(
    client: FlaskClient, editor: str, redis: Redis
) -> None:
    assert save(client, editor, "topic.sleep", "First {program}", redis).status_code == 302
    overrides.PUBLISHED.texts(redis)  # this process has just looked: its copy is fresh for REFRESH_S
    publish_elsewhere(redis, "topic.sleep", "Second {program}")
    assert overrides.current(redis, "topic.sleep") == "First {program}"  # the cache is behind, as it may be
    body = page(client, "/admin/templates/en/topic.sleep")
    assert "Second {program}</textarea>" in body
    assert editor_base(client, "topic.sleep")["base_version"] == "2"


def test_a_publish_built_on_stale_text_is_refused(client: FlaskClient, editor: str, redis: Redis) -> None:
    save(client, editor, "topic.sleep", "First {program}", redis)
    stale = editor_base(client, "topic.sleep")
    publish_elsewhere(redis, "topic.sleep", "Second {program}")
    # A page that showed the old text with the new version number (the defect) is refused too.
    form = {"csrf_token": editor, "text": "Mine {program}", "base_version": "2", "base_digest": stale["base_digest"]}
    response = client.post("/admin/templates/en/topic.sleep", data=form)
    assert response.status_code == 422 and "while you were editing" in response.get_data(as_text=True)
    assert overrides.latest(redis, "topic.sleep") == "Second {program}"
    assert save(client, editor, "topic.sleep", "Mine {program}", redis).status_code == 302


def test_history_offers_no_rollback_to_the_text_in_use(client: FlaskClient, editor: str, redis: Redis) -> None:
    save(client, editor, "topic.sleep", "First {program}", redis)
    save(client, editor, "topic.sleep", "Second {program}", redis)
    body = page(client, "/admin/templates/en/topic.sleep/history")
    assert "Roll back to version 1" in body and "Roll back to version 2" not in body
    response = client.post("/admin/templates/en/topic.sleep/rollback", data={"csrf_token": editor, "version": 2})
    assert response.status_code == 302 and len(overrides.versions(redis, "topic.sleep")) == 2
    assert "nothing to roll back" in page(client, "/admin/templates/en/topic.sleep/history")


def shown(html_text: str, name: str) -> str:
    """The server-rendered value of a live count (what a browser without JS shows)."""
    match = re.search(rf'data-show="{name}"[^>]*>(.*?)</', html_text, re.S)
    assert match, name
    return html.unescape(match.group(1))


def sms_attribute(html_text: str) -> str:
    """The JSON the editor renders for editor.js (its counting tables and limits)."""
    (raw,) = re.findall(r"data-sms='([^']*)'", html_text)
    return html.unescape(raw)


def audit_actions(redis: Redis) -> list[tuple[str, str, str, str]]:
    """The template entries of the audit log, newest first (signing in is audited too)."""
    entries = store.audit_entries(redis, 50)
    return [
        (e["operator"], e["action"], e["target"], e["detail"]) for e in entries if e["action"].startswith("template.")
    ]


# ---------------------------------------------------------------- list and search


def test_list_shows_every_template_with_kind_and_customised(client: FlaskClient, editor: str, redis: Redis) -> None:
    overrides.publish(redis, "topic.sleep", "Sleep text {program}", "a@example.org", "publish")
    body = page(client, "/admin/templates")
    assert '<label for="q">Search templates</label>' in body
    assert '<button type="submit">Search</button>' in body
    for key in DEFAULTS:
        assert f'href="/admin/templates/en/{key}"' in body
    row = re.search(r"<tr>\s*<td><a[^>]*>topic.sleep</a>.*?</tr>", body, re.S).group()
    assert "<td>topic</td>" in row and "Sleep text {program}" in row and "<td>Customised</td>" in row
    assert "<td>Default</td>" in re.search(r"<tr>\s*<td><a[^>]*>topic.taper</a>.*?</tr>", body, re.S).group()


def test_search_matches_keys_and_current_texts(client: FlaskClient, viewer: str, redis: Redis) -> None:
    body = page(client, "/admin/templates?q=1-800-222-1222")
    assert ">crisis.overdose</a>" in body and ">topic.overdose</a>" in body and ">topic.sleep</a>" not in body
    body = page(client, "/admin/templates?q=CHECKIN.REPLY")
    assert body.count('href="/admin/templates/en/checkin.reply.') == 6
    overrides.publish(redis, "topic.sleep", "Wind down early with {program}.", "a@example.org", "publish")
    assert ">topic.sleep</a>" in page(client, "/admin/templates?q=wind+down")


def test_signed_out_visitors_are_sent_to_sign_in(client: FlaskClient) -> None:
    response = client.get("/admin/templates/en/help")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]


# ---------------------------------------------------------------- the editor


def test_editor_renders_text_preview_and_counts_without_js(client: FlaskClient, editor: str) -> None:
    body = page(client, "/admin/templates/en/help")
    text = DEFAULTS["help"].text
    preview = catalog.render(text, SAMPLE_VALUES)
    info = segments.analyse(preview)
    assert '<label for="text">Text</label>' in body
    assert html.unescape(re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', body, re.S).group(1)) == text
    assert shown(body, "preview") == preview
    assert shown(body, "characters") == str(len(preview))
    assert (shown(body, "encoding"), shown(body, "segments")) == ("GSM-7", str(info.segments))
    assert 'id="counts" role="status" aria-live="polite"' in body
    assert '<button type="submit">Save and publish</button>' in body
    assert '<script src="/admin/static/editor.js" defer></script>' in body


def test_editor_says_what_whatsapp_does_with_a_text_and_its_approved_template(
    client: FlaskClient, editor: str, redis: Redis
) -> None:
    assert "up to 1600 characters" in page(client, "/admin/templates/en/help")
    assert "outside WhatsApp" not in page(client, "/admin/templates/en/help")  # a reply: always in the window
    unset = page(client, "/admin/templates/es/checkin.ask")
    assert "none is set, so there it is skipped" in unset and "steadyline whatsapp template checkin.ask es" in unset
    store.set_content_sid(redis, "es:checkin.ask", "HX" + "e" * 32)
    assert "<code>HX" + "e" * 32 + "</code>" in page(client, "/admin/templates/es/checkin.ask")


def test_editor_names_the_character_that_forces_ucs2(client: FlaskClient, editor: str, redis: Redis) -> None:
    overrides.publish(redis, "topic.sleep", "It’s late, {program} says.", "a@example.org", "publish")
    body = page(client, "/admin/templates/en/topic.sleep")
    assert shown(body, "encoding") == "UCS-2"
    assert shown(body, "offenders") == "’ (U+2019 RIGHT SINGLE QUOTATION MARK)"
    names = client.get("/admin/templates/names", query_string={"chars": "’\U0001f600"}).get_json()
    assert names == {"’": "’ (U+2019 RIGHT SINGLE QUOTATION MARK)", "\U0001f600": "\U0001f600 (U+1F600 GRINNING FACE)"}


def test_editor_js_gets_its_tables_from_segments_py(client: FlaskClient, viewer: str) -> None:
    config = json.loads(sms_attribute(page(client, "/admin/templates/en/topic.sleep")))
    assert set(config["gsm7_basic"]) == segments.GSM7_BASIC
    assert set(config["gsm7_extended"]) == segments.GSM7_EXTENDED
    assert config["limits"] == {
        "GSM-7": [segments.GSM7_SINGLE, segments.GSM7_MULTI],
        "UCS-2": [segments.UCS2_SINGLE, segments.UCS2_MULTI],
    }
    assert config["placeholder"] == catalog.PLACEHOLDER.pattern
    assert config["samples"] == SAMPLE_VALUES
    assert config["max_segments"] == catalog.MAX_SEGMENTS["topic"]
    # No table or limit of its own, so it cannot drift from segments.py.
    assert not re.search(r"\b(?:160|153|70|67)\b|£", EDITOR_JS.read_text(encoding="utf-8"))


# Runs editor.js in Node against a stand-in for the few DOM calls it makes, and prints what it shows per text.
NODE_HARNESS = """
const [script, sms, texts] = [process.argv[1], process.argv[2], JSON.parse(process.argv[3])];
const els = {};
const field = { value: "", on: {}, addEventListener(type, fn) { this.on[type] = fn; } };
const form = { dataset: { sms }, querySelector: () => field };
globalThis.document = {
  querySelector(selector) {
    if (selector === "form[data-sms]") return form;
    const name = selector.match(/data-show="(\\w+)"/)[1];
    return (els[name] ??= { textContent: "", hidden: false });
  },
};
globalThis.setTimeout = (fn) => fn();
globalThis.clearTimeout = () => {};
globalThis.fetch = async () => ({ ok: false });
require(script);
console.log(JSON.stringify(texts.map((text) => {
  field.value = text;
  field.on.input();
  const get = (name) => String(els[name].textContent);
  return [get("preview"), get("characters"), get("encoding"), get("segments"), get("offenders"), els.over.hidden];
})));
"""
MIRROR_TEXTS = [
    "",
    "   {program} says hi\r\n  ",
    "a" * 160,
    "a" * 161,
    "a" * 152 + "€" + "a" * 10,  # the escape and its character never split across segments
    "[" * 80,
    "[" * 81,
    "é" * 306 + "x",
    "’" + "a" * 69,
    "’" + "a" * 70,
    "\U0001f600" * 35,
    "a" * 66 + "\U0001f600" + "b" * 10,  # a surrogate pair counts 2 and is never split
    "Hi {name} and {program.__class__} at {time}",
    "Tab\there, NBSP\u00a0there, ❤️ and \u2014 dash " * 3,
]


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_editor_js_counts_exactly_as_segments_py(client: FlaskClient, viewer: str) -> None:
    sms = sms_attribute(page(client, "/admin/templates/en/topic.sleep"))
    run = subprocess.run(
        ["node", "-e", NODE_HARNESS, str(EDITOR_JS), sms, json.dumps(MIRROR_TEXTS)],
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    for text, got in zip(MIRROR_TEXTS, json.loads(run.stdout), strict=True):
        check = validate(DEFAULTS["topic.sleep"], text)
        info = check.info
        offenders = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in info.ucs2_chars)
        limit_ok = info.segments <= catalog.MAX_SEGMENTS["topic"]
        expected = [check.preview, str(len(check.preview)), info.encoding, str(info.segments), offenders, limit_ok]
        assert got == expected, text


# ---------------------------------------------------------------- publishing


def test_save_publishes_and_the_next_reply_uses_it(client: FlaskClient, editor: str, redis: Redis) -> None:
    texter = Texter(client)
    texter.send("hi")
    response = save(client, editor, "topic.sleep", "Sleep is hard. {program} is here.\r\n", redis)
    assert response.status_code == 302 and response.headers["Location"] == "/admin/templates/en/topic.sleep"
    assert "Published version 1." in page(client, "/admin/templates/en/topic.sleep")
    assert texter.send("SLEEP") == ["Sleep is hard. Steadyline is here."]
    (version,) = overrides.versions(redis, "topic.sleep")
    assert (version["author"], version["action"], version["text"]) == (
        "editor@example.org", "publish", "Sleep is hard. {program} is here.",
    )  # fmt: skip
    assert ("editor@example.org", "template.publish", "en:topic.sleep", "v1") in audit_actions(redis)


def rejected(client: FlaskClient, csrf: str, redis: Redis, key: str, text: str, error: str) -> None:
    """Post `text`, expect it refused with `error` next to the field, the text kept and nothing published."""
    response = save(client, csrf, key, text, redis)
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    errors = re.search(r'<div id="text-errors"[^>]*role="alert">(.*?)</div>', body, re.S).group(1)
    assert error in html.unescape(errors)
    textarea = re.search(r'<textarea id="text"([^>]*)>(.*?)</textarea>', body, re.S)
    assert 'aria-invalid="true"' in textarea.group(1) and "text-errors" in textarea.group(1)
    assert html.unescape(textarea.group(2)) == validation.normalise(text)
    assert overrides.versions(redis, key) == []
    assert not [entry for entry in audit_actions(redis) if entry[2] == f"en:{key}"]


def test_unknown_placeholder_is_rejected(client: FlaskClient, editor: str, redis: Redis) -> None:
    rejected(client, editor, redis, "topic.sleep", "Hi {name}, sleep well.", "Unknown placeholder {name}")


def test_attribute_access_is_rejected(client: FlaskClient, editor: str, redis: Redis) -> None:
    rejected(client, editor, redis, "topic.sleep", "{program.__class__}", "{program.__class__} is not a placeholder")


def test_crisis_reply_losing_988_is_rejected(client: FlaskClient, editor: str, redis: Redis) -> None:
    first_number = "Please call or text 988, the Suicide & Crisis Lifeline: free, private and open 24/7. "
    text = without("crisis.suicide", first_number)
    rejected(client, editor, redis, "crisis.suicide", text, 'Must keep "988".')


def test_help_losing_rates_notice_is_rejected(client: FlaskClient, editor: str, redis: Redis) -> None:
    text = without("help", "Msg & data rates may apply. ")
    rejected(client, editor, redis, "help", text, 'Must keep "Msg & data rates may apply".')


def test_curly_quote_is_a_warning_in_a_topic_and_an_error_in_a_scheduled_text(
    client: FlaskClient, editor: str, redis: Redis
) -> None:
    text = "Can’t sleep? Keep the same wake time and get daylight."
    assert save(client, editor, "topic.sleep", text, redis).status_code == 302
    body = page(client, "/admin/templates/en/topic.sleep")
    warning = html.unescape(re.search(r'<div id="text-warnings".*?</div>', body, re.S).group())
    assert "’ (U+2019 RIGHT SINGLE QUOTATION MARK) forces UCS-2" in warning
    assert overrides.current(redis, "topic.sleep") == text
    scheduled = without("checkin.ask", "it's", "it’s")
    rejected(client, editor, redis, "checkin.ask", scheduled, "Scheduled texts must use plain characters (GSM-7).")


def test_a_publish_made_while_editing_is_not_overwritten(client: FlaskClient, editor: str, redis: Redis) -> None:
    base = len(overrides.versions(redis, "topic.sleep"))
    overrides.publish(redis, "topic.sleep", "Theirs {program}", "other@example.org", "publish")
    form = {"csrf_token": editor, "text": "Mine {program}", "base_version": base}
    form["base_digest"] = overrides.digest(catalog.load("en")["topic.sleep"].text)
    response = client.post("/admin/templates/en/topic.sleep", data=form)
    assert response.status_code == 422
    assert "other@example.org published version 1 while you were editing" in response.get_data(as_text=True)
    assert overrides.current(redis, "topic.sleep") == "Theirs {program}"
    assert save(client, editor, "topic.sleep", "Mine {program}", redis).status_code == 302


def test_unknown_template_or_language_is_404(client: FlaskClient, editor: str) -> None:
    assert client.get("/admin/templates/en/nope").status_code == 404
    assert client.get("/admin/templates/xx/help").status_code == 404
    assert client.get("/admin/templates/../help").status_code == 404


# ---------------------------------------------------------------- history, diff, roll back, reset


def test_history_lists_versions_and_diffs_words(client: FlaskClient, editor: str, redis: Redis) -> None:
    overrides.publish(redis, "topic.sleep", "Sleep well tonight {program}", "a@example.org", "publish")
    overrides.publish(redis, "topic.sleep", "Sleep soundly tonight {program}", "b@example.org", "publish")
    body = page(client, "/admin/templates/en/topic.sleep/history")
    assert "<h1>History of topic.sleep" in body
    rows = re.findall(r"<tr>\s*<td>v(\d)[^<]*</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>", body)
    assert rows == [("2", "publish", "b@example.org"), ("1", "publish", "a@example.org")]
    assert '<button type="submit">Show diff</button>' in body
    assert '<del><span class="visually-hidden">[deleted: </span>well <' in body
    assert '<ins><span class="visually-hidden">[inserted: </span>soundly <' in body
    against_default = page(client, "/admin/templates/en/topic.sleep/history?a=default&b=1")
    assert "<h3>Default text to version 1</h3>" in against_default
    assert "[deleted: </span>Poor sleep" in against_default
    assert client.get("/admin/templates/en/topic.sleep/history?a=9").status_code == 404


def test_rollback_publishes_the_old_text_as_a_new_version(client: FlaskClient, editor: str, redis: Redis) -> None:
    save(client, editor, "topic.sleep", "First {program}", redis)
    save(client, editor, "topic.sleep", "Second {program}", redis)
    body = page(client, "/admin/templates/en/topic.sleep/history")
    assert "Roll back to version 1</button>" in body
    response = client.post("/admin/templates/en/topic.sleep/rollback", data={"csrf_token": editor, "version": 1})
    assert response.status_code == 302
    latest = overrides.versions(redis, "topic.sleep")[-1]
    assert (latest["version"], latest["text"], latest["action"]) == (3, "First {program}", "rollback to v1")
    assert overrides.current(redis, "topic.sleep") == "First {program}"
    assert ("editor@example.org", "template.rollback", "en:topic.sleep", "v1 as v3") in audit_actions(redis)
    assert (
        client.post("/admin/templates/en/topic.sleep/rollback", data={"csrf_token": editor, "version": 7}).status_code
        == 404
    )


def test_rollback_to_a_text_that_breaks_todays_rules_is_refused(client: FlaskClient, editor: str, redis: Redis) -> None:
    overrides.publish(redis, "help", "Old help without the notices {program}", "a@example.org", "publish")
    save(client, editor, "help", DEFAULTS["help"].text + " Text MENU.", redis)
    response = client.post("/admin/templates/en/help/rollback", data={"csrf_token": editor, "version": 1})
    assert response.status_code == 302
    assert "Version 1 cannot be published again" in page(client, "/admin/templates/en/help/history")
    assert len(overrides.versions(redis, "help")) == 2


def test_reset_to_default(client: FlaskClient, editor: str, redis: Redis) -> None:
    save(client, editor, "topic.sleep", "Custom {program}", redis)
    assert '<button type="submit" class="button-danger" aria-describedby="reset-hint">Reset to default</button>' in (
        page(client, "/admin/templates/en/topic.sleep/history")
    )
    assert client.post("/admin/templates/en/topic.sleep/reset", data={"csrf_token": editor}).status_code == 302
    latest = overrides.versions(redis, "topic.sleep")[-1]
    assert (latest["version"], latest["action"]) == (2, "reset to default")
    assert overrides.current(redis, "topic.sleep") == DEFAULTS["topic.sleep"].text
    assert ("editor@example.org", "template.reset", "en:topic.sleep", "v2") in audit_actions(redis)
    assert "Default" in re.search(r">topic.sleep</a>.*?</tr>", page(client, "/admin/templates"), re.S).group()


# ---------------------------------------------------------------- viewers


def test_viewers_read_but_cannot_change(client: FlaskClient, viewer: str, redis: Redis) -> None:
    overrides.publish(redis, "topic.sleep", "Custom {program}", "a@example.org", "publish")
    body = page(client, "/admin/templates/en/topic.sleep")
    assert "Save and publish" not in body
    assert re.search(r'<textarea id="text"[^>]*readonly', body)
    history = page(client, "/admin/templates/en/topic.sleep/history")
    assert "Roll back" not in history and "Reset to default" not in history
    for path, form in [
        ("", {"text": "Viewer text {program}", "base_version": 1}),
        ("/rollback", {"version": 1}),
        ("/reset", {}),
    ]:
        response = client.post(f"/admin/templates/en/topic.sleep{path}", data={"csrf_token": viewer, **form})
        assert response.status_code == 403
    assert len(overrides.versions(redis, "topic.sleep")) == 1
    assert audit_actions(redis) == []


def test_posts_need_the_csrf_token(client: FlaskClient, editor: str, redis: Redis) -> None:
    response = client.post("/admin/templates/en/topic.sleep/reset")
    assert response.status_code == 400
    assert overrides.versions(redis, "topic.sleep") == []
