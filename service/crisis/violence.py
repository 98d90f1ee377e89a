"""Violence against the texter or their family: hitting, choking, weapons, threats, coercive control."""

from __future__ import annotations

from service.crisis.vocabulary import (
    BODY_PART,
    PERSON,
    PILL,
    VICTIM,
    AfterPerson,
    Combo,
    Family,
    NetPattern,
    combo,
    family,
)

# hurt by words: "he hurt me when he said that"
_NOT_PHYSICAL = (
    r"(?! (?:(?:when|by) (?:he|she|they) (?:said|says|told|called|left|ignored|forgot)|emotionally"
    r"|with (?:his|her|their) words|by (?:saying|leaving|ignoring|lying))\b)"
)
# what someone does to me: the tails of the violence family that shares one PERSON prefix
_HURTS_ME = (
    r"(?:hit|hits|hitting|beat|beats|beating|choked|chokes|choking|strangled|strangles|strangling|punched|punches"
    r"|punching|kicked|kicks|kicking|slapped|slaps|slapping|smacked|smacks|pushed|pushes|shoved|shoves|threw"
    r"|throws|grabbed|grabs|hurt|hurts|hurting|attacked|attacks|abused|abuses|abusing|raped|rapes|assaulted"
    r"|molested|groped|gropes|fondled|fondles|stabbed|burned|dragged|slammed|threatened|threatens|threatening"
    r"|kidnapped|locked|locks|pinch|pinches|pinched|pinching|yanked|yanks|restrained|restrains|pinned|spit on|spat on) "
    r"(?:me|us|my kids|the kids|my children|my baby|(?:\w+ ){1,3}and me|me and (?:my )?\w+)\b"
    r"(?! (?:by accident|accidentally|as a joke|jokingly|playfully|gently|lol|in (?:his|her|their|my) sleep)\b)"
    rf"{_NOT_PHYSICAL}"
)
_WILL_HURT_ME = (
    r"(?:kill|hurt|beat|shoot|stab|strangle|choke|murder) (?:me|us|my kids|the kids|my children|my baby)\b"
    rf"{_NOT_PHYSICAL}"
)
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

# raging at things while the writer is afraid: "hes smashing things and im hiding"
_RAGING = (
    rf"\b{PERSON}(?: \w+){{0,3}}? (?:breaking|smashing|throwing|punching|kicking|destroying)"
    r" (?:things|stuff|holes|dishes|furniture|the walls?|the doors?|my (?:stuff|things|phone))\b"
)
_AFRAID = r"\b(?:im|i am|were|we are|the kids are) (?:so |really )?(?:scared|terrified|afraid|frightened|hiding)\b"

# --- specific families ---------------------------------------------------------------------------

FAMILIES: tuple[Family, ...] = (
    # someone hits, hurts, threatens or grabs me (one PERSON prefix shared by all the verbs: faster)
    family(
        "me|us|kids|children|baby|gun|knife|weapon|pistol|rifle|machete|arm|wrist|hair|neck|throat|finger|head|face",
        rf"\b{PERSON}(?: \w+){{0,4}}? (?:{_HURTS_ME}|{_WILL_HURT_ME}|{_ARMED}|{_THREW_AT_ME}|{_HIT_NEAR_ME}"
        rf"|{_GRABBED_MY})|\bcame at me\b",
    ),
    # sexual abuse: "my stepdad touches me", "he touched me while i was asleep"
    family(
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
    family(
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
    family(
        "unless|until|if i|when i|control|punish|have to|need to|must|make|will|forced|made me",
        r"\b(?:unless|only if|only when|until|if) i (?:do what (?:he|she|they) (?:says|say|wants?|tells? me)"
        r"|have sex|sleep with|do (?:stuff|things) (?:for|with) (?:him|her))\b",
        rf"\b(?:he|she|they|{PERSON})(?: \w+){{0,3}}? (?:holds|keeps|hides|controls|withholds|rations|locks up"
        rf"|takes|took|hid|kept|held)(?: onto| away)? (?:all )?my {PILL}(?: \w+){{0,6}}? (?:unless|until"
        r"|to control|to punish|as punishment|if i dont|(?:so )?i (?:have to|need to|must) (?:earn|beg|ask|pay"
        r"|do what)|makes? me (?:beg|do|earn|ask|pay))\b",
        r"\bagainst my will\b|\bforced (?:himself|herself|themselves) on me\b|\bforced me (?:to (?:have sex"
        r"|sleep with|do (?:things|stuff|sexual))|into (?:sex|the car|his car|her car|a car|the trunk))\b"
        r"|\bmade me (?:have sex|sleep with)\b",
    ),
    # stalking: following me home, parked outside, "says hes watching me", photos of my house, trackers
    family(
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
    family(
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
    family(
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
        r"|out of the house)\b(?! without (?:a |my )?(?:hug|kiss|goodbye|breakfast|snack|coat|jacket)\b)",
        rf"\bhiding (?:in|under|behind|inside|at|out in)(?: \w+){{0,3}}? from (?:him|her|them|{PERSON})\b",
        r"\b(?:his|her|their) hands? (?:around|round|on|over) my (?:neck|throat|mouth)\b",
    ),
    # Spanish
    family(
        "me pega|me pego|golpe|matar|amenaz|maltrat|siguiendo|persig|acos|acech|vigil|miedo",
        r"\bme (?:pega|pego|golpea|golpeo|quiere matar|va a matar|amenaza|amenazo|maltrata)\b",
        r"\bme (?:esta siguiendo|persigue|esta persiguiendo|acosa|esta acosando|acecha|esta vigilando|vigila)\b"
        r"(?! en (?:instagram|facebook|tiktok|twitter|redes|ig|fb)\b)",
        r"\btengo (?:mucho )?miedo (?:de|a) (?:mi (?:esposo|esposa|marido|pareja|novio|novia|ex|papa|padre|mama"
        r"|madre|hijo|hermano|padrastro)|el|ella|volver a casa|ir a casa|regresar a casa|que me (?:mate|pegue"
        r"|haga dano|lastime))\b|\btengo miedo por mi vida\b",
    ),
    # Spanish beatings and blows named by the deed ("me da una paliza", "me pateó"), and the person a protective
    # order is against turning up ("tengo orden de restriccion y ya sabe donde vivo")
    family(
        "paliza|golpiza|madriza|putiza|pate|cachete|abofete|orden de",
        r"\bme (?:da|dio|dan|dieron|daba|va a dar|puso) (?:una |unas )?(?:paliza|golpiza|madriza|putiza)s?\b",
        r"\bme (?:patea|pateo|patearon|pateaba|cachetea|cacheteo|abofetea|abofeteo)\b",
        r"\borden de (?:restriccion|alejamiento|proteccion)\b(?: \w+){0,6}? (?:sabe donde vivo|esta afuera"
        r"|me encontro|me sigue|me siguio|vino a|esta aqui)\b",
    ),
    # Spanish, rape and sexual assault, the doer in the verb: "me violaron", "me violo anoche", "me forzo a tener
    # relaciones", "abuso de mi"
    family(
        "viol|forz|oblig|abus|manose",
        r"\bme (?:violaron|violo|quiso violar|intento violar|trato de violar|quisieron violar)\b",
        r"\bme (?:forzo|forzaron|obligo|obligaron|obliga) a (?:tener relaciones|tener sexo|acostarme|hacerlo)\b",
        r"\b(?:abuso|abusaron|abusa|abusaba) (?:sexualmente )?de mi\b|\bme (?:manosea|manoseo|manosearon)\b",
    ),
)

COMBOS: tuple[Combo, ...] = (
    # "hes smashing things and im hiding"
    combo("breaking|smashing|throwing|punching|kicking|destroying", _RAGING, _AFRAID),
)

# --- safety net ---------------------------------------------------------------------------------

NET: tuple[NetPattern, ...] = (
    # a weapon used to threaten someone: "my daughters boyfriend threatened her with a knife tonight"
    AfterPerson(
        r"\b(?:threatened|threatens|threatening|came at|comes at|coming at|went at|chased|attacked|cornered)"
        r" (?:me|her|him|them|us|my \w+)(?: \w+)? with (?:a |his |her |the |their |my )?(?:knife|knives|gun"
        r"|pistol|rifle|shotgun|bat|baseball bat|machete|hammer|axe|crowbar|broken bottle|weapon|screwdriver)\b"
    ),
    # a person beating or threatening someone else: "my dad beats my mom when hes drunk"
    AfterPerson(
        r"\b(?:beats|beat|beating|hits|hit|hitting|punches|punched|punching|slaps|slapped|slapping|kicks|kicked"
        r"|kicking|chokes|choked|choking|strangles|strangled|strangling|smacks|smacked|shoves|shoved|abuses"
        r"|abused|abusing|hurts|hurt|hurting|attacks|attacked|attacking|rapes|raped|molests|molested|stabbed"
        rf"|stabs) {VICTIM}\b(?! (?:a|an|up|out|back|off|to|at|in (?:chess|cards|a|the (?:game|race))"
        rf"|feelings|pride|ego|chances)\b)(?! (?:own )?{BODY_PART}\b)",  # "she hit her head": her own
    ),
    r"\b(?:threaten\w*|says (?:hes|shes|hell|shell)|said (?:hed|shed|hes going to|shes going to)|swears"
    r" (?:hell|shell)|keeps saying (?:hell|hes going to|shes going to))(?: \w+){0,2}? (?:to )?(?:hurt|kill"
    r"|shoot|stab|beat|murder|burn|choke|strangle|come after) (?:me|us|all of us|us all|everyone|everybody"
    rf"|the (?:whole )?family|the kids|{VICTIM})\b"
    r"|\b(?:threaten\w*|says (?:hell|shell)|said (?:hed|shed))(?: \w+){0,2}? (?:to )?(?:burn (?:the|our|my)"
    r" (?:house|home|place|apartment|car)|blow up|poison|run (?:me|us) over|drown)\b",
    # "if i leave hell find me and end me"
    r"\b(?:find|hunt|track)(?: \w+)? (?:me|us) (?:down )?and (?:end|kill|hurt|murder|finish|shoot|stab|bury"
    r"|beat)\b|\b(?:hell|shell|theyll|he will|she will|they will|hed|shed|hes going to|shes going to"
    r"|theyre going to)(?: \w+){0,3}? (?:end|finish|murder|bury|shoot|stab|strangle|choke) (?:me|us)\b",
    # armed and raging: "shes screaming and throwing knives"
    AfterPerson(
        r"\b(?:throwing|swinging|waving|brandishing|pointing|grabbed|grabbing) (?:a |the |his |her )?(?:knives"
        r"|knife|gun|guns|bat|machete|hammer|axe|weapons?)\b"
        r"(?! (?:for|at) (?:hunting|work|the range|practice|a target|targets)\b)"
    ),
    # coercive control, the strong signs: "wont let me see anyone", "isolates me"
    r"\b(?:wont|doesnt|didnt|never|wouldnt|refuses to) let me (?:see|talk to|visit|call|contact|text)"
    r" (?:anyone|anybody|my (?:friends|family|mom|dad|parents|sister|brother|kids)|friends|family)\b"
    r"|\b(?:wont|doesnt|never|wouldnt|refuses to) let me (?:have (?:my own |any )?(?:money|a phone|my phone"
    r"|friends)|get a job|eat|sleep|go anywhere|go to the (?:doctor|hospital|er))\b",
    r"\b(?:isolates|isolated|isolating) me\b|\bcut me off from (?:my )?(?:family|friends|everyone)\b"
    r"|\b(?:im )?not allowed to (?:see|talk to|call) (?:anyone|anybody|my (?:friends|family)|friends|family)\b",
)
NET_COMBOS: tuple[tuple[NetPattern | tuple[NetPattern, ...], ...], ...] = (
    # injuries from a person and fear of their return: "bruises all over from him and im afraid hell come back"
    (
        r"\b(?:bruises|bruised|black eye|marks|welts|cuts|split lip)(?: \w+){0,3}? (?:from|thanks to|because of)"
        r" (?:him|her|them|my (?:\w+ )?(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|stepdad"
        r"|mom|mother|son|daughter|brother|sister|roommate|fiance|fiancee))\b"
        r"|\b(?:he|she|they|hes|shes) (?:left|gave me) (?:\w+ )?(?:bruises|a black eye|marks|welts)\b",
        r"\b(?:afraid|scared|terrified|frightened|fear)\b|\b(?:hell|shell|theyll|he will|she will|hes going to"
        r"|shes going to)(?: \w+)? (?:come back|be back|do it again|find me|come home)\b",
    ),
    # "im hiding in the bathroom hes banging on the door"
    (
        r"\b(?:im|i am|were|we are|i|we|kids are)(?: \w+)? (?:hiding|hid|locked|barricaded) (?:in|under|inside"
        r"|behind|at|out)\b|\blocked (?:myself|ourselves|me and the kids) in\b|\bbarricaded\b",
        (
            AfterPerson(
                r"\b(?:banging|pounding|kicking|punching|hammering|beating|trying to (?:get|break) in|trying to"
                r" open|yelling|screaming|shouting|raging|looking for (?:me|us))\b"
            ),
            r"\b(?:hes|shes|theyre|he is|she is) (?:drunk|high|angry|mad|furious|raging|violent|outside|home"
            r"|back|coming)\b",
        ),
    ),
    # "someone broke into my house and im hiding"
    (
        r"\b(?:someone|somebody|a man|a guy|people|they|he|she|my ex)(?: \w+)? (?:broke|is breaking|breaking"
        r"|just broke|trying to break|broken|got) (?:into|in)\b",
        r"\b(?:hiding|scared|terrified|afraid|still (?:here|there|inside|in the house)|right now|help|911"
        r"|i (?:can )?hear (?:him|her|them|someone))\b",
    ),
    # "hes in the house with a gun and hes drunk"
    (
        r"\b(?:hes|shes|theyre|he is|she is|someone is|somebody is|my \w+ is)(?: \w+){0,4}? with a (?:gun|knife"
        r"|weapon|machete|bat|pistol|rifle)\b",
        r"\b(?:drunk|high|angry|mad|raging|yelling|screaming|threaten\w*|scared|terrified|afraid|hiding|help"
        r"|911)\b",
    ),
    # "my ex keeps calling and says hes outside"
    (
        r"\b(?:my ex|ex|he|she|someone|somebody)(?: \w+)? (?:keeps|wont stop|has been|been|wont quit) (?:calling"
        r"|texting|messaging|showing up|coming by|driving by)\b",
        r"\b(?:hes|shes|theyre|is) outside\b|\b(?:scared|afraid|terrified|threaten\w*|wont leave|kill|hurt)\b"
        r"|\bat my (?:door|house|work|job)\b",
    ),
    # "hes banging on the door and im terrified"
    (
        AfterPerson(
            r"\b(?:banging|pounding|kicking|punching|hammering) (?:on )?(?:the|my|our) (?:\w+ )?(?:door|doors"
            r"|window|windows|wall|walls)\b"
        ),
        r"\b(?:scared|terrified|afraid|frightened|hiding|locked|threaten\w*|drunk|high|911|police|cops"
        r"|break (?:in|it|down)|kill|hurt|wont stop|help)\b",
    ),
)

NET += (
    # "afraid to go back to the apartment tonight"
    r"\b(?:afraid|scared|terrified|frightened|too scared|too afraid) (?:to|of) (?:go|going|head|heading|come"
    r"|coming|get|getting) back (?:home|to (?:the|my|our|his|her) (?:apartment|house|place|home|flat|room|trailer"
    r"|condo|unit))\b|\b(?:afraid|scared|terrified|frightened) (?:to|of) (?:return|returning) (?:home|to (?:the|my"
    r"|our|his|her) (?:apartment|house|place|home|flat|room|trailer|condo|unit))\b",
)

# Coercive control: any two of these together ("reads all my texts, takes my money")
CONTROL_PATTERNS: tuple[str, ...] = (
    r"\b(?:reads|read|checks|checked|goes through|went through|looks through|monitors) (?:all )?(?:of )?my"
    r" (?:texts|phone|messages|emails|dms|mail)\b",
    r"\b(?:takes|took|controls|keeps|holds|steals|stole) (?:all )?(?:of )?my (?:money|paycheck|paychecks|cards?"
    r"|bank card|debit card|wages|checks?|id|passport|keys|car keys|phone)\b",
    r"\b(?:tracks|tracking|tracked) (?:my|me)(?: \w+)?\b",
    r"\bcontrols (?:everything|where i go|who i see|what i (?:wear|eat|do)|the money|all the money|my money)\b",
    r"\b(?:wont|doesnt|never|wouldnt|refuses to) let me (?:leave|go out|go anywhere|see|have|drive|work)\b",
    r"\bcalls me (?:stupid|worthless|useless|names|crazy|fat|ugly|a (?:whore|slut|bitch|loser))\b",
    r"\blocks me (?:in|out)\b|\b(?:im )?not allowed to\b",
)

# "he choked me ... and i blacked out": strangling by a person is violence (whose reply also says call 911),
# even though blacking out is a medical family; classify() checks it before medical.
STRANGLED_PATTERNS: tuple[NetPattern, ...] = (
    AfterPerson(
        r"\b(?:choked|chokes|choking|strangled|strangles|strangling|suffocated|smothered) (?:me|us|her|him|them"
        r"|my \w+)\b(?! (?:up|out)\b)"
    ),
    r"\b(?:grabbed|grabs|had|held|holds) (?:me|her|him) by (?:the|my|her|his) (?:throat|neck)\b"
    r"|\bhands? (?:around|round|on) (?:my|her|his) (?:neck|throat)\b",
)
