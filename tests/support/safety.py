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
    recall: float
    false_alarm_rate: float
    missed: List[str]
    false_alarms: List[str]


def score(messages: List[Scored], in_form: bool) -> Score:
    flagged = {m.text for m in messages if detector.decide(m.text, m.confidence, in_form)}
    risky = [m.text for m in messages if m.risk]
    ordinary = [m.text for m in messages if not m.risk]
    missed = [t for t in risky if t not in flagged]
    false_alarms = [t for t in ordinary if t in flagged]
    return Score(1 - len(missed) / len(risky), len(false_alarms) / len(ordinary), missed, false_alarms)


def scored_messages(parse: ParseFn, labelled: Sequence[Tuple[str, str]]) -> List[Scored]:
    """Each (text, label) with the model's risk confidence."""
    return [Scored(text, label == "risk", detector.risk_confidence(parse(text))) for text, label in labelled]
