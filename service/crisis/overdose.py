"""Overdose: too many pills, pills with alcohol or opioids, a person who took them and won't wake."""

from __future__ import annotations

import re

from service.crisis.vocabulary import (
    ALC_OPIOID,
    COUNT,
    DET,
    DRUG,
    LETHAL,
    MG,
    NOT_INTO_MOUTH,
    NOT_PILLS,
    PILL,
    QUANTITY,
    SPREAD_OUT,
    START,
    SWALLOWED,
    TAKE,
    Combo,
    Family,
    NetPattern,
    combo,
    family,
)

# --- specific families ---------------------------------------------------------------------------

FAMILIES: tuple[Family, ...] = (
    # took all / the whole bottle / a handful / too many / N pills or mg / triple my dose / more and more
    family(
        "took|tak|swallow|down|pop|ate|eat|chug|neck|snort|had",
        rf"\b{TAKE} (?:like |about |maybe |almost |literally |basically |pretty much )?{QUANTITY}(?: of)?{DET}"
        rf"(?: \w+){{0,2}}? {PILL}\b",
        rf"\b{TAKE} (?:like |about |maybe |almost |literally |basically |pretty much )?(?:a (?:whole |big )?handful"
        r"|a fistful|too many|too much|way too many|way too much|so many|so much|a whole bottle|the whole bottle"
        r"|everything|them all|it all|em all|all of them|all of it|all of em|the lot|the rest"
        r"|a (?:whole )?bunch|a shitload|a ton)"
        r"(?=$| (?:and|so|because|tonight|just|now|right|again|i|im|ago|an|earlier|help|please|lol|idk|what"
        r"|in my|in (?:the|his|her) (?:medicine|cabinet|pill|bottle|bathroom))\b)",
        rf"\b{TAKE}(?: \w+){{0,3}}? {PILL} (?:all of them|all of em|every one|all at once)\b",
        rf"\b{TAKE}(?: \w+){{0,5}}? {PILL}(?: \w+){{0,2}}? (?:at once|at the same time)\b",
        rf"\b{TAKE}(?: \w+){{0,3}}? (?:days?|weeks?|months?) (?:worth|supply)\b",
        r"\btaking (?:all|every|the whole|the rest)(?: \w+){0,4}? (?:tonight|now|at once)\b",
        rf"\b(?:{TAKE}|had)(?: \w+){{0,4}}?"
        rf" (?:{COUNT}(?: of)?{DET}(?: \w+)?? (?:{PILL}|\d+(?:\.\d+)? ?mgs?|\d+s)\b"
        rf"(?! (?:left|remaining|a day|per day|daily)\b){SPREAD_OUT}|{MG})",
        rf"\bi (?:just )?took (?:like |about |maybe )?{COUNT}(?= just now| tonight| an hour| and|$)",
        rf"\b{TAKE} half (?:of )?(?:the|a|my|his|her) (?:bottle|pack|strip|prescription|script|supply|pills"
        r"|stash)\b",
        rf"\b{TAKE} (?:way |a lot |so much |much )?more than (?:i|im|he|she|they|you) (?:should|was supposed"
        rf"|supposed|meant)|\b{TAKE} (?:way |a lot |so much |much )?more than (?:prescribed|my (?:dose|script"
        r"|prescription)|(?:the|my) (?:doctor|dr|bottle|label) (?:says|said))\b",
        r"\b(?:took|taken|popped|swallowed|ate|had|taking)(?: like| about| maybe)? (?:triple|quadruple"
        r"|(?:three|four|five|six|ten|[3-9]) times|[3-9]x)(?: of)? (?:my|his|her|their|the|what)(?: \w+)?"
        r" (?:dose|dosage|prescription|script|amount|usual|normal)\b",
        r"\b(?:took|taking|take|popped|popping|swallowed|swallowing|eating|ate)(?: \w+){0,3}? (?:more and more"
        r"|another and another|another one and another|one after (?:another|the other))\b",
    ),
    # a count in a short time; a child into the pills with some missing
    family(
        "pop|took|swallow|taken|down|ate|into|in to",
        # a count in a short time: "popped like 8 over the last hour"
        rf"\b(?:popped|took|swallowed|taken|downed|ate) (?:like |about |maybe |almost |at least |over )?{COUNT}"
        r"(?: of (?:them|em|those|these))? (?:over|in|within) (?:the )?(?:last|past) (?:hour|half hour|few hours"
        r"|couple (?:of )?hours|(?:\d+|two|three|four|five) (?:hours|hrs|minutes|mins))\b(?! of)",
        # a child or teen got into the pills and some are missing: "my teen got into my klonopin, i count 14 missing"
        rf"\b(?:got into|gotten into|getting into|got in to|been into|into) (?:my|his|her|the|our|their|moms?|dads?)"
        rf"(?: \w+)? (?:{PILL}|medicine cabinet|pill ?box|organi[sz]er)\b(?: \w+){{0,6}}?"
        rf" (?:(?:\d+|{COUNT}|a few|some|several|half|a bunch|a lot)(?: \w+)? (?:are |is )?(?:missing|gone)"
        r"|(?:ate|swallowed|took|eaten|taken) (?:some|them|a few|a bunch|\d+))\b",
    ),
    # emptied the bottle, doubled it again, lost count of how many
    family(
        "emptied|doubl|tripl|quadrupl|how many|how much|lost",
        rf"\bemptied (?:the|my|a|his|her) (?:\w+ )?bottle\b{NOT_INTO_MOUTH}",
        r"\b(?:doubled|tripled|quadrupled|doubling|tripling)(?: it| that| them| my dose| the dose| up)? again\b",
        r"\b(?:lost count|lost track|dont know|dont remember|cant remember|doesnt know|doesnt remember|not sure"
        r"|idk|no idea)(?: of)? how (?:many|much) (?:i|he|she|they|we|ive|hes|shes)(?: \w+)? (?:took|taken|had"
        r"|swallowed|popped|ate)\b",
        r"\b(?:took|taken|taking|popped|popping|swallowed|ate|had|doubled)(?: \w+){0,6}? (?:lost count|lost track)"
        r"\b(?! of (?:time|the time|the days?|days|hours|the date))",
    ),
    # "i overdosed", "my son is overdosing", "im going to od"; naloxone given means an overdose under way
    family(
        "od|overdos|narcan|naloxone",
        r"\b(?:i|ive|i have|i think i|just|he|she|they|hes|shes|im|someone|my \w+)"
        r"(?: (?:just|think|may|might|have|has|accidentally|probably|think i|is|was|are))* "
        r"(?:overdosed|odd|oded|od ed|overdosing|oding|od ing)\b",
        rf"{START}(?:just |i )?(?:overdosed|oded|overdosing)\b"
        rf"|{START}(?:just |i )?odd(?= (?:so|and|feel|feeling|im|i|help|right now|idk|what|please))",
        r"\b(?:going to|want to|ready to|about to|plan to|planning to|planning on|thinking about|thinking of"
        r"|decided to)(?: just)? (?:overdose|od|overdosing|oding)\b(?! (?:by accident|accidentally|on accident))",
        r"\b(?:gave|given|giving|used|using|sprayed|administered|had to (?:use|give)) (?:him|her|them|me|my \w+)?"
        r" ?(?:\w+ )?(?:narcan|naloxone)\b|\b(?:narcan|naloxone) (?:isnt|is not|didnt|did not|not|wasnt)"
        r" (?:working|work|helping|help)\b",
    ),
    # method-seeking: how many would kill, a lethal dose, enough to not wake up, to make sure its enough
    family(
        "how|what|leth|leath|fatal|deadly|kill|enough|most|max|highest",
        r"\b(?:max|maximum|most|highest)(?: (?:amount|dose|number|pills|mg))?(?: (?:you|i|a person|someone|he|she)"
        r" can|can (?:you|i|a person|someone)) (?:take|have|swallow)(?: \w+){0,3}? (?:before|till|until|without)"
        r" (?:\w+ ){0,2}?(?:breathing stops|stop breathing|stops breathing|dying|die|dies|dead|overdosing"
        r"|an overdose|heart stops|it kills you)\b",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the )?(?:{PILL}|mg|milligrams))?(?: \w+){{0,2}}? (?:kills?"
        r"|would kill|will kill|is lethal|is fatal|is deadly)\b",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the |these |those |your )?(?:{PILL}|mg|milligrams))?"
        rf"(?: \w+){{0,6}}? (?:to|would|will|does|do|can|could|before|until|till)(?: \w+){{0,3}}? {LETHAL}\b",
        r"\bwhat (?:amount|dose|dosage|number|quantity)(?: \w+){0,6}? (?:would|will|could|can|does|to) (?:\w+ )?"
        r"(?:kill|be lethal|be fatal|stop (?:my|your|his|her|someones) heart)\b",
        r"\b(?:how (?:many|much)|what (?:amount|dose|number|quantity))(?: \w+){0,6}? "
        r"(?:is|are|be|s|could be) (?:lethal|fatal|deadly)\b",
        r"\b(?:lethal|fatal|deadly|leathal|lethel)(?: \w+)? (?:dose|doses|dosage|amount|number|quantity"
        r"|level|combo|combination|mix)\b"
        r"(?! (?:of|for) (?:caffeine|coffee|water|salt|sugar|nicotine|energy drinks?)\b)",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the |these |those |your )?(?:{PILL}|mg|milligrams))? "
        r"(?:would|will|does|do|did|should|could) it take\b"
        r"(?! (?:to|for|before|until) (?:feel|get|kick|work|start|stop|leave|clear|wear)\b)",
        rf"\b(?:can|could|would|will|does|is) (?:{COUNT}|\d+)(?: \w+){{0,2}}? (?:kill|be lethal|be fatal)",
        r"\benough (?:\w+ ){0,2}?to (?:die|kill|od|overdose|not wake|never wake|end it|do the job|not come back"
        r"|stop (?:my|your|his|her) heart|sleep forever)\b"
        r"|\benough (?:\w+ ){0,2}?to (?:make sure|be sure)(?=$| (?:its|it is|i (?:dont|wont|never) wake|i die)\b)",
        rf"\bis (?:\d+(?:\.\d+)? ?(?:mg|milligrams?)|{COUNT})(?: \w+){{0,3}}? (?:lethal|fatal|deadly)\b",
        rf"\bwhats? (?:is )?the (?:most|max|maximum|highest)(?: \w+){{0,6}}? (?:before|to|till|until)"
        rf"(?: \w+){{0,2}}? {LETHAL}",
        r"\b(?:how (?:many|much)|what (?:amount|dose|number))(?: \w+){0,8}? (?:to|so) (?:make sure|be sure"
        r"|guarantee|be certain|know)(?: that)? (?:(?:its|it is|itll be|it will be|it would be|thats) (?:enough"
        r"|lethal|fatal|deadly)|i (?:dont|wont|never) wake|i (?:die|dont survive|wont survive))\b",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the |these |those )?{PILL})(?: \w+){{0,3}}? (?:would|will|is"
        r"|are|should) (?:be )?enough\b(?! (?:for|to (?:sleep|feel|get|help|calm|work|last|taper)))",
        rf"\b(?:would|will|is|are) (?:{COUNT}|\d+)(?: (?:of )?(?:them|these|those|{PILL}))? (?:be )?enough\b"
        r"(?! (?:for|to (?:sleep|feel|get|help|calm|work|last|taper)))",
    ),
    # pills lined up or stockpiled for an attempt
    family(
        "lined up|sav|stockpil|hoard|stash",
        rf"\b(?:{PILL} (?:are |all )?lined up|lined up (?:all )?(?:my |the )?{PILL})\b"
        r"(?! (?:\w+ ){0,3}?(?:organi[sz]er|pill ?box|dosette|for the (?:week|month|morning|night)))",
        rf"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded) (?:up )?(?:my |the |all )?{PILL}",
        rf"\b{PILL} (?:\w+ )?(?:saved up|saved for|stashed|stockpiled|hoarded)\b",
    ),
    # Spanish: "me tomé todas las pastillas", "se tomó un frasco", "tuvo una sobredosis"
    family(
        "tom|trag|sobredosis",
        r"\b(?:me (?:tome|trague)|tome|trague|se (?:tomo|trago)|(?:hijo|hija|esposo|esposa|marido|mama|papa"
        r"|madre|padre|novio|novia|hermano|hermana|pareja|amigo|amiga|el|ella) (?:se )?(?:tomo|trago)"
        r"|(?:voy a|quiero|pienso) (?:tomarme|tomar|tragarme|tragar))(?: \w+){0,2}? (?:todas?|todos|muchas|muchos"
        r"|demasiadas?|demasiados?|un monton|un punado|(?:un|el|todo el) frasco|(?:una|la|toda la) caja"
        r"|(?<![\d.])(?:[5-9]|[1-9]\d+)\b|diez|veinte|treinta|cuarenta|cincuenta)\b",
        r"\b(?:tuve|tengo|tiene|tuvo|esta teniendo|le dio|me dio|creo que (?:es|fue)) (?:una )?sobredosis\b"
        r"(?! (?:hace|el ano|en (?:19|20)\d\d|de joven))",
    ),
)

COMBOS: tuple[Combo, ...] = (
    # "found him with an empty bottle and he wont wake up"
    combo(
        "empty",
        r"\bempty (?:pill |medicine |prescription |klonopin )?bottles?\b",
        r"\b(?:wont|cant|not|isnt) (?:wake|waking|respond|responding|breathing|breathe)\b|\bunresponsive\b"
        r"|\b(?:passed out|unconscious|turning blue)\b",
    ),
)

# --- safety net ---------------------------------------------------------------------------------

NET: tuple[NetPattern, ...] = (
    # a number or quantity of pills swallowed: "took a handful of my 2mg", "ate 30 of these 1mg"
    rf"\b{SWALLOWED} (?:like |about |maybe |almost |literally |at least |over |another )?(?:(?<![\d.])"
    rf"(?:[4-9]|[1-9]\d+)\b|{COUNT}|(?:\w+ )?(?:handfuls|fistfuls)) (?:of (?:my|his|her|the|these|those|their"
    rf"|them|em)\b(?!(?: \w+)? {NOT_PILLS}\b)|(?:of )?{DRUG}\b){SPREAD_OUT}",
    rf"\b{SWALLOWED} (?:like |about |maybe |almost |literally |at least |over )?(?:a (?:whole |big |huge )?"
    r"(?:handful|fistful|bunch|ton|lot|load|pile|heap)|too many|way too many|so many|the rest|what was left"
    r"|whatever was left|whats left|all thats left|the last|the remainder) (?:of )?(?:(?:my|his|her|the|these"
    rf"|those|their)(?: \w+)? {DRUG}\b|(?:them|em|those|these)(?=$| and| with| tonight| now)|my (?:script"
    r"|prescription|supply|stash|bottle)\b)",
    # days' or weeks' worth at once: "took 3 days of doses at once"
    rf"\b{SWALLOWED}(?: \w+){{0,2}}? (?:days|weeks|nights|months)(?: worth)? of (?:doses|pills|meds|my \w+)\b",
    # "overdid it on my klonopin"
    rf"\boverdid (?:it )?(?:on|with)(?: \w+)? {DRUG}\b|\boverdid my (?:dose|meds|pills)\b",
    # "im on my 12th pill tonight"
    r"\b(?:on|at|taking|took|swallowed) (?:my|his|her|the) (?:\d*(?:[4-9]|1\d)th|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth|fifteenth|twentieth) (?:pill|tab|tablet|bar|klonopin|one)\b",
    # doubling or tripling a dose on their own (a prescriber doing it is blanked as a false friend)
    r"\b(?:double|triple) dos(?:ed|ing)\b(?! (?:is|was|can|could|would)\b)"
    r"|\b(?:doubled|tripled|quadrupled|double dosed|triple dosed|double dosing|doubled up|tripled up)"
    r"(?: \w+){0,3}? (?:my|his|her|their|the|on)(?: \w+)? (?:dose|doses|dosage|pills|meds|klonopin|script)\b"
    r"(?! (?:\w+ ){0,3}?(?:with|per) (?:my |the )?(?:doctor|dr|doc|psychiatrist|prescriber))",
    # the same dose taken again and again: "took my night dose 3 times", "took my pills twice by accident"
    r"\b(?:took|taken|swallowed|popped) (?:my|his|her|their|the)(?: \w+){0,2}? (?:dose|doses|pills?|meds"
    r"|klonopin|clonazepam) (?:(?:[3-9]|three|four|five|six) times|twice(?! (?:a|per|each|every|daily)\b))",
    # a total that is far over any dose: "like 6mg total", "12 pills so far"
    rf"\b(?:{MG}|{COUNT} (?:pills|tabs|tablets|bars|klonopins?|of them))(?: \w+)? (?:total|in total"
    r"|altogether|all together|combined|so far)\b(?! (?:a|per|each|every) (?:day|night)| daily)",
    # method-seeking without a modal: "what dose actually kills you"
    r"\b(?:what|which|whats)(?: is)?(?: the)? (?:dose|amount|number|quantity|mg|level)(?: \w+){0,4}? (?:kills?"
    r"|killed|stops?|would stop|will stop) (?:you|a person|someone|people|me|an adult|somebody|your (?:breathing"
    r"|heart)|(?:my|someones|a persons) (?:breathing|heart))\b",
    r"\bwhat (?:happens|would happen|will happen) if (?:i|you|someone) (?:take|took|swallow|swallowed|ate"
    rf"|eat) (?:all|the whole|the rest|a handful|a bottle|{COUNT})\b",
    # a week's pills emptied out or poured into the mouth
    r"\bemptied (?:the|my|a|his|her|all|out)(?: \w+){0,3}? (?:bottles?|organi[sz]ers?|pill ?box|pill case"
    rf"|dosette|blisters?|strips?|packs?|containers?|jars?|scripts?|prescriptions?|stash)\b{NOT_INTO_MOUTH}",
)
NET_COMBOS: tuple[tuple[NetPattern | tuple[NetPattern, ...], ...], ...] = (
    # "took a handful and chased it w vodka": chased or washed down with a drink, pills named
    (
        r"\b(?:chased|chasing|chase|washed|washing|wash)(?: \w+){0,6}? (?:down )?with (?:a |some |half a |the )?"
        rf"(?:\w+ )?{ALC_OPIOID}\b",
        rf"\b{DRUG}\b|\b(?:took|swallowed|popped)\b",
    ),
    # "if i take 30 of these 1mg will that do it"
    (
        r"\b(?:will|would|could|can|is|does) (?:that|this|it|those|these|they|them|that many|this many|\d+)"
        r"(?: \w+){0,2}? (?:do it|do the (?:job|trick)|be enough|be lethal|be fatal|kill (?:me|you|someone))\b",
        # ... with a quantity: "30 of these", "all of them", "the whole bottle"
        rf"\b(?:[4-9]|[1-9]\d+|{COUNT}|all|every|the whole|a whole|a handful|the rest|them all|this many"
        r"|that many)\b",
    ),
    # "took extra pills again and we cant keep her awake"
    (
        rf"\b{SWALLOWED}(?: \w+){{0,4}}? {DRUG}\b",
        r"\b(?:cant|can barely|cannot|hard to) (?:keep (?:him|her|them|my eyes|his eyes|her eyes) (?:awake|open)"
        r"|stay awake|wake (?:him|her|them))\b|\bnodding (?:off|out)\b|\bslurring\b",
    ),
    # "emptied the pill organizer into my mouth"
    (
        r"\b(?:emptied|poured|dumped|tipped|shoved|stuffed|shook)(?: \w+){0,8}? (?:into|in) (?:my|his|her|their)"
        r" mouth\b",
        rf"\b{DRUG}\b|\bpill|\bbottle\b|\borgani[sz]er\b",
    ),
)

NET_COMBOS += (
    # a child into the pills with some gone: "my teenager got into my klonopin bottle and its half empty"
    (
        rf"\b(?:got into|got in to|got ahold of|got hold of|was into|been into) (?:my|his|her|the|our|their)"
        rf"(?: \w+)? {PILL}\b",
        r"\b(?:half empty|half gone|missing|empty|gone|fewer|less than)\b",
    ),
    # drinking on top of benzos, not caring: "wine on top of my benzos tonight, dont care what happens"
    (
        rf"\b{ALC_OPIOID}(?: \w+){{0,6}}? (?:on top of|with|plus|and) (?:my |the |some |a few )?(?:\w+ )?{PILL}\b"
        rf"|\b{PILL}(?: \w+){{0,3}}? (?:with|plus|and|on top of) (?:a |some |the )?(?:\w+ )?{ALC_OPIOID}\b",
        r"\b(?:dont|do not|dont even) care (?:what happens|if i (?:wake|die|dont)|anymore)\b"
        r"|\bwhatever happens\b|\bright now\b|\btonight\b|\btogether\b|\bwith it\b",
    ),
    # "take all my klonies tonight"
    (
        rf"\b(?:take|taking|swallow|swallowing|pop|popping|eat|down) (?:all|every one|every last one) (?:of )?my"
        rf" (?:\w+ )?{PILL}\b",
        r"\b(?:tonight|right now|now|today|when|at once|all at once|and|then)\b",
    ),
)

# Mixing benzos with alcohol/opioids counts only when it is happening, not asked about.
_MIX_PILL = re.compile(rf"\b(?:{PILL}|doses?)\b")
_MIX_OTHER = re.compile(rf"\b{ALC_OPIOID}\b")
_MIX_NOW = re.compile(
    r"\b(?:took|taken|popped|swallowed|mixed|mixing|drank|drinking|had|downed|did|snorted|on top"
    r"|right now|just now|tonight|currently)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if i|if you|can i|can you|could i|should i|is (?:it|that|this) (?:ok|okay|safe|bad|dangerous)|safe to"
    r"|ok to|okay to|(?<!care )what happens|how much|how long|how bad|will it|would it)\b"
)
# sober from alcohol while tapering is progress, not mixing: "3 weeks sober from drinking and still tapering"
_SOBER = re.compile(
    r"\b(?:sober|dry|clean|quit|stopped|off)(?: \w+)? (?:from |of )?(?:drinking|alcohol|booze|the bottle|beer)\b"
    r"|\b(?:days?|weeks?|months?|years?|yrs?) (?:sober|dry)\b"
)
_SOBER_BROKEN = re.compile(r"\b(?:relapsed|drank|slipped|again|right now|tonight|just now|had a (?:drink|few))\b")


def mixing_now(s: str) -> bool:
    if _SOBER.search(s) and not _SOBER_BROKEN.search(s):
        return False
    return bool(_MIX_PILL.search(s) and _MIX_OTHER.search(s) and _MIX_NOW.search(s) and not _HYPOTHETICAL.search(s))
