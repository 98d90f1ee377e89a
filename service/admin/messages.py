"""Reply templates in the console: list and search, edit with live counts, publish, history, diff, roll back."""

import difflib
import re
from collections.abc import Iterable

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from redis import Redis

from messages import catalog, rules, segments
from messages.catalog import Template
from service import channel, overrides
from service.admin import audit, validation
from service.admin.auth import current_operator, require
from service.admin.blueprint import bp
from service.connection import get_config, get_redis
from service.twilio import content

EXCERPT_CHARS = 90
MAX_NAMED_CHARS = 32
"""How many characters one request may ask Unicode names for (the editor asks for the few it has not seen)."""
DEFAULT = "default"
"""The name of the default text among the versions a diff can compare."""


def languages() -> list[str]:
    """The languages that have a default catalog."""
    return sorted(path.stem for path in catalog.CATALOG_DIR.glob("*.yaml"))


@bp.app_template_filter("language_name")
def language_name(code: str | None) -> str:
    """ "English" for "en" (and for records made before languages were stored), "Spanish" for "es"."""
    return catalog.LANGUAGE_NAMES.get(code or catalog.DEFAULT_LANGUAGE, code or "")


def template_or_404(lang: str, key: str) -> Template:
    """The default template `key` of `lang` (its kind, key and numbers drive validation); 404 when unknown."""
    if lang not in languages() or key not in catalog.load(lang):
        abort(404)
    return catalog.load(lang)[key]


def customised(redis: Redis, lang: str, key: str) -> bool:
    """Whether a published text replaces the default."""
    return f"{lang}:{key}" in overrides.PUBLISHED.texts(redis)


def excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "\u2026"


def sms_config(template: Template, check: validation.Check) -> dict[str, object]:
    """What editor.js needs to count as messages/segments.py does, generated from it so the two cannot drift."""
    return sms_settings(template.max_segments, check.info.ucs2_chars)


def sms_settings(max_segments: int, ucs2_chars: Iterable[str] = ()) -> dict[str, object]:
    """editor.js's settings for a text of at most `max_segments` (the template editor, and an operator's text)."""
    return {
        "gsm7_basic": "".join(sorted(segments.GSM7_BASIC)),
        "gsm7_extended": "".join(sorted(segments.GSM7_EXTENDED)),
        "limits": {
            "GSM-7": [segments.GSM7_SINGLE, segments.GSM7_MULTI],
            "UCS-2": [segments.UCS2_SINGLE, segments.UCS2_MULTI],
        },
        "placeholder": catalog.PLACEHOLDER.pattern,
        "samples": catalog.SAMPLE_VALUES,
        "max_segments": max_segments,
        "names": {ch: validation.describe(ch) for ch in ucs2_chars},
        "names_url": url_for("admin.character_names"),
    }


def render_editor(lang: str, template: Template, check: validation.Check, status: int = 200) -> ResponseReturnValue:
    """The editor page for `check` (the current text, or a rejected one kept in the form), based on the version
    and text published now: a later save is checked against both."""
    redis = get_redis()
    others = [(code, overrides.current(redis, template.key, code)) for code in languages() if code != lang]
    context = {
        "lang": lang,
        "languages": languages(),
        "others": others,
        "template": template,
        "check": check,
        "base_version": len(overrides.versions(redis, template.key, lang)),
        "base_digest": overrides.digest(overrides.latest(redis, template.key, lang)),
        "customised": customised(redis, lang, template.key),
        "max_segments": template.max_segments,
        "placeholders": sorted(rules.allowed_placeholders(template.key)),
        "sms": sms_config(template, check),
        "whatsapp": whatsapp_of(redis, lang, template),
    }
    return render_template("admin/templates_edit.html", **context), status


def whatsapp_of(redis: Redis, lang: str, template: Template) -> dict[str, object]:
    """What WhatsApp does with the template: one message of up to WHATSAPP_MAX_CHARS (never split into segments),
    and for a text the line starts, the approved template it goes as outside the 24-hour window (or none)."""
    scheduled = template.key in content.scheduled_templates()
    sid = content.approved(redis, get_config()).get(f"{lang}:{template.key}", "") if scheduled else ""
    return {"limit": channel.WHATSAPP_MAX_CHARS, "scheduled": scheduled, "content_sid": sid}


def operator_email() -> str:
    operator = current_operator()
    assert operator is not None  # views that publish are behind require("editor")
    return operator.email


@bp.get("/templates")
@require("viewer")
def templates_list() -> ResponseReturnValue:
    """Every template, by key and language, with its current text; `q` searches keys and texts."""
    redis = get_redis()
    query = request.args.get("q", "").strip()
    rows = []
    for lang in languages():
        for key, template in catalog.load(lang).items():
            text = overrides.current(redis, key, lang)
            if query.casefold() in f"{key}\n{text}".casefold():
                rows.append({"lang": lang, "template": template, "excerpt": excerpt(text),
                             "customised": customised(redis, lang, key)})  # fmt: skip
    return render_template("admin/templates_list.html", rows=rows, query=query)


@bp.get("/templates/names")
@require("viewer")
def character_names() -> ResponseReturnValue:
    """Unicode names of the characters in `chars` (the editor names each character that forces UCS-2)."""
    chars = dict.fromkeys(request.args.get("chars", "")[:MAX_NAMED_CHARS])
    return {ch: validation.describe(ch) for ch in chars}


@bp.get("/templates/<lang>/<key>")
@require("viewer")
def template_edit(lang: str, key: str) -> ResponseReturnValue:
    """The editor (read-only for viewers): current text, live preview, counts and encoding."""
    template = template_or_404(lang, key)
    redis = get_redis()
    check = validation.validate(template, overrides.latest(redis, key, lang))
    return render_editor(lang, template, check)


@bp.post("/templates/<lang>/<key>")
@require("editor")
def template_save(lang: str, key: str) -> ResponseReturnValue:
    """Validate the edited text and publish it as a new version; on errors, show them and publish nothing."""
    template = template_or_404(lang, key)
    redis = get_redis()
    check = validation.validate(template, request.form.get("text", ""))
    history = overrides.versions(redis, key, lang)
    errors = list(check.errors)
    stale_text = request.form.get("base_digest") != overrides.digest(overrides.latest(redis, key, lang))
    if history and (request.form.get("base_version", type=int) != len(history) or stale_text):
        # Someone published while this editor was open, or the page showed an older text than the published one:
        # saving now would silently undo a change.
        latest = history[-1]
        errors.append(
            f"{latest['author']} published version {latest['version']} while you were editing. Your text is kept "
            "below: compare it with theirs in the history, then save again to replace it."
        )
    if errors:
        rejected = validation.Check(check.text, check.preview, check.info, tuple(errors), check.warnings)
        return render_editor(lang, template, rejected, status=422)
    version = overrides.publish(redis, key, check.text, author=operator_email(), action="publish", language=lang)
    audit.record("template.publish", target=f"{lang}:{key}", detail=f"v{version}")
    # Warnings (a costlier encoding) show on the editor, which validates the published text again.
    flash(f"Published version {version}. Replies use it within {overrides.REFRESH_S:g} seconds.", "success")
    return redirect(url_for("admin.template_edit", lang=lang, key=key))


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Runs of ("equal" | "delete" | "insert", text) turning `old` into `new`, word by word."""
    # A word keeps its trailing space, so runs of spaces alone never count as common ground.
    a, b = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("insert", "".join(b[j1:j2])))
    return runs


@bp.get("/templates/<lang>/<key>/history")
@require("viewer")
def template_history(lang: str, key: str) -> ResponseReturnValue:
    """Every published version with who, when and what; a word diff between any two (or the default)."""
    template = template_or_404(lang, key)
    redis = get_redis()
    history = overrides.versions(redis, key, lang)
    texts = {DEFAULT: template.text} | {str(v["version"]): str(v["text"]) for v in history}
    labels = {DEFAULT: "Default text"} | {str(v["version"]): f"Version {v['version']}" for v in history}
    # By default, compare the latest version with the one before it (or with the default).
    choices = list(texts)
    older = request.args.get("a", choices[-2] if len(choices) > 1 else DEFAULT)
    newer = request.args.get("b", choices[-1])
    if older not in texts or newer not in texts:
        abort(404)
    return render_template(
        "admin/templates_history.html",
        lang=lang,
        template=template,
        history=list(reversed(history)),
        labels=labels,
        older=older,
        newer=newer,
        diff=word_diff(texts[older], texts[newer]),
        current_text=overrides.latest(redis, key, lang),
    )


@bp.post("/templates/<lang>/<key>/rollback")
@require("editor")
def template_rollback(lang: str, key: str) -> ResponseReturnValue:
    """Publish an earlier version's text as a new version, if it still passes today's rules."""
    template = template_or_404(lang, key)
    redis = get_redis()
    history = overrides.versions(redis, key, lang)
    number = request.form.get("version", type=int)
    if number is None or not 1 <= number <= len(history):
        abort(404)
    if str(history[number - 1]["text"]) == overrides.latest(redis, key, lang):
        flash(f"Version {number} is the text replies use now: nothing to roll back.", "info")
        return redirect(url_for("admin.template_history", lang=lang, key=key))
    check = validation.validate(template, str(history[number - 1]["text"]))
    if not check.ok:
        for error in check.errors:
            flash(f"Version {number} cannot be published again: {error}", "error")
        return redirect(url_for("admin.template_history", lang=lang, key=key))
    version = overrides.publish(redis, key, check.text, operator_email(), f"rollback to v{number}", language=lang)
    audit.record("template.rollback", target=f"{lang}:{key}", detail=f"v{number} as v{version}")
    flash(f"Rolled back to version {number}, published as version {version}.", "success")
    return redirect(url_for("admin.template_history", lang=lang, key=key))


@bp.post("/templates/<lang>/<key>/reset")
@require("editor")
def template_reset(lang: str, key: str) -> ResponseReturnValue:
    """Go back to the default text of messages/*.yaml, recorded as a new version."""
    template_or_404(lang, key)
    version = overrides.publish(get_redis(), key, None, operator_email(), "reset to default", language=lang)
    audit.record("template.reset", target=f"{lang}:{key}", detail=f"v{version}")
    flash(f"Reset to the default text, recorded as version {version}.", "success")
    return redirect(url_for("admin.template_history", lang=lang, key=key))
