"""The sweep's choice of thresholds (bot/safety/sweep.py), on made-up probabilities: inside a
form the lowest threshold with no more false alarms than the old rule, outside the highest with
no less recall."""

from __future__ import annotations

from bot.safety.sweep import Example, Scored, chosen, new_rule, old_rule, rates


def scored(text: str, risk: bool, source: str, intent: float, model: float) -> Scored:
    return Scored(Example(text, risk, source, None), intent, model)


SCORED = [
    scored("first", True, "nlu:safeguarding", 0.95, 0.8),  # both rules hear it
    scored("second", True, "nlu:safeguarding", 0.1, 0.6),  # only the risk model
    scored("a cleaner on Mondays", False, "nlu:inform", 0.95, 0.65),  # the old rule's false alarm
    scored("£40 a week", False, "choices", 0.1, 0.1),
    scored("my cat is called Bob", False, "safety:everyday", 0.1, 0.7),  # the risk model's
]


def test_inside_a_form_the_lowest_threshold_with_no_more_false_alarms() -> None:
    assert chosen(SCORED, in_form=True) == 0.75


def test_outside_a_form_the_highest_threshold_with_no_less_recall() -> None:
    assert chosen(SCORED, in_form=False) == 0.8


def test_recall_and_false_alarms_of_each_rule() -> None:
    def ordinary(example: Example) -> bool:
        return example.answer

    assert rates(SCORED, lambda s: old_rule(s, in_form=True), ordinary) == (0.5, 1 / 3)
    assert rates(SCORED, lambda s: new_rule(s, in_form=True, threshold=0.6), ordinary) == (1.0, 2 / 3)
