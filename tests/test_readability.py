"""Every bot response is plain English: Flesch reading ease of at least 60 and no run of more than
60 words without a break."""
from __future__ import annotations

from statistics import mean

from bot.config import PROJECT_ROOT
from bot.readability import MIN_READING_EASE, responses, too_hard


def test_every_response_is_plain_english() -> None:
    texts = list(responses(PROJECT_ROOT / "domain"))
    assert len(texts) > 100
    scores = [t.reading_ease for t in texts]
    print(f"\nreading ease over {len(texts)} responses: min {min(scores):.1f}, mean {mean(scores):.1f}")
    problems = too_hard(texts)
    assert not problems, f"{len(problems)} responses are harder than reading ease {MIN_READING_EASE}:\n" + "\n".join(problems)
