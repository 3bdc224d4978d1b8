"""Money: the DESIGN §5 conversions, parsing and formatting, all exact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.money import (
    PERIODS,
    annual_amount,
    format_pounds,
    from_pence,
    money_str,
    parse_pounds,
    to_pence,
    weekly_amount,
)

D = Decimal


@pytest.mark.parametrize(
    "amount, period, weekly, annual",
    [
        ("250", "week", "250.00", "13000.00"),
        ("1000", "4 weeks", "250.00", "13000.00"),
        ("1000", "month", "230.77", "12000.00"),
        ("1300", "month", "300.00", "15600.00"),
        ("10000", "year", "192.31", "10000.00"),
        ("15600", "year", "300.00", "15600.00"),
        ("9880", "year", "190.00", "9880.00"),
        ("720", "4 weeks", "180.00", "9360.00"),
        ("0.01", "year", "0.00", "0.01"),
        ("0.26", "year", "0.01", "0.26"),  # 0.005 exactly: half a penny rounds up
    ],
)
def test_contract_conversions(amount: str, period: str, weekly: str, annual: str) -> None:
    assert weekly_amount(D(amount), period) == D(weekly)
    assert annual_amount(D(amount), period) == D(annual)


def test_annual_comes_from_the_exact_weekly_not_the_rounded_one() -> None:
    # £1,000 a month is £230.769…/week: rounded first it would give 230.77 × 52 = 12000.04
    assert annual_amount(D("1000"), "month") == D("12000.00") != weekly_amount(D("1000"), "month") * 52


def test_results_are_decimals_to_the_penny() -> None:
    for period in PERIODS:
        for value in (weekly_amount(D("123.45"), period), annual_amount(D("123.45"), period)):
            assert isinstance(value, Decimal) and value.as_tuple().exponent == -2


def test_service_costs_use_the_same_rule() -> None:
    assert weekly_amount(D("60"), "month") == D("13.85")
    assert weekly_amount(D("520"), "year") == D("10.00")
    assert weekly_amount(D("40"), "4 weeks") == D("10.00")


@pytest.mark.parametrize("period", ["fortnight", "Week", "", "hour"])
def test_unknown_period_is_refused(period: str) -> None:
    with pytest.raises(ValueError):
        weekly_amount(D(1), period)


@pytest.mark.parametrize(
    "text, value",
    [
        ("250", "250.00"),
        ("250.00", "250.00"),
        ("£1,250.50", "1250.50"),
        (" £99.9 ", "99.90"),
        ("£ 7", "7.00"),
        ("1,000,000", "1000000.00"),
        ("0", "0.00"),
    ],
)
def test_parse_pounds(text: str, value: str) -> None:
    parsed = parse_pounds(text)
    assert parsed == D(value) and str(parsed) == value


@pytest.mark.parametrize(
    "text", ["", "   ", "-5", "£-5", "abc", "£1,25", "12.345", "1e5", "1,0000", ".5", "5.", "NaN", "١٢٣"]
)
def test_parse_pounds_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_pounds(text)


@pytest.mark.parametrize("pounds, pence", [("250.00", 25000), ("0.01", 1), ("1250.5", 125050), ("0.005", 1), ("0", 0)])
def test_pence(pounds: str, pence: int) -> None:
    assert to_pence(D(pounds)) == pence
    assert isinstance(to_pence(D(pounds)), int)
    assert from_pence(to_pence(D(pounds))) == D(pounds).quantize(D("0.01"), rounding="ROUND_HALF_UP")


def test_from_pence_is_an_exact_decimal() -> None:
    assert str(from_pence(1300000)) == "13000.00"
    assert str(from_pence(5)) == "0.05"


def test_formats() -> None:
    assert format_pounds(D("13000")) == "£13,000.00"
    assert format_pounds(D("1250.5")) == "£1,250.50"
    assert format_pounds(D("-5")) == "-£5.00"
    assert money_str(D("1250.5")) == "1250.50"
    assert money_str(D("-62.5")) == "-62.50"
    assert money_str(D("0")) == "0.00"
