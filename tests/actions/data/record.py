"""Records the payloads the Rasa server POSTs to the action server's /webhook during a short
conversation with the real servers (started as tests/e2e starts them), through a small proxy in
front of the action server, and writes the ones named in KEEP to this folder.

    SUPPORTPLAN_TEST_PORT_OFFSET=... PYTHONPATH=$PWD .venv/bin/python tests/actions/data/record.py

The demo person is fictional; the conversation id and client key are replaced, and the domain
(the tests load the project's own) is left out."""

from __future__ import annotations

import json
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, List

import requests

from tests.support.chat import Chat
from tests.support.ports import RECORDING, local_url
from tests.support.servers import launch

HERE = Path(__file__).resolve().parent
CONVERSATION = [
    "Hi there",
    "it's just me",
    "my reference is pb-100234",
    "3rd April 1956",
    "My garden, my cat Tilly and seeing my grandchildren",
]
#: the router runs after every message (actions/plan.py); file name: the message it answered
ACTION = "action_next_section"
PLACEHOLDERS = {"sender_id": "recorded-conversation", "client_key": "recorded-client"}
KEEP = {
    "next_section_after_hello.json": CONVERSATION[0],
    "next_section_after_identity.json": CONVERSATION[3],
    "next_section_after_important.json": CONVERSATION[4],
}


def proxy(target: str, calls: List[Dict[str, Any]]) -> ThreadingHTTPServer:
    """An HTTP server on a free port that keeps each POSTed payload and passes it on, with its
    headers, to `target`; its answer goes back unchanged."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 — http.server's name
            body = self.rfile.read(int(self.headers["Content-Length"]))
            calls.append(json.loads(body))
            # the Rasa server's headers go on (the action server answers only its own Rasa server); never saved
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
            answer = requests.post(target + self.path, data=body, headers=headers, timeout=120)
            self.send_response(answer.status_code)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(answer.content)

        def log_message(self, *args: Any) -> None:
            """Quiet: the payloads hold what the person said."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def scrub(value: Any) -> Any:
    """`value` with the conversation id and the client key (derived from the caller's address) replaced."""
    if isinstance(value, dict):
        return {k: PLACEHOLDERS.get(k) or scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def latest_text(payload: Dict[str, Any]) -> str:
    return payload["tracker"]["latest_message"].get("text", "")


def main() -> int:
    calls: List[Dict[str, Any]] = []
    server = proxy(local_url(RECORDING.actions), calls)
    with tempfile.TemporaryDirectory() as folder:
        url = f"http://127.0.0.1:{server.server_address[1]}/webhook"
        running = launch(Path(folder) / "supportplan.db", RECORDING, with_web=False, ACTION_SERVER_URL=url)
        try:
            chat = Chat(RECORDING.rasa)
            for text in CONVERSATION:
                chat.say(text)
        finally:
            running.stack.stop()
            server.shutdown()
    missing = []
    for name, text in KEEP.items():
        found = [c for c in calls if c["next_action"] == ACTION and latest_text(c) == text]
        if not found:
            missing.append(name)
            continue
        payload = scrub({key: found[0][key] for key in ("next_action", "version", "tracker")})
        (HERE / name).write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if missing:
        print(f"{ACTION} was not called after these messages: {missing}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
