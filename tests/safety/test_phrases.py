"""The phrase lists behind safeguarding and handoff: risk is caught, ordinary plan answers are not."""

from __future__ import annotations

import pytest

from bot.safety.phrases import asks_for_person, mentions_concern, shows_risk

RISK = [
    "he hits me when I ask for my money",
    "I don't want to be here anymore",
    "no one has been to help me for days",
    "my son takes my money",
    "I'm scared of my son",
    "I want to end it all",
    "I've fallen and can't get up",
    "I haven't eaten in 3 days",
    "my carer shouts at me and takes my money",
    "I'm not safe at home",
]
ORDINARY = [
    "to have a shower every morning without being scared of falling",
    "I want to feel safe at home",
    "my daughter is my emergency contact",
    "a PA to help me shower",
    "I want to see my grandchildren",
    "to get to church on Sundays",
    "my dog and my garden",
    "she could call me if the carer is late",
    "help with my money and bills",
    "get out to the shops on my own",
]


@pytest.mark.parametrize("text", RISK)
def test_risk_is_caught(text: str) -> None:
    assert shows_risk(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_answers_are_not_flagged(text: str) -> None:
    assert not shows_risk(text)


def test_asking_for_a_person() -> None:
    assert asks_for_person("can i talk to someone")
    assert asks_for_person("I want a real person")
    assert not asks_for_person("my friend can talk to the carers")


@pytest.mark.parametrize(
    "text",
    [
        "can i speak to a human",
        "put me through to a real person please",
        "could someone ring me",
        "i want to talk to my social worker",
        "pls can i talk 2 sum1",
        "can someone ring us about what I said before, about the tablets",  # play-through 7
    ],
)
def test_more_ways_of_asking_for_a_person(text: str) -> None:
    assert asks_for_person(text)


@pytest.mark.parametrize("text", ["are you a real person", "is this a real person?", "Am I talking to a human?"])
def test_asking_whether_the_bot_is_a_person_is_not_a_handoff(text: str) -> None:
    assert not asks_for_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "my carer hurt me",
        "my carer hurt me!!",
        "MY CARER HURT ME",
        "my carer hurt me 😢",
        "my carer’s hurt me",
    ],
)
def test_case_punctuation_and_emoji_do_not_hide_risk(text: str) -> None:
    assert shows_risk(text)


@pytest.mark.parametrize("text", ["if nobody comes I'll ring the agency", "when no one comes my son helps"])
def test_plans_for_when_nobody_comes_are_not_risk(text: str) -> None:
    assert not shows_risk(text)


@pytest.mark.parametrize(
    "text",
    [
        "I can't swallow all my tablets at once",
        "so I don't get hurt in the shower",
        "help to reach the phone",
        "my son will take my money to the bank for me",
        "I had a fall but I'm fine now",
    ],
)
def test_ordinary_answers_near_the_risk_phrases(text: str) -> None:
    assert not shows_risk(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to keep living in my own home",
        "to carry on living at home with my cat",
        "living in my own flat",
    ],
)
def test_wanting_to_live_at_home_is_not_a_concern_inside_a_form(text: str) -> None:
    """The intent model gave the first 0.82 for risk; "living" alone is a concern word (the
    trained detector's answer is checked in test_labelled_set.py)."""
    assert not mentions_concern(text)
    assert not shows_risk(text)


@pytest.mark.parametrize("text", ["I'm scared living in my own home", "I don't want to be living any more"])
def test_living_still_counts_beside_fear_or_despair(text: str) -> None:
    assert mentions_concern(text)


@pytest.mark.parametrize(
    "text",
    [
        "I keep thinking everyone would be better without me",
        "i feel like giving up on everything",
        "I haven't had a proper meal since Monday",
    ],
)
def test_risk_said_without_the_usual_words(text: str) -> None:
    """Written fresh on 2 December 2026; the model alone missed the first two inside a form."""
    assert shows_risk(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to give up smoking",
        "my son would cope better without me worrying about him",
        "I'd like a proper meal every day",
        "help so I have a hot meal in the evenings",
    ],
)
def test_ordinary_answers_near_those_phrases(text: str) -> None:
    assert not shows_risk(text)


@pytest.mark.parametrize(
    "text",
    [
        "my daughter has my bank card because she does my shopping",
        "my son keeps my card to do the shops for me",
    ],
)
def test_a_card_held_for_the_shopping_is_not_a_concern(text: str) -> None:
    assert not mentions_concern(text)


def test_a_card_held_with_no_reason_still_is() -> None:
    assert mentions_concern("my daughter has my bank card and won't give it back")


def test_saying_all_is_fine_is_a_denial_but_a_risk_phrase_beside_it_still_shows_risk() -> None:
    """'um im fine?? nothing is hard. nominated person, me' was signposted on the risk model alone."""
    from bot.safety.phrases import denies_risk, shows_risk

    assert denies_risk("um im fine?? nothing is hard. nominated person, me")
    assert shows_risk("im fine. i want to kill myself")
