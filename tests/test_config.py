"""Settings are parsed strictly and a bad one fails at boot with one clear line, never a traceback."""

import subprocess
import sys

import pytest
from flask import Flask

from service import config
from service.connection import get_config


def test_defaults_run_in_development_with_the_console_transport() -> None:
    settings = config.load({})
    assert settings.SMS_TRANSPORT == "console" and settings.REDIS_URL is None
    assert settings.TWILIO_AUTH_TOKEN == config.DEV_AUTH_TOKEN and not settings.production


def test_twilio_credentials_select_the_twilio_transport() -> None:
    settings = config.load(
        {"TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_AUTH_TOKEN": "t", "TWILIO_FROM_NUMBER": "+15005550006"}
    )
    assert settings.SMS_TRANSPORT == "twilio"


def test_whatsapp_settings_are_optional_with_a_rate_of_their_own() -> None:
    settings = config.load({})
    assert settings.TWILIO_WHATSAPP_FROM is None and settings.WHATSAPP_SEND_RATE_PER_S == 20.0
    settings = config.load({"TWILIO_WHATSAPP_FROM": "+15005550006", "WHATSAPP_SEND_RATE_PER_S": "80"})
    assert settings.TWILIO_WHATSAPP_FROM == "+15005550006" and settings.WHATSAPP_SEND_RATE_PER_S == 80.0
    assert settings.SEND_RATE_PER_S == 10.0  # SMS keeps its own


def test_approved_whatsapp_templates_are_read_by_language_and_key() -> None:
    sid, other = "HX" + "a" * 32, "HX" + "b" * 32
    approved = config.load({"WHATSAPP_CONTENT_SIDS": f"en:checkin.ask={sid}, es:checkin.ask = {other}"})
    pairs = approved.WHATSAPP_CONTENT_SIDS
    assert pairs == (("en:checkin.ask", sid), ("es:checkin.ask", other))


def test_a_twilio_line_without_a_whatsapp_sender_still_starts() -> None:
    # Only WhatsApp sends need TWILIO_WHATSAPP_FROM (or a Messaging Service): they fail as SendErrors, not at boot.
    settings = config.load(
        {"TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_AUTH_TOKEN": "t", "TWILIO_FROM_NUMBER": "+15005550006"}
    )
    assert settings.SMS_TRANSPORT == "twilio" and settings.TWILIO_WHATSAPP_FROM is None


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"SMS_TRANSPORT": "twillio"}, "SMS_TRANSPORT"),
        ({"WHATSAPP_CONTENT_SIDS": "checkin.ask=HX123"}, "WHATSAPP_CONTENT_SIDS"),
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL"),
        ({"PUBLIC_BASE_URL": "sms.example.org"}, "PUBLIC_BASE_URL"),
        ({"TWILIO_ACCOUNT_SID": "AC123"}, "TWILIO_ACCOUNT_SID"),
        ({"TWILIO_FROM_NUMBER": "555-0123"}, "TWILIO_FROM_NUMBER"),
        ({"ONCALL_NUMBERS": "+15555550100, 911"}, "ONCALL_NUMBERS"),
        ({"STEADYLINE_ENV": "prod"}, "STEADYLINE_ENV"),
        ({"STEADYLINE_ENV": "production"}, "required when STEADYLINE_ENV=production"),
        ({"SMS_TRANSPORT": "twilio"}, "TWILIO_ACCOUNT_SID"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL"),
        ({"TWILIO_WHATSAPP_FROM": "555-0123"}, "TWILIO_WHATSAPP_FROM must be an E.164 number"),
        ({"TWILIO_WHATSAPP_FROM": "whatsapp:+15005550006"}, "without the whatsapp: prefix"),
        ({"WHATSAPP_SEND_RATE_PER_S": "0"}, "WHATSAPP_SEND_RATE_PER_S must be a positive float"),
        ({"WHATSAPP_SEND_RATE_PER_S": "fast"}, "WHATSAPP_SEND_RATE_PER_S"),
        ({"WHATSAPP_SEND_RATE_PER_S": "nan"}, "WHATSAPP_SEND_RATE_PER_S"),
        ({"SEND_RATE_PER_S": "inf"}, "SEND_RATE_PER_S"),
    ],
)
def test_bad_values_name_the_setting(env: dict[str, str], names: str) -> None:
    with pytest.raises(config.ConfigError, match=names):
        config.load(env)


def test_a_typo_at_boot_is_one_line_not_a_traceback(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "service.cli", "outbox"],
        env={"SMS_TRANSPORT": "twillio", "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "steadyline: configuration error: SMS_TRANSPORT must be one of console, twilio, got 'twillio'"
    ]


def test_settings_are_kept_once_and_read_one_way(app: Flask) -> None:
    # One Config per app (connection.get_config); secrets are not copied into Flask's config, which Flask's debug
    # pages and extensions read.
    settings = get_config(app)
    assert settings.DATA_KEY and "DATA_KEY" not in app.config and app.config["SECRET_KEY"] is None
    with app.app_context():
        assert get_config() is settings
