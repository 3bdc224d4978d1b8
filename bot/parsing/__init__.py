"""Reading figures and choices out of what people type: money, hours a week, how often, dates,
yes/no, 'that's all', a choice from a list, a person reference. Every form answer is parsed here.

The figure parsers share one blank English spaCy pipeline (bot/parsing/pipeline.py), built on
first use, so importing this package stays cheap.
"""

from bot.parsing.choices import match_choice
from bot.parsing.dates import parse_date
from bot.parsing.frequency import parse_frequency
from bot.parsing.hours import parse_hours
from bot.parsing.money import Money, money_period, parse_money
from bot.parsing.reference import extract_reference
from bot.parsing.replies import is_finished, parse_yes_no

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
