"""Faults during a conversation: the action server killed mid-form, the Rasa server restarted,
PostgreSQL restarted. Each time the person is asked kindly to try again (never silence or an
error), and after recovery the conversation goes on with nothing recorded lost."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import requests

from bot.rasa_plugins.processor import PLEASE_TRY_AGAIN
from tests.support.chat import Chat, expect
from tests.support.deployment import Deployment
from tests.support.ports import FAULTS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.environ.get("SUPPORTPLAN_SKIP_POSTGRES") == "1", reason="needs the local PostgreSQL"),
]


def verified_chat(reference: str, birth_date: str) -> Chat:
    """A person who has said who is planning and proved who they are."""
    chat = Chat(FAULTS.rasa)
    expect(chat.say("Hi there"), "Who is making this plan")
    expect(chat.say("it's just me"), "reference number")
    expect(chat.say(f"my reference is {reference}"), "date of birth")
    expect(chat.say(birth_date), "important to you")
    return chat


def test_action_server_killed_mid_form(deployment: Deployment) -> None:
    chat = verified_chat("PB-100234", "3rd April 1956")
    expect(chat.say("My garden, my cat Tilly and seeing my grandchildren"), "written that down")
    expect(chat.say("I want to get out to the shops on my own"), "added")

    deployment.action_server.kill()
    deployment.action_server.wait(timeout=30)
    shower = "to have a shower every morning without being scared of falling"
    assert chat.say(shower) == PLEASE_TRY_AGAIN

    deployment.start_action_server()
    expect(chat.say(shower), "added")
    expect(chat.say("no that's all"), "What kind of support")

    assert deployment.output is not None
    deployment.output.flush()
    assert "shower" not in Path(deployment.output.name).read_text(), "a message was written to the logs"

    plan = deployment.plan("PB-100234")
    assert "grandchildren" in plan["important_to_me"]
    assert [o["id"] for o in plan["outcomes"]] == [1, 2]
    assert "shops" in plan["outcomes"][0]["text"] and "shower" in plan["outcomes"][1]["text"]


def test_rasa_server_restarted(deployment: Deployment) -> None:
    """Through the web chat page: its relay answers kindly while the Rasa server is down."""
    web = requests.Session()
    web.get(f"http://127.0.0.1:{FAULTS.web}/", timeout=30).raise_for_status()

    def say(text: str) -> str:
        response = web.post(f"http://127.0.0.1:{FAULTS.web}/api/messages", json={"message": text}, timeout=90)
        response.raise_for_status()
        return "\n".join(m.get("text") or "" for m in response.json())

    expect(say("Hi there"), "Who is making this plan")
    expect(say("it's just me"), "reference number")
    deployment.stop_rasa_server()
    expect(say("my reference is PB-100235"), "try again", "Nothing you told me has been lost")
    deployment.start_rasa_server()
    expect(say("my reference is PB-100235"), "date of birth")
    expect(say("21 November 1948"), "Priya", "important to you")


def pg_ctlcluster(command: str) -> None:
    (version,) = [p.name for p in Path("/etc/postgresql").iterdir()]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", command], check=True, timeout=120)


@pytest.mark.skipif(
    shutil.which("pg_ctlcluster") is None or os.geteuid() != 0,
    reason="restarts the local PostgreSQL cluster (root, pg_ctlcluster)",
)
def test_postgresql_restarted(deployment: Deployment) -> None:
    """One quick stop and start of the local cluster (other test runs use it too)."""
    chat = verified_chat("PB-100236", "14th February 1972")
    expect(chat.say("Playing the guitar and my dog Bess"), "written that down")
    pg_ctlcluster("stop")
    try:
        reply = chat.say("I want to go to the football on Saturdays")
    finally:
        pg_ctlcluster("start")
    assert reply == PLEASE_TRY_AGAIN
    expect(chat.say("I want to go to the football on Saturdays"), "added")
    expect(chat.say("no that's all"), "What kind of support")

    plan = deployment.plan("PB-100236")
    assert "guitar" in plan["important_to_me"]
    (outcome,) = plan["outcomes"]
    assert "football" in outcome["text"]
