"""Text normalising: one spelling for the many ways a text can be typed, then idioms blanked out."""

from __future__ import annotations

import re
import unicodedata

# --- normalisation -------------------------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"',
        # Laughing emoji turn "i'm dead 😂" into an idiom the false-friend layer recognises.
        "\U0001f602": " lol ", "\U0001f923": " lol ", "\U0001f480": " lol ", "\U0001f639": " lol ",
        "\U0001f606": " lol ", "\U0001f605": " lol ",
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
    "gotta": "got to", "cannot": "cant", "idc": "i dont care", "hw": "how", "rn": "right now", "2nite": "tonight",
    "2night": "tonight", "tonite": "tonight", "tnite": "tonight", "b4": "before",
    "bc": "because", "cuz": "because", "cos": "because", "bcuz": "because", "coz": "because",
    "pls": "please", "plz": "please", "abt": "about", "ppl": "people", "myslef": "myself",
    "mysef": "myself", "myslf": "myself", "thru": "through", "2day": "today",
    "tmrw": "tomorrow", "2morrow": "tomorrow", "kil": "kill", "ded": "dead",
    "prolly": "probably", "wud": "would", "cud": "could", "shud": "should", "hav": "have",
    "wat": "what", "wut": "what", "til": "till", "untill": "until", "dnt": "dont", "cnt": "cant",
    "aint": "isnt", "bout": "about", "agn": "again", "agian": "again", "nite": "night", "buncha": "bunch of",
    "lotta": "lot of", "outta": "out of", "soo": "so", "thnk": "think", "tho": "though",
}  # fmt: skip
_SLANG_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _SLANG)) + r")\b")
# Dropped g: "breathin", "havin", "killin" -> "-ing". The stem must end in a consonant (or be a short verb
# like "dyin", "goin") so "again", "heroin", "protein" stay; words that really end in -in are listed.
_G_DROPPED = re.compile(r"\b(?:[a-z]{2,}[b-df-hj-np-tv-z](?<![aio]p)|[a-z]{2,}y|dy|ly|ty|see|be|do|go)in\b")
_REAL_IN_WORDS = frozenset(
    [
        "within",
        "begin",
        "cabin",
        "basin",
        "cousin",
        "robin",
        "violin",
        "raisin",
        "toxin",
        "vitamin",
        "insulin",
        "aspirin",
        "margin",
        "origin",
        "napkin",
        "pumpkin",
        "muffin",
        "coffin",
        "dolphin",
        "satin",
        "latin",
        "admin",
        "cumin",
        "melatonin",
        "vicodin",
        "gabapentin",
        "kevin",
        "martin",
        "justin",
        "dustin",
        "austin",
        "karin",
        "darwin",
        "benjamin",
        "colin",
        "caitlin",
        "kristin",
        "dublin",
        "berlin",
        "griffin",
        "puffin",
        "goblin",
        "javelin",
        "mandolin",
        "muslin",
        "tannin",
        "akin",
        "kelvin",
        "marvin",
        "calvin",
    ]
)
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
        ("2 ", r"\b2 (die|kill|end|hurt|cut|live|overdose|od|wake|sleep|be|not|never)\b", r"to \1"),
        ("2 ", r"\b2 (many|much)\b", r"too \1"),
        # "a hole bottle", "da whole bottle"
        (
            "hole",
            r"\b(a|the|my|his|her|their|da) hole (bottle|thing|pack|box|strip|script|prescription|month|week"
            r"|supply|sheet)\b",
            r"\1 whole \2",
        ),
        ("da ", r"\bda (whole|entire|rest|bottle|pills|meds)\b", r"the \1"),
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
    if "in" in s:
        s = _G_DROPPED.sub(lambda m: m.group() if m.group() in _REAL_IN_WORDS else m.group() + "g", s)
    for guard, pattern, repl in _PHRASES:
        if guard in s:
            s = pattern.sub(repl, s)
    return " ".join(s.split())


# --- false friends: idiom spans blanked out before matching ---------------------------------------

# (literals, regex): a rule runs only if one of its literals occurs, which keeps long texts fast.
# who scolds, and what for: "my mom is gonna kill me, i dented the car"
_SCOLDER = (
    r"(?:boss|manager|supervisor|mom|mum|mother|dad|father|parents|teacher|professor|coach|wife|husband|girlfriend"
    r"|boyfriend|gf|bf|sister|brother|landlord|grandma|grandpa|nana|she|he|they)"
)
_MUNDANE = (
    r"(?:overslept|oversleeping|late (?:again|for|to)|running late|(?:i|we) (?:\w+ )?(?:forgot|broke|lost|spent"
    r"|missed|crashed|dented|scratched|burned|burnt|ate|maxed|failed|overslept)|report card|grades|speeding ticket"
    r"|parking ticket|curfew|the bill|phone bill|credit card|haircut|tattoo|homework|lol|lmao|haha|jk)"
)
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
    # a resolved overdose told with the date first: "back in 2019 i overdosed", "years ago he odd"
    (
        ("od", "overdose", "seizure"),
        r"\b(?:(?:back )?in (?:19|20)\d\d|(?:\w+ )?years? ago|a while back|as a (?:kid|teen|teenager))"
        r"(?: (?:i|he|she|they|my \w+))?(?: \w+)? (?:overdosed|odd|oded|od d|had an overdose|had a seizure"
        r"|had seizures)\b",
    ),
    # asking what a service is for: "is 988 only for suicide or can i call about withdrawal"
    (
        ("suicid",),
        r"\b(?:988|hotline|lifeline|line|number|service|chat|it|this|that)(?: \w+){0,2}? (?:only|just)"
        r" (?:for|about) (?:suicid\w*|people who are suicidal)|\b(?:988|hotline|lifeline|line|number|service)"
        r"(?: \w+){0,2}? (?:for|about) suicid\w* only\b",
    ),
    # media or a class about the topic: "watched a documentary about suicide prevention"
    (
        ("suicid",),
        r"\b(?:documentary|documentaries|book|books|podcast|podcasts|class|classes|course|training|video|videos"
        r"|article|talk|lecture|seminar|workshop|show|movie|film|episode|ted talk|paper|essay|project|presentation"
        r"|walk|event|fundraiser|month|week|day)(?: \w+){0,2}? (?:about|on|for) suicid\w* (?:prevention|awareness"
        r"|statistics|rates|research)\b|\bsuicid\w* (?:prevention|awareness) (?:documentary|book|podcast|class"
        r"|course|training|video|month|week|day|walk|event|fundraiser|lecture|seminar|workshop)\b",
    ),
    # drinking, not an emergency: "blacked out at the party last weekend lol"
    (
        ("blacked out", "passed out"),
        r"\b(?:blacked out|passed out)(?: \w+){0,2}? (?:at (?:the|a) party|drunk|from drinking|last (?:weekend|week"
        r"|month))\b",
    ),
    # "dying my hair": dyeing
    (("dying",), r"\bdying (?:my|his|her|their|your|the) (?:hair|roots|beard|eyebrows|clothes|shirt|jeans|eggs)\b"),
    # asking who the service is for: "is 988 for people who arent suicidal too"
    (
        ("suicid",),
        r"^(?:is|are|isnt|does|do) (?:988|the hotline|the lifeline|the crisis line|this line|this service|this|it)"
        r"(?: \w+){0,3}? (?:only |just )?(?:for|about) (?:people who (?:are|arent|are not) |non )?suicid\w*",
    ),
    # Fear of an accidental overdose is a worry, not an intent: "scared im going to od by accident".
    (
        ("od", "overdos"),
        r"\b(?:afraid|scared|worried|terrified|fear|fears|nervous|worry)(?: that)? (?:im|i|he|she|hes|shes|they"
        r"|my \w+)(?: \w+)? (?:going to|will|might|could|would) (?:overdose|od)\b",
    ),
    (
        ("sobredosis",),
        r"\b(?:si|cuando|puede|pueden|puedo|podria)(?: \w+){0,2}? (?:tiene|tengo|tener|tenga|tuviera|dar|darme"
        r"|causar) (?:una )?sobredosis\b",
    ),
    # A prescriber changing the dose is not an overdose: "my psychiatrist doubled my dose again".
    (
        ("doubled", "tripled"),
        r"\b(?:doctor|dr|doc|psychiatrist|psych|prescriber|np|gp|pharmacist) (?:\w+ )?(?:doubled|tripled)\b",
    ),
    # "id rather die than go back to that job" is a complaint, not a wish
    (
        ("die than",),
        r"\b(?:rather|sooner) die than (?:go|going|do|doing|eat|eating|work|working|sit|wear|be seen|talk|call|ask"
        r"|admit|watch|listen)\b",
    ),
    # Questions about what to do if it happens: "what should i do if my son has a seizure".
    (
        ("what", "how", "in case"),
        r"\b(?:(?:what (?:should|do|would|can) (?:i|we) do|what happens|how (?:do|will|would|can) (?:i|you|we)"
        r" (?:know|tell)) (?:if|when|whether)|in case) (?:\w+ ){0,3}?(?:(?:has|have|gets|get|is having|had)"
        r" (?:a |an |another )?(?:seizures?|fits?)|overdosed|overdoses|is overdosing|has overdosed|ods|oded|odd)\b"
        r"(?! (?:right now|now|rn|tonight)\b)",
    ),
    # Routine doses taken in full: "took all my pills for today", "took all my evening meds".
    (
        ("all", "todas"),
        r"\b(?:took|taken|take) all (?:of )?my (?:morning |evening |night |nighttime |bedtime |daily |regular |usual )?"
        r"(?:pills|meds|medications?|medicine|vitamins)(?: \w+){0,2}? (?:for (?:today|the day|tonight)|on time"
        r"|as prescribed|like (?:my doctor|the doctor|i was told|im supposed to|i should)|with (?:breakfast|dinner"
        r"|lunch|food))\b|\btook all (?:of )?my (?:morning|evening|night|nighttime|bedtime|daily|regular|usual)"
        r" (?:pills|meds|medications?|medicine)\b|\b(?:tome|me tome) (?:todas )?(?:mis|las) (?:pastillas|medicinas)"
        r"(?: \w+){0,2}? (?:de hoy|del dia|a tiempo|como me (?:dijo|dijeron|indico|indicaron)|de la manana"
        r"|de la noche)\b",
    ),
    # Declining to take them all: "im not going to take all my pills at once".
    (
        ("not", "never", "nt "),
        r"\b(?:not|never|dont|wont|wouldnt|didnt)(?: going to| want to| plan to| planning to)? (?:take|swallow)"
        r" (?:all|every|the whole|too many|a handful)\b",
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
    # games and races: "he beats me at chess", "my son beat my dad in a race"
    (
        ("beat",),
        r"\bbeat(?:s|ing)? (?:me|us|him|her|them|(?:my|his|her|our) \w+) (?:at|in (?!(?:front|the (?:face|head"
        r"|stomach|ribs|car|house|kitchen)|her|his|my|their|our)\b)|to (?:it|the)|by (?:a|one|two|\d+))\b",
    ),
    (("everything",), r"\btook everything (?:in|out of) me\b"),
    (
        ("seeing",),
        r"\bseeing (?:things|it|life|everything) (?:more )?(?:clearly|differently|different|better"
        r"|in a new light)\b",
    ),
    # Hoping the kids sleep on is not hoping to die: "praying the baby wont wake up".
    (
        ("wake",),
        r"\b(?:hope|hoping|pray|praying|fingers crossed)(?: that)? (?:the |my |our )?(?:kids?|baby|babies"
        r"|toddler|son|daughter|dog|husband|wife|neighbou?rs?|roommate|house)(?: \w+)? (?:dont|wont|doesnt"
        r"|will not) wake(?: up)?\b",
    ),
    # Negations and history: "not suicidal", "never had a seizure", "a seizure years ago".
    (("suicidal",), r"\bnot (?:really |actually )?suicidal\b"),
    (
        ("nt ", "never"),
        r"\b(?:dont|never|didnt|doesnt) (?:really )?(?:want|wanna|wish|mean|plan|intend)(?: to)? "
        r"(?:die|kill myself|hurt myself|feel (?:the )?pain)\b",
    ),
    (("seizure", "fit"), r"\b(?:never|havent|not|hasnt) (?:ever )?(?:had|have had) (?:a |any )?(?:seizures?|fits?)\b"),
    (
        (" ago", "last ", "as a", "when "),
        r"\bhad (?:a |an |my )?(?:seizures?|fits?|overdose)(?: \w+){0,2}? (?:(?:years?|months?) ago|last (?:year"
        r"|summer|winter|spring|fall)|as a (?:kid|child|baby|teen)|when (?:i|he|she) was (?:little|young|a kid"
        r"|a baby))\b",
    ),
    # hyperbole about a scolding to come: "ugh my boss is gonna kill me, overslept again"
    (
        ("kill me",),
        rf"\b{_SCOLDER}(?: is| s)? (?:going to|will|would|is going to) (?:literally |actually |totally )?kill me\b"
        rf"(?=(?: \w+){{0,8}}? {_MUNDANE}\b)|\b{_MUNDANE}\b(?: \w+){{0,8}}? {_SCOLDER}(?: is| s)? (?:going to|will"
        r"|would|is going to) (?:literally |actually |totally )?kill me\b",
    ),
    # a fright, not a cardiac event: "nearly had a heart attack when the bill came lol"
    (
        ("heart attack",),
        r"\b(?:nearly|almost|practically|about to|basically) (?:had|have|gave me|give me|giving me|gave (?:him|her))"
        r" (?:a )?heart attack\b(?=(?: \w+){0,8}? (?:when|lol|lmao|haha|at (?:the|my)|seeing|because|cause|from the"
        r"|price|bill|scared|jump scare|surprise)\b)",
    ),
    # a near miss, not an emergency: "nearly fainted from the heat"
    (("nearly", "almost"), r"\b(?:nearly|almost) (?:fainted|passed out|collapsed|blacked out)\b"),
    (
        ("ago", "as a"),
        r"\b(?:fainted|passed out|collapsed|blacked out)(?: \w+){0,6}? (?:years? ago|months ago"
        r"|as a (?:kid|child|teen))\b",
    ),
)
_FALSE_FRIENDS = tuple((literals, re.compile(p)) for literals, p in _FALSE_FRIEND_RULES)


def blank_false_friends(s: str) -> str:
    for literals, rule in _FALSE_FRIENDS:
        if any(lit in s for lit in literals):
            s = rule.sub(" ~ ", s)  # "~" breaks adjacency so no pattern spans a removed idiom
    return s
