"""Support used only part of the year ('term time only', 'April to September', 'not in the school
holidays', '39 weeks a year'). A weekly cost said for the weeks it is used would be counted all
year, so how many weeks a year it is used is asked (actions/service_costing.py) and the weekly
cost spread over the year (bot/plans/costing.py), never guessed."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Optional

from bot.money import WEEKS_PER
from bot.parsing.numbers import number_in

#: the weeks of a year and of a month, as the budget periods count them (bot/plans/catalogue)
WEEKS_IN_A_YEAR = WEEKS_PER["year"]
_WEEKS_IN_A_MONTH = WEEKS_PER["month"]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)"
)
_SEASON = r"(?:summer|winter|spring|autumn|fall)"
#: term time, whose weeks are known (TERM_TIME_WEEKS)
_TERM_TIME_WORDS = r"\bterm[\s-]*times?\b|\bschool[\s-]*terms?\b"
_PART_OF_YEAR = re.compile(
    _TERM_TIME_WORDS + r"|\bduring (?:the )?(?:school )?terms?\b|\bin term\b|"
    r"\b(?:school |summer |easter |christmas )?(?:holidays?|hols) only\b|"
    r"\bonly (?:in |during |over |for |through )?(?:the )?(?:school )?(?:summer|winter|spring|autumn|holidays?|hols)\b|"
    rf"\b{_SEASON} only\b|\b(?:{_SEASON}|holiday) months\b|\b(?:not|except|apart from|but not) (?:in |during |for )?"
    rf"(?:the )?(?:school )?(?:holidays?|hols|summer|winter|{_MONTH})\b|"
    rf"\b{_MONTH}\s*(?:to|till|til|until|-|–|through|thru)\s*{_MONTH}\b|"
    r"\b\d{1,2}\s*(?:weeks?|wks?)\s*(?:a|per|of the|each|every|in the|in a)\s*(?:year|yr)\b|"
    r"\b(?:part|half|some) of the year\b|\bhalf the year\b|\bseasonal\b|\bsome months\b",
    re.IGNORECASE,
)
_ALL_YEAR = re.compile(
    r"\ball (?:the )?year(?: round)?\b|\b(?:whole|full) year\b|\ball 52\b|\bevery week\b|\byear[\s-]round\b",
    re.IGNORECASE,
)
_TERM_TIME = re.compile(_TERM_TIME_WORDS + r"|\bterms? only\b", re.IGNORECASE)
_HALF_THE_YEAR = re.compile(r"\bhalf (?:of )?the year\b", re.IGNORECASE)
_COUNTED = re.compile(
    r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:(weeks?|wks?)|(months?|mths?))?\b",
    re.IGNORECASE,
)
_MONTHS = re.compile(r"\bmonths?\b|\bmths?\b", re.IGNORECASE)
#: weeks of the school year in England (190 school days)
TERM_TIME_WEEKS = Fraction(39)


def part_of_year(text: str) -> bool:
    """Whether `text` says the support is used only part of the year."""
    return bool(_PART_OF_YEAR.search(text or ""))


def term_time(text: str) -> bool:
    """'term time', 'school terms': a part of the year whose weeks are known, to check."""
    return bool(_TERM_TIME.search(text or ""))


def weeks_a_year(text: str) -> Optional[Fraction]:
    """How many weeks a year an answer to "How many weeks a year is it used?" says: '39', '38
    weeks', 'thirty nine', '9 months' (39), 'half the year' (26), 'all year' (52); None when it
    says no number, two different ones ('36 or 39'), or one outside 1 to 52. In '5 days a week
    for 39 weeks' the weeks are the number said with 'weeks'."""
    text = text or ""
    if _HALF_THE_YEAR.search(text):
        return WEEKS_IN_A_YEAR / 2
    if _ALL_YEAR.search(text) and not part_of_year(text):
        return WEEKS_IN_A_YEAR
    said = _COUNTED.findall(text)
    counted = {(Fraction(n), bool(months)) for n, weeks, months in said if weeks or months}
    plain = {Fraction(n) for n, weeks, months in said if not weeks and not months}
    if len(counted) > 1 or (not counted and len(plain) > 1):
        return None
    if counted:
        number, in_months = counted.pop()
    else:
        word_number = number_in(text)
        if word_number is None:
            return None
        number, in_months = Fraction(word_number), bool(_MONTHS.search(text))
    weeks = number * (_WEEKS_IN_A_MONTH if in_months else 1)
    return weeks if 0 < weeks <= WEEKS_IN_A_YEAR else None
