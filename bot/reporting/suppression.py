"""Small-number suppression, the usual rule for published social-care statistics.

- A count of 1 to 4 is shown as "fewer than 5". A count of 0 is shown as 0: nobody can be
  picked out of an empty group.
- A figure worked out from a group of 1 to 4 (its spend, its share, a median) is "not shown".
- In a breakdown whose parts add up to a whole (plans by status, by management option, by
  channel), hiding a single part would let it be worked out from the others, so the next
  smallest part is hidden too."""

from __future__ import annotations

from typing import Dict, Set, Union

THRESHOLD = 5
FEWER_THAN_5 = "fewer than 5"
NOT_SHOWN = "not shown"

Shown = Union[int, str]


def is_small(count: int) -> bool:
    """Whether a group of `count` is too small to publish (1 to 4)."""
    return 0 < count < THRESHOLD


def hidden_parts(counts: Dict[str, int]) -> Set[str]:
    """The parts of a breakdown to hide: the small ones, plus the next smallest non-zero part
    when exactly one would be hidden (so it cannot be worked out by subtraction)."""
    hidden = {key for key, count in counts.items() if is_small(count)}
    if len(hidden) == 1:
        others = sorted((count, key) for key, count in counts.items() if count and key not in hidden)
        if others:
            hidden.add(others[0][1])
    return hidden


def shown_count(count: int, hide: bool = False) -> Shown:
    """A count as published: the number, or "fewer than 5" for a small group ("not shown" when
    a larger one is hidden). 0 is always shown."""
    if count == 0:
        return 0
    if hide and count >= THRESHOLD:
        return NOT_SHOWN
    return FEWER_THAN_5 if hide or is_small(count) else count


def shown_figure(figure: str, group_size: int, hide: bool = False) -> str:
    """A figure worked out from a group: itself, or "not shown" when the group is small or hidden."""
    return NOT_SHOWN if hide or is_small(group_size) else figure
