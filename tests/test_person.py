"""Crisis texts about someone else get the reply written to the helper (messages/POLICY.md B1)."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from service.conversation import engine
from service.conversation.model import Later, State
from service.crisis.person import about_someone_else

CORPUS = Path(__file__).parent / "data" / "crisis"
NOW = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)
KNOWN = State(known=True)

# Family wordings of each kind, and the texter's own crisis written with family words in it.
ABOUT_SOMEONE_ELSE = [
    ("my son took the whole bottle", "overdose"),
    ("my wife said she wants to kill herself", "suicide"),
    ("mi hijo se tomó todas las pastillas", "overdose"),
    ("mi esposa dice que se quiere morir", "suicide"),
    ("my daughter is cutting herself again", "self_harm"),
    ("my dad is not breathing right and wont wake up", "medical"),
    ("cant wake my mom up", "medical"),
    ("he took a handful of klonopin and wont wake up", "overdose"),
    ("my sisters boyfriend beats her", "violence"),
    ("my husband says hes going to kill his boss", "harm_to_others"),
    ("please help my 16 year old swallowed my pills", "overdose"),
]
ABOUT_THE_TEXTER = [
    ("i took all my pills", "overdose"),
    ("i want to die", "suicide"),
    ("my husband hit me", "violence"),
    ("my wife left and im going to kill myself", "suicide"),
    ("i took my sons pills, all of them", "overdose"),
    ("mi esposo me pega y me esconde el rivotril", "violence"),
    ("since my mom died i dont want to wake up", "suicide"),
    ("i keep thinking about hurting my roommate", "harm_to_others"),
    ("me quiero morir, mi familia estaria mejor sin mi", "suicide"),
]


class Item(NamedTuple):
    text: str
    label: str
    about_other: bool


def training_items() -> Iterator[Item]:
    """The crisis texts of the training batches; the frozen holdouts are never read here."""
    for path in sorted(p for p in CORPUS.glob("*.yaml") if "holdout" not in p.name):
        for label, entries in yaml.safe_load(path.read_text(encoding="utf-8"))["texts"].items():
            for entry in entries if label != "none" else ():
                if isinstance(entry, str):
                    yield Item(entry, label, False)
                else:
                    yield Item(entry["text"], label, entry.get("about") == "other")


@pytest.mark.parametrize(("text", "category"), ABOUT_SOMEONE_ELSE)
def test_texts_about_someone_else(text, category):
    assert about_someone_else(text, category)


@pytest.mark.parametrize(("text", "category"), ABOUT_THE_TEXTER)
def test_texts_about_the_texter(text, category):
    assert not about_someone_else(text, category)


def test_training_batches_tell_first_from_third_person():
    """On the training batches (never the frozen holdouts): the texter at risk almost never gets the helper's
    reply, and most helpers get it. Measured at 98.9% and 85.3% when written."""
    kept = found = firsts = thirds = 0
    for item in training_items():
        got = about_someone_else(item.text, item.label)
        if item.about_other:
            thirds += 1
            found += got
        else:
            firsts += 1
            kept += not got
    assert firsts > 1000 and thirds > 500
    assert kept / firsts >= 0.98
    assert found / thirds >= 0.83


@pytest.mark.parametrize(("text", "category"), ABOUT_SOMEONE_ELSE[:4])
def test_the_engine_sends_the_bystander_reply(text, category):
    replies, _ = engine.respond(engine.read(text), KNOWN, NOW)
    assert [r.key for r in replies] == [f"crisis.{category}.bystander"]
    assert engine.offline_reply(engine.read(text)).key == f"crisis.{category}.bystander"


def test_the_texter_at_risk_still_gets_the_first_person_reply():
    replies, _ = engine.respond(engine.read("i took the whole bottle"), KNOWN, NOW)
    assert [r.key for r in replies] == ["crisis.overdose"]


def test_no_caring_follow_up_after_violence():
    """A text from the line on a phone an abuser may read is a risk (POLICY.md L3); other crises get one."""
    _, effects = engine.respond(engine.read("my husband hit me and i'm scared to go home"), KNOWN, NOW)
    assert not [e for e in effects if isinstance(e, Later)]
    _, effects = engine.respond(engine.read("i want to die"), KNOWN, NOW)
    assert "crisis_followup" in [e.kind for e in effects if isinstance(e, Later)]
