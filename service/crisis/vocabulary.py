"""Vocabulary shared by the categories, and the pattern types they are written in."""

from __future__ import annotations

import re
from typing import NamedTuple

# --- shared vocabulary -----------------------------------------------------------------------------

# emptied somewhere other than a mouth: "emptied the bottle into my organizer", "... down the toilet"
NOT_INTO_MOUTH = (
    r"(?! (?:\w+ ){0,3}?(?:in|into|down|out|onto) (?:the |my |a )?(?:\w+ )?(?:organi[sz]er|pill ?box|dosette|trash"
    r"|toilet|sink|bin|garbage|drain|drop ?box|disposal|new bottle|container|counter|table)\b)"
)
# a number spread over days is not an overdose: "took 6 of my allergy pills over the whole week"
SPREAD_OUT = (
    r"(?!(?: [\w.]+){0,3}? (?:over|across|during|through) (?:the |a )?(?:whole |entire |past |last )?(?:week|month"
    r"|weekend|day|few days|couple (?:of )?days)\b)"
)
# street names for benzos: "my pins", "a few footballs", "xans" (not bobby pins or safety pins)
_BENZO_SLANG = (
    r"(?:(?<!bobby )(?<!safety )(?<!hair )(?<!push )(?<!bowling )(?<!drawing )(?<!sewing )pins|footballs|xans"
    r"|zannies|zanbars|kpins|klonies|klons)"
)
PILL = (
    r"(?:pills?|tabs?|tablets?|meds|medications?|medicine|prescriptions?|scripts?|klonopins?|klonnies"
    r"|clonopins?|klonipins?|klonapins?|klonopens?|clonazepam|clonazapam|clonazepan|rivotril|k ?pins?|benzos?"
    r"|bars|xanax|xannies|valium|ativan|lorazepam|diazepam|alprazolam|sleeping pills|percs?|percocets?|oxys?"
    rf"|{_BENZO_SLANG}|oxycodone|norcos?|vicodin|pastillas|pildoras|tabletas"
    # a bottle is a pill bottle unless it is "of <drink>"
    r"|painkillers?|supply|stash|them|em|bottle(?! of (?:\w+ )?(?:wine|vodka|whiske?y|beer|liquor|tequila|rum"
    r"|gin|jack|champagne|water|soda|pop|juice|milk|coke)\b))"
)
ALC_OPIOID = (
    # "drank water with my pills" is not mixing
    r"(?:alcohol|(?:drinks?|drinking|drank)(?! (?:\w+ ){0,3}?(?:water|coffee|tea|juice|milk|soda|pop|gatorade)\b)"
    r"|beers?|wine|vodka|whiske?y|tequila|rum|gin|liquor|booze|shots"
    r"|fifth|jack|henny|bourbon|oxys?|oxycodone|oxycontin|percs?|percocets?|heroin|fent|fentanyl"
    r"|fetty|opioids?|opiates?|methadone|morphine|codeine|lean|dope|norcos?|hydrocodone|tramadol"
    r"|dilaudid)"
)
COUNT = (
    r"(?:(?<![\d.])(?:[5-9]|[1-9]\d+)\b|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|hundred|a dozen|dozen)"
)
MG = r"(?<![\d.])(?:[6-9]|[1-9]\d+)(?:\.\d+)? ?(?:mg|milligrams?)\b(?! (?:a|per|each|every) (?:day|night)| daily)"
TAKE = (
    r"(?:took|taken|swallowed|downed|popped|ate|eaten|chugged|necked|snorted|"
    r"(?:going to|about to|will|ill|ready to|want to|plan to|planning to|so i can|need to) "
    r"(?:take|swallow|down|pop|eat))"
)
DET = r"(?: (?:my|his|her|their|the|these|those|your|moms?|dads?))?"
# how much was taken: "all", "the whole", "a full", "a big handful", "a shitload", "a strip"
QUANTITY = (
    r"(?:all(?: \d+)?|every|each|the rest|lots|so many|handfuls|too many|too much|way too many|way too much"
    r"|(?:a|an|the|my|his|her|their) (?:whole|full|entire|complete)"
    r"(?: (?:strip|sheet|blister pack|blister|card|pack|packet|box|jar|container))?"
    r"|a (?:whole |big |huge |massive |giant )?(?:bunch|ton|lot|load|pile|heap|handful|fistful|fist full)"
    r"|a (?:shit ?ton|shitload|crap ?ton|crapload|boatload)"
    r"|a (?:strip|sheet|blister pack|blister|card|pack|packet))"
)
LETHAL = (
    r"(?:die|dying|kill\w*|lethal|fatal|deadly|overdos\w*|od|not wake|never wake|end it|end my life"
    r"|stops? (?:breathing|your heart|my heart)|sleep forever|go to sleep forever|dont wake|wont wake"
    r"|(?:put|knock) (?:me|you|someone) (?:down|out) for good|sleep for good)"
)
PERSON = (
    r"(?:he|she|they|hes|shes|theyre|hell|shell|theyll|hed|shed|someone|somebody"
    r"|(?:a|some|this|that) (?:guy|man|woman|stranger|dude)"
    r"|(?:(?:my|our|moms?|dads?|her|his) (?:\w+ )?)?(?:husband|hubby|wife|partner|boyfriend|girlfriend"
    r"|bf|gf|ex|dad|father|stepdad|stepfather|mom|mother|stepmom|son|daughter|brother|sister|roommate"
    r"|fiancee?|uncle|aunt|cousin|landlord|dealer|spouse|parents?|grandpa|grandfather|neighbou?r|boss"
    r"|caregiver|carer|aide|nurse|grandson|granddaughter|nephew|niece|stepson|stepdaughter"
    r"|(?:son|daughter|brother|sister) in law|in laws))"
)
POSS = r"(?:my|his|her|their)(?: own)?"
# body parts where a cut or burn is not an everyday accident (hands and fingers are)
BODY = r"(?:wrists?|arms?|forearms?|legs?|thighs?|skin|stomach|belly|hips?|body|ankles?|calves|flesh)"
SH_VERB = (
    r"(?:cut|cuts|cutting|slice|sliced|slicing|slash\w*|carv\w*|burn|burns|burned|burnt|burning|scratch\w*"
    r"|bite|bit|bites|biting|punch\w*|hit|hits|hitting|dig|digs|digging|dug|pick|picks|picked|picking"
    r"|bang\w*|slam\w*|smash\w*|bash\w*|claw\w*|bruise|bruised|bruising|hurt|hurts|hurting|stab\w*"
    r"|kick|kicks|kicked|kicking|pull|pulls|pulled|pulling|rip|rips|ripped|ripping)"
)
# what makes hurting oneself deliberate: "on purpose", "till it bleeds", "to feel something"
SH_MARK = (
    r"(?:on purpose|deliberately|intentionally|to feel (?:something|anything|alive|real|pain|the pain)"
    r"|to punish (?:myself|himself|herself|themselves|me)|(?:because|cause|since) i deserve (?:it|to)"
    r"|i deserve it|so hard (?:that )?(?:it|they|i) (?:bled|bleeds?|bruised|bruises?)"
    r"|(?:till|until) (?:it|they|i|my \w+|the skin|skin|blood)(?: \w+)? (?:bleeds?|bled|bleeding|bruises?"
    r"|bruised|raw|blisters?|blistered|comes out|came out))"
)

# Every pattern starts at a word: with `\b`, or with START for "only as the first word".
START = r"(?<=^ )"


class Family(NamedTuple):
    """Patterns for one family of wording, tried only if a gate literal occurs in the text. Every match
    of the patterns contains one of the gate literals (tests/test_safety.py proves it from the regex), so
    the gate only saves time: most families are skipped on most texts, long ones included."""

    gate: tuple[str, ...]
    patterns: tuple[str, ...]
    regex: re.Pattern[str]


def net(*patterns: str) -> re.Pattern[str]:
    """Compile patterns for search in " " + text (see family); the safety net uses it with no gate."""
    alternatives = []
    for p in patterns:
        if p.startswith(r"\b"):
            p = p[2:]
        elif not p.startswith(START):
            raise ValueError(f"pattern must start at a word: {p[:40]!r}")
        alternatives.append(f"(?:{p})")
    return re.compile(" (?:" + "|".join(alternatives) + ")")


def family(gate: str, *patterns: str) -> Family:
    """Compile a family for search in " " + text: the leading space is a literal prefix, so the engine
    jumps from word start to word start instead of trying every alternative at every character."""
    return Family(tuple(gate.split("|")), patterns, net(*patterns))


class Combo(NamedTuple):
    """Two signals that are a crisis only together; `gate` guards `first` as in Family."""

    gate: tuple[str, ...]
    first: re.Pattern[str]
    second: re.Pattern[str]


def combo(gate: str, first: str, second: str) -> Combo:
    return Combo(tuple(gate.split("|")), re.compile(first), re.compile(second))


# --- safety net vocabulary ----------------------------------------------------------------------

# pill and dose words that put a number or "will that do it" in an overdose context (no pronouns)
DRUG = (
    r"(?:pills?|tabs?|tablets?|meds|medications?|klonopins?|klonnies|k ?pins?|clonazepam|benzos?|bars|xanax"
    r"|xannies|valium|ativan|lorazepam|diazepam|alprazolam|percs?|percocets?|oxys?|norcos?|vicodin|doses?"
    rf"|{_BENZO_SLANG}|dosage|sleeping pills|painkillers?|\d+(?:\.\d+)? ?mgs?|mgs?|milligrams?|handful|fistful)"
)
SWALLOWED = r"(?:took|taken|swallowed|downed|popped|ate|eaten|chugged|necked|snorted|dumped|poured)"
VICTIM = (
    r"(?:(?:my|our|his|her|their|the)(?: \w+)? (?:moms?|mother|dad|father|sisters?|brothers?|kids?|children"
    r"|sons?|daughters?|baby|babies|wife|husband|girlfriend|boyfriend|partner|grandma|grandpa|grandmother"
    r"|grandfather|siblings?|family|toddler|stepson|stepdaughter|niece|nephew|aunt|uncle|roommate|dog|cat"
    r"|pets?)|him|her|them|everyone|everybody|all of us|us all)"
)
# what "took 5 of my ..." is when it is not pills
NOT_PILLS = (
    r"(?:vitamins?|gummies|supplements?|fish oil|tums|snacks|chips|cookies|candy|candies|cards|kids|friends|classes"
    r"|steps|photos|pics|pictures|shots|breaths|days|weeks|hours|minutes|turns|laps|sips|bites)"
)
# "her head", "his back": after "hit her" these are her own, as in an accident
BODY_PART = (
    r"(?:head|hands?|arms?|legs?|knees?|back|foot|feet|toes?|fingers?|shoulders?|wrists?|ankles?|hips?|neck"
    r"|elbows?|face|nose|lips?|eyes?|thumbs?|shins?|chin|forehead|side|feelings|pride|ego|way|record|limit)"
)
# "bought a gun today" (not for hunting, the range or protection)
GUN_BOUGHT = (
    r"(?:a|myself a) (?:gun|pistol|handgun|rifle|shotgun)\b(?! (?:for|to go) (?:hunting|the range|protection|target))"
)
METHOD = r"(?:gun|pistol|rifle|shotgun|revolver|glock|handgun|rope|noose|bridge|overpass|ledge|train tracks|razor)"


class AfterPerson(NamedTuple):
    """A net pattern that counts only where a PERSON ends at most `gap` words before it. Matching the verb
    first and then looking back is much faster than starting a PERSON alternation at every word."""

    pattern: str
    gap: int = 3


NetPattern = str | AfterPerson


class Signal(NamedTuple):
    """Compiled net patterns: one regex, and a PERSON required before each match when person_gap >= 0."""

    regex: re.Pattern[str]
    person_gap: int = -1


def signals(*patterns: NetPattern | tuple[NetPattern, ...]) -> tuple[Signal, ...]:
    """Plain patterns merge into one regex; each AfterPerson pattern gets its own."""
    flat = [q for p in patterns for q in (p if type(p) is tuple else (p,))]  # an AfterPerson is one pattern
    plain = [p for p in flat if isinstance(p, str)]
    led = [Signal(net(p.pattern), p.gap) for p in flat if isinstance(p, AfterPerson)]
    return ((Signal(net(*plain)),) if plain else ()) + tuple(led)
