"""`steadyline operator add|list|disable`: console accounts from a terminal, audited as "cli"."""

import argparse
import getpass
import sys

from service import clock, create_app
from service.admin import accounts, audit
from service.connection import get_redis


def _password() -> str:
    """The new password: the first line of piped input, or typed twice at a prompt that does not echo."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password ({accounts.MIN_PASSWORD} characters or more): ")
    if getpass.getpass("The same password again: ") != first:
        raise accounts.AccountError("the two passwords differ")
    return first


def cmd_add(args: argparse.Namespace) -> int:
    """Add an operator."""
    with create_app().app_context():
        redis = get_redis()
        try:
            accounts.check_new(redis, args.email, args.role)
            operator = accounts.add(redis, args.email, args.role, _password(), clock.now())
        except accounts.AccountError as exc:
            print(f"steadyline: {exc}", file=sys.stderr)
            return 1
        audit.record("operator added", target=operator.email, detail=f"role {operator.role}", actor="cli")
    print(f"Added {operator.email} as {operator.role}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print every operator: email, role, enabled, created."""
    with create_app().app_context():
        operators = accounts.everyone(get_redis())
    if not operators:
        print("No operators yet. Add one: steadyline operator add you@example.org --role admin")
        return 0
    width = max(len("email"), *(len(o.email) for o in operators))
    print(f"{'email':<{width}}  role    enabled  created")
    for o in operators:
        print(f"{o.email:<{width}}  {o.role:<6}  {'yes' if o.enabled else 'no':<7}  {o.created}")
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    """Disable an operator and end their console sessions."""
    with create_app().app_context():
        try:
            accounts.disable(get_redis(), args.email)
        except accounts.AccountError as exc:
            print(f"steadyline: {exc}", file=sys.stderr)
            return 1
        audit.record("operator disabled", target=accounts.normalize(args.email), actor="cli")
    print(f"Disabled {accounts.normalize(args.email)} and ended their console sessions.")
    return 0


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add `operator` and its subcommands to the `steadyline` parser."""
    operator = commands.add_parser("operator", help="manage operator console accounts")
    actions = operator.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add an operator; the password is read from stdin, or prompted for")
    add.add_argument("email", help="the operator's email, their sign-in name")
    # Checked by accounts, not argparse `choices`, so a wrong role is one clear line, not a usage dump.
    add.add_argument("--role", required=True, help="admin, editor or viewer")
    add.set_defaults(handler=cmd_add)
    actions.add_parser("list", help="list operators").set_defaults(handler=cmd_list)
    disable = actions.add_parser("disable", help="disable an operator and end their sessions")
    disable.add_argument("email", help="the email of the operator to disable")
    disable.set_defaults(handler=cmd_disable)
