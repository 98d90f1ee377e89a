"""Who a crisis text is about: the texter, or someone the texter is helping (messages/POLICY.md B1).

"my son took the whole bottle" and "mi esposa dice que se quiere morir" are about someone else and get the
bystander reply; "my husband hit me" and "i took all my pills" are about the texter. Pure: a text in, a yes or
no out. When the signs are mixed or absent the answer is no: the reply to the person at risk is the safe default,
and it still names the numbers a helper needs.
"""

import re

from service.crisis.normalise import normalise

# The people a helper writes about, in English and Spanish (normalised: no accents, no apostrophes).
_PEOPLE_EN = (
    r"son|daughter|kid|child|baby|toddler|teen|teenager|boy|girl|wife|husband|hubby|partner|spouse|boyfriend"
    r"|girlfriend|bf|gf|fiance|fiancee|mom|mum|mother|mama|dad|father|parent|brother|sister|sibling|grandma"
    r"|grandpa|grandmother|grandfather|granddaughter|grandson|aunt|uncle|cousin|niece|nephew|friend|bestie"
    r"|roommate|roomie|neighbor|neighbour|coworker|patient|client|stepson|stepdaughter|ex|\d+\s*(?:yo|year old)"
)
_PEOPLE_ES = (
    r"hijo|hija|nino|nina|bebe|esposo|esposa|marido|mujer|pareja|novio|novia|mama|madre|papa|padre|hermano"
    r"|hermana|hermanito|hermanita|abuelo|abuela|tio|tia|primo|prima|sobrino|sobrina|amigo|amiga|companero"
    r"|companera|vecino|vecina|suegro|suegra|cunado|cunada|nieto|nieta|ex|padrastro|madrastra|jefe|jefa|patron"
)
_PERSON = rf"(?:(?:my|our)\s+(?:\w+\s+)?(?:{_PEOPLE_EN})s?|(?:mi|nuestro|nuestra)\s+(?:\w+\s+)?(?:{_PEOPLE_ES})"
_PERSON += rf"|la\s+(?:{_PEOPLE_ES})|el\s+(?:{_PEOPLE_ES}))"
# Someone else as the one it is happening to: a person opening the text, or a person or "he"/"she" doing or
# undergoing the crisis ("my son took", "she said she wants to die", "mi hijo se tomo", "no puedo despertar a mi
# mama").
_OPENING = r"^(?:(?:please|pls|help|ayuda|urgent|urgente|omg)\s+)*"
_OPENING += rf"(?:{_PERSON}|(?:{_PEOPLE_EN})s?|(?:{_PEOPLE_ES}))\b"
_SUBJECT = re.compile(
    rf"{_OPENING}|\b(?:cant|couldnt)\s+wake\s+(?:up\s+)?{_PERSON}"
    rf"|\b(?:{_PERSON}|he|she)\s+(?:\w+\s+)?(?:took|taken|swallowed|ate|drank|is|isnt|was|has|had|keeps|wont"
    r"|cant|said|says|told|texted|tried|wants|threatened|posted|cut|cuts|burned|overdosed|od|fell"
    r"|collapsed|stopped|just|doesnt)\b"
    rf"|\b(?:{_PERSON})\s+(?:\w+\s+)?(?:se|esta|tiene|dice|dijo|no|tomo|quiere|intento|recayo|lleva|escribio"
    r"|subio|publico|posteo|puso|mando|compro)\b"
    rf"|\b(?:a|de)\s+(?:{_PERSON})\b"
    r"|\b(?:himself|herself|hes|shes)\b"
)
# The texter as the one at risk, whoever else the text names: "kill myself", "i took", "me quiero morir".
_SELF_AT_RISK = re.compile(
    r"\bmyself\b|\bi\s+(?:\w+\s+)?(?:took|swallowed|ate|snorted|popped|overdosed|want to die|want to end"
    r"|am going to|cant breathe|cant stop|cut|relapsed)\b|\bim\s+(?:going to|done|dying|ending|not going to be)\b"
    r"|\b(?:matarme|suicidarme|quitarme|morirme|cortarme)\b|\bme\s+(?:quiero|voy|tome|corto|corte|mato|siento)\b"
    r"|\bquiero\s+morir|\b(?:acabo de|me acabo de)\b|\byo\b"
    # "ready to go be with my wife" (who died): the texter's own wish to die, said through the one they lost
    r"|\b(?:go|going|ready to|want to|wanna)\s+(?:\w+\s+)?be with\s+(?:my|mi)\b|\bestar con (?:mi|mis)\b"
)
# Harm done *to* the texter ("hit me", "me pega"), or the texter's own urge to hurt someone: about the texter.
_TEXTER_HARMED_OR_HARMING = re.compile(
    r"\b(?:hit|hits|hitting|beat|beats|beating|choked|chokes|choking|hurt|hurts|hurting|threatened|threatens"
    r"|threatening|raped|follows|followed|following|pushed|shoved|slapped|kicked|locked|grabbed|strangled|stalks"
    r"|stalking|watches|controls|kill|drown|throw|punched|punches)\s+me\b|\b(?:wont let|keeps|takes|hides|hid"
    r"|took)\s+(?:\w+\s+)?my\s+(?:pills|meds|medication|klonopin|phone|keys)\b"
    r"|\b(?:my|our)\s+(?:\w+\s+)?(?:window|door|house|job|work|car|place)\b"
    r"|\bme\s+(?:pega|pego|golpea|golpeo|amenaza|amenazo|ahorca|encierra|sigue|va a|quiere"
    r"|mata|empuja|esconde|tira|da|deja)\b|\bi\s+(?:\w+\s+)?(?:want to|will|am going to|gonna|could|keep)\s+"
    r"(?:\w+\s+)?(?:hurt|kill|stab|shoot|strangle|beat|choke|poison)\b|\b(?:lo|la|los|las)\s+(?:mato|voy a)\b"
)


# The texter as a subject at all ("i dont see the point", "ya estoy lista"), counted once the helper's own
# reporting words ("i found", "i think", "she told me") are taken out.
_SELF = re.compile(r"\b(?:i|im|ive|id|ill|me)\b|\b(?:estoy|tengo|quiero|siento|puedo|voy|me|yo|no me)\b")
_WITNESS = re.compile(
    r"\b(?:i|im|ive)\s+(?:just\s+|really\s+|actually\s+|so\s+)?(?:think|thought|found|heard|saw|see|can hear"
    r"|walked in|came home|got home"
    r"|noticed|know|dont know|asked|tried|cant wake|called|am worried|worried|scared|afraid|need|want to help"
    r"|dont know what to do|am driving|driving|have seen|been|do)\b|\b(?:what do i do|what should i do)\b"
    r"|\b(?:told|texted|sent|asked|showed|called|gave|tells|sends|sent)\s+me\b|\bhelp me\b|\bto me\b"
    r"|\b(?:me|nos)\s+(?:dijo|dice|conto|escribio|mando|preocupa|asusta|pidio|pregunto|hablo|enseno|dio)\b"
    r"|\bno se\b|\byo no se\b|\bcreo\b|\bencontre\b|\bvi\b|\bestoy\s+(?:preocupad[oa]|asustad[oa])\b"
    r"|\bno (?:lo|la) puedo despertar\b|\bayudame\b|\bque hago\b"
)
_OPENS_WITH_SOMEONE = re.compile(_OPENING)
# For violence and threats the texter is the one harmed or harming unless the text names someone else in that
# place: "he hits her", "le pega a mi hermana"; "my husband says he'll kill his boss".
_OTHER_HARMED = re.compile(
    r"\b(?:hit|hits|hitting|beat|beats|beating|choked|chokes|choking|hurt|hurts|threatens|threatened|locked"
    r"|slapped|punched|pushed|strangled|raped|abuses|abused|controls|drugging|drugged)\s+(?:her|him|them|my\s+\w+)\b"
    r"|\b(?:le|les)\s+(?:pega|pego|golpea|golpeo|amenaza|amenazo|quita|esconde)\b"
    r"|\b(?:la|lo)\s+(?:golpea|golpeo|amenaza|amenazo|ahorca|ahorco|encierra|encerro|tiene\s+encerrad[ao])\b"
    r"|\b(?:her|his)\s+(?:\w+\s+)?(?:boyfriend|husband|wife|girlfriend|partner|ex)\b"
)
_OTHER_THREATENS = re.compile(
    r"\b(?:he|she|hes|shes)\s+(?:\w+\s+)?(?:going to|gonna|will|wants to|threatening to|threatened to|said|says"
    r"|keeps saying)\s+(?:\w+\s+){0,3}(?:kill|hurt|shoot|stab|beat)\b"
    r"|\b(?:dice|dijo)\s+que\s+(?:va a|lo va a|la va a|los va a)\s+(?:matar|lastimar|balear|apunalar)"
)
_NEEDS_MORE = {"violence": _OTHER_HARMED, "harm_to_others": _OTHER_THREATENS}


def about_someone_else(text: str, category: str | None = None) -> bool:
    """True when `text` (a crisis text of `category`) is about another person at risk, not the texter."""
    s = normalise(text)
    if not _SUBJECT.search(s) or _SELF_AT_RISK.search(s) or _TEXTER_HARMED_OR_HARMING.search(s):
        return False
    if _SELF.search(_WITNESS.sub(" ", s)) and not _OPENS_WITH_SOMEONE.search(s):
        return False
    more = _NEEDS_MORE.get(category or "")
    return more is None or bool(more.search(s))


def someone_in_trouble(text: str) -> bool:
    """Whether `text` has someone else undergoing the emergency ("my son is so out of it", "he wont wake up") and
    not the texter ("i took"): looser than about_someone_else, whose mixed signs ("took my klonopin") route the
    crisis reply to the texter, for choosing the replies that follow it."""
    s = normalise(text)
    return bool(_SUBJECT.search(s)) and not _SELF_AT_RISK.search(s)


# Someone the texter could turn to, named by relation ("my sister", "mi hermana lorena"); not one said in a breath
# with harm, fear, anger or loss ("my dad would kill me", "mi mama que murio"), who is no one to send them to; and
# not a son or daughter, who may be a child.
_TRUSTED = (
    r"mom|mum|mother|dad|father|sister|brother|wife|husband|partner|girlfriend|boyfriend|friend"
    r"|best friend|aunt|uncle|grandma|grandmother|grandpa|grandfather|cousin|roommate|sponsor|buddy|neighbor|neighbour"
)
_TRUSTED_ES = (
    r"mama|madre|papa|padre|hermana|hermano|esposa|esposo|pareja|novia|novio|amiga|amigo|mejor amiga"
    r"|mejor amigo|tia|tio|abuela|abuelo|prima|primo|madrina|padrino"
)
_RELATION = re.compile(rf"\b(?:my ({_TRUSTED})|mi ({_TRUSTED_ES}))\b")
_NOT_A_REFUGE = re.compile(
    r"\b(?:hate|hates|hit|hits|hurt|hurts|kill|yell|yells|angry|mad|scared|afraid|abus\w*|died|dead|passed|lost"
    r"|left|gone|over it|freak|sick of me|done with me|dont talk|doesnt talk|suicid\w*|overdos\w*|took|taken"
    r"|odia|pega|golpea|mata|grita|se tomo"
    r"|enojad\w*|miedo|murio|muerto|muerta|fallecio"
    r"|se fue|no me habla)\b"
)


def trusted_person(texts: list[str] | tuple[str, ...]) -> str:
    """The relation of someone the texter named as a person they have ("sister", "hermana"), newest first; "" when
    none, or when the text that names them speaks of harm, fear or loss."""
    for text in reversed(texts):
        s = normalise(text)
        found = _RELATION.search(s)
        if found and not _NOT_A_REFUGE.search(s):
            return found.group(1) or found.group(2)
    return ""


_SOMEONE = re.compile(rf"\b{_PERSON}|\b(?:he|she|hes|shes|him|her|ella)\b")


def mentions_someone(text: str) -> bool:
    """Whether `text` names a person or says he/she: looser than about_someone_else, for telling danger from someone
    from a texter's own risk."""
    return bool(_SOMEONE.search(normalise(text)))


# Someone else acting on the texter, said the Spanish way, with the doer left in the verb: "me pegó", "me violaron",
# "me dijo q si lo dejo me mata", "no me deja salir", "él me rastrea". A first-person reflexive verb ends in -o
# ("me corto", "me ahorco": the texter's own act), so only forms that cannot be first person count: an accented
# -ó, an -ió or plural ending, a verb of control in the third person, or an unaccented -o beside a time gone by
# ("me ahorco anoche" is "he choked me last night"). Accents are read before they are folded away.
_IMPERSONAL = (
    r"pas|toc|gust|cost|dol|preocup|qued|lleg|funcion|sirv|ayud|recet|baj|sub|cambi|olvid|encant|import|falt"
    r"|afect|calm|relaj|tranquiliz|mejor|empeor|mand|cans|aburr|asust|dur|pic|mare|son|ocurr"
)
_DONE_BY_SOMEONE = re.compile(
    rf"\bme\s+(?!(?:{_IMPERSONAL})ó\b)\w+ó\b"
    r"|\bme\s+(?!(?:rio|lio|fio|guio|envio|cambio|limpio|copio|vacio|enfrio|confio)\b)\w{2,}i[oó]\b"
    r"|\bme\s+\w+(?:aron|ieron)\b|\bme\s+(?:esta|está|estan|están)\s+\w+(?:ando|iendo)\b"
    r"|\bme\s+(?:dijo|hizo|puso|dio|trajo|quiso|tuvo|dejo|dejó)\b"
    r"|\bme\s+(?:pega|golpea|amenaza|persigue|sigue|controla|encierra|esconde|quita|obliga|fuerza|viola"
    r"|manosea|acosa|insulta|jala|empuja|ahorca|agarra|patea|vigila|rastrea|prohibe|prohíbe|raciona|chantajea"
    r"|humilla|escupe|arrastra|maltrata|cela|lastima|revisa|encierran|pegan|golpean|siguen|amenazan)\b"
    r"|\bme\s+(?:tiene|tienen)\s+(?:amenazad|encerrad|vigilad|secuestrad|sin\b)"
    r"|\bno\s+me\s+(?:deja|dejan)\b|\b(?:dice|dijo)\s+(?:q|que)\s+si\b|\bese\s+(?:tipo|hombre|senor|señor|wey|vato|man|cabron|cabrón)\b"
    r"|\b(?:él|el|ella|ellos|ellas)\s+(?:no\s+|ya\s+|siempre\s+|nunca\s+|tambien\s+|también\s+)?me\s+\w+"
)
_PAST = re.compile(
    r"\b(?:anoche|ayer|antier|anteayer|antenoche|hace\s+(?:un|una|unos|unas|\w+)\s+(?:rato|dias|horas|semana\w*"
    r"|mes\w*)|la\s+semana\s+pasada|el\s+otro\s+dia|la\s+otra\s+vez)\b"
)
_ME_VERB_O = re.compile(r"\bme\s+\w+o\b")


def done_to_texter(text: str) -> bool:
    """Whether a Spanish `text` says someone else did or does something to the texter, the doer unnamed: danger
    from someone, not the texter's own act (for telling a danger question from a suicide question)."""
    lowered = text.casefold()
    if _DONE_BY_SOMEONE.search(lowered):
        return True
    s = normalise(text)
    return bool(_PAST.search(s) and _ME_VERB_O.search(s))


def harmed_by_someone(text: str) -> bool:
    """done_to_texter, with nothing of the texter's own act in it: "me echó agua hirviendo en el brazo", not "mi
    mamá me dijo q deje de cortarme" (a self-harm text that reports someone's words)."""
    return done_to_texter(text) and not _SELF_AT_RISK.search(normalise(text))


# The texter striking themselves, the Spanish way: "me pego en la cabeza contra la pared", "me golpeo la cabeza con
# el volante". Unaccented "me pego" is also "he hit me", which the violence rules read: a wall or a wheel says whose.
_HITS_SELF = re.compile(
    r"\bme\s+(?:pego|golpeo|doy\s+(?:golpes|cabezazos|punetazos))\b(?:\s+\w+){0,4}?\s+(?:contra\s+(?:la|el|las|los)"
    r"\s+(?:pared|paredes|piso|puerta|volante|mesa|espejo)|con\s+(?:el|la)\s+(?:volante|pared|puerta|puno|punos))\b"
)


def hits_self(text: str) -> bool:
    """Whether a Spanish text has the texter hitting themselves, and no one else in it ("mi esposo me pego en la
    cabeza contra la pared" is him)."""
    return bool(_HITS_SELF.search(normalise(text))) and not done_to_texter(text) and not mentions_someone(text)
