"""The terminal chat client behind `steadyline chat`: texts the running line as a given number, prints replies.

Each line typed (or each `-m` text) is posted to the webhook signed as Twilio signs it, with the line's own number
as `To`, and the TwiML reply's messages are printed. It talks only to the webhook, never to Redis or Twilio's API.
"""

import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from twilio.request_validator import RequestValidator

CHAT_TO_NUMBER = "+15005550006"
"""The line's own number in terminal chats (a Twilio test number, never a real one)."""


def send_text(url: str, token: str, number: str, body: str) -> list[str]:
    """Post one text to the webhook, signed as Twilio would sign it; return the reply texts."""
    params = {
        "MessageSid": "SM" + uuid.uuid4().hex,
        "AccountSid": "AC" + "0" * 32,
        "From": number,
        "To": CHAT_TO_NUMBER,
        "Body": body,
        "NumMedia": "0",
    }
    if number.startswith("whatsapp:"):
        # As Twilio's WhatsApp webhook sends it: both addresses on the channel, and the sender's WhatsApp profile.
        params |= {"To": f"whatsapp:{CHAT_TO_NUMBER}", "WaId": number.removeprefix("whatsapp:+"), "ProfileName": "Chat"}
    signature = RequestValidator(token).compute_signature(url, params)
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(params).encode(), headers={"X-Twilio-Signature": signature}
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        root = ET.fromstring(response.read())
    return [element.text or "" for element in root.iter("Message")]


def _lines(interactive: bool) -> Iterator[str]:
    if not interactive:
        yield from (line.rstrip("\n") for line in sys.stdin)
        return
    while True:
        try:
            yield input("you> ")
        except EOFError:
            return


def converse(url: str, token: str, sender: str, messages: list[str] | None) -> int:
    """Text the line at `url` as `sender`: `messages` if given, else lines from the terminal (or stdin);
    0 when done, 1 when the line refused a text or nothing answered."""
    interactive = sys.stdin.isatty() and not messages
    if interactive:
        print(f"Texting {url} as {sender}. Try MENU, HELP or a question; Ctrl-D to leave.")
    for text in messages or _lines(interactive):
        if not text.strip():
            continue
        if not interactive:
            print(f"> {text}")
        try:
            replies = send_text(url, token, sender, text)
        except urllib.error.HTTPError as exc:
            print(f"steadyline: the line answered {exc.code}: {exc.read().decode(errors='replace').strip()}")
            return 1
        except OSError:
            print(f"steadyline: nothing answers at {url}; start it with `steadyline run`", file=sys.stderr)
            return 1
        for reply in replies or ["(no reply)"]:
            print(f"steadyline> {reply}" if interactive else f"< {reply}", flush=True)
    return 0
