"""Risk read from a person's last few texts together: the detector's verdict on the window joined by WINDOW_JOIN, or
indirect signs of distress or of danger from someone that add up across texts (messages/POLICY.md C9, "indirect risk
counts"); and whether any of the texts speaks of suicide at all.
"""

from service import crisis
from service.conversation.talk.danger import STRONG_DANGER, WEAK_DANGER, weight
from service.conversation.talk.model import Signal
from service.conversation.talk.patterns import signs
from service.conversation.talk.stages import QUESTIONED

WINDOW_JOIN = " || "
"""How a person's consecutive texts are joined for the detector (the corpus writes exchanges the same way)."""

# Indirect signs (messages/POLICY.md C9, "indirect risk counts"), matched on normalised text. One weak sign is
# ambiguous; two, or one strong one, across a person's last few texts are worth the direct question.
_STRONG_DISTRESS = signs(
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
_WEAK_DISTRESS = signs(
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


def window_signal(texts: list[str]) -> Signal | None:
    """Risk in a person's last few texts (newest last) read together: the detector's verdict on the window, or
    indirect signs that add up. The one place to switch when the detector grades a window itself."""
    if len(texts) > 1:
        verdict = crisis.assess(WINDOW_JOIN.join(texts))
        if verdict.sure and verdict.category:
            return Signal(verdict.category, True)
        # The model alone on the window is worth the question; an emergency is told in one text, not built up.
        if verdict.category in QUESTIONED:
            return Signal(verdict.category, False)
    if sum(weight(t, STRONG_DANGER, WEAK_DANGER) for t in texts) >= 2:
        return Signal("violence", False)
    if sum(weight(t, _STRONG_DISTRESS, _WEAK_DISTRESS) for t in texts) >= 2:
        return Signal("suicide", False)
    return None


def suicidal(texts: list[str]) -> bool:
    """Whether the detector reads suicide or self-harm in any of `texts`."""
    return any(crisis.classify(t) in ("suicide", "self_harm") for t in texts)
