"""A person reference inside a sentence: letters and digits, perhaps with spaces or hyphens
('pb-100234', 'PB 100 234', '100234'); never a date or an amount of money."""
from __future__ import annotations

import re
from typing import Optional

_CANDIDATE = re.compile(r"(?<![\w£/.])([A-Za-z]{1,5}[\s-]?)?(\d[\d\s-]{2,16}\d)(?![\w/.])")
#: ordinary words that can stand just before the number ('it is 100234'), never a prefix
_NOT_A_PREFIX = {"is", "its", "it", "my", "ref", "no", "the", "was", "a", "num", "nr", "no.", "and", "number", "be", "me", "id"}


def extract_reference(text: str) -> Optional[str]:
    for match in _CANDIDATE.finditer(text or ""):
        prefix = (match.group(1) or "").strip(" -")
        candidate = match.group(2) if prefix.lower() in _NOT_A_PREFIX else match.group(0).strip(" -")
        digits = re.sub(r"\D", "", candidate)
        if 5 <= len(re.sub(r"[\s-]", "", candidate)) <= 20 and len(digits) >= 4:
            return candidate
    return None
