"""Fixtures for the web app's tests (tests/support/web_app.py and advisers.py): the app on a real
(test) database with a stand-in Rasa, another browser on it, and adviser logins."""

from tests.support.advisers import advisers  # noqa: F401
from tests.support.web_app import another_browser, client, rasa  # noqa: F401
