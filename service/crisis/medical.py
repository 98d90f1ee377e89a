"""Medical emergencies: seizures, someone collapsed or not breathing, chest pain, confusion while stopping."""

from __future__ import annotations

import re

from service.crisis.normalise import normalise
from service.crisis.vocabulary import PERSON, Combo, Family, NetPattern, family

# --- specific families ---------------------------------------------------------------------------

FAMILIES: tuple[Family, ...] = (
    # seizures (present or just now; bare "seizure" is usually a question about one), shaking on the floor
    family(
        "seiz|siez|seis|convuls|grand mal|fit|shak|eyes|foam|jerk|twitch|floor|ground|moving",
        r"\b(?:having|in|going into|another|(?:has|had) (?:a|an|another))(?: (?:a|an|another|some|bad|big"
        r"|major|massive|huge))* (?:seizures?|siezures?|seisures?|seizur|grand mal|convulsions?)\b",
        r"\b(?:having|is having|keeps having|started having)(?: a)? fits?\b(?! (?:of|about|over|when)\b)",
        r"\b(?:seizing|seizeing|convulsing)\b(?! the (?:day|moment|opportunity))",
        r"\bshaking (?:all over|uncontrollably|violently|and (?:wont|cant|not|isnt))\b",
        r"\beyes (?:rolled|rolling|are rolling|went) back\b|\bfoaming at the mouth\b",
        r"\b(?:jerking|twitching) (?:and|uncontrollably|all over)\b",
        r"\b(?:shaking|jerking|twitching|seizing) on the (?:floor|ground)\b"
        r"|\bon the (?:floor|ground)(?: \w+)? (?:shaking|jerking|twitching|not moving)\b",
        r"\b(?:fell|collapsed|on the floor|passed out)(?: \w+){0,3}? (?:isnt|not|stopped|hasnt been) moving\b",
    ),
    # breathing absent, slow (4 times a minute), shallow, gurgling, stopping; choking on vomit
    family(
        "breath|gasp|rattl|choking|snor",
        r"\b(?:not|isnt|stopped|barely|hardly|cant|struggling|trouble|wasnt|hard to|difficulty)"
        r"(?: \w+)?? breath(?:e|ing)\b"
        r"(?! (?:exercises?|techniques?|treatments?|machine|apps?|stuff|practice|through (?:my|his|her|the) nose))",
        r"\bcant catch (?:my|his|her|their) breath\b|\bgasping\b|\b(?:cant|can not|not) breath\b",
        r"\bbreathing (?:is )?(?:really |very |so |super )?(?:slow|slowly|shallow|weird|funny|strange"
        r"|wrong|irregular)\b",
        r"\bbreathing (?:has |had |just |keeps |kept |keeps on )?(?:stopped|stops|stopping|paused|pauses|pausing"
        r"|slowed|slowing)\b",
        r"\b(?:breathing|breathes|breaths?)(?: \w+){0,2}? (?:[1-6]|one|two|three|four|five|six|a few|a couple(?: of)?"
        r"|couple) (?:times|breaths)"
        r" (?:a|per|every) minute\b|\b(?:[1-8]|one|two|three|four|five|six|seven|eight) breaths (?:a|per) minute\b"
        r"|\bbreath\w*(?: \w+){0,3}? (?:once )?every (?:1\d|[2-9]\d|ten|fifteen|twenty|thirty) seconds\b",
        r"\b(?:hes|shes|he is|she is|theyre|they are|is)(?: \w+){0,2}? shallow breath(?:s|ing)\b",
        r"\bbreath\w*(?: \w+){0,3}? (?:gurgl\w*|rattl\w*)|\bdeath rattle\b",
        r"\bchoking on (?:his|her|their|my)(?: own)? (?:vomit|puke|throw up|sick)\b",
        r"\bsnoring (?:weird|funny|strange|loud and)\b",
    ),
    # blue or grey lips and skin
    family(
        "blu|purpl|gray|grey|lips",
        r"\b(?:lips|face|skin|fingers|fingertips|fingernails|nails|mouth)(?: (?:are|is|look|looks"
        r"|looking|turning|turned|going|gone|r|so|kinda|a bit))* (?:blue|bluish|purple|purplish|gr[ae]y)\b",
        r"\blips (?:are |look |r |turned |turning |going )?(?:so |really |very )?(?:white|pale|ashen)\b",
        r"\b(?:turning|turned|gone) (?:blue|purple)\b|\bblue lips\b"
        r"|\b(?:blue|purple) (?:around|round|on) (?:the|his|her|their) (?:mouth|lips|face)\b",
    ),
    # can't wake or get someone up, won't open eyes, unresponsive, collapsed, limp ("i just wont wake up": suicide)
    family(
        "wake|rouse|cant get|eyes|come to|waking|coming to|respons|conscious|concious|consious|respond|answer"
        "|passed out|faint|passing out|collaps|blacked out|blacking out|limp",
        r"\b(?:cant|couldnt|unable to|tried to|trying to|not able to)(?: get)? (?:wake|waken|rouse) "
        r"(?!up\b|me\b|myself\b)\w+",
        r"\bcant get (?!me\b|myself\b)\w+(?: \w+)? to (?:wake|respond|come to)\b",
        r"\bcant get (?!it\b|me\b|myself\b)(?:him|her|them|my \w+|\w+) (?:up|to (?:move|open (?:his|her|their)"
        r" eyes|sit up|answer))\b(?! (?:for|in the morning|in time|on time|early|before|till|until|out of bed))",
        r"\bcant get (?:a|any) (?:response|reaction) (?:out of|from) (?:him|her|them|my \w+)\b",
        r"\b(?:wont|cant|not|isnt|doesnt|didnt|wouldnt) open(?:ing)? (?:his|her|their) eyes\b",
        # not "i wont wake up" (suicide) nor "ok with not waking up"
        r"\b(?!(?:i|im|ive|ill|you|we|alarm|with|about|of|by|for|like|at|to|ok|okay|fine)\b)(?<!\bi )\w+"
        r" (?:(?:wont|will not|doesnt|didnt|still wont) (?:wake"
        r"|come to)|(?:isnt|not|stopped) (?:waking|coming to))\b"
        r"(?!(?: up)? (?:for|in time|on time|early|before|till|until)\b)",
        r"\b(?:unresponsive|not responsive|unconscious|unconcious|unconsious|(?:barely|hardly|semi) conscious)\b",
        r"\b(?:not|isnt|wont|doesnt|stopped|no longer)(?: \w+)?? (?:respond|responding|answering me"
        r"|answer me)\b(?! to (?:my |me |)(?:texts?|messages?|calls?|emails?|dms?))",
        r"\bpassed out (?:and |but )?(?:wont|cant|isnt|not|hasnt|still)\b",
        r"\b(?<!until i )(?<!till i )(?:fainted|fainting|keeps? passing out|collapsed|collapsing|blacked out"
        r"|blacking out|lost consciousness)\b"
        r"(?! (?:the|my)\b| (?:into|onto|on|in) (?:bed|the bed|the couch|the sofa|(?:my|his|her) bed)\b)",
        r"\b(?:went|gone|is|hes|shes|so|completely|totally|all|body is|body went) limp\b",
    ),
    # hallucinations and delirium: seeing bugs, people who arent there, doesnt know where he is
    family(
        "see|hear|saw|there|real|here|room|halluc|know where|delirious|disorient|incoherent|sense|gibberish|head"
        "|dying|talk|speak|confused",
        r"\b(?:seeing|hearing|see|hear|saw|heard) (?:things|stuff|voices|bugs|spiders|shadows|people"
        r"|noises)(?: \w+){0,2}? (?:arent|are not|isnt|werent|not) (?:there|real)\b",
        r"\b(?:seeing|hearing) (?:things|voices|shadow people|shadows|bugs|spiders|snakes|insects|rats|ghosts"
        r"|demons)\b"
        r"(?! (?:downstairs|upstairs|outside|next door|in the (?:dark|hall|hallway|kitchen|next room|other room))\b)",
        r"\b(?:people|person|someone|somebody|kids|children|a man|a woman|men|women|figures?|faces?|bugs"
        r"|insects|spiders|ants|snakes|animals|shadows?|voices)(?: \w+){0,3}? (?:who|that|which) (?:arent|are not"
        r"|isnt|is not|werent|wasnt) (?:really )?(?:there|real|here|in the room)\b",
        r"\b(?:hearing|hear|heard|hears|seeing|see|saw|sees)(?: \w+){0,4}? (?:when|but|and|even though|though"
        r"|while) (?:no one|nobody|noone)(?: else)?(?: is| was| s)? (?:here|there|around|home|in the room)\b",
        r"\bhallucinating\b|\b(?:having|getting|started|ive had) (?:\w+ )?hallucinations?\b",
        r"\bdont know where (?:im|i m)\b(?! going\b)|\bdelirious\b",
        rf"\bi think (?:that )?{PERSON}(?: is| s)? dying\b(?! (?:of|to|for|from)\b)",
        r"\b(?:talking|talks|keeps talking|speaking|speaks) to (?:her|his|their) (?:dead|deceased) (?:mom|mother"
        r"|dad|father|husband|wife|sister|brother|son|daughter|grandma|grandpa|parents|friend)\b"
        r"(?! (?:picture|photo|pic|grave|urn|ashes|memorial|lawyer|estate|house|stuff|things)\b)",
        r"\b(?:hes|shes|he is|she is|is|acting|seems)(?: acting)?(?: really| very| so| super| totally)? confused\b"
        r"(?! (?:about|by|with|why|how|what|when|if|on)\b)",
        r"\b(?:doesnt|didnt|dont) (?:even )?know where (?:he|she) is\b(?! going\b)",
        r"\b(?:hes|shes|he is|she is|theyre|they are|is|im|seems|so|very|really|completely|totally)(?: \w+)?"
        r" (?:disoriented|disorientated|incoherent)\b",
        r"\b(?:hes|shes|he is|she is|theyre|he|she)(?: \w+)? (?:not making (?:any )?sense|making no sense"
        r"|talking nonsense|talking gibberish)\b",
        r"\b(?:hit|banged|bumped|smacked) (?:his|her|their|my) head(?: \w+){0,6}? (?:confused|unconscious"
        r"|knocked out|not making sense|throwing up|vomiting|bleeding (?:a lot|badly|everywhere)"
        r"|wont stop bleeding)\b",
    ),
    # chest pain
    family(
        "chest|heart attack",
        r"\bchest (?:is )?(?:\w+ )?(?:pains?|hurts|hurting|pressure|tightness|tight|heavy|killing me|crushing"
        r"|squeezing)\b",
        r"\bpains? in (?:my|his|her) chest\b|\bheart attack\b",
    ),
    # Spanish: seizing, not breathing, won't wake, unconscious, blue lips
    family(
        "convuls|epilep|respira|despierta|reacciona|se mueve|responde|inconsciente|desmay|desvanec|labios",
        r"\bconvulsionando\b|\b(?:tiene|tuvo|le dio|le da|le esta dando|esta teniendo|le vino) (?:una )?"
        r"(?:convulsion|crisis convulsiva|ataque epileptico)\b|\besta teniendo convulsiones\b",
        r"\bno (?:respira|esta respirando|puede respirar|despierta|se despierta|reacciona|se mueve|responde)\b"
        r"(?! (?:a )?(?:mis|los|sus|el|la|temprano|a tiempo|para)\b)",
        r"\b(?:esta|estaba|sigue) (?:inconsciente|desmayad[oa])\b|\bse (?:desmayo|desvanecio)\b"
        r"|\blabios (?:morados|azules)\b",
    ),
)

COMBOS: tuple[Combo, ...] = ()

# --- safety net ---------------------------------------------------------------------------------

NET: tuple[NetPattern, ...] = (
    # a seizure happening: "having a withdrawal seizure", "i think hes having some kind of fit"
    r"\b(?:having|going into|went into|in the middle of)(?: \w+){0,4}? (?:seizures?|siezures?|seisures?"
    r"|convulsions?|fits?)\b(?! (?:about|over|of|when|because|cause|at (?:me|him|her)|with|that)\b)",
    r"\b(?:seizures?|convulsions?)(?: \w+){0,2}? (?:right now|just now|rn|on the floor|wont stop|isnt stopping"
    r"|keeps going|for (?:\d+|two|three|five) minutes)\b",
    # a body jerking or convulsing
    r"\b(?:whole|entire) body (?:is |keeps |wont stop |started |just )?(?:jerking|convulsing|shaking|spasming"
    r"|twitching|seizing)\b|\b(?:jerking|convulsing|spasming) (?:uncontrollably|all over|nonstop"
    r"|and (?:cant|wont) stop|wont stop|cant stop)\b|\b(?:cant|wont) stop (?:jerking|convulsing|spasming)\b",
    # passing out now, or with a head injury: "just passed out in the bathroom and hit my head"
    r"\b(?:passed out|fainted|blacked out|collapsed|lost consciousness|keeps? passing out|keep blacking out)"
    r"(?: \w+){0,6}? (?:hit|banged|bumped|smacked|cracked|split) (?:my|his|her|their) head\b",
    r"\bjust (?:passed out|fainted|blacked out|collapsed)\b"
    r"|\b(?:passed out|fainted|blacked out|collapsed) (?:just now|right now|at work|in the (?:bathroom|shower"
    r"|tub|kitchen|store|street|hallway)|on the (?:floor|ground|bathroom floor|stairs|sidewalk)|while"
    r" (?:driving|standing|walking))\b",
    # stroke signs, a closing throat, an ambulance on its way
    r"\b(?:face|mouth|smile)(?: is)? droop\w*|\b(?:hes|shes|is|im|and|keeps) slurring\b"
    r"|\bslurr\w* (?:(?:his|her|my|their) )?(?:words|speech)\b"
    r"|\bcant move (?:my|his|her|their) (?:left|right) (?:arm|side|leg|hand)\b",
    r"\bthroat (?:is )?(?:closing|swelling)\b",
    r"\bcant keep (?:him|her|them) (?:awake|up)\b|\b(?:keeps|is|hes|shes) nodding (?:off|out)\b",
    # several seizures, one coming on
    r"\b(?:two|three|four|several|multiple|a few|back to back|[2-9]) (?:seizures|fits|convulsions)\b"
    r"|\b(?:about to|feel like im going to|feel like im about to) have (?:a|another) (?:\w+ )?seizure\b"
    r"|\bfeel (?:a|another) seizure coming\b",
    # down and not getting up; blood vomited
    r"\b(?:fell|fallen|collapsed|on the floor)(?: \w+){0,4}? (?:and )?(?:isnt|not|cant|wont|hasnt been|can not)"
    r" (?:getting up|get up|moving|responding)\b",
    r"\b(?:throwing up|vomiting|puking|coughing up|threw up|vomited) (?:\w+ )?blood\b",
    r"\bi (?:really )?think im dying\b(?! (?:of|from|to|for|laughing|inside)\b)",
    # so weak or shaky they cannot stand: "shaking so bad i cant stand up"
    r"\b(?:shaking|trembling|shaky|dizzy|weak) so (?:bad|badly|hard|much)(?: that)? (?:i|he|she|they) (?:cant"
    r"|can barely|cannot) (?:stand|walk|get up|breathe|see straight)\b",
    r"\b(?:ambulance|paramedics|ems) (?:is |are )?(?:on (?:the|its|their) way|coming)\b"
    r"|\b(?:should i|do i|calling|im calling) 911\b",
)
NET_COMBOS: tuple[tuple[NetPattern | tuple[NetPattern, ...], ...], ...] = (
    # a racing heart with a number and about to faint: "heart is pounding like 180 and im about to black out"
    (
        r"\b(?:heart(?: rate)?|pulse|hr)(?: \w+){0,4}? (?:1[4-9]\d|2\d\d)\b|\b(?:1[4-9]\d|2\d\d) ?bpm\b",
        r"\b(?:black out|blacking out|pass out|passing out|faint|fainting|collapse|collapsing|chest (?:pain|hurts"
        r"|is tight|tight)|cant breathe|cant catch my breath|dizzy|going to die|room (?:is )?spinning)\b",
    ),
    # "had a fit at work just now, bit my tongue, still shaking" (not "a fit about bedtime")
    (
        r"\b(?:had|having|has|have) (?:a|another|some kind of|some sort of|like a) (?:\w+ )?fits?\b"
        r"(?! (?:about|over|of|when|because|cause|at (?:me|him|her)|with|that)\b)",
        r"\bbit (?:my|his|her|their) tongue\b|\b(?:still )?(?:shaking|jerking|twitching|convulsing|foaming)\b"
        r"|\b(?:wet|peed|pissed) (?:myself|himself|herself)\b|\blost consciousness\b|\bblacked out\b"
        r"|\b(?:wont|cant|isnt|hasnt|not) (?:come|coming) (?:round|around|to)\b"
        r"|\bpassed out\b|\bwoke up on the (?:floor|ground)\b|\bambulance\b|\b911\b|\beyes rolled\b",
    ),
    # "passed out and woke up on the floor"
    (
        r"\bwoke up on the (?:\w+ )?(?:floor|ground)\b",
        r"\b(?:passed out|blacked out|fainted|seizure|fit|hit my head|bleeding|blood|dont remember"
        r"|cant remember|no memory)\b",
    ),
    # "grandma is talking nonsense and cant stand"
    (
        r"\b(?:talking|speaking|making) (?:nonsense|gibberish|no sense)\b",
        r"\bcant (?:stand|walk|get up)\b|\b(?:fell|falling|slurring|confused|drooping|wont wake|seizure"
        r"|shaking|disoriented)\b",
    ),
    # "fell and hit my head, now i keep passing out"
    (
        r"\b(?:hit|banged|bumped|smacked|cracked|split) (?:my|his|her|their) head\b",
        r"\b(?:passed out|passing out|blacked out|blacking out|fainted|knocked out|unconscious|seizure"
        r"|throwing up|vomiting|cant remember|wont stop bleeding)\b",
    ),
)

NET_COMBOS += (
    # confused and disoriented while stopping: "dont know what day it is and the room is moving, stopped monday"
    (
        r"\b(?:dont|doesnt|didnt|cant|can not) (?:even |really )?(?:know|remember|tell|recognize|recognise)"
        r" (?:what day it is|what day|what year|where (?:i|he|she|they) (?:am|is|are)|who (?:i|he|she|they|we)"
        r" (?:am|is|are)|me|anyone)\b|\b(?:room|everything|world|walls?|floor|ceiling) (?:is |are |keeps |keep"
        r" )?(?:moving|spinning|tilting|swaying|melting)\b"
        r"|\b(?:(?:so|really|very|totally|completely) confused|(?:im|hes|shes|is)(?: \w+)? (?:confused|disoriented))"
        r"\b(?! (?:about|by|with|on|why|how|what|if|as to|over|at|whether|which)\b)"
        r"|\bdisoriented\b",
        r"\b(?:stopped|quit|ran out|run out|cold turkey|withdrawal|withdrawals|withdrawing|detox|detoxing|taper"
        r"|tapering|jumped|came off|coming off|off (?:my|the|her|his|klonopin|clonazepam|benzos|everything)"
        r"|last dose|missed (?:my|her|his) dose)\b",
    ),
)

# --- someone unresponsive ---------------------------------------------------------------------------
# Which reply a medical text gets (POLICY.md C2, B2): someone unconscious, not breathing, blue or not waking needs
# "call 911, stay with them, the dispatcher guides CPR", not seizure steps; a seizure keeps the medical reply, whose
# seizure steps are the point. The person who can't be woken never texts: the reply is always for the helper.
_UNRESPONSIVE = re.compile(
    r"\b(?:cant|couldnt|unable to|trying to|tried to|not able to)(?: get)? (?:wake|waken|rouse) (?!up\b|me\b|myself\b)"
    r"\w+|\bcant get (?!me\b|myself\b)\w+(?: \w+)? to (?:wake|respond|come to)\b"
    # "she is blue and wont respond", "my husband wont wake up" (not "i wont wake up", not "wont wake up for school")
    # (nor a wish about oneself: "take them all and just not wake up", "sleep and never wake up")
    r"|\b(?!(?:i|im|ive|ill|you|we|just|then|to|about|of|simply|maybe|me|myself)\b)(?!and not\b)\w+"
    r" (?:wont|doesnt|didnt|still wont|isnt|is not|not) (?:wake|waking|respond"
    r"|responding|come to|coming to|open (?:his|her|their) eyes)\b(?!(?: up)? (?:for|in time|on time|early|before"
    r"|till|until)\b| to (?:my |me |)(?:texts?|messages?|calls?|emails?|dms?)\b)"
    r"|\b(?:unresponsive|not responsive|unconscious|unconcious|unconsious|not conscious)\b"
    r"|\b(?<!im )(?<!i )(?:not|isnt|stopped|no longer|barely|hardly) breathing\b|\b(?:went|gone|is|hes|shes) limp\b"
    r"|\b(?:lips|face|skin|fingers|fingertips|nails)(?: (?:are|is|look|looks|turning|turned|going|gone))?"
    r" (?:blue|bluish|purple|gr[ae]y)\b|\b(?:turning|turned|gone|is|hes|shes|he is|she is) blue\b|\bblue lips\b"
    # Spanish: "no responde", "no despierta", "no respira", "esta inconsciente", "labios morados"
    r"|\bno (?:responde|reacciona|despierta|se despierta|respira|esta respirando|abre los ojos|(?:lo|la) puedo"
    r" despertar|puedo despertarl[oa])\b(?! (?:a )?(?:mis|los|sus|el|la|temprano|a tiempo|para)\b)"
    r"|\b(?:esta|estaba|sigue) inconsciente\b|\blabios (?:morados|azules)\b|\bse (?:puso|esta poniendo)"
    r" (?:morad[oa]|azul)\b"
)
_SEIZURE = re.compile(
    r"\b(?:seizures?|siezures?|seisures?|seizing|convuls\w*|fits?|grand mal|epilep\w*|jerking|twitching"
    r"|shaking all over|eyes rolled)\b"
)


def unresponsive(text: str) -> bool:
    """Whether a medical crisis text is about someone unresponsive rather than having a seizure."""
    s = normalise(text)
    return bool(_UNRESPONSIVE.search(s)) and not _SEIZURE.search(s)


def seizure_named(text: str) -> bool:
    """Whether `text` names a seizure or convulsions (then the seizure steps fit, whoever read it)."""
    return bool(_SEIZURE.search(normalise(text)))
