"""Reading figures and choices out of what people type: money, hours a week, how often, dates,
yes/no, 'that's all', a choice from a list, a person reference. Every form answer is parsed here.

The figure parsers share one blank English spaCy pipeline (bot/parsing/pipeline.py), built on
first use, so importing this package stays cheap. The names below are imported from their
modules when first used, so that a small module of plain words (relations.py, which the plan
service reads) can be imported in the web app's environment, which has no spaCy or word2number.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.parsing.choices import match_choice
    from bot.parsing.dates import parse_date
    from bot.parsing.frequency import parse_frequency
    from bot.parsing.hours import parse_hours
    from bot.parsing.money import Money, money_period, parse_money
    from bot.parsing.reference import extract_reference
    from bot.parsing.replies import is_finished, parse_yes_no

#: each name of the package, and the module that holds it
_HOMES = {
    "Money": "money",
    "extract_reference": "reference",
    "is_finished": "replies",
    "match_choice": "choices",
    "money_period": "money",
    "parse_date": "dates",
    "parse_frequency": "frequency",
    "parse_hours": "hours",
    "parse_money": "money",
    "parse_yes_no": "replies",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'bot.parsing' has no attribute {name!r}")
    return getattr(importlib.import_module(f"bot.parsing.{home}"), name)


__all__ = [
    "Money",
    "extract_reference",
    "is_finished",
    "match_choice",
    "money_period",
    "parse_date",
    "parse_frequency",
    "parse_hours",
    "parse_money",
    "parse_yes_no",
]
