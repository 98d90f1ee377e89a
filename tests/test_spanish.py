"""Spanish end to end (issue 10): the catalog's parity and rules, language detection and memory, the switch, and
Spanish journeys through the signed webhook, the scheduler and the workers."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker

from messages import catalog, rules
from messages.segments import analyse
from service import keywords, language, store
from service.admin import validation
from service.connection import get_config
from service.conversation import engine, model, schedule
from service.conversation.model import State, Update
from tests.test_checkins import START, Line, at
from tests.texting import Texter, outbox
from workers.alerts import webhook_payload

EN, ES = catalog.load("en"), catalog.load("es")
TOPICS = [key for key, template in ES.items() if template.kind == "topic"]
CORPUS = Path(__file__).parent / "data" / "crisis"
TRAINING_BATCHES = ["en-a", "en-b", "es-a", "es-b", "es-c", "es-d"]
"""The crisis corpus's training batches; the frozen holdouts (en-holdout-1, es-holdout-1) are never read here."""


@pytest.fixture(autouse=True)
def start_of_the_week(app: Flask) -> None:
    app.extensions["clock"].set(START)


def es(key: str, **values: str) -> str:
    return catalog.text(key, "es", **values)


# ---------------------------------------------------------------- the catalog


def test_both_catalogs_have_the_same_keys_and_kinds() -> None:
    assert sorted(ES) == sorted(EN)
    assert {k: t.kind for k, t in ES.items()} == {k: t.kind for k, t in EN.items()}


@pytest.mark.parametrize("key", list(ES))
def test_spanish_template_passes_every_rule_an_operator_edit_must_pass(key: str) -> None:
    """Placeholders, required Spanish phrases and numbers, POLICY.md's "Must never" list, lock-screen words, no
    question in crisis replies and follow-ups, segment limits with the longest values."""
    template = ES[key]
    assert template.source.strip()
    assert validation.validate(template, template.text).errors == ()
    assert template.placeholders == EN[key].placeholders


@pytest.mark.parametrize("key", list(ES))
def test_spanish_encoding_rule_accents_never_cost_a_segment(key: str) -> None:
    """á í ó ú (UCS-2) only in a text that still fits one segment with the longest values; all else GSM-7."""
    longest = analyse(validation.preview(ES[key].text, rules.LONGEST_VALUES))
    if longest.encoding == "UCS-2":
        assert longest.segments == 1, f"{key} uses {longest.ucs2_chars}: write it without them"
        assert ES[key].kind != "scheduled"
    assert set(longest.ucs2_chars) <= set("áíóúÁÍÓÚ"), "no other character outside GSM-7 (curly quotes, emoji)"


@pytest.mark.parametrize("key", TOPICS)
def test_spanish_topics_fit_three_segments(key: str) -> None:
    assert analyse(es(key)).segments <= 3


@pytest.mark.parametrize("key", [k for k, t in ES.items() if t.kind == "crisis"])
def test_spanish_crisis_replies_fit_four_segments_and_name_the_spanish_lines(key: str) -> None:
    text = es(key)
    assert analyse(text).segments <= 4
    assert "automatizad" in text and "911" in text
    if "988" in text:
        assert "marca 2" in text or "marcar 2" in text  # 988's Spanish line: press 2


def test_no_spanish_text_offers_help4u() -> None:
    texts = {key: validation.preview(template.text) for key, template in ES.items()}
    assert [key for key, text in texts.items() if "HELP4U" in text or "435748" in text] == []


def test_the_spanish_menu_lists_every_topic() -> None:
    menu = keywords.normalise(es("topic.menu"))
    for key in TOPICS[1:]:  # after the menu itself
        primary = keywords.normalise(ES[key].keywords[0])
        assert primary in menu, key


@pytest.mark.parametrize("key", TOPICS)
def test_every_spanish_keyword_reaches_its_topic(key: str) -> None:
    for keyword in ES[key].keywords:
        assert keywords.find_topic(keyword, "es") == key, keyword
        assert keywords.find_topic(keyword.lower() + "?", "es") == key, keyword


def test_no_spanish_keyword_is_in_two_topics_or_is_a_compliance_word() -> None:
    seen: dict[str, str] = {}
    compliance = engine.OPT_OUT | engine.SPANISH_OPT_OUT | engine.OPT_IN | engine.HELP
    for key in TOPICS:
        for keyword in ES[key].keywords:
            word = keywords.normalise(keyword)
            assert seen.setdefault(word, key) == key, f"{keyword} in {seen[word]} and {key}"
            assert word.upper() not in compliance, keyword


@pytest.mark.parametrize(
    ("rule", "bad", "good"),
    [
        ("stop suddenly", "Puedes dejarlo de golpe si quieres.", "No lo dejes de golpe."),
        ("text 911 (Spanish)", "Manda un texto al 911.", "Llama al 911."),
        ("promise", "Te prometo que nadie lo sabra.", "Puedes seguir escribiendo."),
        ("claims to be a person", "Soy una persona real.", "Es una linea automatizada, no soy una persona."),
        ("minimising", "No es para tanto.", "Mereces apoyo."),
        ("Poison Control by text", "Manda un texto a Control de Envenenamientos.", "Llama a Envenenamientos."),
    ],
)
def test_spanish_never_rules_catch(rule: str, bad: str, good: str) -> None:
    check = rules.NEVER_RULES[rule]
    assert check(bad) and not check(good)


def test_spanish_lock_screen_words_are_caught() -> None:
    assert rules.NOT_DISCREET.findall("Tu abstinencia y tus pastillas de Rivotril")
    assert not rules.NOT_DISCREET.findall(es("checkin.ask"))


def test_an_operator_cannot_publish_help4u_in_spanish() -> None:
    template = ES["topic.find"]
    check = validation.validate(template, template.text + " O manda tu codigo postal al 435748.")
    assert any("HELP4U" in error for error in check.errors)


# ---------------------------------------------------------------- detecting the language


def corpus_texts() -> list[tuple[str, str]]:
    texts = []
    for batch in TRAINING_BATCHES:
        data = yaml.safe_load((CORPUS / f"{batch}.yaml").read_text(encoding="utf-8"))
        lang = data["provenance"]["language"]
        for entries in data["texts"].values():
            for entry in entries:
                text = entry if isinstance(entry, str) else entry["text"]
                texts += [(part, lang) for part in text.split(" || ")]
    return texts


def test_detection_on_the_corpus_is_right_almost_always_and_rarely_wrong() -> None:
    """Figures in README "Spanish"; the Spanish batches hold some texts written in English (counted as errors)."""
    texts = corpus_texts()
    guesses = [(language.detect(text), lang, len(text.split())) for text, lang in texts]
    right = sum(g == lang for g, lang, _ in guesses) / len(guesses)
    wrong = sum(g not in (None, lang) for g, lang, _ in guesses) / len(guesses)
    short = [(g, lang) for g, lang, words in guesses if words <= 3]
    short_wrong = sum(g not in (None, lang) for g, lang in short) / len(short)
    assert right >= 0.95 and wrong <= 0.015 and short_wrong <= 0.03, (right, wrong, short_wrong)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("que es el clonazepam", "es"),
        ("quiero dejar el rivotril", "es"),
        ("me quiero morir", "es"),
        ("what is klonopin", "en"),
        ("i cant sleep since i cut my dose", "en"),
        ("3", None),
        ("STOP", None),
        ("MENU", None),
        ("ok", None),
    ],
)
def test_detection_decides_only_what_it_can(text: str, expected: str | None) -> None:
    assert language.detect(text) == expected


@pytest.mark.parametrize("word", ["ESPAÑOL", "espanol", "Español.", "en español"])
def test_switch_words_for_spanish(word: str) -> None:
    assert language.switch(word) == "es"


@pytest.mark.parametrize("word", ["ENGLISH", "inglés", "Ingles", "en inglés"])
def test_switch_words_for_english(word: str) -> None:
    assert language.switch(word) == "en"


# ---------------------------------------------------------------- journeys through the webhook


@pytest.fixture
def spanish(texter: Texter) -> Texter:
    """A texter whose first text was in Spanish."""
    assert texter.send("hola") == [es("welcome")]
    return texter


def test_a_first_spanish_text_gets_the_spanish_welcome_and_answer(texter: Texter) -> None:
    assert texter.send("hola, que es el clonazepam?") == [es("welcome"), es("topic.about")]


def test_quiero_dejar_says_dont_stop_suddenly(texter: Texter) -> None:
    replies = texter.send("quiero dejar el clonazepam")
    assert replies == [es("welcome"), es("topic.taper")] and "No la dejes de golpe" in replies[1]


@pytest.mark.parametrize("word", ["MENÚ", "menu", "Menú?", "temas"])
def test_menu_in_spanish(spanish: Texter, word: str) -> None:
    assert spanish.send(word) == [es("topic.menu")]


def test_every_topic_keyword_in_the_spanish_menu_answers_in_spanish(app: Flask, spanish: Texter) -> None:
    for minute, key in enumerate(TOPICS, start=1):
        app.extensions["clock"].set(START + timedelta(minutes=minute))  # a person's pace, under the inbound limit
        assert spanish.send(ES[key].keywords[0]) == [es(key)], key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("cuanto dura la abstinencia", "topic.withdrawal"),
        ("se puede mezclar con alcohol?", "topic.mix"),
        ("no puedo dormir", "topic.sleep"),
        ("tengo mucha ansiedad", "topic.anxiety"),
        ("abstinensia", "topic.withdrawal"),  # a misspelling
        ("what is klonopin", "topic.about"),  # an English keyword, answered in the person's language
    ],
)
def test_spanish_questions_and_misspellings_reach_their_topic(spanish: Texter, text: str, key: str) -> None:
    assert spanish.send(text) == [es(key)]


@pytest.mark.parametrize("word", ["AYUDA", "ayuda", "Información"])
def test_ayuda_is_help_in_spanish(spanish: Texter, word: str) -> None:
    assert spanish.send(word) == [es("help")]


@pytest.mark.parametrize("word", ["ALTO", "alto", "PARAR", "Cancelar", "BAJA", "No más", "detener", "STOP"])
def test_spanish_opt_out_family_then_silence(spanish: Texter, redis: Redis, word: str) -> None:
    assert spanish.send(word) == [es("optout")]
    assert spanish.send("hola") == [] and spanish.send("MENU") == [] and spanish.send(word) == []
    assert spanish.send("AYUDA") == [es("help")]  # carriers expect HELP answered even now
    assert spanish.send("me quiero morir")[0] == es("crisis.suicide")  # a person in danger always gets the lines
    assert spanish.send("INICIO") == [es("optin")]
    assert spanish.send("MENU") == [es("topic.menu")]


def test_a_spanish_opt_out_word_from_a_new_number_is_confirmed_in_spanish(texter: Texter) -> None:
    assert texter.send("ALTO") == [es("optout")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("me quiero morir", "crisis.suicide"),
        ("me estoy cortando otra vez", "crisis.self_harm"),
        ("me tome todas las pastillas de rivotril", "crisis.overdose"),
        ("mi esposo me pega y tengo miedo", "crisis.violence"),
    ],
)
def test_spanish_crisis_texts_get_spanish_crisis_replies_and_escalations(
    texter: Texter, redis: Redis, text: str, key: str
) -> None:
    replies = texter.send(text)
    # The crisis reply first; the crisis conversation's question may follow, in Spanish too.
    assert replies[0] == es(key) and "automatizad" in replies[0]
    assert all(reply in {validation.preview(t.text) for t in ES.values()} for reply in replies)
    [event] = store.recent_escalations(redis)
    assert event["language"] == "es" and event["text"] == text


def test_the_alert_carries_the_language(app: Flask, texter: Texter, redis: Redis) -> None:
    texter.send("me quiero morir")
    [event] = store.recent_escalations(redis)
    with app.app_context():
        assert json.loads(webhook_payload(get_config(), event["id"], event))["language"] == "es"
        SimpleWorker([Queue(store.QUEUE, connection=redis)], connection=redis).work(burst=True)
    [alert] = [m for m in outbox(redis) if m["kind"] == "alert"]
    assert "(in Spanish)" in alert["body"] and "morir" not in alert["body"]


def test_the_language_switch_both_ways(known_texter: Texter) -> None:
    assert known_texter.send("what is klonopin") == [catalog.text("topic.about")]
    assert known_texter.send("ESPAÑOL") == [es("language.set")]
    assert known_texter.send("MENU") == [es("topic.menu")]
    assert known_texter.send("what is klonopin") == [es("topic.about")]  # known: stays in Spanish
    assert known_texter.send("Inglés") == [catalog.text("language.set")]
    assert known_texter.send("MENU") == [catalog.text("topic.menu")]


def test_a_mixed_text_from_a_known_spanish_texter_stays_spanish(spanish: Texter) -> None:
    assert spanish.send("need help with withdrawal por favor") == [es("topic.withdrawal")]
    assert spanish.send("I dont get any of this") == [catalog.text("language.offer")]  # how to switch, in English
    assert spanish.send("MENU") == [es("topic.menu")]


def test_an_english_texter_is_unaffected(texter: Texter) -> None:
    assert texter.send("hi") == [catalog.text("welcome")]
    assert texter.send("what is klonopin") == [catalog.text("topic.about")]
    assert texter.send("STOP") == [catalog.text("optout")]
    assert texter.send("START") == [catalog.text("optin")]
    assert texter.send("asdfgh") == [catalog.text("fallback")]


def test_redis_down_a_spanish_crisis_text_still_gets_the_spanish_reply() -> None:
    message = engine.read("me quiero matar")
    assert engine.offline_reply(message) == model.Reply("crisis.suicide", language="es")


# ---------------------------------------------------------------- a check-in day in Spanish


@pytest.fixture
def linea(app: Flask, redis: Redis) -> Line:
    line = Line(app, redis)
    assert line.text("hola") == [es("welcome")]
    return line


def test_a_spanish_check_in_day(linea: Line) -> None:
    assert linea.text("CHEQUEO") == [es("checkin.offer")]
    assert linea.text("SÍ") == [es("checkin.confirmed", time="10:00 AM", zone="Este")]
    assert linea.text("HORA 8 de la noche") == [es("checkin.time_set", time="8:00 PM", zone="Este")]
    assert linea.text("ZONA Pacífico") == [es("checkin.zone_set", zone="Pacifico", time="8:00 PM")]
    assert linea.text("HORA 10am") == [es("checkin.time_set", time="10:00 AM", zone="Pacifico")]
    [ask] = linea.tick(at("2026-11-23T10:00:00-08:00"))
    assert ask["body"] == es("checkin.ask") and ask["kind"] == "checkin"
    assert linea.text("más o menos") == [es("checkin.ask_craving")]
    assert linea.text("un poco") == [es("checkin.reply.mid_cravings", streak="1")]


def test_spanish_reminder_status_pause_and_less(linea: Line) -> None:
    linea.text("CHEQUEO")
    linea.text("si")
    linea.tick(at("2026-11-23T10:00:00-05:00"))
    [reminder] = linea.tick(at("2026-11-23T12:00:00-05:00"))
    assert reminder["body"] == es("checkin.reminder")
    assert linea.text("bien") == [es("checkin.ask_craving")]
    assert linea.text("nada") == [es("checkin.reply.high_clear", streak="1")]
    assert linea.text("MENOS") == [es("checkin.schedule_set", schedule="un dia si y otro no", time="10:00 AM")]
    assert linea.text("PAUSA 3") == [es("checkin.paused", until="el sab 28 nov")]
    status = es("checkin.status", state="en pausa hasta el sab 28 nov", schedule="un dia si y otro no",
                time="10:00 AM", zone="Este")  # fmt: skip
    assert linea.text("ESTADO") == [status]
    assert linea.text("SEGUIR") == [es("checkin.resumed", time="10:00 AM", zone="Este")]


def test_a_spanish_crisis_gets_a_spanish_caring_follow_up(linea: Line) -> None:
    linea.text("me quiero morir")
    tomorrow = schedule.local_day(linea.clock.now(), "America/New_York") + timedelta(days=1)
    [followup] = linea.tick(schedule.instant(tomorrow, 600, "America/New_York"))
    assert followup["kind"] == "followup" and followup["body"] == es("crisis.followup")


def test_borrar_erases_in_spanish_and_forgets_the_language(linea: Line, redis: Redis) -> None:
    assert linea.text("BORRAR") == [es("forget.confirm")]
    assert linea.text("BORRAR SÍ") == [es("forget.done")]
    assert store.user_state(redis, linea.sender).language == ""
    assert outbox(redis) == []


def test_the_engine_remembers_the_first_decisive_language_only() -> None:
    new = State()
    _, effects = engine.respond(engine.read("3"), new, START)
    assert not any(isinstance(e, Update) and "language" in e.values for e in effects)
    _, effects = engine.respond(engine.read("que es esto"), State(known=True), START)
    assert Update({"language": "es"}) in effects
    _, effects = engine.respond(engine.read("que es esto"), State(known=True, language="en"), START)
    assert effects == []
