"""Crisis classifier for incoming texts.

`classify(text)` returns one of CATEGORIES (highest priority first) or None. It is tuned for
recall: a missed crisis can kill, a false alarm costs an operator a look. It still stays quiet on
common false friends ("this insomnia is killing me", "I cut back my dose with my doctor") and on
informational questions ("can withdrawal cause seizures"), which the topic replies answer.

Pipeline: normalise the text (Unicode, case, accents, text-speak, leet, stretched letters), blank
out known idiom spans, then try each category in priority order: its pattern families (one family
per kind of wording, e.g. "took all / a handful of pills", "can't wake him"), plus a few pairs of
signals that only mean a crisis together (giving belongings away + "i'm done"). A family is only
searched when one of its gate literals occurs in the text; tests prove every match contains one.

Pure stdlib, no I/O; every regex is compiled once at import and uses bounded gaps only, so there is
no catastrophic backtracking: about 60 us per message on average and 1-2 ms for a 1,600-character
worst case, even with every family searched (tests/perf/bench_classifier.py).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

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
        ("2 ", r"\b2 (die|kill|end|hurt|cut|live|overdose|od|wake|sleep|be)\b", r"to \1"),
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
    (("beat",), r"\bbeat (?:me|us) (?:at|in|to|by)\b"),
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
    ((" ago",), r"\bhad (?:a |an |my )?(?:seizures?|fits?|overdose)(?: \w+){0,2}? (?:years?|months?) ago\b"),
    (
        ("ago", "as a"),
        r"\b(?:fainted|passed out|collapsed|blacked out)(?: \w+){0,3}? (?:years? ago|months ago"
        r"|as a (?:kid|child|teen))\b",
    ),
)
_FALSE_FRIENDS = tuple((literals, re.compile(p)) for literals, p in _FALSE_FRIEND_RULES)

# --- shared vocabulary -----------------------------------------------------------------------------

_PILL = (
    r"(?:pills?|tabs?|tablets?|meds|medications?|medicine|prescriptions?|scripts?|klonopins?|klonnies"
    r"|clonopins?|klonipins?|klonapins?|klonopens?|clonazepam|clonazapam|clonazepan|rivotril|k ?pins?|benzos?"
    r"|bars|xanax|xannies|valium|ativan|lorazepam|diazepam|alprazolam|sleeping pills|percs?|percocets?|oxys?"
    r"|oxycodone|norcos?|vicodin|pastillas|pildoras|tabletas"
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
# how much was taken: "all", "the whole", "a full", "a big handful", "a shitload", "a strip"
_QUANTITY = (
    r"(?:all(?: \d+)?|every|each|the rest|lots|so many|handfuls|too many|too much|way too many|way too much"
    r"|(?:a|an|the|my|his|her|their) (?:whole|full|entire|complete)"
    r"(?: (?:strip|sheet|blister pack|blister|card|pack|packet|box|jar|container))?"
    r"|a (?:whole |big |huge |massive |giant )?(?:bunch|ton|lot|load|pile|heap|handful|fistful|fist full)"
    r"|a (?:shit ?ton|shitload|crap ?ton|crapload|boatload)"
    r"|a (?:strip|sheet|blister pack|blister|card|pack|packet))"
)
_LETHAL = (
    r"(?:die|dying|kill\w*|lethal|fatal|deadly|overdos\w*|od|not wake|never wake|end it|end my life"
    r"|stops? (?:breathing|your heart|my heart))"
)
_PERSON = (
    r"(?:he|she|they|hes|shes|theyre|hell|shell|theyll|hed|shed|someone|somebody"
    r"|(?:a|some|this|that) (?:guy|man|woman|stranger|dude)"
    r"|(?:(?:my|our|moms?|dads?|her|his) (?:\w+ )?)?(?:husband|hubby|wife|partner|boyfriend|girlfriend"
    r"|bf|gf|ex|dad|father|stepdad|stepfather|mom|mother|stepmom|son|daughter|brother|sister|roommate"
    r"|fiancee?|uncle|aunt|cousin|landlord|dealer|spouse|parents?|grandpa|grandfather|neighbou?r|boss"
    r"|caregiver|carer|aide|nurse|grandson|granddaughter|nephew|niece|stepson|stepdaughter"
    r"|(?:son|daughter|brother|sister) in law|in laws))"
)
_POSS = r"(?:my|his|her|their)(?: own)?"
# body parts where a cut or burn is not an everyday accident (hands and fingers are)
_BODY = r"(?:wrists?|arms?|forearms?|legs?|thighs?|skin|stomach|belly|hips?|body|ankles?|calves|flesh)"
_SH_VERB = (
    r"(?:cut|cuts|cutting|slice|sliced|slicing|slash\w*|carv\w*|burn|burns|burned|burnt|burning|scratch\w*"
    r"|bite|bit|bites|biting|punch\w*|hit|hits|hitting|dig|digs|digging|dug|pick|picks|picked|picking"
    r"|bang\w*|slam\w*|smash\w*|bash\w*|claw\w*|bruise|bruised|bruising|hurt|hurts|hurting|stab\w*"
    r"|kick|kicks|kicked|kicking|pull|pulls|pulled|pulling|rip|rips|ripped|ripping)"
)
# what makes hurting oneself deliberate: "on purpose", "till it bleeds", "to feel something"
_SH_MARK = (
    r"(?:on purpose|deliberately|intentionally|to feel (?:something|anything|alive|real|pain|the pain)"
    r"|to punish (?:myself|himself|herself|themselves|me)|(?:because|cause|since) i deserve (?:it|to)"
    r"|i deserve it|so hard (?:that )?(?:it|they|i) (?:bled|bleeds?|bruised|bruises?)"
    r"|(?:till|until) (?:it|they|i|my \w+|the skin|skin|blood)(?: \w+)? (?:bleeds?|bled|bleeding|bruises?"
    r"|bruised|raw|blisters?|blistered|comes out|came out))"
)

# --- patterns per category (priority order), grouped by family -----------------------------------

# Every pattern starts at a word: with `\b`, or with _START for "only as the first word".
_START = r"(?<=^ )"

# what someone does to me: the tails of the violence family that shares one _PERSON prefix
_HURTS_ME = (
    r"(?:hit|hits|hitting|beat|beats|beating|choked|chokes|choking|strangled|strangles|strangling|punched|punches"
    r"|punching|kicked|kicks|kicking|slapped|slaps|slapping|smacked|smacks|pushed|pushes|shoved|shoves|threw"
    r"|throws|grabbed|grabs|hurt|hurts|hurting|attacked|attacks|abused|abuses|abusing|raped|rapes|assaulted"
    r"|molested|groped|gropes|fondled|fondles|stabbed|burned|dragged|slammed|threatened|threatens|threatening"
    r"|kidnapped|locked|locks|pinch|pinches|pinched|pinching|yanked|yanks|restrained|restrains|pinned|spit on|spat on) "
    r"(?:me|us|my kids|the kids|my children|my baby|(?:\w+ ){1,3}and me|me and (?:my )?\w+)\b"
    r"(?! (?:by accident|accidentally|as a joke|jokingly|playfully|gently|lol)\b)"
)
_WILL_HURT_ME = r"(?:kill|hurt|beat|shoot|stab|strangle|choke|murder) (?:me|us|my kids|the kids|my children|my baby)\b"
_ARMED = (
    r"(?:has|have|had|got|pulled|pulls|pointed|pointing|waving|holding|keeps|threatening me with"
    r"|threatened me with|came at me with) (?:a |his |her |the )?(?:gun|knife|weapon|pistol|rifle|machete)\b"
    r"(?! (?:for|at) (?:hunting|work|his job|her job|the range|target practice|deer season|fishing|protection"
    r"|self defense|home defense|safety)\b)"
)
_THREW_AT_ME = r"(?:threw|throws|throwing|swung|swings|swinging|aimed) (?:\w+ ){1,3}?at (?:me|us|my head|my face)\b"
_HIT_NEAR_ME = (
    r"(?:punched|punches|punching|hit|hits|kicked|smashed|shot|fired)(?: \w+){1,5}? (?:next to|beside|right by"
    r"|inches from) (?:me|my head|my face)\b"
)
_GRABBED_MY = (
    r"(?:twisted|twists|twisting|yanked|yanks|pulled|pulls|pulling|grabbed|grabs|squeezed|squeezes|bent|bends)"
    r" my (?:arm|arms|wrist|wrists|hair|neck|throat|fingers)\b"
    r"(?! (?:into|to|playfully|as a joke|jokingly|lol|gently|by accident|accidentally)\b)"
)


class _Family(NamedTuple):
    """Patterns for one family of wording, tried only if a gate literal occurs in the text. Every match
    of the patterns contains one of the gate literals (tests/test_safety.py proves it from the regex), so
    the gate only saves time: most families are skipped on most texts, long ones included."""

    gate: tuple[str, ...]
    patterns: tuple[str, ...]
    regex: re.Pattern[str]


def _family(gate: str, *patterns: str) -> _Family:
    """Compile a family for search in " " + text: the leading space is a literal prefix, so the engine
    jumps from word start to word start instead of trying every alternative at every character."""
    alternatives = []
    for p in patterns:
        if p.startswith(r"\b"):
            p = p[2:]
        elif not p.startswith(_START):
            raise ValueError(f"pattern must start at a word: {p[:40]!r}")
        alternatives.append(f"(?:{p})")
    return _Family(tuple(gate.split("|")), patterns, re.compile(" (?:" + "|".join(alternatives) + ")"))


_OVERDOSE: tuple[_Family, ...] = (
    # took all / the whole bottle / a handful / too many / N pills or mg / triple my dose / more and more
    _family(
        "took|tak|swallow|down|pop|ate|eat|chug|neck|snort|had",
        rf"\b{_TAKE} (?:like |about |maybe |almost |literally |basically |pretty much )?{_QUANTITY}(?: of)?{_DET}"
        rf"(?: \w+){{0,2}}? {_PILL}\b",
        rf"\b{_TAKE} (?:like |about |maybe |almost |literally |basically |pretty much )?(?:a (?:whole |big )?handful"
        r"|a fistful|too many|too much|way too many|way too much|so many|so much|a whole bottle|the whole bottle"
        r"|everything|them all|it all|em all|all of them|all of it|all of em|the lot|the rest"
        r"|a (?:whole )?bunch|a shitload|a ton)"
        r"(?=$| (?:and|so|because|tonight|just|now|right|again|i|im|ago|an|earlier|help|please|lol|idk|what"
        r"|in my|in (?:the|his|her) (?:medicine|cabinet|pill|bottle|bathroom))\b)",
        rf"\b{_TAKE}(?: \w+){{0,3}}? {_PILL} (?:all of them|all of em|every one|all at once)\b",
        rf"\b{_TAKE}(?: \w+){{0,5}}? {_PILL}(?: \w+){{0,2}}? (?:at once|at the same time)\b",
        rf"\b{_TAKE}(?: \w+){{0,3}}? (?:days?|weeks?|months?) (?:worth|supply)\b",
        r"\btaking (?:all|every|the whole|the rest)(?: \w+){0,4}? (?:tonight|now|at once)\b",
        rf"\b(?:{_TAKE}|had)(?: \w+){{0,4}}?"
        rf" (?:{_COUNT}(?: of)?{_DET}(?: \w+)?? (?:{_PILL}|\d+(?:\.\d+)? ?mgs?|\d+s)\b"
        rf"(?! (?:left|remaining|a day|per day|daily)\b)|{_MG})",
        rf"\bi (?:just )?took (?:like |about |maybe )?{_COUNT}(?= just now| tonight| an hour| and|$)",
        rf"\b{_TAKE} half (?:of )?(?:the|a|my|his|her) (?:bottle|pack|strip|prescription|script|supply|pills"
        r"|stash)\b",
        rf"\b{_TAKE} (?:way |a lot |so much )?more than (?:i|im|he|she|they|you) (?:should|was supposed"
        r"|supposed|meant)",
        r"\b(?:took|taken|popped|swallowed|ate|had|taking)(?: like| about| maybe)? (?:triple|quadruple"
        r"|(?:three|four|five|six|ten|[3-9]) times|[3-9]x)(?: of)? (?:my|his|her|their|the|what)(?: \w+)?"
        r" (?:dose|dosage|prescription|script|amount|usual|normal)\b",
        r"\b(?:took|taking|take|popped|popping|swallowed|swallowing|eating|ate)(?: \w+){0,3}? (?:more and more"
        r"|another and another|another one and another|one after (?:another|the other))\b",
    ),
    # emptied the bottle, doubled it again, lost count of how many
    _family(
        "emptied|doubl|tripl|quadrupl|how many|how much|lost",
        r"\bemptied (?:the|my|a|his|her) (?:\w+ )?bottle\b",
        r"\b(?:doubled|tripled|quadrupled|doubling|tripling)(?: it| that| them| my dose| the dose| up)? again\b",
        r"\b(?:lost count|lost track|dont know|dont remember|cant remember|doesnt know|doesnt remember|not sure"
        r"|idk|no idea)(?: of)? how (?:many|much) (?:i|he|she|they|we|ive|hes|shes)(?: \w+)? (?:took|taken|had"
        r"|swallowed|popped|ate)\b",
        r"\b(?:took|taken|taking|popped|popping|swallowed|ate|had|doubled)(?: \w+){0,6}? (?:lost count|lost track)"
        r"\b(?! of (?:time|the time|the days?|days|hours|the date))",
    ),
    # "i overdosed", "my son is overdosing", "im going to od"; naloxone given means an overdose under way
    _family(
        "od|overdos|narcan|naloxone",
        r"\b(?:i|ive|i have|i think i|just|he|she|they|hes|shes|im|someone|my \w+)"
        r"(?: (?:just|think|may|might|have|has|accidentally|probably|think i|is|was|are))* "
        r"(?:overdosed|odd|oded|od ed|overdosing|oding|od ing)\b",
        rf"{_START}(?:just |i )?(?:overdosed|oded|overdosing)\b"
        rf"|{_START}(?:just |i )?odd(?= (?:so|and|feel|feeling|im|i|help|right now|idk|what|please))",
        r"\b(?:going to|want to|ready to|about to|plan to|planning to|planning on|thinking about|thinking of"
        r"|decided to)(?: just)? (?:overdose|od|overdosing|oding)\b(?! (?:by accident|accidentally|on accident))",
        r"\b(?:gave|given|giving|used|using|sprayed|administered|had to (?:use|give)) (?:him|her|them|me|my \w+)?"
        r" ?(?:\w+ )?(?:narcan|naloxone)\b|\b(?:narcan|naloxone) (?:isnt|is not|didnt|did not|not|wasnt)"
        r" (?:working|work|helping|help)\b",
    ),
    # method-seeking: how many would kill, a lethal dose, enough to not wake up, to make sure its enough
    _family(
        "how|what|leth|leath|fatal|deadly|kill|enough|most|max|highest",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the )?(?:{_PILL}|mg|milligrams))?(?: \w+){{0,2}}? (?:kills?"
        r"|would kill|will kill|is lethal|is fatal|is deadly)\b",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the |these |those |your )?(?:{_PILL}|mg|milligrams))?"
        rf"(?: \w+){{0,6}}? (?:to|would|will|does|do|can|could|before|until|till)(?: \w+){{0,3}}? {_LETHAL}\b",
        r"\bwhat (?:amount|dose|dosage|number|quantity)(?: \w+){0,6}? (?:would|will|could|can|does|to) (?:\w+ )?"
        r"(?:kill|be lethal|be fatal|stop (?:my|your|his|her|someones) heart)\b",
        r"\b(?:how (?:many|much)|what (?:amount|dose|number|quantity))(?: \w+){0,6}? "
        r"(?:is|are|be|s|could be) (?:lethal|fatal|deadly)\b",
        r"\b(?:lethal|fatal|deadly|leathal|lethel)(?: \w+)? (?:dose|doses|dosage|amount|number|quantity"
        r"|level|combo|combination|mix)\b"
        r"(?! (?:of|for) (?:caffeine|coffee|water|salt|sugar|nicotine|energy drinks?)\b)",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the |these |those |your )?(?:{_PILL}|mg|milligrams))? "
        r"(?:would|will|does|do|did|should|could) it take\b"
        r"(?! (?:to|for|before|until) (?:feel|get|kick|work|start|stop|leave|clear|wear)\b)",
        rf"\b(?:can|could|would|will|does|is) (?:{_COUNT}|\d+)(?: \w+){{0,2}}? (?:kill|be lethal|be fatal)",
        r"\benough (?:\w+ ){0,2}?to (?:die|kill|od|overdose|not wake|never wake|end it|do the job|not come back"
        r"|stop (?:my|your|his|her) heart|sleep forever)\b"
        r"|\benough (?:\w+ ){0,2}?to (?:make sure|be sure)(?=$| (?:its|it is|i (?:dont|wont|never) wake|i die)\b)",
        rf"\bis (?:\d+(?:\.\d+)? ?(?:mg|milligrams?)|{_COUNT})(?: \w+){{0,3}}? (?:lethal|fatal|deadly)\b",
        rf"\bwhats? (?:is )?the (?:most|max|maximum|highest)(?: \w+){{0,6}}? (?:before|to|till|until)"
        rf"(?: \w+){{0,2}}? {_LETHAL}",
        r"\b(?:how (?:many|much)|what (?:amount|dose|number))(?: \w+){0,8}? (?:to|so) (?:make sure|be sure"
        r"|guarantee|be certain|know)(?: that)? (?:(?:its|it is|itll be|it will be|it would be|thats) (?:enough"
        r"|lethal|fatal|deadly)|i (?:dont|wont|never) wake|i (?:die|dont survive|wont survive))\b",
        rf"\bhow (?:many|much)(?: (?:of )?(?:my |the |these |those )?{_PILL})(?: \w+){{0,3}}? (?:would|will|is"
        r"|are|should) (?:be )?enough\b(?! (?:for|to (?:sleep|feel|get|help|calm|work|last|taper)))",
        rf"\b(?:would|will|is|are) (?:{_COUNT}|\d+)(?: (?:of )?(?:them|these|those|{_PILL}))? (?:be )?enough\b"
        r"(?! (?:for|to (?:sleep|feel|get|help|calm|work|last|taper)))",
    ),
    # pills lined up or stockpiled for an attempt
    _family(
        "lined up|sav|stockpil|hoard|stash",
        rf"\b{_PILL} (?:are |all )?lined up\b|\blined up (?:all )?(?:my |the )?{_PILL}",
        rf"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded) (?:up )?(?:my |the |all )?{_PILL}",
        rf"\b{_PILL} (?:\w+ )?(?:saved up|saved for|stashed|stockpiled|hoarded)\b",
    ),
    # Spanish: "me tomé todas las pastillas", "se tomó un frasco", "tuvo una sobredosis"
    _family(
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
_MEDICAL: tuple[_Family, ...] = (
    # seizures (present or just now; bare "seizure" is usually a question about one), shaking on the floor
    _family(
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
    _family(
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
    _family(
        "blu|purpl|gray|grey|lips",
        r"\b(?:lips|face|skin|fingers|fingertips|fingernails|nails|mouth)(?: (?:are|is|look|looks"
        r"|looking|turning|turned|going|gone|r|so|kinda|a bit))* (?:blue|bluish|purple|purplish|gr[ae]y)\b",
        r"\blips (?:are |look |r |turned |turning |going )?(?:so |really |very )?(?:white|pale|ashen)\b",
        r"\b(?:turning|turned|gone) (?:blue|purple)\b|\bblue lips\b"
        r"|\b(?:blue|purple) (?:around|round|on) (?:the|his|her|their) (?:mouth|lips|face)\b",
    ),
    # can't wake or get someone up, won't open eyes, unresponsive, collapsed, limp ("i just wont wake up": suicide)
    _family(
        "wake|rouse|cant get|eyes|come to|waking|coming to|respons|conscious|concious|consious|respond|answer"
        "|passed out|faint|passing out|collaps|blacked out|blacking out|limp",
        r"\b(?:cant|couldnt|unable to|tried to|trying to|not able to)(?: get)? (?:wake|waken|rouse) "
        r"(?!up\b|me\b|myself\b)\w+",
        r"\bcant get (?!me\b|myself\b)\w+(?: \w+)? to (?:wake|respond|come to)\b",
        r"\bcant get (?!it\b|me\b|myself\b)(?:him|her|them|my \w+|\w+) (?:up|to (?:move|open (?:his|her|their)"
        r" eyes|sit up|answer))\b(?! (?:for|in the morning|in time|on time|early|before|till|until|out of bed))",
        r"\bcant get (?:a|any) (?:response|reaction) (?:out of|from) (?:him|her|them|my \w+)\b",
        r"\b(?:wont|cant|not|isnt|doesnt|didnt|wouldnt) open(?:ing)? (?:his|her|their) eyes\b",
        r"\b(?!(?:i|im|ive|ill|you|we|alarm)\b)(?<!\bi )\w+ (?:(?:wont|will not|doesnt|didnt|still wont) (?:wake"
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
    _family(
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
        rf"\bi think (?:that )?{_PERSON}(?: is| s)? dying\b(?! (?:of|to|for|from)\b)",
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
    _family(
        "chest|heart attack",
        r"\bchest (?:is )?(?:\w+ )?(?:pains?|hurts|hurting|pressure|tightness|tight|heavy|killing me|crushing"
        r"|squeezing)\b",
        r"\bpains? in (?:my|his|her) chest\b|\bheart attack\b",
    ),
    # Spanish: seizing, not breathing, won't wake, unconscious, blue lips
    _family(
        "convuls|epilep|respira|despierta|reacciona|se mueve|responde|inconsciente|desmay|desvanec|labios",
        r"\bconvulsionando\b|\b(?:tiene|tuvo|le dio|le da|le esta dando|esta teniendo|le vino) (?:una )?"
        r"(?:convulsion|crisis convulsiva|ataque epileptico)\b|\besta teniendo convulsiones\b",
        r"\bno (?:respira|esta respirando|puede respirar|despierta|se despierta|reacciona|se mueve|responde)\b"
        r"(?! (?:a )?(?:mis|los|sus|el|la|temprano|a tiempo|para)\b)",
        r"\b(?:esta|estaba|sigue) (?:inconsciente|desmayad[oa])\b|\bse (?:desmayo|desvanecio)\b"
        r"|\blabios (?:morados|azules)\b",
    ),
)
_SUICIDE: tuple[_Family, ...] = (
    # wanting or praying to die, not to wake, for god to take them; not wanting to live
    _family(
        "wan|wish|ready|deserv|rather|prefer|long|hop|pray|tempt|decid|plan|wake|take|need|id like",
        r"\b(?:want|wanted|wanting|wants|wish|wishing|ready|deserve|deserves|would rather|rather"
        r"|prefer|longing|hope|hoping|pray|praying|tempted|decided|planning|plan)(?: to)? (?:die+|dye"
        r"|be dead|not be alive|not exist|stop existing|not be here|disappear forever|sleep forever"
        r"|go to sleep forever|end it all|end it|end my life|end things|end everything|kill myself"
        r"|be gone)\b(?! with\b| (?:my|her|his|their|it|the) (?:hair|beard|clothes|shirt|jeans|eyebrows|roots"
        r"|nails)\b)",
        r"\b(?:want|wanna|wish|hope|hoping|pray|praying|rather|just|id like)(?: \w+){0,6}? "
        r"(?:i (?:just |simply |would |could )?(?:dont|wont|didnt|wouldnt|never)|and (?:not|never)|to (?:not"
        r"|never)|not to|never|(?:just|simply|could|would) not) wake(?: up)?\b",
        r"\b(?:hope|hoping|pray|praying|wish|wishing)(?: that)? i (?:just |would |could |will |finally |can )?"
        r"(?:die|stop breathing|dont survive|wont survive|get hit by a (?:car|bus|truck|train))\b"
        r"(?! (?:from|of) (?:withdrawal|boredom|embarrassment))",
        r"\b(?:pray|praying|prayed|hope|hoping|wish|asking|asked|begging|beg) (?:that )?(?:god|the lord|jesus"
        r"|the universe)(?: \w+)? (?:takes|take|will take|would take|to take) me\b",
        r"\b(?:dont|doesnt|do not|does not|no longer) (?:want|wanna|wants)(?: to)? (?:wake up|live|be alive|be here"
        r"|exist|go on|keep living|keep going|be around)\b",
        r"\bdont (?:want|wanna) to (?:do this|keep doing this|live like this) anymore\b",
        r"\bwish i (?:could )?(?:die|disappear|didnt exist|wasnt alive|wasnt here)\b",
        r"\b(?:want|wish|need)(?: \w+){0,2}? (?:it all|everything) to (?:be over|end|stop)\b",
        r"\bjust (?:want|wish|need) (?:it|it all|everything|this) to (?:be over|end|stop)\b(?! so\b)"
        r"|\b(?:want|wish|need)(?: \w+){0,2}? (?:the pain|it|this|everything|it all) to (?:end|stop|be over)"
        r" (?:permanently|forever|for good)\b",
        r"\b(?:wish|want|wanna|hope|pray|id like|rather)(?: \w+){0,4}? (?:fall asleep|go to sleep|sleep)"
        r" (?:forever|for good|permanently)\b",
    ),
    # direct words, slang ("kms", "unalive", "ctb" = catch the bus) and misspellings
    _family(
        "kill|kms|unaliv|sewerslide|delete|ideation|suic|sucid|suisid|siucid|ctb|bus",
        r"\bkill(?:ing|ed)? ?myself\b|\bkms+\b|\bunaliv\w*|\bsewerslide\b|\bself ?delete\b|\bideation\b",
        r"\b(?:suicid\w*|sucid\w*|suicd\w*|suiced\w*|suisid\w*|suiside\w*|siucid\w*|sucide)",
        r"\bctb\b|\b(?:think|thinking|thought|thoughts) (?:about|of) (?:catching|catch) the bus"
        r"(?=$| (?:a lot|lately|again|soon|tonight|for good|honestly|tbh|fr|ngl|and)\b)"
        r"|\b(?:ready|want|decided|planning|going) to catch the bus(?=$| (?:tbh|fr|ngl|honestly|for good)\b)",
    ),
    # ending a life: "end it all", "kill himself", "i should just die"
    _family(
        "himself|herself|themsel|life|end|die|exist|here|disappear",
        r"\b(?:kill|killing|end|ending|take|taking) (?:himself|herself|themselves|themself"
        r"|(?:my|his|her|their)(?: own)? life)\b",
        r"\bend(?:ing)? it all\b|\bim ending (?:it|things|everything)\b(?! with\b)",
        r"\b(?:going to|want to|ready to|about to|just|time to|decided to|need to) end (?:it|things|everything)"
        r"\b(?! with\b)",
        r"\b(?:i|maybe i) (?:should|need to|ought to|might as well|may as well) (?:just )?(?:die|end it"
        r"|end my life|not be here|not exist|disappear forever)\b(?! (?:of|from|laughing)\b)",
    ),
    # burden, better off without me, no point, can't go on, nobody would miss me
    _family(
        "without|if i|gone|point|around|here|burden|reason|purpose|live for|worth|cant|no one|nobody|noone"
        "|tired of|alive|with|way out|option|answer|solution|choice",
        r"\b(?:better off|happier|better|fine|easier)(?: \w+)? (?:without me|if i (?:was|were) (?:gone"
        r"|dead|not here|not around)|if i (?:just |simply )?(?:wasnt|werent) (?:here|around|alive)"
        r"|if i (?:just )?(?:died|disappeared|never existed)|with me gone|when im gone|if im gone|once im gone)\b",
        r"\b(?:dont|cant|no longer|doesnt)(?: even)? see (?:the |any |a )?point (?:in|of|to) (?:living|life"
        r"|going on|being alive|being here|anything|any of it|trying)\b|\bsee no point (?:in|of|to)\b",
        r"\b(?:wont|dont think ill|not going to|may not|might not|probably wont) be (?:around|here) (?:much longer"
        r"|for long|long|anymore|tomorrow|next week|after tonight|by morning)\b",
        r"\b(?:im|being|feel like|feeling like|just|such|only|ill be|id be|ive become|i feel)"
        r"(?: \w+){0,2}? burden\b",
        r"\b(?:no|not any|dont have a|dont have any|no more) (?:reason|reasons|point|purpose) "
        r"(?:to|in|for) (?:live|living|be alive|go on|going on|keep going|being alive|life)\b",
        r"\bnothing (?:left )?to live for\b|\bno point (?:in )?(?:living|going on|anymore|in life)\b",
        r"\bwhats? (?:is )?the point (?:of|in) (?:living|life|going on|being alive|it all)\b",
        r"\b(?:life|living) (?:isnt|is not|aint|not) worth (?:living|it)\b|\bnot worth living\b",
        r"\bcant (?:go on|keep going|do this anymore|take it anymore|live like this|keep living)\b"
        r"(?! (?:a|the|vacation|trips?|holiday|walks?|dates?|without)\b)",
        r"\b(?:no one|nobody|noone) (?:would|will|is going to|going to)(?: even| really)? (?:miss me|(?:care"
        r"|notice)(?: if| when) (?:i|im) (?:die|died|dead|was gone|were gone|gone|disappeared|disappear))\b",
        r"\btired of (?:living|being alive|life|existing|being here)\b(?! (?:being|is|getting|always)\b)"
        r"|\bhate being alive\b",
        # death as the only way out
        r"\bway out (?:except|but|other than|besides) (?:dying|death|to die|suicide|killing myself|ending it)\b"
        r"|\b(?:dying|death|suicide|killing myself|ending it) (?:is|seems like|feels like) (?:the )?(?:only|best"
        r"|easiest) (?:way out|option|answer|solution|choice)\b",
        r"\b(?:done|finished) with (?:life|living|this life|this world)\b",
    ),
    # goodbyes, last messages, notes, a plan, tonight ("said goodbye at the airport" is not one)
    _family(
        "away|bye|farewell|last|final|note|letter|plan|tonight|tell|gone|make it|survive",
        r"\b(?:gave|giving|give|given) away (?:all )?(?:of )?(?:my )?(?:stuff|things|belongings|possessions"
        r"|pets?|dog|cat)\b",
        r"\b(?:this is|my) (?:my )?(?:final |last )?(?:goodbyes?|farewell)\b(?! to (?:klonopin|clonazepam"
        r"|k ?pins|benzos?|pills|meds|xanax|the pills|my pills|this|that|my addiction|addiction|anxiety"
        r"|insomnia)\b)|\b(?:saying|say|said|writing|wrote|sending|sent) (?:my|our|final|last) (?:goodbyes?"
        r"|farewells?)\b|\b(?:saying|said) goodbyes\b",
        r"\bgoodbye (?:everyone|forever|world|all|cruel|guys|for good|to (?:all|everyone|everybody)"
        r"|my (?:kids|family|friends))\b|\bthank(?:s| you) for everything (?:and )?(?:goodbye|bye)\b",
        r"\b(?:this is|this will be|thisll be|its|this is probably) my (?:last|final) (?:text|message"
        r"|msg|txt|words)\b|\bmy (?:last|final) (?:text|message|msg) (?:ever|to (?:you|anyone))\b",
        r"\b(?:wrote|writing|written|write|finished) (?:a |my |the |everyone |each of them )?(?:suicide |goodbye"
        r" |last )?(?:note|letter)s?\b(?! (?:to|for) (?:my |the |a )?(?:doctor|dr|pharmacist|pharmacy|landlord|boss"
        r"|work|insurance|job|school|teacher|lawyer|judge|court|psychiatrist|therapist|prescriber|nurse|clinic"
        r"|bank|company)\b| about\b)|\bleft (?:a |my |the )?(?:suicide |goodbye |last )(?:note|letter)s?\b"
        r"|\bleft (?:a |my )?(?:note|letter)s? (?:for|to) (?:my (?:family|kids|children|wife|husband|mom"
        r"|parents|loved ones)|everyone)\b(?! (?:to|about|saying|asking|so|with)\b)",
        r"\b(?:i have|ive got|i got|ive made|i made|got) a plan\b"
        r"(?! (?:to|for|with) (?!(?:die|kill|end|do it|tonight)\b))",
        r"\b(?:doing|do|going to do|will do) it tonight\b|\btonight(?: is|s)? the night\b",
        r"\b(?:please |pls )?tell (?:my|the) (?:mom|mother|dad|father|kids|children|family|wife|husband|son|daughter"
        r"|sister|brother|parents|friends|boyfriend|girlfriend)(?: that)? (?:i (?:love|loved) (?:her|him|them|you)"
        r"|im sorry)\b(?! (?:more|often|every|when|too)\b)",
        r"\b(?:ill|i will|im going to|i might) be gone (?:by|before) (?:morning|tomorrow|tonight|the weekend|sunrise)"
        r"\b(?! (?:for|on) (?:a|my|the|our) (?:trip|flight|vacation|work|shift)\b)",
        r"\b(?:not going to|wont|dont think ill|dont want to|dont wanna) (?:make it|survive|last) (?:through|past"
        r"|until|till) (?:the night|tonight|tomorrow|morning|the weekend)\b",
    ),
    # wishing to be dead or unborn, thinking about dying, planning how
    _family(
        "dead|born|think|thought|plan|figur|disappear|death|suicide|care|without",
        r"\b(?:rather be|wish(?:es|ed)? (?:i|he|she|they) (?:was|were|could be|had been)|better off) dead\b",
        r"\bwish(?:es|ed)? (?:i|he|she|they) (?:was|were|had) never (?:been )?born\b",
        r"\b(?:think|thinking|thought|thoughts) (?:about|of) (?:dying|death|being dead|not being here"
        r"|ending it|ending it all|ending things|ending everything|ending my life|killing myself|taking my life"
        r"|not waking up|not being alive|not existing)\b",
        r"\b(?:planning|planned|figured out|figuring out) (?:how|when|where) (?:to|ill|i would|im going to)"
        r" (?:do it|die|end it|go)\b|\b(?:planning|planned|plotting|plan) (?:my|his|her) (?:own )?(?:death|suicide)\b",
        r"\bdont care (?:if|whether) i (?:die|live or die|dont wake up|overdose|od)\b",
        r"\b(?:he|my (?:dad|father|son|husband|brother|boyfriend|grandpa|uncle))(?: keeps| always)? (?:says|said"
        r"|saying|thinks|told me|tells me)(?: \w+){1,5}? (?:would|d) (?:all )?be (?:better off|better|happier|easier"
        r"|fine) without him\b"
        r"|\b(?:she|my (?:mom|mother|daughter|wife|sister|girlfriend|grandma|aunt))(?: keeps| always)? (?:says"
        r"|said|saying|thinks|told me|tells me)(?: \w+){1,5}? (?:would|d) (?:all )?be (?:better off|better|happier"
        r"|easier|fine) without her\b",
        r"\bdisappear (?:forever|for good|permanently)\b",
    ),
    # methods named or researched: bridge, rope, gun, driving into a tree, painless ways
    _family(
        "jump|step in front|pistol|rifle|think|wonder|myself|himself|herself|themsel|noose|slit my throat|rope"
        "|gun|driv|crash|steer|swerv|traffic|painless|easiest|quickest|fastest|surest|peaceful|least painful"
        "|look|googl|search|research|read up|reading up",
        r"\b(?:jump|jumping) (?:off|from) (?:a |the |this )?(?:bridge|roof|building|balcony|cliff"
        r"|overpass|parking garage|tower)\b|\b(?:jump|step) in front of (?:a |the )?(?:train|truck|bus|car)\b",
        r"\b(?:gun|pistol|rifle|shotgun)\b(?: \w+){0,8}? (?:on|to|at|against) (?:myself|my head|my temple)\b",
        r"\b(?:looking at|look at|staring at|stared at|went to|drove to|standing on|stood on|at the top of)"
        r" (?:the|a) (?:bridge|overpass|roof|ledge|cliff|tracks|train tracks|edge)(?: \w+){0,6}? (?:thinking"
        r" about (?:it|jumping|doing it|ending it|how)|wondering (?:what it|how it|if i)|(?:want|wanted|going)"
        r" to jump|about jumping)\b",
        r"\b(?:hang|hanging|hung|shoot|shooting) (?:myself|himself|herself|themselves)\b|\bnoose\b"
        r"|\bslit my throat\b",
        r"\b(?:bought|buy|got|have|tied|tie) (?:a )?rope\b|\bgun (?:to|in) my (?:head|mouth)\b"
        r"|\b(?:the|a|my) rope(?: is)?(?: all)? (?:ready|tied|set up)\b",
        r"\b(?:drive|driving|crash|crashing|steer|steering|swerve|swerving)(?: (?:my|the) (?:car|truck))?"
        r" (?:into|off) (?:a |the )?(?:tree|wall|bridge|cliff|river|lake|pole|overpass|oncoming traffic|traffic"
        r"|semi|embankment)\b(?! (?:by accident|accidentally))"
        r"|\b(?:walk|walking|step|stepping) (?:out )?in(?:to)? (?:front of )?(?:oncoming )?traffic\b",
        r"\b(?:painless|easiest|quickest|fastest|surest|peaceful|least painful)(?: \w+)? (?:ways?|methods?|means)"
        r" (?:to|of) (?:die|dying|end it|end (?:my|your) life|kill (?:myself|yourself)|suicide|commit)\b"
        r"|\b(?:looked up|looking up|look up|googled|googling|searched|searching|researched|researching"
        r"|read up on|reading up on) (?:\w+ ){0,3}?(?:ways|how|methods?) to (?:die|kill myself|end it"
        r"|end my life|od|overdose|commit suicide)\b",
    ),
    # Spanish
    _family(
        "morir|matar|suicid|quitar|no quiero",
        r"\b(?:quiero|quisiera|voy a|me quiero|deseo) (?:morir|morirme|matarme|suicidarme)\b",
        r"\bme (?:quiero|voy a) matar\b|\bquitarme la vida\b",
        r"\bse (?:quiere|va a) (?:matar|suicidar|morir|quitar la vida)\b|\bquiere (?:matarse|suicidarse|morirse)\b"
        r"|\bquitarse la vida\b",
        r"\bno quiero (?:vivir|seguir viviendo|seguir|estar aqui|despertar)\b",
    ),
)
_SELF_HARM: tuple[_Family, ...] = (
    # hurting oneself or a body part: "cut myself", "scratched up my wrists", "carves into her arm", "razor to my thigh"
    _family(
        "myself|himself|herself|themsel|wrist|arm|leg|thigh|skin|stomach|belly|hip|body|ankle|calves|flesh",
        r"\b(?:cut|cuts|cutting|cuttin|slice|sliced|slicing|carve|carved|carving|burn|burns|burned"
        r"|burnt|burning|hurt|hurts|hurting|harm|harming|harmed|stab|stabbed|stabbing|scratch"
        r"|scratched|scratching|hit|hitting|punch|punched|punching|bite|bit|biting|bruise|bruising"
        r"|dig|digging|claw|clawing|clawed|smash|smashing|slam|slamming)"
        r"(?: (?:up|on|at|into))? (?:myself|himself|herself|themselves|themself)"
        r"\b(?! (?:off|out|some slack|a break)\b)",
        rf"\b(?:cut|cuts|cutting|slit|slice|sliced|slicing|slashed|slash|slashing|carv\w*|burn|burns|burned|burnt"
        rf"|burning|scratch\w*|stab\w*|dig|digging|dug|claw\w*|bite|bit|biting|bites)"
        rf"(?: up| into| at| open)? my(?: own)? {_BODY}\b",
        rf"\b(?:cut|cuts|cutting|slit|slits|sliced|slicing|slashed|slashing|carv\w*|burn|burns|burned|burnt"
        rf"|burning|stab\w*)(?: up| into| open)? (?:his|her|their)(?: own)? {_BODY}\b",
        rf"\b(?:carv\w*|cut|cuts|cutting|scratch\w*|etch\w*|burn\w*|dig\w*)(?: \w+){{0,3}}? into {_POSS} {_BODY}\b",
        rf"\b(?:took|take|taking|put|putting|held|hold|holding|pressed|pressing) (?:a|the|my) (?:razor|razor blade"
        rf"|blade|knife|lighter|scissors|box cutter|shard|cigarette)(?: \w+)? (?:to|on|against|into) {_POSS}"
        rf" {_BODY}\b",
        r"\b(?:use|used|using) (?:it|them|a razor|a blade|a knife) on (?:myself|my (?:arms?|legs?"
        r"|wrists?|skin))\b",
    ),
    # made deliberate: "on purpose", "till it bleeds", "to feel something", "so hard it bled"
    _family(
        "purpose|deliberately|intentionally|to feel|punish|deserve|so hard|till|until",
        rf"\b{_SH_VERB}(?: \w+){{0,6}}? {_SH_MARK}",
    ),
    # cutting as a habit or a way to cope, and its marks: "been cutting", "cutting helps", "cuts all over her thighs"
    _family(
        "cut|only thing|help|cop|feel|calm|numb|release|punish|slash|burn|scar",
        r"\b(?:been|started|start|keep|kept|am|im|was|back to|relapsed|relapse|still|go back to|urges?"
        r"|want to|need to|thinking about|by|stop|stopped|quit)(?: \w+)? (?:cutting|cuttin|cut)\b"
        r"(?! (?:back|down|my (?:dose|hair|nails)|the|it|them|out|off|corners|carbs|sugar|coffee"
        r"|caffeine|alcohol|drinking|coupons|vegetables|veggies|onions|wood|grass|lawn|paper|class|classes"
        r"|school|ties|costs|expenses|fabric|meat|bread|food|gluten|dairy|hair|his|her|their|people|up"
        r"|ribbons?|fruit|pizza|cake|a|an|some|through|across|in|into|from|with|for)\b)",
        r"\b(?:cutting|cut) again\b|\b(?:im|i am|was) a cutter\b"
        r"|\bi cut (?:last night|today|tonight|yesterday|this morning)\b"
        r"|\bi (?:just |think i |accidentally )?cut (?:too|way too|really|so) deep\b",
        r"\b(?:is|hes|shes|are|theyre)(?: still)? cutting(?=$| (?:and|but|i|we|idk|what|help|please|how|at night"
        r"|in secret|in (?:her|his|their) room|lately)\b)",
        r"\b(?:cutting|self harm|self harming|sh|hurting myself|burning myself)(?: (?:is|was))? (?:the only thing"
        r"|helps|helped|how i cope|my way of coping|makes? me feel (?:better|something|calm|in control|alive"
        r"|real))\b|\b(?:cut|cutting|burn|burning) to (?:cope|feel|calm down|numb|release|punish)\b",
        rf"\b(?:cuts|slashes|cut marks|cigarette burns|burn marks|burns|scars)(?: all)? (?:over|on|up and down"
        rf"|across|along|covering) (?:my|his|her|their)(?: \w+)? {_BODY}\b",
        r"\b(?:my|fresh|new|deep) cuts\b|\bcuts? (?:need|needs|needed|might need) stitch\w*",
    ),
    # razors out, head banging, needing pain
    _family(
        "razor|blade|head|pain|deserve",
        r"\b(?:got|get|getting|grabbed|took|pulled) (?:out )?(?:the|my|a) (?:razors?|blades?) (?:out|again)\b"
        r"|\b(?:got|get|getting|grabbed|took|pulled) out (?:the|my|a) (?:razors?|blades?)\b",
        r"\bbang(?:ing|ed|s)? my head (?:against|on|into)\b"
        r"|\b(?:hit|hits|hitting|slam\w*|smash\w*|bash\w*|knock\w*) my (?:own )?head (?:against|into)\b",
        r"\b(?:need|want|deserve|deserves) (?:to )?(?:feel )?(?:the )?pain\b"
        r"(?!(?: \w+){0,4}? to (?:end|stop|go away|be over|ease|get better)\b)"
        r"|\bdeserve to (?:suffer|hurt|bleed)\b",
    ),
    # the words themselves: "self harm", "sh"
    _family(
        "harm|self|sh",
        r"\bself ?harm\w*|\bself (?:injur\w*|mutilat\w*)|\bsh\b(?! it\b| t\b)",
    ),
    # Spanish
    _family(
        "cort|lastim|dano|autolesion",
        r"\b(?:me estoy cortando|cortarme|me corto|me corte|lastimarme|me lastimo|hacerme dano"
        r"|autolesion\w*|me estoy haciendo dano|estoy haciendome dano)\b"
        r"|\b(?:me hago|me hice|me estoy haciendo) dano(?: \w+)? a proposito\b",
    ),
)
_VIOLENCE: tuple[_Family, ...] = (
    # someone hits, hurts, threatens or grabs me (one _PERSON prefix shared by all the verbs: faster)
    _family(
        "me|us|kids|children|baby|gun|knife|weapon|pistol|rifle|machete|arm|wrist|hair|neck|throat|finger|head|face",
        rf"\b{_PERSON}(?: \w+){{0,4}}? (?:{_HURTS_ME}|{_WILL_HURT_ME}|{_ARMED}|{_THREW_AT_ME}|{_HIT_NEAR_ME}"
        rf"|{_GRABBED_MY})|\bcame at me\b",
    ),
    # sexual abuse: "my stepdad touches me", "he touched me while i was asleep"
    _family(
        "touch|grop|fondl",
        r"\b(?:(?:my |our |moms |her |his )?(?:stepdad|stepfather|uncle|dad|father|grandpa|grandfather|brother"
        r"|stepbrother|cousin|moms boyfriend|coach|teacher|boss|landlord|neighbou?r|pastor|priest|doctor)|someone"
        r"|somebody|a man|a guy|some guy)(?: \w+){0,2}? (?:touches|touched|touching|gropes|groped|fondles"
        r"|fondled) me\b",
        r"\b(?:touches|touched|touching|gropes|groped) me (?:inappropriately|down there|in my sleep|while i (?:was|am)"
        r" (?:asleep|sleeping)|without (?:my )?consent|when im asleep|when i was asleep|(?:on|in) my (?:private"
        r"|privates|crotch|chest|breasts))\b",
    ),
    # elder and caregiver abuse: "the aide slaps her", "my caregiver takes my money"
    _family(
        "caregiver|carer|aide|nurse|staff|helper|care worker|grandson|granddaughter|nephew|niece|in law",
        r"\b(?:caregiver|carer|aide|aides|nurse|nurses|staff|helper|care worker)(?: \w+){0,5}? (?:hits|hit"
        r"|slaps|slapped|pinches|pinched|pushes|pushed|shoves|shoved|hurts|hurt|abuses|abused|yells at|screams at"
        r"|ties|tied|locks|locked|starves|neglects|rough handles) (?:me|her|him|them|my \w+)\b"
        r"(?! (?:back|neck|knee|shoulder|leg|arm|hand|wrist|foot|ankle|hip)\b)",
        r"\b(?:caregiver|carer|aide|nurse|helper|grandson|granddaughter|nephew|niece|(?:son|daughter) in law)"
        r"(?: \w+){0,3}? (?:takes|took|steals|stole|stealing|taking)(?: all)?(?: of)? (?:my|her|his) (?:money"
        r"|pension|checks?|social security|savings|bank card|debit card|credit card)\b(?! (?:to|for|out)\b)"
        r"|\b(?:caregiver|carer|aide|nurse|helper|grandson|granddaughter|nephew|niece|(?:son|daughter) in law)"
        r"(?: \w+){0,3}? (?:withholds|withholding|wont give me|doesnt give me|refuses to give me|stopped giving me)"
        r" (?:my|her|his) (?:food|pills|meds|medication|money)\b",
    ),
    # coercive control: meds held back "unless i do what he says", "rations my klonopin to control me"; forced
    _family(
        "unless|until|if i|when i|control|punish|have to|need to|must|make|will|forced|made me",
        r"\b(?:unless|only if|only when|until|if) i (?:do what (?:he|she|they) (?:says|say|wants?|tells? me)"
        r"|have sex|sleep with|do (?:stuff|things) (?:for|with) (?:him|her))\b",
        rf"\b(?:he|she|they|{_PERSON})(?: \w+){{0,3}}? (?:holds|keeps|hides|controls|withholds|rations|locks up"
        rf"|takes|took|hid|kept|held)(?: onto| away)? (?:all )?my {_PILL}(?: \w+){{0,6}}? (?:unless|until"
        r"|to control|to punish|as punishment|if i dont|(?:so )?i (?:have to|need to|must) (?:earn|beg|ask|pay"
        r"|do what)|makes? me (?:beg|do|earn|ask|pay))\b",
        r"\bagainst my will\b|\bforced (?:himself|herself|themselves) on me\b|\bforced me (?:to (?:have sex"
        r"|sleep with|do (?:things|stuff|sexual))|into (?:sex|the car|his car|her car|a car|the trunk))\b"
        r"|\bmade me (?:have sex|sleep with)\b",
    ),
    # stalking: following me home, parked outside, "says hes watching me", photos of my house, trackers
    _family(
        "follow|stalk|tail|sitting|park|waiting|standing|lurking|showing up|driving|circling|watching|track"
        "|where i|address|pic|photo|video|screenshot|airtag|air tag|spyware|outside|staking|casing",
        r"\b(?:my ex|ex|someone|somebody|(?:a|some|this) (?:guy|man|woman|stranger|car|truck|van)|he|they)"
        r"(?: (?:is|s|keeps|kept|has been|been|started|just|was|still))* (?:following|stalking|tailing) me\b"
        r"(?! (?:on|around the house)\b)",
        r"\b(?:my ex|someone|somebody|(?:a|some|this|the same) (?:guy|man|woman|stranger|car|truck|van))"
        r"(?: (?:is|s|keeps|has been|been|was|still))* (?:watching|staking out|casing) (?:my|our) (?:house|home|apt"
        r"|apartment|place|window|building)\b(?! (?:while|when|for) (?:i|we|im|were|us|me)\b)",
        r"\b(?:hes|shes|theyre|he is|she is|they are|someone is|somebody is|theres someone|there is someone"
        r"|my ex is)(?: \w+)? outside (?:my|our|the) (?:house|door|apartment|apt|window|room|car|building|place)\b"
        r"(?: \w+){0,3}? (?:wont leave|refuses to leave|wont go away|banging|pounding|yelling|screaming"
        r"|threatening|trying to get in|with a (?:gun|knife))\b",
        r"\b(?:following|followed|follows|follow|stalking|stalked|stalks|tailing|tailed)(?: \w+)? me (?:home"
        r"|to (?:my |the )?(?:car|work|house|apartment|apt|school|job|door|place)|from (?:work|school|the store"
        r"|the bus)|around town|everywhere i go|in (?:his|her|a|their) car|at night|every night|all the time)\b",
        r"\b(?:someone|somebody|(?:a|some|this|that|the same) (?:guy|man|woman|stranger|car|truck|van)|my ex|ex|he"
        r"|they)(?: \w+){0,2}? (?:keeps?|kept|always|constantly|again|been) (?:\w+ ){0,2}?(?:sitting|parking"
        r"|parked|waiting|standing|lurking|showing up|driving by|driving past|circling|watching)(?: \w+){0,2}?"
        r" (?:outside|at|by|near|past|around) (?:my|our) (?:house|home|apt|apartment|door|window|work|job|place"
        r"|building|school|car)\b",
        r"\b(?:says|said|saying|told me|tells me|texted|texts|texting|wrote|writes|threatened|threatening|warned"
        r"|warning)(?: me)?(?: that)? (?:hes|shes|theyre|he is|she is|they are|he was|she was|hell be|shell be"
        r"|theyll be|he will be|im being|he can see|she can see)(?: always| still)? (?:watching|following"
        r"|tracking|stalking)(?: me| us| my \w+| you)?(?=$| (?:me|us|my|you|and|all|every|at|from|through)\b)",
        r"\b(?:he|she|they|my ex|ex|someone|somebody|dealer|my dealer|(?:a|some|this) (?:guy|man|woman))"
        r"(?: \w+)? (?:knows|found out|figured out|found|tracked down) (?:where i (?:live|work|am staying|sleep)"
        r"|my (?:new )?address)\b",
        r"\b(?:sends?|sent|sending|texts?|texted|texting|posted|posting|posts)(?: me)? (?:pics|pictures|photos"
        r"|videos|screenshots)(?: \w+)? of (?:my|our) (?:house|home|apt|apartment|car|front door|door|window"
        r"|windows|building|street|bedroom)\b",
        r"\b(?:tracker|gps tracker|airtag|air tag|tracking device|tracking app|spyware|stalkerware)(?: \w+){0,3}?"
        r" (?:on|in) (?:my|our) (?:car|phone|bag|purse|truck)\b|\btracks? my every move\b|\bstalking me\b",
    ),
    # break-ins now
    _family(
        "break|bust|kick|broke",
        r"\b(?:someone|somebody|he|she|they|hes|shes|theyre|(?:a|some) (?:man|guy|person|stranger)|my ex|people)"
        r"(?: (?:is|s|are|keeps?|just))?(?: trying to| tried to)? (?:break|breaking|bust|busting|kick|kicking"
        r"|kicked) (?:in|into (?:my|our|the) (?:house|home|apartment|apt|place|room)|(?:down )?(?:my|our|the)"
        r" (?:door|window)(?: down| in)?)\b(?! (?:last|yesterday|years|months|a while)\b)",
        r"\b(?:my ex|ex|he|she|they|my (?:husband|boyfriend|partner|wife|girlfriend|dad|son|brother))(?: just)?"
        r" (?:broke|has broken|busted|kicked) (?:in\b(?! (?:his|her|my|the|their|a|new|some)\b)|into (?:my|our|the)"
        r" (?:house|home|apartment|apt|place|room)\b|(?:down|in) (?:my|our|the) (?:door|window)\b|(?:my|our|the)"
        r" (?:door|window) (?:down|in)\b)(?! (?:last|years|months|a while)\b)",
    ),
    # beaten, abused, afraid to go home, in danger, hiding from him; bare "im beat" means tired
    _family(
        "beat|abus|rape|assault|attack|chok|strangl|threaten|stalk|molest|jump|bruise|afraid|scared|terrified"
        "|frightened|fear|domestic|dv|abusive|danger|safe|let me|hiding|hand",
        r"\b(?:im|i was|was|been|being|got|get|getting|keep getting)(?: \w+)? (?:beaten|abused|raped"
        r"|assaulted|attacked|choked|strangled|threatened|stalked|molested|jumped|beat up)\b"
        r"|\b(?:got|get|getting) beat\b(?! (?:in|at|by)\b)",
        r"\bbruises? (?:from|because of) (?:him|her|them|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf"
        r"|ex|dad|mom|son|stepdad|caregiver))\b",
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
        r"|out of the house)\b",
        rf"\bhiding (?:in|under|behind|inside|at|out in)(?: \w+){{0,3}}? from (?:him|her|them|{_PERSON})\b",
        r"\b(?:his|her|their) hands? (?:around|round|on|over) my (?:neck|throat|mouth)\b",
    ),
    # Spanish
    _family(
        "me pega|me pego|golpe|matar|amenaz|maltrat|siguiendo|persig|acos|acech|vigil|miedo",
        r"\bme (?:pega|pego|golpea|golpeo|quiere matar|va a matar|amenaza|amenazo|maltrata)\b",
        r"\bme (?:esta siguiendo|persigue|esta persiguiendo|acosa|esta acosando|acecha|esta vigilando|vigila)\b"
        r"(?! en (?:instagram|facebook|tiktok|twitter|redes|ig|fb)\b)",
        r"\btengo (?:mucho )?miedo (?:de|a) (?:mi (?:esposo|esposa|marido|pareja|novio|novia|ex|papa|padre|mama"
        r"|madre|hijo|hermano|padrastro)|el|ella|volver a casa|ir a casa|regresar a casa|que me (?:mate|pegue"
        r"|haga dano|lastime))\b|\btengo miedo por mi vida\b",
    ),
)

_FAMILIES: dict[str, tuple[_Family, ...]] = {
    "overdose": _OVERDOSE,
    "medical": _MEDICAL,
    "suicide": _SUICIDE,
    "self_harm": _SELF_HARM,
    "violence": _VIOLENCE,
}

# --- pairs of signals that are a crisis only together ----------------------------------------------

_GIVING_AWAY = (
    r"\b(?:gave|giving|give|given|handed|handing) away (?:all )?(?:of )?(?:my|his|her) \w+"
    r"|\b(?:gave|giving|give|given|handed|handing) (?:all )?(?:of )?(?:my|his|her) (?:dog|dogs|cat|cats|pets?"
    r"|stuff|things|belongings|possessions|guitar|car|jewelry|clothes|savings|money|books|furniture"
    r"|everything)(?: \w+){0,2}? (?:away|to)\b"
)
_AFFAIRS = (
    r"\b(?:cleaned out|cleared out|emptied) my (?:room|apartment|apt|place|closet|house)\b"
    r"|\b(?:wrote|written|writing|made|making|updated|signed) (?:a|my) will\b"
    r"|\b(?:got|getting|put|putting|set|setting) my affairs in order\b|\btying up loose ends\b"
)
_FINAL_WORDS = (
    r"\bi wont need (?:it|them|him|her|any of it|anything|that)\b|\b(?:after|when|once) (?:im|i am) gone\b"
    r"|\bits time\b(?! (?:to|for)\b)|\bgoodbye\b|\bwont be (?:needing|around)\b"
)
_IM_DONE = (
    r"\b(?:im|i think im|think im) (?:so |just |finally )?(?:done|ready|finished|at peace)"
    r"(?=$| (?:now|honestly|tbh|for good|i|and|its|with (?:life|everything|it all|this world))\b)"
)
# a farewell sent ("texted me goodbye", "sorry for everything") and the sender now unreachable
_FAREWELL_SENT = (
    r"\b(?:texted|text|sent|messaged|message|wrote|left|posted|called)(?: \w+){0,4}? (?:goodbye|bye forever"
    r"|sorry for everything|i love you all|love you all|take care of (?:my|the) (?:kids|dog|cat|family))\b"
    r"|\bsorry for everything\b(?! (?:yesterday|last night|earlier|today|the other day|i said|i did|you)\b)"
    r"|\b(?:goodbye|bye) (?:note|message|text|letter|post|video)\b"
)
_UNREACHABLE = (
    r"\b(?:not|isnt|wont|hasnt|doesnt|stopped|cant get (?:him|her|them) to) (?:answer|answering|pick up"
    r"|picking up|respond|responding|reply|replying|read|reading)\b"
    r"|\bphone (?:is |s )?(?:off|dead|turned off|going (?:straight )?to voicemail|goes (?:straight )?to voicemail)"
    r"|\bcant (?:reach|find|get a hold of|get ahold of|get in touch with) (?:him|her|them|my \w+)\b"
)
# handing over the people and pets they care for: "take care of the kids for me ... im done"
_CARE_FOR_THEM = (
    r"\b(?:take care of|look after|watch over|raise) (?:my|the|our) (?:kids|children|son|daughter|babies|baby|dog"
    r"|dogs|cat|cats|family|mom|dad)\b"
)
_SORRY_GOODBYE = r"\bsorry for everything\b(?: \w+){0,4}? (?:goodbye|bye|i love you all|love you all)\b"
# raging at things while the writer is afraid: "hes smashing things and im hiding"
_RAGING = (
    rf"\b{_PERSON}(?: \w+){{0,3}}? (?:breaking|smashing|throwing|punching|kicking|destroying)"
    r" (?:things|stuff|holes|dishes|furniture|the walls?|the doors?|my (?:stuff|things|phone))\b"
)
_AFRAID = r"\b(?:im|i am|were|we are|the kids are) (?:so |really )?(?:scared|terrified|afraid|frightened|hiding)\b"


class _Combo(NamedTuple):
    """Two signals that are a crisis only together; `gate` guards `first` as in _Family."""

    gate: tuple[str, ...]
    first: re.Pattern[str]
    second: re.Pattern[str]


def _combo(gate: str, first: str, second: str) -> _Combo:
    return _Combo(tuple(gate.split("|")), re.compile(first), re.compile(second))


_COMBOS: dict[str, tuple[_Combo, ...]] = {
    "suicide": (
        # "gave my dog to my sister ... i think im done"
        _combo("gave|giv|hand", _GIVING_AWAY, _FINAL_WORDS + "|" + _IM_DONE),
        # "wrote my will ... its time"
        _combo("clean|clear|emptied|will|affairs|loose ends", _AFFAIRS, _FINAL_WORDS),
        # "texted me goodbye and now hes not answering"
        _combo("bye|sorry for everything|love you all|take care of", _FAREWELL_SENT, _UNREACHABLE),
        # "take care of the kids for me, im done"
        _combo("take care of|look after|watch over|raise", _CARE_FOR_THEM, _FINAL_WORDS + "|" + _IM_DONE),
        # "im sorry for everything. goodbye"
        _combo("sorry for everything", _SORRY_GOODBYE, _SORRY_GOODBYE),
    ),
    # "hes smashing things and im hiding"
    "violence": (_combo("breaking|smashing|throwing|punching|kicking|destroying", _RAGING, _AFRAID),),
}

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

# --- vetoes -----------------------------------------------------------------------------------------

# Informational medical questions ("can withdrawal cause chest pain") go to the topic replies.
_INFO_Q = re.compile(r"^(?:can|could|does|do|will|would|is|are|what|whats|why|how|when|should)\b")
_INFO_WORDS = re.compile(r"\b(?:cause|causes|normal|common|symptoms?|signs?|happen|mean|uses?|used|risk)\b")
# "what should i do if my mom gets confused": planning for it, not reporting it
_INFO_IF = re.compile(
    r"^(?:what (?:should|do|can|would) (?:i|we) do|how (?:do|can|would|will) (?:i|you|we) (?:know|tell)"
    r"|what happens) (?:if|when|in case)\b"
)
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
    r"|workout|working out|tripped|slipped|playing|practice|soccer|football|basketball|bike|at work|fell"
    r"|broken glass|fence|hiking|gardening)\b"
)
# Nail biting, itchy bites, and a pet's scratch are not self-harm either.
_NOT_SELF = re.compile(
    r"\b(?:bite|bit|bites|biting|chew\w*|pick\w*|scratch\w*) (?:at )?(?:my|his|her) (?:own )?(?:nails|fingernails"
    r"|cuticles|lips?|cheeks?|tongue|scabs?|pimples?|zits?)\b|\b(?:mosquito|bug|flea|spider|bed ?bug) bites?\b"
    r"|\b(?:itchy|itching|itches|itch|rash|eczema|hives|poison ivy)\b"
    r"|\b(?:cat|cats|kitten|kitty|dog|dogs|puppy|pup|hamster|bird|parrot|rabbit|bunny|ferret|horse|baby"
    r"|toddler|thorns?)(?: \w+)? (?:scratched|scratches|scratching|bit|bites|biting|clawed|claws|nipped)\b"
)
_DELIBERATE = re.compile(
    r"\b(?:on purpose|intentionally|deliberately|purposely|want to|going to|need to|urges?|deserve)\b"
)


def _vetoed(category: str, s: str) -> bool:
    if category == "medical":
        if _URGENT.search(s):
            return False
        # "can withdrawal cause chest pain", "... when anxious, is that normal": asking, not happening now.
        return (
            bool(_INFO_Q.search(s) and _INFO_WORDS.search(s))
            or bool(_INFO_TAIL.search(s) and _HABITUAL.search(s))
            or bool(_INFO_IF.search(s))
        )
    if category == "self_harm":
        return bool((_ACCIDENT.search(s) or _NOT_SELF.search(s)) and not _DELIBERATE.search(s))
    return False


def _mixing_now(s: str) -> bool:
    return bool(_MIX_PILL.search(s) and _MIX_OTHER.search(s) and _MIX_NOW.search(s) and not _HYPOTHETICAL.search(s))


def _matches(category: str, s: str, padded: str) -> bool:
    if category == "overdose" and _mixing_now(s):
        return True
    for family in _FAMILIES[category]:
        if any(g in s for g in family.gate) and family.regex.search(padded):
            return True
    return any(
        any(g in s for g in c.gate) and c.first.search(s) and c.second.search(s) for c in _COMBOS.get(category, ())
    )


def classify(text: str) -> str | None:
    """Return the highest-priority crisis category in `text`, or None if it reads as no crisis."""
    s = normalise(text) if text else ""
    if not s:
        return None
    for literals, rule in _FALSE_FRIENDS:
        if any(lit in s for lit in literals):
            s = rule.sub(" ~ ", s)  # "~" breaks adjacency so no pattern spans a removed idiom
    padded = " " + s
    for category in CATEGORIES:
        if _matches(category, s, padded) and not _vetoed(category, s):
            return category
    return None
