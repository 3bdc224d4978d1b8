"""The benchmark run: the stock `rasa init` bot, then ours, on this machine, one after the other.

Our servers run on their own ports and a fresh database of their own (SQLite, or PostgreSQL
with --postgres); the stock bot keeps its trackers in memory, as `rasa run` does by default.
Both are measured one user at a time and with COMPARED_USERS conversations at once; ours also
with MORE_USERS, and over long conversations."""

from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Dict, Iterator, List, Sequence

from bench import worst_message
from bench.conversation import (
    Timings,
    Turn,
    bench_people_csv,
    long_conversation,
    percentile,
    stock_conversation,
    whole_plan,
)
from bench.load import COMPARED_USERS, MORE_USERS, concurrent_users, latency_summary, one_user
from bench.measure import resident_mb, wait_for_first_reply
from bench.stack import Deployment, deployment_env, postgres_database, prepare_database
from bench.training import stock_model, stock_server, train_ours
from bot.launcher import Ports, Stack, latest_model

PORTS = Ports(actions=15455, rasa=15405, web=18480)
STOCK_PORT = 15406
LONG_TURNS = 100
#: more than the conversations of a full run (about 250 on 2 cores)
BENCH_PEOPLE = 1500
#: the stock bot answers as many messages per conversation as a whole plan has
TURNS_PER_PLAN = len(whole_plan("PB-0"))


@dataclass(frozen=True)
class Scope:
    """How much to measure: `full` for `make bench`, `quick` while developing."""

    train: bool
    one_user_conversations: int
    long_conversations: int
    load_seconds: float

    @classmethod
    def full(cls) -> "Scope":
        return cls(train=True, one_user_conversations=5, long_conversations=3, load_seconds=60)

    @classmethod
    def quick(cls) -> "Scope":
        return cls(train=False, one_user_conversations=2, long_conversations=1, load_seconds=15)


class People:
    """Bench people, each given to one conversation only: a person who comes back is shown
    their saved or sent plan, which would change the scripted conversation."""

    def __init__(self, references: List[str]) -> None:
        self._left = list(references)

    def next_plan(self) -> List[Turn]:
        """A whole plan for the next person."""
        (person,) = self.take(1)
        return whole_plan(person)

    def take(self, count: int) -> List[str]:
        taken, self._left = self._left[:count], self._left[count:]
        if len(taken) < count:
            raise ValueError("not enough bench people")
        return taken


def summarise(timings: Timings) -> Dict[str, Any]:
    return {**latency_summary(timings.seconds), "errors": len(timings.errors), "first_errors": timings.errors[:3]}


def stock_plan() -> List[Turn]:
    """A stock bot's conversation as long as one of our whole plans."""
    return stock_conversation(TURNS_PER_PLAN)


async def measure_stock(scope: Scope, log: IO[Any]) -> Dict[str, Any]:
    model, training_s = stock_model(log, retrain=scope.train)
    url = f"http://127.0.0.1:{STOCK_PORT}/webhooks/rest/webhook"
    started = time.perf_counter()
    server = stock_server(model, STOCK_PORT, log)
    try:
        ready_s = await wait_for_first_reply(url, started)
        await one_user(url, [stock_plan()], "warm-up")
        timings = await one_user(url, [stock_plan() for _ in range(scope.one_user_conversations)])
        load = await concurrent_users(url, COMPARED_USERS, stock_plan, scope.load_seconds)
        memory = resident_mb(server.pid)
    finally:
        Stack([server]).stop()
    return {
        "training_s": None if training_s is None else round(training_s, 1),
        "ready_s": round(ready_s, 1),
        "one_user": summarise(timings),
        "load": {f"users_{COMPARED_USERS}": load.summary()},
        "rasa_memory": memory,
    }


def median_ms(seconds: Sequence[float]) -> float:
    return round(percentile(seconds, 0.5) * 1000, 1)


async def turn_latencies(url: str, references: List[str]) -> Dict[str, Any]:
    """Median latency of turn 1 and of the last turn over long conversations, one at a time."""
    runs = [await one_user(url, [long_conversation(reference, LONG_TURNS)], "long") for reference in references]
    whole = [run for run in runs if len(run.seconds) == LONG_TURNS and not run.errors]
    return {
        "turns": LONG_TURNS,
        "conversations": len(references),
        "errors": sum(len(run.errors) for run in runs),
        "turn_1_median_ms": median_ms([run.seconds[0] for run in whole]),
        f"turn_{LONG_TURNS}_median_ms": median_ms([run.seconds[-1] for run in whole]),
        "turns_1_10_median_ms": median_ms([s for run in whole for s in run.seconds[:10]]),
        f"turns_{LONG_TURNS - 9}_{LONG_TURNS}_median_ms": median_ms([s for run in whole for s in run.seconds[-10:]]),
    }


@contextmanager
def bench_database(workdir: Path, postgres: bool) -> Iterator[str]:
    if postgres:
        with postgres_database() as url:
            yield url
    else:
        yield f"sqlite:///{workdir / 'bench.db'}"


async def measure_ours(workdir: Path, scope: Scope, postgres: bool, log: IO[Any]) -> Dict[str, Any]:
    if scope.train:
        model, training_s = train_ours(log)
    else:
        model, training_s = latest_model(), None
    people_csv = workdir / "people.csv"
    people = People(bench_people_csv(people_csv, BENCH_PEOPLE))
    with bench_database(workdir, postgres) as database_url:
        prepare_database(database_url, people_csv)
        deployment = Deployment(PORTS, deployment_env(database_url, PORTS), output=log, model=model)
        started = time.perf_counter()
        deployment.start()
        try:
            ready_s = await wait_for_first_reply(deployment.rest_url, started)
            (warm,) = people.take(1)
            await one_user(deployment.rest_url, [whole_plan(warm)], "warm-up")
            plans = [whole_plan(person) for person in people.take(scope.one_user_conversations)]
            timings = await one_user(deployment.rest_url, plans)
            long = await turn_latencies(deployment.rest_url, people.take(scope.long_conversations))
            loads = {}
            for users in (COMPARED_USERS, MORE_USERS):
                result = await concurrent_users(deployment.rest_url, users, people.next_plan, scope.load_seconds)
                loads[f"users_{users}"] = result.summary()
            memory = {
                "rasa_memory": resident_mb(deployment.rasa_server.pid),
                "action_memory": resident_mb(deployment.action_server.pid),
            }
        finally:
            deployment.stop()
    return {
        "training_s": None if training_s is None else round(training_s, 1),
        "ready_s": round(ready_s, 1),
        "one_user": summarise(timings),
        "long_conversation": long,
        "load": loads,
        **memory,
        "database": "postgresql" if postgres else "sqlite",
    }


async def run(scope: Scope, postgres: bool, log_path: Path) -> Dict[str, Any]:
    load_before = os.getloadavg()
    worst = worst_message.measure()  # first, on a quiet machine
    with tempfile.TemporaryDirectory(prefix="supportplan-bench-") as tmp, log_path.open("w") as log:
        workdir = Path(tmp)
        stock = await measure_stock(scope, log)
        ours = await measure_ours(workdir, scope, postgres, log)
    return {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "quick": not scope.train,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "ours": ours,
        "stock": stock,
        "worst_message": worst,
    }
