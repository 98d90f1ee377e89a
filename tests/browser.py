"""Headless Debian Chromium driven by Playwright, for browser tests of the operator console.

Playwright's own browser downloads are never used: it drives /usr/bin/chromium (Debian's package) through
`executable_path`, with the flags this closed network needs. `launch()` gives every browser a fresh temporary
profile (its own --user-data-dir), removed when the browser closes.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""
"""Chromium logs most CSP refusals itself; this names every one, whatever the directive, as a console error."""


def skip_without_chromium() -> None:
    """Skip when Debian's chromium is not installed here, but never in CI (CI=true), whose run installs it."""
    if not CHROMIUM.exists() and not os.environ.get("CI"):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); CI installs it and runs these tests")


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)


@dataclass
class Problems:
    """Console errors, uncaught page errors and CSP violations of one page; `expect` excuses a known one."""

    seen: list[str] = field(default_factory=list)
    expected: list[re.Pattern[str]] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        page.add_init_script(REPORT_CSP_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.seen.append(f"uncaught {error.name}: {error.message}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "assert"):
            where = message.location.get("url", "")
            self.seen.append(f"console.{message.type}: {message.text} ({where})")

    def expect(self, status: int, path: str = "") -> None:
        """A page (at `path`, if given) answered `status` on purpose (a refused sign-in, a rejected text):
        Chromium logs each as an error."""
        where = rf"\(https?://[^/]+{re.escape(path)}\)$" if path else ""
        self.expected.append(re.compile(rf"Failed to load resource: .*status of {status}\b.*{where}"))

    def unexpected(self) -> list[str]:
        return [p for p in self.seen if not any(e.search(p) for e in self.expected)]


def screenshot(page: Page, directory: Path, name: str) -> Path:
    """A full-page PNG of what `page` shows now, as `directory`/`name`.png."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


CHECK_PAGE = """
() => {
  const problems = [];
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
  }
  if (!document.documentElement.lang) problems.push("<html> has no lang");
  if (document.querySelectorAll("h1").length !== 1) problems.push("not exactly one h1");
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (el.type === "hidden" || !visible(el)) continue;
    const named = el.labels.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!named) problems.push(`a ${el.tagName.toLowerCase()} named ${el.name} has no label`);
  }
  for (const el of document.querySelectorAll("button, a[href]")) {
    if (visible(el) && !el.textContent.trim() && !el.getAttribute("aria-label")) {
      problems.push(`a ${el.tagName.toLowerCase()} with no text`);
    }
  }
  for (const id of [...document.querySelectorAll("[aria-describedby], [aria-labelledby]")]
    .flatMap((el) => `${el.getAttribute("aria-describedby") || ""} ${el.getAttribute("aria-labelledby") || ""}`
      .split(/\\s+/).filter(Boolean))) {
    if (!document.getElementById(id)) problems.push(`aria reference to missing id ${id}`);
  }
  return problems;
}
"""
"""Checks a screen reader user and a phone user depend on: no sideways scrolling of the whole page, a language,
one h1, a label on every control, text on every button and link, and no ARIA reference to a missing element."""


def page_problems(page: Page) -> list[str]:
    return page.evaluate(CHECK_PAGE)
