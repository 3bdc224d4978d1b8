"""Plans: the one place where every rule about a plan lives (used by actions, web app and CLI)."""
