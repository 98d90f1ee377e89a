"""The conversation engine, pure: importing it loads no flask, redis, twilio or rq. It decides, from a text (or a
scheduled send) and the person's state, what to reply and which effects to apply; the edges (service.twilio's
webhook, service.effects, the jobs in workers/) do the I/O. model.py holds the values every part shares.
"""
