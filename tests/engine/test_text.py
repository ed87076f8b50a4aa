"""engine.text: a Text is its English value for the engine and everything that compares or stores it, and
shows translated (template first, then its arguments) once a user interface plugs a translator in."""

from __future__ import annotations

import pickle

import pytest

from engine import text
from engine.drawing import Drawing
from engine.text import QT_TRANSLATE_NOOP, Text, exception_text


@pytest.fixture
def korean(monkeypatch):
    catalogue = {("T", "stroke {k} has {n:,} points"): "획 {k}의 점 {n:,}개", ("T", "{path}: {problem}"):
                 "{path} — {problem}", ("T", "a stroke"): "획"}
    monkeypatch.setattr(text, "_translator", None)  # put back whatever gui.text plugged in, afterwards
    text.set_translator(lambda context, source: catalogue.get((context, source), source))


def test_a_text_is_its_english_value(monkeypatch):
    monkeypatch.setattr(text, "_translator", None)
    t = QT_TRANSLATE_NOOP("T", "stroke {k} has {n:,} points").format(k=2, n=12345)
    assert isinstance(t, str) and t == "stroke 2 has 12,345 points" and str(t) == t == f"{t}"
    assert (t.context, t.template, t.args) == ("T", "stroke {k} has {n:,} points", {"k": 2, "n": 12345})
    assert QT_TRANSLATE_NOOP("T", "a stroke") == "a stroke"
    again = pickle.loads(pickle.dumps(ValueError(t)))  # crosses to and from helper processes whole
    assert isinstance(again.args[0], Text) and again.args[0].args == t.args and str(again) == t


def test_shown_translated_with_its_arguments_once_a_translator_is_plugged_in(korean):
    inner = QT_TRANSLATE_NOOP("T", "stroke {k} has {n:,} points").format(k=2, n=12345)
    outer = QT_TRANSLATE_NOOP("T", "{path}: {problem}").format(path="a.ndjson", problem=inner)
    assert outer == "a.ndjson: stroke 2 has 12,345 points"  # the value stays English
    assert str(outer) == f"{outer}" == "a.ndjson — 획 2의 점 12,345개"
    assert str(ValueError(outer)) == "a.ndjson — 획 2의 점 12,345개"
    assert "{exc}!".format(exc=ValueError(inner)) == "획 2의 점 12,345개!"  # noqa: UP032 (as gui/ writes it)
    assert str(QT_TRANSLATE_NOOP("T", "a stroke")) == "획"
    assert str(QT_TRANSLATE_NOOP("T", "not catalogued {x}").format(x=1)) == "not catalogued 1"


def test_a_translation_that_does_not_fit_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(text, "_translator", lambda context, source: "broken {missing}")
    assert str(QT_TRANSLATE_NOOP("T", "ok {x}").format(x=1)) == "ok 1"


def test_engine_errors_carry_their_template(korean):
    with pytest.raises(ValueError) as info:
        Drawing.from_ndjson_obj({"word": "square", "drawing": [[[0, 1], [0]]]})
    message = exception_text(info.value)
    assert isinstance(message, Text) and message.context == "Drawing"
    assert message == "stroke 0 has lists of different lengths"
    assert exception_text(ValueError("plain")) == "plain"
