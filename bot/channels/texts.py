"""What the SMS channel says itself (the assistant's own words come from the domain)."""

from __future__ import annotations

from bot.config import Settings


def help_text(settings: Settings) -> str:
    return (
        f"This is {settings.council_name}'s support plan helper. Reply to each question to make your plan. "
        f"Reply STOP to stop texts. To talk to a person, call {settings.council_phone}."
    )


STOPPED = "You will not get any more texts from us. Your plan is saved. Reply START if you want to carry on."
STARTED = "Welcome back. Your plan is saved. Send any message to carry on where you left off."
NO_TEXT = "Sorry, I can only read words. Please type your answer in a text."
NOTHING_MORE = "There is nothing more to send just now. Please reply to the last question, or send HELP."
