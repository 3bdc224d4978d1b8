"""How the safety decision (bot/safety/detector.py) should use the intent model, measured by
5-fold cross-validation on the NLU training data only (data/nlu), never on the held-out safety
set. Each training example gets the safeguarding probability of a model that did not see it;
the decision is then swept over its thresholds:

- inside a form, against `inform` examples (answers to the plan's questions) as the ordinary set:
  a risk phrase, or the model at IN_FORM_THRESHOLD with a concern word, or the model alone at
  IN_FORM_ALONE;
- outside a form, against every other intent: a risk phrase, or the model at OUTSIDE_FORM_THRESHOLD.

`python -m bot.safety.sweep` (about two minutes)."""

from __future__ import annotations

import argparse
from typing import List, Tuple

from sklearn.model_selection import StratifiedKFold

from bot.config import PROJECT_ROOT
from bot.nlu.linear_intent_classifier import LinearIntentClassifier, text_model
from bot.safety import detector

ALONE = (0.8, 0.85, 0.9, 0.95, 0.97, 0.99, 1.01)
OUTSIDE = (0.4, 0.5, 0.6, 0.7, 0.8)

Scored = List[Tuple[str, str, float]]


def training_examples() -> List[Tuple[str, str]]:
    """(text, intent) of every intent example in data/nlu (retrieval intents count as their base)."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(PROJECT_ROOT / "data" / "nlu"))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples if m.get("text")]


def out_of_fold(examples: List[Tuple[str, str]], seed: int) -> Scored:
    """(text, intent, safeguarding probability from a model not trained on it)."""
    texts, intents = [t for t, _ in examples], [i for _, i in examples]
    config = LinearIntentClassifier.get_default_config()
    scored: Scored = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(texts, intents):
        model = text_model(config["C"], tuple(config["word_ngrams"]), tuple(config["char_ngrams"]))
        model.fit([texts[i] for i in train], [intents[i] for i in train])
        column = list(model.classes_).index(detector.INTENT)
        for i, row in zip(test, model.predict_proba([texts[i] for i in test]), strict=False):
            scored.append((texts[i], intents[i], float(row[column])))
    return scored


def _rates(flags: List[Tuple[bool, bool]]) -> Tuple[float, float]:
    risky = [f for r, f in flags if r]
    ordinary = [f for r, f in flags if not r]
    return sum(risky) / len(risky), sum(ordinary) / len(ordinary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    scored = out_of_fold(training_examples(), args.seed)
    in_form = [(t, i == detector.INTENT, p) for t, i, p in scored if i in (detector.INTENT, "inform")]
    print(
        f"inside a form ({sum(r for _, r, _ in in_form)} risk, {sum(not r for _, r, _ in in_form)} inform examples),"
        f" model with a concern word at {detector.IN_FORM_THRESHOLD}:"
    )
    print("model alone at  recall  false alarms")
    for alone in ALONE:
        flags = [(risk, detector.decide(t, p, in_form=True, alone=alone)) for t, risk, p in in_form]
        recall, false_alarms = _rates(flags)
        print(f"{alone:>14}  {recall:.3f}   {false_alarms:.3f}")
    outside = [(t, i == detector.INTENT, p) for t, i, p in scored]
    print("outside a form (every intent), threshold  recall  false alarms")
    for threshold in OUTSIDE:
        recall, false_alarms = _rates(
            [(risk, detector.decide(t, p, in_form=False, outside=threshold)) for t, risk, p in outside]
        )
        print(f"{threshold:>40}  {recall:.3f}   {false_alarms:.3f}")


if __name__ == "__main__":
    main()
