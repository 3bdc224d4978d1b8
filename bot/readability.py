"""Plain English, measured: the Flesch reading ease of every bot response, and the longest run
of words without a break. Used by tests/test_readability.py (and printable for the README)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List

import textstat
import yaml

MIN_READING_EASE = 60.0
MAX_WORDS_WITHOUT_BREAK = 60


@dataclass(frozen=True)
class ResponseText:
    name: str
    text: str

    @property
    def plain(self) -> str:
        """The text as read, with {placeholders} left out."""
        return re.sub(r"\{[^}]*\}", "", self.text)

    @property
    def reading_ease(self) -> float:
        return float(textstat.flesch_reading_ease(self.plain))

    @property
    def longest_run(self) -> int:
        return max((len(part.split()) for part in re.split(r"[.!?\n]", self.plain)), default=0)


def responses(domain_dir: Path) -> Iterator[ResponseText]:
    """Every text, and every button title, of every response in the domain files."""
    for path in sorted(domain_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (data.get("responses") or {}).items():
            for variation in variations:
                if variation.get("text"):
                    yield ResponseText(name, variation["text"])


def too_hard(texts: List[ResponseText]) -> List[str]:
    return [
        f"{r.name}: reading ease {r.reading_ease:.0f}, longest run {r.longest_run} words: {r.text}"
        for r in texts
        if r.reading_ease < MIN_READING_EASE or r.longest_run > MAX_WORDS_WITHOUT_BREAK
    ]
