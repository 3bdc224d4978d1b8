"""parse_date: UK day-first dates; two-digit years never in the future; impossible dates → None."""

from __future__ import annotations

from datetime import date

import pytest

from bot.parsing import parse_date

TODAY = date(2026, 11, 22)
BORN = date(1956, 4, 3)


@pytest.mark.parametrize(
    "text",
    [
        "3/4/1956",
        "03-04-1956",
        "3.4.56",
        "3rd April 1956",
        "April 3rd 1956",
        "3 Apr 56",
        "1956-04-03",
        "3 april nineteen fifty six",
        "the third of April 1956",
        "3/4/56",
        "03/04/1956",
        "3 / 4 / 1956",
        "3-Apr-1956",
        "3rd of Apr. 1956",
        "April 3, 1956",
        "3 April, 1956",
        "Tuesday 3rd April 1956",
        "3rd April '56",
        "03.04.1956",
        "1956/04/03",
        "3 APRIL 1956",
        "3 apirl 1956",
        # inside sentences
        "it's 3/4/1956",
        "my dob is 03/04/1956 thanks",
        "I was born on the 3rd of April 1956",
        "born 3.4.56, ref PB-100234",
    ],
)
def test_the_same_date_written_many_ways(text: str) -> None:
    assert parse_date(text, today=TODAY) == BORN


@pytest.mark.parametrize(
    "text, expected",
    [
        ("born 12 feb 49", date(1949, 2, 12)),
        ("3 febuary 1956", date(1956, 2, 3)),
        ("3 septmber 1956", date(1956, 9, 3)),
        ("3 Sept 1956", date(1956, 9, 3)),
        ("31st december 1999", date(1999, 12, 31)),
        ("twenty third of may 1960", date(1960, 5, 23)),
        ("5th march two thousand and five", date(2005, 3, 5)),
        ("29/02/1956", date(1956, 2, 29)),
        ("1/1/2000", date(2000, 1, 1)),
    ],
)
def test_other_dates(text: str, expected: date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1/1/30", date(1930, 1, 1)),
        ("1/1/20", date(2020, 1, 1)),
        ("1/1/26", date(2026, 1, 1)),
        ("1/12/26", date(1926, 12, 1)),
        ("22/11/26", date(2026, 11, 22)),
        ("3 Apr 56", date(1956, 4, 3)),
        ("1/1/00", date(2000, 1, 1)),
        ("31/12/99", date(1999, 12, 31)),
    ],
)
def test_two_digit_years_are_never_in_the_future(text: str, expected: date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/02/1990",
        "29/02/1957",
        "13/13/1990",
        "12/25/1990",
        "0/4/1956",
        "31 April 1956",
        "32/1/1990",
    ],
)
def test_impossible_dates(text: str) -> None:
    assert parse_date(text, today=TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "the third",
        "April",
        "",
        "PB-100234",
        "3 April",
        "1956",
        "hello",
        "£15 an hour",
        "6 hours",
        "100234",
        "two thousand and five",
    ],
)
def test_no_date(text: str) -> None:
    assert parse_date(text, today=TODAY) is None


def test_today_defaults_to_now() -> None:
    assert parse_date("3/4/1956") == BORN
