"""The coping steps and safety plan (after danger from someone, safety steps): asked for by the word STEPS (PASOS),
or by a short yes to the offer of them.
"""

import re
from typing import TYPE_CHECKING

from service.conversation import model
from service.conversation.talk.replies import BYE
from service.conversation.talk.stages import SAFE_NOW, SAFE_Q, UNSAFE
from service.keywords import normalise

if TYPE_CHECKING:
    from service.conversation.model import Message, Reply

STEPS = "STEPS"
"""The word that asks for the coping steps and safety plan (or, after danger from someone, safety steps)."""
STEPS_WORDS = frozenset({STEPS, "PASOS"})
"""The reply that asks for the safety plan or safety steps, in English or Spanish."""
_ACCEPT = re.compile(r"^(?:yes|yeah|yea|yep|yup|y$|ok|okay|sure|please|send|go ahead|that would help|si|dale|va)\b")
"""A yes to the offer of the steps, at the start of the text."""


def accepts(message: "Message") -> bool:
    """A yes to the offer of coping steps or safety steps: a short one ("ok whatever, what about the pills" is not)."""
    words = normalise(message.text)
    return bool(_ACCEPT.match(words)) and len(words.split()) <= 4 and not BYE.search(words)


def steps_replies(stage: str) -> list["Reply"]:
    """The three texts of the safety plan, or after danger from someone of the safety steps."""
    kind = "danger" if stage in (SAFE_Q, UNSAFE, SAFE_NOW) else "plan"
    return [model.Reply(f"talk.steps.{kind}.{part}") for part in (1, 2, 3)]
