"""Drive conversations against a REST webhook: one user at a time, or many at once."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass
from typing import Callable, Dict, List, Sequence

import aiohttp

from bench.conversation import Timings, Turn, percentile, run_conversation

#: conversations at once for both bots (the throughput ratio), and for ours alone
COMPARED_USERS, MORE_USERS = 20, 50
#: a client timeout well above any target, so a slow reply is measured rather than lost
CLIENT_TIMEOUT = aiohttp.ClientTimeout(total=120)


def latency_summary(seconds: Sequence[float]) -> Dict[str, float]:
    """p50/p95/p99 in milliseconds, and how many messages they summarise."""
    return {
        "messages": len(seconds),
        "p50_ms": round(percentile(seconds, 0.50) * 1000, 1),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 1),
        "p99_ms": round(percentile(seconds, 0.99) * 1000, 1),
    }


def new_sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


async def one_user(url: str, conversations: Sequence[Sequence[Turn]], prefix: str = "bench") -> Timings:
    """Each conversation in turn, each with a new sender id; every message timed."""
    timings = Timings()
    async with aiohttp.ClientSession(timeout=CLIENT_TIMEOUT) as http:
        for turns in conversations:
            await run_conversation(http, url, new_sender(prefix), turns, timings)
    return timings


@dataclass
class LoadResult:
    users: int
    seconds: float
    timings: Timings

    def summary(self) -> Dict[str, object]:
        messages = len(self.timings.seconds)
        return {
            "users": self.users,
            "duration_s": round(self.seconds, 1),
            "throughput_msg_s": round(messages / self.seconds, 2) if self.seconds else 0.0,
            **latency_summary(self.timings.seconds),
            "errors": len(self.timings.errors),
            "first_errors": self.timings.errors[:3],
        }


async def concurrent_users(url: str, users: int, script: Callable[[], List[Turn]], duration: float) -> LoadResult:
    """`users` workers, each holding one conversation after another (`script()` gives the next
    one, with a new sender id each time) until `duration` seconds have passed; a conversation
    under way when time is up ends early. A worker whose conversation goes astray stops."""
    shared = Timings()
    started = time.perf_counter()
    deadline = started + duration

    async def worker(http: aiohttp.ClientSession) -> None:
        while time.perf_counter() < deadline:
            errors_before = len(shared.errors)
            await run_conversation(http, url, new_sender("load"), script(), shared, deadline)
            if len(shared.errors) > errors_before:
                return

    connector = aiohttp.TCPConnector(limit=users)
    async with aiohttp.ClientSession(timeout=CLIENT_TIMEOUT, connector=connector) as http:
        await asyncio.gather(*(worker(http) for _ in range(users)))
    return LoadResult(users, time.perf_counter() - started, shared)
