"""Everything Twilio: the inbound webhook, status callbacks, the sending transport and Twilio's error codes.

Modules here import the third-party library absolutely (`import twilio...`), so this package's name never
shadows it; nothing is re-exported, so importers name the module they use.
"""
