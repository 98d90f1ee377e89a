"""The crisis check as the line uses it, rules and model together (service.crisis.assess; the rules alone are
tests/test_safety.py): its score on the frozen blind batches, the artifact rebuilt bit for bit, a model-only
verdict handled as a crisis, and the band just below the threshold that adds one line naming 988."""

import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask
from redis import Redis

from messages import catalog
from service import crisis, safety, store
from service.crisis import corpus, evaluation, matcher, model, training, verdict
from tests.test_checkins import START
from tests.test_log_privacy import scrape, value
from tests.texting import Texter

# Floors on the frozen blind batches (tests/data/crisis/*-holdout-2.yaml, scored once: README "How the crisis check
# decides"). They sit a little under that score, so they catch a model or rule change that loses ground on text
# nobody tuned on; a change that lowers them has to say why.
RECALL_FLOOR = {"en": 0.97, "es": 0.96}
FALSE_ALARM_CEILING = {"en": 0.07, "es": 0.085}

BATCHES = corpus.load()
FROZEN = [b for b in BATCHES if b.frozen]
TRAINING = [b for b in BATCHES if not b.frozen]


@pytest.fixture(autouse=True)
def start_of_the_week(app: Flask) -> None:
    app.extensions["clock"].set(START)


def test_there_is_one_frozen_blind_batch_per_language_and_no_model_trained_on_it() -> None:
    assert sorted(b.language for b in FROZEN) == ["en", "es"]
    assert all(b.blind for b in FROZEN)
    assert not {b.name for b in FROZEN} & {b.name for b in training.training_batches(BATCHES)}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_shipped_detector_keeps_its_score_on_the_frozen_blind_batch(language: str) -> None:
    scores = evaluation.score([b for b in FROZEN if b.language == language], evaluation.flagger(model.shipped()))
    s = scores[language]
    assert s.recall.hits / s.recall.n >= RECALL_FLOOR[language], evaluation.format_scores("frozen", scores)
    assert s.false_alarms.hits / s.false_alarms.n <= FALSE_ALARM_CEILING[language]


def test_train_rebuilds_the_shipped_model_bit_for_bit(tmp_path: Path) -> None:
    # through the command, which picks OpenBLAS's kernels before numpy loads (service/crisis/training.py)
    steadyline = Path(sys.executable).with_name("steadyline")
    subprocess.run([str(steadyline), "crisis", "train", "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("weights.npy", "model.json"):
        assert (tmp_path / name).read_bytes() == (model.ARTIFACT_DIR / name).read_bytes(), name


def test_the_model_is_read_once_and_gives_the_same_answer_every_time() -> None:
    assert model.shipped() is model.shipped()
    text = "saving up my kpins, got 60 now"
    assert model.shipped().probabilities(text) == model.shipped().probabilities(text)


def test_safety_classify_is_the_verdict_of_rules_and_model_together() -> None:
    missed_by_rules = _model_only_crisis_text()
    assert matcher.classify(missed_by_rules) is None
    assert safety.classify(missed_by_rules) == crisis.assess(missed_by_rules).category is not None
    assert safety.classify("") is None and safety.classify("   ") is None


def _model_only_crisis_text() -> str:
    """A blind training text labelled suicide that the rules miss and the model flags (the model's whole point)."""
    for batch in TRAINING:
        for item in batch.items:
            if item.label == "suicide" and not item.about_other and not matcher.classify(item.text):
                assessment = crisis.assess(item.text)
                if assessment.category == "suicide" and not assessment.sure and len(item.text) < 120:
                    return item.text
    raise AssertionError("no model-only crisis text in the corpus")


WATCH_TEXTS = {"en": "i give up on all of it", "es": "me rindo con todo esto"}
"""Harmless enough alone, close to a crisis for the model (each test below checks that first)."""


def test_a_crisis_only_the_model_sees_gets_the_direct_question_an_escalation_and_an_alert(
    texter: Texter, redis: Redis
) -> None:
    body = _model_only_crisis_text()
    [reply] = texter.send(body)
    assert reply == catalog.text("talk.ask") and "988" in reply
    [event] = store.recent_escalations(redis)
    assert (event["category"], event["level"]) == ("suicide", "high")  # high: on-call is alerted


@pytest.mark.parametrize("language", ["en", "es"])
def test_close_to_a_crisis_gets_the_usual_reply_plus_988_counted_and_never_alerted(
    app: Flask, client, redis: Redis, texter: Texter, language: str
) -> None:
    body = WATCH_TEXTS[language]
    assert crisis.assess(body).band == verdict.WATCH
    before = scrape(client)
    replies = texter.send(body)
    assert replies[-1] == catalog.text("watch", language) and "988" in replies[-1]
    assert len(replies) >= 2  # the usual reply comes first
    assert store.recent_escalations(redis) == []
    assert (
        value(scrape(client), "steadyline_replies_total", route="watch")
        == value(before, "steadyline_replies_total", route="watch") + 1
    )
    [today] = store.daily_stats(redis, [START.date()])
    assert today.get("watch") == 1


def test_plain_commands_are_never_read_by_the_model(texter: Texter) -> None:
    assert crisis.assess("end").score > verdict.WATCH_THRESHOLD  # the model alone reads risk into it
    texter.send("hi")
    assert texter.send("END") == [catalog.text("optout")]


def test_the_report_command_prints_recall_with_intervals_and_false_alarms_per_language() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "service.cli", "crisis", "report", "--frozen-only"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    out = result.stdout
    assert "en-holdout-2" in out and "es-holdout-2" in out
    assert "  en: recall 0." in out and "  es: recall 0." in out and "95% CI" in out and "false alarms" in out
    assert "harm_to_others" in out


def test_wilson_intervals_are_honest_at_the_edges() -> None:
    assert evaluation.wilson(0, 10)[0] == 0.0 and evaluation.wilson(10, 10)[1] == 1.0
    low, high = evaluation.wilson(265, 280)
    assert 0.91 < low < 0.92 and 0.96 < high < 0.97
