"""The crisis conversation: after a risk signal the line asks one direct, plain question and goes on by the answer.

Plain functions, no I/O, like the engine: `respond(message, state, now, rules)` opens a conversation on a risk
signal (from the newest text, or from the person's last few texts read together) or answers a text inside one,
and returns None for a text that is not for it. The stage is kept in the person's State (`talk`); the README's
"The crisis conversation" lists every stage and how it ends. messages/POLICY.md (C, C10) says what each reply
must do; the wording is in messages/en.yaml under "crisis conversation".
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from service import checkins, crisis, optout
from service.config import ALERT_LEVELS
from service.crisis import person
from service.keywords import normalise
from service.store import State

if TYPE_CHECKING:
    from service.engine import Effect, Message, Reply

Result = tuple[list["Reply"], list["Effect"]]

# Stages. The first three wait for the answer to a question; the next five stay with the person.
ASK = "ask"  # asked "Are you thinking about suicide?" after indirect signs
PLAN = "plan"  # they said it plainly; asked whether they have a plan or the means for today or tonight
SAFE_Q = "safe_q"  # asked "Are you safe right now?" after signs of danger from someone else
IMMINENT = "imminent"  # a plan, intent or means for the next day: 911 or the ER, a person now, away from the means
THOUGHTS = "thoughts"  # thoughts without that: 988, a professional and a trusted person, coping steps, a safety plan
UNSAFE = "unsafe"  # not safe from someone right now: 911
SAFE_NOW = "safe_now"  # safe for now: the domestic violence hotline and safety steps
EMERGENCY = "emergency"  # an overdose, a medical emergency, a threat to others: the crisis reply, then staying
DECLINED = "declined"  # a clear "no", believed: normal service; indirect signs alone do not ask again meanwhile
QUESTIONS = (ASK, PLAN, SAFE_Q)
STAGES = (*QUESTIONS, IMMINENT, THOUGHTS, UNSAFE, SAFE_NOW, EMERGENCY, DECLINED)

TALK_TTL = timedelta(hours=24)
"""A stage ends this long after the person's last text in it; their next text is routed as usual."""
CHECK_DELAY = timedelta(minutes=60)
"""An unanswered question gets one gentle follow-up this much later (the next day's caring contact still comes)."""

LEVELS = ALERT_LEVELS
"""Risk levels, lowest first: signs worth a question, a disclosure, risk to life now. On-call alerting follows
ONCALL_ALERT_LEVELS (service/config.py); imminent is always alerted at once."""
_STAGE_LEVEL = {
    ASK: "possible", SAFE_Q: "possible", PLAN: "high", THOUGHTS: "high", SAFE_NOW: "high",
    IMMINENT: "imminent", UNSAFE: "imminent", EMERGENCY: "imminent",
}  # fmt: skip
EMERGENCIES = ("overdose", "medical", "harm_to_others")
QUESTIONED = ("suicide", "self_harm", "violence")
"""Risks the conversation asks about directly ("are you thinking about suicide?", "are you safe right now?")."""
"""Categories whose risk to life is now: the crisis reply, then short urgent replies, at the imminent level."""
WINDOW_JOIN = " || "
"""How a person's consecutive texts are joined for the detector (the corpus writes exchanges the same way)."""


@dataclass(frozen=True)
class Signal:
    """Risk read from the texts: a detector category, and whether it was plain (False: indirect signs that add
    up across texts, or a text only the model flags, worth a direct question rather than the crisis reply), and
    whether the detector flagged the text itself (then on-call is alerted, as for every crisis text)."""

    category: str
    plain: bool
    detected: bool = False


# Effects of the conversation, written by service.effects with the engine's own.
@dataclass(frozen=True)
class Raise:
    """The risk of an open escalation rose to `level`; on-call staff are alerted again when `alert`."""

    escalation: str
    level: str
    alert: bool


@dataclass(frozen=True)
class Exchange:
    """Texts from the person and the replies (template keys) they got, for the escalation's thread."""

    escalation: str
    texts: tuple[str, ...]
    replies: tuple[str, ...]


@dataclass(frozen=True)
class ForgetWindow:
    """Drop the person's recent texts, so what they said before a believed "no" does not ask again."""


Effect = Raise | Exchange | ForgetWindow


# --- reading the texts ----------------------------------------------------------------------------------------


def _signs(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


# Indirect signs (messages/POLICY.md C9, "indirect risk counts"), matched on normalised text. One weak sign is
# ambiguous; two, or one strong one, across a person's last few texts are worth the direct question.
_STRONG_DISTRESS = _signs(
    r"better off without me",
    r"better off if i (?:was|were)nt (?:here|around)",
    r"(?:a|such a|just a) (?:burden|weight)",
    r"(?:wont|will not|not going to|not gonna|wont even) be (?:here|around)",
    r"no (?:way|reason) (?:out|to go on)",
    r"out of reasons",
    r"(?:cant|cannot) (?:go on|keep going|do this anymore)",
    r"loose ends",
    r"(?:how|what) (?:long|high|deep|many|much)\b.{0,30}\b(?:drown|fall|drop|jump|bleed|fatal|lethal|die|dead)",
    r"dont want to (?:wake up|be here|exist|be alive)",
    r"end it all",
    r"nothing (?:left )?to live for",
    r"already gone",
    r"disappear forever",
    r"(?:said|saying|say) (?:bye|goodbye) to",
    r"giving (?:my|away) (?:stuff|things)",
    r"no point (?:in )?(?:living|going on|tapering|anything)",
    r"(?:nobody|no one) would (?:even )?(?:notice|care|miss me)",
)
_WEAK_DISTRESS = _signs(
    r"so tired",
    r"exhausted",
    r"(?:tired|sick) of (?:it|everything|all|this|being|life)",
    r"hopeless",
    r"whats (?:even )?the point",
    r"no point",
    r"(?:nobody|no one) (?:notices|cares|would notice|would care)",
    r"(?:like|feel) (?:a ghost|invisible|empty|numb|trapped|worthless)",
    r"worthless",
    r"cant (?:take|do) (?:it|this)",
    r"done with (?:it|everything|all of it|life)",
    r"giving up",
    r"give up",
    r"(?:im|i am) done",
    r"take care of (?:yourself|yourselves|everyone)",
    r"thank you for everything",
    r"(?:train|bus) times",
    r"bridge",
    r"ledge",
    r"rooftop",
    r"rope",
    r"tracks",
)
_STRONG_DANGER = _signs(
    r"(?:he|she|they)(?: is|s|re| are)? (?:on (?:his|her|their|the) way|outside|at the door|coming (?:for|after) me)",
    r"(?:following|followed|stalking|watching) me",
    r"same car",
    r"(?:knows|found out|find out) where i (?:live|am|work)",
    r"(?:make|made|makes) me (?:regret|pay)",
    r"(?:ill|youll|you will|going to|gonna|ll) (?:regret|pay for) (?:it|this)",
    r"threat\w*",
    r"(?:afraid|scared|terrified) (?:to go home|of (?:him|her|them)|hell|hes going to|shes going to)",
    r"(?:hurt|kill) me",
    r"broke my",
    r"hes home",
    r"shes home",
)
_WEAK_DANGER = _signs(r"angry", r"furious", r"yelling", r"screaming", r"drunk again", r"raging", r"coming home")

_SOON = _signs(
    r"tonight",
    r"today",
    r"esta noche",
    r"hoy",
    r"en la noche",
    r"ahorita",
    r"ahora mismo",
    r"right now",
    r"this (?:morning|afternoon|evening|weekend|week)",
    r"tomorrow",
    r"soon",
    r"in (?:a|an|\d+|a few) (?:minutes?|hours?)",
    r"after (?:everyone|they|she|he) (?:leaves?|goes?|sleeps?)",
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
)
_NOT_SOON = re.compile(r"\bnot (?:today|tonight|right now|now|soon|this week)\b")
_PLAN = _signs(
    r"(?:a|my|the) plan",
    r"planned",
    r"planning",
    r"decided",
    r"(?:im|i am) ready",
    r"(?:going to|gonna) do it",
    r"(?:going to|gonna) take (?:them|it|every ?thing) all",
    r"(?:pienso|voy a|quiero) (?:hacerlo|tomarmelas|tomarmelos|matarme|quitarme la vida)",
    r"wrote (?:a|the|my) (?:note|letters?)",
    r"(?:note|letters?) (?:is|are) (?:written|ready)",
    # an end with a time, which is intent and timing in one: "wont matter after tonight", "wont be here tomorrow"
    r"(?:wont|will not|not gonna|not going to) (?:matter|be (?:here|around|alive))"
    r" (?:after |by |past )?(?:tonight|tomorrow)",
    r"(?:after|past) tonight (?:it )?(?:wont|will not|doesnt|dont)",
    r"(?:ya )?no (?:va a )?importar (?:despues de|manana|mas alla de) ?(?:esta noche|hoy|manana)?",
    r"(?:manana|despues de hoy) ya no (?:voy a )?(?:estar|existir)",
)
MEANS = {
    "gun": _signs(
        r"guns?",
        r"pistol",
        r"revolver",
        r"rifle",
        r"shotgun",
        r"firearm",
        r"handgun",
        r"glock",
        r"\d+ gauge",
        r"pistola",
        r"arma",
    ),
    "pills": _signs(
        r"pills?",
        r"bottles?",
        r"klonopin",
        r"kpins?",
        r"klonnies",
        r"clonazepam",
        r"benzos?",
        r"meds",
        r"tablets",
        r"stash",
        r"stockpil\w*",
        r"pastillas?",
        r"rivotril",
        r"clonas?",
        r"frascos?",
        r"bars",
        r"overdose",
    ),
    "blade": _signs(
        r"razors?", r"blades?", r"knife", r"knives", r"scissors", r"box cutter", r"navajas?", r"cuchillos?"
    ),
    "other": _signs(r"rope", r"noose", r"bridge", r"ledge", r"roof", r"rooftop", r"tracks", r"hose", r"jump"),
}
"""Means a person may name, by the CALM advice that fits (messages: talk.means.<kind>)."""

_NO = re.compile(
    r"^(?:no|nope|nah|never|not at all|not suicidal|(?:im|i am) not|(?:im|i am) (?:ok|okay|fine|good|alright))\b"
)
_UNSURE = re.compile(
    r"^(?:idk|i dont know|dunno|not sure|not really|maybe|i guess"
    r"|no se|nose|no lo se|ni se|tal vez|quizas?|a lo mejor|a veces|creo que si|mas o menos)\b"
)
_YES = re.compile(
    r"^(?:yes|yeah|yea|ya|yep|yup|y$|si|kinda|kind of|sort of|sometimes|a little|a bit|i think so|probably|always"
    r"|all the time|every day|constantly|i am|i have|i do|honestly|ive been|been thinking|of course|obviously)\b"
)
_ACCEPT = re.compile(r"^(?:yes|yeah|yea|yep|yup|y$|ok|okay|sure|please|send|go ahead|that would help|si|dale|va)\b")
_SAFE = re.compile(
    r"^(?:yes|yeah|yea|ya|yep|yup|y|i am|im safe|safe|for now|im ok|im okay|im fine|i think so|at (?:a|my) \w+)\b"
)
# What stands between a person and help, said inside a conversation (messages/POLICY.md C13): each gets an answer
# to that barrier instead of the same "call 911" again. English and Spanish, on normalised text.
BARRIERS = {
    "alone": _signs(
        r"(?:no ?one|nobody|noone|no body) (?:to (?:call|talk to|ask)|(?:is )?here|around|cares|would come)",
        r"(?:dont|do not) have (?:anyone|anybody|no ?one)",
        r"(?:i have|ive got|got) no ?(?:one|body)",
        r"(?:no tengo|no hay) (?:a )?(?:nadie|quien)",
        r"estoy sola?",
    ),
    "police": _signs(
        r"(?:no|dont want|do not want|not calling|wont call|cant call) (?:the )?(?:cops|police|911|ambulance)",
        r"(?:cops|police) (?:will|would|might) (?:come|show up|take|lock|arrest)",
        r"(?:lock|locked) me up",
        r"send (?:the )?(?:cops|police)",
        r"(?:call|calls|calling) the (?:cops|police)",
        r"(?:get|put) (?:me |him |her )?(?:in trouble|arrested|committed|locked up)",
        r"(?:no quiero|sin) (?:a )?(?:la )?(?:policia|patrulla|ambulancia|911)",
        r"me (?:van a )?(?:encerrar|arrestar|deportar)",
    ),
    "stranger": _signs(
        r"(?:dont|do not) want to (?:talk|text|call) (?:to )?(?:a )?(?:stranger|someone i dont know|anyone)",
        r"(?:a|some) stranger",
        r"(?:hate|cant do) (?:talking on the )?(?:phone|calls)",
        r"(?:no quiero|no me gusta) hablar (?:con )?(?:un )?(?:desconocido|extrano|nadie)",
    ),
    "words": _signs(
        r"(?:what|wat) (?:do|would|should) i (?:even )?(?:say|tell|text|write)",
        r"(?:dont|do not) know what to (?:say|tell|text|write)",
        r"(?:que|q) (?:les )?(?:digo|les digo|escribo|le digo)",
        r"no se (?:que|q) (?:decir|escribir)",
    ),
}


# "havent taken them", "not yet": an overdose reply was about pills not taken. (Normalised text.)
_NOT_TAKEN = _signs(
    r"(?:havent|have not|hasnt|didnt|did not|never|not) (?:taken|took|take|swallowed) (?:them|any|it|anything)",
    r"not yet",
    r"(?:no me las he|no me las|todavia no me las|aun no me las) (?:tomado|tome)",
    r"todavia no",
    r"aun no",
)


# Help is on its way: "im on the phone with 911", "ambulance is coming", "paramedics are here". (Normalised text.)
_HELP_COMING = _signs(
    r"(?:on the phone|on the line|talking|speaking) (?:with|to) (?:911|them|the dispatcher|dispatch)",
    r"(?:i )?(?:called|calling|just called) 911",
    r"(?:ambulance|paramedics|ems|medics) (?:is |are )?(?:here|coming|on (?:the|their|its) way)",
    r"(?:at|in) the (?:hospital|er|emergency room)",
    r"(?:ya )?(?:llame|estoy hablando con el|hable con el) 911",
    r"(?:ya )?(?:viene|llego|llegaron|vienen) (?:la ambulancia|los paramedicos)",
    r"(?:estamos|esta|estoy) en el hospital",
)


# A step the person took to be safer: put the pills away, locked them up, gave them to someone. (Normalised text.)
_OWN_STEP = _signs(
    r"(?:put|moved|took|left) (?:the |my |all the )?(?:pills|them|it|gun|bottle|jar)(?: \w+){0,2}"
    r" (?:in|into|out|away|to)",
    r"locked (?:them|it|the \w+) (?:up|away|in)",
    r"locked it",
    r"gave (?:them|it|the \w+) to",
    r"(?:threw|flushed) (?:them|it|the pills) (?:out|away)",
    r"(?:le di|le deje|guarde|tire) (?:las pastillas|el frasco|la pistola|todo)",
)


def _barrier_key(name: str, stage: str) -> str:
    """The answer to a barrier. In an overdose, medical or harm emergency 911 is the help: never "text 988 instead",
    and "what do I say" means what to tell 911."""
    if stage == EMERGENCY and name == "police":
        return "talk.barrier.police_emergency"
    if stage == EMERGENCY and name == "words":
        return "talk.helping.2"
    return f"talk.barrier.{name}"


def barrier(text: str) -> str:
    """The barrier to help a text names ("nobody to call", "no cops"), or "" when none."""
    words = normalise(text)
    return next((name for name, pattern in BARRIERS.items() if pattern.search(words)), "")


_CONNECT = _signs(
    r"(?:can|could|will|would) (?:you|u|someone|somebody) (?:please )?(?:call|phone|ring|contact|text)"
    r" (?:them|988|911|someone|somebody|for me|me)",
    r"call (?:them|988|911|someone) for me",
    r"call for me",
    r"talk to (?:a|someone|somebody|a real) (?:person|human)",
    r"(?:is this|are you) (?:a )?(?:real )?(?:person|human|bot|robot)",
    r"(?:whats|what is|what was) (?:the|that) (?:number|text number)",
    r"(?:cual es|cual era) el numero",
)
STEPS = "STEPS"
STEPS_WORDS = frozenset({STEPS, "PASOS"})
"""The reply that asks for the safety plan or safety steps, in English or Spanish."""
"""The word that asks for the coping steps and safety plan (or, after danger from someone, safety steps)."""


def _weight(text: str, strong: re.Pattern[str], weak: re.Pattern[str]) -> int:
    words = normalise(text)
    return 2 if strong.search(words) else 1 if weak.search(words) else 0


def window_signal(texts: list[str]) -> Signal | None:
    """Risk in a person's last few texts (newest last) read together: the detector's verdict on the window, or
    indirect signs that add up. The one place to switch when the detector grades a window itself."""
    if len(texts) > 1:
        verdict = crisis.assess(WINDOW_JOIN.join(texts))
        if verdict.sure:
            return Signal(verdict.category, True)
        # The model alone on the window is worth the question; an emergency is told in one text, not built up.
        if verdict.category in QUESTIONED:
            return Signal(verdict.category, False)
    if sum(_weight(t, _STRONG_DANGER, _WEAK_DANGER) for t in texts) >= 2:
        return Signal("violence", False)
    if sum(_weight(t, _STRONG_DISTRESS, _WEAK_DISTRESS) for t in texts) >= 2:
        return Signal("suicide", False)
    return None


def imminent(texts: list[str], timing: bool = True, means: bool = True) -> bool:
    """A plan, intent or means (and with `timing`, a time within the next day) in any of `texts`, erring toward
    risk as messages/POLICY.md C9 asks. Timing counts only in the answer to a question: later, "today" is small talk.
    Without `means`, a named means does not count (the pills an overdose reply was about)."""
    for text in texts:
        words = _NOT_SOON.sub("", normalise(text))
        if (
            (timing and _SOON.search(words))
            or _PLAN.search(words)
            or (means and any(p.search(words) for p in MEANS.values()))
        ):
            return True
    return False


def means_named(texts: list[str]) -> str:
    """The kind of means named most recently in `texts`, or "any" when none is named."""
    for text in reversed(texts):
        words = normalise(text)
        for kind, pattern in MEANS.items():
            if pattern.search(words):
                return kind
    return "any"


def answer(text: str) -> bool | None:
    """A yes (unsure counts as yes: messages/POLICY.md C9 errs toward risk), a clear no, or None."""
    words = normalise(text)
    if _UNSURE.match(words):  # before the no: "no se" (I don't know) is not a no
        return True
    if _NO.match(words):
        return False
    return True if _YES.match(words) else None


def _accepts(message: "Message") -> bool:
    """A yes to the offer of coping steps or safety steps."""
    return bool(_ACCEPT.match(normalise(message.text)))


def danger_signs(text: str) -> bool:
    return _weight(text, _STRONG_DANGER, _WEAK_DANGER) == 2


# --- the conversation ------------------------------------------------------------------------------------------


def _engine():  # type: ignore[no-untyped-def]
    from service import engine  # the engine imports this module; Reply and its effects live there

    return engine


def active(state: State, now: datetime) -> str:
    """The person's stage, or "" when none is open (never started, or over TALK_TTL since their last text)."""
    if state.talk and now.timestamp() - state.talk_at < TALK_TTL.total_seconds():
        return state.talk
    return ""


def check_due(state: State, at: datetime, late_grace: timedelta) -> bool:
    """Whether the gentle follow-up to an unanswered question still fits at `at`: the question is still open and
    not more than `late_grace` overdue (after that the next day's caring contact says it instead)."""
    overdue = at.timestamp() - state.talk_at - CHECK_DELAY.total_seconds()
    return state.talk in QUESTIONS and overdue <= late_grace.total_seconds()


def respond(message: "Message", state: State, now: datetime, rules: checkins.Rules) -> Result | None:
    """Replies and effects for a text that opens or continues a crisis conversation; None for any other text."""
    stage = active(state, now)
    # A crisis text after operators closed the conversation's escalation opens a new one.
    closed = message.crisis and state.escalation != state.talk_esc
    if stage and stage != DECLINED and not closed:
        return _continue(stage, message, state, now, rules)
    if message.keyword in STEPS_WORDS and not message.crisis:
        return _steps(THOUGHTS), []  # a saved text said "reply STEPS": it works later too
    signal = Signal(message.crisis, message.sure or message.crisis in EMERGENCIES, True) if message.crisis else None
    reads_window = not state.opted_out and message.keyword not in _engine().plain_keywords()
    if signal is None and reads_window and not optout.intent(message.text):  # a request to stop is its own answer
        signal = window_signal([*state.recent, message.text])
        if signal and not signal.plain and stage == DECLINED:
            signal = None  # they said no and were believed: indirect signs alone do not ask again for now
    return _begin(signal, message, state, now, rules) if signal else None


def _begin(signal: Signal, message: "Message", state: State, now: datetime, rules: checkins.Rules) -> Result:
    """Open a conversation: the crisis reply for a plain signal, then the one direct question that fits."""
    engine = _engine()
    texts = [*state.recent, message.text]
    # read together, as the detector read them: "hes breathing weird" then "now hes blue" is someone unresponsive
    crisis = engine.Reply(engine.crisis_key(signal.category, text=WINDOW_JOIN.join(texts)))
    replies = [crisis] if signal.plain else []
    if signal.category in EMERGENCIES:
        stage = EMERGENCY
    elif signal.category == "violence":
        stage = SAFE_Q
        replies.append(engine.Reply("talk.ask_safe"))
    elif signal.plain and imminent(texts):
        stage = IMMINENT
        replies += _imminent_replies(texts)
    elif signal.plain:
        stage = PLAN
        replies.append(engine.Reply("talk.ask_plan"))
    else:
        stage = ASK
        replies.append(engine.Reply("talk.ask"))
    level = _higher(_STAGE_LEVEL[stage], "high" if signal.plain or signal.detected else "possible")
    violence = signal.category in checkins.NO_FOLLOW_UP
    effects: list[Effect] = [] if state.known else [engine.MarkSeen()]
    escalation = state.escalation or message.sid
    if not state.escalation:
        effects.append(engine.Escalate(signal.category, message.text, level, alert=_alerted(level, rules)))
    else:  # still open from an earlier conversation: this one joins it (on-call is alerted only if risk rose)
        if signal.plain:
            effects.append(engine.Attach(escalation, signal.category, message.text))
        if _higher(state.talk_level, level) != state.talk_level:
            effects.append(Raise(escalation, level, alert=_alerted(level, rules)))
    effects += [
        _stage(stage, now, turns=0, level=level, escalation=escalation),
        *checkins.after_crisis(state, message.zone_guess, now, rules, signal.category),
        # No gentle check after violence either: it would show on a phone an abuser may read (POLICY.md L3).
        *([checkins.Later("crisis_check", now + CHECK_DELAY)] if stage in QUESTIONS and not violence else []),
        Exchange(escalation, tuple(texts), tuple(reply.key for reply in replies)),
    ]
    return replies, effects


def _continue(stage: str, message: "Message", state: State, now: datetime, rules: checkins.Rules) -> Result:
    """Answer a text inside an open conversation: by the answer, or a short human reply; never the menu or the
    fallback, and never the same text twice in a row."""
    engine, texts = _engine(), [*state.recent, message.text]
    new_stage, obstacle = stage, barrier(message.text)
    # An emergency the rules name changes the conversation; a guarded answer the model alone reads as one does not
    # ("cant", "no one here" are answers here), and the conversation's own replies already say 911.
    if message.crisis in EMERGENCIES and message.sure and stage != EMERGENCY:
        new_stage, replies = EMERGENCY, [engine.Reply(engine.crisis_key(message.crisis, text=message.text))]
    elif stage in (ASK, PLAN, THOUGHTS) and imminent([message.text], timing=stage != THOUGHTS):
        # Before any other answer: a plan, intent or means said now outranks a barrier or a yes to the steps.
        new_stage, replies = IMMINENT, _imminent_replies(texts)
    elif message.keyword in STEPS_WORDS or (
        stage in (THOUGHTS, SAFE_NOW) and not state.talk_steps and _accepts(message)
    ):
        replies = _steps(stage)
    elif _CONNECT.search(normalise(message.text)):
        replies = [engine.Reply("talk.connect")]
    elif stage == EMERGENCY and _NOT_TAKEN.search(normalise(message.text)):
        # Nothing taken yet: a plan with the means at hand, not a poisoning. Risk stays imminent where a plan, intent
        # or a time was said; otherwise thoughts with the pills near: distance from them, 988, and the door open.
        urgent = imminent(texts, means=False)  # the pills are named already: a plan or a time decides
        new_stage = IMMINENT if urgent else THOUGHTS
        replies = _imminent_replies(texts) if urgent else [engine.Reply("talk.means.pills"), engine.Reply("talk.reach")]
    elif stage in (IMMINENT, UNSAFE, EMERGENCY) and _HELP_COMING.search(normalise(message.text)):
        replies = [engine.Reply("talk.help_coming")]  # not "call 911" to someone already on the line with them
    elif stage in (IMMINENT, THOUGHTS, EMERGENCY) and _OWN_STEP.search(normalise(message.text)):
        replies = [engine.Reply("talk.step_taken")]  # the person's own step toward safety, said back to them
    elif obstacle and stage not in QUESTIONS:
        replies = [engine.Reply(_barrier_key(obstacle, stage))]
    elif stage == SAFE_Q or (stage == SAFE_NOW and danger_signs(message.text)):
        new_stage, replies = _after_safety_question(message.text, state)
    elif stage in QUESTIONS:
        new_stage, replies = _after_question(stage, message, state, texts)
    else:
        replies = [_stay(stage, state.talk_turns, texts)]
    level = state.talk_level if new_stage == DECLINED else _higher(state.talk_level, _STAGE_LEVEL[new_stage])
    turns = state.talk_turns + 1 if new_stage == stage else 0
    steps = state.talk_steps or any(reply.key.startswith("talk.steps.") for reply in replies)
    effects: list[Effect] = [_stage(new_stage, now, turns, level, state.talk_esc, steps)]
    if new_stage == DECLINED:
        effects.append(ForgetWindow())
    if level != state.talk_level:
        effects.append(Raise(state.talk_esc, level, alert=_alerted(level, rules)))
    if message.crisis:
        effects.append(engine.Attach(state.talk_esc, message.crisis, message.text))  # the queue shows it too
    if stage in QUESTIONS:
        effects.append(checkins.Unschedule("crisis_check"))  # answered: no follow-up needed
    return replies, [*effects, Exchange(state.talk_esc, (message.text,), tuple(reply.key for reply in replies))]


def _after_question(stage: str, message: "Message", state: State, texts: list[str]) -> tuple[str, list["Reply"]]:
    """The answer to "Are you thinking about suicide?" or to the question about a plan."""
    reply = _engine().Reply
    if stage == PLAN:
        if answer(message.text):
            return IMMINENT, _imminent_replies(texts)
        # They have thoughts of suicide either way: a "no" here is no plan, not no risk.
        return THOUGHTS, [reply("talk.thoughts"), reply("talk.reach")]
    said = True if message.crisis else answer(message.text)
    if said is True:  # then plan, means and timing, as a counsellor would ask next (VERA-MH Q11)
        return PLAN, [reply("talk.ask_plan")]
    if said is False:
        return DECLINED, [reply("talk.declined")]
    if state.talk_turns == 0:
        return stage, [reply("talk.ask_again")]
    return stage, [_stay(stage, state.talk_turns)]


def _after_safety_question(text: str, state: State) -> tuple[str, list["Reply"]]:
    """The answer to "Are you safe right now?": unsure, or signs of danger, count as not safe."""
    reply, words = _engine().Reply, normalise(text)
    if danger_signs(text) or _NO.match(words) or _UNSURE.match(words):
        return UNSAFE, [reply("talk.unsafe")]
    if _SAFE.match(words):
        return SAFE_NOW, [reply("talk.safe_now")]
    if state.talk_turns == 0:
        return SAFE_Q, [reply("talk.ask_safe_again")]
    return SAFE_Q, [_stay(UNSAFE, state.talk_turns)]


def _imminent_replies(texts: list[str]) -> list["Reply"]:
    reply = _engine().Reply
    return [reply("talk.imminent"), reply(f"talk.means.{means_named(texts)}")]


def _steps(stage: str) -> list["Reply"]:
    kind = "danger" if stage in (SAFE_Q, UNSAFE, SAFE_NOW) else "plan"
    return [_engine().Reply(f"talk.steps.{kind}.{part}") for part in (1, 2, 3)]


STAY_REPLIES = {
    "calm": ("talk.stay.1", "talk.stay.2", "talk.stay.3", "talk.stay.4"),
    "urgent": ("talk.urgent.1", "talk.urgent.2", "talk.urgent.3"),
    "helping": ("talk.helping.1", "talk.helping.2", "talk.helping.3"),  # an emergency of someone the texter is with
}
"""Short human replies for the texts after a disclosure, taken in turn so no resource text repeats back to back."""


def _stay(stage: str, turns: int, texts: tuple[str, ...] | list[str] = ()) -> "Reply":
    # With someone in a medical emergency, not threatening someone (harm to others keeps the urgent replies).
    helping = (
        stage == EMERGENCY
        and any(person.mentions_someone(t) for t in texts)
        and all(crisis.classify(t) != "harm_to_others" for t in texts)
    )
    replies = STAY_REPLIES["helping" if helping else "urgent" if stage in (IMMINENT, UNSAFE, EMERGENCY) else "calm"]
    return _engine().Reply(replies[turns % len(replies)])


def _higher(a: str, b: str) -> str:
    return max(a or LEVELS[0], b, key=LEVELS.index)


def _alerted(level: str, rules: checkins.Rules) -> bool:
    return level == "imminent" or level in rules.alert_levels


def _stage(stage: str, now: datetime, turns: int, level: str, escalation: str, steps: bool = False) -> "Effect":
    values = {
        "talk": stage, "talk_at": int(now.timestamp()), "talk_turns": turns, "talk_level": level,
        "talk_esc": escalation, "talk_steps": int(steps),
    }  # fmt: skip
    return checkins.Update(values)
