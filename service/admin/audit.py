"""The audit log: who did what in the console or from the CLI, in a capped Redis stream; pages for admins."""

import csv
import io
import re
from collections.abc import Iterator

from flask import Response, abort, has_request_context, render_template, request
from flask.typing import ResponseReturnValue

from service import clock, store
from service.admin import client
from service.admin.auth import current_operator, require
from service.admin.blueprint import bp
from service.connection import get_redis

PAGE_SIZE = 50
CSV_BATCH = 1000
"""Entries read per round trip while streaming the CSV export."""
COLUMNS = ("at", "operator", "address", "action", "target", "detail")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell starting with one of these as a formula (OWASP's CSV injection list)."""
ENTRY_ID = re.compile(r"\d{1,20}-\d{1,20}")


def _actor() -> str:
    if not has_request_context():
        return "system"
    operator = current_operator()
    return operator.email if operator else "anonymous"


def record(action: str, target: str = "", detail: str = "", *, actor: str | None = None) -> None:
    """Append an entry: what was done (`action`), to what (`target`), and anything else worth knowing.

    The operator is the signed-in one ("anonymous" in a request without one, "system" outside requests) unless
    `actor` names it ("cli" for the command line). Never pass a phone number, a message body or a password.
    """
    entry = {
        "at": clock.now().isoformat(timespec="seconds"),
        "operator": actor or _actor(),
        "address": client.address() if has_request_context() else "",
        "action": action,
        "target": target,
        "detail": detail,
    }
    store.add_audit(get_redis(), entry)


def entries(limit: int, before: str | None = None) -> list[dict[str, str]]:
    """Up to `limit` entries, newest first, older than the entry id `before`; ValueError for a malformed id."""
    if before is not None and not ENTRY_ID.fullmatch(before):
        raise ValueError(f"not an audit entry id: {before!r}")
    return store.audit_entries(get_redis(), limit, before)


def csv_cell(value: str) -> str:
    """A value a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@bp.get("/audit")
@require("admin")
def audit_log() -> ResponseReturnValue:
    """The audit log, newest first, a page at a time."""
    try:
        rows = entries(PAGE_SIZE + 1, request.args.get("before") or None)
    except ValueError:
        abort(400)
    older = rows[PAGE_SIZE - 1]["id"] if len(rows) > PAGE_SIZE else None
    return render_template("admin/audit.html", entries=rows[:PAGE_SIZE], older=older)


@bp.get("/audit.csv")
@require("admin")
def audit_csv() -> ResponseReturnValue:
    """The whole audit log as a CSV download, newest first."""
    record("audit exported")
    redis = get_redis()

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(COLUMNS)
        before = None
        while True:
            batch = store.audit_entries(redis, CSV_BATCH, before)
            writer.writerows([csv_cell(entry.get(column, "")) for column in COLUMNS] for entry in batch)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if len(batch) < CSV_BATCH:
                return
            before = batch[-1]["id"]

    filename = f"steadyline-audit-{clock.now():%Y-%m-%d}.csv"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(lines(), mimetype="text/csv", headers=headers)
