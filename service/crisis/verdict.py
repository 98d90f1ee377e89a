"""One verdict from the rules and the model: `assess(text)` and, for the `service.safety` contract, `classify(text)`.

The rules are kept for what they are sure of: a match of a specific family is a crisis whatever the model says (the
broad safety net counts where the model sees at least NET_FLOOR of risk). Otherwise the model's
crisis probability (one minus its probability of `none`) decides, in three bands:
- at or above CRISIS_THRESHOLD: a crisis in the model's most likely category (the crisis reply, an escalation and
  an on-call alert, as for a rule match);
- at or above WATCH_THRESHOLD: close to a crisis (the normal reply plus one line naming 988, counted, shown in the
  console, no alert);
- below: no crisis.
How the thresholds were chosen is in README.md ("How the crisis check decides").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from service.crisis import matcher, model

CRISIS_THRESHOLD = 0.5
WATCH_THRESHOLD = 0.3
NET_FLOOR = 0.1

CRISIS = "crisis"
WATCH = "watch"
NONE = "none"


@dataclass(frozen=True)
class Assessment:
    category: str | None  # the crisis category when band is CRISIS, else None
    score: float  # the model's crisis probability; 1.0 when a rule matched
    band: str  # CRISIS, WATCH or NONE
    sure: bool = False  # a rule matched (the wording is one the rules know)


def assess(text: str, judge: model.Model | None = None) -> Assessment:
    """The verdict on `text`, by the shipped model unless `judge` is given (scoring other models, evaluation.py)."""
    rules = matcher.prepare(text)
    rule = rules and matcher.specific(rules)
    if rule:
        return Assessment(rule, 1.0, CRISIS, sure=True)
    if not text or not text.strip():
        return Assessment(None, 0.0, NONE)
    try:
        probabilities = (judge or model.shipped()).probabilities(text)
    except Exception as exc:  # the model failing must not hide crisis words: the rules' safety net alone then
        logging.getLogger("service").error("crisis model failed (%s): the rules alone", type(exc).__name__)
        net = rules and matcher.safety_net(rules)
        return Assessment(net, 1.0, CRISIS, sure=True) if net else Assessment(None, 0.0, NONE)
    score = 1.0 - probabilities[model.NONE]
    if score >= CRISIS_THRESHOLD:
        crisis = {label: p for label, p in probabilities.items() if label != model.NONE}
        return Assessment(max(crisis, key=crisis.__getitem__), score, CRISIS)
    # The rules' broad safety net, only where the model sees some risk: on batch-held-out data it never caught a
    # crisis text the model scored below NET_FLOOR, and skipping it keeps ordinary texts fast.
    net = matcher.safety_net(rules) if rules and score >= NET_FLOOR else None
    if net:
        return Assessment(net, 1.0, CRISIS, sure=True)
    return Assessment(None, score, WATCH if score >= WATCH_THRESHOLD else NONE)


def classify(text: str) -> str | None:
    """The crisis category of `text` (rules and model together), or None."""
    return assess(text).category
