"""Danger from someone else: its signs, strong or weak (a mother knocking at the door is help at hand, not danger),
and the texts that look like it and are not: the texter as the danger (threatens), a parent who "would kill me"
(scolding), the rules' violence word denied (not_abuse). Also what someone in danger may say inside the conversation:
"dont text back", "he checks my phone", a request for the domestic violence hotline (messages/POLICY.md L3, C12).
"""

import re

from service.conversation.talk.patterns import signs
from service.crisis import person
from service.keywords import normalise

# Signs of danger from someone, on normalised text: one strong sign, or two weak ones across a person's last few texts
# (window.py), are worth "Are you safe right now?".
STRONG_DANGER = signs(
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
WEAK_DANGER = signs(
    r"angry", r"furious", r"yelling", r"screaming", r"drunk again", r"raging", r"coming home", r"(?:really )?mad at me",
    r"(?:gonna|going to) come by", r"keeps (?:texting|calling|showing up)",
    r"enojado", r"furioso", r"gritando", r"celoso", r"borracho otra vez", r"me grita", r"tengo miedo",
)  # fmt: skip
_FAMILY_AT_DOOR = re.compile(
    r"\b(?:my )?(?:mom|mum|mother|mama|dad|father|papa|sister|brother|grandma|abuela|madre|hermana|hermano|mami)"
    r"(?: \w+){0,3} (?:is |esta )?(?:knocking|banging|tocando|golpeando|toca|tocandome)(?: \w+){0,3}"
)
"""A mother knocking at the door of someone in crisis is help at hand, not danger from her."""


def weight(text: str, strong: re.Pattern[str], weak: re.Pattern[str]) -> int:
    """2 for a strong sign in `text`, 1 for a weak one, else 0."""
    words = _FAMILY_AT_DOOR.sub(" ", normalise(text))
    return 2 if strong.search(words) else 1 if weak.search(words) else 0


def danger_signs(text: str) -> bool:
    """Whether `text` has a strong sign of danger from someone."""
    return weight(text, STRONG_DANGER, WEAK_DANGER) == 2


def someone_dangerous(text: str) -> bool:
    """Whether `text` could be about danger from someone: a sign of it, or a person named at all."""
    return weight(text, STRONG_DANGER, WEAK_DANGER) > 0 or person.mentions_someone(text)


_THREATENS = signs(
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
    """Whether the texter says they are the danger to someone (_THREATENS)."""
    return bool(_THREATENS.search(normalise(text)))


_NOT_ABUSE = signs(
    r"(?:its|it is|this is|thats|this|that) (?:not|isnt) (?:domestic violence|dv|abuse)",
    r"(?:its|it is|this is|thats) not (?:about )?(?:domestic violence|dv|abuse)",
    r"no (?:es|hay) violencia",
)
_SCOLDING = signs(
    r"(?:parents|mom|mum|dad|mother|father|mama|papa) (?:would|will|is gonna|are gonna|gonna|is going to|are going to"
    r"|would so) (?:literally |actually |so |totally )?kill me",
    r"(?:mis papas|mi mama|mi papa) me (?:matan|mataria|matarian|va a matar|van a matar)",
)
"""A parent who "would literally kill me" (if they found out): fear of being caught, not danger from them."""


def not_abuse(text: str) -> bool:
    """ "its not domestic violence omg": the rules' violence word, denied, with no one named as the danger."""
    words = normalise(text)
    someone = re.search(r"\b(?:he|she|him|her|hes|shes)\b", words) or danger_signs(text)
    return bool(_NOT_ABUSE.search(words)) and not someone


def scolding(text: str) -> bool:
    """Whether `text` fears a parent finding out (_SCOLDING), which is not danger from them."""
    return bool(_SCOLDING.search(normalise(text)))


NOBODY_HURTING = signs(r"(?:nobody|no one|noone) is hurting (?:me|anybody|anyone)", r"nadie me (?:esta )?lastima")
"""A denial of danger from someone ("nobody is hurting me"), whatever word the rules read."""

QUIET = signs(
    r"(?:dont|do not|pls dont|please dont|no) (?:text|reply|message|write|answer) (?:back|me)",
    r"(?:dont|do not) (?:text|reply|respond)",
    r"no me (?:contestes|escribas|respondas|mandes)",
)
"""Someone in danger asking for no reply: the abuser is there (POLICY.md L3, a phone an abuser may read)."""
# "he checks my phone, will he see these": the texts on a phone someone else reads (messages/POLICY.md L3).
PHONE_SEEN = signs(
    r"(?:checks|check|reads|read|looks at|goes through|sees|see) (?:my|these|the) (?:phone|texts|messages)",
    r"(?:will|would|could|can) (?:he|she|they) see (?:these|this|them|it)",
    r"(?:delete|erase) (?:this|these|the texts)",
    r"(?:revisa|ve|lee|mira) mi (?:celular|telefono|cel)",
)
ASKS_DV = signs(
    r"violencia (?:domestica|familiar|de genero)",
    r"mujeres (?:que|q) (?:las )?(?:golpean|pegan|maltratan)",
    r"(?:domestic violence|dv|abuse) (?:hotline|line|number)",
    r"(?:hotline|number|line) for (?:abuse|women|domestic violence|dv)",
)
"""A request for the domestic violence hotline, in so many words: given, in any stage (POLICY.md C12)."""
