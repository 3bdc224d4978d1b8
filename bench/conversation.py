"""The conversations the benchmarks drive, and an aiohttp client that times each message.

A whole plan is typed as a person would, from greeting to submission. Each turn names a
fragment its reply must hold, so a benchmark never times a conversation that went astray."""

from __future__ import annotations

import csv
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

import aiohttp

from bot.budgets.importer import COLUMNS

#: (message, a fragment the reply must contain; "" when any reply will do)
Turn = Tuple[str, str]

BENCH_BIRTH_DATE = "1956-04-03"


def whole_plan(reference: str) -> List[Turn]:
    """A person with a £250 a week budget makes and submits a plan with two services."""
    return [
        ("Hi there", "Who is making this plan"),
        ("it's just me", "reference number"),
        (f"my reference is {reference}", "date of birth"),
        ("3rd April 1956", "important to you"),
        ("My garden, my cat Tilly and seeing my grandchildren", "written that down"),
        ("I want to get out to the shops on my own", "anything else"),
        ("to have a shower every morning without being scared of falling", "added"),
        ("no that's all", "What kind of support"),
        ("a personal assistant", "Tell me a little about it"),
        ("someone to help me get washed and dressed in the mornings", "hours a week"),
        ("an hour each morning", "each hour"),
        ("£15 an hour", "Which of your outcomes"),
        ("the shower one", "another"),
        ("yes please", "What kind of support"),
        ("a taxi to the shops on Saturdays", "How much will it cost"),
        ("£20 each time", "How many times a week"),
        ("once a week", "Which of your outcomes"),
        ("1", "another"),
        ("nope, that's everything", "managed"),
        ("a direct payment please", "Who should the money be paid to"),
        ("to me", "doesn't turn up"),
        ("My daughter Jane can come round, or I'd ring the agency", "information in another way"),
        ("no thanks, this is fine", "Is this right"),
        ("yes, send it", "SP-"),
    ]


#: questions about personal budgets, answered wherever the person is; the long conversation
#: asks them in turn while the "important to you" question stays open
QUESTIONS = (
    "what is a personal budget",
    "what is a support plan",
    "what is a direct payment",
)


def long_conversation(reference: str, turns: int) -> List[Turn]:
    """`turns` messages: a plan started, then questions about budgets, each one answered."""
    start = whole_plan(reference)[:4]
    questions = [(QUESTIONS[i % len(QUESTIONS)], "") for i in range(turns - len(start))]
    return start + questions


def stock_conversation(turns: int) -> List[Turn]:
    """The kind of conversation the `rasa init` bot is built for: greetings and moods."""
    script = [("hello", ""), ("I am feeling great", ""), ("hi there", ""), ("I am sad", ""), ("yes", ""), ("bye", "")]
    return [script[i % len(script)] for i in range(turns)]


def bench_people_csv(path: Path, count: int) -> List[str]:
    """Write `count` bench people (DESIGN §4 columns), each with £250 a week; their references."""
    references = [f"PB-9{i:05d}" for i in range(count)]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for reference in references:
            writer.writerow([reference, "Sam", "Bench", BENCH_BIRTH_DATE, "LS6 2AB", "", "250.00", "week"])
    return references


class ConversationError(RuntimeError):
    """A reply did not hold what the script expected, or the server answered with an error."""


@dataclass
class Timings:
    """Seconds per message, in the order sent, and the errors met."""

    seconds: List[float] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)


async def say(http: aiohttp.ClientSession, url: str, sender: str, message: str) -> Tuple[str, float]:
    """Send one message; its replies joined into one text, and the seconds it took."""
    started = time.perf_counter()
    async with http.post(url, json={"sender": sender, "message": message}) as response:
        if response.status != 200:
            raise ConversationError(f"HTTP {response.status}")
        replies = await response.json()
    elapsed = time.perf_counter() - started
    texts = [r.get("text") or "" for r in replies] + [
        b.get("title", "") for r in replies for b in r.get("buttons") or []
    ]
    return "\n".join(texts), elapsed


async def run_conversation(
    http: aiohttp.ClientSession,
    url: str,
    sender: str,
    turns: Sequence[Turn],
    timings: Optional[Timings] = None,
    deadline: Optional[float] = None,
) -> Timings:
    """Send every turn in order, checking each reply; stops at the first unexpected one, or
    when the `deadline` (a perf_counter reading) has passed."""
    timings = timings if timings is not None else Timings()
    for number, (message, expected) in enumerate(turns, start=1):
        if deadline is not None and time.perf_counter() >= deadline:
            break
        try:
            reply, seconds = await say(http, url, sender, message)
        except (aiohttp.ClientError, TimeoutError, ConversationError) as error:
            timings.errors.append(f"turn {number}: {type(error).__name__} {error}")
            return timings
        timings.seconds.append(seconds)
        if expected.lower() not in reply.lower():
            timings.errors.append(f"turn {number}: expected {expected!r}, got {reply[:200]!r}")
            return timings
    return timings


def percentile(values: Iterable[float], fraction: float) -> float:
    """The nearest-rank percentile (`fraction` 0.5 = median) of `values`."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]
