"""parse_money: amounts in pounds, with the period they are per, inside ordinary sentences."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Optional

import pytest

from bot.parsing import Money, money_period, parse_money
from bot.parsing.money import decimal_comma_money

D = Decimal


@pytest.mark.parametrize(
    "text, amount, per",
    [
        # the forms in the brief
        ("£15.50", "15.50", None),
        ("15.50", "15.50", None),
        ("15 quid", "15", None),
        ("twenty pounds", "20", None),
        ("£1,200 a year", "1200", "year"),
        ("£40 per week", "40", "week"),
        ("40 pounds a wk", "40", "week"),
        ("£15 an hour", "15", "hour"),
        ("£15/hr", "15", "hour"),
        ("£50 a session", "50", "visit"),
        ("£50 a day", "50", "visit"),
        ("£50 per visit", "50", "visit"),
        ("£300 one off", "300", "one-off"),
        ("fifteen pounds fifty", "15.50", None),
        ("£12.5", "12.50", None),
        ("£1.2k", "1200", None),
        # periods
        ("£150 a month", "150", "month"),
        ("£150pcm", "150", "month"),
        ("£150 monthly", "150", "month"),
        ("£600 every 4 weeks", "600", "4 weeks"),
        ("£600 four-weekly", "600", "4 weeks"),
        ("£2000 pa", "2000", "year"),
        ("£2,000 per annum", "2000", "year"),
        ("£2,000 annually", "2000", "year"),
        ("£12 a go", "12", "visit"),
        ("£20 each time", "20", "visit"),
        ("£30 per trip", "30", "visit"),
        ("£300 one-off", "300", "one-off"),
        ("£250 as a one off payment", "250", "one-off"),
        ("seven hundred one off", "700", "one-off"),
        ("two hundred and one pounds", "201", None),
        ("£350, paid once", "350", "one-off"),
        ("£80 in one go", "80", "one-off"),
        ("£60 one payment", "60", "one-off"),
        ("£400 lump sum", "400", "one-off"),
        ("it's 450 for the year", "450", "year"),
        ("30 pound for one year", "30", "year"),
        ("£90 for the whole year", "90", "year"),
        ("£90 weekly", "90", "week"),
        ("£15 hourly", "15", "hour"),
        ("£40/wk", "40", "week"),
        ("£40 p/w", "40", "week"),
        ("£40pw", "40", "week"),
        # SMS style and typos
        ("£15ph", "15", "hour"),
        ("£15p/h", "15", "hour"),
        ("£15 p/h", "15", "hour"),
        ("15ph", "15", "hour"),
        ("15£/h", "15", "hour"),
        ("£15 phr", "15", "hour"),
        ("15 quid ph", "15", "hour"),
        ("20 pnds", "20", None),
        ("£15.50ph", "15.50", "hour"),
        ("£5k a yr", "5000", "year"),
        ("2 grand a year", "2000", "year"),
        # words
        ("twenty five quid an hour", "25", "hour"),
        ("one hundred and fifty pounds a month", "150", "month"),
        ("twelve pounds an hour", "12", "hour"),
        ("a tenner each time", "10", "visit"),
        ("a fiver", "5", None),
        ("£15 and 50p", "15.50", None),
        ("50p", "0.50", None),
        # inside sentences
        ("I pay her £15 an hour", "15", "hour"),
        ("it costs about £90 a week I think", "90", "week"),
        ("the day centre charges £45 a day", "45", "visit"),
        ("every 4 weeks it's £600", "600", "4 weeks"),
        ("3 hours at £15", "15", None),
        ("£50 a day, twice a week", "50", "visit"),
        ("6 hours at 15 an hour", "15", "hour"),
        ("it's 40 a week", "40", "week"),
        ("about twenty", "20", None),
        ("£15-£20 an hour", "15", "hour"),
        ("£15 - £20", "15", None),
        ("I have 2 kids and pay 15", "15", None),
        ("on 3/4/1956 I paid 20", "20", None),
        ("15 pounds 3 times a week", "15", None),
        ("I pay £50, twice a week", "50", None),
        # bare numbers: the form knows what was asked
        ("15", "15", None),
        ("1,250.50", "1250.50", None),
        ("15 an hour", "15", "hour"),
        # a figure with a scale word after it
        ("2 hundred a month", "200", "month"),
        ("£2 hundred a month", "200", "month"),
        ("2 hundred and 50 a month", "250", "month"),
        ("1.5 thousand a year", "1500", "year"),
        ("3 grand a year", "3000", "year"),
        # a period said only to rule it out is no period: the bot asks
        ("I'll buy it outright for £230, no monthly payments", "230", None),
        ("£50 not paid weekly", "50", None),
        ("£30 isn't monthly", "30", None),
        ("£12 weekly, not monthly", "12", "week"),
        ("it costs £40, paid once not weekly", "40", "one-off"),  # 'paid once' is said as well
        ("£30 a week, no a month", "30", "week"),  # a change of mind: cost_doubts settles it
    ],
)
def test_money(text: str, amount: str, per: str) -> None:
    assert parse_money(text) == Money(D(amount), per)


@pytest.mark.parametrize(
    "text, amount",
    [
        ("-£20", "-20"),
        ("minus 20", "-20"),
        ("£-20", "-20"),
        ("-20", "-20"),
        ("minus twenty pounds", "-20"),
        ("-£15 an hour", "-15"),
    ],
)
def test_negative_amounts_keep_their_sign(text: str, amount: str) -> None:
    money = parse_money(text)
    assert money is not None and money.amount == D(amount) and money.amount < 0


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "",
        "not sure yet",
        "lots",
        "half",
        "I don't know",
        "3 hours",
        "twice a week",
        "every day",
        "on 3/4/1956",
        "10 times",
        "6 hrs",
        "90 minutes",
    ],
)
def test_no_money(text: str) -> None:
    assert parse_money(text) is None


def test_amounts_are_decimal_never_float() -> None:
    money = parse_money("£0.10 and £0.20")
    assert isinstance(money.amount, Decimal) and money.amount == D("0.10")
    assert parse_money("£1,234,567.89").amount == D("1234567.89")


def test_money_is_frozen() -> None:
    money = parse_money("£15")
    with pytest.raises(dataclasses.FrozenInstanceError):
        money.amount = D(1)  # type: ignore[misc]


@pytest.mark.parametrize(
    "text, per",
    [
        ("£50 a day, twice a week", "visit"),
        ("every 4 weeks", "4 weeks"),
        ("a month", "month"),
        ("£15", None),
        ("", None),
    ],
)
def test_money_period(text: str, per: str) -> None:
    assert money_period(text) == per


def test_import_is_cheap() -> None:
    import subprocess
    import sys

    code = "import sys, bot.parsing; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    "text, amount",
    [
        ("one million two hundred thousand pounds", "1200000"),
        ("twelve thousand five hundred pounds a year", "12500"),
        ("a hundred and fifty quid", "150"),
        ("two thousand and twenty four pounds", "2024"),
    ],
)
def test_large_amounts_in_words(text: str, amount: str) -> None:
    assert parse_money(text).amount == D(amount)


@pytest.mark.parametrize(
    "text",
    [
        "thousand one dozen",
        "1" * 5000,
        "£" * 500,
        "one " * 300,
        "99999999999999999999999 hours",
        "NaN",
        "£Infinity",
        "1,000,000 per ½ - twice ph other of thousand one dozen 2x",
        "😀👍",
        "\n\t",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    from bot.parsing import parse_date, parse_frequency, parse_hours

    for parse in (parse_money, parse_hours, parse_frequency, parse_date):
        parse(text)


@pytest.mark.parametrize(
    "text, amount, per",
    [
        ("price is 12,90 £ for hour", "12.90", None),
        ("£7,50 each time", "7.50", "visit"),
        ("£12,90 an hour", "12.90", "hour"),
    ],
)
def test_a_decimal_comma_is_read_as_a_point(text: str, amount: str, per: Optional[str]) -> None:
    money = decimal_comma_money(text)
    assert money is not None and (money.amount, money.per) == (Decimal(amount), per)


@pytest.mark.parametrize("text", ["£1,200 a month", "£12.90", "1,2", "no money here"])
def test_no_decimal_comma_reading_when_there_is_none(text: str) -> None:
    assert decimal_comma_money(text) is None
