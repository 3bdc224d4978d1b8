"""How the choice models' confidence should be used: 5-fold cross-validation on the training
paraphrases (data/choices) only, never on the held-out answers. For each cut-off it prints, per
question and overall, how many answers the model alone would take (coverage) and how many of those
it would read right (precision). bot/answers/reading.py sets SURE_AT where precision is at least
98% and CHECK_AT where what is left is mostly unclear. `python -m bot.answers.thresholds`."""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from typing import Dict, List, Tuple

from sklearn.model_selection import StratifiedKFold

from bot.answers.reading import UNCLEAR
from bot.config import PROJECT_ROOT
from bot.nlu.choice_reader import ChoiceReader, load_examples, ranking
from bot.nlu.linear_intent_classifier import text_model

CUT_OFFS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def predictions(pairs: List[Tuple[str, str]], seed: int) -> List[Tuple[str, str, float]]:
    """(expected, predicted, probability) for every example, predicted by a model not trained on it."""
    texts, codes = [t for t, _ in pairs], [c for _, c in pairs]
    out = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(texts, codes):
        model = text_model(ChoiceReader.get_default_config()["C"]).fit(
            [texts[i] for i in train], [codes[i] for i in train]
        )
        for i, row in zip(test, ranking(model, [texts[i] for i in test]), strict=False):
            out.append((codes[i], row[0][0], row[0][1]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    results: Dict[str, List[Tuple[str, str, float]]] = {
        question: predictions(pairs, args.seed)
        for question, pairs in load_examples(PROJECT_ROOT / "data" / "choices").items()
    }
    print("| question | cut-off | taken | right of taken | unclear taken as a choice |")
    print("| --- | --- | --- | --- | --- |")
    overall: Dict[float, Counter] = defaultdict(Counter)
    for question, rows in results.items():
        for cut in CUT_OFFS:
            taken = [(e, p) for e, p, prob in rows if prob >= cut and p != UNCLEAR]
            counts = Counter(
                taken=len(taken),
                right=sum(e == p for e, p in taken),
                unclear=sum(e == UNCLEAR for e, _ in taken),
                all=len(rows),
            )
            overall[cut].update(counts)
            print(_row(question, cut, counts))
    for cut, counts in sorted(overall.items()):
        print(_row("all", cut, counts))


def _row(question: str, cut: float, c: Counter) -> str:
    return (
        f"| {question} | {cut} | {c['taken'] / c['all']:.1%} | {c['right'] / max(c['taken'], 1):.1%} | {c['unclear']} |"
    )


if __name__ == "__main__":
    main()
