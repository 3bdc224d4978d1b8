"""Spotting messages that show risk of harm, or that ask for a person."""
