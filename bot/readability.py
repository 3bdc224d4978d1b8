"""Plain English, measured: the Flesch reading ease of every bot response, and the longest run of
words without a break.

What is scored: every variation of every response in every domain/*.yml file, as the person sees
it: the `text`, then each button title as a line of its own. {placeholders} are left out, and a
line break counts as the end of a sentence. A variation with no words left (only placeholders)
is not scored. Scores come from textstat.flesch_reading_ease (textstat's English settings).

Used by tests/test_readability.py, and importable by a bench script or the README:

    >>> from bot.readability import summary
    >>> summary()["min"], summary()["mean"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any, Dict, Iterator, List, Optional

import textstat
import yaml

MIN_READING_EASE = 60.0
MAX_WORDS_WITHOUT_BREAK = 60

DOMAIN_DIR = Path(__file__).resolve().parent.parent / "domain"

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_BREAK = re.compile(r"[.!?\n]")
_LINE_END = re.compile(r"[.!?]\s*$")


def plain(text: str) -> str:
    """The text as read: placeholders removed, spaces tidied, each line ending as a sentence."""
    lines = []
    for line in _PLACEHOLDER.sub("", text or "").splitlines():
        line = re.sub(r"[ \t]+", " ", line).strip(" -*•\t")
        if not line:
            continue
        lines.append(line if _LINE_END.search(line) else line + ".")
    return " ".join(lines)


def reading_ease(text: str) -> float:
    """Flesch reading ease of the text as read (higher is easier; 60-70 is plain English)."""
    return float(textstat.flesch_reading_ease(plain(text)))


def longest_run(text: str) -> int:
    """The most words between two breaks (. ! ? or a new line), placeholders left out."""
    stripped = _PLACEHOLDER.sub("", text or "")
    return max((len(part.split()) for part in _BREAK.split(stripped)), default=0)


@dataclass(frozen=True)
class ResponseText:
    """One variation of one response, as the person sees it."""

    source: str  # the domain file it came from
    name: str  # the response name, e.g. utter_faq/reviews
    text: str  # the text followed by each button title on its own line

    @property
    def words(self) -> int:
        return len(plain(self.text).split())

    @property
    def reading_ease(self) -> float:
        return reading_ease(self.text)

    @property
    def longest_run(self) -> int:
        return longest_run(self.text)

    @property
    def problems(self) -> List[str]:
        found = []
        if self.reading_ease < MIN_READING_EASE:
            found.append(f"reading ease {self.reading_ease:.1f} < {MIN_READING_EASE:.0f}")
        if self.longest_run > MAX_WORDS_WITHOUT_BREAK:
            found.append(f"{self.longest_run} words without a break (> {MAX_WORDS_WITHOUT_BREAK})")
        return found


def _variation_text(variation: Any) -> str:
    if not isinstance(variation, dict):
        return ""
    parts = [str(variation.get("text") or "")]
    for button in variation.get("buttons") or []:
        if isinstance(button, dict) and button.get("title"):
            parts.append(str(button["title"]))
    return "\n".join(p for p in parts if p.strip())


def responses(domain_dir: Optional[Path] = None) -> Iterator[ResponseText]:
    """Every variation (text and button titles) of every response in every domain/*.yml file.
    Variations with no words to read (only placeholders, images or custom payloads) are left out."""
    domain_dir = Path(domain_dir or DOMAIN_DIR)
    paths = sorted(domain_dir.glob("*.yml")) + sorted(domain_dir.glob("*.yaml"))
    if domain_dir.with_suffix(".yml").is_file():  # a single domain.yml next to domain/
        paths.append(domain_dir.with_suffix(".yml"))
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (data.get("responses") or {}).items():
            for variation in variations or []:
                text = _variation_text(variation)
                item = ResponseText(path.name, str(name), text)
                if item.words:
                    yield item


def too_hard(texts: List[ResponseText]) -> List[str]:
    """One line for each response that is not plain enough, saying why."""
    return [f"{t.source} {t.name}: {'; '.join(t.problems)}: {t.text!r}" for t in texts if t.problems]


def summary(domain_dir: Optional[Path] = None) -> Dict[str, Any]:
    """The figures for the README and the bench: how many responses, the lowest and the mean
    Flesch reading ease, the longest run of words, and which responses fail."""
    texts = list(responses(domain_dir))
    scores = [t.reading_ease for t in texts]
    return {
        "responses": len(texts),
        "min": round(min(scores), 1) if scores else None,
        "mean": round(mean(scores), 1) if scores else None,
        "lowest": min(texts, key=lambda t: t.reading_ease).name if texts else None,
        "longest_run": max((t.longest_run for t in texts), default=0),
        "failing": too_hard(texts),
    }


if __name__ == "__main__":  # python -m bot.readability
    figures = summary()
    print(
        f"{figures['responses']} responses: Flesch reading ease min {figures['min']} "
        f"({figures['lowest']}), mean {figures['mean']}; longest run {figures['longest_run']} words"
    )
    for line in figures["failing"]:
        print("  " + line)
