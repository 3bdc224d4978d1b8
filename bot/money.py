"""Money: exact Decimal pounds in Python, integer pence in the database, DESIGN §5 conversions.

Weekly figures: 'year' ÷ 52, '4 weeks' ÷ 4, 'month' × 12 ÷ 52; annual = weekly × 52. Sums are
done with exact fractions and rounded once, to the penny, half up."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from bot.plans.catalogue import BUDGET_PERIODS

PERIODS = BUDGET_PERIODS.codes
PENNY = Decimal("0.01")

#: how many weeks one of each budget period covers (DESIGN §5)
WEEKS_PER = {period.code: period.weeks for period in BUDGET_PERIODS if period.weeks is not None}
_POUNDS = re.compile(r"^£?\s*(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?P<pence>\.\d{1,2})?$", re.ASCII)


def round_to_penny(value: Fraction) -> Decimal:
    """The one rounding rule: an exact figure to the penny, half up."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(PENNY, rounding=ROUND_HALF_UP)


def parse_pounds(text: str) -> Decimal:
    """'250', '250.00', '£1,250.50' → Decimal. Raises ValueError for anything else (negatives too)."""
    match = _POUNDS.match((text or "").strip())
    if not match:
        raise ValueError("not an amount in pounds")
    return Decimal(match["whole"].replace(",", "") + (match["pence"] or "")).quantize(PENNY)


def to_pence(amount: Decimal) -> int:
    """Pounds → whole pence (half a penny rounds up)."""
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_pence(pence: int) -> Decimal:
    return (Decimal(pence) / 100).quantize(PENNY)


def _exact_weekly(amount: Decimal, period: str) -> Fraction:
    if period not in WEEKS_PER:
        raise ValueError(f"unknown period {period!r}; expected one of {PERIODS}")
    return Fraction(amount) / WEEKS_PER[period]


def weekly_amount(amount: Decimal, period: str) -> Decimal:
    """An amount per `period` as a weekly amount, to the penny."""
    return round_to_penny(_exact_weekly(amount, period))


def annual_amount(amount: Decimal, period: str) -> Decimal:
    """Exact weekly × 52, to the penny (so £10,000 a year stays £10,000.00)."""
    return round_to_penny(_exact_weekly(amount, period) * 52)


def format_pounds(amount: Decimal) -> str:
    """£1,250.50 (negative amounts as -£5.00)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount).quantize(PENNY, rounding=ROUND_HALF_UP):,.2f}"


def money_str(amount: Decimal) -> str:
    """The plan JSON form: '1250.50'."""
    return f"{amount.quantize(PENNY, rounding=ROUND_HALF_UP):.2f}"
