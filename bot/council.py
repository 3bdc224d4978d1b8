"""The council's own rules, from its settings file (DESIGN §3): the National Living Wage by date,
how direct payments are paid and what they may buy, and when plans are reviewed. (The council's name
and phone number are deployment settings: COUNCIL_NAME and COUNCIL_PHONE, bot/config.py.)

The file is `council.yml` at the top of the repository unless SUPPORTPLAN_COUNCIL_SETTINGS names
another. A mistake in it is a ValueError naming the setting, raised when it is first read."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

import yaml

from bot.plans.catalogue import PAYMENT_FREQUENCIES

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "council.yml"
ENV_NAME = "SUPPORTPLAN_COUNCIL_SETTINGS"
DEFAULT_UNSPENT = "The council will talk to you about any money you have not spent."


@dataclass(frozen=True)
class WageRate:
    starts: date
    hourly: Decimal


@dataclass(frozen=True)
class CouncilRules:
    living_wage: Tuple[WageRate, ...]
    #: how often a direct payment or card is paid: "week" or "4 weeks"
    payment_frequency: str
    in_house_services_allowed: bool
    in_house_services: Tuple[str, ...]
    card_cash_allowed: bool
    first_review_weeks: int
    review_every_months: int
    direct_payment_check_months: int
    #: spending differs from the plan "a lot" when it is off by both of these, a week
    flag_difference_weekly: Decimal
    flag_difference_percent: int
    #: spending is compared with the plan over at most this many weeks before the review
    compare_weeks: int
    #: what the person is told can happen to money they have not spent
    unspent_money: str
    #: a person invited to a review by text is not texted again for this many days
    invite_again_after_days: int

    def living_wage_on(self, day: date) -> Optional[Decimal]:
        """The hourly National Living Wage on `day`; None before the first date in the file."""
        rates = [rate for rate in self.living_wage if rate.starts <= day]
        return max(rates, key=lambda rate: rate.starts).hourly if rates else None


def _section(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = raw.get(name)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"council settings: '{name}' must be a set of settings")
    return value


def _flag(section: Mapping[str, Any], name: str, default: bool) -> bool:
    value = section.get(name, default)
    if not isinstance(value, bool):
        raise ValueError(f"council settings: '{name}' must be true or false")
    return value


def _whole(section: Mapping[str, Any], name: str, default: int) -> int:
    value = section.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"council settings: '{name}' must be a whole number of at least 1")
    return value


def _pounds(section: Mapping[str, Any], name: str, default: str) -> Decimal:
    try:
        value = Decimal(str(section.get(name, default)))
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0:
        raise ValueError(f"council settings: '{name}' must be an amount in pounds like 25.00")
    return value


def _words(section: Mapping[str, Any], name: str, default: str) -> str:
    value = section.get(name, default)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"council settings: '{name}' must be some words")
    return " ".join(value.split())


def _wage_rate(entry: Any) -> WageRate:
    try:
        starts = entry["from"]
        hourly = Decimal(str(entry["hourly"]))
    except (KeyError, TypeError, InvalidOperation):
        raise ValueError("council settings: each 'living_wage' entry needs 'from' (a date) and 'hourly'") from None
    if not isinstance(starts, date) or not hourly.is_finite() or hourly <= 0:
        raise ValueError("council settings: each 'living_wage' entry needs 'from' (a date) and 'hourly'")
    return WageRate(starts, hourly)


def rules_from(raw: Mapping[str, Any]) -> CouncilRules:
    """The rules from the file's contents; ValueError naming the first bad setting."""
    payments = _section(raw, "direct_payments")
    reviews = _section(raw, "reviews")
    spending = _section(raw, "spending")
    frequency = str(payments.get("frequency", "4 weeks"))
    if frequency not in PAYMENT_FREQUENCIES:
        raise ValueError(f"council settings: 'frequency' must be one of: {', '.join(PAYMENT_FREQUENCIES)}")
    names = payments.get("in_house_services") or []
    if not isinstance(names, list) or not all(isinstance(name, str) and name.strip() for name in names):
        raise ValueError("council settings: 'in_house_services' must be a list of names")
    wages = raw.get("living_wage") or []
    if not isinstance(wages, list):
        raise ValueError("council settings: 'living_wage' must be a list")
    return CouncilRules(
        living_wage=tuple(sorted((_wage_rate(entry) for entry in wages), key=lambda rate: rate.starts)),
        payment_frequency=frequency,
        in_house_services_allowed=_flag(payments, "in_house_services_allowed", True),
        in_house_services=tuple(name.strip().lower() for name in names),
        card_cash_allowed=_flag(payments, "card_cash_allowed", False),
        first_review_weeks=_whole(reviews, "first_after_weeks", 8),
        review_every_months=_whole(reviews, "every_months", 12),
        direct_payment_check_months=_whole(reviews, "direct_payment_check_months", 6),
        flag_difference_weekly=_pounds(spending, "flag_difference_weekly", "25.00"),
        flag_difference_percent=_whole(spending, "flag_difference_percent", 20),
        compare_weeks=_whole(spending, "compare_weeks", 12),
        unspent_money=_words(spending, "unspent_money", DEFAULT_UNSPENT),
        invite_again_after_days=_whole(reviews, "invite_again_after_days", 14),
    )


@lru_cache(maxsize=4)
def _load(path: str) -> CouncilRules:
    try:
        raw: Dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise ValueError(f"council settings: cannot read {path} ({error.strerror})") from None
    except yaml.YAMLError:
        raise ValueError(f"council settings: {path} is not readable YAML") from None
    if not isinstance(raw, dict):
        raise ValueError(f"council settings: {path} must hold a set of settings")
    return rules_from(raw)


def council_rules(env: Optional[Mapping[str, str]] = None) -> CouncilRules:
    """The rules in the settings file (read once per path)."""
    env = os.environ if env is None else env
    return _load(env.get(ENV_NAME) or str(DEFAULT_PATH))
