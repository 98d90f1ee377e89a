"""Twilio's request signature: whether a webhook or status callback really came from Twilio.

Twilio signs the URL it called plus the form with TWILIO_AUTH_TOKEN. Behind a proxy that URL is not the one the
app sees, so PUBLIC_BASE_URL, when set, stands in for the scheme, host and root path.
"""

from flask import request
from twilio.request_validator import RequestValidator, get_signature_algorithm

from service.config import Config


def signed_url(config: Config) -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL + path when set (TLS ends at a proxy), else the request URL."""
    base = config.PUBLIC_BASE_URL or f"{request.scheme}://{request.host}{request.root_path}"
    query = request.query_string.decode()
    return base + request.path + (f"?{query}" if query else "")


def signature_valid(config: Config) -> bool:
    """Twilio's signature over the URL and form, SHA-1 or (when the settings header says so) SHA-256."""
    signature = request.headers.get("X-Twilio-Signature", "")
    algorithm = get_signature_algorithm(request.headers.get("X-Twilio-Webhooks-Signature-Settings"))
    return bool(signature) and RequestValidator(config.TWILIO_AUTH_TOKEN).validate(
        signed_url(config), request.form, signature, algorithm
    )
