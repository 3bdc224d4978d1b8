"""What an answer to a fixed-choice question picks, and how sure we are of it (issue 14).

Each answer is read three ways, in this order:
1. an option number or a button ('2', 'the second one'): sure;
2. the choice model for the question (bot/nlu/choice_reader.py, trained on data/choices),
   whose top choice and probability arrive in the message's `choice_readings`;
3. the words people use for each choice (bot/choices.py, matched by bot/parsing/choices.py).

Some answers are settled by what they say before any of that (`Structured`, bot/parsing): a
change of mind ('by post. sorry, i mean email'), a place of one's own ('she's got her own flat'),
a helper asking for the money to be paid to themselves ('to me, I'm her daughter'). Such a reader
gives (choice, sure), or (None, False) for an answer that picks none ('both'), or None to leave
the answer to the three ways above.

Then confidence decides: a model reading of SURE_AT or more, or the model and the words agreeing,
is used; a middling model reading (CHECK_AT or more), or the model and the words disagreeing, is
put back to the person as one short question; anything less gets the choices as a numbered list.
For a question whose answer sets money (the cost period), and for an answer that weighs up
options or hedges ('card or bank', 'maybe'), a reading from the model alone is always checked,
never used silently.

SURE_AT and CHECK_AT were set from 5-fold cross-validation on the training paraphrases only
(`python -m bot.answers.thresholds`), never on the held-out answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.parsing.choices import choice_after_change_of_mind, match_choice, option_picked, ruled_out, weighs_up
from bot.parsing.living import lives_with
from bot.slot_names import (
    ADD_ANOTHER_SERVICE,
    ADVOCACY_WANTED,
    COMMUNICATION_NEEDS,
    MANAGEMENT_OPTION,
    PAID_TO,
    PAYEE_LIVES_WITH,
    PLANNED_BY,
    SERVICE_CATEGORY,
    SERVICE_COST_PERIOD,
)

#: the key of the parse data under which bot/nlu/choice_reader.py puts each message's readings. It
#: is defined here, not there, so the action server never imports Rasa's engine (about 450 MB).
READINGS = "choice_readings"

SURE_AT = 0.9
#: the choice model that reads the answer to each form question (bot/nlu/choice_reader.py)
QUESTION_OF_SLOT = {
    PLANNED_BY: "planned_by",
    SERVICE_CATEGORY: "service_category",
    SERVICE_COST_PERIOD: "service_cost_period",
    MANAGEMENT_OPTION: "management_option",
    ADD_ANOTHER_SERVICE: "yes_no",
    PAYEE_LIVES_WITH: "lives_with",
    PAID_TO: "paid_to",
    COMMUNICATION_NEEDS: "communication_needs",
    ADVOCACY_WANTED: "yes_no",
}
#: a question mark, or a question's first word; not a wh-word before its subject, which names a
#: thing rather than asks ('what I care about', 'how my money is paid', 'who my back-up is')
_ASKS_BACK = re.compile(
    r"\?|^\W*(?:(?:what|wat|wot|how|who|when|where|which)\b(?! (?:i|we|my|our|they|their|he|his|she|her)\b)|"
    r"(?:whats|wats|wots|what'?s|wat'?s)\b|"
    r"(?:why|can|could|is|are|does|do|will|would|should|may|tell me)\b)",
    re.IGNORECASE,
)
#: words that ask what something is, however the grammar runs ('what mean ISF', 'I not understand')
_ASKS_WHAT = re.compile(
    r"\b(?:what(?:'?s| is| are| does| do| mean| means)|wh?at'?s|wat is|wot(?:'?s| is)|mean(?:s|ing)? what|"
    r"(?:do not|don'?t|dont|not|no) (?:understand|get it|know what)|explain|difference between)\b",
    re.IGNORECASE,
)
#: a question asking whether something is allowed ('could I pay my cousin Meena to be her PA?')
_ASKS_IF_ALLOWED = re.compile(
    r"\b(?:can|could|may|allowed to|is it ok(?:ay)?|is that ok(?:ay)?)\b[^?]{0,160}\?",
    re.IGNORECASE,
)
CHECK_AT = 0.4
#: the model's name for an answer that picks none of the choices
UNCLEAR = "unclear"


class Certainty(str, Enum):
    SURE = "sure"
    CHECK = "check"
    NONE = "none"


@dataclass(frozen=True)
class Reading:
    code: Optional[str]
    certainty: Certainty

    @property
    def sure(self) -> bool:
        return self.certainty is Certainty.SURE

    @property
    def to_check(self) -> bool:
        return self.certainty is Certainty.CHECK


NOTHING = Reading(None, Certainty.NONE)

#: what a structured reader makes of an answer: (choice, sure), (None, False) for none, or None
Said = Optional[Tuple[Optional[str], bool]]
Structured = Callable[[str], Said]
#: the structured reader each question uses when its caller gives none
STRUCTURED: Dict[str, Structured] = {"lives_with": lives_with}


def model_ranking(parse_data: Mapping[str, Any], question: str) -> List[Tuple[str, float]]:
    """The model's (choice, probability) pairs for `question`, most likely first (empty when the
    message was not parsed by a model with choice readers, e.g. in a test)."""
    rows = (parse_data.get(READINGS) or {}).get(question) or []
    return [(str(code), float(p)) for code, p in rows]


def asks_back(text: str) -> bool:
    """The message is a question ('what is an ISF?'), which is never taken as an answer."""
    return bool(_ASKS_BACK.search(text or ""))


def asks_what_it_means(text: str) -> bool:
    """The message plainly asks what something is or means ('what mean ISF? I not understand')."""
    return bool(_ASKS_WHAT.search(text or ""))


#: one sentence that is only a question ('What is my contribution of £40 for?')
_ONLY_A_QUESTION = re.compile(
    r"^\W*(?:(?:before (?:we|i) (?:begin|start|go on)|sorry|ok|okay|um+|hi|hello|excuse me|first(?:ly)?|"
    r"(?:a |one |quick )?question)\W+)?"  # 'Before we begin, why must I pay £40 a week myself?'
    r"(?:what|whats|why|how|who|when|where|which|can|could|do|does|is|are|will|would|should|may)\b[^.!?]*\?+\W*$",
    re.IGNORECASE,
)


def only_a_question(text: str) -> bool:
    """The message is one question and nothing else ('What is my contribution of £40 for?'), so it
    is not an answer to an open question ('what matters to you?')."""
    return bool(_ONLY_A_QUESTION.match(text or ""))


def asks_if_allowed(text: str) -> bool:
    """The message asks whether something is allowed ('PA then. could I pay my cousin to be her
    PA?', "Aisha's asking if she can pay her mum?")."""
    return bool(_ASKS_IF_ALLOWED.search(text or ""))


def answers_the_question(slot: str, parse_data: Mapping[str, Any]) -> bool:
    """The choice model for the open question reads the message surely as one of its choices
    ('social worker' to 'who is making this plan?', 'pre paid card' to 'how should the money be
    managed?')."""
    question = QUESTION_OF_SLOT.get(slot)
    if question is None:
        return False
    ranking = model_ranking(parse_data, question)
    return bool(ranking) and ranking[0][0] != UNCLEAR and ranking[0][1] >= SURE_AT


def combine(words: Optional[str], ranking: Sequence[Tuple[str, float]], model_alone_is_sure: bool = True) -> Reading:
    """One reading from the words' choice (or None) and the model's ranking."""
    top, p = ranking[0] if ranking else (UNCLEAR, 0.0)
    model = None if top == UNCLEAR else top
    if words is not None:
        if model == words or not ranking:
            return Reading(words, Certainty.SURE)
        if model is not None and p >= SURE_AT:
            return Reading(model, Certainty.CHECK)
        return Reading(words, Certainty.CHECK)
    if model is None or p < CHECK_AT:
        return NOTHING
    if p >= SURE_AT and model_alone_is_sure:
        return Reading(model, Certainty.SURE)
    return Reading(model, Certainty.CHECK)


def read_choice(
    text: str,
    choices: Mapping[str, Sequence[str]],
    parse_data: Mapping[str, Any],
    question: str,
    words: Optional[Callable[[str], Optional[str]]] = None,
    model_alone_is_sure: bool = True,
    doubtful: bool = False,
    structured: Optional[Structured] = None,
) -> Reading:
    """The reading of `text` as an answer to `question`, whose options in button order are
    `choices`; `words` reads the text by its words (default: bot.parsing.match_choice);
    `structured` (default: STRUCTURED's reader for the question) settles it first when it can.
    `doubtful` (the caller sees the answer is mixed) is like weighing up: checked at best.
    A choice the question does not offer here (a download by text message) is no reading."""
    picked = option_picked(text, choices)
    if picked is not None:
        return Reading(picked, Certainty.SURE)
    reader = structured or STRUCTURED.get(question)
    said = reader(text) if reader is not None else None
    if said is not None:
        code, sure = said
        if code is None or code not in choices:
            return NOTHING
        return Reading(code, Certainty.SURE if sure and not doubtful else Certainty.CHECK)
    later = choice_after_change_of_mind(text, choices)
    if later is not None:  # 'for myself - oh wait, it's for my dad': the later choice, checked
        return Reading(later, Certainty.CHECK)
    by_words = words(text) if words is not None else match_choice(text, choices)
    reading = combine(by_words, model_ranking(parse_data, question), model_alone_is_sure)
    if reading.code is not None and reading.code not in choices:
        return NOTHING
    if reading.code in ruled_out(text, choices):  # 'not the council': never that choice
        return Reading(by_words, Certainty.CHECK) if by_words not in (None, reading.code) else NOTHING
    if reading.sure and (doubtful or weighs_up(text)):  # 'card or bank, either': never taken as sure
        return Reading(reading.code, Certainty.CHECK)
    return reading


__all__ = [
    "CHECK_AT",
    "QUESTION_OF_SLOT",
    "answers_the_question",
    "asks_back",
    "Certainty",
    "NOTHING",
    "Reading",
    "STRUCTURED",
    "Said",
    "Structured",
    "SURE_AT",
    "UNCLEAR",
    "combine",
    "model_ranking",
    "read_choice",
]
