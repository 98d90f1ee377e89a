"""Suicide: intent, plans, methods and means, goodbyes, stockpiled pills."""

from __future__ import annotations

import re

from service.crisis.vocabulary import GUN_BOUGHT, METHOD, PILL, START, Combo, Family, NetPattern, combo, family

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
# pairs of signals that are a crisis only together: (first, second); a side given as a tuple means any of them
# choosing when or how: "just figuring out when", "how id do it"
_PLANNING = (
    r"\b(?:figuring|figure|figured|working|work|worked|deciding|decide|picking|pick|choosing|choose|planning"
    r"|plan) (?:out )?(?:when|where|the (?:day|date|time|night|place))\b(?! (?:to|for|my|the|his|her|i can|we)\b)"
    r"|\bhow (?:id|i would|i could|i will|ill|i should|i am going to|im going to) (?:do it|end it|kill myself"
    r"|go through with it)\b(?! (?:differently|better|again|over|if|with|without)\b)"
    r"|\bjust (?:waiting|need to pick) (?:for|till|until|the) (?:the right|a|the|everyone|my|them)\b"
)

# --- specific families ---------------------------------------------------------------------------

FAMILIES: tuple[Family, ...] = (
    # wanting or praying to die, not to wake, for god to take them; not wanting to live
    family(
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
        r" (?:forever|for good|permanently)\b(?! (?:on|this|every|the) (?:weekends?|saturdays?|sundays?|days? off)\b)",
    ),
    # direct words, slang ("kms", "unalive", "ctb" = catch the bus) and misspellings
    family(
        "kill|kms|unaliv|sewerslide|delete|ideation|suic|sucid|suisid|siucid|ctb|bus",
        r"\bkill(?:ing|ed)? ?myself\b|\bkms+\b|\bunaliv\w*|\bsewerslide\b|\bself ?delete\b|\bideation\b",
        r"\b(?:suicid\w*|sucid\w*|suicd\w*|suiced\w*|suisid\w*|suiside\w*|siucid\w*|sucide)",
        r"\bctb\b|\b(?:think|thinking|thought|thoughts) (?:about|of) (?:catching|catch) the bus"
        r"(?=$| (?:a lot|lately|again|soon|tonight|for good|honestly|tbh|fr|ngl|and)\b)"
        r"|\b(?:ready|want|decided|planning|going) to catch the bus(?=$| (?:tbh|fr|ngl|honestly|for good)\b)",
    ),
    # ending a life: "end it all", "kill himself", "i should just die"
    family(
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
    family(
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
    family(
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
    family(
        "dead|born|think|thought|plan|figur|disappear|death|suicide|care|without",
        r"\b(?:rather be|wish(?:es|ed)? (?:i|he|she|they) (?:was|were|could be|had been)|better off) dead\b",
        r"\bwish(?:es|ed)? (?:i|he|she|they) (?:was|were|had) never (?:been )?born\b",
        r"\b(?:think|thinking|thought|thoughts) (?:about|of) (?:dying|death|being dead|not being here"
        r"|ending it|ending it all|ending things|ending everything|ending my life|killing myself|taking my life"
        r"|not waking up|not being alive|not existing)\b",
        r"\b(?:planning|planned|figured out|figuring out) (?:how|when|where) (?:to|ill|i would|im going to)"
        r" (?:do it|die|end it|go)\b|\b(?:planning|planned|plotting|plan) (?:my|his|her) (?:own )?(?:death|suicide)\b",
        r"\bdont care (?:if|whether) i (?:die|live or die|dont wake up|overdose|od|survive|make it)\b"
        r"|\bdont care (?:if|whether) i wake up\b(?! (?:late|early|on time|in time|for|before|at|by|till|until)\b)",
        r"\b(?:he|my (?:dad|father|son|husband|brother|boyfriend|grandpa|uncle))(?: keeps| always)? (?:says|said"
        r"|saying|thinks|told me|tells me)(?: \w+){1,5}? (?:would|d) (?:all )?be (?:better off|better|happier|easier"
        r"|fine) without him\b"
        r"|\b(?:she|my (?:mom|mother|daughter|wife|sister|girlfriend|grandma|aunt))(?: keeps| always)? (?:says"
        r"|said|saying|thinks|told me|tells me)(?: \w+){1,5}? (?:would|d) (?:all )?be (?:better off|better|happier"
        r"|easier|fine) without her\b",
        r"\bdisappear (?:forever|for good|permanently)\b",
    ),
    # methods named or researched: bridge, rope, gun, driving into a tree, painless ways
    family(
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
    family(
        "morir|matar|suicid|quitar|no quiero",
        r"\b(?:quiero|quisiera|voy a|me quiero|deseo) (?:morir|morirme|matarme|suicidarme)\b",
        r"\bme (?:quiero|voy a) matar\b|\bquitarme la vida\b",
        r"\bse (?:quiere|va a) (?:matar|suicidar|morir|quitar la vida)\b|\bquiere (?:matarse|suicidarse|morirse)\b"
        r"|\bquitarse la vida\b",
        r"\bno quiero (?:vivir|seguir viviendo|seguir|estar aqui|despertar)\b",
    ),
    # Spanish, a method in the first person: "me tiro a las vias", "si me aviento del 8vo piso", "me pego un tiro"
    family(
        "me|cortarme",
        r"\b(?:hoy|ya|manana|esta noche|ahorita|mejor) me (?:mato|suicido)\b|\bme (?:mato|suicido)"
        r" (?:hoy|ya|esta noche|manana|ahorita)\b",
        r"\bme (?:tiro|aviento|avento|lanzo|arrojo|echo) (?:a|al|a la|a las|abajo del|debajo del) (?:\w+ )?(?:vias"
        r"|tren|metro|rio|mar|autopista|carretera|trailer|camion|precipicio|barranco|acantilado)\b",
        r"\bme (?:tiro|aviento|avento|lanzo|arrojo|echo) (?:del|de la|desde el|desde la|por la) (?:\w+ )?(?:puente"
        r"|piso|edificio|azotea|techo|ventana|balcon|precipicio|barranco|acantilado)\b",
        r"\bme (?:pego|doy|meto|voy a pegar|voy a dar|quiero pegar|quiero dar) un (?:tiro|balazo|plomazo)\b",
        r"\bme (?:voy a|quiero) (?:colgar|ahorcar|envenenar)\b|\b(?:cortarme|me corto|me voy a cortar) las venas\b",
    ),
)

COMBOS: tuple[Combo, ...] = (
    # "gave my dog to my sister ... i think im done"
    combo("gave|giv|hand", _GIVING_AWAY, _FINAL_WORDS + "|" + _IM_DONE),
    # "wrote my will ... its time"
    combo("clean|clear|emptied|will|affairs|loose ends", _AFFAIRS, _FINAL_WORDS),
    # "texted me goodbye and now hes not answering"
    combo("bye|sorry for everything|love you all|take care of", _FAREWELL_SENT, _UNREACHABLE),
    # "take care of the kids for me, im done"
    combo("take care of|look after|watch over|raise", _CARE_FOR_THEM, _FINAL_WORDS + "|" + _IM_DONE),
    # "im sorry for everything. goodbye"
    combo("sorry for everything", _SORRY_GOODBYE, _SORRY_GOODBYE),
)

# --- safety net ---------------------------------------------------------------------------------

NET: tuple[NetPattern, ...] = (
    # passive death wish: "if i dont wake up tomorrow thats fine by me", "wouldnt mind not waking up"
    r"\bif i (?:(?:(?:go|went|fall|fell) (?:to sleep|asleep)(?: tonight)? and )?(?:dont|didnt|never|wouldnt"
    r"|do not) (?:wake|woke)(?: up)?(?! (?:on time|in time|early|before|for"
    r"|by|till|until)\b)|died|die|was gone|were gone|wasnt here|stopped breathing)(?: \w+){0,6}? (?:fine|ok|okay"
    r"|alright|better|good|relief|blessing|whatever|so be it|peace|wouldnt mind|wouldnt care|dont care|wont care"
    r"|not sad|happy)\b",
    r"\b(?:wouldnt|would not|dont|do not)(?: even| really)? (?:mind|care)(?: if)?(?: i)? (?:not waking|never"
    r" waking|didnt wake|dont wake|died|dying|die|wasnt here|werent here|was gone|were gone|being dead"
    r"|not being here|stopped breathing|never woke)\b",
    r"\b(?:fine|ok|okay|alright|at peace|good) (?:with|if) (?:i |me )?(?:not waking|never waking|dying|die"
    r"|died|dont wake|didnt wake|never woke|not being here|being gone|being dead)\b",
    r"\b(?:not waking up|never waking up|dying|being dead|death) (?:sounds|seems|would be|feels|looks)"
    r"(?: so| really| pretty| kinda)? (?:nice|good|great|peaceful|better|like a relief|appealing|easier"
    r"|tempting|like heaven)\b",
    r"\b(?:just )?let me die\b|\b(?:to|and|so i|so that i) (?:not|never) wake(?: up)?\b",
    # a method that looks good now: "the bridge on route 9 is looking real good tonight"
    rf"\b{METHOD}(?: \w+){{0,5}}? (?:is|are|s|looks?|looking|seems?|sounds?|keeps?|been)(?: \w+)?"
    r" (?:calling (?:me|my name|to me)|tempting|inviting|appealing|peaceful|like (?:an option|the answer"
    r"|a way out|the only way|my only (?:way|option))|(?:(?:real|so|really|pretty|very) )?(?:good|nice"
    r"|better)(?= (?:tonight|right now|today|lately|more and more|again|to me|these days)\b))",
    # jumping, a gun just bought, leaving this world, doing it at a set time
    r"\b(?:going to|gonna|about to|ready to|want to|wanna) jump\b(?=$| off| tonight| now| from| in front)",
    rf"{START}(?:i )?(?:just )?(?:bought|purchased) {GUN_BOUGHT}",
    rf"\bi (?:just )?(?:bought|purchased) {GUN_BOUGHT}",
    r"\b(?:goodbye|farewell|bye) (?:to )?(?:this|the|my|cruel) (?:world|life)\b|\bleav(?:e|ing) this world\b",
    r"\b(?:plan|planning|going|gonna|decided|ready) to do it (?:tonight|this weekend|tomorrow|soon|on (?:monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday|my birthday))\b",
    # a weapon held to or in the lap: "sitting with my pistol in my lap"
    r"\b(?:gun|pistol|rifle|shotgun|revolver|glock|handgun)(?: \w+){0,2}? (?:in my (?:lap|hands?|mouth)"
    r"|under my chin|against my (?:head|temple|chest))\b",
    # farewells: "you wont hear from me again", "see you on the other side"
    r"\b(?:you|yall|you guys|everyone|nobody|no one|they|youll)(?: \w+)? (?:wont|will never|will not|never"
    r"|wont ever|not going to) (?:hear from|see|talk to|have to deal with|have to worry about) me"
    r" (?:again|anymore|ever again|after (?:today|tonight|this))\b"
    r"(?! (?:until|till|for|today|this|tomorrow|next|after (?:my|the|work|school))\b)",
    r"\bthis is the last (?:time )?(?:you|yall|anyone) (?:will )?(?:hear|see|talk)\b"
    r"|\bsee (?:you|yall) (?:on the other side|in (?:the next|another) life|in heaven)\b(?! of\b)",
    r"\b(?:wont|will not|not going to) be (?:a |your )?(?:problem|burden|bother|trouble)"
    r" (?:much longer|for long|anymore|soon|after tonight)\b",
    r"\b(?:my|is my|its my) last (?:night|day) (?:on earth|alive|on this earth|ever)\b",
    # a time and an end: "tonight i end it"
    r"\b(?:tonight|today|tomorrow|this weekend|now) (?:i|ill|im going to|is when i) (?:end it|end things"
    r"|end everything|end my life|die|do it|kill myself)(?=$| for (?:good|real)| finally)"
    r"|\bi (?:will |ll )?end it (?:tonight|today|now|for good)\b",
    # no future, stop existing, better if i was gone
    r"\b(?:dont|cant|no longer) see (?:a|any) (?:future|way forward|tomorrow)(?: for me)?\b(?! (?:with|in|at)\b)",
    r"\b(?:stop|cease) existing\b|\bnot exist(?:ing)? anymore\b|\bbetter if i (?:just )?(?:died|die|stop"
    r" existing|stopped existing|wasnt here|was gone|were gone|disappeared|didnt wake up|never woke up|wasnt"
    r" around|wasnt alive)\b",
    # done with living, no reason to stay
    r"\b(?:im|i am|ive|just|so)(?: \w+)? done (?:living|being alive|existing|breathing|trying to live)\b",
    r"\bno (?:reason|point) (?:to|in) (?:stay|staying|stick around|sticking around|keep trying|keep going|wake up"
    r"|waking up|be here|being here)(?=$| anymore| any longer)",
)
NET_COMBOS: tuple[tuple[NetPattern | tuple[NetPattern, ...], ...], ...] = (
    # "thank u for everything, you wont hear from me again"
    (
        r"\bthank(?:s| you)(?: so much)? for (?:everything|all (?:you did|youve done|of it|the help))\b",
        r"\b(?:wont hear|goodbye|its time|last (?:text|message|time)|forgive me|take care of|love you all"
        r"|wont be (?:here|around)|im done|im ready|at peace|this is it|other side)\b",
    ),
    # "loaded my pistol and sat in the car" (not for a hunt or the range)
    (
        r"\b(?:loaded|loading|cocked|got out|took out|pulled out|unlocked)(?: \w+)? (?:gun|pistol|rifle|shotgun"
        r"|revolver|glock|handgun)\b(?!(?: \w+){0,8}? (?:hunt\w*|deer|range|season|target|duck|elk|turkey|blind"
        r"|stand|practice)\b)",
        r"\b(?:sat|sitting|sit) (?:in|on|with|alone|here)\b|\balone\b|\bin the dark\b|\b(?:its|it is) time\b"
        r"|\btonight\b|\bgoodbye\b|\bim (?:ready|done)\b|\bend it\b|\bthinking about\b",
    ),
    # a method in place and a time being chosen: "the rope is already in the garage. just figuring out when"
    (
        rf"\b{METHOD}s?(?: is| are| s)? (?:already |all )?(?:in (?:the|my) (?:garage|basement|attic|shed|closet"
        r"|car|trunk|truck|drawer|room)|ready|set up|tied|hung up|hanging|loaded|waiting)\b",
        _PLANNING,
    ),
    # researching a method while picturing how: "cant stop thinking about how id do it. looking up bridges"
    (
        r"\b(?:looking|looked|searching|searched|googling|googled|researching|researched|scouting|checking)"
        r" (?:up |out |for )?(?:\w+ ){0,2}?(?:bridges|overpasses|cliffs|tall buildings|parking garages|gun shops"
        r"|gun stores|nooses|ropes|how to tie (?:a )?noose|train schedules?)\b",
        (_PLANNING, r"\bnear (?:me|here|my (?:house|place|work))\b|\bhigh enough\b|\btall enough\b"),
    ),
    # "ready to check out and go be with his buddies from the unit": leaving to join the dead
    (
        r"\b(?:ready|want|wants|wanting|going|time|about|planning|plan) to check out\b(?! (?:of|the|a|at|from"
        r"|some|this|that|these|those|my|his|her|our|their|early|late|by|before|in|new|an|what|how)\b)",
        r"\b(?:go |going to |to |and )?be with (?:his|her|my|their|our) (?:\w+ )?(?:buddies|friends|brothers"
        r"|sisters|unit|squad|wife|husband|son|daughter|mom|mother|dad|father|family|baby|kids?|people|grandma"
        r"|grandpa|grandmother|grandfather|parents)\b"
        r"|\bjoin (?:his|her|my|their) (?:\w+ )?(?:buddies|friends|brothers|unit|wife|husband|son|daughter|mom"
        r"|mother|dad|father|family|baby|kids?)\b",
    ),
    # "sitting with my pistol again thinking its time", "the rope is ready, its time"
    (
        rf"\b{METHOD}\b|\bpills (?:are )?(?:lined up|ready|counted out)\b",
        r"\b(?:its|it is) (?:finally )?time\b(?! (?:to|for)\b)|\bim ready\b(?! (?:to|for)\b)"
        r"|\b(?:end it|end this|one bullet|pull the trigger|tonight is the night|no reason to stay)\b",
    ),
)

# Round 10 (blind set v8, R 0.91 P 0.989): families it showed missing from the net.
_NOT_TRAVEL = (
    r"(?!(?: \w+){0,8}? (?:trip|vacation|holiday|flight|florida|beach|camping|cruise|abroad|rehab|detox|hospital"
    r"|jail|prison|basic training|deployment|moving|the move|new job|college)\b)"
)
NET += (
    # a method in hand, put by: "i have the rope in the garage", "got the gun stashed"
    r"\b(?:i have|i got|ive got|i have got|got|bought|have) (?:the|a|my) (?:rope|noose|gun|pistol|rifle|shotgun"
    r"|revolver|glock|handgun|razor|blade|hose|tank)\b(?! for\b)(?: (?!for\b)\w+){0,2}? (?:ready|in (?:the|my)"
    r" (?:garage|basement|closet|attic|shed|truck|car|trunk|drawer|nightstand)|saved|stashed|hidden|hid|set up"
    r"|tied|loaded|picked out)\b",
    # "wont need them where im going"
    r"\bwont (?:need|be needing|be using)(?: \w+){0,3}? where im going\b" + _NOT_TRAVEL,
    # "gonna eat my gun", "eat a bullet"
    r"\b(?:eat|eating|ate|suck|sucking|swallow) (?:my|a|the) (?:gun|pistol|bullet|shotgun|barrel|glock|revolver"
    r"|rifle)\b",
)
NET_COMBOS += (
    # care arranged for after death: "make sure someone feeds my cat after im gone"
    (
        r"\b(?:after|when|once|for when) im (?:gone|dead|not here|not around|no longer here)\b"
        + _NOT_TRAVEL
        + r"(?! (?:on|for|to|at|next|this|tomorrow|over|till|until)\b)"
        r"|\bif anything (?:happens|were to happen|ever happens|should happen) to me\b",
        r"\b(?:cats?|dogs?|pets?|puppy|kitten|birds?|fish|horse|kids?|children|son|daughter|babies|baby|boys"
        r"|girls)\b",
    ),
)
# stockpiling pills for a chosen time is a suicide plan (checked before overdose unless they were swallowed):
# "been saving up my klonopin for a while. tonight is the night"
STOCKPILE = re.compile(
    rf"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|stashing|stashed|storing"
    rf"|squirreling|putting away|put away|holding onto)(?: up| away| aside)? (?:all )?(?:of )?(?:my |the |some |enough"
    rf" |up )?(?:\w+ )?{PILL}\b|\b{PILL} (?:\w+ )?(?:saved|stashed|stockpiled|hoarded|put away)\b"
)
STOCKPILE_WHEN = re.compile(
    r"\b(?:the night|when im ready|for when|im ready|(?:and|are|is|all) ready|its time|the time comes|enough to"
    r"|for the end|the day comes|the big day|tonight is|tonight im (?:doing|going)|do it)\b"
)
STOCKPILE_TAKEN = re.compile(r"\b(?:took|taken|swallowed|popped|downed|ate|just took)\b")
