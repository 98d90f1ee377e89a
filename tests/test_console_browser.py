"""The operator console in a real browser: headless Debian Chromium, driven by Playwright, against the real app on a
real HTTP server on loopback (and the shared embedded Redis), the way a screen reader user works it: every element
is found by its role and accessible name or by its label, never by CSS.

Any console error, uncaught page error or CSP violation fails the test. A full-page screenshot of every console
page, at a laptop and a phone width, goes to test-output/screenshots/. Skipped only when /usr/bin/chromium is
missing outside CI; CI installs it (.ci/run).
"""

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright
from redis import Redis
from rq import Queue, SimpleWorker

from messages import catalog
from service import overrides, store
from service.admin.signin import GENERIC_ERROR
from tests.browser import LAPTOP, PHONE, Problems, launch, page_problems, screenshot, skip_without_chromium
from tests.console import PASSWORD, cheap_hashing, make_operator, publish_elsewhere
from tests.live import LiveApp, post_webhook, signed_params
from tests.texting import outbox

SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
ADMIN, EDITOR, VIEWER = "admin@example.org", "editor@example.org", "viewer@example.org"
NUMBER = "+15555550123"
CRISIS_TEXT = "i took the whole bottle"
SLEEP = "topic.sleep"
SLEEP_DEFAULT = catalog.load("en")[SLEEP].text[:30]
"""The start of the default English sleep reply, whatever the catalog says today."""
NEW_SLEEP = "Keep one wake time, get daylight, and skip caffeine late. Tell your prescriber if sleep is hard."
OLD_SLEEP = "Sleep comes back with time. Keep one wake time and get daylight. Tell your prescriber if it is hard."

expect.set_options(timeout=10_000)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    skip_without_chromium()
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def server(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveApp]:
    cheap_hashing(monkeypatch)
    with LiveApp(app) as live:
        yield live


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(browser: Browser, server: LiveApp, problems: Problems) -> Iterator[Page]:
    """A page in a fresh browser context (no cookies) on the live app; fails the test on any console problem."""
    context = browser.new_context(base_url=server.url, viewport=LAPTOP)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems.watch(page)
    yield page
    context.close()
    assert not problems.unexpected(), "the browser reported problems:\n" + "\n".join(problems.unexpected())


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    page.goto("/admin/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def status_message(page: Page, text: str) -> None:
    """A flashed status (success or info) with `text` is on the page."""
    expect(page.get_by_role("status").filter(has_text=text)).to_be_visible()


def reply(server: LiveApp, text: str, number: str = NUMBER) -> list[str]:
    """Text the line over real HTTP, signed as Twilio signs; the replies."""
    status, replies = post_webhook(server.url, signed_params(number, text))
    assert status == 200
    return replies


def open_editor(page: Page, key: str = SLEEP, lang: str = "en") -> None:
    page.get_by_role("navigation", name="Console").get_by_role("link", name="Templates").click()
    page.get_by_label("Search templates").fill(key)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=f"{key} ({lang})", exact=True).click()


def test_a_csp_violation_is_caught(page: Page, problems: Problems) -> None:
    """The watch on the browser works: an inline style, which the console's policy forbids, is reported."""
    page.goto("/admin/login")
    with page.expect_console_message(lambda message: "CSP violation" in message.text):
        page.evaluate("""() => document.body.insertAdjacentHTML("beforeend", '<p style="color: red">inline</p>')""")
    assert any("CSP violation: style-src" in problem for problem in problems.unexpected()), problems.seen
    problems.seen.clear()


# --- signing in ---------------------------------------------------------------------------------------------------


def test_sign_in_fails_with_one_generic_message_then_succeeds(page: Page, app: Flask, problems: Problems) -> None:
    make_operator(app, EDITOR, "editor")
    problems.expect(401)  # each refused sign-in answers 401, which Chromium logs
    page.goto("/admin/escalations")
    expect(page).to_have_title(re.compile("^Sign in"))
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    expect(page.get_by_label("Email")).to_be_focused()

    for email, password in [(EDITOR, "not the right password"), ("nobody@example.org", PASSWORD)]:
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("alert")).to_have_text(GENERIC_ERROR)
        # The message is tied to the field a screen reader lands on.
        expect(page.get_by_label("Email")).to_have_accessible_description(GENERIC_ERROR)
        expect(page.get_by_label("Password")).to_have_value("")

    page.get_by_label("Email").fill(EDITOR)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Back where they were going.
    expect(page.get_by_role("heading", name="Escalations", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Escalations")).to_have_attribute("aria-current", "page")
    page.get_by_role("button", name="Sign out").click()
    status_message(page, "You are signed out.")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


# --- templates ----------------------------------------------------------------------------------------------------


def test_edit_a_template_with_live_counts_and_the_next_reply_uses_it(page: Page, app: Flask, server: LiveApp) -> None:
    make_operator(app, EDITOR, "editor")
    default = reply(server, "sleep")[-1]
    assert default.startswith("Poor sleep")
    sign_in(page, EDITOR)
    open_editor(page)
    expect(page.get_by_role("heading", name=f"Edit template {SLEEP} (en)")).to_be_visible()

    text = page.get_by_label("Text", exact=True)
    counts = page.get_by_role("status").filter(has_text="characters")
    preview = page.get_by_role("region", name="Preview with sample values")
    expect(counts).to_contain_text(f"{len(default)} characters, encoding GSM-7, 2 of at most 2 segments")

    text.fill("")
    text.press_sequentially("Sleep well.")
    expect(counts).to_contain_text("11 characters, encoding GSM-7, 1 of at most 2 segments.")
    expect(preview).to_contain_text("Sleep well.")
    expect(counts.get_by_text("Too long.")).to_be_hidden()

    text.fill("Sleep. " * 50)
    expect(counts).to_contain_text("349 characters, encoding GSM-7, 3 of at most 2 segments. Too long.")

    text.fill(NEW_SLEEP)
    expect(counts).to_contain_text(f"{len(NEW_SLEEP)} characters, encoding GSM-7, 1 of at most 2 segments.")
    expect(preview).to_contain_text(NEW_SLEEP)
    page.get_by_role("button", name="Save and publish").click()

    status_message(page, "Published version 1.")
    expect(text).to_have_value(NEW_SLEEP)
    assert reply(server, "sleep") == [NEW_SLEEP]


def test_the_spanish_editor_shows_the_english_beside_it_and_publishes_for_spanish_texters_only(
    page: Page, app: Flask, server: LiveApp
) -> None:
    make_operator(app, EDITOR, "editor")
    assert reply(server, "hola, no puedo dormir", "+15555550177")[-1] == catalog.text(SLEEP, "es")  # the default
    sign_in(page, EDITOR)
    open_editor(page, SLEEP, "es")
    expect(page.get_by_role("heading", name=f"Edit template {SLEEP} (es)")).to_be_visible()
    english = page.get_by_role("region", name="The same template in English")
    expect(english).to_contain_text(SLEEP_DEFAULT)
    counts = page.get_by_role("status").filter(has_text="characters")
    expect(counts).to_contain_text("of at most 3 segments")  # Spanish topics may take one more
    text = page.get_by_label("Text", exact=True)
    text.fill("Duerme a la misma hora cada noche. Dile a tu médico si se pone dificil.")
    expect(counts).to_contain_text("encoding GSM-7, 1 of at most 3 segments")  # é is GSM-7
    page.get_by_role("button", name="Save and publish").click()
    status_message(page, "Published version 1.")
    assert reply(server, "dormir", "+15555550177") == [
        "Duerme a la misma hora cada noche. Dile a tu médico si se pone dificil."
    ]
    assert reply(server, "sleep")[-1].startswith(SLEEP_DEFAULT)  # English texters keep the English
    # Switching to English shows the new Spanish beside it; English history has nothing of the Spanish publish.
    page.get_by_role("navigation", name="Language").get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", name=f"Edit template {SLEEP} (en)")).to_be_visible()
    expect(page.get_by_role("region", name="The same template in Spanish")).to_contain_text("Duerme a la misma hora")
    page.get_by_role("link", name="History and diffs").click()
    expect(page.get_by_role("cell", name="v1 (current)")).to_have_count(0)


def test_a_curly_quote_warns_of_ucs2_and_names_the_character(page: Page, app: Flask) -> None:
    make_operator(app, EDITOR, "editor")
    sign_in(page, EDITOR)
    page.goto(f"/admin/templates/en/{SLEEP}")
    counts = page.get_by_role("status").filter(has_text="characters")
    expect(counts.get_by_text("UCS-2 (at most")).to_be_hidden()

    text = page.get_by_label("Text", exact=True)
    text.fill("Sleep well. ")
    text.press_sequentially("It’s late.")
    expect(counts).to_contain_text("encoding UCS-2")
    expect(counts).to_contain_text("because of: ’ (U+2019 RIGHT SINGLE QUOTATION MARK)")

    text.fill("Sleep well. It's late.")
    expect(counts).to_contain_text("encoding GSM-7")
    expect(counts.get_by_text("UCS-2 (at most")).to_be_hidden()


def test_an_unknown_placeholder_is_refused_next_to_the_field(
    page: Page, app: Flask, server: LiveApp, problems: Problems
) -> None:
    make_operator(app, EDITOR, "editor")
    problems.expect(422)  # the refused text comes back with 422, which Chromium logs
    sign_in(page, EDITOR)
    page.goto(f"/admin/templates/en/{SLEEP}")
    text = page.get_by_label("Text", exact=True)
    text.fill("Hi {name}, sleep well.")
    page.get_by_role("button", name="Save and publish").click()

    error = "Unknown placeholder {name}: this template can use {program}."
    expect(page.get_by_role("alert")).to_contain_text(f"Not published. Fix this: {error}")
    text = page.get_by_label("Text", exact=True)
    expect(text).to_have_attribute("aria-invalid", "true")
    expect(text).to_have_accessible_description(re.compile(re.escape(error)))
    expect(text).to_have_value("Hi {name}, sleep well.")
    assert reply(server, "sleep")[-1].startswith("Poor sleep")


def test_roll_back_publishes_the_old_text_as_a_new_version(
    page: Page, app: Flask, redis: Redis, server: LiveApp
) -> None:
    make_operator(app, EDITOR, "editor")
    overrides.publish(redis, SLEEP, OLD_SLEEP, EDITOR, "publish")
    overrides.publish(redis, SLEEP, NEW_SLEEP, EDITOR, "publish")
    assert reply(server, "sleep")[-1] == NEW_SLEEP
    sign_in(page, EDITOR)
    page.goto(f"/admin/templates/en/{SLEEP}")
    page.get_by_role("link", name="History and diffs").click()

    expect(page.get_by_role("heading", name=f"History of {SLEEP} (en)")).to_be_visible()
    compare = page.get_by_role("region", name="Compare two texts")
    expect(compare.get_by_role("heading", name="Version 1 to version 2")).to_be_visible()
    expect(compare.get_by_role("deletion").first).to_contain_text("Sleep comes back with time.")
    expect(compare.get_by_role("insertion").first).to_be_visible()

    page.get_by_role("button", name="Roll back to version 1").click()
    status_message(page, "Rolled back to version 1, published as version 3.")
    current = page.get_by_role("row").filter(has_text="v3 (current)")
    expect(current).to_contain_text("rollback to v1")
    expect(current).to_contain_text(OLD_SLEEP)
    assert reply(server, "sleep") == [OLD_SLEEP]

    page.get_by_label("From").select_option(label="Version 2")
    page.get_by_label("To").select_option(label="Version 3")
    page.get_by_role("button", name="Show diff").click()
    expect(compare.get_by_role("heading", name="Version 2 to version 3")).to_be_visible()


def test_a_publish_made_elsewhere_is_what_the_editor_shows_and_a_stale_save_is_refused(
    page: Page, app: Flask, redis: Redis, server: LiveApp, problems: Problems
) -> None:
    problems.expect(422)  # the refused save comes back with 422, which Chromium logs
    make_operator(app, EDITOR, "editor")
    sign_in(page, EDITOR)
    open_editor(page)
    text = page.get_by_label("Text", exact=True)
    expect(text).to_have_value(re.compile("^" + re.escape(SLEEP_DEFAULT)))
    overrides.PUBLISHED.texts(redis)  # the web process has a fresh copy of the published texts...
    publish_elsewhere(redis, SLEEP, OLD_SLEEP)  # ...when another process publishes

    text.fill(NEW_SLEEP)
    page.get_by_role("button", name="Save and publish").click()
    expect(page.get_by_role("alert")).to_contain_text("other@example.org published version 1 while you were editing")
    expect(text).to_have_value(NEW_SLEEP)  # their text is kept, nothing was published
    assert overrides.latest(redis, SLEEP) == OLD_SLEEP

    page.get_by_role("link", name="History and diffs").click()
    expect(page.get_by_role("row").filter(has_text="v1 (current)")).to_contain_text(OLD_SLEEP)
    page.get_by_role("link", name="Back to the editor").click()
    expect(text).to_have_value(OLD_SLEEP)  # what was published, not this process's older copy
    text.fill(NEW_SLEEP)
    page.get_by_role("button", name="Save and publish").click()
    status_message(page, "Published version 2.")
    expect(text).to_have_value(NEW_SLEEP)


def test_a_viewer_cannot_edit(page: Page, app: Flask, server: LiveApp) -> None:
    make_operator(app, VIEWER, "viewer")
    sign_in(page, VIEWER)
    open_editor(page)
    expect(page.get_by_role("heading", name=f"View template {SLEEP} (en)")).to_be_visible()
    expect(page.get_by_label("Text", exact=True)).not_to_be_editable()
    expect(page.get_by_role("button", name="Save and publish")).to_have_count(0)
    page.get_by_role("link", name="History and diffs").click()
    expect(page.get_by_role("button", name=re.compile("Roll back|Reset"))).to_have_count(0)

    # The form's POST, sent anyway with this session's cookie and CSRF token, is refused.
    token = page.locator('meta[name="csrf-token"]').get_attribute("content")
    response = page.request.post(
        f"/admin/templates/en/{SLEEP}", form={"csrf_token": token or "", "text": NEW_SLEEP, "base_version": "0"}
    )
    assert response.status == 403
    assert reply(server, "sleep")[-1].startswith("Poor sleep")


# --- escalations --------------------------------------------------------------------------------------------------


def test_a_crisis_text_is_claimed_and_closed_in_the_queue(page: Page, app: Flask, server: LiveApp) -> None:
    make_operator(app, EDITOR, "editor")
    assert "call 911 now" in reply(server, CRISIS_TEXT)[-1]
    sign_in(page, EDITOR)
    expect(page.get_by_role("region", name="Open escalations")).to_contain_text("1 crisis message nobody has claimed")
    page.get_by_role("link", name="Go to the queue").click()

    row = page.get_by_role("row").filter(has_text=CRISIS_TEXT)
    expect(row).to_contain_text("overdose")
    expect(row).to_contain_text("open")
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Escalation \w{6}$"))).to_be_visible()
    expect(page.get_by_role("region", name="What they wrote")).to_contain_text(CRISIS_TEXT)
    expect(page.get_by_role("region", name="What they wrote")).not_to_contain_text(NUMBER)

    page.get_by_role("button", name="Claim").click()
    status_message(page, "You claimed it.")
    page.get_by_label("Add a note").fill("Called back, they are with a friend.")
    page.get_by_role("button", name="Add note").click()
    status_message(page, "Note added.")
    expect(page.get_by_role("region", name="Notes")).to_contain_text("Called back, they are with a friend.")
    page.get_by_label("Closing note (optional)").fill("Safe for tonight.")
    page.get_by_role("button", name="Close").click()
    status_message(page, "Closed.")
    expect(page.get_by_role("region", name="What they wrote")).to_contain_text(re.compile(rf"Closed by\s*{EDITOR}"))
    expect(page.get_by_role("button", name="Claim")).to_have_count(0)

    page.get_by_role("link", name="Back to the queue").click()
    expect(page.get_by_text("No open escalations.")).to_be_visible()
    page.get_by_label("State").select_option(label="Closed")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("row").filter(has_text=CRISIS_TEXT)).to_contain_text(EDITOR)


def run_jobs(app: Flask, redis: Redis) -> None:
    """What a worker would do next: the queued sends."""
    with app.app_context():
        SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True)


def open_claimed_escalation(page: Page, server: LiveApp) -> None:
    reply(server, CRISIS_TEXT)
    sign_in(page, EDITOR)
    page.goto("/admin/escalations")
    page.get_by_role("row").filter(has_text=CRISIS_TEXT).get_by_role("link").click()
    page.get_by_role("button", name="Claim").click()
    status_message(page, "You claimed it.")


def test_an_operator_texts_the_person_sees_the_reply_arrive_and_hands_back(
    page: Page, app: Flask, redis: Redis, server: LiveApp
) -> None:
    make_operator(app, EDITOR, "editor")
    open_claimed_escalation(page, server)
    conversation = page.get_by_role("region", name="The conversation")
    expect(conversation).to_contain_text("They text in English")
    page.get_by_label("Saved replies").select_option(label="checking in")
    expect(page.get_by_label("Text the person")).to_have_value(catalog.text("operator.checking_in"))
    page.get_by_label("Text the person").fill("Hi, it's Sam from the team. Are you safe right now?")
    expect(page.locator("#counts")).to_contain_text("1 of at most 4 segments")  # counted as they type
    page.get_by_role("button", name="Send").click()
    status_message(page, "Sent to the queue.")
    run_jobs(app, redis)
    sent = [m["body"] for m in outbox(redis) if m["kind"] == "operator"]
    assert sent == [catalog.text("operator.intro"), "Hi, it's Sam from the team. Are you safe right now?"]

    assert reply(server, "yes im ok, my sister is here") == []  # the bot stays quiet while a person texts
    expect(conversation).to_contain_text("yes im ok, my sister is here")  # arrives without a reload
    expect(conversation).to_contain_text(f"{EDITOR} (operator) wrote")

    page.get_by_role("button", name="Hand back to the bot").click()
    status_message(page, "Handed back")
    assert reply(server, "MENU") == [catalog.text("topic.menu")]


def test_a_viewer_reads_the_conversation_but_cannot_text_the_person(page: Page, app: Flask, server: LiveApp) -> None:
    make_operator(app, VIEWER, "viewer")
    reply(server, CRISIS_TEXT)
    sign_in(page, VIEWER)
    page.goto("/admin/escalations")
    page.get_by_role("row").filter(has_text=CRISIS_TEXT).get_by_role("link").click()
    expect(page.get_by_role("region", name="The conversation")).to_be_visible()
    expect(page.get_by_label("Text the person")).to_have_count(0)
    expect(page.get_by_role("button", name="Send")).to_have_count(0)


def test_a_stop_during_a_held_conversation_silences_everything_operator_texts_included(
    page: Page, app: Flask, redis: Redis, server: LiveApp
) -> None:
    make_operator(app, EDITOR, "editor")
    open_claimed_escalation(page, server)
    page.get_by_label("Text the person").fill("Checking in on you.")
    page.get_by_role("button", name="Send").click()
    page.get_by_label("Text the person").fill("Are you there?")  # queued before the STOP lands
    page.get_by_role("button", name="Send").click()
    status_message(page, "Sent to the queue.")
    assert reply(server, "STOP") == [catalog.text("optout")]
    run_jobs(app, redis)
    assert [m["body"] for m in outbox(redis) if m["kind"] == "operator"] == []
    page.reload()
    expect(page.get_by_role("region", name="The conversation")).to_contain_text("They texted STOP")
    expect(page.get_by_label("Text the person")).to_have_count(0)
    assert reply(server, "MENU") == []


# --- every page, on a laptop and a phone --------------------------------------------------------------------------


def test_every_page_renders_cleanly_on_a_laptop_and_a_phone(
    page: Page, app: Flask, redis: Redis, server: LiveApp, problems: Problems
) -> None:
    make_operator(app, ADMIN, "admin")
    make_operator(app, EDITOR, "editor")
    make_operator(app, VIEWER, "viewer")
    overrides.publish(redis, SLEEP, OLD_SLEEP, EDITOR, "publish")
    overrides.publish(redis, SLEEP, NEW_SLEEP, ADMIN, "publish")
    for n in range(3):
        reply(server, "hi", f"+1555555020{n}")
        reply(server, "sleep", f"+1555555020{n}")
    for n in range(2):
        reply(server, CRISIS_TEXT + " and i dont know what to do now, please help me" * n, f"+1555555030{n}")
    escalation_id = store.escalation_page(redis, "open", 0, 1)[0][0]["id"]

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()

    found: list[str] = []

    def shoot(name: str, path: str, checked: bool = True, ready: Locator | None = None) -> None:
        """Load `path` at each width (as a laptop or a phone would), check it, and save a full-page screenshot."""
        for label, size in (("laptop", LAPTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            page.goto(path)
            if ready is not None:
                expect(ready).to_be_visible()
            if checked:
                found.extend(f"{name} at {size['width']}px: {problem}" for problem in page_problems(page))
            screenshot(page, SCREENSHOTS, f"{name}-{label}")
        page.set_viewport_size(LAPTOP)

    shoot("01-sign-in", "/admin/login")
    sign_in(page, ADMIN)
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.goto(f"/admin/escalations/{escalation_id}")
    page.get_by_role("button", name="Claim").click()
    page.get_by_label("Add a note").fill("Texted back with the crisis line number; will check in tomorrow.")
    page.get_by_role("button", name="Add note").click()
    status_message(page, "Note added.")

    shoot("02-dashboard", "/admin/")
    shoot("03-templates", "/admin/templates")
    shoot("04-template-editor", f"/admin/templates/en/{SLEEP}")
    # The editor refusing a text, with its warning and live counts, at both widths.
    problems.expect(422)
    for label, size in (("laptop", LAPTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.goto(f"/admin/templates/en/{SLEEP}")
        page.get_by_label("Text", exact=True).fill("Hi {name}, it’s late. Sleep well.")
        page.get_by_role("button", name="Save and publish").click()
        expect(page.get_by_role("status").filter(has_text="characters")).to_contain_text("RIGHT SINGLE QUOTATION")
        found.extend(f"04b-template-editor-refused at {size['width']}px: {p}" for p in page_problems(page))
        screenshot(page, SCREENSHOTS, f"04b-template-editor-refused-{label}")
    page.set_viewport_size(LAPTOP)
    shoot("05-template-history", f"/admin/templates/en/{SLEEP}/history")
    expect(page.get_by_role("region", name="Compare two texts").get_by_role("insertion").first).to_be_visible()
    shoot("06-escalations", "/admin/escalations?state=all")
    # Stacked for a phone, the queue is still a table to a screen reader: headers, rows and cells.
    page.set_viewport_size(PHONE)
    page.goto("/admin/escalations?state=all")
    expect(page.get_by_role("columnheader", name="Message")).to_have_count(1)
    expect(page.get_by_role("cell", name=CRISIS_TEXT, exact=True)).to_have_count(1)
    page.set_viewport_size(LAPTOP)
    shoot("07-escalation", f"/admin/escalations/{escalation_id}")
    shoot("08-audit", "/admin/audit")
    shoot("09-operators", "/admin/operators")
    # rq-dashboard is third-party markup: only its console errors are held against it, but for the icon its
    # template asks of the app's own /static folder, which the app does not serve.
    problems.expect(404, "/static/favicon.ico")
    shoot("10-queues", "/admin/rq/", checked=False, ready=page.get_by_role("cell", name=store.QUEUE, exact=True))
    assert found == []


def test_at_390_px_the_chart_shows_without_scrolling_and_the_queues_page_leads_back(
    page: Page, app: Flask, redis: Redis, server: LiveApp, problems: Problems
) -> None:
    make_operator(app, ADMIN, "admin")
    pipe = redis.pipeline()
    store.count(pipe, datetime.now(UTC), "mood_4", 3)  # the dashboard's days are the wall clock's, like its page
    pipe.execute()
    page.set_viewport_size(PHONE)
    sign_in(page, ADMIN)
    chart = page.get_by_role("img", name=re.compile("Check-in answers .* last 14 days"))
    expect(chart).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("last 30 days"))).to_be_hidden()  # the laptop's wide chart
    box = chart.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # whole, no sideways scroll
    assert box["y"] + box["height"] <= PHONE["height"], box  # and on the first screen
    assert chart.locator("rect title").filter(has_text="4, 3").count() == 1  # today's bar is in it

    problems.expect(404, "/static/favicon.ico")  # rq-dashboard's own icon request (see above)
    reply(server, CRISIS_TEXT)  # its alert job puts a queue on the page
    page.goto("/admin/rq/")
    queue = page.get_by_role("cell", name=store.QUEUE, exact=True)
    expect(queue).to_be_visible()
    intro, table = page.locator("p.intro").first.bounding_box(), page.locator("table").first.bounding_box()
    assert intro and table and intro["y"] + intro["height"] <= table["y"]  # the text no longer runs under the table
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, SCREENSHOTS, "10b-queues-phone-fixed")
    page.get_by_role("link", name="Back to the Steadyline console").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
