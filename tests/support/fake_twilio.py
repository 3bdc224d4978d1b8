"""Stand-ins for Twilio's HTTP API: `FakeTwilio` under twilio's own async client (answers each
request with a status chosen by the test and keeps what was sent), and `FakeTwilioServer`, the
Messages endpoint served on localhost for commands run as a council would run them."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from typing import Any, Dict, Iterable, List, Optional

from aiohttp import BasicAuth, web
from twilio.http import AsyncHttpClient
from twilio.http.response import Response


class FakeTwilio(AsyncHttpClient):
    """Answers each request with the next status in `statuses` (201 once they run out)."""

    def __init__(self, statuses: List[int]) -> None:
        super().__init__(logging.getLogger("test"), True, None)
        self.statuses = list(statuses)
        self.sent: List[dict] = []
        self.closed = False

    async def request(
        self,
        method: str,
        url: str,
        params: Any = None,
        data: Any = None,
        headers: Any = None,
        auth: Any = None,
        timeout: Optional[float] = None,
        allow_redirects: bool = False,
    ) -> Response:
        self.sent.append(dict(data))
        status = self.statuses.pop(0) if self.statuses else 201
        body = (
            {"sid": f"SM{len(self.sent):032d}", "status": "queued"}
            if status == 201
            else {"code": 20500, "message": "busy"}
        )
        return Response(status, json.dumps(body))

    async def close(self) -> None:
        self.closed = True


class FakeTwilioServer:
    """Twilio's Messages endpoint (`POST /2010-04-01/Accounts/{sid}/Messages.json`) on 127.0.0.1, on a
    free port, in a thread of its own: for running `supportplan` against, with SMS_API_URL = `url`.

    Each request must carry the account's basic auth (account SID and auth token) and name that
    account in its path; a request that does not is answered 401 and counted in `refused`.
    A message to a number in `fail_once` is answered 400 (as Twilio answers a number it cannot
    text) the first time. Every message accepted is kept in `messages` (To, From, Body)."""

    def __init__(self, account_sid: str, auth_token: str, fail_once: Iterable[str] = ()) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self.fail_once = set(fail_once)
        self.messages: List[Dict[str, str]] = []
        self.refused = 0
        self.failed: List[str] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-twilio", daemon=True)
        self._runner: Optional[web.AppRunner] = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _authorised(self, request: web.Request) -> bool:
        try:
            auth = BasicAuth.decode(request.headers.get("Authorization", ""))
        except ValueError:
            return False
        return (auth.login, auth.password) == (self.account_sid, self.auth_token) and (
            request.match_info["account"] == self.account_sid
        )

    async def _create_message(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            self.refused += 1
            return web.json_response({"code": 20003, "message": "Authenticate", "status": 401}, status=401)
        form = await request.post()
        message = {key: str(form.get(key, "")) for key in ("To", "From", "Body")}
        if message["To"] in self.fail_once:
            self.fail_once.discard(message["To"])
            self.failed.append(message["To"])
            return web.json_response(
                {"code": 21211, "message": "The 'To' number is not a valid phone number.", "status": 400}, status=400
            )
        self.messages.append(message)
        sid = f"SM{len(self.messages):032d}"
        return web.json_response(
            {
                "sid": sid,
                "account_sid": self.account_sid,
                "to": message["To"],
                "from": message["From"],
                "body": message["Body"],
                "status": "queued",
                "num_segments": "1",
                "direction": "outbound-api",
                "api_version": "2010-04-01",
                "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
            },
            status=201,
        )

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/2010-04-01/Accounts/{account}/Messages.json", self._create_message)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]

    def __enter__(self) -> "FakeTwilioServer":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    def __exit__(self, *_: object) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
