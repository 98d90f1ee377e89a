"""Crisis detection for incoming texts: `classify(text)` gives a category of CATEGORIES or None.

normalise.py turns a text into one spelling and blanks idioms; vocabulary.py holds the words the categories
share; one module per category holds its patterns; frames.py what holds a match back; matcher.py decides.
"""

from service.crisis.matcher import CATEGORIES, classify

__all__ = ["CATEGORIES", "classify"]
