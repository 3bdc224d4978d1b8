"""Two Rasa servers and two action servers on one PostgreSQL database and one Redis share a
conversation: its messages go alternately, and two of them at once, to the two replicas.
Afterwards the stored events hold every message once, in order, each turn whole, and the plan
is whole."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, Iterator, List, Tuple

import pytest
from sqlalchemy import create_engine, text

from tests.support.chat import Chat
from tests.support.conversations import stored_events
from tests.support.deployment import Deployment, deployment_env, postgres_database, prepare_database, whole_plan
from tests.support.ports import REPLICAS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.environ.get("SUPPORTPLAN_SKIP_POSTGRES") == "1", reason="needs the local PostgreSQL"),
]

REDIS_URL = os.environ.get("SUPPORTPLAN_TEST_REDIS", "redis://127.0.0.1:6379/4")
PERSON = "PB-100234"
#: the two outcomes, sent at once to the two replicas
AT_ONCE = ("I want to get out to the shops on my own", "to have a shower every morning without being scared of falling")


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[str, List[Deployment]]]:
    with postgres_database("supportplan_replicas") as url:
        prepare_database(url)
        log = (tmp_path_factory.mktemp("replicas") / "servers.log").open("w")
        started: List[Deployment] = []
        try:
            for ports in REPLICAS:
                started.append(Deployment(ports, deployment_env(url, ports, redis_url=REDIS_URL), output=log).start())
            yield url, started
        finally:
            for deployment in started:
                deployment.stop()
            log.close()


def test_one_conversation_across_two_replicas(replicas: Tuple[str, List[Deployment]]) -> None:
    database_url, deployments = replicas
    chats = [Chat(d.ports.rasa) for d in deployments]
    chats[1].sender = chats[0].sender
    script = whole_plan(PERSON)
    first_outcome = next(i for i, (message, _) in enumerate(script) if message == AT_ONCE[0])
    before, after = script[:first_outcome], script[first_outcome + 2 :]
    sent: List[str] = []

    def say(turn: int, message: str, expected: str) -> None:
        reply = chats[turn % 2].say(message)
        sent.append(message)
        assert expected.lower() in reply.lower(), f"expected {expected!r} after {message!r}:\n{reply}"

    for turn, (message, expected) in enumerate(before):
        say(turn, message, expected)
    with ThreadPoolExecutor(max_workers=2) as pool:
        replies = list(pool.map(lambda pair: pair[0].say(pair[1]), zip(chats, AT_ONCE, strict=False)))
    assert all("added" in reply.lower() for reply in replies), replies
    for turn, (message, expected) in enumerate(after):
        say(turn, message, expected)

    events = stored_events(database_url, chats[0].sender)
    said = [e["text"] for e in events if e["event"] == "user"]
    assert len(said) == len(sent) + 2, "a message was lost or stored twice"
    at_once = said[first_outcome : first_outcome + 2]
    assert sorted(at_once) == sorted(AT_ONCE)
    assert said[:first_outcome] + said[first_outcome + 2 :] == sent, "messages were stored out of order"

    timestamps = [float(e["timestamp"]) for e in events]
    assert timestamps == sorted(timestamps), "events were stored out of order"
    assert len({json.dumps(e, sort_keys=True) for e in events}) == len(events), "an event was stored twice"
    user_positions = [i for i, e in enumerate(events) if e["event"] == "user"]
    for position in user_positions[1:]:
        previous = events[position - 1]
        assert (previous["event"], previous.get("name")) == ("action", "action_listen"), "two turns were interleaved"

    plan = deployments[1].plan(PERSON)
    assert plan["status"] == "submitted"
    outcomes = [o["text"].lower() for o in plan["outcomes"]]
    assert len(outcomes) == 2 and any("shops" in o for o in outcomes) and any("shower" in o for o in outcomes)
    assert [s["category"] for s in plan["services"]] == ["personal_assistant", "transport"]
    assert plan["total_weekly_cost"] == "125.00"
    assert plan["management"] == "direct_payment" and "Jane" in plan["contingency"]
