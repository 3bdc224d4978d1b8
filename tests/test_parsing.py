"""The parsers behind every form answer, on the ways people actually type."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.choices import COST_PERIODS, MANAGEMENT_OPTIONS, PLANNED_BY, SERVICE_CATEGORIES
from bot.parsing import (
    extract_reference, is_finished, match_choice, parse_date, parse_frequency, parse_hours, parse_money, parse_yes_no,
)

D = Decimal


@pytest.mark.parametrize("text, amount, per", [
    ("£15.50", "15.50", None), ("15 quid", "15", None), ("twenty pounds", "20", None),
    ("£1,200 a year", "1200", "year"), ("£40 per week", "40", "week"), ("40 pounds a wk", "40", "week"),
    ("£15 an hour", "15", "hour"), ("£15/hr", "15", "hour"), ("£15ph", "15", "hour"), ("£50 a session", "50", "visit"),
    ("£20 each time", "20", "visit"), ("£300 one off", "300", "one-off"), ("fifteen pounds fifty", "15.50", None),
    ("£1.2k", "1200", None), ("50p", "0.50", None), ("I pay her £15 an hour", "15", "hour"),
    ("£150 a month", "150", "month"), ("£600 every 4 weeks", "600", "4 weeks"), ("£50 a day, twice a week", "50", "visit"),
    ("15", "15", None), ("-£20", "-20", None), ("minus 20", "-20", None),
])
def test_money(text: str, amount: str, per: str) -> None:
    money = parse_money(text)
    assert money is not None and money.amount == D(amount) and money.per == per


@pytest.mark.parametrize("text", ["abc", "", "not sure yet", "lots"])
def test_no_money(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize("text, hours", [
    ("6", "6"), ("6 hours", "6"), ("3 hrs", "3"), ("6hrs", "6"), ("two and a half hours", "2.5"), ("1.5h", "1.5"),
    ("half an hour", "0.5"), ("90 minutes", "1.5"), ("an hour each morning", "7"), ("2 hours a day", "14"),
    ("3 hours twice a week", "6"), ("4 hours every other week", "2"), ("an hour on weekdays", "5"),
    ("about 6 hrs a week I think", "6"), ("-3", "-3"), ("500 hours", "500"),
])
def test_hours_per_week(text: str, hours: str) -> None:
    assert parse_hours(text) == D(hours)


@pytest.mark.parametrize("text", ["abc", "lots", "dunno", ""])
def test_no_hours(text: str) -> None:
    assert parse_hours(text) is None


@pytest.mark.parametrize("text, times", [
    ("once a week", "1"), ("twice a week", "2"), ("three times a week", "3"), ("2x a wk", "2"), ("every day", "7"),
    ("daily", "7"), ("weekdays", "5"), ("every other Tuesday", "0.5"), ("fortnightly", "0.5"),
    ("monthly", "0.230769"), ("once a month", "0.230769"), ("every morning and evening", "14"), ("2 days a week", "2"),
    ("tuesdays and thursdays", "2"),
])
def test_frequency(text: str, times: str) -> None:
    assert parse_frequency(text) == D(times)


@pytest.mark.parametrize("text, born", [
    ("3/4/1956", date(1956, 4, 3)), ("03-04-1956", date(1956, 4, 3)), ("3.4.56", date(1956, 4, 3)),
    ("3rd April 1956", date(1956, 4, 3)), ("April 3rd 1956", date(1956, 4, 3)), ("3 Apr 56", date(1956, 4, 3)),
    ("1956-04-03", date(1956, 4, 3)), ("born 12 feb 49", date(1949, 2, 12)), ("it's 3/4/1956", date(1956, 4, 3)),
])
def test_dates_day_first(text: str, born: date) -> None:
    assert parse_date(text, today=date(2026, 11, 22)) == born


@pytest.mark.parametrize("text", ["31/02/1990", "the third", "April", "", "PB-100234"])
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_two_digit_years_are_never_in_the_future() -> None:
    assert parse_date("1/1/30", today=date(2026, 11, 22)) == date(1930, 1, 1)
    assert parse_date("1/1/20", today=date(2026, 11, 22)) == date(2020, 1, 1)


@pytest.mark.parametrize("text, answer", [
    ("yes", True), ("yess", True), ("Yes please", True), ("ok", True), ("yep", True), ("no", False), ("nope", False),
    ("no thanks", False), ("no, that's all", False), ("maybe", None), ("Yes I want to cook my own meals again", None),
])
def test_yes_no(text: str, answer: bool) -> None:
    assert parse_yes_no(text) is answer


@pytest.mark.parametrize("text, finished", [
    ("that's all", True), ("thats it", True), ("no more", True), ("nothing else", True), ("done", True), ("no", True),
    ("nope, that's everything", True), ("I think that's it", True), ("that's all for now thanks", True),
    ("no more falls at night", False), ("get out to the shops", False), ("yes", False),
])
def test_finished(text: str, finished: bool) -> None:
    assert is_finished(text) is finished


@pytest.mark.parametrize("text, choices, code", [
    ("just me", PLANNED_BY, "self"), ("I'm doing it for my mum", PLANNED_BY, "supporter"), ("I am an adviser", PLANNED_BY, "adviser"),
    ("3", PLANNED_BY, "adviser"), ("a taxi to the shops on Saturdays", SERVICE_CATEGORIES, "transport"),
    ("personal asistant", SERVICE_CATEGORIES, "personal_assistant"), ("day centre", SERVICE_CATEGORIES, "day_opportunities"),
    ("a PA to help me shower", SERVICE_CATEGORIES, "personal_assistant"), ("put it on a card", MANAGEMENT_OPTIONS, "payment_card"),
    ("can the council sort it", MANAGEMENT_OPTIONS, "council_managed"), ("ISF", MANAGEMENT_OPTIONS, "individual_service_fund"),
    ("direct paymnt", MANAGEMENT_OPTIONS, "direct_payment"), ("option 6", MANAGEMENT_OPTIONS, "mixed"),
    ("each time", COST_PERIODS, "visit"), ("every 4 weeks", COST_PERIODS, "4 weeks"),
])
def test_choices(text: str, choices, code: str) -> None:
    assert match_choice(text, choices) == code


@pytest.mark.parametrize("text", ["", "banana", "12"])
def test_no_choice(text: str) -> None:
    assert match_choice(text, MANAGEMENT_OPTIONS) is None


@pytest.mark.parametrize("text, reference", [
    ("my ref is pb-100234", "pb-100234"), ("PB 100234", "PB 100234"), ("its PB 100 234", "PB 100 234"),
    ("it is 100234", "100234"), ("ZZ-999999", "ZZ-999999"),
])
def test_reference(text: str, reference: str) -> None:
    assert extract_reference(text) == reference


@pytest.mark.parametrize("text", ["03/04/1956", "no idea", "£100 a week", "123"])
def test_no_reference(text: str) -> None:
    assert extract_reference(text) is None
