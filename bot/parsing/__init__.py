"""Reading figures and choices out of what people type: money, hours a week, how often, dates,
yes/no, 'that's all', a choice from a list, a person reference. Every form answer is parsed here.

The figure parsers share one blank English spaCy pipeline (bot/parsing/pipeline.py), built on
first use. The names below are imported from their modules when first used, so importing one
light module of this package (bot/parsing/relations.py, which the plan service uses) pulls in
neither spaCy nor word2number: the web app's environment (requirements-web.lock) has neither.
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

#: each name this package gives, and the module it comes from
_MODULE_OF = {
    "match_choice": "choices",
    "parse_date": "dates",
    "parse_frequency": "frequency",
    "parse_hours": "hours",
    "Money": "money",
    "money_period": "money",
    "parse_money": "money",
    "extract_reference": "reference",
    "is_finished": "replies",
    "parse_yes_no": "replies",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)


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
