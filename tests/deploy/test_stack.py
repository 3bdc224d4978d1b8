"""The images run as a council would run them (tests/deploy/stack.py): a whole plan over the web
relay and one over signed SMS, both through the TLS proxy, each exported with `supportplan
export-plan` from the image; then one Rasa replica is killed mid-conversation and the
conversation carries on through the other with nothing lost. Run by `make test-deploy` only."""

from __future__ import annotations

import asyncio
import os
import subprocess
from typing import Any, Dict, Iterator, List

import aio_pika
import pytest
import requests

from tests.deploy.stack import LOOPBACK, PROXY_HTTP, RABBITMQ_URL, REPLICA_PORTS, PodmanStack, podman_stack
from tests.sms import test_sms_plan as sms_plan
from tests.support.chat import Chat, expect
from tests.support.conversations import stored_events
from tests.support.deployment import whole_plan
from tests.support.sms import Phone

pytestmark = [
    pytest.mark.deploy_stack,
    pytest.mark.skipif(os.environ.get("SUPPORTPLAN_SKIP_POSTGRES") == "1", reason="needs the local PostgreSQL"),
]

#: bench people (born 3 April 1956, £250 a week, as whole_plan's script expects): one by the web
#: relay, one by REST while a replica is killed; the SMS plan is Sam's (PB-100234, his phone)
WEB_PERSON, REST_PERSON = "PB-900000", "PB-900001"
#: what the whole_plan script puts in the plan, and no server may write to its log
PRIVATE_TEXT = ("Tilly", "grandchildren")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PodmanStack]:
    with podman_stack(tmp_path_factory.mktemp("stack"), people=2) as running:
        print(f"\nstack answering {running.start_seconds:.0f} s after its first container started")
        with pytest.MonkeyPatch.context() as patch:
            # Chat and Phone trust the proxy's own certificate
            patch.setenv("REQUESTS_CA_BUNDLE", str(running.certificate))
            yield running
        delete_event_queue(running.event_queue)


class WebChat(Chat):
    """A browser on the chat page behind the proxy: its cookie, and its messages to /api/messages."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.browser = requests.Session()
        self.url = f"{base_url}/api/messages"
        self.page = self.browser.get(f"{base_url}/", timeout=30)

    def say(self, text: str) -> str:
        response = self.browser.post(self.url, json={"message": text}, timeout=120)
        response.raise_for_status()
        parts: List[str] = []
        for message in response.json():
            parts += [message.get("text") or ""] + [b["title"] for b in message.get("buttons") or []]
        return "\n".join(parts)


def assert_whole_plan(plan: Dict[str, Any], last_reply: str) -> None:
    """What whole_plan's script agreed, as exported."""
    assert plan["status"] == "submitted" and plan["plan_reference"] in last_reply
    assert "Tilly" in plan["important_to_me"]
    outcomes = [o["text"].lower() for o in plan["outcomes"]]
    assert len(outcomes) == 2 and "shops" in outcomes[0] and "shower" in outcomes[1]
    assert [s["category"] for s in plan["services"]] == ["personal_assistant", "transport"]
    assert plan["total_weekly_cost"] == "125.00"
    assert plan["management"] == "direct_payment" and "Jane" in plan["contingency"]


def test_a_whole_plan_over_the_web_relay_through_the_tls_proxy(stack: PodmanStack) -> None:
    browser = WebChat(stack.https_url)
    assert browser.page.status_code == 200
    # X-Forwarded-Proto from the proxy is believed: the web app marks its cookie for https only
    assert "secure" in browser.page.headers["Set-Cookie"].lower()
    assert requests.get(f"http://{LOOPBACK}:{PROXY_HTTP}/", allow_redirects=False, timeout=10).status_code == 301
    # the chat page's private channel is not public
    assert requests.post(f"{stack.https_url}/webhooks/web/webhook", json={}, timeout=10).status_code == 404

    reply = ""
    for message, expected in whole_plan(WEB_PERSON):
        reply = browser.say(message)
        expect(reply, expected)
    assert_whole_plan(stack.export_plan(WEB_PERSON), reply)
    # the web app relayed through the proxy's internal port, which spread the turns over both replicas
    assert set(replica_addresses()) <= set(stack.upstreams("/webhooks/web/webhook"))


def replica_addresses() -> List[str]:
    """The two Rasa servers' addresses, as the proxy names them."""
    return [f"{LOOPBACK}:{ports.rasa}" for ports in REPLICA_PORTS]


class ProxiedPhone(Phone):
    """A phone whose provider delivers to the TLS proxy."""

    base_url = ""

    def __init__(self, number: str) -> None:
        super().__init__(number)
        self.url = f"{self.base_url}/webhooks/sms/webhook"


class ExportFromImage:
    """What tests/sms/test_sms_plan.py exports with (`running.servers.cli`), run from the image."""

    def __init__(self, stack: PodmanStack) -> None:
        self.servers = self
        self.stack = stack

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.CompletedProcess(args, 0, stdout=self.stack.run_once("supportplan", *args), stderr="")


def test_a_whole_plan_by_signed_sms_through_the_tls_proxy(stack: PodmanStack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ProxiedPhone, "base_url", stack.https_url)
    unsigned = ProxiedPhone("+447700900999").post("hello", signature=None)
    assert unsigned.status_code == 403
    # tests/sms's whole plan by text, word for word, its export checks included
    monkeypatch.setattr(sms_plan, "Phone", ProxiedPhone)
    sms_plan.test_a_whole_plan_by_text_message(ExportFromImage(stack))  # type: ignore[arg-type]


def test_a_rasa_replica_killed_mid_conversation_loses_nothing(stack: PodmanStack) -> None:
    chat = Chat()
    chat.url = f"{stack.https_url}/webhooks/rest/webhook"
    script = whole_plan(REST_PERSON)
    half = len(script) // 2
    reply = ""
    first, second = replica_addresses()
    path = "/webhooks/rest/webhook"
    for message, expected in script[:half]:
        expect(chat.say(message), expected)
    before = stack.upstreams(path)
    assert {first, second} <= set(before), "the conversation was not spread over both replicas"
    stack.kill("rasa-1")
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://{first}/", timeout=5)
    for message, expected in script[half:]:
        reply = chat.say(message)
        expect(reply, expected)
    after = stack.upstreams(path)[len(before) :]
    assert len(after) == len(script) - half and all(u.endswith(second) for u in after), after

    events = stored_events(stack.database_url, chat.sender)
    said = [e["text"] for e in events if e["event"] == "user"]
    assert said == [message for message, _ in script], "a message was lost, stored twice or out of order"
    timestamps = [float(e["timestamp"]) for e in events]
    assert timestamps == sorted(timestamps), "events were stored out of order"
    assert_whole_plan(stack.export_plan(REST_PERSON), reply)


def test_events_reached_rabbitmq_and_no_message_text_reached_a_log(stack: PodmanStack) -> None:
    assert queued_events(stack.event_queue) > 0
    for role in ("rasa-1", "rasa-2", "actions-1", "actions-2", "web"):
        log = stack.logs(role)
        assert not [text for text in PRIVATE_TEXT if text in log], f"{role} wrote a message to its log"


def queued_events(queue: str) -> int:
    async def count() -> int:
        connection = await aio_pika.connect_robust(RABBITMQ_URL)
        try:
            declared = await (await connection.channel()).declare_queue(queue, passive=True)
            return int(declared.declaration_result.message_count or 0)
        finally:
            await connection.close()

    return asyncio.run(count())


def delete_event_queue(queue: str) -> None:
    async def delete() -> None:
        connection = await aio_pika.connect_robust(RABBITMQ_URL)
        try:
            await (await connection.channel()).queue_delete(queue)
        finally:
            await connection.close()

    asyncio.run(delete())
