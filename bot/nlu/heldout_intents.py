"""How the trained model hears one intent on a held-out file of messages written apart.

`python -m bot.nlu.heldout_intents FILE.csv` reads `message,expected`, where `expected` is an intent
name or `other` (a message that must not be read as any intent named in the file), parses each
message with the newest model (fallback included, as the bot would) and prints, per intent, how
many of its messages were heard as it (recall) and how many `other` messages were wrongly heard as
it (false starts). Nothing here is tuned on: it only measures.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import logging
from collections import Counter
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Sequence, Tuple

OTHER = "other"


def read_messages(path: Path) -> List[Tuple[str, str]]:
    """(message, expected) pairs from a `message,expected` CSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["message"], row["expected"].strip()) for row in csv.DictReader(handle)]


async def heard(parse: Callable[[str], Awaitable[Dict[str, Any]]], messages: Sequence[Tuple[str, str]]) -> List[str]:
    """The intent the model heard for each message."""
    return [(await parse(text))["intent"]["name"] for text, _ in messages]


def figures(messages: Sequence[Tuple[str, str]], predicted: Sequence[str]) -> List[str]:
    """A line per intent in the file: recall on its messages, false starts on the `other` ones."""
    expected = [label for _, label in messages]
    others = [guess for label, guess in zip(expected, predicted, strict=True) if label == OTHER]
    lines = []
    for intent in sorted(set(expected) - {OTHER}):
        guesses = [guess for label, guess in zip(expected, predicted, strict=True) if label == intent]
        hits = sum(guess == intent for guess in guesses)
        false_starts = sum(guess == intent for guess in others)
        lines.append(
            f"{intent}: heard {hits} of {len(guesses)} ({hits / len(guesses):.1%}); "
            f"other messages heard as it: {false_starts} of {len(others)} ({false_starts / max(len(others), 1):.1%})"
        )
    return lines


def misses(messages: Sequence[Tuple[str, str]], predicted: Sequence[str]) -> List[str]:
    """Each message heard wrongly, with what was heard instead."""
    counted = {label for _, label in messages} - {OTHER}
    return [
        f"  {label:>14} <- {guess}: {text}"
        for (text, label), guess in zip(messages, predicted, strict=True)
        if (label in counted and guess != label) or (label == OTHER and guess in counted)
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("messages", type=Path, help="a message,expected CSV file")
    parser.add_argument("--show-wrong", action="store_true", help="list each message heard wrongly")
    args = parser.parse_args(argv)
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    from bot.launcher import latest_model

    logging.basicConfig(level=logging.WARNING)
    configure_structlog(logging.WARNING)
    messages = read_messages(args.messages)
    predicted = asyncio.run(heard(Agent.load(latest_model()).parse_message, messages))
    print("\n".join(figures(messages, predicted)))
    print(f"intents heard: {dict(Counter(predicted).most_common())}")
    if args.show_wrong:
        print("\n".join(misses(messages, predicted)))


if __name__ == "__main__":
    main()
