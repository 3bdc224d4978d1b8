"""The shared spaCy pipeline stays bounded: it is built afresh once people's messages have taught
it MAX_LEARNED_STRINGS new strings (spaCy never forgets a string it has seen)."""

from __future__ import annotations

from typing import Iterator

import pytest

from bot.parsing import pipeline


@pytest.fixture
def fresh_pipeline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A pipeline of this test's own, allowed to learn 150 new strings (the process's pipeline is put back)."""
    monkeypatch.setattr(pipeline, "_NLP", None)
    monkeypatch.setattr(pipeline, "_BUILT_WITH", 0)
    monkeypatch.setattr(pipeline, "MAX_LEARNED_STRINGS", 150)
    pipeline.analyse.cache_clear()
    yield
    pipeline.analyse.cache_clear()


def _word(i: int) -> str:
    """A made-up word of letters only, a different one for each i."""
    letters = ""
    while True:
        i, rest = divmod(i, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[rest]
        if i == 0:
            return "zq" + letters


def _new_words(start: int, count: int) -> None:
    """`count` messages with two new words each."""
    for i in range(start, start + count):
        pipeline.analyse(f"{_word(2 * i)} {_word(2 * i + 1)} £20 a week")


def test_the_pipeline_is_built_afresh_after_learning_enough_new_strings(fresh_pipeline: None) -> None:
    first = pipeline.get_nlp()
    built_with = len(first.vocab.strings)
    old_doc = pipeline.analyse("£45 a month for the gardener")
    _new_words(0, 20)  # about 60 new strings
    assert pipeline.get_nlp() is first, "rebuilt before it had learned 150 new strings"
    _new_words(20, 40)
    second = pipeline.get_nlp()
    assert second is not first
    assert len(second.vocab.strings) < built_with + 150
    # a Doc made before keeps its vocabulary, and the new pipeline reads figures as the old one did
    assert [span.text for span in old_doc.spans["money"]] == ["£45"]
    new_doc = pipeline.analyse("£45 a month for the gardener")
    assert [span.text for span in new_doc.spans["money"]] == ["£45"]
    assert [span.text for span in new_doc.spans["per"]] == ["a month"]


def test_the_same_words_again_teach_it_nothing(fresh_pipeline: None) -> None:
    first = pipeline.get_nlp()
    for _ in range(3):
        pipeline.analyse.cache_clear()
        _new_words(0, 30)  # about 90 new strings the first time
    assert pipeline.get_nlp() is first
