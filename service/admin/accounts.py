"""Operator accounts: who may use the console, in which role, with Argon2id password hashes."""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from redis import Redis

from service import store

ROLES = ("viewer", "editor", "admin")
"""Lowest first: each role may do everything the roles before it may."""

MIN_PASSWORD = 12

MAX_EMAIL = 254
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

hasher = PasswordHasher()
"""Argon2id with the library's defaults (RFC 9106's low-memory profile); tests swap in a cheap one. When the
parameters change, check_needs_rehash sees it and the next sign-in stores a hash made with the new ones."""


class AccountError(ValueError):
    """A refused account change; the message is one line fit to show a person."""


@dataclass(frozen=True)
class Operator:
    """A console user."""

    email: str
    role: str
    enabled: bool
    created: str = ""


def normalize(email: str) -> str:
    return email.strip().lower()


def rank(role: str) -> int:
    """A role's place in ROLES; an unknown role ranks below every real one."""
    return ROLES.index(role) if role in ROLES else -1


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must be at least {MIN_PASSWORD} characters")


def _operator(fields: dict[str, str]) -> Operator:
    return Operator(fields["email"], fields["role"], fields.get("enabled") == "1", fields.get("created", ""))


def check_new(redis: Redis, email: str, role: str) -> None:
    """AccountError unless `email` is a free, well-formed address and `role` a role (before asking a password)."""
    email = normalize(email)
    if len(email) > MAX_EMAIL or not EMAIL.fullmatch(email):
        raise AccountError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise AccountError(f"the role must be one of {', '.join(reversed(ROLES))}, not {role!r}")
    if store.operator(redis, email):
        raise AccountError(_taken(email))


def _taken(email: str) -> str:
    return f"an operator with the email {email} already exists"


def add(redis: Redis, email: str, role: str, password: str, now: datetime) -> Operator:
    """Create an enabled operator at `now`; AccountError for a bad email, role or password, or a taken email."""
    check_new(redis, email, role)
    check_password(password)
    email = normalize(email)
    created = now.isoformat(timespec="seconds")
    fields = {"email": email, "role": role, "enabled": "1", "created": created, "hash": hasher.hash(password)}
    if not store.add_operator(redis, email, fields):
        raise AccountError(_taken(email))  # added by someone else since check_new
    return _operator(fields)


def get(redis: Redis, email: str) -> Operator | None:
    fields = store.operator(redis, normalize(email))
    return _operator(fields) if fields else None


def everyone(redis: Redis) -> list[Operator]:
    """Every operator, by email."""
    return [_operator(fields) for fields in store.operators(redis)]


def disable(redis: Redis, email: str) -> None:
    """Disable an operator and end their sessions; AccountError if there is no such operator."""
    if not store.disable_operator(redis, normalize(email)):
        raise AccountError(f"there is no operator with the email {normalize(email)}")


@cache
def _decoy_hash(current: PasswordHasher) -> str:
    return current.hash("not a password anyone has")


def authenticate(redis: Redis, email: str, password: str) -> tuple[Operator | None, str]:
    """The enabled operator these credentials belong to (or None), and why not, for the audit log only.

    An unknown email still costs one hash check, so response times do not tell which emails have accounts.
    """
    fields = store.operator(redis, normalize(email))
    try:
        hasher.verify(fields.get("hash") or _decoy_hash(hasher), password)
    except (VerificationError, InvalidHashError):
        return None, "wrong password" if fields else "unknown account"
    if not fields:
        return None, "unknown account"
    if fields.get("enabled") != "1":
        return None, "account disabled"
    if hasher.check_needs_rehash(fields["hash"]):
        store.update_operator(redis, fields["email"], {"hash": hasher.hash(password)})
    return _operator(fields), ""
