"""Splitting a reply into SMS segments (GSM-7: 160 characters, UCS-2: 70) without cutting a word.

Each segment is sent as its own message, so a phone that cannot join long messages still shows
whole words. A segment uses GSM-7 when every character is in the GSM 03.38 alphabet (the
extension characters such as € count twice), otherwise UCS-2, counted in UTF-16 units (an emoji
counts twice). Words, and so money figures like £1,250.50, are never cut; only a single "word"
longer than a whole segment is. At most `max_segments` are sent: the last then ends with
MORE_PROMPT and the rest is returned to be sent when the person replies MORE."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")
GSM_LIMIT = 160
UCS2_LIMIT = 70
MAX_SEGMENTS = 3
MORE_PROMPT = "Reply MORE for the rest."

#: typographic characters that have a plain GSM-7 equivalent (as Twilio's "smart encoding" does)
_PLAIN = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "−": "-",
        "‐": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
        "…": "...",
        "•": "-",
    }
)
_TOKENS = re.compile(r"(\s*)(\S+)")
_SENTENCE_END = re.compile(r"[.?!]$")
#: a segment may end early at a line or sentence end if it is then at least this full
SENTENCE_BREAK_SHARE = 0.6

Token = Tuple[str, str]  # (the spacing before the word, the word)


def plain(text: str) -> str:
    """Curly quotes, dashes and special spaces replaced by their GSM-7 equivalents."""
    return text.translate(_PLAIN)


def is_gsm(text: str) -> bool:
    return all(c in GSM_BASIC or c in GSM_EXTENDED for c in text)


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cost(text: str) -> Tuple[int, int]:
    """(characters as the network counts them, the limit of one segment) for this text."""
    if is_gsm(text):
        return sum(2 if c in GSM_EXTENDED else 1 for c in text), GSM_LIMIT
    return utf16_units(text), UCS2_LIMIT


def fits(text: str) -> bool:
    used, limit = cost(text)
    return used <= limit


@dataclass(frozen=True)
class Split:
    """The segments to send now, and what is kept for MORE (None when everything was sent)."""

    segments: List[str]
    rest: Optional[str] = None


def _tokens(text: str) -> List[Token]:
    return [(m.group(1), m.group(2)) for m in _TOKENS.finditer(text)]


def _join(tokens: Sequence[Token]) -> str:
    return "".join(space + word for space, word in tokens).strip()


def _hard_cut(word: str, suffix: str) -> Tuple[str, str]:
    """The longest head of a too-long word that fits one segment (with `suffix`), and the tail."""
    end = len(word)
    while end > 1 and not fits(word[:end] + suffix):
        end -= 1
    return word[:end], word[end:]


def _pack(tokens: List[Token], suffix: str = "") -> Tuple[str, List[Token]]:
    """One segment of whole words from the front of `tokens` (ending with `suffix`, which must
    fit too), and the tokens left over. It ends at a line end, or else a sentence end, when one
    falls in the last part of the segment, so fewer lines run from one text into the next."""
    text = ""
    breaks: Dict[str, Tuple[str, int]] = {}
    for index, (space, word) in enumerate(tokens):
        if text and "\n" in space:
            breaks["line"] = (text, index)
        elif text and _SENTENCE_END.search(text):
            breaks["sentence"] = (text, index)
        candidate = f"{text}{space}{word}" if text else word
        if fits(candidate + suffix):
            text = candidate
            continue
        for kind in ("line", "sentence"):
            if kind in breaks and len(breaks[kind][0]) >= SENTENCE_BREAK_SHARE * len(text):
                head, rest = breaks[kind]
                return head + suffix, tokens[rest:]
        if text:
            return text + suffix, tokens[index:]
        head, tail = _hard_cut(word, suffix)
        return head + suffix, [("", tail)] + tokens[index + 1 :]
    return text + suffix, []


def split(text: str, max_segments: int = MAX_SEGMENTS) -> Split:
    """`text` as at most `max_segments` segments, whole words only, and the rest for MORE."""
    tokens = _tokens(plain(text))
    segments: List[str] = []
    while tokens:
        segment, left = _pack(tokens)
        if left and len(segments) == max_segments - 1:
            segment, left = _pack(tokens, suffix="\n" + MORE_PROMPT)
            segments.append(segment)
            return Split(segments, _join(left))
        segments.append(segment)
        tokens = left
    return Split(segments)
