"""`steadyline whatsapp templates|template`: the approved WhatsApp templates (Content API ContentSids) that
scheduled texts go as outside WhatsApp's 24-hour window, set from a terminal and audited as "cli"."""

import argparse
import sys

from messages import catalog
from service import create_app, store
from service.admin import audit
from service.config import CONTENT_SID
from service.connection import get_config, get_redis
from service.twilio import content


def cmd_templates(args: argparse.Namespace) -> int:
    """List each scheduled template and language with its ContentSid, and where it was set."""
    with create_app().app_context():
        in_redis, sids = store.content_sids(get_redis()), content.approved(get_redis(), get_config())
    for key in content.scheduled_templates():
        for language in catalog.LANGUAGES:
            field = f"{language}:{key}"
            sid = sids.get(field)
            where = "set here" if field in in_redis else "WHATSAPP_CONTENT_SIDS" if sid else ""
            shown = f"{sid} ({where})" if sid else "none: skipped outside the 24-hour window"
            print(f"{key:<20} {language}  {shown}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    """Set (or with --clear, remove) the approved template one scheduled template is sent as."""
    if args.key not in content.scheduled_templates() or args.language not in catalog.LANGUAGES:
        known = ", ".join(content.scheduled_templates())
        print(f"steadyline: a scheduled template ({known}) and a language ({', '.join(catalog.LANGUAGES)})",
              file=sys.stderr)  # fmt: skip
        return 2
    if not args.clear and not (args.content_sid and CONTENT_SID.match(args.content_sid)):
        print("steadyline: give the template's ContentSid (HX and 32 hex digits), or --clear", file=sys.stderr)
        return 2
    field = f"{args.language}:{args.key}"
    with create_app().app_context():
        store.set_content_sid(get_redis(), field, None if args.clear else args.content_sid)
        action = "whatsapp template cleared" if args.clear else "whatsapp template set"
        audit.record(action, target=field, detail="" if args.clear else args.content_sid, actor="cli")
    print(f"{field}: {'cleared' if args.clear else args.content_sid}")
    return 0


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    whatsapp = commands.add_parser("whatsapp", help="approved WhatsApp templates for texts outside the window")
    actions = whatsapp.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("templates", help="list each scheduled template's ContentSid")
    listing.set_defaults(handler=cmd_templates)
    one = actions.add_parser("template", help="set the ContentSid one scheduled template is sent as")
    one.add_argument("key", help="the template key, e.g. checkin.ask")
    one.add_argument("language", help="en or es")
    one.add_argument("content_sid", nargs="?", help="the approved template's ContentSid (HX...)")
    one.add_argument("--clear", action="store_true", help="remove it: the text is then skipped outside the window")
    one.set_defaults(handler=cmd_template)
