"""The baseline for the webhook benchmark: a bare Flask endpoint returning fixed TwiML."""

from flask import Flask, Response

app = Flask(__name__)
TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Fixed reply.</Message></Response>'


@app.post("/sms")
def sms() -> Response:
    """Always the same reply, no signature check, no Redis."""
    return Response(TWIML, mimetype="text/xml")
