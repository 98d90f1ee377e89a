"""Crisis classifier for incoming texts.

`classify(text)` returns one of CATEGORIES (highest priority first) or None. It is tuned for
recall: a missed crisis can kill, a false alarm costs an operator a look. It still stays quiet on
common false friends ("this insomnia is killing me", "I cut back my dose with my doctor") and on
informational questions ("can withdrawal cause seizures"), which the topic replies answer.

Pipeline: normalise the text (Unicode, case, accents, text-speak, leet, stretched letters), blank
out known idiom spans, then try each category's patterns in priority order. Pure stdlib, no I/O;
every regex is compiled once at import and uses bounded gaps only, so there is no catastrophic
backtracking even on 1,600-character messages.
"""

from __future__ import annotations

import re
import unicodedata

# Priority order: the first category that matches wins.
CATEGORIES: tuple[str, ...] = ("overdose", "medical", "suicide", "self_harm", "violence")

# --- normalisation -------------------------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"',
        # Laughing emoji turn "i'm dead 😂" into an idiom the false-friend layer recognises.
        "\U0001f602": " lol ", "\U0001f923": " lol ", "\U0001f480": " lol ", "\U0001f639": " lol ",
        "\U0001f606": " lol ",
        "@": "a", "$": "s", "&": " and ", "+": " plus ",
    }
)  # fmt: skip
_JOIN = re.compile(r"['*]")  # "can't" -> "cant", "sh*t" -> "sht" (not "sh", the self-harm slang)
_SLASH = re.compile(r"\bw/o\b|\bw/")
_NON_WORD = re.compile(r"[^\w.]+|_+")
_NON_WORD_DOT = re.compile(r"(?:[^\w.]|_|(?<!\d)\.|\.(?!\d))+")  # slower; keeps "0.5" intact
_SYMBOL_RUN = re.compile(r"([^\w\s])\1{2,}")  # "😂😂😂😂" -> "😂😂" before emoji expand to words
_STRETCH = re.compile(r"([a-z])\1{2,}")  # "killlll" -> "kill", "sooo" -> "soo"
_LEET_TOKEN = re.compile(r"\b[a-z](?=[a-z0-9]*\d)(?=(?:[0-9]*[a-z]){2})[a-z0-9]+\b")
_LEET = str.maketrans("013457", "oieast")
_SLANG = {
    "u": "you", "ur": "your", "r": "are", "n": "and", "w": "with", "wanna": "want to",
    "wana": "want to", "gonna": "going to", "gunna": "going to", "gon": "going to",
    "finna": "going to", "tryna": "trying to", "imma": "im going to", "ima": "im going to",
    "gotta": "got to", "cannot": "cant", "rn": "right now", "2nite": "tonight",
    "2night": "tonight", "tonite": "tonight", "tnite": "tonight", "b4": "before",
    "bc": "because", "cuz": "because", "cos": "because", "bcuz": "because", "coz": "because",
    "pls": "please", "plz": "please", "abt": "about", "ppl": "people", "myslef": "myself",
    "mysef": "myself", "myslf": "myself", "thru": "through", "2day": "today",
    "tmrw": "tomorrow", "2morrow": "tomorrow", "kil": "kill", "ded": "dead",
    "prolly": "probably", "wud": "would", "cud": "could", "shud": "should", "hav": "have",
    "wat": "what", "wut": "what",
}  # fmt: skip
_SLANG_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _SLANG)) + r")\b")
# (literal that must be present, pattern, replacement): the literal check skips most passes cheaply.
_PHRASES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (guard, re.compile(p), r)
    for guard, p, r in (
        ("i am", r"\bi am\b", "im"),
        (" not", r"\bcan not\b", "cant"),
        (" not", r"\bwill not\b", "wont"),
        (" not", r"\b(do|is|did|does) not\b", r"\1nt"),
        (" sel", r"\b(my|him|her|them) (self|selves)\b", r"\1\2"),
        # "2" means "to" only next to verbs that take "to"; "took 2 bars" stays a number.
        (" 2", r"\b(want|going|need|have|about|trying|ready|try|how|wish|like|deserve|able) 2\b", r"\1 to"),
        ("2 ", r"\b2 (die|kill|end|hurt|cut|live|overdose|od|wake|sleep|be)\b", r"to \1"),
    )
)


def normalise(text: str) -> str:
    """Lowercase ASCII-ish words separated by single spaces; see module docstring."""
    s = _SYMBOL_RUN.sub(r"\1\1", unicodedata.normalize("NFKC", text)).translate(_CHAR_MAP)
    if not s.isascii():  # strip accents ("suicidarme", "qué"); skip the work for plain ASCII
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _SLASH.sub(lambda m: " without " if m.group() == "w/o" else " with ", s.casefold())
    s = (_NON_WORD_DOT if "." in s else _NON_WORD).sub(" ", _JOIN.sub("", s))
    s = _STRETCH.sub(r"\1\1", s)
    s = _LEET_TOKEN.sub(lambda m: m.group().translate(_LEET), s)
    s = _SLANG_RE.sub(lambda m: _SLANG[m.group()], s)
    for guard, pattern, repl in _PHRASES:
        if guard in s:
            s = pattern.sub(repl, s)
    return " ".join(s.split())


# --- false friends: idiom spans blanked out before matching ---------------------------------------

# (literals, regex): a rule runs only if one of its literals occurs, which keeps long texts fast.
_FALSE_FRIEND_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("killing me",), r"(?<!chest is )(?<!chest )(?<!he is )(?<!she is )(?<!hes )(?<!shes )\bkilling me\b"),
    (("dying",), r"\bdying (?:to|for|of laughter|laughing)\b"),
    (("die for",), r"\b(?:is|s|was|are|looks?|sounds?) to die for\b"),
    (("kill for", "die for"), r"\b(?:could|would|d) (?:kill|die) for (?:a|an|some|that|this|one)\b"),
    ((" it", " that"), r"\b(?:killed|killing|kill|murdered|slayed|smashed|crushed) (?:it|that)\b"),
    (("time",), r"\bkill(?:ing|ed)? (?:some |the )?time\b"),
    (("kill me",), r"\bkill me (?:if|when) (?:he|she|they|you) (?:finds?|found|sees?|hears?|knows?)\b"),
    (
        ("kill me",),
        r"\bkill me (?:if|when) (?:i|im) (?:\w+ ){0,2}?(?:late|forget|forgot|miss|lose|break|eat|spend"
        r"|dont call|dont text)\b",
    ),
    (
        ("kill me",),
        r"\bkill me (?:for (?:this|that|it|saying|telling|doing|forgetting|eating|being)|lol|lmao|haha)\b",
    ),
    (
        ("od", "overdose"),
        r"\b(?:overdosed|od d|odd|oded|had an overdose)(?: \w+){0,3}? (?:in (?:19|20)\d\d|years? ago|last year"
        r"|months ago|a while back|back in)\b",
    ),
    # Dose reductions, the whole point of a taper, are not cutting.
    (
        ("cut",),
        r"\bcut(?:ting|s)? (?:back|down)(?: (?:on|my|the|his|her))?"
        r"(?: (?:dose|doses|dosage|pills?|meds|klonopin|clonazepam|benzos?))?\b",
    ),
    (
        ("cut",),
        r"\bcut(?:ting)? (?:my|the|his|her|a|your) (?:dose|doses|dosage|pills?|tablets?|tabs?|meds"
        r"|klonopin)\b(?: in (?:half|quarters?))?",
    ),
    (("cut",), r"\bcut(?:ting)? (?:it|them|em) in (?:half|quarters?)\b"),
    ((" up",), r"\bhit (?:me|him|her|them|us) up\b|\bbeat(?:ing)? myself up\b"),
    (("beat",), r"\bbeat (?:me|us) (?:at|in|to|by)\b"),
    (("everything",), r"\btook everything (?:in|out of) me\b"),
    (
        ("seeing",),
        r"\bseeing (?:things|it|life|everything) (?:more )?(?:clearly|differently|different|better"
        r"|in a new light)\b",
    ),
    # Negations and history: "not suicidal", "never had a seizure", "a seizure years ago".
    (("suicidal",), r"\bnot (?:really |actually )?suicidal\b"),
    (
        ("nt ", "never"),
        r"\b(?:dont|never|didnt|doesnt) (?:really )?(?:want|wanna|wish|mean|plan|intend)(?: to)? "
        r"(?:die|kill myself|hurt myself|feel (?:the )?pain)\b",
    ),
    (("seizure", "fit"), r"\b(?:never|havent|not|hasnt) (?:ever )?(?:had|have had) (?:a |any )?(?:seizures?|fits?)\b"),
    ((" ago",), r"\bhad (?:a |an |my )?(?:seizures?|fits?|overdose)(?: \w+){0,2}? (?:years?|months?) ago\b"),
)
_FALSE_FRIENDS = tuple((literals, re.compile(p)) for literals, p in _FALSE_FRIEND_RULES)

# --- shared vocabulary -----------------------------------------------------------------------------

_PILL = (
    r"(?:pills?|tabs?|tablets?|meds|medications?|medicine|prescriptions?|scripts?|klonopins?|klonnies"
    r"|clonazepam|clonazapam|clonazepan|k ?pins?|benzos?|bars|xanax|xannies|valium|ativan|lorazepam"
    r"|diazepam|alprazolam|sleeping pills|percs?|percocets?|oxys?|oxycodone|norcos?|vicodin"
    # a bottle is a pill bottle unless it is "of <drink>"
    r"|painkillers?|supply|stash|them|em|bottle(?! of (?:\w+ )?(?:wine|vodka|whiske?y|beer|liquor|tequila|rum"
    r"|gin|jack|champagne|water|soda|pop|juice|milk|coke)\b))"
)
_ALC_OPIOID = (
    # "drank water with my pills" is not mixing
    r"(?:alcohol|(?:drinks?|drinking|drank)(?! (?:\w+ ){0,3}?(?:water|coffee|tea|juice|milk|soda|pop|gatorade)\b)"
    r"|beers?|wine|vodka|whiske?y|tequila|rum|gin|liquor|booze|shots"
    r"|fifth|jack|henny|bourbon|oxys?|oxycodone|oxycontin|percs?|percocets?|heroin|fent|fentanyl"
    r"|fetty|opioids?|opiates?|methadone|morphine|codeine|lean|dope|norcos?|hydrocodone|tramadol"
    r"|dilaudid)"
)
_COUNT = (
    r"(?:(?<![\d.])(?:[5-9]|[1-9]\d+)\b|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|hundred|a dozen|dozen)"
)
_MG = r"(?<![\d.])(?:[6-9]|[1-9]\d+)(?:\.\d+)? ?(?:mg|milligrams?)\b(?! (?:a|per|each|every) (?:day|night)| daily)"
_TAKE = (
    r"(?:took|taken|swallowed|downed|popped|ate|eaten|chugged|necked|snorted|"
    r"(?:going to|about to|will|ill|ready to|want to|plan to|planning to|so i can|need to) "
    r"(?:take|swallow|down|pop|eat))"
)
_DET = r"(?: (?:my|his|her|their|the|these|those|your|moms?|dads?))?"
_LETHAL = (
    r"(?:die|dying|kill\w*|lethal|fatal|deadly|overdos\w*|od|not wake|never wake|end it|end my life"
    r"|stops? (?:breathing|your heart|my heart))"
)
_PERSON = (
    r"(?:he|she|they|hes|shes|theyre|hell|shell|theyll|hed|shed|someone|somebody|"
    r"(?:(?:my|our|moms?|dads?|her|his) (?:\w+ )?)?(?:husband|hubby|wife|partner|boyfriend|girlfriend"
    r"|bf|gf|ex|dad|father|stepdad|stepfather|mom|mother|stepmom|son|daughter|brother|sister|roommate"
    r"|fiancee?|uncle|aunt|cousin|landlord|dealer|spouse|parents?|grandpa|grandfather|neighbou?r|boss))"
)

# --- patterns per category (priority order) -------------------------------------------------------

_PATTERNS: dict[str, tuple[str, ...]] = {
    "overdose": (
        # took all / the whole bottle / a handful / too many ... of pills
        rf"\b{_TAKE} (?:all(?: \d+)?|every|each|the whole|the entire|(?:my|his|her|their) (?:whole|entire)"
        r"|the rest|a bunch|a ton|a lot|lots|so many|a load|a pile|a handful|a fistful|a fist full|handfuls"
        r"|a (?:whole |full |entire )?(?:strip|sheet|blister pack|blister|card|pack)"
        r"|a (?:shit ?ton|shitload|crap ?ton|crapload|boatload|whole lot|heap)"
        r"|too many|too much|way too many"
        rf"|way too much)(?: of)?{_DET}(?: \w+){{0,2}}? {_PILL}\b",
        # ... or the same with the object left out ("took way too many", "took a handful")
        rf"\b{_TAKE} (?:a handful|a fistful|too many|too much|way too many|way too much|everything"
        r"|them all|it all|em all|all of them|all of it|all of em|the lot|the rest)"
        r"(?=$| (?:and|so|because|tonight|just|now|right|again|i|im|ago|an|earlier|help|please|lol|idk|what"
        r"|in my)\b)",
        rf"\b{_TAKE}(?: \w+){{0,3}}? {_PILL} (?:all of them|all of em|every one|all at once)\b",
        rf"\b{_TAKE}(?: \w+){{0,5}}? {_PILL}(?: \w+){{0,2}}? (?:at once|at the same time)\b",
        rf"\b{_TAKE}(?: \w+){{0,3}}? (?:days?|weeks?|months?) (?:worth|supply)\b",
        r"\btaking (?:all|every|the whole|the rest)(?: \w+){0,4}? (?:tonight|now|at once)\b",
        # took N pills (N >= 5) or N mg (N >= 6, above any usual clonazepam dose)
        rf"\b(?:{_TAKE}|had)(?: \w+){{0,4}}?"
        rf" (?:{_COUNT}(?: of)?{_DET}(?: \w+)?? (?:{_PILL}|\d+(?:\.\d+)? ?mgs?|\d+s)\b"
        rf"(?! (?:left|remaining|a day|per day|daily)\b)|{_MG})",
        rf"\bi (?:just )?took (?:like |about |maybe )?{_COUNT}(?= just now| tonight| an hour| and|$)",
        r"\bemptied (?:the|my|a|his|her) (?:\w+ )?bottle\b",
        rf"\b{_TAKE} half (?:of )?(?:the|a|my|his|her) (?:bottle|pack|strip|prescription|script|supply|pills"
        r"|stash)\b",
        rf"\b{_TAKE} (?:way |a lot |so much )?more than (?:i|im|he|she|they|you) (?:should|was supposed"
        r"|supposed|meant)",
        r"\b(?:i|ive|i have|i think i|just|he|she|they|hes|shes|im|someone|my \w+)"
        r"(?: (?:just|think|may|might|have|has|accidentally|probably|think i))* "
        r"(?:overdosed|odd|oded|od ed|overdosing|oding|od ing)\b",
        r"^(?:just |i )?(?:overdosed|oded|overdosing)\b"
        r"|^(?:just |i )?odd(?= (?:so|and|feel|feeling|im|i|help|right now|idk|what|please))",
        # method-seeking: amounts that kill
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the )?(?:{_PILL}|mg|milligrams))?(?: \w+){{0,2}}? (?:kills?"
        r"|would kill|will kill|is lethal|is fatal|is deadly)\b",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the |these |those |your )?(?:{_PILL}|mg|milligrams))?"
        rf"(?: \w+){{0,6}}? (?:to|would|will|does|do|can|could|before|until|till)(?: \w+){{0,3}}? {_LETHAL}\b",
        r"\b(?:how (?:many|much)|what (?:amount|dose|number|quantity))(?: \w+){0,6}? "
        r"(?:is|are|be|s|could be) (?:lethal|fatal|deadly)\b",
        r"\b(?:lethal|fatal|deadly|leathal|lethel)(?: \w+)? (?:dose|doses|dosage|amount|number|quantity"
        r"|level|combo|combination|mix)\b",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the |these |those |your )?(?:{_PILL}|mg|milligrams))? "
        r"(?:would|will|does|do|did|should|could) it take\b"
        r"(?! (?:to|for|before|until) (?:feel|get|kick|work|start|stop|leave|clear|wear)\b)",
        rf"\b(?:can|could|would|will|does|is) (?:{_COUNT}|\d+)(?: \w+){{0,2}}? (?:kill|be lethal|be fatal)",
        r"\benough (?:\w+ ){0,2}?to (?:die|kill|od|overdose|not wake|never wake|end it)\b",
        rf"\bis (?:\d+(?:\.\d+)? ?(?:mg|milligrams?)|{_COUNT})(?: \w+){{0,3}}? (?:lethal|fatal|deadly)\b",
        rf"\bwhats? (?:is )?the (?:most|max|maximum|highest)(?: \w+){{0,6}}? (?:before|to|till|until)"
        rf"(?: \w+){{0,2}}? {_LETHAL}",
        # pills set aside for an attempt
        rf"\b{_PILL} (?:are |all )?lined up\b|\blined up (?:all )?(?:my |the )?{_PILL}",
        rf"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded) (?:up )?(?:my |the |all )?{_PILL}",
    ),
    "medical": (
        # seizures (present or just now; bare "seizure" is usually a question about one)
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
        # breathing, colour
        r"\b(?:not|isnt|stopped|barely|hardly|cant|struggling|trouble|wasnt|hard to|difficulty)"
        r"(?: \w+)?? breath(?:e|ing)\b",
        r"\bcant catch (?:my|his|her|their) breath\b|\bgasping\b",
        r"\bbreathing (?:is )?(?:really |very |so |super )?(?:slow|slowly|shallow|weird|funny|strange"
        r"|wrong|irregular)\b",
        r"\bsnoring (?:weird|funny|strange|loud and)\b",
        r"\b(?:lips|face|skin|fingers|fingertips|fingernails|nails|mouth)(?: (?:are|is|look|looks"
        r"|looking|turning|turned|going|gone|r|so|kinda|a bit))* (?:blue|bluish|purple|purplish|gr[ae]y)\b",
        r"\b(?:turning|turned|gone) (?:blue|purple)\b|\bblue lips\b"
        r"|\b(?:blue|purple) (?:around|round|on) (?:the|his|her|their) (?:mouth|lips|face)\b",
        # can't wake someone else up, unresponsive
        r"\b(?:cant|couldnt|unable to|tried to|trying to|not able to)(?: get)? (?:wake|waken|rouse) "
        r"(?!up\b|me\b|myself\b)\w+",
        r"\bcant get (?!me\b|myself\b)\w+(?: \w+)? to (?:wake|respond|come to)\b",
        r"\b(?!(?:i|im|ive|ill|you|we|alarm)\b)\w+ (?:(?:wont|will not|doesnt|didnt|still wont) (?:wake|come to)"
        r"|(?:isnt|not|stopped) (?:waking|coming to))\b(?!(?: up)? (?:for|in time|on time|early|before|till|until)\b)",
        r"\b(?:unresponsive|not responsive|unconscious|unconcious|unconsious|(?:barely|hardly|semi) conscious)\b",
        r"\b(?:not|isnt|wont|doesnt|stopped|no longer)(?: \w+)?? (?:respond|responding|answering me"
        r"|answer me)\b(?! to (?:my |me |)(?:texts?|messages?|calls?|emails?|dms?))",
        r"\bpassed out (?:and |but )?(?:wont|cant|isnt|not|hasnt|still)\b",
        r"\b(?:fainted|fainting|keeps? passing out|collapsed|collapsing|blacked out|blacking out"
        r"|lost consciousness)\b(?! (?:the|my)\b)",
        # hallucinations, delirium, chest pain
        r"\b(?:seeing|hearing|see|hear|saw|heard) (?:things|stuff|voices|bugs|spiders|shadows|people"
        r"|noises)(?: \w+){0,2}? (?:arent|are not|isnt|werent|not) (?:there|real)\b",
        r"\b(?:seeing|hearing) (?:things|voices|shadow people|shadows|bugs)\b",
        r"\bhallucinating\b|\b(?:having|getting|started|ive had) (?:\w+ )?hallucinations?\b",
        r"\bdont know where (?:im|i m)\b(?! going\b)|\bdelirious\b",
        r"\bchest (?:is )?(?:\w+ )?(?:pains?|hurts|hurting|pressure|tightness|tight|heavy|killing me|crushing"
        r"|squeezing)\b",
        r"\bpains? in (?:my|his|her) chest\b|\bheart attack\b",
    ),
    "suicide": (
        r"\b(?:want|wanted|wanting|wants|wish|wishing|ready|deserve|deserves|would rather|rather"
        r"|prefer|longing|hope|hoping|pray|praying|tempted|decided|planning|plan)(?: to)? (?:die+|dye"
        r"|be dead|not be alive|not exist|stop existing|not be here|disappear forever|sleep forever"
        r"|go to sleep forever|end it all|end it|end my life|end things|end everything|kill myself"
        r"|be gone)\b(?! with\b)",
        r"\b(?:want|wanna|wish|hope|hoping|pray|praying|rather|just|id like)(?: \w+){0,6}? "
        r"(?:i (?:dont|wont|didnt|wouldnt|never)|and (?:not|never)|to (?:not|never)|not to|never) wake(?: up)?\b",
        r"\bdont (?:want|wanna)(?: to)? (?:wake up|live|be alive|be here|exist|go on|keep living"
        r"|keep going|be around)\b",
        # direct words, slang and misspellings
        r"\bkill(?:ing|ed)? ?myself\b|\bkms+\b|\bunaliv\w*|\bsewerslide\b|\bself ?delete\b",
        r"\b(?:suicid\w*|sucid\w*|suicd\w*|suiced\w*|suisid\w*|suiside\w*|siucid\w*|sucide)",
        r"\b(?:kill|killing|end|ending|take|taking) (?:himself|herself|themselves|themself"
        r"|(?:my|his|her|their)(?: own)? life)\b",
        r"\bend(?:ing)? it all\b|\bim ending (?:it|things|everything)\b(?! with\b)",
        r"\b(?:going to|want to|ready to|about to|just|time to|decided to|need to) end (?:it|things|everything)"
        r"\b(?! with\b)",
        # indirect: burden, better off, goodbyes, notes, plans
        r"\b(?:better off|happier|better|fine|easier)(?: \w+)? (?:without me|if i (?:was|were) (?:gone"
        r"|dead|not here|not around)|if i (?:wasnt|werent) (?:here|around|alive)|if i (?:just )?(?:died|disappeared"
        r"|never existed)|with me gone|when im gone|if im gone|once im gone)\b",
        r"\b(?:dont|cant|no longer|doesnt)(?: even)? see (?:the |any |a )?point (?:in|of|to) (?:living|life"
        r"|going on|being alive|being here|anything|any of it|trying)\b|\bsee no point (?:in|of|to)\b",
        r"\b(?:wont|dont think ill|not going to|may not|might not|probably wont) be (?:around|here) (?:much longer"
        r"|for long|long|anymore|tomorrow|next week|after tonight|by morning)\b",
        r"\b(?:gave|giving|give|given) away (?:all )?(?:of )?(?:my )?(?:stuff|things|belongings|possessions"
        r"|pets?|dog|cat)\b",
        r"\b(?:im|being|feel like|feeling like|just|such|only|ill be|id be|ive become|i feel)"
        r"(?: \w+){0,2}? burden\b",
        r"\b(?:this is|saying|say|said|writing|wrote|my) (?:my )?(?:goodbyes?|farewell)\b(?! to (?:klonopin"
        r"|clonazepam|k ?pins|benzos?|pills|meds|xanax|the pills|my pills|this|that|my addiction|addiction"
        r"|anxiety|insomnia)\b)",
        r"\bgoodbye (?:everyone|forever|world|all|cruel|guys|for good|to (?:all|everyone|everybody)"
        r"|my (?:kids|family|friends))\b|\bthank(?:s| you) for everything (?:and )?(?:goodbye|bye)\b",
        r"\b(?:this is|this will be|thisll be|its|this is probably) my (?:last|final) (?:text|message"
        r"|msg|txt|words)\b|\bmy (?:last|final) (?:text|message|msg) (?:ever|to (?:you|anyone))\b",
        r"\b(?:wrote|writing|written|write|finished) (?:a |my |the )?(?:suicide |goodbye |last )?"
        r"(?:note|letter)s?\b|\bleft (?:a |my |the )?(?:suicide |goodbye |last )(?:note|letter)s?\b"
        r"|\bleft (?:a |my )?(?:note|letter)s? (?:for|to) (?:my (?:family|kids|children|wife|husband|mom"
        r"|parents|loved ones)|everyone)\b",
        r"\b(?:i have|ive got|i got|ive made|i made|got) a plan\b"
        r"(?! (?:to|for|with) (?!(?:die|kill|end|do it|tonight)\b))",
        r"\b(?:doing|do|going to do|will do) it tonight\b|\btonight(?: is|s)? the night\b",
        # no reason to live, can't go on
        r"\b(?:no|not any|dont have a|dont have any|no more) (?:reason|reasons|point|purpose) "
        r"(?:to|in|for) (?:live|living|be alive|go on|going on|keep going|being alive|life)\b",
        r"\bnothing (?:left )?to live for\b|\bno point (?:in )?(?:living|going on|anymore|in life)\b",
        r"\bwhats? (?:is )?the point (?:of|in) (?:living|life|going on|being alive|it all)\b",
        r"\b(?:life|living) (?:isnt|is not|aint|not) worth (?:living|it)\b|\bnot worth living\b",
        r"\bcant (?:go on|keep going|do this anymore|take it anymore|live like this|keep living)\b"
        r"(?! (?:a|the|vacation|trips?|holiday|walks?|dates?|without)\b)",
        r"\b(?:rather be|wish i (?:was|were)|better off) dead\b",
        r"\bwish i (?:was|were|had) never (?:been )?born\b",
        r"\bwish i (?:could )?(?:die|disappear|didnt exist|wasnt alive|wasnt here)\b",
        r"\b(?:no one|nobody|noone) (?:would|will|is going to|going to) (?:miss me|care if i (?:die|died"
        r"|was gone|were gone|disappeared)|notice if im gone)\b",
        r"\btired of (?:living|being alive|life|existing|being here)\b|\bhate being alive\b",
        r"\b(?:think|thinking|thought|thoughts) (?:about|of) (?:dying|death|being dead|not being here"
        r"|ending it|ending my life|killing myself)\b",
        r"\b(?:planning|planned|figured out|figuring out) (?:how|when|where) (?:to|ill|i would|im going to)"
        r" (?:do it|die|end it|go)\b",
        r"\b(?:done|finished) with (?:life|living|this life|this world)\b",
        r"\b(?:want|wish|need)(?: \w+){0,2}? (?:it all|everything) to (?:be over|end)\b",
        r"\bdisappear (?:forever|for good|permanently)\b",
        # methods named
        r"\b(?:jump|jumping) (?:off|from) (?:a |the |this )?(?:bridge|roof|building|balcony|cliff"
        r"|overpass|parking garage|tower)\b|\b(?:jump|step) in front of (?:a |the )?(?:train|truck|bus|car)\b",
        r"\b(?:hang|hanging|shoot|shooting) myself\b|\bnoose\b|\bslit my throat\b",
        r"\b(?:bought|buy|got|have|tied|tie) (?:a )?rope\b|\bgun (?:to|in) my (?:head|mouth)\b",
        # Spanish
        r"\b(?:quiero|quisiera|voy a|me quiero|deseo) (?:morir|morirme|matarme|suicidarme)\b",
        r"\bme (?:quiero|voy a) matar\b|\bquitarme la vida\b",
        r"\bno quiero (?:vivir|seguir viviendo|seguir|estar aqui|despertar)\b",
    ),
    "self_harm": (
        r"\b(?:cut|cuts|cutting|cuttin|slice|sliced|slicing|carve|carved|carving|burn|burns|burned"
        r"|burnt|burning|hurt|hurts|hurting|harm|harming|harmed|stab|stabbed|stabbing|scratch"
        r"|scratched|scratching|hit|hitting|punch|punched|punching|bite|bit|biting|bruise|bruising)"
        r"(?: (?:up|on|at|into))? (?:myself|himself|herself|themselves|themself)"
        r"\b(?! (?:off|out|some slack|a break)\b)",
        r"\b(?:cut|cutting|slit|slice|sliced|slashed|slash|carved|carving|burn|burned|burnt|burning"
        r"|scratched|scratching|scratch) (?:into )?my (?:wrists?|arms?|legs?|thighs?|skin|stomach"
        r"|belly|hips?|body|forearms?|ankles?)\b",
        r"\b(?:been|started|start|keep|kept|am|im|was|back to|relapsed|relapse|still|go back to|urges?"
        r"|want to|need to|thinking about|by|stop|stopped|quit)(?: \w+)? (?:cutting|cuttin|cut)\b"
        r"(?! (?:back|down|my (?:dose|hair|nails)|the|it|them|out|off|corners|carbs|sugar|coffee"
        r"|caffeine|alcohol|drinking)\b)",
        r"\b(?:cutting|cut) again\b|\b(?:im|i am|was) a cutter\b"
        r"|\bi cut (?:last night|today|tonight|yesterday|this morning)\b",
        r"\b(?:got|get|getting|grabbed|took|pulled) (?:out )?(?:the|my|a) (?:razors?|blades?) (?:out|again)\b"
        r"|\b(?:got|get|getting|grabbed|took|pulled) out (?:the|my|a) (?:razors?|blades?)\b",
        r"\bself ?harm\w*|\bself (?:injur\w*|mutilat\w*)|\bsh\b(?! it\b| t\b)",
        r"\bbang(?:ing|ed)? my head (?:against|on|into)\b",
        r"\b(?:hurt|hurting|cut|cutting|burn|burned|burning|burnt|hit|hitting|punch|punched|scratch"
        r"|scratched|bang|banged|banging|bite|bit|smash|smashed|smashing|slam|slammed|slamming|bash|bashed"
        r"|kick|kicked)(?: \w+){0,5}? on purpose\b",
        r"\b(?:need|want|deserve|deserves) (?:to )?(?:feel )?(?:the )?pain\b"
        r"|\bdeserve to (?:suffer|hurt|bleed)\b",
        r"\b(?:my|fresh|new|deep) cuts\b|\bcuts? (?:need|needs|needed|might need) stitch\w*",
        r"\b(?:use|used|using) (?:it|them|a razor|a blade|a knife) on (?:myself|my (?:arms?|legs?"
        r"|wrists?|skin))\b",
        r"\b(?:me estoy cortando|cortarme|me corto|me corte|lastimarme|me lastimo|hacerme dano"
        r"|autolesion\w*)\b",
    ),
    "violence": (
        rf"\b{_PERSON}(?: \w+){{0,3}}? (?:hit|hits|hitting|beat|beats|beating|choked|chokes|choking"
        r"|strangled|strangles|strangling|punched|punches|punching|kicked|kicks|kicking|slapped|slaps"
        r"|slapping|smacked|smacks|pushed|pushes|shoved|shoves|threw|throws|grabbed|grabs|hurt|hurts"
        r"|hurting|attacked|attacks|abused|abuses|abusing|raped|rapes|assaulted|molested|stabbed"
        r"|burned|dragged|slammed|threatened|threatens|threatening|kidnapped|locked) "
        r"(?:me|us|my kids|the kids|my children|my baby|(?:\w+ ){1,3}and me|me and (?:my )?\w+)\b",
        rf"\b{_PERSON}(?: \w+){{0,4}}? (?:kill|hurt|beat|shoot|stab|strangle|choke|murder) "
        r"(?:me|us|my kids|the kids|my children|my baby)\b",
        rf"\b{_PERSON}(?: \w+){{0,3}}? (?:has|have|had|got|pulled|pulls|pointed|pointing|waving"
        r"|holding|keeps|threatening me with|threatened me with|came at me with) (?:a |his |her |the )?"
        r"(?:gun|knife|weapon|pistol|rifle|machete)\b",
        rf"\b{_PERSON}(?: \w+){{0,2}}? (?:threw|throws|throwing|swung|swings|swinging|aimed) "
        r"(?:\w+ ){1,3}?at (?:me|us|my head|my face)\b|\bcame at me\b",
        # passive; bare "im beat" means tired, so "beat" needs "got"/"up"
        r"\b(?:im|i was|was|been|being|got|get|getting|keep getting)(?: \w+)? (?:beaten|abused|raped"
        r"|assaulted|attacked|choked|strangled|threatened|stalked|molested|jumped|beat up)\b"
        r"|\b(?:got|get|getting) beat\b",
        r"\b(?:afraid|scared|terrified|frightened|fear)(?: \w+){0,2}? (?:to go home|of going home"
        r"|to go back home|for my life|for my safety|of my (?:husband|wife|partner|boyfriend|girlfriend"
        r"|bf|gf|ex|dad|father|stepdad|mom|mother|son|brother))\b",
        r"\bdomestic (?:violence|abuse)\b|\bdv\b|\babusive (?:husband|wife|partner|boyfriend|girlfriend"
        r"|relationship|home|marriage|parents?|dad|mom|ex)\b|\b(?:is|hes|shes|theyre|are|being)"
        r"(?: \w+)? abusive\b|\b(?:being abused|abuses me|abusing me|abused me)\b",
        r"\b(?:im|we are|were|my kids are) in danger\b(?! of\b)|\b(?:dont|never) feel safe (?:at home"
        r"|around (?:him|her)|with (?:him|her)|in my (?:own )?home|here)\b",
        r"\b(?:not |un)safe (?:at home|here|with him|with her|around him)\b",
        r"\b(?:wont|doesnt|wouldnt) let me (?:leave|call (?:anyone|for help|911|the police)"
        r"|out of the house)\b|\bstalking me\b",
        rf"\bhiding (?:in|under|behind|inside|at|out in)(?: \w+){{0,3}}? from (?:him|her|them|{_PERSON})\b",
        r"\b(?:his|her|their) hands? (?:around|round|on|over) my (?:neck|throat|mouth)\b",
        r"\bme (?:pega|pego|golpea|golpeo|quiere matar|va a matar|amenaza|amenazo|maltrata)\b",
    ),
}

_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cat, re.compile("|".join(f"(?:{p})" for p in _PATTERNS[cat]))) for cat in CATEGORIES
)

# Mixing benzos with alcohol/opioids counts only when it is happening, not asked about.
_MIX_PILL = re.compile(rf"\b(?:{_PILL}|doses?)\b")
_MIX_OTHER = re.compile(rf"\b{_ALC_OPIOID}\b")
_MIX_NOW = re.compile(
    r"\b(?:took|taken|popped|swallowed|mixed|mixing|drank|drinking|had|downed|did|snorted|on top"
    r"|right now|just now|tonight|currently)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if i|if you|can i|can you|could i|should i|is it (?:ok|okay|safe|bad|dangerous)|safe to"
    r"|ok to|okay to|what happens|how much|how long|how bad|will it|would it)\b"
)
# Informational medical questions ("can withdrawal cause chest pain") go to the topic replies.
_INFO_Q = re.compile(r"^(?:can|could|does|do|will|would|is|are|what|whats|why|how|when|should)\b")
_INFO_WORDS = re.compile(r"\b(?:cause|causes|normal|common|symptoms?|signs?|happen|mean|uses?|used|risk)\b")
_INFO_TAIL = re.compile(r"\bis (?:that|this|it) (?:\w+ )?(?:normal|common|a symptom|withdrawal|from withdrawal)\b")
_HABITUAL = re.compile(
    r"\b(?:sometimes|when (?:im |i get )?(?:anxious|stressed|panicking|nervous)|when i panic|panic attacks?"
    r"|every time|usually|often)\b"
)
_URGENT = re.compile(
    r"\b(?:right now|now|currently|just|help|hes|shes|he is|she is|im having|seizing|convulsing|not breathing"
    r"|wont wake|unresponsive|unconscious|collapsed|blue|911)\b"
)
# Accidents are not self-harm, unless the text says it was deliberate.
_ACCIDENT = re.compile(
    r"\b(?:accident|accidentally|accidently|by mistake|cooking|shaving|shave|stove|oven|gym|lifting"
    r"|workout|working out|tripped|slipped|playing|practice|soccer|football|basketball|bike)\b"
)
_DELIBERATE = re.compile(
    r"\b(?:on purpose|intentionally|deliberately|purposely|want to|going to|need to|urges?|deserve)\b"
)


def _vetoed(category: str, s: str) -> bool:
    if category == "medical":
        if _URGENT.search(s):
            return False
        # "can withdrawal cause chest pain", "... when anxious, is that normal": asking, not happening now.
        return bool(_INFO_Q.search(s) and _INFO_WORDS.search(s)) or bool(_INFO_TAIL.search(s) and _HABITUAL.search(s))
    if category == "self_harm":
        return bool(_ACCIDENT.search(s) and not _DELIBERATE.search(s))
    return False


def _mixing_now(s: str) -> bool:
    return bool(_MIX_PILL.search(s) and _MIX_OTHER.search(s) and _MIX_NOW.search(s) and not _HYPOTHETICAL.search(s))


def classify(text: str) -> str | None:
    """Return the highest-priority crisis category in `text`, or None if it reads as no crisis."""
    s = normalise(text) if text else ""
    if not s:
        return None
    for literals, rule in _FALSE_FRIENDS:
        if any(lit in s for lit in literals):
            s = rule.sub(" ~ ", s)  # "~" breaks adjacency so no pattern spans a removed idiom
    for category, pattern in _COMPILED:
        if category == "overdose" and _mixing_now(s):
            return category
        if pattern.search(s) and not _vetoed(category, s):
            return category
    return None
