"""How the safety decision (bot/safety/detector.py) should use the models, measured by 5-fold
cross-validation on the training data only (data/nlu, data/choices, data/safety), never on a
held-out safety set.

Every example gets, from models that did not see it, the intent model's `safeguarding`
probability (trained on the data/nlu part of the fold, as `make train` does) and the risk
model's probability (bot/nlu/risk_model.py, trained on all of the fold). Then two rules are
swept over their thresholds on the same folds:

- the old rule (the intent model, before the risk model): a risk phrase; inside a form the intent
  model at 0.9 alone or at 0.6 with a concern word; outside a form the intent model at 0.5;
- the new rule (`detector.decide`): a risk phrase, or the risk model at INSIDE_FORM inside a form
  or OUTSIDE_FORM outside one.

Risk is every `safeguarding` example and every `risk` example in data/safety. The ordinary
messages inside a form are answers (`inform` and every data/choices paraphrase) and the
everyday messages of data/safety; outside a form, every example that is not risk. Recall is
also shown on the risk messages written apart (data/safety/written_apart.yml, the ones most like
a blind set), and false alarms on data/safety's everyday messages alone (the hardest). The
threshold `chosen` by the detector's rule is printed beside the one the detector uses.

The contrastive pairs (data/safety/pairs.yml: each risk message with an ordinary twin sharing
most of its words) are trained on in every fold but left out of the figures and of the choice
of thresholds: their twins are made to be as close to risk as words allow, so counting them would
change what a false-alarm rate means (the same model would get higher thresholds only because
the pool got harder), not measure the messages the assistant meets.

`python -m bot.safety.sweep` (about five minutes on 2 busy cores)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from functools import partial
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from sklearn.model_selection import StratifiedKFold

from bot.config import PROJECT_ROOT
from bot.nlu.choice_reader import load_examples
from bot.nlu.linear_intent_classifier import LinearIntentClassifier, text_model
from bot.nlu.risk_model import RISK_INTENT, RiskModel, load_safety_file, risk_probabilities, risk_text_model
from bot.nlu.sentence_encoder import sentence_encoder
from bot.safety import detector
from bot.safety.phrases import mentions_concern, shows_risk

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
#: the written-apart file's stem: its figures are printed on their own
WRITTEN_APART = "written_apart"
#: the contrastive pairs' file stem: trained on, not counted (see the module docstring)
PAIRS = "pairs"


@dataclass(frozen=True)
class Example:
    text: str
    risk: bool
    source: str  # "nlu:<intent>", "choices" or "safety:<file stem>"
    intent: Optional[str]  # for the intent model; None outside data/nlu

    @property
    def answer(self) -> bool:
        """Ordinary inside a form: an answer to a question, or an everyday message."""
        return not self.risk and (self.source in ("nlu:inform", "choices") or self.source.startswith("safety:"))


@dataclass(frozen=True)
class Scored:
    example: Example
    intent_probability: float
    risk_probability: float


def training_examples() -> List[Example]:
    """Every example the intent and risk models are trained on."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(PROJECT_ROOT / "data" / "nlu"))
    examples = [
        Example(m.get("text"), m.get("intent") == RISK_INTENT, f"nlu:{m.get('intent')}", m.get("intent"))
        for m in data.intent_examples
        if m.get("text")
    ]
    safety, choices = RiskModel._folders({})
    examples += [Example(t, False, "choices", None) for pairs in load_examples(choices).values() for t, _ in pairs]
    for path in sorted(safety.glob("*.yml")):
        examples += [Example(t, risk, f"safety:{path.stem}", None) for t, risk in load_safety_file(path)]
    return examples


def out_of_fold(examples: List[Example], seed: int) -> List[Scored]:
    """Each example with both models' probabilities from the fold that left it out (folds
    stratified by source, so each holds its share of every file)."""
    config = LinearIntentClassifier.get_default_config()
    risk_config = RiskModel.get_default_config()
    texts = [e.text for e in examples]
    if risk_config["embedding_weight"]:
        sentence_encoder().remember(texts)
    scored: List[Scored] = []
    folds = StratifiedKFold(5, shuffle=True, random_state=seed).split(texts, [e.source for e in examples])
    for train, test in folds:
        with_intent = [i for i in train if examples[i].intent]
        intents = text_model(config["C"], tuple(config["word_ngrams"]), tuple(config["char_ngrams"]))
        intents.fit([texts[i] for i in with_intent], [examples[i].intent for i in with_intent])
        column = list(intents.classes_).index(RISK_INTENT)
        risk = risk_text_model(float(risk_config["C"]), float(risk_config["embedding_weight"])).fit(
            [texts[i] for i in train], [examples[i].risk for i in train]
        )
        held = [texts[i] for i in test]
        for i, row, p in zip(test, intents.predict_proba(held), risk_probabilities(risk, held), strict=True):
            scored.append(Scored(examples[i], float(row[column]), p))
    return scored


def old_rule(s: Scored, in_form: bool) -> bool:
    """The decision before the risk model (bot/safety/detector.py until 6 December 2026)."""
    text, p = s.example.text, s.intent_probability
    if shows_risk(text):
        return True
    if in_form:
        return p >= 0.9 or (p >= 0.6 and mentions_concern(text))
    return p >= 0.5


def new_rule(s: Scored, in_form: bool, threshold: float) -> bool:
    """`detector.decide` with the risk model at `threshold` in this context."""
    return detector.decide(s.example.text, s.risk_probability, in_form, threshold, threshold)


Rule = Callable[[Scored], bool]


def rates(scored: Sequence[Scored], rule: Rule, ordinary: Callable[[Example], bool]) -> Tuple[float, float]:
    """(recall on risk, false alarms on the ordinary examples chosen by `ordinary`)."""
    risky = [rule(s) for s in scored if s.example.risk]
    calm = [rule(s) for s in scored if not s.example.risk and ordinary(s.example)]
    return sum(risky) / max(len(risky), 1), sum(calm) / max(len(calm), 1)


def _ordinary_in(in_form: bool) -> Callable[[Example], bool]:
    """Which ordinary examples count for false alarms: inside a form the answers and everyday
    messages, outside one every ordinary example."""
    return (lambda e: e.answer) if in_form else (lambda e: True)


def table(scored: Sequence[Scored], in_form: bool) -> List[str]:
    """Recall and false alarms of the old rule and of the new one at each threshold: recall on
    all risk examples and on those written apart; false alarms on the ordinary examples of this
    context and on the everyday messages alone (data/safety, the hardest)."""
    ordinary = _ordinary_in(in_form)
    apart = [s for s in scored if s.example.source == f"safety:{WRITTEN_APART}"]
    everyday = [s for s in scored if s.example.source.startswith("safety:")]
    rules: Dict[str, Rule] = {"old rule": lambda s: old_rule(s, in_form)}
    for t in THRESHOLDS:
        rules[f"new rule at {t}"] = partial(new_rule, in_form=in_form, threshold=t)
    lines = [
        f"{'inside' if in_form else 'outside'} a form   recall  (written apart)  false alarms  (everyday)",
    ]
    for name, rule in rules.items():
        recall, alarms = rates(scored, rule, ordinary)
        apart_recall, everyday_alarms = rates(apart, rule, ordinary)[0], rates(everyday, rule, ordinary)[1]
        lines.append(
            f"{name:<18} {recall:.3f}   ({apart_recall:.3f})          {alarms:.3f}        ({everyday_alarms:.3f})"
        )
    return lines


def chosen(scored: Sequence[Scored], in_form: bool) -> float:
    """The threshold the detector uses, by the rule in its docstring: inside a form the lowest
    whose false alarms (on the ordinary examples and on the everyday ones) are no more than the
    old rule's; outside a form the highest whose recall (on all risk and on the written-apart
    risk) is no less than the old rule's."""
    ordinary = _ordinary_in(in_form)
    apart = [s for s in scored if s.example.source == f"safety:{WRITTEN_APART}"]
    everyday = [s for s in scored if s.example.source.startswith("safety:")]

    def figures(rule: Rule) -> Tuple[float, float, float, float]:
        recall, alarms = rates(scored, rule, ordinary)
        return recall, rates(apart, rule, ordinary)[0], alarms, rates(everyday, rule, ordinary)[1]

    old = figures(partial(old_rule, in_form=in_form))
    new = {t: figures(partial(new_rule, in_form=in_form, threshold=t)) for t in THRESHOLDS}
    if in_form:
        return min((t for t, f in new.items() if f[2] <= old[2] and f[3] <= old[3]), default=max(THRESHOLDS))
    return max((t for t, f in new.items() if f[0] >= old[0] and f[1] >= old[1]), default=min(THRESHOLDS))


#: issue 14's most false alarms, for the check-in thresholds
MOST_FALSE_ALARMS = 0.05


def chosen_check_in(scored: Sequence[Scored], in_form: bool) -> Tuple[float, float, float]:
    """(threshold, recall, false alarms) of the check-in band, by the rule in the detector's
    docstring: the lowest threshold on the grid whose false alarms (signposting and check-ins
    together, on the ordinary examples of this context) are at most MOST_FALSE_ALARMS."""
    ordinary = _ordinary_in(in_form)
    figures = {t: rates(scored, partial(new_rule, in_form=in_form, threshold=t), ordinary) for t in THRESHOLDS}
    lowest = min((t for t, (_, alarms) in figures.items() if alarms <= MOST_FALSE_ALARMS), default=max(THRESHOLDS))
    return lowest, *figures[lowest]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    examples = training_examples()
    scored = [s for s in out_of_fold(examples, args.seed) if s.example.source != f"safety:{PAIRS}"]
    counted = [s.example for s in scored]
    risky = sum(e.risk for e in counted)
    print(
        f"{len(examples)} examples trained on, {len(counted)} counted (not the pairs): {risky} risk, "
        f"{sum(e.answer for e in counted)} answers and everyday messages, {len(counted) - risky} ordinary in all; "
        f"5 folds, seed {args.seed}"
    )
    for in_form in (True, False):
        print("\n".join(table(scored, in_form)))
        print(
            f"chosen: {chosen(scored, in_form)} (detector: {detector.INSIDE_FORM if in_form else detector.OUTSIDE_FORM})"
        )
        check_in, recall, alarms = chosen_check_in(scored, in_form)
        print(
            f"check in from: {check_in}, recall {recall:.3f}, false alarms {alarms:.3f} "
            f"(detector: {detector.CHECK_IN_INSIDE if in_form else detector.CHECK_IN_OUTSIDE})\n"
        )


if __name__ == "__main__":
    main()
