"""Reading figures and choices out of what people type (money, hours, how often, dates, yes/no,
choices, references). Every form answer is parsed here."""
from bot.parsing.choices import match_choice
from bot.parsing.dates import parse_date
from bot.parsing.frequency import parse_frequency
from bot.parsing.hours import parse_hours
from bot.parsing.money import Money, money_period, parse_money
from bot.parsing.reference import extract_reference
from bot.parsing.replies import is_finished, parse_yes_no

__all__ = [
    "Money", "extract_reference", "is_finished", "match_choice", "money_period", "parse_date",
    "parse_frequency", "parse_hours", "parse_money", "parse_yes_no",
]
