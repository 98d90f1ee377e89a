"""How the conversation's signs are written: alternatives matched as whole words, on text already normalised by
service.keywords.normalise (lower-case ASCII words, single spaces, "can't" read "cant"), English and Spanish side by
side.
"""

import re


def signs(*patterns: str) -> re.Pattern[str]:
    """One pattern matching any of `patterns` as whole words."""
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")
