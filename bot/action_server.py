"""The action server's entry point (`python -m bot.action_server --port 5055`): rasa-sdk's server,
closed to everyone but our Rasa server.

- It listens on SUPPORTPLAN_HOST (127.0.0.1 unless a council sets otherwise), not rasa-sdk's 0.0.0.0.
- Every call but /health must carry the header X-Action-Token with the shared token
  (settings.action_server_token); endpoints.yml makes Rasa send it.
- When an action fails, rasa-sdk answers with the whole request (the conversation, with what the
  person said) and logs the exception with its message; this answers and logs only the
  exception's type and the action's name, so nothing personal reaches a log on either side.
"""

from __future__ import annotations

import argparse
import hmac
import logging
from typing import Any, Optional

from rasa_sdk import endpoint
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import quiet
from bot.config import Settings
from bot.startup import settings_or_exit

TOKEN_HEADER = "X-Action-Token"
OPEN_PATHS = ("/health",)
logger = logging.getLogger(__name__)


def _action_name(request: Request) -> str:
    try:
        body: Any = request.json
    except Exception:  # a body that is not JSON has no action name
        return "unknown"
    name = body.get("next_action") if isinstance(body, dict) else None
    return name if isinstance(name, str) else "unknown"


def _has_token(request: Request, token: str) -> bool:
    sent: Optional[str] = request.headers.get(TOKEN_HEADER)
    return sent is not None and hmac.compare_digest(sent.encode(), token.encode())


def create_app(settings: Settings, actions_package: str = "actions") -> Sanic:
    """rasa-sdk's app for `actions_package`, with the token check and the quiet error handler."""
    app = endpoint.create_app(actions_package, cors_origins=None)

    @app.on_request
    async def require_token(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS or _has_token(request, settings.action_server_token):
            return None
        return response.json({"error": "This server only answers the assistant's own Rasa server."}, status=401)

    async def quiet_error(request: Request, exception: Exception) -> HTTPResponse:
        logger.error("Action %s failed: %s", _action_name(request), type(exception).__name__)
        logger.debug("Action failure", exc_info=exception)
        return response.json({"error": "The action failed.", "action_name": _action_name(request)}, status=500)

    app.error_handler.add(Exception, quiet_error)
    return app


def main() -> None:
    quiet.install()
    settings = settings_or_exit()
    parser = argparse.ArgumentParser(description="Support-planning action server")
    parser.add_argument("--port", type=int, default=5055)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(settings)
    app.run(settings.host, args.port, access_log=False, workers=1)


if __name__ == "__main__":
    main()
