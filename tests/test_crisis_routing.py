"""Crisis categories that route right (issue 8 item 5), texted through the signed webhook: threats to hurt someone
else get their own reply, someone unresponsive gets the helper's steps (never seizure steps alone), and the Spanish
bystander replies are written for the helper (issue 10)."""

from collections import Counter
from pathlib import Path

import pytest
import yaml
from flask import Flask
from redis import Redis

from messages import catalog
from service import store
from service.conversation import engine, model
from service.crisis.medical import unresponsive
from service.safety import classify
from tests.test_checkins import START
from tests.test_log_privacy import scrape, value
from tests.texting import Texter

CORPUS = Path(__file__).parent / "data" / "crisis"


@pytest.fixture(autouse=True)
def start_of_the_week(app: Flask) -> None:
    app.extensions["clock"].set(START)


def text(key: str, language: str = "en") -> str:
    return catalog.text(key, language)


@pytest.fixture
def spanish(texter: Texter) -> Texter:
    """A texter whose first text was in Spanish, so short texts ("no respira") are answered in Spanish too."""
    assert texter.send("hola") == [text("welcome", "es")]
    return texter


# ---------------------------------------------------------------- threats to hurt someone else

THREATS = [
    ("im going to kill him", "en"),
    ("i want to kill my wife", "en"),
    ("gonna stab my stepdad", "en"),
    ("voy a matar a mi esposo", "es"),
    ("lo voy a matar", "es"),
    ("tengo ganas de golpear a mi hijo", "es"),
]


@pytest.mark.parametrize(("body", "language"), THREATS)
def test_a_threat_to_hurt_someone_gets_its_own_reply_and_an_imminent_escalation(
    texter: Texter, redis: Redis, body: str, language: str
) -> None:
    # then the direct question, about hurting someone and about hurting themselves
    assert texter.send(body) == [text("crisis.harm_to_others", language), text("talk.others.ask", language)]
    [event] = store.recent_escalations(redis)
    assert (event["category"], event["level"], event["language"]) == ("harm_to_others", "imminent", language)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_threat_reply_says_911_and_988_and_is_never_the_victims_reply(language: str) -> None:
    reply = text("crisis.harm_to_others", language)
    assert "911" in reply and "988" in reply
    assert "1-800-799-7233" not in reply and "FORGET" not in reply  # the domestic violence reply is for the victim
    assert reply != text("crisis.violence", language)


def test_the_conversation_stays_with_someone_who_threatens(known_texter: Texter) -> None:
    assert known_texter.send("im going to kill him tonight")[0] == text("crisis.harm_to_others")
    # never the menu or the fallback: distance from the person, for now
    assert known_texter.send("he deserves it") == [text("talk.others.1")]


@pytest.mark.parametrize(
    ("body", "category"),
    [
        ("he's going to kill me", "violence"),  # harm to the texter
        ("me va a matar", "violence"),
        ("i took 30 pills and i'm going to kill him", "overdose"),  # the texter's own risk to life first
        ("he hit me so i'm going to kill him", "harm_to_others"),  # the reply offers the texter help too
    ],
)
def test_what_harm_to_others_never_takes_and_what_it_outranks(body: str, category: str) -> None:
    assert classify(body) == category


def test_a_scolding_to_come_is_never_a_threat_by_the_texter() -> None:
    assert classify("my boss is gonna kill me") != "harm_to_others"


@pytest.mark.parametrize(
    "body",
    [
        "i could kill for a pizza",
        "te voy a matar de risa",
        "im gonna kill my brother he ate my leftovers",
        "lo voy a matar jaja se comio mi pastel",
        "i killed him three times in ranked",
        "when i was 15 i wanted to kill my stepdad, we get along fine now",
        "i would never hurt my kids",
    ],
)
def test_idioms_jokes_games_and_the_past_are_no_crisis(known_texter: Texter, redis: Redis, body: str) -> None:
    assert classify(body) is None
    replies = known_texter.send(body)
    assert not [r for r in replies if r in {text(f"crisis.{k}") for k in ("harm_to_others", "violence")}]
    assert store.recent_escalations(redis) == []


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("my husband says hes going to kill his boss", "en"),
        ("my son keeps saying hes going to shoot his teacher", "en"),
        ("mi hijo dice que va a matar a su maestro", "es"),
    ],
)
def test_someone_elses_threat_gets_the_helpers_reply(texter: Texter, body: str, language: str) -> None:
    assert texter.send(body) == [text("crisis.harm_to_others.bystander", language)]


def test_with_redis_down_a_threat_still_gets_its_reply() -> None:
    assert engine.offline_reply(engine.read("im going to kill him")) == model.Reply("crisis.harm_to_others", {}, "en")
    message = engine.read("my husband says hes going to kill his boss")
    assert engine.offline_reply(message).key == "crisis.harm_to_others.bystander"


def _training_batches(language: str) -> Counter[tuple[str, str | None]]:
    """(label, what classify gives) over the training batches of `language`; the frozen holdouts are never read."""
    seen: Counter[tuple[str, str | None]] = Counter()
    for path in sorted(CORPUS.glob(f"{language}-*.yaml")):
        if "holdout" in path.name:
            continue
        for label, entries in yaml.safe_load(path.read_text(encoding="utf-8"))["texts"].items():
            for entry in entries:
                seen[label, classify(entry if isinstance(entry, str) else entry["text"])] += 1
    return seen


@pytest.mark.parametrize(("language", "recall"), [("en", 0.85), ("es", 0.93)])
def test_harm_to_others_on_the_training_batches(language: str, recall: float) -> None:
    """Floors under the figures measured when the category was written (en 147/165 = 0.891, es 249/256 = 0.973 as
    harm_to_others; no false alarm on the none side; no text of another crisis label taken). These batches were
    tuned on: the blind check is the frozen holdouts and the blind batches scored elsewhere."""
    seen = _training_batches(language)

    def share(label: str, got: str | None = "harm_to_others") -> float:
        total = sum(n for (lab, _), n in seen.items() if lab == label)
        return seen[label, got] / total

    assert share("harm_to_others") >= recall
    assert share("none") <= 0.005
    taken = sum(
        n for (lab, got), n in seen.items() if got == "harm_to_others" and lab not in ("harm_to_others", "none")
    )
    assert taken <= 3


# ---------------------------------------------------------------- someone unresponsive

UNRESPONSIVE = [
    ("my husband wont wake up", "en"),
    ("she is blue and wont respond", "en"),
    ("my dad isnt breathing", "en"),
    ("cant wake my mom up", "en"),
]
UNRESPONSIVE_ES = ["no responde", "no despierta", "no respira", "mi esposo no responde y tiene los labios morados"]


@pytest.mark.parametrize(("body", "language"), UNRESPONSIVE)
def test_someone_unresponsive_gets_911_stay_with_them_and_cpr(texter: Texter, redis: Redis, body: str, language: str):
    reply = text("crisis.unresponsive", language)
    assert texter.send(body) == [reply]
    assert "seizure" not in reply.lower() and "CPR" in reply and "naloxone" in reply
    [event] = store.recent_escalations(redis)
    assert (event["category"], event["level"]) == ("medical", "imminent")


@pytest.mark.parametrize("body", UNRESPONSIVE_ES)
def test_someone_unresponsive_in_spanish(spanish: Texter, body: str) -> None:
    reply = text("crisis.unresponsive", "es")
    assert spanish.send(body) == [reply]
    assert "convulsion" not in reply and "RCP" in reply and "naloxona" in reply


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("my son is having a seizure", "crisis.medical.bystander"),
        ("she had a seizure and now she wont wake up", "crisis.medical.bystander"),  # the seizure steps are needed
        ("i think im having a withdrawal seizure", "crisis.medical"),
        ("i cant breathe and my chest hurts", "crisis.medical"),  # the texter, awake
    ],
)
def test_a_seizure_keeps_the_medical_reply(texter: Texter, body: str, key: str) -> None:
    assert texter.send(body) == [text(key)]


def test_with_redis_down_someone_unresponsive_still_gets_the_helpers_steps() -> None:
    assert engine.offline_reply(engine.read("my husband wont wake up")).key == "crisis.unresponsive"
    assert engine.offline_reply(engine.read("mi esposo no despierta")) == model.Reply("crisis.unresponsive", {}, "es")


def test_a_helper_whose_person_stops_responding_gets_the_unresponsive_steps_next(known_texter: Texter) -> None:
    assert known_texter.send("my dad is breathing really slow") == [text("crisis.medical.bystander")]
    assert known_texter.send("now hes turning blue") == [text("crisis.unresponsive")]


def test_an_overdose_keeps_its_own_reply() -> None:
    """Pills taken and won't wake: the overdose reply has the same steps and says Poison Control."""
    assert classify("he took a handful of klonopin and wont wake up") == "overdose"
    assert unresponsive("he took a handful of klonopin and wont wake up")  # only medical texts are rerouted


def test_unresponsive_counts_as_a_medical_crisis_event(app: Flask, client, texter: Texter) -> None:
    before = scrape(client)
    texter.send("my husband wont wake up")
    after = scrape(client)
    name = "steadyline_crisis_events_total"
    assert value(after, name, category="medical") - value(before, name, category="medical") == 1


# ---------------------------------------------------------------- Spanish bystander replies

BYSTANDER_CATEGORIES = ["suicide", "self_harm", "overdose", "medical", "violence"]


@pytest.mark.parametrize("category", BYSTANDER_CATEGORIES)
def test_spanish_bystander_replies_are_written_for_the_helper(category: str) -> None:
    reply = text(f"crisis.{category}.bystander", "es")
    assert reply != text(f"crisis.{category}", "es")  # no longer the person's own reply
    assert "te quedes a solas" not in reply and "tomaste" not in reply and "te podrias lastimar" not in reply
    assert "llama al 911" in reply.lower() and "marca 2" in reply


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("mi hijo se tomó todas las pastillas", "crisis.overdose.bystander"),
        ("mi esposa dice que se quiere morir", "crisis.suicide.bystander"),
    ],
)
def test_a_spanish_helper_gets_the_spanish_bystander_reply(texter: Texter, body: str, key: str) -> None:
    assert texter.send(body) == [text(key, "es")]


@pytest.mark.parametrize(
    "body", ["thinking about taking them all and just not waking up", "i want to sleep and not wake up"]
)
def test_a_wish_not_to_wake_up_is_never_the_reply_for_someone_unresponsive(texter: Texter, body: str) -> None:
    # A round-3 persona got "stay with them, on their side, naloxone" for her own thoughts.
    assert not unresponsive(body)
    assert text("crisis.unresponsive") not in texter.send(body)
