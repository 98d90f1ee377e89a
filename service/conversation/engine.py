"""The conversation engine: plain functions from (message, state, now) to (replies, effects).

It does no I/O. The webhook loads the state, calls `respond`, writes the effects and sends the replies, so every
rule of the conversation can be read here top to bottom and tested without Redis, Flask or Twilio. The order:
a crisis text, exact opt-out words, the inbound limit, FORGET, a language switch, START/YES/HELP, the crisis
conversation (service.conversation.talk: a text inside one, or risk across the person's last few texts), check-in
commands, an answer to a pending check-in question, topics, fallback. Every reply is in the person's language: the
one remembered, else the one their text is written in, else English.
"""

import re
import unicodedata
from dataclasses import replace
from datetime import datetime

from messages import catalog
from service import crisis, keywords, language, optout
from service.conversation import checkins, model, talk
from service.conversation.commands import (
    ACKNOWLEDGEMENTS,
    CONFIRM_STOP,
    FORGET,
    FORGET_CONFIRMED,
    HELP,
    KEEP_TEXTING,
    OPT_IN,
    OPT_OUT,
    SPANISH_OPT_OUT,
    plain_keywords,
)
from service.conversation.model import (
    Attach,
    Effect,
    Escalate,
    Forget,
    MarkSeen,
    Message,
    OptIn,
    OptOut,
    Reply,
    Result,
    Rules,
    State,
    Watched,
    crisis_key,
)
from service.crisis import person

_KEYWORD_NOISE = re.compile(r"^[\s\W_]+|[\s\W_]+$")


def read(text: str, zone_guess: str | None = None, sid: str = "") -> Message:
    """Classify a raw text once; the result serves both the normal path and the Redis-down path."""
    keyword = keyword_of(text)
    verdict = crisis.Assessment(None, 0.0, crisis.verdict.NONE) if keyword in plain_keywords() else crisis.assess(text)
    category = verdict.category
    if category and not verdict.sure and optout.intent(text):
        category = None  # "i dont want these texts anymore" asks to stop (FCC 2024): only a rule outranks that
    elif category and not verdict.sure and talk.threatens(text):
        category = "harm_to_others"  # "hes gonna push the wrong guy": the texter as the danger, not in it
    elif category and not verdict.sure and talk.danger_signs(text):
        category = "violence"  # the model knows risk better than its kind: signs of someone dangerous decide it
    elif category == "violence" and person.hits_self(text):
        category = "self_harm"  # "me pego en la cabeza contra la pared": the texter's own blows, not someone's
    elif category == "self_harm" and not verdict.sure and person.harmed_by_someone(text):
        category = "violence"  # "me echó agua hirviendo en el brazo": a wound someone gave, in a Spanish verb
    elif category == "violence" and talk.not_abuse(text):
        category = None  # "its not domestic violence omg": the rules' word, denied; the text is answered as asked
    elif category == "violence" and not verdict.sure and talk.scolding(text):
        category = "suicide"  # "my parents would literally kill me": the texter's own risk, asked about directly
    elif category == "violence" and not verdict.sure and not someone_acts(text):
        category = "suicide"  # danger from someone names someone: without that, the model read the texter's own risk
    if category in ("overdose", "suicide") and not verdict.sure and talk.asks_about_mixing(text):
        category = None  # "can i take it after a few glasses of wine?": the answer about mixing names the danger
    elif category == "overdose" and not verdict.sure and talk.going_without(text):
        category = "medical"  # "ran out of my klonopin, shaking": withdrawal, asked about, not overdose steps
    if category is None and talk.extra_with_drink(text):
        category = "overdose"  # "already did. like 5 maybe 6 of the 1mg. and a few beers. not a big deal right"
    if category in ("medical", "overdose") and talk.wish_not_to_wake(text):
        category = "suicide"  # "not waking up doesnt sound like the worst outcome": a wish, not a body to treat
    # "asking for a friend" about how much it would take: the texter's own risk, projected (VERA-MH Q4)
    projected = talk.for_a_friend(text)
    said_not_me = category not in ("violence", "harm_to_others") and talk.not_the_texter(text)
    bystander = bool(category) and (person.about_someone_else(text, category) or said_not_me) and not projected
    watch = verdict.band == crisis.verdict.WATCH
    return Message(text, keyword, category, zone_guess, bystander, sid, language.detect(text), watch, verdict.sure)


def someone_acts(text: str) -> bool:
    """Someone else in the text as the danger: named ("my ex", "he"), or left in a Spanish verb ("me pegó")."""
    return talk.someone_dangerous(text) or person.done_to_texter(text)


def keyword_of(text: str) -> str:
    """The bare keyword form of a text: "Menu!" and "menú" are MENU."""
    return _fold(_KEYWORD_NOISE.sub("", text)).upper()


def _fold(text: str) -> str:
    """`text` without accents ("NO MÁS" reads as "NO MAS", "ESPAÑOL" as "ESPANOL")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def remembered(message: Message, state: State, rules: Rules) -> bool:
    """Whether the text joins the person's recent texts, which are read together for risk: not a bare keyword or
    check-in answer, not past the inbound limit, and not from someone who opted out (they get no conversation,
    only crisis replies)."""
    if not message.text or state.opted_out or over_limit(state, rules):
        return False
    return message.keyword not in plain_keywords()


def offline_reply(message: Message) -> Reply:
    """The reply when state cannot be read: a crisis reply still goes out, anything else asks to retry; in the
    language of the text."""
    key = crisis_key(message.crisis, message.bystander, message.text) if message.crisis else "retry"
    return Reply(key, language=message.language or catalog.DEFAULT_LANGUAGE)


def _bystander(
    message: Message, state: State, now: datetime, rules: Rules, first_contact: list["Effect"]
) -> tuple[list[Reply], list["Effect"]]:
    """A crisis text about someone else: the helper's reply and an escalation, without the crisis conversation,
    whose questions ("do you have a plan?") are for the person at risk."""
    assert message.crisis
    care = checkins.after_crisis(state, message.zone_guess, now, rules, message.crisis)
    conversation = talk.helping(message, state, now)  # their next texts are answered as the helper's
    if state.escalation:
        return [Reply(crisis_key(message.crisis, True, message.text))], [
            *first_contact,
            Attach(state.escalation, message.crisis, message.text),
            *care,
            *conversation,
        ]
    # Always alerted: someone is at risk whoever texts; an overdose, a medical emergency or a threat is imminent.
    level = "imminent" if message.crisis in talk.EMERGENCIES else "high"
    escalate = Escalate(message.crisis, message.text, level)
    return [Reply(crisis_key(message.crisis, True, message.text))], [*first_contact, escalate, *care, *conversation]


DEFAULT_RULES = Rules()


def respond(
    message: Message, state: State, now: datetime, rules: Rules = DEFAULT_RULES
) -> tuple[list[Reply], list[Effect]]:
    """Replies and effects for one inbound message, each reply in the person's language."""
    # Remembered once a text shows it; a known person's mixed or other-language text does not change it.
    lang = state.language or message.language or catalog.DEFAULT_LANGUAGE
    replies, effects = _respond(message, state, now, rules, lang)
    # Only while answering, and never with an opt-out or an erasure: those store nothing new about the person.
    chosen = any(isinstance(e, model.Update) and "language" in e.values for e in effects)  # a switch
    keeps_nothing = OptOut() in effects or Forget() in effects
    if replies and message.language and not state.language and not chosen and not keeps_nothing:
        effects = [*effects, model.Update({"language": message.language})]
    effects = [_in_language(e, lang) for e in effects]
    if message.watch and replies and not keeps_nothing and all(_answers_free_text(r) for r in replies):
        replies, effects = [*replies, Reply("watch")], [*effects, Watched()]
    replies = [r if r.language else replace(r, language=lang) for r in replies]
    threaded = any(isinstance(e, model.Exchange | Attach | Escalate) for e in effects)
    if state.escalation and not threaded and Forget() not in effects:
        # Every text while the person's escalation is open joins its thread, with what the line replied, so the
        # operator following it up reads the whole conversation (crisis ones are threaded where they are decided).
        effects = [*effects, model.Exchange(state.escalation, (message.text,), tuple(replies))]
    return replies, effects


def _in_language(effect: Effect, lang: str) -> Effect:
    """An escalation records the person's language, and a thread keeps the replies in it."""
    if isinstance(effect, Escalate):
        return replace(effect, language=lang)
    if isinstance(effect, model.Exchange):
        return replace(effect, replies=tuple(r if r.language else replace(r, language=lang) for r in effect.replies))
    return effect


_FREE_TEXT_REPLIES = ("welcome", "fallback", "ack", "language.offer", "checkin.ask_craving")
_FREE_TEXT_FAMILIES = ("topic.", "checkin.reply.", "checkin.answer_unclear")


def _answers_free_text(reply: Reply) -> bool:
    """A reply to words of the person's own, which the line-naming-988 may follow: not to a command ("time 20:30"),
    and not a crisis reply or the crisis conversation, which name 988 and the other lines already."""
    return reply.key in _FREE_TEXT_REPLIES or reply.key.startswith(_FREE_TEXT_FAMILIES)


def _respond(
    message: Message, state: State, now: datetime, rules: Rules, lang: str
) -> tuple[list[Reply], list[Effect]]:
    first_contact: list[Effect] = [] if state.known else [MarkSeen()]
    flooding = over_limit(state, rules)
    holding = model.held(state, now, rules) and bool(state.escalation)
    if message.crisis:
        answered = _crisis(message, state, now, rules, first_contact, flooding)
        if answered:
            # Crisis detection keeps running while an operator texts the person: the crisis reply still goes.
            return (answered[0], [*answered[1], model.Unread(state.escalation)]) if holding else answered
        # None only for what the texter just said the line misread: answered as an ordinary text
    asked_to_stop = optout.intent(message.text)
    commanded = _commands(message, state, now, rules, first_contact, flooding, asked_to_stop)
    if commanded is not None:
        return commanded
    if holding:
        # An operator is texting the person (service.admin.conversation): the bot steps back, and the text joins
        # the escalation's thread, unread until the operator looks.
        return [], [
            *first_contact,
            model.Exchange(state.escalation, (message.text,), ()),
            model.Unread(state.escalation),
        ]
    if not _asks_for_something_else(message, state, now, rules):
        answered = talk.respond(message, state, now, rules)
        if answered:
            return answered
    return _everyday(message, state, now, rules, lang, first_contact, asked_to_stop)


def _crisis(
    message: Message, state: State, now: datetime, rules: Rules, first_contact: list[Effect], flooding: bool
) -> Result | None:
    """A crisis text: outranks every state, opted out included, as a person in danger always gets the emergency
    numbers."""
    assert message.crisis
    if flooding and state.escalation:
        # Already in the operators' queue and past the limit: the words join it, and the person (who has had the
        # crisis reply) gets no more copies of it.
        return [], [*first_contact, Attach(state.escalation, message.crisis, message.text)]
    talking = talk.active(state, now) not in ("", talk.DECLINED)
    # A text inside a conversation is answered inside it; so is someone's withdrawal, asked about first.
    withdrawal = message.crisis == "medical" and not message.sure and talk.going_without(message.text)
    if message.bystander and not talking and not withdrawal:
        return _bystander(message, state, now, rules, first_contact)
    return talk.respond(message, state, now, rules)


def _commands(
    message: Message,
    state: State,
    now: datetime,
    rules: Rules,
    first_contact: list[Effect],
    flooding: bool,
    asked_to_stop: str | None,
) -> Result | None:
    """Opt-out (honoured past the limit too), then the limit, FORGET, a language switch, and what someone who
    opted out may still ask (START, HELP); HELP."""
    stop_word = message.keyword in OPT_OUT or message.keyword in SPANISH_OPT_OUT
    if stop_word or asked_to_stop == optout.STOP or _confirms_stop(message, state, now, rules):
        # Confirmed once, as an opted-out person gets no reply.
        return ([] if state.opted_out else [Reply("optout")]), [*first_contact, OptOut()]
    if flooding:
        return [], []
    # Erasure is answered in every state, opted out included: it is the person's own request about their data.
    if " ".join(message.keyword.split()) in FORGET_CONFIRMED:
        return [Reply("forget.done")], [Forget()]
    if message.keyword in FORGET:
        return [Reply("forget.confirm")], first_contact
    switch = language.switch(message.text)
    if switch:
        # Confirmed in the new language; someone who opted out is not texted, but the choice is kept.
        chosen = [model.Update({"language": switch})]
        reply = [] if state.opted_out else [Reply("language.set" if state.known else "welcome", language=switch)]
        return reply, [*first_contact, *chosen]
    if state.opted_out:
        if message.keyword in OPT_IN:
            return [Reply("optin")], [OptIn()]
        return ([Reply("help")] if message.keyword in HELP else []), []
    if message.keyword in HELP:
        # Inside a crisis conversation HELP is a call for help too: the numbers for now, with what HELP must say.
        talking = talk.active(state, now) not in ("", talk.DECLINED)
        return [Reply("talk.help" if talking else "help")], first_contact
    return None


def _everyday(
    message: Message,
    state: State,
    now: datetime,
    rules: Rules,
    lang: str,
    first_contact: list[Effect],
    asked_to_stop: str | None,
) -> Result:
    """Check-in commands and answers, a START from someone subscribed, the clarifying question, topics, fallback;
    a first text gets the welcome first."""
    question = checkins.pending_question(state, now, rules)
    handled = checkins.command(message.text, state, message.zone_guess, now, rules, lang)
    if handled is None and question:
        handled = checkins.answer(message.text, question, state, now, rules)
    if handled is None and message.keyword in OPT_IN:
        # Never opted out, so there is nothing to rejoin ("welcome back" would be wrong).
        handled = [Reply("optin.already")], []
    if handled is None and asked_to_stop == optout.UNCLEAR and not keywords.find_topic(message.text, lang):
        handled = _clarify_stop(state, now, rules)
    if handled is None and _clarifying(state, now, rules) and " ".join(message.keyword.split()) in KEEP_TEXTING:
        handled = [Reply("ack")], []
    replies, effects = handled or ([_answer(message, lang, question)], [])
    if state.clarify_at and not _touches_clarify(effects):
        effects = [*effects, model.Update({}, clear=("clarify_at",))]  # the question was answered
    if state.known:
        return replies, effects
    # A first text gets the welcome (which already points to MENU) before any answer.
    answer = [r for r in replies if r.key not in ("fallback", "optin.already")]
    return [Reply("welcome"), *answer], [*first_contact, *effects]


def over_limit(state: State, rules: Rules) -> bool:
    """Whether this text is past the person's inbound limit (texts a minute or an hour): then only crisis texts and
    opt-outs are acted on, so a flood costs at most the limit in replies."""
    return state.texts_minute > rules.texts_per_minute or state.texts_hour > rules.texts_per_hour


def _asks_for_something_else(message: Message, state: State, now: datetime, rules: Rules) -> bool:
    """Inside a crisis conversation, a whole-message topic keyword ("MENU") or check-in command ("CHECKIN") is
    a request of its own and is answered as usual; a YES is one only while no question of the conversation waits."""
    stage = talk.active(state, now)
    if not stage or keywords.exact_topic(message.keyword):
        return bool(stage)
    if message.keyword in OPT_IN and stage in talk.QUESTIONS:
        return False
    return checkins.command(message.text, state, message.zone_guess, now, rules) is not None


def _clarify_stop(state: State, now: datetime, rules: Rules) -> tuple[list[Reply], list[Effect]]:
    """Ask once whether an unclear text ("i want to stop") means stop texting; asked already, it does."""
    if _clarifying(state, now, rules):
        return ([Reply("optout")], [OptOut()])  # at most one clarifying reply: a second unclear text is a request
    return [Reply("optout.clarify")], [model.Update({"clarify_at": int(now.timestamp())})]


def _clarifying(state: State, now: datetime, rules: Rules) -> bool:
    """Whether the last reply asked "do you want us to stop texting you?" (and it has not expired)."""
    return bool(state.clarify_at) and now.timestamp() - state.clarify_at <= rules.question_ttl.total_seconds()


def _touches_clarify(effects: list[Effect]) -> bool:
    """Whether the effects already ask again or opt out (which erases the question)."""
    return OptOut() in effects or any(isinstance(e, model.Update) and "clarify_at" in e.values for e in effects)


def _confirms_stop(message: Message, state: State, now: datetime, rules: Rules) -> bool:
    return _clarifying(state, now, rules) and " ".join(message.keyword.split()) in CONFIRM_STOP


def _answer(message: Message, lang: str, question: str) -> Reply:
    """The reply to an ordinary text: a topic; for a text in another language than the person's, how to switch
    (in the language of the text); an acknowledgement; a re-ask of the pending check-in question; or the fallback."""
    topic = keywords.find_topic(message.text, lang)
    if topic:
        return Reply(topic)
    if message.language and message.language != lang:
        return Reply("language.offer", language=message.language)
    if question:
        return Reply("checkin.answer_unclear_yes_no" if question == "craving" else "checkin.answer_unclear")
    return Reply("ack" if keywords.normalise(message.text) in ACKNOWLEDGEMENTS else "fallback")
