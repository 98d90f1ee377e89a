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

from service import checkins, crisis, keywords, optout
from service.config import ALERT_LEVELS
from service.crisis import medical, person
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
DANGER_STAGES = (SAFE_Q, UNSAFE, SAFE_NOW)
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
    """Texts from the person and the replies they got (in their language once the engine sets it), for the
    escalation's thread."""

    escalation: str
    texts: tuple[str, ...]
    replies: tuple["Reply", ...]


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
    r"(?:estarian|estaria|estan) mejor sin mi",
    r"(?:soy|ser) una carga",
    r"no quiero (?:despertar|seguir|existir|estar aqui)",
    r"(?:seria|es) mas facil no (?:despertar|estar|existir)",
    r"(?:ya )?no (?:aguanto|puedo) mas",
    r"para que seguir",
    r"desaparecer para siempre",
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
    r"(?:cansad[oa]|hart[oa]) de (?:todo|la vida|vivir|esto)",
    r"(?:no tiene|no le veo|sin) sentido",
    r"(?:ya )?no puedo",
    r"(?:me quiero|quisiera) (?:rendir|dormir para siempre)",
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
    # with someone doing it: "kill me now, work was brutal" is an idiom (POLICY.md K7), "hell kill me" is not
    r"(?:he|she|they|hell|shell|theyll)(?: is| s| are| re)? (?:gonna |going to |will |wants to |tried to )?(?:\w+ )?"
    r"(?:hurt|kill) me",
    r"(?:hes|shes|theyre|he is|she is|they are) (?:gonna|going to) (?:\w+ )?(?:hurt|kill) me",
    r"threatened to (?:\w+ )?(?:hurt|kill) me",
    r"(?:he|she|they|hes|shes|theyre|hell|shell)(?: \w+){0,5} (?:f|fuck|mess|beat|jack|f\w*) me up",
    r"(?:pulled|held|came at me with|threatened me with) (?:a|the|his|her) (?:knife|gun|weapon|bat)(?: on me)?",
    r"(?:pushed|hit|hits|choked|grabbed|slapped|punched|shoved|beat) me",
    r"(?:car|truck) (?:just )?pulled (?:in|up)",
    r"(?:his|her|their) (?:car|truck) (?:is )?(?:parked )?(?:by|next to|near|behind|in the lot|outside)",
    r"(?:youll|you will|u will|ull) see what happens",
    r"(?:parked|idling|waiting|sitting) (?:down the street|outside|across the street|out front)",
    r"(?:knocking|banging|pounding) (?:on|at)? ?(?:the|my)? ?door",
    r"(?:hes|shes|he is|she is) knocking",
    r"(?:me pego|me empujo|me golpeo|me va a (?:pegar|matar|golpear))",
    r"me (?:pega|golpea|empuja|amenaza|amenazo|persigue|sigue|esta siguiendo)",
    r"(?:ya )?(?:viene|va|vienen) (?:para|pa|a) (?:la casa|aca|aqui|mi casa)",
    r"(?:viene|va|esta|vienen) en camino",
    r"(?:esta|estan) (?:aqui )?(?:afuera|en la puerta)",
    r"(?:me voy a|te vas a|vas a|me va a hacer) arrepentir",
    r"me las vas a pagar",
    r"me (?:agarro|apreto|ahorco|agarra|aprieta|ahorca) (?:del|el) cuello",
    r"(?:tengo|me da) miedo (?:de (?:el|ella)|a (?:el|ella)|de que (?:venga|llegue|regrese|vuelva))",
    r"(?:el|ella) (?:que |q )?me da miedo",
    r"(?:golpeando|tocando|pateando|tocan|golpean) (?:fuerte )?(?:la|mi) puerta",
    r"(?:no me (?:las |los )?quiere dar|se (?:las|los) llevo|me (?:las|los) (?:quito|esconde|escondio))",
    r"(?:las|los) tiene mi (?:pareja|esposo|novio|marido)",
    r"(?:su|la) (?:troca|camioneta|carro|coche) (?:esta )?(?:afuera|aqui)",
    r"broke my",
    r"hes home",
    r"shes home",
    # a partner who controls the pills (messages/POLICY.md: abuse), not a pill count
    r"(?:keeps|hides|took|takes|holds|withholds|locked up) (?:my|all my) (?:bottle|pills|meds|klonopin|medicine)",
    r"(?:wont|doesnt|didnt|wouldnt) (?:let me have|give me) (?:my|any)",
)
_WEAK_DANGER = _signs(
    r"angry", r"furious", r"yelling", r"screaming", r"drunk again", r"raging", r"coming home", r"(?:really )?mad at me",
    r"(?:gonna|going to) come by", r"keeps (?:texting|calling|showing up)",
    r"enojado", r"furioso", r"gritando", r"celoso", r"borracho otra vez", r"me grita", r"tengo miedo",
)  # fmt: skip

_SOON = _signs(
    r"tonight",
    r"tonite",
    r"2nite",
    r"today",
    r"esta noche",
    r"hoy",
    r"en la noche",
    r"ahorita",
    r"ahora mismo",
    r"right now",
    r"this (?:morning|afternoon|evening|weekend|week)",
    r"tomorrow",
    r"tmrw?",
    r"tmr",
    r"soon",
    r"in (?:a|an|\d+|a few) (?:minutes?|hours?)",
    r"after (?:everyone|they|she|he|my \w+) (?:leaves?|goes?|sleeps?|is gone)",
    r"(?:roommate|roomie|wife|husband|partner|everyone|family|mom|dad|parents) (?:leaves?|is gone|goes away|leave)",
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
)
_NOT_SOON = re.compile(
    r"\bnot (?:today|tonight|right now|now|soon|this week)\b"
    # a day gone by is not a time to act: "havent slept since sunday"
    r"|\b(?:since|last|desde el) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles"
    r"|jueves|viernes|sabado|domingo|today|this morning)\b"
)
# "no plan", "im not gonna do anything tonight": a denial of plan or intent (VERA-MH Q11), which a named means or a
# time in the same text does not overturn (messages/POLICY.md C10: imminent is a plan and intent for the next day).
_NO_INTENT = _signs(
    r"no plan",
    r"plan no\b",
    r"(?:esta noche|hoy)(?: no se)?,? no creo",
    r"no creo que (?:lo haga|haga nada|vaya a hacer)",
    r"(?:its|it is|thats|this is) not an emergency",
    r"(?:dont|do not|didnt|dont really) have (?:a|any) plan",
    r"(?:not|never|wont be|aint) (?:doing|do) (?:anything|nothing|it|that)",
    r"(?:its|it is|thats|that is) not (?:for )?(?:tonight|today|now|soon)",
    r"no (?:las|los|la|lo|me las|me los) (?:voy|pienso) a tomar",
    r"no (?:pensaba|pienso|voy a) usar nada",
    r"no (?:pienso|voy a) hacer (?:nada|eso)",
    r"(?:not|never) (?:gonna|going to|planning to|planning on) (?:do|act on|try) (?:anything|it|that)",
    r"(?:wont|will not|would never|never) (?:do|act on|try) (?:anything|it|that)",
    r"no (?:voy|pienso) a hacer(?:lo| nada)",
    r"no tengo (?:un |ningun )?plan",
)
_PLAN = _signs(
    r"(?:a|my|the) plan",
    r"planned",
    r"planning",
    r"decided",
    r"(?:im|i am) ready",
    r"(?:going to|gonna) do it",
    r"(?:going to|gonna) take (?:them|it|every ?thing) all",
    r"(?:want|wanna|going|gonna) (?:to )?take (?:some|them|em|more|all|the rest|a bunch)(?: \w+)?"
    r" (?:rn|right now|now|tonight)",
    r"(?:pienso|voy a) (?:hacerlo|tomarmelas|tomarmelos|matarme|quitarme la vida)",
    r"quiero (?:hacerlo|tomarmelas|tomarmelos)",  # "quiero matarme" is "i want to kill myself": asked, not imminent
    r"wrote (?:a|the|my) (?:note|letters?)",
    r"(?:been )?(?:saving|saved|stockpiling|hoarding) (?:them|em|it|pills|up)",
    r"(?:got|have|saved|stashed)(?: like| about| around| maybe)? \d+ (?:saved|stashed|pills|of them|klonopin|kpins)",
    r"\d+ (?:saved|stashed)",
    r"(?:\d+|two|three|a few|couple) (?:months?|weeks?) (?:worth|of (?:pills|them))",
    r"got enough",
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
        r"sidearm",
        r"9 ?mm",
        r"\d+ cal(?:iber)?",
        r"ar ?15",
        r"glock",
        r"\d+ gauge",
        r"pistola",
        r"arma",
    ),
    # before pills: "street pills" and "percs" are opioids, whose danger with clonazepam is the breathing
    "drugs": _signs(
        r"street (?:pills|drugs|stuff)",
        r"pressed (?:pills|bars)",
        r"fent(?:anyl)?",
        r"heroin",
        r"morphine",
        r"oxy\w*",
        r"percs?",
        r"percocets?",
        r"opioids?",
        r"opiates?",
        r"painkillers?",
        r"pain (?:pills|meds)",
        r"morfina",
        r"opioides?",
    ),
    "alcohol": _signs(
        r"alcohol",
        r"drinking",
        r"drunk",
        r"vodka",
        r"(?:bottle|fifth|handle) of (?:jack|jim|rum|gin|vodka|whiske?y|wine|tequila|liquor|booze)",
        r"jack daniels?",
        r"whiske?y",
        r"liquor",
        r"booze",
        r"tequila",
        r"beers?",
        r"wine",
        r"bebiendo",
        r"borracho|borracha",
        r"trago",
        r"cervezas?",
    ),
    "pills": _signs(
        r"pills?",
        r"bottles?",
        r"tablets",
        r"stash",
        r"stockpil\w*",
        r"(?:saving|saved|hoarding|hoarded) (?:them|em|up|pills|some)",
        r"got enough",
        r"(?:a bunch|all) of (?:them|my|the old)",
        r"(?:juntando|guardando|guarde|junte) (?:las )?pastillas",
        r"pastillas?",
        r"frascos?",
        r"overdose",
    ),
    "blade": _signs(
        r"razors?", r"blades?", r"knife", r"knives", r"scissors", r"box cutter", r"navajas?", r"cuchillos?"
    ),
    "other": _signs(r"rope", r"noose", r"bridge", r"ledge", r"roof", r"rooftop", r"tracks", r"hose", r"jump"),
}
"""Means a person may name, by the CALM advice that fits (messages: talk.means.<kind>). The medicine's own names
(Klonopin, Rivotril, benzos) are not among them: on this line they are what everyone talks about."""

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
_HEDGED = _signs(
    r"but", r"bueno", r"pero", r"i mean", r"sometimes", r"a veces", r"not like (?:doing|i would|id)",
    r"whats the point", r"ya no puedo", r"i dont know", r"idk", r"no se", r"kind of", r"maybe",
)  # fmt: skip
_NOT_YET = _signs(r"yet", r"todavia", r"aun no")
_INTERJECTION = re.compile(r"^(?:(?:what|omg|wait|huh|lol|um+|uh+|bro|ugh|wtf|wow|god|oh|ok|okay)\b\W*)+")
_DENIAL = _signs(
    r"(?:im|i am) not like that",
    r"not suicidal",
    r"no suicid\w* (?:thoughts|ideas)",
    r"(?:im|i am) not (?:gonna|going to|trying to) (?:hurt|kill) myself",
    # the fear of dying is not a wish to die: "im scared im DYING", "i think im having a heart attack"
    r"(?:scared|afraid|terrified) (?:of dying|im dying|i am dying|(?:im|i am|i) (?:going to|gonna) die)",
    r"no (?:thoughts|plans?) (?:of|about) (?:hurting|killing|harming) (?:myself|me)",
    r"(?:dont|do not) have (?:any )?(?:suicidal )?thoughts",
    r"no tengo (?:esos )?pensamientos",
    r"no thoughts",
    r"not (?:thinking|thought) (?:about|of) (?:suicide|killing myself|it)",
    r"(?:dont|do not) want to die",
    r"no (?:estoy pensando en|pienso en) (?:el )?suicidio",
    r"no quiero (?:matarme|morir|suicidarme)",
    r"no me quiero (?:matar|morir|suicidar)",
    r"^no\W+not like that",
    r"why (?:the hell |tf )?(?:would|did) (?:u|you) (?:jump to|ask|think|say|go to) (?:that|this|suicide)",
    r"(?:por que|porque|xq) (?:me )?(?:preguntas|dices) eso",
)
"""A plain denial said anywhere in an answer ("what?? no im not suicidal"), believed (VERA-MH; POLICY.md C10)."""
_ACCEPT = re.compile(r"^(?:yes|yeah|yea|yep|yup|y$|ok|okay|sure|please|send|go ahead|that would help|si|dale|va)\b")
_SAFE = re.compile(
    r"^(?:yes|yeah|yea|ya|yep|yup|y|i am|im safe|safe|for now|im ok|im okay|im fine|i think so|at (?:a|my) \w+)\b"
    r"|\b(?:im|i am|estoy) (?:safe|a salvo)\b|\b(?:nobody|no one|noone) is hurting me\b|\bnadie me (?:esta )?lastima"
)
# What stands between a person and help, said inside a conversation (messages/POLICY.md C13): each gets an answer
# to that barrier instead of the same "call 911" again. English and Spanish, on normalised text.
BARRIERS = {
    "alone": _signs(
        r"(?:no ?one|nobody|noone|no body) (?:to (?:call|talk to|ask|give it to|hold it)|(?:is )?here|around|cares"
        r"|would come)",
        r"(?:dont|do not) have (?:anyone|anybody|no ?one)",
        r"(?:i have|ive got|got) no ?(?:one|body)",
        r"(?:im|i am|i live|live|im all|i am all) alone",
        r"(?:its|it is) just me",
        r"(?:no tengo|no hay) (?:a )?(?:nadie|quien)",
        r"estoy sola?",
    ),
    "police": _signs(
        r"(?:no|dont want|do not want|not calling|wont call|cant call) (?:the )?(?:cops|police|911|ambulance)",
        r"(?:dont|do not|wont|cant|never) (?:want to )?(?:call|calling) (?:the )?(?:cops|police)",
        r"(?:cops|police) (?:will|would|might) (?:come|show up|take|lock|arrest)",
        r"(?:theyll|they will|they would|theyd|will they|would they|they) (?:just |only )?(?:arrest|cuff|lock|send"
        r" (?:the )?(?:cops|police))",
        r"(?:cuffed|handcuffed|arrested) me",
        r"(?:911|988|er|the er|hospital) (?:means|equals|is|=) (?:cops|police|the cops|the police)",
        r"lock me (?:up|away)",  # the fear of being hospitalised against one's will is the same barrier
        r"(?:get|be|being|getting) (?:committed|hospitalized|sectioned|admitted)",
        r"psych ward",
        r"5150",
        r"me (?:van a|vayan a|pueden) (?:encerrar|internar)",
        r"(?:988|they|it) (?:just )?(?:calls|sends|send|call) (?:the )?(?:cops|police)",
        r"(?:do|does|will|would) (?:they|988|it) (?:call|send) (?:the )?(?:cops|police)",
        r"(?:call|send) (?:the )?(?:cops|police) on me",
        r"(?:policia|la migra|inmigracion|ice) (?:van a|va a|viene|vendra)",
        r"(?:miedo|temor) (?:a|de) (?:la )?(?:policia|migra|inmigracion|deportacion)",
        r"(?:will|would|do|does) (?:the )?(?:cops|police) come",
        r"no cops",
        r"(?:isnt|not|without|no) (?:the )?(?:cops|police|hospital|er)(?: or| and)",
        r"(?:not doing|not going to|wont go to|not going back to) the (?:er|hospital)",
        r"(?:on probation|on parole)",
        r"(?:lock|locked) me up",
        r"send (?:the )?(?:cops|police)",
        r"(?:call|calls|calling) the (?:cops|police)",
        r"(?:get|put) (?:me |him |her )?(?:in trouble|arrested|committed|locked up)",
        r"(?:no quiero|sin) (?:a )?(?:la )?(?:policia|patrulla|ambulancia|911)",
        r"me (?:van a )?(?:encerrar|arrestar|deportar)",
        r"(?:lo|la) (?:van a )?(?:arrestar|encerrar|deportar)",
        r"(?:manda|mandan|llama|llaman) a la policia",
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
        r"(?:que|q) (?:les|le) (?:pongo|escribo|mando)",
        r"no se (?:que|q) (?:decir|escribir)",
    ),
}


# "havent taken them", "not yet": an overdose reply was about pills not taken. (Normalised text.)
_NOT_TAKEN = _signs(
    r"(?:havent|have not|hasnt|didnt|did not|never|not) (?:taken|took|take|swallowed) (?:them|em|those|any|it|anything"
    r"|nothing|the pills|extra)",
    r"not yet",
    r"(?:nothing|none) (?:taken|yet)",
    r"(?:nobody|no one|noone) (?:took|has taken|swallowed) (?:anything|nothing|any)",
    r"no (?:me )?tome nada",
    r"(?:no me las he|no me las|todavia no me las|aun no me las) (?:tomado|tome)",
    r"todavia no",
    r"aun no",
)


# Something was taken already: "i took them", "swallowed the bottle", "me las tome". (Normalised text.)
_TAKEN = _signs(
    r"(?:i )?(?:took|taken|swallowed|downed|ate|popped) (?:them|em|it|all|the|a bunch|every|too many|\d+)",
    r"(?:me )?(?:tome|me tome|me las tome|me tome todas)",
)


# Help is on its way: "im on the phone with 911", "ambulance is coming", "paramedics are here". (Normalised text.)
_HELP_COMING = _signs(
    r"(?:on the phone|on the line|talking|speaking) (?:with|w|to) (?:911|the dispatcher|dispatch)",
    r"(?:i )?(?:called|calling|just called) 911",
    r"(?:ambulance|paramedics|ems|medics) (?:is |are )?(?:here|coming|on (?:the|their|its) way)",
    r"(?:at|in) the (?:hospital|er|emergency room)",
    r"(?:taking|took|bringing|brought) (?:him|her|them|me) to the (?:hospital|er|emergency room)",
    r"(?:cops|police|ambulance) (?:just )?(?:pulled up|got here|got there|are here|is here|came)",
    r"(?:welfare check|sending someone)",
    r"(?:ya )?(?:llame|estoy hablando con el|hable con el) 911",
    r"(?:ya )?(?:viene|llego|llegaron|vienen) (?:la ambulancia|los paramedicos)",
    r"(?:estamos|esta|estoy) en el hospital",
)


_SHOULD_I_REACH = _signs(
    r"(?:should|shld|shud|do|can|could) i (?:\w+ )?(?:txt|text|call|wake|ask|tell) (?!911|988)(?:him|her|them|my \w+"
    r"|\w+)(?: up)?(?: or (?:no|not))?$",
    r"(?:le )?(?:escribo|hablo|llamo|marco) a (?:mi|el|ella) ?\w*(?: o no)?$",
    r"(?:waking|wake|bother|bothering) (?:him|her|them) (?:up )?(?:over|for) nothing",
)
"""Asking whether to reach the person they named ("shld i txt him or no"): yes."""
_SEDATED = _signs(
    r"mareado", r"mareada", r"dizzy", r"(?:room|everything) (?:is |kinda )?spinn?in", r"eyes (?:r|are) (?:so )?heavy",
    r"nodding off", r"(?:cant|can not) keep my eyes open", r"me estoy durmiendo", r"se me cierran los ojos",
)  # fmt: skip
"""Sleepy or dizzy after pills with a drink: breathing can slow (POLICY.md F10)."""
_NURSE = _signs(r"nurse", r"(?:not|isnt|no|without) (?:the )?(?:cops|police)", r"enfermer[ao]", r"sin policia")
"""After an overdose, someone to ask who is not the police: Poison Control (POLICY.md F10)."""
_SOMEONE_COMING = _signs(
    r"(?:he|she|they|doc|\w+) (?:is|s|are|re)? ?(?:here now|coming over|on (?:his|her|their) way)",
    r"(?:hes|shes|theyre) here",
    r"(?:said|says|texted) (?:hes |shes )?on (?:my|his|her) way",
    r"(?:ya )?(?:viene|llego|esta aqui) (?:mi|su) \w+",
)
"""A trusted person coming or there now ("texted doc, he said on my way"): said back, not 911 again."""
# A step the person took to be safer: put the pills away, locked them up, gave them to someone. (Normalised text.)
_OWN_STEP = _signs(
    r"(?:put|moved|took|left|gave) (?:the |my |all the )?(?:pills|them|it|gun|bottle|jar|hammer|knife|knives|bat"
    r"|weapon|blade|razor|rifle|keys)(?: \w+){0,2}"
    r" (?:in|into|out|away|to)",
    r"locked (?:them|it|the \w+) (?:up|away|in)",
    r"locked it",
    r"gave (?:them|it|the \w+) to",
    r"(?:threw|flushed) (?:them|it|the pills) (?:out|away)",
    r"(?:le di|le deje|guarde|tire) (?:las pastillas|el frasco|la pistola|todo)",
)


_NOT_CALLING = _signs(r"(?:not|never|wont|dont|didnt|did not|cant|no) (?:\w+ )?(?:call|calling|called|going|gonna)")
"""\"im not calling 911\", \"i didnt call anyone\": never read as help on its way."""


def _help_coming(text: str) -> bool:
    words = normalise(text)
    return bool(_HELP_COMING.search(words)) and not _NOT_CALLING.search(words)


HELPING = "helping"
"""The kind (talk_kind) of an emergency the texter is helping someone else through: the helper's replies."""
CHECKING = "checking"
"""The kind of an emergency only the model read, which the line asked about before giving its steps."""
POISONINGS = ("overdose", "medical", HELPING)
"""Kinds of emergency where a body needs paramedics: there a barrier never gets "text 988 instead"."""


def _barrier_key(name: str, stage: str, kind: str) -> str:
    """The answer to a barrier. In an overdose or medical emergency 911 is the help: never "text 988 instead", and
    "what do I say" means what to tell 911."""
    if stage == EMERGENCY and kind in POISONINGS and name == "police":
        return "talk.barrier.police_emergency"
    if stage == EMERGENCY and kind in POISONINGS and name == "words":
        return "talk.helping.2"
    return f"talk.barrier.{name}"


def barrier(text: str) -> str:
    """The barrier to help a text names ("nobody to call", "no cops"), or "" when none."""
    words = normalise(text)
    return next((name for name, pattern in BARRIERS.items() if pattern.search(words)), "")


_CONNECT = _signs(
    r"(?:text|call) (?:them|988|it) how",
    r"how (?:do|would|can) i (?:text|call|reach) (?:them|988|it)",
    r"(?:can|could|will|would) (?:you|u|someone|somebody) (?:please )?(?:call|phone|ring|contact|text)"
    r" (?:them|988|911|someone|somebody|for me|me)",
    r"call (?:them|988|911|someone) for me",
    r"call for me",
    r"talk to (?:a|someone|somebody|a real) (?:person|human)",
    r"(?:is this|are you|r u|is it|is there) (?:even |really |actually |just )?(?:a )?(?:real )?(?:person|human|bot"
    r"|robot)",
    r"(?:a )?human (?:anywhere|there|here)",
    r"(?:eres|es) (?:una? )?(?:persona|robot|humano)(?: real)?",
    r"(?:whats|what is|what was) (?:the|that) (?:number|text number)",
    r"(?:cual es|cual era) el numero",
)
# A question about what 988 is for: "988 is only for suicide?", "would they even know about benzos". (Normalised.)
_QUESTION = re.compile(
    r"^(?:\w+ )?(?:can|could|is|are|does|do|should|will|would|how|what|whats|why|when|se puede|puedo|cuanto|como"
    r"|que|por que|es normal|hay)\b"
)
"""A text put as a question, which a topic it names answers inside a conversation too."""
_GIVE_PILL = _signs(
    r"(?:give|giving) (?:him|her|them) (?:one|a pill|one of (?:the|his|her) pills|some|a few|his pills|her pills)",
    r"(?:le doy|darle) (?:una|unas|una pastilla|sus pastillas)",
)
"""A helper asking whether to give the person a pill to calm them: not without medical advice (POLICY.md N1)."""
_TELL_ADULT = _signs(
    r"(?:le digo|le aviso|le hablo|le cuento) a su (?:mama|papa|familia|mamá|papá)",
    r"(?:should i|do i|can i) (?:tell|wake|call) (?:her|his|their) (?:mom|mother|dad|father|parents)",
)
"""A young helper asking whether to tell the person's parent: yes, now."""
_ASKS_DV = _signs(
    r"violencia (?:domestica|familiar|de genero)",
    r"mujeres (?:que|q) (?:las )?(?:golpean|pegan|maltratan)",
    r"(?:domestic violence|dv|abuse) (?:hotline|line|number)",
    r"(?:hotline|number|line) for (?:abuse|women|domestic violence|dv)",
)
"""A request for the domestic violence hotline, in so many words: given, in any stage (POLICY.md C12)."""
_988_POLICE = _signs(
    r"(?:does|do|will|would|can|could) (?:988|they|them|the lifeline|the counselors?|the crisis line|it) (?:\w+ )?"
    r"(?:send|call|get) (?:the )?(?:police|cops)",
    r"(?:send|call) (?:the )?(?:police|cops) or not",
    r"(?:are|is) (?:they|988|it) (?:gonna|going to) (?:send|call) (?:the )?(?:police|cops)",
    r"988 (?:is|was) (?:who|the one that|the ones who) called the (?:police|cops)",
    r"(?:el )?988 (?:manda|llama) (?:a )?(?:la policia|los policias)",
    r"(?:te|me|les|nos) (?:mandan|manda|llaman) (?:a )?(?:la policia|los policias|la patrulla)",
)
"""A question whether 988 sends the police: answered honestly, without a promise (POLICY.md C13)."""
_988_TELLS = _signs(
    r"(?:would|will|does|do|can) (?:988|they|them|it) (?:\w+ )?(?:tell|call|text|contact) my (?:mom|mother|dad|father"
    r"|parents|family|boss|wife|husband)",
    r"(?:le|les) (?:dicen|diran|avisan) a mi (?:mama|papa|familia)",
)
"""A question whether 988 tells the family: confidential, as 988 says of itself."""
_ABOUT_988 = _signs(
    r"988 (?:is|es) (?:only |just |solo )?(?:for|para)",
    r"(?:is|isnt) 988 (?:only |just )?(?:for|about)",
    r"(?:what|whats|what is) 988",
    r"what (?:does|would|will|can) 988",
    r"whats 988 (?:gonna|going to) do",
    r"988 (?:people )?(?:even )?know (?:anything )?about",
    r"(?:que|q) es (?:el )?988",
    r"(?:el )?988 (?:es )?(?:solo )?para (?:suicid\w*|gente)",
)
# "its just me", "there is no them", "nobody took anything": the texter says the emergency read into their words is
# not what is happening (the detector can read "im shaking" or "4 or 5 a day" as one). English and Spanish.
_CORRECTION = _signs(  # with _ITS_ME: the emergency named is not what is happening
    r"(?:just|only) (?:an? )?(?:expression|saying|figure of speech)",
    r"(?:like|as) (?:my )?(?:dr|doc|doctor|prescriber) (?:said|told me|prescribed|says)",
    r"as prescribed",
    r"(?:theres|there is|there are) no (?:someone|person|paramedics)",
    r"(?:not|never) (?:having|had) a seizure",
    r"no seizure",
    r"(?:nobody|no one|noone) (?:else|took|is hurt)",
    r"(?:nothing|none) (?:taken|happened)",
    r"(?:its|it is|thats) not (?:about|that|what)",
    r"(?:i )?(?:didnt|did not|havent|have not) (?:take|taken|took) (?:anything|nothing|any|extra)",
    r"no (?:es|era) eso",
    r"no (?:me )?tome nada",
)
# "who do i text", "is there somewhere i can text": where to turn. (Normalised text.)
_WHO_TO_TEXT = _signs(
    r"(?:who|where) (?:do|can|should|could) i (?:text|call|go)",
    r"(?:who|where) to (?:text|call)",
    r"(?:somewhere|someone|somebody|a number|anywhere) (?:i can|to) (?:text|call)",
    r"(?:a quien|donde) (?:le )?(?:escribo|llamo|puedo escribir|puedo llamar)",
)
# "he checks my phone, will he see these": the texts on a phone someone else reads (messages/POLICY.md L3).
_PHONE_SEEN = _signs(
    r"(?:checks|check|reads|read|looks at|goes through|sees|see) (?:my|these|the) (?:phone|texts|messages)",
    r"(?:will|would|could|can) (?:he|she|they) see (?:these|this|them|it)",
    r"(?:delete|erase) (?:this|these|the texts)",
    r"(?:revisa|ve|lee|mira) mi (?:celular|telefono|cel)",
)
# A goodbye: "ok bye", "gotta go", "forget it", "me voy". (Normalised text, the whole text.)
_BYE = re.compile(
    r"(?:^|\W)(?:bye|goodbye|gotta go|gonna go|i have to go|im done here|forget it|never mind|nevermind|adios|chao"
    r"|chau|goodnight|good night|gn|buenas noches|me voy|olvidalo|ya me voy)[\s.!]*$|^(?:good ?)?(?:night|nite)[\s.!]*$"
)
# Breathing that is slow or strange, told by someone helping: "7 breaths a minute", "gurgling", "snoring loud".
_SLOW_BREATHING = _signs(
    r"(?:\d+|few|a few) (?:breaths? )?(?:a|per|in a|each) (?:minute|min)",
    r"gurgl\w*",
    r"snor\w*",
    r"breathing (?:is )?(?:slow|slower|weird|funny|strange|shallow)",
    r"barely (?:waking|awake|breathing)",
    r"respira (?:muy )?(?:lento|raro|poco)",
)
# "we dont have narcan", "where do i get naloxone". (Normalised text.)
_NALOXONE = _signs(r"narcan", r"naloxone", r"naloxona")
# "do i turn him on his side": yes, if they are breathing (the helper's first reply says it too).
_ON_SIDE = _signs(
    r"(?:turn|roll|put|lay|move) (?:him|her|them) (?:on|onto) (?:his|her|their|the|its) side",
    r"(?:de lado|ponerlo de lado|ponerla de lado)",
)
# "i texted 988", "im talking to them": they reached out already. (Normalised text.)
_REACHED_988 = _signs(
    r"(?:i )?(?:texted|texting|called|calling|talking to|talking with|chatting with|on with) (?:988|the counselor"
    r"|a counselor|the lifeline|the crisis line)",
    r"(?:im|i am) talking to them",
    r"(?:theyre|they are) asking me",
    r"(?:le escribi|escribi|llame|estoy hablando con|estoy escribiendo) (?:al )?988",
)
_WILL_REACH = _signs(
    r"(?:ill|i will|i might|maybe ill|maybe i will|im gonna|im going to|i could) (?:\w+ )?(?:text|call|try) (?:the )?"
    r"(?:988|lifeline|crisis line)",
    r"(?:voy a|le voy a|quizas|capaz) (?:\w+ )?(?:escribir|llamar|mandar) (?:al )?988",
    r"(?:capaz|quizas|tal vez|a lo mejor) (?:le )?(?:mando|escribo|llamo)(?: \w+)? al 988",
)
# "not me, my MOM", "im not the one with the pills": the texter is helping someone else. (Normalised text.)
_ITS_ME = _signs(
    r"(?:its|it is|its just|just|only) me",
    r"what if (?:it )?(?:was|is|were) (?:me|for me)",
    r"si (?:fuera|soy|es) yo",
    r"(?:theres|there is|there are) no (?:them|they|one else|other person)",
    r"who is (?:them|they)",
    r"(?:im|i am) the one",
    r"soy yo",
    r"es para mi",
    r"no hay (?:ninguna |otra )?persona",
)
"""A helper's correction that the emergency is their own after all."""
_NOT_ME = _signs(
    r"not me",
    r"(?:im|i am) not the one (?:who|that) (?:took|is sick|overdosed|is hurt|needs help)",
    r"(?:its|it is|this is) (?:about )?my (?:mom|mother|dad|father|son|daughter|sister|brother|wife|husband|friend"
    r"|partner|boyfriend|girlfriend)",
    r"no soy yo",
    r"no es (?:para|por) mi",
    r"(?:no yo no|yo no)[.! ]*(?:es|era) (?:ella|el|mi)",
    r"es (?:sobre )?mi (?:mama|madre|papa|padre|hijo|hija|hermana|hermano|esposa|esposo|amiga|amigo)",
)
# "is it ok to ask her if she tried to kill herself", "what do i say to her": asking a person directly.
_ASK_THEM = _signs(
    r"(?:ok|okay|should i|can i|do i|is it ok to|is it okay to) (?:just )?ask (?:her|him|them)",
    r"(?:what|how) (?:do|should) i (?:even )?(?:say|talk) to (?:her|him)",
    r"(?:que|q) le (?:digo|pregunto)",
)
# "can i let him sleep it off": never, with someone who took too much.
_SLEEP_IT_OFF = _signs(
    r"sleep it off",
    r"(?:just |jus )?sleep (?:it )?off",
    r"(?:let|leave) (?:him|her|them) (?:just )?sleep",
    r"(?:just )?watch (?:him|her|them) (?:all night|tonight)",
    r"(?:dejar|dejarlo|dejarla) dormir",
    r"que se le pase durmiendo",
)
_GOING_WITHOUT = _signs(
    r"ran out",
    r"run out",
    r"out of (?:my |the |his |her )?(?:pills|meds|klonopin|kpins?|clonazepam|xanax|benzos|bars|rivotril)",
    r"(?:\d+|two|three|four|five|a few|couple|couple of) days? (?:without|off|no|sin)",
    r"without (?:my |the |his |her |any )?(?:pills|meds|klonopin|clonazepam|it|them|a dose|doses)",
    r"(?:off|stopped) (?:everything|it all|cold turkey)",
    r"cold turkey",
    r"cold off",
    r"se me (?:acabo|acabaron|terminaron)",
    r"(?:llevo|lleva|van) (?:\d+|dos|tres|cuatro|cinco|unos) dias sin",
    r"sin (?:mi |mis |la |las |el |su |sus )?(?:dosis|pastillas|rivotril|clonazepam|medicina|tomarla|tomarlas)",
)
"""Going without the medicine ("ran out 3 days ago", "llevo 2 dias sin mi dosis"): withdrawal, whose danger is
seizures, not too much taken."""


_WHEN_IT_HAPPENS = _signs(
    r"(?:when|whenever|cuando) (?:he|she|they|i|el|ella) (?:\w+ )?(?:cant|cannot|can not|no puede)"
)
"""An emergency said as a condition ("his morphine for when he cant breathe"), not one happening now."""
_THREATENS = _signs(
    r"(?:im|i am|im not) (?:not )?the one (?:who|that) (?:needs|has) to (?:worry|be scared|be afraid|watch out)",
    r"push(?:es|ing)? the wrong (?:guy|person|man|woman|one)",
    r"(?:im|i am|ill be|i will be) (?:done|through) being nice",
    r"(?:wont|will not|aint gonna) know what hit (?:him|her|them)",
    r"(?:ill|i will|im gonna|im going to|imma) (?:make (?:him|her|them) (?:pay|sorry)|end (?:him|her|them)"
    r"|get (?:him|her|them))",
    r"(?:and|cuz|because) (?:he|she|they) (?:knows?|know) it",
    r"(?:ya )?me (?:canse|harte) de ser (?:bueno|buena|amable)",
    r"(?:se|me) las va a pagar",
    r"no sabe con quien se metio",
)
"""The texter as the danger to someone ("one of these days hes gonna push the wrong guy", "im done being nice"):
asked about hurting someone, never sent to a safer place from them (messages/POLICY.md: harm to others)."""


def threatens(text: str) -> bool:
    return bool(_THREATENS.search(normalise(text)))


_NOBODY_HURTING = _signs(r"(?:nobody|no one|noone) is hurting (?:me|anybody|anyone)", r"nadie me (?:esta )?lastima")
_HAND_OVER = _signs(
    r"(?:him|her|them|brother|sister|friend|mom|dad|wife|husband|neighbor|buddy|son|daughter|cousin)(?: \w+){0,3}"
    r" (?:come get|come take|take|hold|keep|pick up|lock up|hang on to) (?:the |my |dads |his |her |our |all the |my"
    r" dads )?(?:gun|guns|rifle|pistol|glock|ar|firearms?|pills|meds|bottle|knife|knives|razor|blade)",
    r"(?:only one|one person) (?:i|id|i would|ill) (?:give|hand) (?:the |my )?(?:gun|glock|pistol|rifle|pills)",
    r"(?:come get|come take) (?:the |my |dads |my dads )?(?:gun|guns|rifle|pistol|pills|meds)",
    r"(?:que|q) (?:se lleve|me guarde|guarde|venga por) (?:la pistola|el arma|las pastillas|el rivotril)",
)
"""Someone else taking the means away ("if i tell my brother to come get the gun would that help"): said yes to."""


_EXTRA_TAKEN = _signs(
    r"(?:took|taken|had|already did|did)(?: \w+){0,4} (?:extra|a few extra|a couple extra|more than)",
    r"(?:like |maybe )?(?:\d|four|five|six|seven|eight|ten)(?: maybe \d)? (?:of the|of my|klonopin|pills|bars|mg)",
    r"(?:me tome|tome)(?: \w+){0,3} (?:de mas|extra|mas de la cuenta)",
)


def extra_with_drink(text: str) -> bool:
    """Extra pills taken with a drink ("already did, like 5 maybe 6 of the 1mg. and a few beers"): an overdose
    risk the minimising words hide from the detector (POLICY.md F10: 911 or Poison Control)."""
    words = normalise(text)
    taken = _EXTRA_TAKEN.search(words) and not _ASKS_IF_SAFE.search(words) and not _NOT_TAKEN.search(words)
    return bool(taken and _DRINKS.search(words))


def going_without(text: str) -> bool:
    """Whether `text` says the medicine ran out or was stopped, and nothing was taken (the model reads an overdose
    into "ran out of my klonopin", from the pill words)."""
    words = normalise(text)
    return bool(_GOING_WITHOUT.search(words)) and not (_TAKEN.search(words) and not _NOT_TAKEN.search(words))


_ASKS_IF_SAFE = _signs(
    r"(?:can|could|should|do) (?:i|you|u|someone|people) (?:still )?(?:take|have|mix|drink)",
    r"(?:is it|its|is that) (?:ok|okay|safe|bad|dangerous)",
    r"se (?:puede|pueden) (?:tomar|mezclar)",
    r"(?:puedo|podria) (?:tomar|mezclar|tomarme)",
    r"(?:es|seria) (?:peligroso|malo)",
    r"hace mal",
)
_DRINKS = _signs(
    r"alcohol", r"drinks?", r"drinking", r"wine", r"beers?", r"liquor", r"vino", r"copas?", r"cervezas?", r"tragos?",
    r"fernets?", r"bourbons?", r"whiske?y", r"vodka", r"tequila", r"henny", r"white claws?", r"shots",
)  # fmt: skip


def asks_about_mixing(text: str) -> bool:
    """A question whether the medicine and a drink go together, nothing said to be taken: the answer about
    mixing, which names the danger, not the overdose reply the model reads into it."""
    words = normalise(text)
    grave = re.search(r"\b(?:die|dead|kill|end it|overdose|od|morir|matarme)\b", words)
    asked = _ASKS_IF_SAFE.search(words) and _DRINKS.search(words) and not _METHOD.search(words) and not grave
    return bool(asked) and not _taken([text]) and not wish_not_to_wake(text)


_WITHDRAWAL_Q = _signs(
    r"seizures?",
    r"convulsion(?:s|es)?",
    r"(?:go|get|going) to (?:the )?(?:er|hospital|urgent care)",
    r"cold turkey",
    r"(?:stop|stopping|quit|quitting|coming off|cold off|off) (?:taking )?(?:klonopin|clonazepam|benzos|it|them|my"
    r" meds)",
    r"(?:dejar|dejarlo|dejarla|lo dejo|la dejo) de golpe",
    r"(?:walls|things) (?:look like (?:theyre|they are) )?(?:breathing|moving|melting)",
    r"(?:seeing|sees|hearing|hears) (?:things|stuff|people|bugs|voices)",
    r"hallucinat\w*",
    r"\ber\b (?:yes or no|or not)",
    r"(?:is|are|could|can) (?:it|this|that|these) (?:be )?(?:the )?(?:pills|withdrawal|withdrawl|klonopin|meds|taper"
    r"|cut) (?:doing|messing|making|causing)",
    r"(?:is it|is this|is that) (?:the )?(?:withdrawal|withdrawl)",
    r"(?:is|will|can|could) (?:this|it|withdrawal|that) (?:\w+ )?kill me",
    r"(?:take|taking|bring|drive) (?:him|her|them) to (?:the )?(?:er|hospital)",
    r"ran out",
    r"without (?:my |the |any )?(?:pills|meds|klonopin|it)",
    r"missed (?:my |\d+ |two |a few )?(?:doses?|days?|pills)",
    r"missing (?:it|them|my|doses?)",
    r"sin (?:mis |las )?pastillas",
)
"""A question about withdrawal or its danger, asked inside a conversation: answered, not met with the script."""
OTHERS_ASK = "talk.others.ask"
_SELF_TOO = _signs(
    r"myself", r"me too", r"both", r"kill me", r"a mi (?:mismo|misma)", r"los dos", r"ambos", r"yo tambien"
)  # fmt: skip
STEPS = "STEPS"
STEPS_WORDS = frozenset({STEPS, "PASOS"})
"""The reply that asks for the safety plan or safety steps, in English or Spanish."""
"""The word that asks for the coping steps and safety plan (or, after danger from someone, safety steps)."""


_FAMILY_AT_DOOR = re.compile(
    r"\b(?:my )?(?:mom|mum|mother|mama|dad|father|papa|sister|brother|grandma|abuela|madre|hermana|hermano|mami)"
    r"(?: \w+){0,3} (?:is |esta )?(?:knocking|banging|tocando|golpeando|toca|tocandome)(?: \w+){0,3}"
)
"""A mother knocking at the door of someone in crisis is help at hand, not danger from her."""


def _weight(text: str, strong: re.Pattern[str], weak: re.Pattern[str]) -> int:
    words = _FAMILY_AT_DOOR.sub(" ", normalise(text))
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


_NEGATED_PLAN = re.compile(
    r"\b(?:i )?(?:dont|do not|didnt|dont really) have (?:a|any) plan\b|\bno (?:real )?plan\b|\bplan no\b"
    r"|\bno tengo (?:un |ningun )?plan\b"
)
"""A plan denied ("i dont have a plan"), taken out before looking for one: "a plan" in it is not a plan."""
_THEIR_PLAN = re.compile(r"\b(?:he|she|they|hes|shes|my ex|him|her) (?:has|have|had|got|s got) (?:a |the )?plan\b")
"""Someone else's plan ("HE has a plan"): danger from them, not the texter's plan."""


def imminent(texts: list[str], timing: bool = True, means: bool = True) -> bool:
    """A plan, intent or means (and with `timing`, a time within the next day) in any of `texts`, erring toward
    risk as messages/POLICY.md C9 asks. Timing counts only in the answer to a question: later, "today" is small talk.
    Without `means`, a named means does not count (the pills an overdose reply was about)."""
    for text in texts:
        words = _THEIR_PLAN.sub("", _NOT_SOON.sub("", normalise(text)))
        planned = _PLAN.search(_NEGATED_PLAN.sub("", words))  # "i dont have a plan" names no plan
        if (_NO_INTENT.search(words) or _DENIAL.search(words)) and not planned:
            continue  # "I SAID NO. im not suicidal. my son pulled a knife on me": a denial, not the means
        means_here = means and not going_without(text) and any(p.search(words) for p in MEANS.values())
        if (timing and _SOON.search(words)) or planned or means_here:
            return True
    return False


_MEDICINE = _signs(
    r"klonopin", r"kpins?", r"klonnies", r"clonazepam", r"benzos?", r"meds", r"rivotril", r"clonas?", r"bars",
)  # fmt: skip
"""The medicine's names: not means by themselves, but what the pills are when means are talked about."""


def means_named(texts: list[str]) -> str:
    """The kind of means named most recently in `texts` (the medicine by name counts as pills here), or "any".
    Pills with alcohol anywhere in the texts are "alcohol", whose reply names both."""
    drinking = any(MEANS["alcohol"].search(normalise(t)) for t in texts)
    for text in reversed(texts):
        words = normalise(text)
        for kind, pattern in MEANS.items():
            if pattern.search(words):
                return "alcohol" if kind == "pills" and drinking else kind
        if _MEDICINE.search(words):
            return "alcohol" if drinking else "pills"
    return "any"


def answer(text: str) -> bool | None:
    """A yes (unsure counts as yes: messages/POLICY.md C9 errs toward risk), a clear no, or None."""
    words = _INTERJECTION.sub("", normalise(text))  # "what?? no", "omg NO": the answer after the outburst
    if _DENIAL.search(words):
        return False
    if _NOT_YET.search(words):
        return True  # "no sir i aint took nothing yet": not a no (C9 errs toward risk)
    if _UNSURE.match(words):  # before the no: "no se" (I don't know) is not a no
        return True
    if _NO.match(words):
        return False
    return True if _YES.match(words) else None


def _thoughts_answer(text: str) -> bool | None:
    """The answer to "are you thinking about suicide?": a hedged no ("no. bueno... not like doing something. i just
    think whats the point") is not a no (messages/POLICY.md C9 errs toward risk); a plain denial stays one."""
    said = answer(text)
    words = normalise(text)
    return True if said is False and _HEDGED.search(words) and not _DENIAL.search(words) else said


def _accepts(message: "Message") -> bool:
    """A yes to the offer of coping steps or safety steps: a short one ("ok whatever, what about the pills" is not)."""
    words = normalise(message.text)
    return bool(_ACCEPT.match(words)) and len(words.split()) <= 4 and not _BYE.search(words)


def danger_signs(text: str) -> bool:
    return _weight(text, _STRONG_DANGER, _WEAK_DANGER) == 2


_NOT_WAKING_WISH = _signs(
    r"(?:not|never) waking up (?:doesnt|wouldnt|would not|isnt|is not|sounds|dont)",
    r"(?:wouldnt|would not|dont|do not) mind (?:not|never) waking",
    r"hope i (?:dont|never|do not) wake",
    r"(?:wish|want) (?:i )?(?:could )?(?:not|never) (?:wake|to wake)",
    r"(?:ojala|quisiera) no despertar",
    r"(?:and|so i|so id) (?:not|never|dont|wont) wake(?: up)?",
    r"(?:went|go|going|fell) to sleep and (?:didnt|did not|never|dont|wouldnt) wake",
    r"if i (?:just )?(?:didnt|did not|never|dont|wouldnt) wake up",
    r"si (?:me )?(?:durmiera|duermo|dormiera) y no (?:despierto|despertara|despertaria)",
)


def wish_not_to_wake(text: str) -> bool:
    """A wish not to wake up, which the rules for someone who won't wake read as an emergency (POLICY.md K1)."""
    return bool(_NOT_WAKING_WISH.search(normalise(text)))


_CANT_BREATHE = _signs(r"(?:cant|cannot|can not|hard to|struggling to) breathe", r"not breathing", r"no puedo respirar")
_FOR_A_FRIEND = _signs(
    r"(?:asking|ask) for (?:a|my) (?:friend|buddy|cousin|someone)",
    r"hypothetically",
    r"(?:pregunto|pregunta|es) (?:por|para) (?:un|una) (?:amig[ao]|conocid[ao])",
)


def not_the_texter(text: str) -> bool:
    """Whether the texter says outright that the risk is someone else's ("no es para mi es mi amiga", "not me, my
    MOM")."""
    return bool(_NOT_ME.search(normalise(text)))


def for_a_friend(text: str) -> bool:
    """A question put as someone else's ("asking for a friend"): counted as the texter's own (VERA-MH Q4)."""
    return bool(_FOR_A_FRIEND.search(normalise(text)))


_NOT_ABUSE = _signs(
    r"(?:its|it is|this is|thats|this|that) (?:not|isnt) (?:domestic violence|dv|abuse)",
    r"(?:its|it is|this is|thats) not (?:about )?(?:domestic violence|dv|abuse)",
    r"no (?:es|hay) violencia",
)
_SCOLDING = _signs(
    r"(?:parents|mom|mum|dad|mother|father|mama|papa) (?:would|will|is gonna|are gonna|gonna|is going to|are going to"
    r"|would so) (?:literally |actually |so |totally )?kill me",
    r"(?:mis papas|mi mama|mi papa) me (?:matan|mataria|matarian|va a matar|van a matar)",
)
"""A parent who "would literally kill me" (if they found out): fear of being caught, not danger from them."""


def _about_pills(words: str) -> bool:
    """Whether normalised words are about pills: a method question about them is method-seeking."""
    return bool(_MEDICINE.search(words) or MEANS["pills"].search(words) or re.search(r"\b(?:too many|take)\b", words))


def not_abuse(text: str) -> bool:
    """ "its not domestic violence omg": the rules' violence word, denied, with no one named as the danger."""
    words = normalise(text)
    someone = re.search(r"\b(?:he|she|him|her|hes|shes)\b", words) or danger_signs(text)
    return bool(_NOT_ABUSE.search(words)) and not someone


def scolding(text: str) -> bool:
    return bool(_SCOLDING.search(normalise(text)))


def someone_dangerous(text: str) -> bool:
    """Whether `text` could be about danger from someone: a sign of it, or a person named at all."""
    return _weight(text, _STRONG_DANGER, _WEAK_DANGER) > 0 or person.mentions_someone(text)


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
    if not stage and _misread_again(message, state, now):
        return None
    if message.keyword in STEPS_WORDS and not message.crisis:
        return _steps(THOUGHTS), []  # a saved text said "reply STEPS": it works later too
    words = normalise(message.text)
    police = barrier(message.text) == "police"
    if not message.crisis and "988" in words and (police or _ABOUT_988.search(words)):
        # "if i text 988 do they call the cops": answered as asked, in a conversation or not
        key = "talk.988_police" if _988_POLICE.search(words) else "talk.barrier.police" if police else "talk.about_988"
        return [_engine().Reply(key)], []
    signal = Signal(message.crisis, message.sure or message.crisis in EMERGENCIES, True) if message.crisis else None
    reads_window = not state.opted_out and message.keyword not in _engine().plain_keywords()
    if signal is None and reads_window and not optout.intent(message.text):  # a request to stop is its own answer
        signal = window_signal([*state.recent, message.text])
        misread = state.talk_last == "talk.misread" and now.timestamp() - state.talk_at < MISREAD_FOR.total_seconds()
        if signal and not signal.plain and (stage == DECLINED or misread):
            # they said no, or that the line misread them, and were believed: indirect signs alone do not ask again
            # for now ("its just an expression", then "he keeps falling and forgetting stuff")
            signal = None
    return _begin(signal, message, state, now, rules) if signal else None


def helping(message: "Message", state: State, now: datetime) -> list[Effect]:
    """A conversation with someone texting about another person's overdose, medical emergency or thoughts of
    suicide (the crisis reply for the helper is already sent): their next texts get the helper's replies ("stay
    with them", what to tell 911, how to ask them), and "can i let him sleep it off" a plain no, instead of the menu
    or replies meant for the person at risk."""
    if message.crisis not in (*POISONINGS, "suicide", "self_harm") or active(state, now):
        return []
    escalation, engine = state.escalation or message.sid, _engine()
    sent = engine.Reply(engine.crisis_key(message.crisis, True, message.text))
    level = "imminent" if message.crisis in POISONINGS else "high"
    return [
        _stage(EMERGENCY, now, turns=0, level=level, escalation=escalation, kind=HELPING, last=sent.key),
        Exchange(escalation, (message.text,), (sent,)),
    ]


def _misread_again(message: "Message", state: State, now: datetime) -> bool:
    """Whether the model alone reads again an overdose or medical emergency the texter said, in the last MISREAD_FOR,
    the line misread (the conversation ended then, keeping its kind)."""
    bodily, recent = ("medical", "overdose", CHECKING), now.timestamp() - state.talk_at < MISREAD_FOR.total_seconds()
    misread = not state.talk and state.talk_kind in bodily and recent
    return misread and message.crisis in bodily and not message.sure


def _begin(signal: Signal, message: "Message", state: State, now: datetime, rules: checkins.Rules) -> Result:
    """Open a conversation: the crisis reply for a plain signal, then the one direct question that fits."""
    engine = _engine()
    texts = [*state.recent, message.text]
    # read together, as the detector read them: "hes breathing weird" then "now hes blue" is someone unresponsive
    key, kind = engine.crisis_key(signal.category, text=WINDOW_JOIN.join(texts)), signal.category
    own_body = not person.someone_in_trouble(message.text) and not medical.unresponsive(message.text)
    own_body = own_body and not _CANT_BREATHE.search(normalise(message.text))  # that is 911 now, not a question
    without = going_without(message.text) and not medical.unresponsive(message.text)
    if key == "crisis.medical" and message.crisis and not medical.seizure_named(message.text) and (own_body or without):
        # The texter's own body, or anyone's withdrawal ("he ran out, its been 5 days"), no seizure named: ask what
        # is happening, with 911 for a seizure or struggling to breathe, rather than seizure steps for a seizure
        # no one named.
        key, kind = "talk.medical_check", CHECKING
    replies = [engine.Reply(key)] if signal.plain else []
    if signal.category == "overdose" and _METHOD.search(normalise(message.text)) and not _taken([message.text]):
        # "whats the number where u just dont wake up": method-seeking is a sign of suicide (POLICY.md K1); the
        # overdose facts, then the direct question (VERA-MH Q10)
        stage, kind = ASK, "suicide"
        replies.append(engine.Reply("talk.ask"))
    elif signal.category in EMERGENCIES:
        stage = EMERGENCY
        if signal.category in POISONINGS and kind != CHECKING and person.someone_in_trouble(message.text):
            kind = HELPING  # "my son took my klonopin": the helper's replies, though the words read as the texter's
        elif signal.category == "harm_to_others" and signal.plain:
            replies.append(engine.Reply(OTHERS_ASK))  # the direct question, about them and about the texter too
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
    if state.opted_out:
        # Carriers block every text to them until START: no question they could not get an answer to, and a person
        # is alerted at any level, as the line cannot follow up.
        replies = [*replies[:1], engine.Reply("talk.opted_out")]
    # No gentle check after violence (it would show on a phone an abuser may read, POLICY.md L3), nor after STOP.
    checked = signal.category not in checkins.NO_FOLLOW_UP and not state.opted_out
    effects: list[Effect] = [] if state.known else [engine.MarkSeen()]
    escalation = state.escalation or message.sid
    if not state.escalation:
        alert = _alerted(level, rules) or state.opted_out
        effects.append(engine.Escalate(signal.category, message.text, level, alert=alert))
    else:  # still open from an earlier conversation: this one joins it (on-call is alerted only if risk rose)
        if signal.plain:
            effects.append(engine.Attach(escalation, signal.category, message.text))
        if _higher(state.talk_level, level) != state.talk_level:
            effects.append(Raise(escalation, level, alert=_alerted(level, rules)))
    effects += [
        _stage(
            stage,
            now,
            turns=0,
            level=level,
            escalation=escalation,
            kind=kind,
            last=replies[-1].key,
            sent=_sent("", replies),
        ),
        *checkins.after_crisis(state, message.zone_guess, now, rules, signal.category),
        *([checkins.Later("crisis_check", now + CHECK_DELAY)] if stage in QUESTIONS and checked else []),
        Exchange(escalation, tuple(texts), tuple(replies)),
    ]
    return replies, effects


def _continue(stage: str, message: "Message", state: State, now: datetime, rules: checkins.Rules) -> Result:
    """Answer a text inside an open conversation: by the answer, or a short human reply; never the menu or the
    fallback, and never the same text twice in a row."""
    engine, texts, words = _engine(), [*state.recent, message.text], normalise(message.text)
    kind = state.talk_kind
    if stage in DANGER_STAGES and _QUIET.search(words):
        # "gtg dont text back": he is there, and a reply could be seen. Nothing is sent; the texts stay on the
        # escalation, and the conversation is open for when they write again (messages/POLICY.md L3).
        kept = _stage(stage, now, state.talk_turns, state.talk_level, state.talk_esc, state.talk_steps, kind,
                      state.talk_last)  # fmt: skip
        return [], [
            kept,
            engine.Attach(state.talk_esc, "violence", message.text),
            Exchange(state.talk_esc, (message.text,), ()),
        ]
    switched = _switch(stage, kind, message, texts)
    if switched:
        new_stage, kind, replies = switched
    elif message.keyword in STEPS_WORDS or (
        stage in (THOUGHTS, SAFE_NOW) and not state.talk_steps and _accepts(message)
    ):
        new_stage, replies = stage, _steps(stage)
    else:
        new_stage, kind, replies = _answer_within(stage, kind, message, state, texts, words)
    replies = _for_veterans(message.text, replies)
    if [r.key for r in replies] == [state.talk_last]:  # never the same text twice in a row
        again = SAID_AGAIN.get(state.talk_last)
        replies = [_engine().Reply(again) if again else _stay(new_stage, kind, state.talk_turns + 1, texts)]
    if new_stage == stage:  # a new stage says its replies in full, a reminder of the means included
        replies = _fresh(replies, state.talk_sent.split(","), new_stage, kind, texts)
    level = _higher(state.talk_level, _STAGE_LEVEL[new_stage]) if new_stage in _STAGE_LEVEL else state.talk_level
    turns = state.talk_turns + 1 if new_stage == stage and kind == state.talk_kind else 0
    steps = state.talk_steps or any(reply.key.startswith("talk.steps.") for reply in replies)
    sent = _sent(state.talk_sent, replies)
    effects: list[Effect] = [_stage(new_stage, now, turns, level, state.talk_esc, steps, kind, replies[-1].key, sent)]
    if new_stage in (DECLINED, ENDED):
        effects.append(ForgetWindow())  # what they said before does not ask again ("not having a seizure" included)
    if level != state.talk_level:
        effects.append(Raise(state.talk_esc, level, alert=_alerted(level, rules)))
    if message.crisis:
        effects.append(engine.Attach(state.talk_esc, message.crisis, message.text))  # the queue shows it too
    if stage in QUESTIONS:
        effects.append(checkins.Unschedule("crisis_check"))  # answered: no follow-up needed
    return replies, [*effects, Exchange(state.talk_esc, (message.text,), tuple(replies))]


Turn = tuple[str, str, list["Reply"]]
"""A stage, a kind and the replies for one text inside a conversation."""


def _switch(stage: str, kind: str, message: "Message", texts: list[str]) -> Turn | None:
    """A new risk said inside a conversation, which changes it whatever the stage: a plan said in answer to the
    questions, an emergency the rules name, suicidal thoughts said in an emergency, danger from someone, an urge to
    hurt someone. Checked before any other answer, so a disclosure never gets a reply meant for something else."""
    reply, category, words = _engine().Reply, message.crisis, normalise(message.text)
    corrects = _CORRECTION.search(words) or _ITS_ME.search(words) or _NOT_TAKEN.search(words)
    denied = _DENIAL.search(words)  # "nobody is hurting me. no thoughts of hurting myself": believed throughout
    if kind == HELPING and _ITS_ME.search(words):
        return _corrected(HELPING, message.text, texts)  # "theres no them. its ME": their own risk after all
    own = not person.mentions_someone(message.text) and _OWN_DESPAIR.search(words)
    if kind == HELPING and category in ("suicide", "self_harm") and (message.sure or own) and not message.bystander:
        # "a veces quisiera dormirme y ya no despertar": the helper's own thoughts, said of themselves (the model
        # alone counts only then: it reads a helper's fear for someone as suicide too)
        return (PLAN, category, [reply("talk.ask_plan")]) if message.sure else (ASK, category, [reply("talk.ask")])
    if kind != HELPING and (_NOT_ME.search(words) or (message.bystander and message.sure)):
        # "not me, my MOM": someone else is at risk, and the texter is helping (the helper's reply, then theirs). The
        # risk is the one the conversation is about unless the rules name another ("not me. HIM. my son said it"
        # reads as violence to the model alone).
        named = category if message.sure else kind if kind in crisis.CATEGORIES else "suicide"
        return EMERGENCY, HELPING, [reply(_engine().crisis_key(named, True, message.text))]
    if stage == EMERGENCY and kind != HELPING and corrects and not _taken([message.text]):
        # "im not having a seizure", "nothing taken": the emergency named in a correction is not one
        return _corrected(kind, message.text, texts)
    thoughts_named = message.sure and category in ("suicide", "self_harm")
    if (
        stage == EMERGENCY
        and kind in (CHECKING, "medical", HELPING)
        and going_without(message.text)
        and not thoughts_named
    ):
        # "he didnt TAKE anything. he RAN OUT": withdrawal, whose danger is seizures (unless the rules name more)
        return EMERGENCY, CHECKING if kind != HELPING else kind, [reply("talk.withdrawal")]
    stands_down = (_NO_INTENT.search(words) or denied) and not imminent([message.text], means=False)
    if stage == IMMINENT and kind != HELPING and stands_down:
        # "not doing anything tonight but sleep", "its not tonight anyway": believed; thoughts with the means near,
        # not 911 again and again (VERA-MH Q25)
        means = means_named(texts)
        return (
            THOUGHTS,
            kind,
            [reply("talk.not_tonight"), reply(f"talk.means.{means}") if means != "any" else _reach(texts)],
        )
    mine = _NOBODY_HURTING.search(words) and _ITS_ME.search(words) and not danger_signs(message.text)
    if stage in DANGER_STAGES and kind != HELPING and mine:
        # "nobody is hurting me. its ME. i have the bottle and i want to take some rn": the risk is their own
        if imminent([message.text]):
            return IMMINENT, "suicide", _imminent_replies(texts)
        return (PLAN, "suicide", [reply("talk.ask_plan")]) if suicidal(texts) else (ASK, "suicide", [reply("talk.ask")])
    if _METHOD.search(words) and kind != HELPING and stage not in (ASK, IMMINENT) and _about_pills(words):
        # "how many would be too many tho. just so i know": method-seeking inside a conversation (POLICY.md K1)
        return ASK, "suicide", [reply("talk.ask")]
    if stage in DANGER_STAGES and kind != HELPING and not danger_signs(message.text) and not denied:
        # a drink named is not a means said of themselves ("i cant drive there ive been drinking. whatever")
        means = any(pattern.search(words) for name, pattern in MEANS.items() if name != "alcohol")
        thoughts_said = category in ("suicide", "self_harm") and (message.sure or means or _OWN_DESPAIR.search(words))
        if (_ITS_ME.search(words) or thoughts_said) and suicidal(texts):
            # "not doing another week of this. i got my dads gun", "nobody is hurting me. im the one w the gun": the
            # danger is to themselves, and the means are what to talk about (VERA-MH Q23), not a room that locks
            if imminent(texts):
                return IMMINENT, "suicide", _imminent_replies(texts)
            return PLAN, "suicide", [reply("talk.ask_plan")]
    if threatens(message.text) and kind not in (HELPING, "harm_to_others"):
        # they are the danger, not in it: the harm-to-others reply and the question about them and about themselves
        return EMERGENCY, "harm_to_others", [reply(_engine().crisis_key("harm_to_others")), reply(OTHERS_ASK)]
    if (
        stage not in DANGER_STAGES
        and kind != HELPING
        and not _NOBODY_HURTING.search(words)
        and not scolding(message.text)
        and someone_dangerous(message.text)
        and (danger_signs(message.text) or (category and _weight(message.text, _STRONG_DANGER, _WEAK_DANGER)))
    ):
        # Signs of a dangerous person outrank the means or words in the same text ("he took my pills before").
        return (UNSAFE, "violence", [reply("talk.unsafe")]) if danger_signs(message.text) else _ask_safe()
    if stage in (ASK, SAFE_Q) and _JOKE.search(words) and not message.sure:
        return ENDED, kind, [reply("talk.misread")]  # "kill me now 💀 ... its just an expression": believed
    talking = stage in (ASK, PLAN, THOUGHTS, IMMINENT)
    negated = denied or _NO_INTENT.search(words)  # "no las voy a tomar todas": the rules' overdose, denied
    # After the questions, a time or the means already named is not news; a plan is, and so is means not named
    # before ("i got my dads gun ... tonight").
    new_means = next((name for name, pattern in MEANS.items() if pattern.search(words)), "any")
    before = means_named(texts[:-1])  # "alcohol" there is pills and a drink: pills are not news
    news = new_means not in ("any", before, "pills" if before == "alcohol" else "") and not going_without(message.text)
    # "is this the pills doing this to my head" is a question; "cops at the door of a drunk vet w guns" a barrier
    news = news and not _WITHDRAWAL_Q.search(words) and not barrier(message.text)
    asked = (stage != THOUGHTS or news) and not going_without(message.text)
    if stage == IMMINENT and news:
        # means not named before ("i got my dads gun"): distance from those, said now (VERA-MH Q23)
        return IMMINENT, kind, [reply("talk.heard"), reply(f"talk.means.{new_means}")]
    if stage in (ASK, PLAN, THOUGHTS) and imminent([message.text], asked, asked) and not _taken([message.text]):
        return IMMINENT, kind, _imminent_replies(texts)  # "been saving them, got enough" answers the question
    if (
        talking
        and category in EMERGENCIES
        and not _taken([message.text])
        and not person.someone_in_trouble(message.text)
        and message.sure  # the model alone reads an emergency into fear ("will they send cops, with the baby here")
        and not negated
    ):
        # The rules read an overdose or someone unresponsive into "got enough, done w this" or "not waking up":
        # inside the questions about suicide that is the person's own wish, not a body to treat.
        return (stage, kind, [reply("talk.heard")]) if stage == IMMINENT else (IMMINENT, kind, _imminent_replies(texts))
    negated = negated or _WHEN_IT_HAPPENS.search(words)  # "he needs it when he cant breathe": not happening now
    if category in EMERGENCIES and message.sure and (stage != EMERGENCY or kind == CHECKING) and not negated:
        return EMERGENCY, category, [reply(_engine().crisis_key(category, text=message.text))]
    new_poisoning = kind == HELPING and category in ("overdose", "medical") and message.sure
    if new_poisoning and not any(crisis.classify(text) in POISONINGS for text in texts[:-1]):  # model only then
        # "creo q ya se las tomo": someone else's thoughts of suicide become an overdose: 911 now for them
        return EMERGENCY, kind, [reply(_engine().crisis_key(category, True, message.text))]
    worse = medical.unresponsive(message.text) or _SLOW_BREATHING.search(words)
    if kind == HELPING and worse and not _help_coming(message.text):
        return EMERGENCY, kind, [reply("crisis.unresponsive")]  # worse now: "7 breaths a minute", "hes blue"
    thoughts = category in ("suicide", "self_harm")
    if thoughts and message.sure and stage == IMMINENT and kind != HELPING:
        return IMMINENT, kind, [reply("talk.heard")]  # said again, plainly: heard, not a rotation
    # The model alone reads suicide into a helper's fear or a threat's anger: there only the rules' word counts.
    bodily = kind in ("medical", "overdose", CHECKING) or stage == SAFE_Q
    if (
        thoughts
        and kind != HELPING
        and stage in (EMERGENCY, *DANGER_STAGES)
        and (message.sure or bodily)
        and not denied
    ):
        # Thoughts of suicide said in an emergency or in danger: the questions, or 911 now with a plan or a time.
        if imminent([message.text], means=False):
            return IMMINENT, category, _imminent_replies(texts)
        return (PLAN, category, [reply("talk.ask_plan")]) if message.sure else (ASK, category, [reply("talk.ask")])
    nobody = _NOBODY_HURTING.search(words)  # "DOMESTIC VIOLENCE?? nobody is hurting me": the rules' word, denied
    if stage not in DANGER_STAGES and kind != HELPING and category == "violence" and message.sure and not nobody:
        return _ask_safe()
    # A model-only urge to hurt someone changes only a conversation about a body (the model reads distress at a
    # person's own risk, or at a helper's fear, as one); an urge the rules name changes any.
    others = message.sure or kind in ("medical", "overdose", CHECKING)
    if category == "harm_to_others" and kind != category and others and not message.bystander:
        return EMERGENCY, category, [reply(_engine().crisis_key(category))]
    return None


def _ask_safe() -> Turn:
    return SAFE_Q, "violence", [_engine().Reply("talk.ask_safe")]


ENDED = ""
"""No stage: the conversation is over, and the person's next text is routed as usual."""
MISREAD_FOR = timedelta(hours=1)


def _taken(texts: list[str]) -> bool:
    """Whether the texts say something was taken already ("i took them all"): an overdose, not a plan."""
    return any(_TAKEN.search(normalise(t)) for t in texts) and not any(_NOT_TAKEN.search(normalise(t)) for t in texts)


def _corrected(kind: str, text: str, texts: list[str]) -> Turn:
    """The texter says the emergency is not what is happening ("its just me", "nothing taken yet"). Pills not taken
    with a plan or a time said are imminent; with an overdose read into them or thoughts of suicide in their texts,
    they are thoughts with the means near (distance from them, someone to reach); otherwise the line misread them,
    says so, and the conversation ends (for MISREAD_FOR a model-only reading of the same emergency does not reopen
    it)."""
    reply = _engine().Reply
    if imminent([text], means=False) or imminent(texts, timing=False, means=False):
        return IMMINENT, "suicide", _imminent_replies(texts)
    if suicidal(texts):  # "its just me. i want to not wake up": the person's own risk, told plainly now
        near = [reply(f"talk.means.{means_named(texts)}")] if _NOT_TAKEN.search(normalise(text)) else []
        return PLAN, "suicide", [*near, reply("talk.ask_plan")]  # pills not taken: away from them, then the question
    if _NOT_TAKEN.search(normalise(text)) and kind == "overdose":
        # "didnt take anything. yet": the means at hand and no word on why; the direct question (VERA-MH Q8)
        return ASK, "suicide", [reply(f"talk.means.{means_named(texts)}"), reply("talk.ask")]
    if kind == CHECKING and any(going_without(t) for t in texts):
        return EMERGENCY, CHECKING, [reply("talk.withdrawal")]  # "no seizure, he ran out": withdrawal is still a risk
    return ENDED, kind, [reply("talk.misread")]


def suicidal(texts: list[str]) -> bool:
    return any(crisis.classify(t) in ("suicide", "self_harm") for t in texts)


def _answer_within(stage: str, kind: str, message: "Message", state: State, texts: list[str], words: str) -> Turn:
    """The reply to a text that changes no risk: what it asks or says (help on the way, a step taken, a barrier, a
    question about 988), the answer to the conversation's question, or a short human reply."""
    reply, obstacle = _engine().Reply, barrier(message.text)
    if stage in DANGER_STAGES and (_WHO_TO_TEXT.search(words) or obstacle == "police"):
        # Someone in danger from another person who will not call the police, or asks where to text: the hotline.
        return stage, kind, [reply("talk.barrier.police_danger" if obstacle == "police" else "talk.danger.3")]
    if stage not in DANGER_STAGES and _HAND_OVER.search(words):
        return stage, kind, [reply("talk.hand_over")]
    if _ASKS_DV.search(words) and not _NOBODY_HURTING.search(words):
        return stage, kind, [reply("talk.danger.3")]
    if stage in DANGER_STAGES and _PHONE_SEEN.search(words):
        return stage, kind, [reply("talk.phone_safety")]
    if stage == ASK and _thoughts_answer(message.text) is False:
        also = [reply("talk.withdrawal")] if _WITHDRAWAL_Q.search(words) else []
        return DECLINED, kind, [reply("talk.declined"), *also]  # a no believed, and what else they asked
    if _WITHDRAWAL_Q.search(words) and not (message.crisis and message.sure):
        return stage, kind, [reply("talk.withdrawal")]
    if _WHO_TO_TEXT.search(words):
        return stage, kind, [reply("talk.connect")]
    if _CONNECT.search(words):
        return stage, kind, [reply("talk.connect")]
    if _988_POLICE.search(words) and not (stage == EMERGENCY and kind in POISONINGS):
        return stage, kind, [reply("talk.988_police")]
    if _988_TELLS.search(words):
        return stage, kind, [reply("talk.988_private")]
    if _ABOUT_988.search(words) and obstacle != "police":
        return stage, kind, [reply("talk.about_988")]
    topic = keywords.find_topic(message.text) if _QUESTION.search(words) or "?" in message.text else None
    asked_back = stage in QUESTIONS and answer(message.text) is not None  # the answer to the question comes first
    topic = None if topic in ("topic.menu", "topic.about") or message.sure or asked_back or obstacle else topic
    if _BYE.search(words):  # never let them go without the numbers and an open door
        farewell = "danger" if stage in DANGER_STAGES else "helping" if kind == HELPING else "self"
        return stage, kind, [reply(f"talk.goodbye.{farewell}")]
    drinking = any(_DRINKS.search(normalise(text)) or MEANS["alcohol"].search(normalise(text)) for text in texts)
    if kind != HELPING and _SEDATED.search(words) and drinking:
        return stage, kind, [reply("talk.sedated")]  # "ya tome la de la noche y unos fernets, estoy medio mareado"
    if stage not in DANGER_STAGES and kind != HELPING and _SHOULD_I_REACH.search(words):
        return stage, kind, [reply("talk.yes_reach")]
    if stage not in DANGER_STAGES and kind != HELPING and _SOMEONE_COMING.search(words):
        return stage, kind, [reply("talk.someone_coming")]
    if stage in (IMMINENT, UNSAFE, EMERGENCY) and _help_coming(message.text) and not topic:
        # not "call 911" to someone already on the line with them; after danger from someone, no paramedics
        return (
            stage,
            kind,
            [reply("talk.help_coming.danger" if stage == UNSAFE else "talk.help_coming")],
        )  # not "call 911" to someone already on the line with them
    if stage == EMERGENCY and kind == "overdose" and _SLEEP_IT_OFF.search(words):
        return stage, kind, [reply("talk.no_sleep_it_off.self")]
    if stage == EMERGENCY and kind in ("overdose", HELPING) and _NURSE.search(words):
        return stage, kind, [reply("talk.poison_control")]
    if stage == EMERGENCY and kind == HELPING and _SLEEP_IT_OFF.search(words):
        return stage, kind, [reply("talk.no_sleep_it_off")]
    if stage == EMERGENCY and kind == HELPING and _ON_SIDE.search(words):
        return stage, kind, [reply("talk.helping.1")]
    if kind == HELPING and _GIVE_PILL.search(words):
        return stage, kind, [reply("talk.give_pill")]
    if kind == HELPING and any(MEANS[name].search(words) for name in ("gun", "blade")):
        return stage, kind, [reply("talk.family.2")]  # "theres a shotgun in the garage": away from them, now
    if kind == HELPING and _TELL_ADULT.search(words):
        return stage, kind, [reply("talk.tell_adult")]
    if stage == EMERGENCY and kind == HELPING and _ASK_THEM.search(words):
        return stage, kind, [reply("talk.ask_them")]
    if stage == EMERGENCY and kind == HELPING and _NALOXONE.search(words):
        return stage, kind, [reply("talk.naloxone")]
    if _WILL_REACH.search(words) and not _NOT_CALLING.search(words):
        return stage, kind, [reply("talk.will_reach")]  # "maybe ill text the 988 thing tomorrow": a step, said back
    if topic:
        return stage, kind, [reply(topic)]  # "can the doc even slow it down": the answer, in the conversation
    if _REACHED_988.search(words) and not _NOT_CALLING.search(words):
        return stage, kind, [reply("talk.reached_out")]
    if stage not in DANGER_STAGES and _OWN_STEP.search(words):
        return stage, kind, [reply("talk.step_taken")]  # the person's own step toward safety, said back to them
    who = person.trusted_person([message.text]) if obstacle == "words" else ""
    friend = who or person.mentions_someone(message.text) or _TO_SOMEONE.search(words)
    if obstacle == "words" and friend and kind != HELPING:  # "if i text my buddy what do i say": not 988's words
        return stage, kind, [reply("talk.words.friend", {"who": who}) if who else reply("talk.words.someone")]
    if obstacle and (stage not in QUESTIONS or answer(message.text) is None):
        return stage, kind, [reply(_barrier_key(obstacle, stage, kind))]
    if stage == SAFE_Q or (stage == SAFE_NOW and danger_signs(message.text)):
        new_stage, replies = _after_safety_question(message.text, state)
        return new_stage, kind, replies
    if stage in QUESTIONS:
        new_stage, replies = _after_question(stage, message, state, texts)
        return new_stage, kind, replies
    if state.talk_last == OTHERS_ASK and (asked := _after_others_question(message, state)):
        return asked
    return stage, kind, [_stay(stage, kind, state.talk_turns, texts)]


def _after_others_question(message: "Message", state: State) -> Turn | None:
    """The answer to "are you thinking about hurting someone tonight, or yourself?": their own risk said (or both)
    asks about a plan; a yes gets distance and 911; anything else the usual replies."""
    reply = _engine().Reply
    own = message.crisis in ("suicide", "self_harm") and message.sure  # the model reads anger as despair
    if own or _SELF_TOO.search(normalise(message.text)):
        return PLAN, state.talk_kind, [reply("talk.ask_plan")]
    if answer(message.text):
        return EMERGENCY, state.talk_kind, [reply("talk.others.yes")]
    return None


def _after_question(stage: str, message: "Message", state: State, texts: list[str]) -> tuple[str, list["Reply"]]:
    """The answer to "Are you thinking about suicide?" or to the question about a plan."""
    reply = _engine().Reply
    if stage == PLAN:
        if answer(message.text):
            return IMMINENT, _imminent_replies(texts)
        # They have thoughts of suicide either way: a "no" here is no plan, not no risk; means they named still
        # get distance from them (messages/POLICY.md C7).
        means = means_named(texts)
        return THOUGHTS, [reply("talk.thoughts"), reply(f"talk.means.{means}") if means != "any" else _reach(texts)]
    words = normalise(message.text)
    not_yet = _NOT_TAKEN.search(words)  # "didnt take anything. yet": the means at hand, a yes
    denied = _DENIAL.search(words)
    said = False if denied else True if message.crisis or not_yet else _thoughts_answer(message.text)
    if said is True:  # then plan, means and timing, as a counsellor would ask next (VERA-MH Q11)
        # "i havent taken them, just thinking about it": distance from what is at hand first (VERA-MH Q23)
        near = [reply(f"talk.means.{means_named(texts)}")] if not_yet else []
        return PLAN, [*near, reply("talk.ask_plan")]
    if said is False:
        return DECLINED, [reply("talk.declined")]
    if state.talk_turns == 0:
        return stage, [reply("talk.ask_again")]
    return stage, [_stay(stage, state.talk_kind, state.talk_turns, texts)]


def _after_safety_question(text: str, state: State) -> tuple[str, list["Reply"]]:
    """The answer to "Are you safe right now?": unsure, or signs of danger, count as not safe."""
    reply, words = _engine().Reply, normalise(text)
    if danger_signs(text) or _NO.match(words) or _UNSURE.match(words):
        return UNSAFE, [reply("talk.unsafe")]
    if _SAFE.match(words):
        return SAFE_NOW, [reply("talk.safe_now")]
    if state.talk_turns == 0:
        return SAFE_Q, [reply("talk.ask_safe_again")]
    return SAFE_Q, [_stay(UNSAFE, "violence", state.talk_turns, [])]


def _reach(texts: list[str]) -> "Reply":
    """Asking whether they could reach out: to the person they named, when they named one."""
    who = person.trusted_person(texts)
    return _engine().Reply("talk.reach.named", {"who": who}) if who else _engine().Reply("talk.reach")


def _imminent_replies(texts: list[str]) -> list["Reply"]:
    reply = _engine().Reply
    return [reply("talk.imminent"), reply(f"talk.means.{means_named(texts)}")]


def _steps(stage: str) -> list["Reply"]:
    kind = "danger" if stage in (SAFE_Q, UNSAFE, SAFE_NOW) else "plan"
    return [_engine().Reply(f"talk.steps.{kind}.{part}") for part in (1, 2, 3)]


_OWN_DESPAIR = _signs(
    r"(?:wish|quisiera|want to|wanna|quiero) (?:i (?:was|were) dead|die|disappear|not wake|dormirme|morir|desaparecer)",
    r"(?:better|mejor) (?:off )?(?:without|sin) (?:me|mi)",
    r"(?:im|i am|estoy) (?:so )?(?:tired of|done with|cansad[ao] de|hart[ao] de)",
    r"no quiero (?:vivir|seguir|estar aqui|despertar)",
    r"(?:dont|do not) want to (?:live|be here|wake up|go on)",
)
"""A helper's despair about themselves, which the model's reading of suicide may then be trusted on."""
_JOKE = _signs(
    r"(?:just|only) (?:an? )?(?:expression|saying|figure of speech)",
    r"(?:just|only) (?:a )?jok(?:e|ing)",
    r"(?:im|i was) (?:just )?(?:kidding|joking)",
    r"es un decir",
    r"(?:es|era) (?:una )?broma(?! (?:\.{3} )?mas o menos)",
    r"no (?:es|era) en serio",
)
"""An idiom explained ("its just an expression 😂"): after the indirect question, the line misread them."""
_METHOD = _signs(
    r"how (?:many|much)",
    r"(?:what|whats the) (?:amount|number|dose)",
    r"(?:lethal|fatal|deadly) (?:dose|amount)",
    r"enough to (?:die|not wake|kill|never wake)",
    r"cuant(?:as|os|a|o)",
    r"dosis (?:letal|mortal)",
)
"""A question about how much it would take: method-seeking, asked about directly, not treated as an overdose."""
_QUIET = _signs(
    r"(?:dont|do not|pls dont|please dont|no) (?:text|reply|message|write|answer) (?:back|me)",
    r"(?:dont|do not) (?:text|reply|respond)",
    r"no me (?:contestes|escribas|respondas|mandes)",
)
"""Someone in danger asking for no reply: the abuser is there (POLICY.md L3, a phone an abuser may read)."""
_TO_SOMEONE = _signs(r"(?:text|call|tell|message|ask) (?!988|911|them|they|the|it|you|a|an|anyone|someone)\w+")
"""Words for someone by name ("if i text ray what do i say"), not for 988 or 911."""
_SERVED = _signs(r"veterans?", r"vet", r"army", r"marines?", r"navy", r"air force", r"deployed", r"combat", r"military")
"""Words of someone who served: the Veterans Crisis Line (988, press 1) is named beside the reply."""


def _for_veterans(text: str, replies: list["Reply"]) -> list["Reply"]:
    served = _SERVED.search(normalise(text)) and not any(r.key == "talk.veterans" for r in replies)
    return [*replies, _engine().Reply("talk.veterans")] if served else replies


STAY_REPLIES = {
    "calm": ("talk.stay.1", "talk.stay.5", "talk.stay.3", "talk.stay.2", "talk.stay.6", "talk.stay.4"),
    "urgent": ("talk.urgent.5", "talk.urgent.3", "talk.urgent.6", "talk.urgent.4", "talk.urgent.2", "talk.urgent.1"),
    "refused": ("talk.refused.1", "talk.refused.2", "talk.refused.3"),
    "helping": ("talk.helping.1", "talk.helping.4", "talk.helping.2", "talk.helping.3"),
    "family": ("talk.family.1", "talk.family.2", "talk.family.3"),
    "withdrawal": ("talk.withdrawal_help.1", "talk.withdrawal_help.2", "talk.withdrawal_help.3"),
    "danger": ("talk.danger.1", "talk.danger.2", "talk.danger.3"),
    "others": ("talk.others.1", "talk.others.2", "talk.others.3"),
}
"""Short human replies for the texts after a disclosure, by the conversation's kind, taken in turn so no text
repeats back to back: for thoughts, risk to life now (and the same after 911 was refused), someone else's
emergency (a body to watch, or someone else's thoughts of suicide), danger from someone, and an urge to hurt
someone."""
SAID_AGAIN = {
    "talk.no_sleep_it_off": "talk.no_sleep_it_off.2",
    "talk.barrier.police_emergency": "talk.helping.2",
    "talk.barrier.police": "talk.barrier.police.2",
}
"""The second wording of an answer the texter asks for twice in a row (never the same text back to back)."""
_NAMED = {"talk.urgent.3": "talk.urgent.named", "talk.stay.5": "talk.reach.named"}
"""Replies said with the person the texter named, when they named one ("could your sister come be with you?")."""


SENT_KEPT = 8
"""How many of the conversation's last reply keys are kept (State.talk_sent), so none of them comes round again."""
_SAID_ONCE = ("talk.heard", "talk.veterans", "talk.means.", "talk.reach")
"""Replies sent beside another that add nothing the second time: left out when they went out lately."""


def _sent(before: str, replies: list["Reply"]) -> str:
    keys = [*(before.split(",") if before else []), *(reply.key for reply in replies)]
    return ",".join(keys[-SENT_KEPT:])


def _fresh(replies: list["Reply"], sent: list[str], stage: str, kind: str, texts: list[str]) -> list["Reply"]:
    """The replies without what the conversation sent lately (VERA-MH Q29): a reply sent lately is replaced by a
    short reply of its family (or of the stage's family) not sent lately, and an add-on sent lately beside another
    reply is left out."""
    kept = [r for r in replies if not (r.key in sent and r.key.startswith(_SAID_ONCE))] or replies[:1]
    if kept[0].key not in sent:
        return kept  # the usual case: nothing to replace, and no reading of the window for the stage's family
    family = next((keys for keys in STAY_REPLIES.values() if kept[0].key in keys), ())
    family = family or STAY_REPLIES[_stay_family(stage, kind, texts)]
    unused = [key for key in family if key not in sent and _NAMED.get(key) not in sent]
    if unused:
        who = person.trusted_person(texts) if unused[0] in _NAMED else ""
        kept[0] = _engine().Reply(_NAMED[unused[0]], {"who": who}) if who else _engine().Reply(unused[0])
    return kept


def _stay(stage: str, kind: str, turns: int, texts: list[str]) -> "Reply":
    family = _stay_family(stage, kind, texts)
    key = STAY_REPLIES[family][turns % len(STAY_REPLIES[family])]
    who = person.trusted_person(texts) if key in _NAMED else ""
    return _engine().Reply(_NAMED[key], {"who": who}) if who else _engine().Reply(key)


def _stay_family(stage: str, kind: str, texts: list[str]) -> str:
    """The family of short replies for a stage and kind (STAY_REPLIES)."""
    if stage == EMERGENCY and kind in (HELPING, "harm_to_others"):
        family = "helping" if kind == HELPING else "others"
        if kind == HELPING and any(going_without(text) for text in texts):
            family = "withdrawal"  # someone in withdrawal (confused, seeing things): not questions about what they took
        elif kind == HELPING and not any(crisis.classify(text) in POISONINGS for text in texts):
            family = "family"  # helping someone with thoughts of suicide: not breathing checks for a body
    elif stage == UNSAFE:
        family = "danger"
    else:
        family = "urgent" if stage == IMMINENT or (stage == EMERGENCY and kind != CHECKING) else "calm"
    if family == "urgent" and any(barrier(text) == "police" for text in texts):
        family = "refused"  # 911 refused: 988 by text, a person, distance, instead of the same "call 911"
    return family


def _higher(a: str, b: str) -> str:
    return max(a or LEVELS[0], b, key=LEVELS.index)


def _alerted(level: str, rules: checkins.Rules) -> bool:
    return level == "imminent" or level in rules.alert_levels


def _stage(
    stage: str,
    now: datetime,
    turns: int,
    level: str,
    escalation: str,
    steps: bool = False,
    kind: str = "",
    last: str = "",
    sent: str = "",
) -> "Effect":
    values = {
        "talk": stage, "talk_at": int(now.timestamp()), "talk_turns": turns, "talk_level": level,
        "talk_esc": escalation, "talk_steps": int(steps), "talk_kind": kind, "talk_last": last, "talk_sent": sent,
    }  # fmt: skip
    return checkins.Update(values)
