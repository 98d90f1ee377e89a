"""Twilio's request signature: whether a webhook or status callback really came from Twilio.

Twilio signs the URL it called plus the form with TWILIO_AUTH_TOKEN. Behind a proxy that URL is not the one the
app sees, so PUBLIC_BASE_URL, when set, stands in for the scheme, host and root path.
"""

from functools import lru_cache
from urllib.parse import urlparse

from flask import request
from twilio.request_validator import (
    HMAC_SHA1,
    HMAC_SHA256,
    SIGNATURE_HEADER,
    SIGNATURE_SETTINGS_HEADER,
    RequestValidator,
    add_port,
    compare,
    get_signature_algorithm,
    remove_port,
)

from service.config import Config


def signed_url(config: Config) -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL + path when set (TLS ends at a proxy), else the request URL."""
    base = config.PUBLIC_BASE_URL or f"{request.scheme}://{request.host}{request.root_path}"
    query = request.query_string.decode()
    return base + request.path + (f"?{query}" if query else "")


@lru_cache(maxsize=4)
def _validator(auth_token: str) -> RequestValidator:
    return RequestValidator(auth_token)


def signature_valid(config: Config) -> bool:
    """Twilio's signature over the URL and form, SHA-1 or (when the settings header says so) SHA-256.

    Twilio may have signed the URL with its port or without, so both are accepted, as RequestValidator.validate
    does; but the one without is tried first and the other only if it fails, which is one HMAC for nearly every
    request instead of two (the signature check was the webhook's largest piece of Python)."""
    signature = request.headers.get(SIGNATURE_HEADER, "")
    algorithm = get_signature_algorithm(request.headers.get(SIGNATURE_SETTINGS_HEADER))
    validator = _validator(config.TWILIO_AUTH_TOKEN)
    if not signature:
        return False
    if (algorithm or HMAC_SHA1).upper() not in (HMAC_SHA1, HMAC_SHA256):
        return validator.validate(signed_url(config), request.form, signature, algorithm)  # logs, and refuses
    url = urlparse(signed_url(config))
    return any(
        compare(validator.compute_signature(candidate, request.form, algorithm), signature)
        for candidate in (remove_port(url), add_port(url))
    )
