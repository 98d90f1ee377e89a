"""The conversation engine, pure: importing it loads no flask, redis, twilio or rq. It decides, from a text (or a
scheduled send) and the person's state, what to reply and which effects to apply; the edges do the I/O. Today it
holds the crisis conversation (talk/); the rest of the engine moves here from service/engine.py.
"""
