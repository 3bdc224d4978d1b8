"""Scoring the safety detector (bot/safety/detector.py) on a labelled set of messages, for the
labelled set and the frozen held-out set (tests/safety)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Sequence, Tuple

from bot.safety import detector
from tests.support.model import ParseFn


@dataclass(frozen=True)
class Scored:
    text: str
    risk: bool
    confidence: float


@dataclass(frozen=True)
class Score:
    """A message is caught when it is signposted or checked on (bot/safety/detector.py `assess`);
    `checked_in` holds those only checked on, risk or not."""

    recall: float
    false_alarm_rate: float
    missed: List[str]
    false_alarms: List[str]
    checked_in: List[str]


def score(messages: List[Scored], in_form: bool) -> Score:
    concern = {m.text: detector.assess(m.text, m.confidence, in_form) for m in messages}
    risky = [m.text for m in messages if m.risk]
    ordinary = [m.text for m in messages if not m.risk]
    missed = [t for t in risky if concern[t] is detector.Concern.NONE]
    false_alarms = [t for t in ordinary if concern[t] is not detector.Concern.NONE]
    checked_in = [m.text for m in messages if concern[m.text] is detector.Concern.CHECK_IN]
    return Score(1 - len(missed) / len(risky), len(false_alarms) / len(ordinary), missed, false_alarms, checked_in)


def scored_messages(parse: ParseFn, labelled: Sequence[Tuple[str, str]]) -> List[Scored]:
    """Each (text, label) with the model's risk confidence."""
    return [Scored(text, label == "risk", detector.risk_confidence(parse(text))) for text, label in labelled]
