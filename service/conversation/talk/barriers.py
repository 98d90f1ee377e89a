"""Barriers to help said inside a conversation (messages/POLICY.md C13): no one to call, the police, talking to a
stranger, not knowing what to say. Each gets an answer to that barrier instead of the same "call 911" again; in an
overdose or medical emergency 911 stays the help.
"""

from service.conversation.talk.patterns import signs
from service.conversation.talk.stages import EMERGENCY, POISONINGS
from service.keywords import normalise

# What stands between a person and help, said inside a conversation (messages/POLICY.md C13): each gets an answer
# to that barrier instead of the same "call 911" again. English and Spanish, on normalised text.
BARRIERS = {
    "alone": signs(
        r"(?:no ?one|nobody|noone|no body) (?:to (?:call|talk to|ask|give it to|hold it)|(?:is )?here|around|cares"
        r"|would come)",
        r"(?:dont|do not) have (?:anyone|anybody|no ?one)",
        r"(?:i have|ive got|got) no ?(?:one|body)",
        r"(?:im|i am|i live|live|im all|i am all) alone",
        r"(?:its|it is) just me",
        r"(?:no tengo|no hay) (?:a )?(?:nadie|quien)",
        r"estoy sola?",
    ),
    "police": signs(
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
    "stranger": signs(
        r"(?:dont|do not) want to (?:talk|text|call) (?:to )?(?:a )?(?:stranger|someone i dont know|anyone)",
        r"(?:a|some) stranger",
        r"(?:hate|cant do) (?:talking on the )?(?:phone|calls)",
        r"(?:no quiero|no me gusta) hablar (?:con )?(?:un )?(?:desconocido|extrano|nadie)",
    ),
    "words": signs(
        r"(?:what|wat) (?:do|would|should) i (?:even )?(?:say|tell|text|write)",
        r"(?:dont|do not) know what to (?:say|tell|text|write)",
        r"(?:que|q) (?:les )?(?:digo|les digo|escribo|le digo)",
        r"(?:que|q) (?:les|le) (?:pongo|escribo|mando)",
        r"no se (?:que|q) (?:decir|escribir)",
    ),
}


def barrier_key(name: str, stage: str, kind: str) -> str:
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
