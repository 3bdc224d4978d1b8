"""Benchmarks (`make bench`): latency, load, memory, start-up and training time, compared
with the stock bot that `rasa init` creates."""
