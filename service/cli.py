"""The `steadyline` command: run everything, text the line from a terminal, read the outbox, run workers."""

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from typing import Any

from redis import RedisError

from service import channel, chat, config, create_app, embedded, store, supervisor
from service.admin.commands import add_commands as add_operator_commands
from service.connection import get_config, get_redis
from service.crisis.commands import add_commands as add_crisis_commands
from service.privacy import DataKeyError, keyring, mask, new_key
from service.supervisor import DEFAULT_HOST, DEFAULT_PORT
from service.twilio.commands import add_commands as add_whatsapp_commands
from service.twilio.transport import UNREADABLE, ConsoleTransport
from service.twilio.webhook import SENDER


def _app_context() -> Any:
    return create_app().app_context()


# --- run ---------------------------------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    """Web, worker and scheduler on the embedded server (or REDIS_URL), each started again whenever it dies."""
    return supervisor.run(args.host, args.port)


# --- chat --------------------------------------------------------------------------------------------------------


def cmd_chat(args: argparse.Namespace) -> int:
    """Text the running line as `--from` (on WhatsApp with --whatsapp) and print its replies."""
    url = args.url or f"http://{DEFAULT_HOST}:{args.port}/sms"
    sender = channel.address(channel.number(args.sender), channel.WHATSAPP) if args.whatsapp else args.sender
    return chat.converse(url, os.environ.get("TWILIO_AUTH_TOKEN", config.DEV_AUTH_TOKEN), sender, args.message)


# --- outbox, worker, scheduler -----------------------------------------------------------------------------------


def cmd_outbox(args: argparse.Namespace) -> int:
    """Print what the console transport sent, oldest first."""
    with _app_context():
        entries = ConsoleTransport(get_redis(), keyring(get_config().DATA_KEY)).outbox(args.limit)
    if args.json:
        print(json.dumps(entries, indent=2, ensure_ascii=False))
    elif not entries:
        print("The outbox is empty.")
    for entry in [] if args.json else entries:
        to = entry["to"] if entry["to"] == UNREADABLE else mask(channel.number(entry["to"]))
        on = f"WhatsApp template {entry['content_sid']}: " if entry.get("content_sid") else ""
        on = on or ("WhatsApp: " if entry.get("channel") == channel.WHATSAPP else "")
        print(f"{entry['at']}  {entry['kind']:<9} {to}  {on}{entry['body']}")
    return 0


WORKER_TTL_S = 20
"""RQ's worker waits for a job at most this less 15 s (5 s) before it looks round: often enough to notice within
seconds that its scheduler died with a lost Redis connection, and start it again."""
MAINTENANCE_S = 5
"""How often the worker checks its scheduler is alive (RQ's default, 10 minutes, held alert retries back)."""


def cmd_worker(args: argparse.Namespace) -> int:
    """Run queued jobs (until stopped, or until the queue is empty with --burst).

    RQ's worker rides out a lost Redis connection only while it waits for a job; lost anywhere else (its start,
    its housekeeping, its scheduler), it quits. So a long-running worker that ends without being asked to is
    started again (see supervisor.keep_running). Its scheduler (which moves delayed jobs and RQ retries onto the
    queue) dies with the connection; the worker starts it again within MAINTENANCE_S of Redis returning.
    """
    from rq import Queue, SimpleWorker

    with _app_context():
        redis = get_redis()
        if args.burst:
            SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True)
            return 0
        previous: list[SimpleWorker] = []

        def work() -> bool:
            if previous and previous[-1].scheduler:
                # The lock the last worker's scheduler held (kept by the append-only file, 61 s to live) would
                # keep the new scheduler out for a minute: give it back first.
                previous[-1].scheduler.release_locks()
            worker = SimpleWorker(
                [Queue(store.QUEUE, connection=redis)],
                connection=redis,
                worker_ttl=WORKER_TTL_S,
                maintenance_interval=MAINTENANCE_S,
            )
            previous[:] = [worker]
            worker.work(with_scheduler=True)
            # RQ notes when it was sent SIGINT or SIGTERM: then the worker was asked to stop.
            return getattr(worker, "_shutdown_requested_date", None) is not None

        return supervisor.keep_running("worker", work)


def cmd_scheduler(args: argparse.Namespace) -> int:
    """Enqueue the periodic jobs with RQ's cron scheduler: the scheduling pass, retention, the stats snapshot.

    RQ's cron scheduler quits when Redis goes away; it is started again as the worker is (see
    supervisor.keep_running)."""
    from rq.cron import CronScheduler

    from workers import retention, stats
    from workers.ticker import TICK_INTERVAL_S, tick_now

    with _app_context():

        def schedule() -> bool:
            cron = CronScheduler(connection=get_redis())
            cron.register(tick_now, store.QUEUE, interval=TICK_INTERVAL_S)
            cron.register(retention.enforce, store.QUEUE, interval=retention.INTERVAL_S)
            cron.register(stats.snapshot, store.QUEUE, interval=stats.SNAPSHOT_INTERVAL_S)
            cron.start()  # returns when asked to stop (SIGINT, SIGTERM); raises RedisError when Redis went away
            return True

        return supervisor.keep_running("scheduler", schedule)


def cmd_tick(args: argparse.Namespace) -> int:
    """Run one scheduling pass as the scheduler would at --at, enqueueing the jobs it finds due."""
    from workers.ticker import tick

    at = args.at
    with _app_context():
        counts = tick(get_redis(), at.astimezone(UTC))
    print(json.dumps({"at": at.astimezone(UTC).isoformat(), **counts}))
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    """Print a new DATA_KEY."""
    print(new_key())
    return 0


def cmd_rotate_key(args: argparse.Namespace) -> int:
    """Re-encrypt every stored number with the first key of DATA_KEY (after putting a new key first)."""
    with _app_context():
        redis, keys = get_redis(), keyring(get_config().DATA_KEY)
        changed = store.reencrypt_numbers(redis, keys) + store.reencrypt_outbox(redis, keys)
    print(f"re-encrypted {changed} stored numbers (subscribers and the console outbox) with the current key")
    return 0


def _sender(value: str) -> str:
    """argparse type: a number the webhook accepts as `From`."""
    if not SENDER.match(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not an E.164 number like +15555550123")
    return value


def _instant(value: str) -> datetime:
    """argparse type: an ISO 8601 instant with a UTC offset, as UTC."""
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not an ISO 8601 instant with offset, like 2026-11-21T15:00:00Z")
    return at.astimezone(UTC)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="steadyline", description="Steadyline, the benzodiazepine support line.")
    commands = root.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run web, worker and scheduler on the embedded server")
    run.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the web port (default {DEFAULT_PORT})")
    run.add_argument("--host", default=DEFAULT_HOST, help=f"the address to listen on (default {DEFAULT_HOST})")
    run.set_defaults(handler=cmd_run)

    chat = commands.add_parser("chat", help="text the running line from this terminal")
    chat.add_argument(
        "--from", dest="sender", required=True, type=_sender, help="the E.164 number to text as, e.g. +15555550123"
    )
    chat.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the line's port (default {DEFAULT_PORT})")
    chat.add_argument("--url", help="the webhook URL (default http://127.0.0.1:PORT/sms)")
    chat.add_argument("-m", "--message", action="append", help="send this text (repeatable) instead of reading")
    chat.add_argument("--whatsapp", action="store_true", help="text as a WhatsApp user (From=whatsapp:+...)")
    chat.set_defaults(handler=cmd_chat)

    outbox = commands.add_parser("outbox", help="show messages the console transport sent")
    outbox.add_argument("--json", action="store_true", help="print a JSON array of {id, to, body, kind, at}")
    outbox.add_argument(
        "--limit", type=int, default=store.OUTBOX_MAX, help=f"the newest N messages (default {store.OUTBOX_MAX})"
    )
    outbox.set_defaults(handler=cmd_outbox)

    worker = commands.add_parser("worker", help="run queued jobs")
    worker.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    worker.set_defaults(handler=cmd_worker)

    scheduler = commands.add_parser("scheduler", help="run the periodic scheduling pass")
    scheduler.set_defaults(handler=cmd_scheduler)

    tick = commands.add_parser("tick", help="run one scheduling pass as if at --at")
    tick.add_argument(
        "--at", required=True, type=_instant, help="an ISO 8601 instant with offset, e.g. 2026-11-21T15:00:00Z"
    )
    tick.set_defaults(handler=cmd_tick)

    keygen = commands.add_parser("keygen", help="print a new DATA_KEY")
    keygen.set_defaults(handler=cmd_keygen)

    rotate = commands.add_parser("rotate-key", help="re-encrypt stored numbers with the first DATA_KEY key")
    rotate.set_defaults(handler=cmd_rotate_key)

    add_operator_commands(commands)
    add_crisis_commands(commands)
    add_whatsapp_commands(commands)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except config.ConfigError as exc:
        print(f"steadyline: configuration error: {exc}", file=sys.stderr)
    except embedded.EmbeddedServerError as exc:
        print(f"steadyline: {exc}", file=sys.stderr)
    except RedisError as exc:
        print(f"steadyline: cannot reach Redis ({type(exc).__name__}); is it running?", file=sys.stderr)
    except DataKeyError:
        print(
            "steadyline: a stored number is encrypted with a key DATA_KEY no longer holds: put the old key back "
            "after the new one (DATA_KEY=new,old) and run this again",
            file=sys.stderr,
        )
    return 2


if __name__ == "__main__":
    sys.exit(main())
