"""The one decision on whether a message shows risk of harm: the phrase list plus the risk model.

- A RISK phrase (bot/safety/phrases.py) decides alone, inside or outside a form.
- Otherwise the risk model (bot/nlu/risk_model.py, a binary model trained on every safeguarding
  example against every other NLU example, every choice paraphrase and the everyday messages in
  data/safety) decides: at INSIDE_FORM inside a form, where most messages are answers to the
  plan's questions, and at OUTSIDE_FORM outside one.

The thresholds are chosen by 5-fold cross-validation on the training data only (`python -m
bot.safety.sweep`; the held-out safety sets are never used), against the rule the risk model
replaced (the intent model's `safeguarding` confidence: inside a form at 0.9 alone or 0.6 with a
concern word, outside at 0.5), on the same folds. Inside a form SIGNPOSTING starts at the lowest
threshold whose false alarms, on the answers and everyday messages and on the everyday ones alone,
are no more than the old rule's (every gain is recall); outside a form at the highest whose
recall, on all risk and on the written-apart risk, is no less than the old rule's (every gain is
fewer false alarms). `sweep.chosen` applies this rule. On 8 December 2026, after round 7 of the
training messages (data/safety/written_apart_7.yml; seed 1; 16,179 examples trained on, 15,585
counted: the contrastive pairs of data/safety/pairs.yml are trained on, not counted; 3,010 risk),
in brackets the written-apart risk and the everyday messages alone:

| rule | recall | false alarms |
| --- | --- | --- |
| inside a form, old rule | 0.854 (0.811) | 3.8% (10.6%) |
| inside a form, risk model at 0.45 | 0.957 (0.960) | 3.7% (10.4%) |
| outside a form, old rule | 0.932 (0.917) | 6.1% (19.9%) |
| outside a form, risk model at 0.6 | 0.936 (0.940) | 2.0% (7.3%) |
| outside a form, risk model at 0.45 (used) | 0.957 (0.960) | 2.9% (10.4%) |

The rule gives 0.6 outside a form, above the bar inside one; a false alarm inside a form
interrupts a plan, so the bar outside is never higher than inside (tests/safety/test_detector.py)
and OUTSIDE_FORM is INSIDE_FORM's 0.45. Below both, the check-in band decides whether a message is
caught at all, so this changes which reply a message between 0.45 and 0.6 gets, not how many are
caught. (Inside a form the choice is close: with one repeated message still in round 7's file the
rule gave 0.5, whose everyday false alarms were 9.2% against the old rule's 10.5%.)

(Until 7 December the thresholds were 0.7 and 0.5, then 0.5 and 0.5, chosen the same way on less
data and without the embedding; on 8 December, with the embedding, 0.45 and 0.45 before round 7
too.) The concern words (`mentions_concern`) are no longer used: in
a first cross-validation requiring one beside a lower bar added 0.003 of recall at equal false
alarms.

Below those thresholds, a message the model is unsure of gets a check-in (`Concern.CHECK_IN`): a
short, kind line with where to get help, as a careful worker would say when something sounds hard,
before the question is asked again. Blind sets showed that no single threshold reaches the recall
of issue 14 (0.97) without too many false alarms, so the band between CHECK_IN_INSIDE (or
CHECK_IN_OUTSIDE) and the signposting threshold checks in instead of flagging the plan. The
check-in thresholds are the lowest on the sweep's grid whose false alarms, signposting and
check-ins together, stay within issue 14's 5% on the same cross-validation (inside a form on the
answers and everyday messages, outside on every ordinary example): `sweep.chosen_check_in`,
printed by the sweep. On 8 December 2026, after round 7 (seed 1): inside 0.35, recall 0.966 with
4.7% false alarms; outside 0.25, recall 0.977 with 4.8% (before round 7: the same thresholds, 4.5%
and 4.7%; on 7 December, without the embedding: 0.4, 0.951
with 4.7%; 0.35, 0.958 with 4.3%)."""

from __future__ import annotations

import enum
import re
from typing import Any, Mapping, Optional

from bot.parsing.replies import is_finished, only_a_return, parse_yes_no
from bot.safety.phrases import denies_risk, shows_risk

#: the message property bot/nlu/risk_model.py sets (here, so that the actions need no Rasa or
#: scikit-learn to read it)
RISK_PROBABILITY = "risk_probability"
#: the intent model's intent for risk, the risk model's risk examples
RISK_INTENT = "safeguarding"

INSIDE_FORM = 0.45
OUTSIDE_FORM = 0.45
CHECK_IN_INSIDE = 0.35
CHECK_IN_OUTSIDE = 0.25


class Concern(enum.Enum):
    """How the assistant answers a message: not at all, a check-in, or signposting at once."""

    NONE = "none"
    CHECK_IN = "check_in"
    RISK = "risk"


def intent_confidence(parse: Optional[Mapping[str, Any]]) -> float:
    """How sure the intent model is of `safeguarding` (0 when it ranked it elsewhere)."""
    if not parse:
        return 0.0
    for ranked in parse.get("intent_ranking") or [parse.get("intent") or {}]:
        if ranked.get("name") == RISK_INTENT:
            return float(ranked.get("confidence") or 0.0)
    return 0.0


def risk_confidence(parse: Optional[Mapping[str, Any]]) -> float:
    """The risk model's probability that the message shows risk; from a model trained without the
    risk model, the intent model's confidence in `safeguarding` instead."""
    probability = (parse or {}).get(RISK_PROBABILITY)
    return intent_confidence(parse) if probability is None else float(probability)


def decide(
    text: str,
    confidence: float,
    in_form: bool,
    inside: float = INSIDE_FORM,
    outside: float = OUTSIDE_FORM,
) -> bool:
    """True when the message shows risk, given the risk model's probability (the thresholds are
    parameters only for the sweep). A stock reply ('no. nothing more. finish', 'yes', 'hi') and a
    plain denial ('not feeling suicidal') are never signposted on the model alone."""
    if shows_risk(text):
        return True
    if stock_reply(text) or denies_risk(text):
        return False
    return confidence >= (inside if in_form else outside)


def assess(text: str, confidence: float, in_form: bool) -> Concern:
    """RISK when `decide` says so; CHECK_IN when the risk model's probability is at least the
    check-in threshold of this context; NONE otherwise."""
    if decide(text, confidence, in_form):
        return Concern.RISK
    if stock_reply(text):
        return Concern.NONE
    return Concern.CHECK_IN if confidence >= (CHECK_IN_INSIDE if in_form else CHECK_IN_OUTSIDE) else Concern.NONE


def stock_reply(text: str) -> bool:
    """A bare yes or no, a 'that's all' or a hello, which says nothing the risk model could hear
    ('no I'm not ok' says more, and is left to the model)."""
    parts = [part for part in re.split(r"[.,;!?]+", text) if part.strip()]
    return bool(parts) and all(_stock_part(part) for part in parts)


def _stock_part(part: str) -> bool:
    bare = parse_yes_no(part) is not None and len(part.split()) <= 2
    return bare or is_finished(part) or only_a_return(part)


def message_concern(parse: Mapping[str, Any], in_form: bool) -> Concern:
    """`assess` for a parsed message (Rasa's parse data: text, risk_probability, intent_ranking)."""
    return assess(parse.get("text") or "", risk_confidence(parse), in_form)


def message_shows_risk(parse: Mapping[str, Any], in_form: bool) -> bool:
    """Whether a parsed message is signposted at once (not only checked on)."""
    return message_concern(parse, in_form) is Concern.RISK
