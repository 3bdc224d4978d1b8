"""The cost of the worst message a channel accepts (issue 18 item 3): MAX_MESSAGE_CHARS characters
of each nasty kind, through the figure parser's spaCy pipeline (`analyse`, cache cleared each
time) and through the NLU entity extractor the Rasa server runs on every message. In-process, no
servers: `python -m bench --worst-message` runs only this."""

from __future__ import annotations

import random
import statistics
import string
import time
from typing import Callable, Dict, List

from bot.channels.limits import MAX_MESSAGE_CHARS
from bot.nlu.figures import extract_entities
from bot.parsing.pipeline import analyse, get_nlp

#: how each kind of message repeats; each is cut to MAX_MESSAGE_CHARS characters
PATTERNS: Dict[str, str] = {
    "one symbol repeated": "!",
    "mixed punctuation": "!?.,;:",
    "pound signs": "£",
    "emoji": "\N{GRINNING FACE}\N{PARTY POPPER}",
    "digits and spaces": "1 ",
    "amounts": "£1 ",
    "letters and digits": "x1",
    "hyphenated letters": "a-",
    "number words": "one two ",
    "day names": "mon, ",
    "frequencies": "twice a week ",
    "dates": "3/4/1956 ",
    "one long word": "a",
}
RUNS = 5


def messages() -> Dict[str, str]:
    """Each nasty kind of message, MAX_MESSAGE_CHARS characters long, and random printable text."""
    made = {name: (unit * MAX_MESSAGE_CHARS)[:MAX_MESSAGE_CHARS] for name, unit in PATTERNS.items()}
    rng = random.Random(18)
    made["random printable"] = "".join(rng.choice(string.printable) for _ in range(MAX_MESSAGE_CHARS))
    return made


def _median_ms(work: Callable[[], object], runs: int) -> float:
    times: List[float] = []
    for _ in range(runs):
        analyse.cache_clear()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def measure(runs: int = RUNS) -> Dict[str, object]:
    """Median milliseconds per message kind through analyse() and extract_entities(), and the worst."""
    get_nlp()  # built once, as in a running server
    analysed = {name: _median_ms(lambda text=text: analyse(text), runs) for name, text in messages().items()}
    extracted = {name: _median_ms(lambda text=text: extract_entities(text), runs) for name, text in messages().items()}
    worst = max(analysed, key=analysed.__getitem__)
    return {
        "chars": MAX_MESSAGE_CHARS,
        "runs": runs,
        "analyse_ms": analysed,
        "extract_entities_ms": extracted,
        "worst": worst,
        "worst_analyse_ms": analysed[worst],
        "worst_extract_entities_ms": max(extracted.values()),
    }


def table(result: Dict[str, object]) -> str:
    """Markdown: each kind of message, its cost, and the worst."""
    analysed, extracted = result["analyse_ms"], result["extract_entities_ms"]
    assert isinstance(analysed, dict) and isinstance(extracted, dict)
    lines = [f"| Message of {result['chars']} characters | analyse() ms | extract_entities() ms |", "|---|---:|---:|"]
    lines += [f"| {name} | {analysed[name]} | {extracted[name]} |" for name in analysed]
    lines.append(
        f"\nWorst accepted message: {result['worst']}, {result['worst_analyse_ms']} ms through analyse() "
        f"(median of {result['runs']})."
    )
    return "\n".join(lines)
