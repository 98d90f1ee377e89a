"""Questions a person asks inside a conversation that get their own answer: what 988 is for, whether it sends the
police or tells the family, how to reach a person, where to text, and withdrawal and its danger; and what reads as a
question at all (then a topic it names is answered too).
"""

import re

from service.conversation.talk.patterns import signs

QUESTION = re.compile(
    r"^(?:\w+ )?(?:can|could|is|are|does|do|should|will|would|how|what|whats|why|when|se puede|puedo|cuanto|como"
    r"|que|por que|es normal|hay)\b"
)
"""A text put as a question, which a topic it names answers inside a conversation too."""

# A question about what 988 is for: "988 is only for suicide?", "would they even know about benzos". (Normalised.)
ABOUT_988 = signs(
    r"988 (?:is|es) (?:only |just |solo )?(?:for|para)",
    r"(?:is|isnt) 988 (?:only |just )?(?:for|about)",
    r"(?:what|whats|what is) 988",
    r"what (?:does|would|will|can) 988",
    r"whats 988 (?:gonna|going to) do",
    r"988 (?:people )?(?:even )?know (?:anything )?about",
    r"(?:que|q) es (?:el )?988",
    r"(?:el )?988 (?:es )?(?:solo )?para (?:suicid\w*|gente)",
)
ASKS_988_POLICE = signs(
    r"(?:does|do|will|would|can|could) (?:988|they|them|the lifeline|the counselors?|the crisis line|it) (?:\w+ )?"
    r"(?:send|call|get) (?:the )?(?:police|cops)",
    r"(?:send|call) (?:the )?(?:police|cops) or not",
    r"(?:are|is) (?:they|988|it) (?:gonna|going to) (?:send|call) (?:the )?(?:police|cops)",
    r"988 (?:is|was) (?:who|the one that|the ones who) called the (?:police|cops)",
    r"(?:el )?988 (?:manda|llama) (?:a )?(?:la policia|los policias)",
    r"(?:te|me|les|nos) (?:mandan|manda|llaman) (?:a )?(?:la policia|los policias|la patrulla)",
)
"""A question whether 988 sends the police: answered honestly, without a promise (POLICY.md C13)."""
ASKS_988_TELLS = signs(
    r"(?:would|will|does|do|can) (?:988|they|them|it) (?:\w+ )?(?:tell|call|text|contact) my (?:mom|mother|dad|father"
    r"|parents|family|boss|wife|husband)",
    r"(?:le|les) (?:dicen|diran|avisan) a mi (?:mama|papa|familia)",
)
"""A question whether 988 tells the family: confidential, as 988 says of itself."""

# How to reach someone: how to text 988, a person rather than a bot, the number again. (Normalised text.)
CONNECT = signs(
    r"(?:text|call) (?:them|988|it) how",
    r"how (?:do|would|can) i (?:text|call|reach) (?:them|988|it)",
    r"(?:can|could|will|would) (?:you|u|someone|somebody) (?:please )?(?:call|phone|ring|contact|text)"
    r" (?:them|988|911|someone|somebody|for me|me)",
    r"call (?:them|988|911|someone) for me",
    r"call for me",
    r"talk to (?:a|someone|somebody|a real) (?:person|human)",
    r"(?:is this|are you|r u|is it|is there) (?:even |really |actually |just )?(?:a )?(?:real )?(?:person|human|bot"
    r"|robot)",
    r"(?:a )?human (?:anywhere|there|here)",
    r"(?:eres|es) (?:una? )?(?:persona|robot|humano)(?: real)?",
    r"(?:whats|what is|what was) (?:the|that) (?:number|text number)",
    r"(?:cual es|cual era) el numero",
)
# "who do i text", "is there somewhere i can text": where to turn. (Normalised text.)
WHO_TO_TEXT = signs(
    r"(?:who|where) (?:do|can|should|could) i (?:text|call|go)",
    r"(?:who|where) to (?:text|call)",
    r"(?:somewhere|someone|somebody|a number|anywhere) (?:i can|to) (?:text|call)",
    r"(?:a quien|donde) (?:le )?(?:escribo|llamo|puedo escribir|puedo llamar)",
)

WITHDRAWAL_Q = signs(
    r"seizures?",
    r"convulsion(?:s|es)?",
    r"(?:go|get|going) to (?:the )?(?:er|hospital|urgent care)",
    r"cold turkey",
    r"(?:stop|stopping|quit|quitting|coming off|cold off|off) (?:taking )?(?:klonopin|clonazepam|benzos|it|them|my"
    r" meds)",
    r"(?:dejar|dejarlo|dejarla|lo dejo|la dejo) de golpe",
    r"(?:walls|things) (?:look like (?:theyre|they are) )?(?:breathing|moving|melting)",
    r"(?:seeing|sees|hearing|hears) (?:things|stuff|people|bugs|voices)",
    r"hallucinat\w*",
    r"\ber\b (?:yes or no|or not)",
    r"(?:is|are|could|can) (?:it|this|that|these) (?:be )?(?:the )?(?:pills|withdrawal|withdrawl|klonopin|meds|taper"
    r"|cut) (?:doing|messing|making|causing)",
    r"(?:is it|is this|is that) (?:the )?(?:withdrawal|withdrawl)",
    r"(?:is|will|can|could) (?:this|it|withdrawal|that) (?:\w+ )?kill me",
    r"(?:take|taking|bring|drive) (?:him|her|them) to (?:the )?(?:er|hospital)",
    r"ran out",
    r"without (?:my |the |any )?(?:pills|meds|klonopin|it)",
    r"missed (?:my |\d+ |two |a few )?(?:doses?|days?|pills)",
    r"missing (?:it|them|my|doses?)",
    r"sin (?:mis |las )?pastillas",
)
"""A question about withdrawal or its danger, asked inside a conversation: answered, not met with the script."""
