"""Helpers shared by the test suites, one job per module (the suites' conftests keep only fixtures):

- cli: the `supportplan` command line, as a new process and in this process (bot.cli.main)
- databases: a fresh SQLite or PostgreSQL test database (the conftest's fixtures use them)
- model: the newest trained model's parse, once per session (the `parse` fixture)
- ports: every suite's ports (moved by SUPPORTPLAN_TEST_PORT_OFFSET) and this machine's address
- servers: starting the real action server, Rasa server and web app on a fresh database
- chat: a person talking to the servers over Rasa's REST channel, and checking the replies
- sms: a phone texting the servers the way Twilio delivers a text
- sms_handler: the SMS webhook handler run directly, with a stand-in assistant
- fake_twilio: a stand-in for Twilio's API, for sending texts
- deployment: the replicas on PostgreSQL that bench/ starts (with databases, the places the suites import bench/;
  tests/bench tests bench/ itself)
- web_app: the web app on a test database, with a stand-in Rasa
- advisers: adviser logins, CSRF tokens and TOTP codes
- plans: plans and audit entries in the test database
- reviews: agreed plans, their reviews (through bot/reviews/record.py) and spending, at known dates
- html_tables: reading the tables of a console page's HTML
- conversations: conversations in Rasa's SQL tracker store
- known_data: the known people, plans and conversations the reports are checked against
- browser: Playwright's Chromium, screenshots and axe-core
- trackers: trackers as the action server receives them, and the payloads recorded from a real run
"""
