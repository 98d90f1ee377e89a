"""Harm to others: the texter's own urges, plans or threats to hurt or kill someone else (POLICY.md K3, C5).

Never harm *to* the texter ("he's going to kill me", "me va a matar": violence), never an idiom ("my boss is gonna
kill me", "i could kill for a pizza", "te voy a matar de risa"), a joke ("im going to kill my brother lol"), a petty
grievance ("... he ate my leftovers") or a game, and never a past, resolved one (frames.vetoed).

Someone else's threat against a third person ("my husband says hes going to kill his boss") is here too, so the
helper gets the bystander reply; a threat against the texter or their family by someone else stays violence.
"""

from __future__ import annotations

import re

from service.crisis.vocabulary import Combo, Family, NetPattern, combo, family

# --- English -------------------------------------------------------------------------------------

# Someone else, never "me" or "myself" (that is violence, or suicide and self-harm).
_PEOPLE = (
    r"(?:husband|hubby|wife|partner|spouse|boyfriend|girlfriend|bf|gf|ex|exs|baby daddy|baby mama|dad|father"
    r"|stepdad|stepfather|mom|mother|stepmom|stepmother|son|daughter|stepson|stepdaughter|kid|kids|baby|babies"
    r"|child|children|toddler|newborn|brother|sister|stepbrother|stepsister|roommate|roomie|neighbou?rs?|boss"
    r"|coworkers?|co workers?|manager|supervisor|landlord|dealer|uncle|aunt|cousin|nephew|niece|grandpa|grandma"
    r"|grandfather|grandmother|teacher|coach|friend|in laws|family|fiance|fiancee|doctor|nurse|pharmacist|cop|cops"
    r"|classmates?|cellmate|patients?|bully|rapist|abuser|man|guy|boy|girl|dude|woman|lady|person)"
)
# people outside the family, for someone else's threat (one against the family is violence)
_OUTSIDERS = (
    r"(?:boss|coworkers?|co workers?|manager|supervisor|neighbou?rs?|landlord|dealer|teacher|coach|ex|exs|friend"
    r"|doctor|nurse|pharmacist|cop|cops|classmates?|guy|man|woman|dude|boy|girl|lady)"
)
_TARGET = (
    r"(?:him|her|them|someone|somebody|anyone|anybody|everyone|everybody|people|them all|all of them"
    r"|(?:that|this|the|some) (?:guy|man|woman|dude|bitch|bastard|asshole|prick|kid|girl|boy|lady|person)"
    rf"|(?:my|his|her|their|our|the|that|this|those|these)(?: \w+){{0,2}}? {_PEOPLE})"
    # "hurt her feelings", "kill his vibe": not the person
    r"(?! (?:feelings|pride|ego|chances|reputation|career|business|vibe|mood|buzz|case|credit|score)\b)"
)
# a body part of someone else: "break his jaw", "smash her face in", "slam my sons head"
_THEIR = r"(?:his|her|their|that \w+s|(?:my|the)(?: \w+)? \w+s)"
_PART = r"(?:jaw|legs?|neck|face|skull|head|nose|arms?|teeth|ribs|knees?)"
# the gate of the families built on _ACT and _ACTING: a stem of every alternative
_ACTS = (
    "kill|murder|hurt|harm|stab|shoot|strangl|chok|smother|suffocat|poison|drug|drown|attack|beat|punch|slap|hit"
    "|whoop|unaliv|slash|shak|push|shov|pull up|end|run|break|smash|bash|cave|crack|split|slit|cut|put|burn|bleed"
    "|pillow|slam|rid"
)
_VERB = (
    r"(?:kill|murder|hurt|harm|stab|shoot|strangle|choke|choke out|smother|suffocate|poison|drug|drown|attack"
    r"|beat up|beat|punch|slap|hit|whoop|unalive|slash|shake|push|shove|pull up on)"
)
_VERBING = (
    r"(?:killing|murdering|hurting|harming|stabbing|shooting|strangling|choking|smothering|suffocating|poisoning"
    r"|drugging|drowning|attacking|beating|punching|hitting|slashing|shaking|pushing|shoving)"
)
# not an act on a person: "shoot him a text", "hit her up", "push my son to do better", "hurt her feelings"
_NOT_AN_ACT = (
    r"(?! (?:a|an) (?:text|message|email|dm|line|look|call|note)\b| (?:up|off|loose|harder)\b"
    r"| to (?:do|be|try|get|go|apply|study|work|finish|eat|sleep|open|take|talk|see|call)\b)"
)
_ACT = (
    rf"(?:{_VERB} {_TARGET}|end (?:him|her)|run {_TARGET} over|beat the (?:shit|crap|hell|life) out of {_TARGET}"
    rf"|(?:break|smash|bash|cave|crack|split|beat) {_THEIR} {_PART}|(?:slit|cut) {_THEIR} throat|make (?:him|her"
    r"|them) bleed|put (?:him|her|them) (?:in the ground|in the hospital|six feet under|in a wheelchair|through"
    r" (?:a|the) (?:window|wall))|burn (?:his|her|their|the) (?:house|car|place|truck|apartment)(?: down)? with"
    rf" (?:him|her|them) in(?:side)?(?: it)?|(?:put|hold) a pillow over {_THEIR} face)\b{_NOT_AN_ACT}"
)
_ACTING = (
    rf"(?:{_VERBING} {_TARGET}|(?:cutting|slitting) {_THEIR} throat|(?:putting|holding) a pillow over {_THEIR} face"
    rf"|(?:slamming|smashing|bashing|breaking) {_THEIR} {_PART}|putting (?:him|her|them) (?:in the ground|in the"
    rf" hospital|six feet under|through (?:a|the) (?:window|wall))|running {_TARGET} over)\b{_NOT_AN_ACT}"
)
# nobody else is the subject of the intent: "hes going to kill her" is someone else's (violence, or a bystander's)
_NO_OTHER_SUBJECT = (
    r"(?<!he )(?<!she )(?<!hes )(?<!they )(?<!theyre )(?<!is )(?<!are )(?<!was )(?<!were )(?<!who )(?<!not )"
    r"(?<!dont )(?<!never )(?<!wont )(?<!someone )(?<!somebody )(?<!you )"
)
_ADVERBS = (
    r"(?: (?:really|just|seriously|honestly|actually|literally|so|fucking|totally|definitely|probably|finally"
    r"|swear|to god))*"
)
_INTENT = (
    r"(?:going to|about to|ready to|want to|need to|have to|plan to|planning to|tempted to|trying not to"
    r"|fixing to|ill|i will|i might|i swear ill|(?:going|coming|heading|driving) (?:back|over|there|over there)"
    r"(?: \w+){0,2}? to)"
)
# "going to go over there and shoot that boy", "im going to find him and end him", "slash his tires then slash him"
_ON_THE_WAY = r"(?:(?: \w+){1,8}? (?:and|then))?"
# thoughts and urges, not denied: "ive had thoughts of hurting my baby" but not "no thoughts of hurting anyone"
_URGE = (
    r"(?<!no )(?<!not )(?<!never )(?<!dont )(?<!any )(?<!cant )(?<!never had )(?:thinking (?:about|of)"
    r"|thought (?:about|of)|thoughts (?:about|of)|urges? (?:about|of)|fantasi[sz]\w* about|think about"
    r"|dreaming (?:about|of)|feel like|(?:so |this )?close to|picturing|imagining|imagine|all i can think about is"
    r"|stopping me from|stop me from)"
)
_WEAPONS = (
    "gun|pistol|rifle|shotgun|glock|9mm|strap|piece|knife|knives|blade|machete|bat|hammer|axe|hatchet|crowbar"
    "|iron|pipe|gas|poison|weapon"
)
_WEAPON = (
    r"(?:gun|guns|pistol|rifle|shotgun|glock|9mm|strap|piece|knife|knives|blade|machete|bat|hammer|axe|hatchet"
    r"|crowbar|tire iron|pipe|gasoline|gas can|rat poison|poison|weapon)"
)
# food and drink someone else will have: "my roommates food", "his coffee"
_THEIR_FOOD = r"(?:his|her|their|my(?: \w+)? \w+s) (?:food|coffee|drink|tea|soup|water|dinner|meal|juice|plate)\b"

# --- Spanish -------------------------------------------------------------------------------------

# the texter's wish, plan or urge ("voy a", "tengo ganas de", "se me pasa por la mente") and the act on someone: a
# clitic in the verb, "a"/"al" and the person, or a phrase with its own "le" ("partirle la madre")
_ES_WANT = (
    r"(?<!me )(?<!nos )(?<!se )(?:voy a|boi a|vamos a|quiero|kiero|quisiera|tengo ganas de|me dan ganas de"
    r"|me dieron ganas de|me dan impulsos de|ando con ganas de|ganas de|estoy a punto de|pienso|pensando"
    r"|pensamientos de|planeo|no dejo de pensar en|me imagino|imaginando|se me pasa (?:por|x) la mente|miedo de"
    r"|miedo a|me estoy conteniendo para no|aguantando (?:pa|para) no|sonado (?:despierto )?con|voy a ir a)"
)
_ES_DO = (
    r"(?:matar|golpear|pegar|lastimar|herir|apunalar|acuchillar|ahorcar|estrangular|balear|balacear|disparar"
    r"|envenenar|ahogar|atropellar|empujar|aventar|madrear|reventar|quemar|sacudir|desaparecer|hacer dano"
    r"|agarrar a golpes|matando|golpeando|pegandole|ahorcando|lastimando|empujando|sacudiendo|ahogando"
    r"|estrangulando|atropellando)"
)
_ES_BLOW = r"(?:un|una|unos|unas) (?!golazo)(?:\w+azos?|golpiza|putiza|madriza|tiro|tiros|cuchillo)"
_ES_DO_TO_HIM = (
    r"(?:partir(?:le|les) la (?:madre|cara|cabeza)|romper(?:le|les) (?:la|las|los|todos los) (?:cara|cabeza|madre"
    r"|piernas|huesos)|hacer(?:le|les) (?:mas )?(?:dano|algo)|sacar(?:le|les) los ojos|clavar(?:selo|sela|le)"
    rf"|tapar(?:le|les) la boca|dar(?:le|les) en (?:la|su) madre|meter(?:le|les) {_ES_BLOW}|echar(?:le|les)"
    r" (?:acido|el carro encima)|pegar(?:le|les)|dar(?:le|les) (?:con el|con la|hasta que)|(?:quemar|echar(?:le)?"
    r" gasolina a)(?: \w+){1,3}? con (?:el|ella|ellos|ellas) (?:adentro|dentro))"
)
_ES_WHOM = (
    r"(?:(?:lo|la|los|las|le|les|selo|sela)\b|(?: \w+){0,3}? (?:a|al) (?!mi mism|besos|cosquillas|risa|golpes de risa"
    r"|tiempo|respecto|final|dia|rato|diario)\w+)"
)
# the gate of the Spanish intent family: a stem of every alternative of _ES_DO and _ES_DO_TO_HIM
_ES_ACTS = (
    "matar|matando|golpe|pegar|pegand|lastim|herir|apunal|acuchill|ahorca|estrangul|balea|balacea|dispar|envenen"
    "|ahog|atropell|empuj|aventar|madrear|reventar|quemar|sacudi|desaparecer|dano|partir|romper|hacerle|hacerles"
    "|sacar|clavar|tapar|darle|darles|meter|echar"
)
_ES_THEY_DO = r"(?:matar|balear|balacear|apunalar|acuchillar|envenenar|disparar)"
_ES_WEAPON = (
    r"(?:pistola|fusca|cuchillo|navaja|machete|bate|bat|tubo|palo|fierro|escopeta|rifle|revolver|martillo|hacha"
    r"|tijeras|desarmador|llave de cruz|9mm|gasolina|acido|veneno|arma)"
)
_ES_WEAPONS = (
    "pistola|fusca|cuchillo|navaja|machete|bate|bat|tubo|palo|fierro|escopeta|rifle|revolver|martillo|hacha"
    "|tijeras|desarmador|llave|9mm|gasolina|acido|veneno|arma|con que|con q"
)

# --- specific families ---------------------------------------------------------------------------

FAMILIES: tuple[Family, ...] = (
    # an intent, plan or threat: "im going to kill him", "i want to kill my wife", "gonna stab my stepdad"
    family(
        _ACTS,
        rf"\b{_NO_OTHER_SUBJECT}{_INTENT}{_ADVERBS}{_ON_THE_WAY} {_ACT}",
        rf"\bim {_ACTING}",  # "if he comes near me again im killing him"
    ),
    # urges and thoughts: "i keep thinking about hurting my roommate", "urges to shake her", "picturing pushing"
    family(
        _ACTS,
        rf"\b{_URGE} {_ACTING}",
        rf"\b(?<!no )(?<!not )(?<!never )(?<!any )urges? to {_ACT}",
        rf"\b(?:thinking|thought|planning|figuring out)(?: about)? how (?:to|i could|id|i would|i can|i will)"
        rf"(?: get rid of| {_VERB}) {_TARGET}\b",
    ),
    # so angry they could, and mean it: "i could kill someone rn and i mean that literally"
    family(
        _ACTS,
        rf"\bi could(?: \w+)? {_ACT}(?: \w+){{0,3}}? (?:for real|literally|not joking|no joke|and i mean it"
        r"|i mean it|i mean that|seriously|serious)\b|\b(?:so angry|so mad|so pissed|enraged|furious|the rage)"
        rf"(?: \w+){{0,3}}? i could {_ACT}",
    ),
    # afraid of what they might do: "scared ill hurt my baby", "i dont trust myself around my kids"
    family(
        "scared|afraid|worried|terrified|trust myself|miedo",
        r"\b(?:scared|afraid|worried|terrified)(?: that)? (?:i|ill|im going to|i might|i will|i could)"
        rf"(?: \w+){{0,3}}? (?:hurt|kill|harm|shake|snap and hurt|lose it and hurt) {_TARGET}\b",
        r"\b(?:scared|afraid|terrified) of what (?:im going to|i might|i will|ill|i could) do to"
        rf" {_TARGET}\b|\bdont trust myself (?:around|with|near|alone with) {_TARGET}\b",
        r"\bmiedo (?:de|a) lo que (?:le|les) (?:pueda|vaya a|puedo) hacer\b",
    ),
    # a weapon for someone, or taken along: "bought a gun to shoot my ex", "waiting for him with a bat",
    # "coming back with my dads rifle", "bringing my gun to the plant"
    family(
        f"{_WEAPONS}|{_ES_WEAPONS}|use it on|shoot up",
        rf"\b(?:got|have|bought|grabbed|loaded|sharpened|took|brought|hid|keeping|getting)(?: \w+){{0,2}}? {_WEAPON}"
        rf"(?: \w+){{0,4}}? (?:for|to use on|to (?:kill|shoot|stab|hurt|finish)) {_TARGET}\b",
        rf"\bwait(?:ing)? (?:for|on) {_TARGET}(?: \w+){{0,4}}? with (?:a|my|the) {_WEAPON}\b",
        rf"\b(?:want to|going to|need to|about to) use it on {_TARGET}\b",
        rf"\b(?:coming back|come back|going back|go back|showing up|show up) with(?: \w+){{0,2}}? {_WEAPON}\b",
        rf"\b(?:regreso|vuelvo|voy a regresar|voy a volver) con(?: \w+){{0,2}}? {_ES_WEAPON}\b",
        rf"\b(?:bring|bringing|take|taking)(?: \w+){{0,2}}? {_WEAPON}(?: \w+){{0,2}}? (?:to|into) (?:school|work"
        r"|the plant|the office|class|my school|my work|the school|church)\b|\bbringing (?:my|a|the) "
        rf"{_WEAPON} (?:tomorrow|tonight)\b",
        rf"\b{_URGE} (?:bringing|grabbing|getting|taking|coming back with|going back with|showing up with)"
        rf"(?: \w+){{0,2}}? {_WEAPON}\b",
        r"\bshoot up (?:the|my|his|her|a|that|this|their) (?:school|work|office|church|mall|party|building|place"
        r"|store|plant|class)\b",
    ),
    # poison or pills in someone's food: "put rat poison in my roommates food", "crushing my klonopin into his coffee"
    family(
        "food|coffee|drink|tea|soup|water|dinner|meal|juice|plate",
        r"\b(?:poison|poisoning|rat poison|antifreeze|bleach|drug|drugging|my (?:klonopin|pills|meds|bars|benzos)"
        r"|(?:put|putting|slip|slipping) something)"
        rf"(?: \w+){{0,3}}? (?:(?:in|into|for) )?{_THEIR_FOOD}",
    ),
    # someone else's threat against a third person, for the bystander reply: "my husband says hes going to kill
    # his boss" (a threat to the texter or their family is violence)
    family(
        "kill|shoot|stab|murder",
        r"\b(?:says|said|saying|keeps saying|swears|swore|threatened|threatening|threatens|wants to)(?: that)?"
        r"(?: (?:hes|shes|hell|shell|he will|she will|hed|shed|he is|she is|he|she|theyre|theyll))?(?: going)?"
        rf" (?:to )?(?:kill|shoot|stab|murder) (?:(?:his|her|their)(?: \w+){{0,2}}? {_PEOPLE}|(?:our|the|that)"
        rf"(?: \w+)? {_OUTSIDERS}|someone|somebody|people|everyone|everybody)\b",
    ),
    # Spanish, an intent or an urge: "voy a matar a mi esposo", "tengo ganas de golpear a mi hijo"
    family(
        _ES_ACTS,
        rf"\b{_ES_WANT}(?: \w+){{0,5}}? (?:{_ES_DO_TO_HIM}|{_ES_DO}{_ES_WHOM})",
    ),
    # Spanish, the person first: "lo voy a matar", "le voy a dar un balazo", "le voy a dar en la madre"
    family(
        "voy a|vamos a|quiero|tengo que|pienso",
        r"\b(?:lo|la|los|las|le|les) (?:voy a|vamos a|quiero|tengo que|pienso|voy a ir a) (?:matar|apunalar"
        r"|acuchillar|ahorcar|estrangular|balear|balacear|disparar|golpear|atropellar|reventar|quemar|envenenar"
        r"|sacudir|ahogar|madrear|dejar en silla de ruedas|dar (?:un|una|unos) (?:\w+azos?|tiro|leccion|golpiza)"
        r"|dar en (?:la|su) madre|dar con (?:el|la|un|una)|meter (?:un|una|unos) (?!golazo)(?:\w+azos?|tiro|cuchillo"
        r"|golpiza)|romper (?:la|las|los|todos los) (?:cara|cabeza|madre|piernas|huesos|brazos)|partir la (?:madre"
        r"|cara|cabeza)|rajar la cara|clavar|hacer pagar|echar acido|prender fuego|quemar la casa|aventar el carro"
        r"|sacar los ojos|tapar la boca|pegar con)\b(?! de (?:risa|gusto)\b)",
    ),
    # Spanish, a threat in the present: "si la veo con el otro los mato", "le parto la cabeza", "le doy un navajazo"
    family(
        "mato|apunalo|reviento|quemo|ahorco|atropello|estrangulo|acuchillo|parto|rompo|quiebro|clavo|entierro"
        "|meto|doy|prendo|pego|golpeo|lastimo",
        # "lo mato" is also "he killed him" once accents are gone ("cuando se enoja le pego" is a report): only
        # as a threat ("si ...", "a ese tipo ...")
        r"\bsi (?:\w+ ){1,10}?(?:lo|la|los|las) (?:mato|apunalo|reviento|quemo|ahorco|atropello|estrangulo"
        r"|acuchillo|parto)\b(?! de (?:risa|hambre|un susto|aburrimiento|gusto|trabajo)\b)|\b(?:a ese|a esa)"
        r" \w+ (?:lo|la) (?:mato|apunalo|reviento|quemo)\b|\bsi (?:\w+ ){1,10}?mato a (?:la|el|ese|esa"
        r"|mi|su|todos|los) \w+",
        r"\b(?:lo|la|los|las) (?:busco|espero|voy a buscar|voy a esperar)(?: \w+){0,5}? y (?:lo|la|los|las) (?:mato"
        r"|apunalo|reviento|quemo|ahorco|parto|acuchillo)\b|\b(?:lo|la|los|las) reviento\b"
        r"|\b(?:le|les) (?:parto|rompo|quiebro) (?:la|las|los) (?:cabeza|cara|madre|piernas|huesos|brazos)\b"
        r"|\b(?:le|les) (?:entierro|meto) (?:el|la|las|los|un|una) (?:cuchillo|navaja|tijeras|desarmador|machete"
        r"|balazo|tiro|plomazo|navajazo|fierro)\b|\b(?:le|les) doy (?:un|una) (?:balazo|tiro|plomazo|navajazo"
        r"|cuchillazo|fierrazo|madrazo|putazo)\b|\b(?:le|les) prendo fuego\b"
        r"|\bimagin\w* como (?:le|lo|la) (?:pego|golpeo|mato|ahorco|lastimo)\b"
        r"|\bsi (?:\w+ ){1,10}?le (?:pego|clavo)\b(?! (?:un|una) (?:grito|susto|ojo|vistazo|llamada)\b)",
    ),
    # Spanish, poison in someone's food: "le voy a poner todas mis clonas en el cafe", "se lo pongo en la comida"
    family(
        "echa|echo|pon|pong",
        r"\b(?:echar|echarle|echando|echo|poner|ponerle|poniendo|pongo|pienso poner|voy a poner|voy a echar"
        r"|le pienso poner)(?: \w+){0,3}? (?:mis |las |todas mis |sus )?(?:pastillas|clonas|rivos|rivotril"
        r"|pildoras|veneno|algo|matarratas)(?: \w+){0,4}? (?:en|al|a la) (?:el |la |su )?(?:cafe|comida|bebida|te"
        r"|sopa|jugo|agua|cena)\b|\bse (?:lo|la) (?:pongo|echo) en (?:la|el|su) (?:comida|cafe|bebida|sopa)\b",
    ),
    # Spanish, someone else's threat, for the bystander reply: "mi hijo dice que va a matar a su ex", "dice que lo
    # va a matar" ("dice que me va a matar" is violence)
    family(
        "dice|dijo|diciendo|quiere",
        r"\b(?:dice|dijo|anda diciendo|quiere)(?: que)? (?:(?:lo|la|los|las|les) va a"
        rf" {_ES_THEY_DO}|(?:va a )?{_ES_THEY_DO}(?:lo|la|los|las|les)?(?:(?<=lo|la|os|as|es)\b| (?:a|al)"
        r" (?!mi\b|mis\b)\w+))",
    ),
)

# Signals that mean harm to someone only together (COMBOS): a weapon the texter holds, a way to the person, knowing
# where they are, a veiled threat; in English and Spanish ("tengo el bat debajo de la cama || tonight hes done").
# A weapon someone else holds is not one: "hes outside my house with a gun" is violence ("my house" is no way to
# someone else, and "he got" is his).
_HOLDING = (
    r"\b(?<!he )(?<!she )(?<!hes )(?<!shes )(?<!they )(?<!theyre )(?:have|got|holding|hold|bringing|brought"
    r"|grabbed|grabbing|getting|loaded|sharpening|sharpened|packing|carrying|taking|took out|bought|picked up"
    rf"|with)(?: \w+){{0,3}}? {_WEAPON}\b(?! (?:set|sharpener|block|range|safe|license|class|show|for (?:the"
    r" kitchen|cooking|hunting|the range|camping|fishing))\b)|\bmy (?:\w+ )?(?:gun|pistol|rifle|shotgun|glock)"
    rf" is loaded\b|\b{_WEAPON} (?:is )?(?:in my (?:hand|pocket|hoodie|bag|backpack|truck|car|trunk|glovebox"
    r"|waistband)|already in my bag|loaded)\b"
    r"|\b(?:tengo|traigo|traje|llevo|llevar|ya tengo|agarre|agarrar|compre|voy con|ando con|regreso con|vuelvo con"
    rf"|con (?:un|una|el|la|mi)|voy a llegar con)(?: \w+){{0,4}}? {_ES_WEAPON}\b|\b{_ES_WEAPON}(?: de \w+)?"
    r" (?:cargad[ao]|list[ao]|en la mano|en la mochila|en la troca|en el auto|en el carro|debajo)\b"
    r"|\b(?:ando|voy|vamos|unos compas|estoy) armad[oa]s?\b|\btengo con (?:que|q)\b"
)
_TOWARD = (
    r"\b(?:going|heading|driving|walking|on my way|pulling up|going back|coming back|go) (?:over )?(?:there|to"
    r" (?:his|her|their|my exs) (?:house|place|job|work|office|school|apartment|gym))\b"
    r"|\boutside (?:his|her|their|my exs|the \w+s|that \w+s|the gym|her moms house|his moms house)"
    r"(?: (?:house|place|job|work|apartment|door|gym|office))?\b|\bwait(?:ing)? (?:for|on|in) (?:him|her|them|the"
    r" guy|the lot)\b|\bwhen (?:he|she) (?:gets home|walks in|comes home|gets off|wakes up|comes back|walks"
    r" through)\b|\b(?:my|his|her) (?:brother|sister|dad|mom|son|daughter|wife|husband|roommate) is asleep\b"
    r"|\buse it on\b|\b(?:the|that) (?:guy|man|woman) who\b|\bcant stop thinking about it\b|\bim done talking\b"
    r"|\bafuera de (?:su|la) (?:casa|trabajo|chamba|escuela)\b|\b(?:voy|ando|me voy|ya voy|boi) (?:pa|para|a|x|por)"
    r" (?:su casa|alla|la casa de|el trabajo de|la escuela|su cuarto|el|ella)\b|\b(?:lo|la) (?:espero|estoy"
    r" esperando|ando buscando|voy a esperar|voy a buscar|busco)\b|\bvoy a esperar a\b|\besperando (?:a )?(?:q|que)"
    r" (?:salga|llegue)\b|\b(?:ir a )?buscar(?:lo|la|los|las)?\b(?: (?:al|a ese|a esa) \w+)?|\bcontra (?:el|la|mi"
    r"|su) \w+\b|\busarlo contra\b|\bsi sale\b|\bmi \w+ esta (?:afuera|dormid[oa])\b"
)
_KNOWS = (
    r"\bi know where (?:he|she|they) (?:lives|live|stays|parks|works|sleeps|hangs out|hang out|goes|is)\b"
    r"|\bi know where (?:his|her|their) (?:office|house|place|job|car|work|truck) is\b|\b(?:his|her) address\b"
    r"|\bi know (?:his|her|their) (?:car|truck|parking spot|schedule|shift)\b|\bknow when (?:he|she) (?:gets off"
    r"|leaves|gets home)\b|\b(?:ya )?se (?:donde (?:vive|trabaja|esta|para|estaciona|duerme|es)|a (?:q|que) hora"
    r" (?:sale|cierra|llega)|quien es|con quien)\b|\b(?:su|tengo su) direccion\b"
)
_PAYBACK = (
    r"\b(?<!i )(?<!im )(?<!ill )(?<!you )(?<!youre )(?<!were )(?<!we )(?:going to|gonna) (?:pay|learn|regret it"
    r"|find out)\b|\b(?:hell|shell|theyll|he will|she will|they will) (?:regret it|pay|see|find out|learn)\b"
    r"|\bmake (?:him|her|them|\w+) pay\b|\bteach (?:him|her|them|my \w+) a lesson\b|\bwont see me coming\b"
    r"|\b(?:hes|shes|theyre) (?:done|dead|not walking away|getting (?:stabbed|shot|hurt|jumped|what))\b"
    r"|\bnot walking away\b|\bwhat (?:he|she|they) deserves?\b|\bnothing to lose\b"
    r"|\bme (?:las|la) (?:va|van) a pagar\b|\bme (?:las|la) paga\b|\bse las cobro\b|\bse la va a ver conmigo\b"
    r"|\ba ver quien se rie\b|\bno pasa de (?:esta noche|hoy|manana)\b|\bvea lo que le pasa\b|\bse va a arrepentir\b"
    r"|\ble (?:voy a )?hago pagar\b|\bse (?:acabo|acaba)\b|\bya vas a ver\b|\blo que se merece\b|\bse quema su casa\b"
    r"|\b(?:es|son) para (?:el|ella)\b|\b(?:pa|para|pa q|para que) (?:me las paguen|picar|matar|reventar|apunalar"
    r"|quemar|balear|darle|tirar|echar|clavar|usar)(?:lo|la|los|las|le|selo|sela)?\b|\bno respondo\b"
    r"|\b(?:hacerle|hacerles) (?:dano|algo)\b|\bpodria (?:matar|lastimar|hacerle dano) a\b"
)
# Harm done just now, and the urge to go on: "already hit my girlfriend once tonight and i want to do it again"
_DID_HARM = (
    r"(?:^|\bi|\balready|\bjust)(?: \w+){0,2}? (?:hit|punched|pushed|shoved|choked|slapped|shook|kicked"
    rf"|strangled|smothered|grabbed|threw)(?: \w+){{0,2}}? (?:him|her|them|my (?:\w+ )?{_PEOPLE})\b"
    r"|\bhad my hands (?:around|on) (?:his|her) (?:neck|throat)\b|\bheld a pillow over\b|\bgrabbed (?:him|her"
    r"|my \w+) by the (?:throat|neck)\b|\b(?:le pegue|le solte un golpe|le levante la mano|le apret\w+"
    r"|empuje a|golpee a|casi (?:ahorco|mato|le pego|le doy|apunalo|lo hago|la ahorco|lo ahorco)|ya (?:lo|la)"
    r" (?:zamarree|agarre)|ya le (?:avente|pegue))\b"
)
_MORE = (
    r"\b(?:do it again|do worse|keep going|do it harder|want to do more|almost did|nearly did|feel it building"
    r"|it scares me|scared of myself|i hate that|wont stop)\b|\b(?:quiero|queria|quise) seguir\b|\blo voy a"
    r" (?:volver a )?hacer\b|\bsigo con ganas\b|\bno me (?:puedo|pude) controlar\b|\bsiento lo mismo\b"
    r"|\bme dan ganas de hacerle\b"
)

COMBOS: tuple[Combo, ...] = (
    combo(_WEAPONS + "|" + _ES_WEAPONS + "|armad", _HOLDING, rf"{_TOWARD}|{_KNOWS}|{_PAYBACK}"),
    combo(
        "pay|learn|regret|find out|see|lesson|coming|done|dead|getting|walking away|deserve|lose|pagar|paga|cobro|ver"
        "|rie|pasa de|pasa|arrepentir|acab|merece|quema|para el|para ella|pa |para |respondo|dano|algo|podria",
        _PAYBACK,
        rf"{_TOWARD}|{_KNOWS}",
    ),
    combo(
        "hit|punch|push|shov|chok|slap|shook|kick|strangl|smother|grab|threw|hands|pillow|pegue|golpe|levante|apret"
        "|empuje|golpee|casi|zamarree|agarre|avente",
        _DID_HARM,
        _MORE,
    ),
)

# --- safety net ---------------------------------------------------------------------------------

NET: tuple[NetPattern, ...] = (
    # the texter with a wider gap before the act: "i swear to god tonight i kill him"
    r"\b(?:i|im|ill)(?: (?!(?:dont|not|never|wont|wouldnt|would|didnt|cant|couldnt|no|doesnt|isnt|he|she|hes|shes"
    r"|they|theyre|hell|shell|someone|somebody|is|are)\b)\w+){0,4}? (?:kill|murder|stab|shoot|strangle|smother"
    rf"|poison) (?:him|her|them|my (?:\w+ )?{_PEOPLE})\b(?! (?:feelings|off|up)\b)",
    # "hes getting stabbed tonight", "the guy who sold me fake bars is getting stabbed"
    r"\b(?:hes|shes|theyre|is|are) (?:getting|gonna get|going to get|about to get) (?:stabbed|shot|killed|merked"
    r"|smoked|capped|wet up)\b",
)
NET_COMBOS: tuple[tuple[NetPattern | tuple[NetPattern, ...], ...], ...] = ()

# A joke or a petty grievance is hyperbole, not an urge: "im going to kill my brother lol he ate my leftovers";
# a game is not a person.
_NOT_MEANT = re.compile(
    r"\b(?:lol|lmao|lmfao|haha\w*|jaja\w*|jeje\w*|jsjs\w*|xd|jk|jking|just kidding|(?<!not )kidding|(?<!not )joking"
    r"|no es cierto|es broma)\b|\b(?:ate|eats|eating|finished|drank|took|stole|used|borrowed|spoiled|spoils) my"
    r" (?:\w+ )?(?:food|leftovers|snacks?|fries|lunch|cake|pizza|dessert|chips|candy|cookies|coffee|charger|hoodie"
    r"|shirt|clothes|makeup|remote|parking spot|show|ending)\b|\bspoil\w*|\bleft the (?:dishes|toilet seat|lights"
    r"|door)\b|\bsnoring\b|\b(?:if|when) (?:he|she|they) (?:is late|are late|forgets?|eats?|spoils?|wakes? me)\b"
    r"|\b(?:game|games|gaming|ranked|warzone|fortnite|minecraft|among us|call of duty|raid|match|videojuego|juego"
    r"|partida)\b"
)
_ARMED = re.compile(rf"\b(?:{_WEAPON}|{_ES_WEAPON})\b")


def not_meant(s: str) -> bool:
    """A joke, a petty grievance or a game, unless a weapon is named ("lol ... hammers already in my bag")."""
    return bool(_NOT_MEANT.search(s)) and not _ARMED.search(s)
