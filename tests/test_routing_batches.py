"""Whose danger the first reply answers, on batches written blind for it (tests/data/routing/): harm done to the
texter by someone else gets the safety question or the violence reply, the texter's own thoughts of suicide or
self-harm the suicide question or its reply, the texter's own urge to hurt someone the harm-to-others reply.

Spanish leaves the doer in the verb ("me pegó", "me violaron", "no me deja salir"), where the first rule read the
model's violence as the texter's own risk and asked about suicide (30 of 60 right on es-routing-1 before tuning).
Each batch's provenance records its score, taken once before it was used; the floors below keep what was reached.
"""

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from service.conversation import engine
from service.conversation.model import State
from service.crisis import corpus

ROUTING = Path(__file__).parent / "data" / "routing"
NOW = datetime(2026, 12, 2, 15, tzinfo=UTC)  # the engine is pure: no clock is read, the instant only orders texts
EXPECTED = {"violence": "danger", "suicide": "self", "self_harm": "self", "harm_to_others": "others", "none": "none"}
_ROUTES = (
    ("danger", ("crisis.violence", "talk.ask_safe", "talk.danger", "talk.safe")),
    ("others", ("crisis.harm_to_others", "talk.others")),
    ("self", ("crisis.suicide", "crisis.self_harm", "talk.ask", "talk.imminent", "talk.means")),
    ("emergency", ("crisis.overdose", "crisis.medical", "crisis.unresponsive", "talk.medical")),
)


def route(keys: list[str]) -> str:
    """Whose danger a reply answers, from its first reply that names one."""
    for key in keys:
        for name, prefixes in _ROUTES:
            if key.startswith(prefixes):
                return name
    return "none"


def first_replies(item: corpus.Item, language: str) -> list[str]:
    """The replies to the last text of an exchange from a known person, the earlier texts in their window."""
    texts = item.text.split(corpus.EXCHANGE_JOIN)
    state = State(known=True, language=language, recent=tuple(texts[:-1]))
    replies, _ = engine.respond(engine.read(texts[-1]), state, NOW)
    return [reply.key for reply in replies]


def routed(batch: corpus.Batch) -> dict[str, Counter[str]]:
    tally: dict[str, Counter[str]] = {}
    for item in batch.items:
        tally.setdefault(item.label, Counter())[route(first_replies(item, batch.language))] += 1
    return tally


def test_route_names_whose_danger_a_reply_answers() -> None:
    assert route(["crisis.violence", "talk.ask_safe"]) == "danger"
    assert route(["talk.ask"]) == "self"
    assert route(["crisis.harm_to_others", "talk.others.ask"]) == "others"
    assert route(["fallback", "watch"]) == "none"


@pytest.mark.parametrize(
    ("batch", "floors"),
    [
        # tuning data: the reading was written from it (violence 30/60 before, 58/60 after)
        ("es-routing-1", {"violence": 58, "suicide": 33, "self_harm": 25, "harm_to_others": 20, "none": 27}),
        # the standing blind check, scored once untuned; its floors are that score
        ("es-routing-2", {"violence": 54, "suicide": 33, "self_harm": 25, "harm_to_others": 20, "none": 28}),
    ],
)
def test_spanish_danger_from_someone_is_asked_about_safety(batch: str, floors: dict[str, int]) -> None:
    tally = routed(corpus.load_batch(ROUTING / f"{batch}.yaml"))
    right = {label: counts[EXPECTED[label]] for label, counts in tally.items()}
    assert {label: right[label] >= floor for label, floor in floors.items()} == dict.fromkeys(floors, True), right


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("me pegó anoche y tengo miedo", "violence"),
        ("me violaron saliendo del trabajo", "violence"),
        ("no me deja salir de la casa ni ir a la farmacia", "violence"),
        ("me echó agua hirviendo en el brazo", "violence"),
        ("me pego en la cabeza contra la pared hasta q se me pasa", "self_harm"),
        ("mi esposo me pego en la cabeza contra la pared", "violence"),  # the same words with him in them
        ("me mato hoy, ya no aguanto", "suicide"),
        ("boludo ya fue, me tiro a las vias del tren", "suicide"),
        ("me pego un tiro", "suicide"),
        ("me da una paliza cada vez q llega borracho", "violence"),  # the beating named by the deed
        ("me pateó en el estomago y estoy embarazada", "violence"),
        ("tengo orden de restriccion y ya sabe donde vivo", "violence"),
    ],
)
def test_whose_act_a_spanish_verb_says(text: str, category: str) -> None:
    assert engine.read(text).crisis == category


@pytest.mark.parametrize(
    "text",
    [
        "me tiro al piso a llorar",
        "me voy a tirar a dormir",
        "me mato estudiando",
        "me tiro a la cama",
        "el equipo le dio una paliza al america",
        "la orden de restriccion ya se vencio hace años",
    ],
)
def test_the_same_verbs_in_everyday_spanish_are_no_crisis(text: str) -> None:
    assert engine.read(text).crisis is None
