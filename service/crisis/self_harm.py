"""Self-harm: cutting, burning and other harm to oneself, happening now or about to."""

from __future__ import annotations

from service.crisis.vocabulary import BODY, POSS, SH_MARK, SH_VERB, START, Combo, Family, NetPattern, family

# --- specific families ---------------------------------------------------------------------------

FAMILIES: tuple[Family, ...] = (
    # hurting oneself or a body part: "cut myself", "scratched up my wrists", "carves into her arm", "razor to my thigh"
    family(
        "myself|himself|herself|themsel|wrist|arm|leg|thigh|skin|stomach|belly|hip|body|ankle|calves|flesh",
        r"\b(?:cut|cuts|cutting|cuttin|slice|sliced|slicing|carve|carved|carving|burn|burns|burned"
        r"|burnt|burning|hurt|hurts|hurting|harm|harming|harmed|stab|stabbed|stabbing|scratch"
        r"|scratched|scratching|hit|hitting|punch|punched|punching|bite|bit|biting|bruise|bruising"
        r"|dig|digging|claw|clawing|clawed|smash|smashing|slam|slamming)"
        r"(?: (?:up|on|at|into))? (?:myself|himself|herself|themselves|themself)"
        r"\b(?! (?:off|out|some slack|a break)\b)",
        rf"\b(?:cut|cuts|cutting|slit|slice|sliced|slicing|slashed|slash|slashing|carv\w*|burn|burns|burned|burnt"
        rf"|burning|scratch\w*|stab\w*|dig|digging|dug|claw\w*|bite|bit|biting|bites)"
        rf"(?: up| into| at| open)? my(?: own)? {BODY}\b",
        rf"\b(?:cut|cuts|cutting|slit|slits|sliced|slicing|slashed|slashing|carv\w*|burn|burns|burned|burnt"
        rf"|burning|stab\w*)(?: up| into| open)? (?:his|her|their)(?: own)? {BODY}\b",
        rf"\b(?:carv\w*|cut|cuts|cutting|scratch\w*|etch\w*|burn\w*|dig\w*)(?: \w+){{0,3}}? into {POSS} {BODY}\b",
        rf"\b(?:took|take|taking|put|putting|held|hold|holding|pressed|pressing) (?:a|the|my) (?:razor|razor blade"
        rf"|blade|knife|lighter|scissors|box cutter|shard|cigarette)(?: \w+)? (?:to|on|against|into) {POSS}"
        rf" {BODY}\b",
        rf"\b(?:use|used|using) (?:it|them|a razor|a blade|a knife) on (?:myself|my {BODY})\b",
    ),
    # made deliberate: "on purpose", "till it bleeds", "to feel something", "so hard it bled"
    family(
        "purpose|deliberately|intentionally|to feel|punish|deserve|so hard|till|until",
        rf"\b{SH_VERB}(?: \w+){{0,6}}? {SH_MARK}",
    ),
    # cutting as a habit or a way to cope, and its marks: "been cutting", "cutting helps", "cuts all over her thighs"
    family(
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
        rf"|across|along|covering) (?:my|his|her|their)(?: \w+)? {BODY}\b",
        r"\b(?:my|fresh|new|deep) cuts\b|\bcuts? (?:need|needs|needed|might need) stitch\w*",
    ),
    # razors out, head banging, needing pain
    family(
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
    family(
        "harm|self|sh",
        r"\bself ?harm\w*|\bself (?:injur\w*|mutilat\w*)|\bsh\b(?! it\b| t\b)",
    ),
    # Spanish
    family(
        "cort|lastim|dano|autolesion",
        r"\b(?:me estoy cortando|cortarme|me corto|me corte|lastimarme|me lastimo|hacerme dano"
        r"|autolesion\w*|me estoy haciendo dano|estoy haciendome dano)\b"
        r"|\b(?:me hago|me hice|me estoy haciendo) dano(?: \w+)? a proposito\b",
    ),
)

COMBOS: tuple[Combo, ...] = ()

# --- safety net ---------------------------------------------------------------------------------

NET: tuple[NetPattern, ...] = (
    # a cigarette put out on the body: "put out a cigarette on my wrist tonight"
    r"\b(?:put|puts|putting|stubbed|stubbing|snuffed|ashed|ashing)(?: out)? (?:a |my |the |his |her )?"
    rf"(?:cigarettes?|cigs?|smokes?|joints?|blunts?|butts?)(?: \w+){{0,2}}? (?:on|into|against|in) {POSS}"
    rf"(?: \w+)? {BODY}\b",
    # cutting now or again: "cutting rn cant stop"
    r"\bcutting (?:right now|again|tonight|today|this morning|deep|deeper|too deep|so deep|bad|badly|more"
    r"|worse|every (?:day|night)|(?:and )?(?:i )?(?:cant|wont) stop)\b",
    rf"{START}cutting(?=$| (?:and|is|helps|makes|again)\b)",
    r"\b(?:been|keep|started|still) (?:\w+ )?cutting (?:for (?:months|weeks|years|a while|a year|(?:\d+|two"
    r"|three|six) (?:months|weeks|years|days))|since|every)\b",
    rf"\b{POSS}(?: \w+)? {BODY} (?:are|is|were|was)(?: \w+)? (?:covered in|full of|all) (?:cuts|burns|slashes"
    r"|cut marks|burn marks)\b",
    # "razor + my thighs tonight"
    rf"\b(?:razor|blade|lighter)s?(?: plus| and| on| to| against)? {POSS} {BODY}(?: \w+)? (?:tonight|again"
    r"|right now|till|until|deep|blood|bleed\w*)\b",
    # the blade missed, blood from a cut: "want to feel the blade again", "blood from where i cut"
    r"\bfeel (?:the|my|a) (?:blade|razor)s?\b|\b(?:where|since|after|from where) i (?:cut|burned)\b"
    r"(?! (?:back|down|my (?:dose|hair|nails)|the|it|out|off|them|ties)\b)",
    # cuts or burns seen on someone: "cuts all up her thighs"
    r"\b(?:cuts|cut marks|slashes|slash marks|burn marks|cigarette burns|razor marks|fresh (?:cuts|marks))"
    rf"(?: \w+){{0,3}}? (?:on|over|up|down|across|along|covering) {POSS}(?: \w+)? {BODY}\b",
    r"\bfound (?:\w+ ){0,2}?(?:bloody (?:tissues|bandaids|towels|paper towels)|cut marks)\b"
    r"|\bfound (?:\w+ ){0,2}?(?:razor blades|blades|razors)(?: \w+){0,2}? (?:hidden|hid|taped|stashed|in (?:his|her"
    r"|their|my \w+) (?:room|drawer|bag|backpack|desk|bed|closet|pillow|purse|wallet|phone case))\b",
    # something hot or sharp held to the body: "pressed a hot spoon on my wrist"
    r"\b(?:pressed|pressing|press|held|holding|hold|put|putting|touched|touching|stuck|sticking|rubbed)"
    r" (?:a |the |my |some )?(?:(?:hot|heated|burning|red hot|boiling|lit|sharp)"
    r" (?!(?:compress|pack|water|towel|pad|bath|cloth|shower|tea|coffee)\b)\w+|lighter|lit cigarette"
    r"|cigarette|match|matches|curling iron|straightener|iron|razor|blade|knife|shard|glass|scissors"
    rf"|box cutter|compass)(?: \w+){{0,2}}? (?:to|on|onto|against|into|in) {POSS} {BODY}\b",
)
NET_COMBOS: tuple[tuple[NetPattern | tuple[NetPattern, ...], ...], ...] = (
    # "she has cuts ... she says she does it to feel something"
    (
        r"\b(?:does|do|did|doing|done) (?:it|this|that)\b(?: \w+){0,3}? (?:to (?:feel (?:something|anything"
        r"|alive|real|in control|better|numb)|cope|punish (?:myself|himself|herself|themselves)|calm down"
        r"|release|get relief)|on purpose|because (?:i|he|she|they) deserves?)\b",
        r"\b(?:cuts|cutting|cut marks|burns|burn marks|scars|razors?|blades?|bleed\w*|bled|self harm|sh)\b",
    ),
)
