"""The support-planning platform: data, budget sources, plan service, channels, web app and CLI."""
