"""The web app's shared state keys (one module, so handlers need not import the app)."""

from __future__ import annotations

import aiohttp
from aiohttp import web

from bot.config import Settings

SETTINGS_KEY = web.AppKey("settings", Settings)
HTTP_KEY = web.AppKey("http", aiohttp.ClientSession)
