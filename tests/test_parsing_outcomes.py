"""Reading a reply to the outcomes question: an outcome, or a question or remark about the
question (bot/parsing/outcomes.py), including text-message spellings and no question marks."""

from __future__ import annotations

import time

import pytest

from bot.parsing.outcomes import OutcomeReply, read_outcome_reply

MEANING, WHY, HOW_MANY, UNSURE = (
    OutcomeReply.ASKS_MEANING,
    OutcomeReply.ASKS_WHY,
    OutcomeReply.ASKS_HOW_MANY,
    OutcomeReply.UNSURE,
)


@pytest.mark.parametrize(
    "text, kind",
    [
        # what the question means, or an example
        ("what do you mean?", MEANING),
        ("what do you mean", MEANING),
        ("wot do u mean", MEANING),
        ("wdym", MEANING),
        ("what does that mean", MEANING),
        ("whats that mean", MEANING),
        ("what does achieve mean", MEANING),
        ("what's an outcome", MEANING),
        ("wots an outcome", MEANING),
        ("what's a outcome?", MEANING),
        ("outcome?", MEANING),
        ("i dont know what an outcome is", MEANING),
        ("not sure what you mean", MEANING),
        ("can you give me an example?", MEANING),
        ("can u give me a example", MEANING),
        ("giv me an example", MEANING),
        ("example pls", MEANING),
        ("give me some examples please", MEANING),
        ("could you give me some ideas", MEANING),
        ("any suggestions", MEANING),
        ("any ideas?", MEANING),
        ("like what", MEANING),
        ("such as?", MEANING),
        ("what kind of things", MEANING),
        ("what sorts of things do people say", MEANING),
        ("what would other people put", MEANING),
        ("what have other people said", MEANING),
        ("what do you think", MEANING),
        ("what should i say", MEANING),
        ("what am i supposed to write", MEANING),
        ("what do you want me to say", MEANING),
        ("what do u want", MEANING),
        ("what did you say", MEANING),
        ("what was the question", MEANING),
        ("i need help with this question", MEANING),
        ("help me think", MEANING),
        ("i dont understand", MEANING),
        ("dont understand the question", MEANING),
        ("i dont get it", MEANING),
        ("sorry i still dont get it", MEANING),
        ("im not following", MEANING),
        ("im confused", MEANING),
        ("can you explain", MEANING),
        ("explain please", MEANING),
        ("can you put that another way", MEANING),
        ("in plain english please", MEANING),
        ("say that again", MEANING),
        ("can you say it again", MEANING),
        ("not sure, can you give me an example", MEANING),
        ("what?? i dont get it", MEANING),
        ("pardon?", MEANING),
        ("Pardon", MEANING),
        ("eh?", MEANING),
        ("eh", MEANING),
        ("huh", MEANING),
        ("what", MEANING),
        ("sorry what", MEANING),
        ("sorry?", MEANING),
        ("?", MEANING),
        ("??", MEANING),
        ("meaning?", MEANING),
        # why it is asked
        ("why do you need to know", WHY),
        ("Why do you need to know?", WHY),
        ("y do u need 2 know", WHY),
        ("why are you asking", WHY),
        ("why you asking me that", WHY),
        ("why does it matter", WHY),
        ("why?", WHY),
        ("how come", WHY),
        ("whats this for", WHY),
        ("what's it for?", WHY),
        ("what for", WHY),
        ("do i have to answer this", WHY),
        ("who sees this", WHY),
        ("what will you do with this", WHY),
        # how many
        ("how many can I put", HOW_MANY),
        ("how many can i put?", HOW_MANY),
        ("how mny can i put", HOW_MANY),
        ("how many", HOW_MANY),
        ("how many things can i say", HOW_MANY),
        ("how many do you want", HOW_MANY),
        ("is there a limit", HOW_MANY),
        ("can i put more than one", HOW_MANY),
        ("can i have more than one thing", HOW_MANY),
        ("one or more?", HOW_MANY),
        ("do i put them all at once", HOW_MANY),
        # not sure yet, or only a remark
        ("I don't know", UNSURE),
        ("i dont know", UNSURE),
        ("I don’t know", UNSURE),
        ("dont no", UNSURE),
        ("dunno", UNSURE),
        ("idk", UNSURE),
        ("no idea tbh", UNSURE),
        ("no clue mate", UNSURE),
        ("not sure", UNSURE),
        ("Not sure.", UNSURE),
        ("im not sure", UNSURE),
        ("erm not sure", UNSURE),
        ("not really sure", UNSURE),
        ("i dunno really", UNSURE),
        ("i dont know what to put", UNSURE),
        ("not sure what i want", UNSURE),
        ("i can't think of anything", UNSURE),
        ("hmm let me think", UNSURE),
        ("i'm stuck", UNSURE),
        ("you tell me", UNSURE),
        ("up to you", UNSURE),
        ("hmm", UNSURE),
        ("um", UNSURE),
        ("thanks", UNSURE),
        ("ok thanks", UNSURE),
    ],
)
def test_questions_and_remarks_about_the_question_are_not_outcomes(text: str, kind: OutcomeReply) -> None:
    reading = read_outcome_reply(text)
    assert reading.kind is kind
    assert not reading.is_outcome and reading.outcome == ""


@pytest.mark.parametrize(
    "text",
    [
        "I want to know how to cook again",
        "to be able to get out and about",
        "Why can't I go swimming like I used to - I want to go swimming again",
        "why I can't sleep - I want to sleep better",
        "learn what's on in my area",
        "help me understand my bills",
        "help me out with shopping",
        "I want to understand my money better",
        "I don't understand my letters and want help with them",
        "get help with my post as I don't understand it",
        "I dont understand why I cant go out on my own, I want to go out",
        "find out why I keep falling",
        "understand why my legs hurt",
        "know what's happening with my care",
        "learn to use the computer so I can see what my grandkids post",
        "what I want is to be more independent",
        "what I'd really like is to get back to church",
        "see how many birds come to the garden",
        "an example would be going to church",
        "example: going to the gym",
        "cooking, like what my mum used to make",
        "see my grandchildren more often, is that allowed?",
        "can you help me get out more?",
        "can I go swimming?",
        "how to use my phone",
        "be less confused with my post",
        "not being lonely",
        "have a bath without help",
        "get a job",
        "meet new people",
        "cook my own dinner",
        "stay in my own home",
        "feel safe at night",
        "go 2 the shops on my own",
        "c my m8s more",
        "be able 2 get up the stairs",
    ],
)
def test_outcomes_with_question_words_are_outcomes_in_their_own_words(text: str) -> None:
    reading = read_outcome_reply(text)
    assert reading.is_outcome
    assert reading.outcome == text.replace("’", "'")


@pytest.mark.parametrize(
    "text, outcome",
    [
        ("what do you mean? I want to get out more", "I want to get out more"),
        ("dunno, something about cooking", "something about cooking"),
        ("not sure really, maybe get out more", "maybe get out more"),
        ("go to church, for example", "go to church"),
        ("go out for a meal, eh", "go out for a meal"),
    ],
)
def test_an_outcome_said_with_a_question_or_doubt_is_kept_without_them(text: str, outcome: str) -> None:
    reading = read_outcome_reply(text)
    assert reading.is_outcome and reading.outcome == outcome


def test_a_question_beside_words_that_do_not_say_what_is_wanted_is_still_a_question() -> None:
    """'what do you mean, cooking?' asks whether cooking counts: explained, not recorded."""
    assert read_outcome_reply("what do you mean, cooking?").kind is MEANING


@pytest.mark.parametrize(
    "text",
    ["what " * 200, "i dont know " * 80, "?" * 1000, "how many " * 110, "um " * 300, "dont understand that " * 45],
)
def test_long_messages_are_read_quickly(text: str) -> None:
    started = time.perf_counter()
    read_outcome_reply(text[:1000])
    assert time.perf_counter() - started < 0.1
