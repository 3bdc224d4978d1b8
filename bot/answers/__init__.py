"""Measuring how the assistant reads answers to its own questions."""
