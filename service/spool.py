"""Crisis texts answered while Redis was unreachable, kept on local disk until they can be recorded.

The webhook still sends the crisis reply when Redis is down; what it cannot do then is record the escalation and
alert on-call. So it writes the text to SPOOL_DIR (one file per MessageSid, number and words encrypted with the
keyring, fsync'd before the reply goes out), and a thread in each web process records the spooled texts once
Redis answers again, through the same decision and commit as a live text. Exactly once: a file is worked under
an exclusive lock (several web processes share the directory), the commit marks its MessageSid as recorded, and
the file is removed only after that, so a process killed half-way leaves it to be finished, never redone.
"""

import base64
import contextlib
import fcntl
import json
import os
import threading
import time
from datetime import datetime
from pathlib import Path

from flask import Flask
from redis import RedisError

from service import channel, effects, store
from service.config import Config
from service.connection import get_config
from service.conversation import engine, model
from service.conversation.model import Rules, State
from service.privacy import TEXT, keyring

DRAIN_INTERVAL_S = 1.0
"""How often a process with spooled texts tries Redis again: alerts go out within about this of its return."""


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def keep(config: Config, message_sid: str, number: str, message: model.Message, at: datetime) -> Path:
    """Write one crisis text to the spool, durably (the file and its directory entry are on disk on return)."""
    directory = Path(config.SPOOL_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    keys = keyring(config.DATA_KEY)
    record = {
        "sid": message_sid, "at": at.isoformat(), "zone": message.zone_guess,
        "number": base64.b64encode(keys.encrypt(number)).decode(),
        "text": base64.b64encode(keys.encrypt(message.text, TEXT)).decode(),
    }  # fmt: skip
    path, partial = directory / f"{message_sid}.json", directory / f".{message_sid}.part"
    with open(partial, "w") as file:
        json.dump(record, file)
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, path)  # a reader sees the whole record or none of it
    _fsync_dir(directory)
    return path


def pending(config: Config) -> list[Path]:
    """The spooled texts not yet recorded, oldest first."""
    directory = Path(config.SPOOL_DIR)
    if not directory.is_dir():
        return []
    return sorted(directory.glob("SM*.json"), key=lambda path: path.stat().st_mtime)


def record(app: Flask, path: Path) -> bool:
    """Record one spooled text (escalation, alert job, follow-up) unless that was done; remove its file. False if
    another process is working on it right now. Raises RedisError while Redis is still unreachable."""
    with open(path) as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        if not path.exists():  # another process finished it while this one waited to open it
            return True
        spooled = json.load(file)
        config: Config = get_config(app)
        redis = app.extensions["redis"]
        if not store.spooled(redis, spooled["sid"]):
            keys = keyring(config.DATA_KEY)
            number = keys.decrypt(base64.b64decode(spooled["number"]))
            message = engine.read(
                keys.decrypt(base64.b64decode(spooled["text"]), TEXT), spooled["zone"], spooled["sid"]
            )
            sender, at = keys.sender_id(number), datetime.fromisoformat(spooled["at"])
            if channel.of(number) == channel.WHATSAPP:
                store.note_inbound(redis, sender, at)  # it opened WhatsApp's 24-hour window, as a live text does
            # Decided as a live text at the instant it arrived, uncounted by the inbound limit (it was answered).
            state = store.load(redis, sender, State())
            rules = Rules.from_config(config)
            effects.decide(redis, message, state, sender, at, number, spooled["sid"], rules, keys, spooled=True)
        path.unlink(missing_ok=True)
    _fsync_dir(path.parent)
    return True


class Drainer:
    """A thread in each web process that records spooled texts once Redis answers, then stops until the next."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.stopped = threading.Event()

    def wake(self) -> None:
        """Make sure a drain is under way (a text was just spooled, or the process found some at start)."""
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="spool-drainer", daemon=True)
                self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        if self.thread:
            self.thread.join(timeout=10)

    def _run(self) -> None:
        config, log = get_config(self.app), self.app.logger
        failing = False
        while not self.stopped.is_set():
            paths = pending(config)
            if not paths:
                return
            try:
                done = sum(record(self.app, path) for path in paths)
            except RedisError as exc:
                if not failing:  # one line per outage, not one a second
                    log.error("spool: %d crisis texts wait for Redis (%s)", len(paths), type(exc).__name__)
                failing = True
            else:
                failing = False
                log.warning("spool: recorded %d crisis texts answered while Redis was unreachable", done)
            time.sleep(DRAIN_INTERVAL_S)  # not Event.wait: libfaketime's timed condition waits can block for good


def init_app(app: Flask) -> None:
    drainer = app.extensions["spool"] = Drainer(app)
    # Texts a previous process spooled (it crashed, or was restarted before Redis came back) are recorded too.
    with contextlib.suppress(OSError):
        if pending(get_config(app)):
            drainer.wake()
