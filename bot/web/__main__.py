"""`python -m bot.web --port 8080`: run the web app."""

from __future__ import annotations

import argparse

from aiohttp import web

from bot.startup import settings_or_exit
from bot.web.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description="Support-planning web app")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    settings = settings_or_exit()
    web.run_app(create_app(settings), host=settings.host, port=args.port, access_log=None)


if __name__ == "__main__":
    main()
