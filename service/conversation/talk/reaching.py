"""Reaching help: help on its way ("im on the phone with 911") and not calling, a trusted person coming, 988 reached or
about to be, whether to text the person they named, and words for someone by name rather than for 988 or 911.
"""

from service.conversation.talk.patterns import signs
from service.keywords import normalise

# Help is on its way: "im on the phone with 911", "ambulance is coming", "paramedics are here". (Normalised text.)
_HELP_COMING = signs(
    r"(?:on the phone|on the line|talking|speaking) (?:with|w|to) (?:911|the dispatcher|dispatch)",
    r"(?:i )?(?:called|calling|just called) 911",
    r"(?:ambulance|paramedics|ems|medics) (?:is |are )?(?:here|coming|on (?:the|their|its) way)",
    r"(?:at|in) the (?:hospital|er|emergency room)",
    r"(?:taking|took|bringing|brought) (?:him|her|them|me) to the (?:hospital|er|emergency room)",
    r"(?:cops|police|ambulance) (?:just )?(?:pulled up|got here|got there|are here|is here|came)",
    r"(?:welfare check|sending someone)",
    r"(?:ya )?(?:llame|estoy hablando con el|hable con el) 911",
    r"(?:ya )?(?:viene|llego|llegaron|vienen) (?:la ambulancia|los paramedicos)",
    r"(?:estamos|esta|estoy) en el hospital",
)
NOT_CALLING = signs(r"(?:not|never|wont|dont|didnt|did not|cant|no) (?:\w+ )?(?:call|calling|called|going|gonna)")
"""\"im not calling 911\", \"i didnt call anyone\": never read as help on its way."""


def help_coming(text: str) -> bool:
    """Whether `text` says help is on its way, and not that they are not calling."""
    words = normalise(text)
    return bool(_HELP_COMING.search(words)) and not NOT_CALLING.search(words)


SOMEONE_COMING = signs(
    r"(?:he|she|they|doc|\w+) (?:is|s|are|re)? ?(?:here now|coming over|on (?:his|her|their) way)",
    r"(?:hes|shes|theyre) here",
    r"(?:said|says|texted) (?:hes |shes )?on (?:my|his|her) way",
    r"(?:ya )?(?:viene|llego|esta aqui) (?:mi|su) \w+",
)
"""A trusted person coming or there now ("texted doc, he said on my way"): said back, not 911 again."""

SHOULD_I_REACH = signs(
    r"(?:should|shld|shud|do|can|could) i (?:\w+ )?(?:txt|text|call|wake|ask|tell) (?!911|988)(?:him|her|them|my \w+"
    r"|\w+)(?: up)?(?: or (?:no|not))?$",
    r"(?:le )?(?:escribo|hablo|llamo|marco) a (?:mi|el|ella) ?\w*(?: o no)?$",
    r"(?:waking|wake|bother|bothering) (?:him|her|them) (?:up )?(?:over|for) nothing",
)
"""Asking whether to reach the person they named ("shld i txt him or no"): yes."""
TO_SOMEONE = signs(r"(?:text|call|tell|message|ask) (?!988|911|them|they|the|it|you|a|an|anyone|someone)\w+")
"""Words for someone by name ("if i text ray what do i say"), not for 988 or 911."""

# "i texted 988", "im talking to them": they reached out already. (Normalised text.)
REACHED_988 = signs(
    r"(?:i )?(?:texted|texting|called|calling|talking to|talking with|chatting with|on with) (?:988|the counselor"
    r"|a counselor|the lifeline|the crisis line)",
    r"(?:im|i am) talking to them",
    r"(?:theyre|they are) asking me",
    r"(?:le escribi|escribi|llame|estoy hablando con|estoy escribiendo) (?:al )?988",
)
WILL_REACH = signs(
    r"(?:ill|i will|i might|maybe ill|maybe i will|im gonna|im going to|i could) (?:\w+ )?(?:text|call|try) (?:the )?"
    r"(?:988|lifeline|crisis line)",
    r"(?:voy a|le voy a|quizas|capaz) (?:\w+ )?(?:escribir|llamar|mandar) (?:al )?988",
    r"(?:capaz|quizas|tal vez|a lo mejor) (?:le )?(?:mando|escribo|llamo)(?: \w+)? al 988",
)
"""Saying they will text or call 988 ("maybe ill text the 988 thing tomorrow"): a step, said back to them."""
