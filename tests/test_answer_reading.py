"""How confidence decides what happens to a choice answer (bot/answers/reading.py)."""

from __future__ import annotations

from bot.answers.reading import CHECK_AT, NOTHING, READINGS, SURE_AT, Certainty, Reading, combine, read_choice
from bot.choices import PLANNED_BY

SURE, CHECK = Certainty.SURE, Certainty.CHECK


def parsed(*ranking: tuple) -> dict:
    return {READINGS: {"planned_by": [list(pair) for pair in ranking]}}


def test_an_option_number_is_used_whatever_the_model_says() -> None:
    reading = read_choice("2", PLANNED_BY, parsed(("self", 0.99)), "planned_by")
    assert reading == Reading("supporter", SURE)


def test_a_confident_model_reading_is_used() -> None:
    reading = read_choice("wor lass is sortin it out", PLANNED_BY, parsed(("supporter", SURE_AT)), "planned_by")
    assert reading == Reading("supporter", SURE)


def test_a_middling_model_reading_is_checked() -> None:
    reading = read_choice("wor lass is sortin it out", PLANNED_BY, parsed(("supporter", CHECK_AT)), "planned_by")
    assert reading == Reading("supporter", CHECK)


def test_a_poor_reading_is_nothing() -> None:
    assert read_choice("hmm well", PLANNED_BY, parsed(("supporter", CHECK_AT - 0.01)), "planned_by") == NOTHING
    assert read_choice("hmm well", PLANNED_BY, parsed(("unclear", 0.99)), "planned_by") == NOTHING


def test_words_and_model_agreeing_are_sure_even_at_low_confidence() -> None:
    assert combine("self", [("self", 0.3), ("supporter", 0.29)]) == Reading("self", SURE)


def test_words_and_model_disagreeing_are_checked() -> None:
    """The words said the person is planning for themselves; a sure model says otherwise: its
    reading is put to the person. With a model less sure, the words' reading is put instead."""
    assert combine("self", [("supporter", 0.95)]) == Reading("supporter", CHECK)
    assert combine("self", [("supporter", 0.6)]) == Reading("self", CHECK)
    assert combine("self", [("unclear", 0.95)]) == Reading("self", CHECK)


def test_without_a_model_the_words_decide() -> None:
    """Trackers made without the NLU model (tests, old messages) keep the words' reading."""
    assert combine("self", []) == Reading("self", SURE)
    assert combine(None, []) == NOTHING


def test_money_is_never_set_by_the_model_alone_without_asking() -> None:
    assert combine(None, [("one-off", 0.99)], model_alone_is_sure=False) == Reading("one-off", CHECK)


def test_an_answer_weighing_up_options_is_never_taken_as_sure() -> None:
    from bot.choices import MANAGEMENT_OPTIONS

    parse = {READINGS: {"management_option": [["payment_card", 0.97]]}}
    reading = read_choice("card or bank, either", MANAGEMENT_OPTIONS, parse, "management_option", lambda _: None)
    assert reading == Reading("payment_card", CHECK)
    assert read_choice(
        "no wait, yes", PLANNED_BY, parsed(("self", 0.97)), "planned_by", lambda _: None, doubtful=True
    ) == Reading("self", CHECK)


def test_a_choice_only_ruled_out_is_never_taken() -> None:
    """'not the council': the words and a sure model both name the council, but it is ruled out."""
    from bot.choices import MANAGEMENT_OPTIONS

    parse = {READINGS: {"management_option": [["council_managed", 0.97]]}}
    assert read_choice("not the council", MANAGEMENT_OPTIONS, parse, "management_option") == NOTHING


def test_the_choice_ruled_in_beside_one_ruled_out_is_checked() -> None:
    from bot.choices import SERVICE_CATEGORIES

    parse = {READINGS: {"service_category": [["day_opportunities", 0.95]]}}
    reading = read_choice("not the day centre, a pottery class", SERVICE_CATEGORIES, parse, "service_category")
    assert reading == Reading("activities", CHECK)


def test_after_a_change_of_mind_the_later_choice_is_checked() -> None:
    reading = read_choice("for myself - oh wait, it's for my dad", PLANNED_BY, parsed(("self", 0.97)), "planned_by")
    assert reading == Reading("supporter", CHECK)
