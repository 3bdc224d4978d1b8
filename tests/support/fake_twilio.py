"""A stand-in for Twilio's HTTP API, under twilio's own async client: answers each request with
a status chosen by the test and keeps what was sent."""

from __future__ import annotations

import json
import logging
from typing import Any, List, Optional

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
