"""Phone numbers are health data here: encrypted at rest, looked up by a keyed hash, masked wherever people read.

DATA_KEY is one or more comma-separated keys from `steadyline keygen`. The first encrypts; every one decrypts
(so a new key can be put first, and old records re-encrypted with `steadyline rotate-key`, without downtime);
the last is the lookup key for the keyed hash that names each person's records, and stays put, since changing it
would orphan every record.
"""

import base64
import binascii
import hashlib
import hmac
import os
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NUMBER = b"steadyline:number"
TEXT = b"steadyline:text"
"""What a token holds, bound into it (AES-GCM associated data): a number token can't pass for a text, or back."""


class DataKeyError(ValueError):
    """DATA_KEY is malformed, or a token was encrypted with a key DATA_KEY no longer holds."""


def new_key() -> str:
    """A fresh 256-bit key, as DATA_KEY takes it."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def _decode(key: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(key.strip().encode())
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise DataKeyError("DATA_KEY must be comma-separated keys made by `steadyline keygen`")
    return raw


class Keyring:
    """Encrypts and decrypts numbers with AES-256-GCM; names records by HMAC-SHA256 with the lookup key."""

    def __init__(self, data_key: str) -> None:
        raws = [_decode(part) for part in data_key.split(",") if part.strip()]
        if not raws:
            raise DataKeyError("DATA_KEY is empty")
        # A one-byte key id in front of each token says which key made it.
        self._keys = [(hashlib.sha256(raw).digest()[0], AESGCM(raw)) for raw in raws]
        self._lookup = hashlib.sha256(b"steadyline:lookup" + raws[-1]).digest()

    def encrypt(self, value: str, purpose: bytes = NUMBER) -> bytes:
        key_id, aead = self._keys[0]
        nonce = os.urandom(12)
        return bytes([key_id]) + nonce + aead.encrypt(nonce, value.encode(), purpose)

    def decrypt(self, token: bytes, purpose: bytes = NUMBER) -> str:
        for key_id, aead in self._keys:
            if token[:1] == bytes([key_id]):
                try:
                    return aead.decrypt(token[1:13], token[13:], purpose).decode()
                except InvalidTag:
                    continue
        raise DataKeyError("a stored value was encrypted with a key DATA_KEY no longer holds")

    def current(self, token: bytes) -> bool:
        """Whether `token` was made with the first (current) key."""
        return token[:1] == bytes([self._keys[0][0]])

    def sender_id(self, number: str) -> str:
        return hmac.new(self._lookup, number.encode(), hashlib.sha256).hexdigest()[:32]


@cache
def keyring(data_key: str) -> Keyring:
    return Keyring(data_key)


def sender_id(number: str, data_key: str) -> str:
    """A stable, non-reversible id for a phone number (HMAC-SHA256 with the lookup key, 128 bits in hex)."""
    return keyring(data_key).sender_id(number)


def mask(number: str) -> str:
    """A number as people may see it in logs and consoles: the last two digits only."""
    return "•" * max(len(number) - 2, 0) + number[-2:] if len(number) > 4 else "•" * len(number)
