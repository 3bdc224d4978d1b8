"""Figures said with the description of a support ('a PA for 10 hours a week at £15 an hour', 'gym
membership £25 a month', 'carer 1 hour every morning'): which of the cost questions they answer,
read by the same rules as the answers to those questions (bot/parsing/hours.py, money.py,
frequency.py) and costed by bot/plans/costing.py, with the words that put them back to the
person before they are used ('10 hours a week at £15.00 an hour').

Anything doubtful gives nothing, so the questions are asked as usual: a guess ('about'), a range
or two figures ('10 or 12 hours', '£14 an hour or £150 a week'), a bound ('under £50', 'no more
than 3 hours'), someone else paying part, two periods, or a period with two meanings
('bi-weekly'). A figure that answers no question of this kind of support (an amount without a
period for a support paid by the hour) is left to its own question."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Dict, List, Optional, Tuple

from bot.money import format_pounds
from bot.parsing.cost_doubts import bounded, cost_doubt, hedged
from bot.parsing.frequency import frequency_beside_cost, per_visit_if_often
from bot.parsing.hours import hours_match, read_hours
from bot.parsing.money import Money, each_way, money_matches
from bot.parsing.numbers import exact_text
from bot.parsing.pipeline import analyse
from bot.parsing.replies import opens_with_yes, parse_yes_no
from bot.plans import costing
from bot.plans.costing import MAX_HOURS, MAX_RATE, MAX_VISITS, MAX_WEEKLY, PER_WORDS
from bot.slot_names import (
    SERVICE_COST,
    SERVICE_COST_PERIOD,
    SERVICE_HOURS,
    SERVICE_RATE,
    SERVICE_VISITS_PER_WEEK,
)

#: the code of a check that puts such figures back to the person (actions/service_costing.py)
DESCRIBED = "described"


@dataclass(frozen=True)
class Described:
    """The cost questions the description answers (slot → value, as those questions' own answers
    set them) and the figures in words, to put back to the person in one short question."""

    answers: Dict[str, str]
    words: str


def described_figures(text: str, hourly: bool) -> Optional[Described]:
    """The figures `text` says that answer the cost questions of a support paid by the hour
    (`hourly`: the kind of support is) or at a set cost, or None when it says none, or any in doubt."""
    if hedged(text) or bounded(text) or each_way(text):  # '£4.50 each way': the cost question reads it
        return None
    read = _hours(text)
    if read is None:
        return None
    hours, money_text = read
    matches = money_matches(analyse(money_text), allow_bare=False)
    if matches and cost_doubt(money_text) is not None:
        return None
    money = matches[0].money if matches else None
    if money is not None and (money.per == "hour" or hourly):
        found = _by_the_hour(hours, money, hourly)
    elif money is not None:
        found = _set_cost(text)
    else:
        found = _by_the_hour(hours, None, hourly) if hourly else None
    return found if found is not None and _within_limits(found.answers) else None


def confirms(text: str) -> bool:
    """A plain yes to the figures put back ('yes', 'yep, that's right'): not 'yes but…', and no
    figure of its own ('yes, £16 an hour' corrects them)."""
    said_a_number = any(token._.sp_is_num for token in analyse(text))
    return parse_yes_no(text) is True and opens_with_yes(text) and not said_a_number


def _hours(text: str) -> Optional[Tuple[Optional[Fraction], str]]:
    """The hours a week said (or None), and the text without them and how often they are (so '£14'
    in '2 hours a week, £14' is not read as £14 a week); None when the hours are in doubt."""
    said = hours_match(analyse(text), allow_bare=False)
    if said is None:
        return None, text
    reading = read_hours(text)  # a range, a guess, a change of mind or a number left over: in doubt
    if not reading.certain or reading.hours != said.hours_per_week:
        return None
    spans: List[Tuple[int, int]] = [(said.start_char, said.end_char), *([said.often] if said.often else [])]
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return said.hours_per_week, text


def _hours_words(hours: Fraction) -> str:
    return f"{costing.hours_words(hours)} a week"


def _by_the_hour(known: Optional[Fraction], money: Optional[Money], hourly: bool) -> Optional[Described]:
    """Hours and a rate: '10 hours a week at £15 an hour', '£15 an hour', '10 hours a week', or
    what those hours cost a week ('10 hours a week, £150 a week': kept exactly, as the rate
    question keeps it)."""
    answers: Dict[str, str] = {} if hourly else {SERVICE_COST_PERIOD: "hour"}
    if known is not None:
        answers[SERVICE_HOURS] = exact_text(known)
    if money is not None and money.per == "hour":
        answers[SERVICE_RATE] = str(money.amount)
        rate = f"{format_pounds(money.amount)} an hour"
        return Described(answers, f"{_hours_words(known)} at {rate}" if known is not None else rate)
    if known is None:
        return None
    if money is not None and money.per == "week" and known > 0:
        answers.update(
            {
                SERVICE_RATE: str(costing.hourly_rate(money.amount, known)),
                SERVICE_COST: str(money.amount),
                SERVICE_COST_PERIOD: "week",
            }
        )
        return Described(answers, f"{format_pounds(money.amount)} a week for {costing.hours_words(known)}")
    return Described(answers, _hours_words(known))  # an amount not per hour or week is asked about


def _set_cost(text: str) -> Optional[Described]:
    """An amount and what it is paid per, and how often for a cost each time, read from the whole
    description as an answer to the cost question is ('£45 a day' on 'tuesdays and thursdays')."""
    matches = money_matches(analyse(text), allow_bare=False)
    if not matches or cost_doubt(text) is not None:
        return None
    money = matches[0].money
    answers = {SERVICE_COST: str(money.amount)}
    words = format_pounds(money.amount)
    per = per_visit_if_often(money.per, text)
    if per is None:
        return Described(answers, words)
    answers[SERVICE_COST_PERIOD] = per
    words += f" {PER_WORDS[per]}"
    visits = frequency_beside_cost(text) if per == "visit" else None
    if visits is not None:
        answers[SERVICE_VISITS_PER_WEEK] = exact_text(visits)
        words += f", {costing.how_often(visits)}"
    return Described(answers, words)


def _within_limits(answers: Dict[str, str]) -> bool:
    """Every figure more than nothing and within what one service may be, and so is its weekly cost."""
    limits = {SERVICE_HOURS: MAX_HOURS, SERVICE_RATE: MAX_RATE, SERVICE_VISITS_PER_WEEK: MAX_VISITS}
    figures = {name: Fraction(value) for name, value in answers.items() if name != SERVICE_COST_PERIOD}
    if any(value <= 0 or value > limits.get(name, value) for name, value in figures.items()):
        return False
    found = costing.cost_of_answers(answers)
    return found is None or found.weekly <= MAX_WEEKLY
