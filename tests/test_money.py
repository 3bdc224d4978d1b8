from __future__ import annotations

from decimal import Decimal

import pytest

from bot.money import annual_amount, format_pounds, money_str, parse_pounds, weekly_amount

D = Decimal


@pytest.mark.parametrize("amount, period, weekly, annual", [
    ("250", "week", "250.00", "13000.00"),
    ("1000", "4 weeks", "250.00", "13000.00"),
    ("1000", "month", "230.77", "12000.00"),
    ("10000", "year", "192.31", "10000.00"),
    ("15600", "year", "300.00", "15600.00"),
    ("0.01", "year", "0.00", "0.01"),
])
def test_contract_conversions(amount: str, period: str, weekly: str, annual: str) -> None:
    assert weekly_amount(D(amount), period) == D(weekly)
    assert annual_amount(D(amount), period) == D(annual)


def test_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError):
        weekly_amount(D(1), "fortnight")


@pytest.mark.parametrize("text, value", [("250", "250.00"), ("250.00", "250.00"), ("£1,250.50", "1250.50"), (" £99.9 ", "99.90")])
def test_parse_pounds(text: str, value: str) -> None:
    assert parse_pounds(text) == D(value)


@pytest.mark.parametrize("text", ["", "-5", "abc", "£1,25", "12.345", "1e5"])
def test_parse_pounds_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_pounds(text)


def test_formats() -> None:
    assert format_pounds(D("13000")) == "£13,000.00"
    assert format_pounds(D("-5")) == "-£5.00"
    assert money_str(D("1250.5")) == "1250.50"
