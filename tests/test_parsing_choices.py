"""Short replies: match_choice, parse_yes_no, is_finished, extract_reference."""

from __future__ import annotations

import pytest

from bot.parsing import extract_reference, is_finished, match_choice, parse_yes_no

# The shape of bot.choices (code → words, the first word the label), kept here so these tests
# do not move when the wording there does.
WHO = {
    "self": ("myself", "for myself", "just me", "me"),
    "supporter": ("helping someone else", "my mum", "my dad", "on behalf", "family", "carer"),
    "adviser": ("an adviser", "adviser", "advisor", "social worker"),
}
MANAGEMENT = {
    "direct_payment": ("a direct payment", "direct payment", "dp", "paid to me"),
    "payment_card": ("a prepaid payment card", "payment card", "prepaid card", "card"),
    "council_managed": ("the council arranging it", "council managed", "the council", "council"),
    "individual_service_fund": ("an individual service fund", "individual service fund", "isf"),
    "third_party": ("someone I trust managing it", "third party", "someone i trust"),
    "mixed": ("a mix of these", "a mix", "mix", "mixed", "both"),
}
SERVICES = {
    "personal_assistant": ("a personal assistant", "personal assistant", "pa"),
    "home_care_agency": ("a home care agency", "home care agency", "home care", "agency"),
    "day_opportunities": ("day activities", "day centre", "day care"),
    "transport": ("transport", "taxi", "bus pass"),
    "activities": ("clubs and activities", "activities", "club", "swimming"),
}


@pytest.mark.parametrize(
    "text, code",
    [
        # by number
        ("1", "direct_payment"),
        ("2.", "payment_card"),
        ("option 2", "payment_card"),
        ("Option 3", "council_managed"),
        ("number two", "payment_card"),
        ("the second one", "payment_card"),
        ("second", "payment_card"),
        ("#1", "direct_payment"),
        ("2)", "payment_card"),
        ("it's 2", "payment_card"),
        ("6", "mixed"),
        ("number 6 please", "mixed"),
        # by code or word
        ("direct_payment", "direct_payment"),
        ("council managed", "council_managed"),
        ("ISF", "individual_service_fund"),
        ("mixed", "mixed"),
        ("a mix of both", "mixed"),
        ("put it on a card", "payment_card"),
        ("can the council sort it", "council_managed"),
        ("I'd like a direct payment please", "direct_payment"),
        # typos
        ("direct paymnt", "direct_payment"),
        ("drect payment", "direct_payment"),
        ("individual servce fund", "individual_service_fund"),
        ("thrid party", "third_party"),
        ("counsil", "council_managed"),
    ],
)
def test_management_choice(text: str, code: str) -> None:
    assert match_choice(text, MANAGEMENT) == code


@pytest.mark.parametrize(
    "text, choices, code",
    [
        ("just me", WHO, "self"),
        ("I'm doing it for my mum", WHO, "supporter"),
        ("I am an adviser", WHO, "adviser"),
        ("3", WHO, "adviser"),
        ("self", WHO, "self"),
        ("advisor", WHO, "adviser"),
        ("I'm her social worker", WHO, "adviser"),
        ("a taxi to the shops on Saturdays", SERVICES, "transport"),
        ("personal asistant", SERVICES, "personal_assistant"),
        ("personel assistant", SERVICES, "personal_assistant"),
        ("day centre", SERVICES, "day_opportunities"),
        ("a PA to help me shower", SERVICES, "personal_assistant"),
        ("home care", SERVICES, "home_care_agency"),
        ("swiming club", SERVICES, "activities"),
        ("a personal assistant to take me swimming", SERVICES, "personal_assistant"),
    ],
)
def test_choice_in_a_sentence(text: str, choices, code: str) -> None:
    assert match_choice(text, choices) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "banana",
        "12",
        "0",
        "7",
        "option 9",
        "I don't know",
        "   ",
        "card or council",
        "either a direct payment or a card",
        "not sure, council maybe or a mix",
    ],
)
def test_no_choice(text: str) -> None:
    assert match_choice(text, MANAGEMENT) is None


def test_a_typo_as_close_to_two_choices_is_no_choice() -> None:
    assert match_choice("caxer", {"a": ("carer",), "b": ("cater",)}) is None
    assert match_choice("carer", {"a": ("carer",), "b": ("cater",)}) == "a"


@pytest.mark.parametrize(
    "text, answer",
    [
        ("yes", True),
        ("Yes.", True),
        ("YES!", True),
        ("yess", True),
        ("yesss", True),
        ("yeah", True),
        ("yep", True),
        ("ye", True),  # a blind play-through, 7 December 2026 (was not understood)
        ("y", True),
        ("Y", True),
        ("ok", True),
        ("okay", True),
        ("OK!", True),
        ("sure", True),
        ("please", True),
        ("correct", True),
        ("that's right", True),
        ("thats right", True),
        ("That’s right", True),
        ("go ahead", True),
        ("👍", True),
        ("yes please", True),
        ("Yes please", True),
        ("yeah that's right", True),
        ("sure, go ahead", True),
        ("yup", True),
        ("yes no problem", True),
        ("no", False),
        ("No.", False),
        ("nope", False),
        ("n", False),
        ("nah", False),
        ("not really", False),
        ("no thanks", False),
        ("no thank you", False),
        ("that's all", False),
        ("nothing else", False),
        ("i'm done", False),
        ("I'm done", False),
        ("noo", False),
        ("nooo", False),
        ("no, that's all", False),
        ("👎", False),
        ("maybe", None),
        ("not sure", None),
        ("no idea", None),
        ("Yes I want to cook my own meals again", None),
        ("yes and no", None),
        ("ok no", None),
        ("i don't know", None),
        ("", None),
        ("banana", None),
        ("yesterday", None),
        ("nobody", None),
        ("okra", None),
        ("yes or no", None),
    ],
)
def test_yes_no(text: str, answer) -> None:
    assert parse_yes_no(text) is answer


@pytest.mark.parametrize(
    "text, finished",
    [
        ("that's all", True),
        ("thats it", True),
        ("no more", True),
        ("nothing else", True),
        ("done", True),
        ("finished", True),
        ("no", True),
        ("nope", True),
        ("that's everything", True),
        ("I think that's it", True),
        ("nope, that's everything", True),
        ("that's all for now thanks", True),
        ("I'm done", True),
        ("Thats all thanks.", True),
        ("nothing", True),
        ("no thank you", True),
        ("no that's it", True),
        ("done thanks", True),
        ("i think thats everything", True),
        ("That’s all", True),
        ("It is all", True),
        ("thats al", True),
        ("that's alll", True),
        ("its all", True),
        ("that all", True),
        ("finish", True),
        ("I finish", True),
        ("i am finish", True),
        ("that is everything thank you", True),
        ("no more thing", True),
        ("it is all good with my wife", False),
        ("finish the gardening", False),
        ("no more falls at night", False),
        ("get out to the shops", False),
        ("yes", False),
        ("", False),
        ("I want to be done with the hospital", False),
        ("nothing gets me out of the house", False),
    ],
)
def test_finished(text: str, finished: bool) -> None:
    assert is_finished(text) is finished


@pytest.mark.parametrize(
    "text, reference",
    [
        ("my ref is pb-100234", "pb-100234"),
        ("PB 100234", "PB 100234"),
        ("its PB 100 234", "PB 100 234"),
        ("it is 100234", "100234"),
        ("ZZ-999999", "ZZ-999999"),
        ("my reference is PB100234", "PB100234"),
        ("ref: AB12345", "AB12345"),
        ("I'm 78 and my number is 100234", "100234"),
        ("born 3 April 1956, ref 100234", "100234"),
        ("100234.", "100234"),
        ("it's 100234, thanks", "100234"),
        ("PB-100234 and I was born 3/4/1956", "PB-100234"),
        ("pb 100234", "pb 100234"),
        ("12345", "12345"),
        ("P B one zero zero two three six", "PB 100236"),  # voice typing (play-through 7)
        ("my reference is pb one oh oh two three four", "pb 100234"),
    ],
)
def test_reference(text: str, reference: str) -> None:
    assert extract_reference(text) == reference


@pytest.mark.parametrize(
    "text",
    [
        "03/04/1956",
        "03-04-1956",
        "1956-04-03",
        "3 April 1956",
        "no idea",
        "£100 a week",
        "123",
        "15000 pounds",
        "£1,200",
        "1,200",
        "15.50",
        "flat 12b",
        "",
        "six hours",
        "1234",
    ],
)
def test_no_reference(text: str) -> None:
    assert extract_reference(text) is None


def test_a_choice_named_only_to_rule_it_out_is_no_choice() -> None:
    from bot.choices import SERVICE_CATEGORIES

    assert match_choice("someone I pay myself, not an agency", SERVICE_CATEGORIES) is None
