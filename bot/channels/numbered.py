"""Buttons as numbered choices for a phone without buttons, and the reply that picks one.

"Reply 1 for I am, for myself" is added under the message; a reply of "1", " 2 ", "two",
"option 2", "the second one" or the option's own words (its title or payload) picks that
button, and the button's payload is what the assistant receives. Anything else is passed on as
typed."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Sequence

from bot.parsing.numbers import ORDINAL_WORDS, TEENS, UNITS

Choice = Dict[str, str]  # {"title": …, "payload": …}


def choices_of(buttons: Sequence[Mapping[str, Any]]) -> List[Choice]:
    """The title and payload of each button (a payload defaults to the title)."""
    found = []
    for button in buttons:
        title = str(button.get("title") or "").strip()
        payload = str(button.get("payload") or title).strip()
        if title or payload:
            found.append({"title": title or payload, "payload": payload})
    return found


def numbered_text(text: str, choices: Sequence[Choice], first: int = 1) -> str:
    """The message with one "Reply N for …" line per choice, numbered from `first`."""
    lines = [f"Reply {number} for {choice['title']}" for number, choice in enumerate(choices, start=first)]
    return "\n".join(part for part in (text.strip(), *lines) if part)


def shown_choices(choices: Sequence[Choice], held_back: Optional[str]) -> List[Choice]:
    """The choices whose "Reply N for" line the person has seen: while part of a long reply is
    held back for MORE, a number cannot pick a choice that is still in that part."""
    return [c for n, c in enumerate(choices, start=1) if not held_back or f"Reply {n} for" not in held_back]


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def chosen_payload(reply: str, choices: Sequence[Choice]) -> Optional[str]:
    """The payload of the choice this reply picks, or None when it picks none of them.

    A number picks by position. Words pick a choice only when they are the whole title or
    payload, so an answer that merely mentions an option is passed on as the person wrote it."""
    if not choices:
        return None
    said = _words(reply)
    if not said:
        return None
    for choice in choices:
        if said in (_words(choice["title"]), _words(choice["payload"])):
            return choice["payload"]
    number = option_number(said)
    return choices[number - 1]["payload"] if number and number <= len(choices) else None


_OPTION = re.compile(
    r"^(?:i(?: ll| will)? (?:pick|choose|take|want) )?(?:the )?(?:option |number |no |choice )?"
    r"([a-z]+|\d{1,2})(?: one| option| choice)?(?: please| thanks| thank you)?$"
)


def option_number(said: str) -> Optional[int]:
    """'2', 'two', 'option 2', 'the second one' → 2; anything else (even '2 cats') → None."""
    match = _OPTION.match(said)
    if not match:
        return None
    word = match.group(1)
    if word.isdigit():
        return int(word)
    return ORDINAL_WORDS.get(word) or UNITS.get(word) or TEENS.get(word)
