"""Text tidied before spaCy sees it, so one message cannot cost seconds of parsing.

spaCy's tokenizer strips punctuation from a word one character at a time, searching the rest of
the word again each time: a 4,000-character run of '!' took about 3 seconds. No figure is said
with such runs, so they are cut short. The cut characters become spaces, so every character
keeps its place: the offsets of what the parsers find still point into the person's own text.
"""

from __future__ import annotations

import re
from typing import Callable

#: a run of one character that is not a letter or digit may be this long
MAX_SAME_SYMBOL = 3
#: a run of mixed symbols (not letters, digits or spaces) may be this long
MAX_MIXED_SYMBOLS = 8

_SAME_SYMBOL_RUN = re.compile(r"(\W|_)\1{%d,}" % MAX_SAME_SYMBOL)
_MIXED_SYMBOL_RUN = re.compile(r"(?:[^\w\s]|_){%d,}" % (MAX_MIXED_SYMBOLS + 1))


def _keep(length: int) -> Callable[[re.Match[str]], str]:
    """A replacement that keeps the first `length` characters of a run and blanks the rest."""

    def cut(match: re.Match[str]) -> str:
        run = match.group(0)
        return run[:length] + " " * (len(run) - length)

    return cut


def collapse_runs(text: str) -> str:
    """`text` with each run of more than 3 of the same non-alphanumeric character cut to 3, and
    each run of more than 8 mixed symbols cut to 8; the cut characters become spaces. Letters,
    digits and ordinary punctuation are untouched. Linear in the length of `text`."""
    text = _SAME_SYMBOL_RUN.sub(_keep(MAX_SAME_SYMBOL), text)
    return _MIXED_SYMBOL_RUN.sub(_keep(MAX_MIXED_SYMBOLS), text)


__all__ = ["MAX_MIXED_SYMBOLS", "MAX_SAME_SYMBOL", "collapse_runs"]
