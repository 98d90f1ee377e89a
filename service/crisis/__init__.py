"""Crisis detection for incoming texts: `classify(text)` gives a category of CATEGORIES or None; `assess(text)`
gives the graded verdict (crisis, close to one, or none) behind it.

normalise.py turns a text into one spelling and blanks idioms; vocabulary.py holds the words the categories
share; one module per category holds its patterns; frames.py what holds a match back; matcher.py is the rules'
verdict. model.py is the learned model beside them (trained by training.py on corpus.py's batches, scored by
evaluation.py), and verdict.py makes one verdict of both.
"""

from service.crisis.corpus import LABELS
from service.crisis.verdict import Assessment, assess, classify

CATEGORIES: tuple[str, ...] = tuple(label for label in LABELS if label != "none")
"""Every category a verdict can name, the rules' and the model's."""

__all__ = ["CATEGORIES", "Assessment", "assess", "classify"]
