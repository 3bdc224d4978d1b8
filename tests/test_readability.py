"""Every bot response is plain English: a Flesch reading ease of at least 60 and no run of more
than 60 words without a break. Reads whatever domain/*.yml files exist, every response variation
(text and button titles), so a new response is checked as soon as it is written.

`pytest -s tests/test_readability.py` prints the figures quoted in the README; a bench script
can get the same numbers from bot.readability.summary()."""

from __future__ import annotations

from statistics import mean

import pytest

from bot.config import PROJECT_ROOT
from bot.readability import (
    MAX_WORDS_WITHOUT_BREAK,
    MIN_READING_EASE,
    ResponseText,
    longest_run,
    reading_ease,
    responses,
    summary,
    too_hard,
)

DOMAIN_DIR = PROJECT_ROOT / "domain"


@pytest.fixture(scope="module")
def texts() -> list:
    found = list(responses(DOMAIN_DIR))
    assert found, f"no responses found in {DOMAIN_DIR}/*.yml"
    return found


def test_every_response_is_plain_english(texts: list) -> None:
    scores = [t.reading_ease for t in texts]
    lowest = min(texts, key=lambda t: t.reading_ease)
    print(
        f"\nFlesch reading ease over {len(texts)} responses: min {min(scores):.1f} "
        f"({lowest.name}), mean {mean(scores):.1f}"
    )
    problems = too_hard(texts)
    assert not problems, (
        f"{len(problems)} responses are not plain English (reading ease below {MIN_READING_EASE:.0f} "
        f"or more than {MAX_WORDS_WITHOUT_BREAK} words without a break):\n" + "\n".join(problems)
    )


def test_every_faq_answer_is_in_the_check(texts: list) -> None:
    names = {t.name for t in texts}
    assert any(name.startswith("utter_faq/") for name in names)


def test_summary_matches_the_test(texts: list) -> None:
    figures = summary(DOMAIN_DIR)
    assert figures["responses"] == len(texts)
    assert figures["min"] == round(min(t.reading_ease for t in texts), 1)
    assert figures["mean"] == round(mean(t.reading_ease for t in texts), 1)


# The measuring itself.


def test_placeholders_are_left_out() -> None:
    assert reading_ease("You have {amount} a week.") == reading_ease("You have a week.")
    assert longest_run("{a} {b} {c} one two") == 2


def test_breaks_end_a_run() -> None:
    assert longest_run("one two. three four five! six? seven\neight nine") == 3
    assert longest_run(" ".join(["word"] * 61)) == 61


def test_button_titles_are_read_with_the_text() -> None:
    item = ResponseText("x.yml", "utter_x", "Which one?\nA week\nA month")
    assert item.words == 6
    assert not item.problems


def test_hard_text_is_caught() -> None:
    hard = ResponseText(
        "x.yml",
        "utter_hard",
        "Notwithstanding the aforementioned considerations, individualised commissioning "
        "arrangements necessitate comprehensive documentation.",
    )
    assert hard.problems and "reading ease" in hard.problems[0]
    long_run = ResponseText("x.yml", "utter_long", " ".join(["cat"] * 61))
    assert any("without a break" in p for p in long_run.problems)
