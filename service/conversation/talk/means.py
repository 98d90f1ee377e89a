"""Means a person may name (a gun, street drugs, alcohol, pills, a blade, a height), by the advice that fits; the kind
named most recently; and what is done with them: someone else taking them away, or the person's own step to be safer.
"""

import re

from service.conversation.talk.patterns import signs
from service.keywords import normalise

MEANS = {
    "gun": signs(
        r"guns?",
        r"pistol",
        r"revolver",
        r"rifle",
        r"shotgun",
        r"firearm",
        r"handgun",
        r"sidearm",
        r"9 ?mm",
        r"\d+ cal(?:iber)?",
        r"ar ?15",
        r"glock",
        r"\d+ gauge",
        r"pistola",
        r"arma",
    ),
    # before pills: "street pills" and "percs" are opioids, whose danger with clonazepam is the breathing
    "drugs": signs(
        r"street (?:pills|drugs|stuff)",
        r"pressed (?:pills|bars)",
        r"fent(?:anyl)?",
        r"heroin",
        r"morphine",
        r"oxy\w*",
        r"percs?",
        r"percocets?",
        r"opioids?",
        r"opiates?",
        r"painkillers?",
        r"pain (?:pills|meds)",
        r"morfina",
        r"opioides?",
    ),
    "alcohol": signs(
        r"alcohol",
        r"drinking",
        r"drunk",
        r"vodka",
        r"(?:bottle|fifth|handle) of (?:jack|jim|rum|gin|vodka|whiske?y|wine|tequila|liquor|booze)",
        r"jack daniels?",
        r"whiske?y",
        r"liquor",
        r"booze",
        r"tequila",
        r"beers?",
        r"wine",
        r"bebiendo",
        r"borracho|borracha",
        r"trago",
        r"cervezas?",
    ),
    "pills": signs(
        r"pills?",
        r"bottles?",
        r"tablets",
        r"stash",
        r"stockpil\w*",
        r"(?:saving|saved|hoarding|hoarded) (?:them|em|up|pills|some)",
        r"got enough",
        r"(?:a bunch|all) of (?:them|my|the old)",
        r"(?:juntando|guardando|guarde|junte) (?:las )?pastillas",
        r"pastillas?",
        r"frascos?",
        r"overdose",
    ),
    "blade": signs(r"razors?", r"blades?", r"knife", r"knives", r"scissors", r"box cutter", r"navajas?", r"cuchillos?"),
    "other": signs(r"rope", r"noose", r"bridge", r"ledge", r"roof", r"rooftop", r"tracks", r"hose", r"jump"),
}
"""Means a person may name, by the CALM advice that fits (messages: talk.means.<kind>). The medicine's own names
(Klonopin, Rivotril, benzos) are not among them: on this line they are what everyone talks about."""
_MEDICINE = signs(
    r"klonopin", r"kpins?", r"klonnies", r"clonazepam", r"benzos?", r"meds", r"rivotril", r"clonas?", r"bars",
)  # fmt: skip
"""The medicine's names: not means by themselves, but what the pills are when means are talked about."""


def means_named(texts: list[str]) -> str:
    """The kind of means named most recently in `texts` (the medicine by name counts as pills here), or "any".
    Pills with alcohol anywhere in the texts are "alcohol", whose reply names both."""
    drinking = any(MEANS["alcohol"].search(normalise(t)) for t in texts)
    for text in reversed(texts):
        words = normalise(text)
        for kind, pattern in MEANS.items():
            if pattern.search(words):
                return "alcohol" if kind == "pills" and drinking else kind
        if _MEDICINE.search(words):
            return "alcohol" if drinking else "pills"
    return "any"


def about_pills(words: str) -> bool:
    """Whether normalised words are about pills: a method question about them is method-seeking."""
    return bool(_MEDICINE.search(words) or MEANS["pills"].search(words) or re.search(r"\b(?:too many|take)\b", words))


HAND_OVER = signs(
    r"(?:him|her|them|brother|sister|friend|mom|dad|wife|husband|neighbor|buddy|son|daughter|cousin)(?: \w+){0,3}"
    r" (?:come get|come take|take|hold|keep|pick up|lock up|hang on to) (?:the |my |dads |his |her |our |all the |my"
    r" dads )?(?:gun|guns|rifle|pistol|glock|ar|firearms?|pills|meds|bottle|knife|knives|razor|blade)",
    r"(?:only one|one person) (?:i|id|i would|ill) (?:give|hand) (?:the |my )?(?:gun|glock|pistol|rifle|pills)",
    r"(?:come get|come take) (?:the |my |dads |my dads )?(?:gun|guns|rifle|pistol|pills|meds)",
    r"(?:que|q) (?:se lleve|me guarde|guarde|venga por) (?:la pistola|el arma|las pastillas|el rivotril)",
)
"""Someone else taking the means away ("if i tell my brother to come get the gun would that help"): said yes to."""
# A step the person took to be safer: put the pills away, locked them up, gave them to someone. (Normalised text.)
OWN_STEP = signs(
    r"(?:put|moved|took|left|gave) (?:the |my |all the )?(?:pills|them|it|gun|bottle|jar|hammer|knife|knives|bat"
    r"|weapon|blade|razor|rifle|keys)(?: \w+){0,2}"
    r" (?:in|into|out|away|to)",
    r"locked (?:them|it|the \w+) (?:up|away|in)",
    r"locked it",
    r"gave (?:them|it|the \w+) to",
    r"(?:threw|flushed) (?:them|it|the pills) (?:out|away)",
    r"(?:le di|le deje|guarde|tire) (?:las pastillas|el frasco|la pistola|todo)",
)
