"""The project's own messaging channels: SMS over Twilio (DESIGN §7)."""
