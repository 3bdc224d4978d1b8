"""The one decision on whether a message shows risk of harm: the phrase list plus the NLU model.

- A RISK phrase (bot/safety/phrases.py) decides alone, inside or outside a form.
- Outside a form, the NLU intent `safeguarding` decides alone at OUTSIDE_FORM_THRESHOLD.
- Inside a form most messages are answers to the plan's questions, and the model is sometimes
  sure of itself and wrong there ("grab rails so I don't end up on the floor again"). So the
  model counts at IN_FORM_THRESHOLD when the message also has a concern word, or alone at
  IN_FORM_ALONE (hopelessness said without any of the usual words).

IN_FORM_ALONE is the lowest threshold whose false alarms stay at or under 3% of answers to the
plan's questions in 5-fold cross-validation on the training data (`python -m bot.safety.sweep`,
4 December 2026: recall 0.768 without it, 0.903 at 0.85 with 2.8% false alarms; 0.913 and 3.1%
at 0.8; 5 December, with 299 more risk examples: 0.888 and 3.0% at 0.9, 0.897 and 3.4% at 0.85, so
0.9). The held-out safety sets were not used to choose it.

IN_FORM_THRESHOLD was set from the sweep that `pytest tests/safety -s` prints over the labelled
set in tests/safety/labelled_messages.csv. With the logistic-regression intent model (2 December
2026) recall is 1.0 at every threshold there, because the phrase list alone catches every risk
message in the set it was tuned on; false alarms were 0.8% at 0.5 and none from 0.6 (the sweep
prints them for the current model). The model is there for risk the list does not know, so the
bar stays as low as gives no false alarms there: 0.6."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.safety.phrases import mentions_concern, shows_risk

INTENT = "safeguarding"
IN_FORM_THRESHOLD = 0.6
IN_FORM_ALONE = 0.9
OUTSIDE_FORM_THRESHOLD = 0.5


def risk_confidence(parse: Optional[Mapping[str, Any]]) -> float:
    """How sure the NLU model is that the message shows risk (0 when it ranked it elsewhere)."""
    if not parse:
        return 0.0
    for ranked in parse.get("intent_ranking") or [parse.get("intent") or {}]:
        if ranked.get("name") == INTENT:
            return float(ranked.get("confidence") or 0.0)
    return 0.0


def decide(
    text: str,
    nlu_confidence: float,
    in_form: bool,
    alone: float = IN_FORM_ALONE,
    outside: float = OUTSIDE_FORM_THRESHOLD,
) -> bool:
    """True when the message shows risk, given the model's confidence in `safeguarding` (the
    thresholds are parameters only for the sweep)."""
    if shows_risk(text):
        return True
    if in_form:
        return nlu_confidence >= alone or (nlu_confidence >= IN_FORM_THRESHOLD and mentions_concern(text))
    return nlu_confidence >= outside


def message_shows_risk(parse: Mapping[str, Any], in_form: bool) -> bool:
    """`decide` for a parsed message (Rasa's parse data: text, intent, intent_ranking)."""
    return decide(parse.get("text") or "", risk_confidence(parse), in_form)
