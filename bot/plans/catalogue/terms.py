"""What every vocabulary of the catalogue is made of: terms with a code, kept in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Generic, Iterator, Tuple, TypeVar


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary. `code` is as in the plan JSON and the database (DESIGN §5);
    `words` are the words people use for it, the first being the plain-English label the bot says."""

    code: str
    words: Tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.words[0]


T = TypeVar("T", bound=Term)


class Vocabulary(Generic[T]):
    """Terms in their order (the order of the domain's buttons, where there are buttons)."""

    def __init__(self, *terms: T) -> None:
        self.terms = terms
        self._by_code = {term.code: term for term in terms}
        if len(self._by_code) != len(terms):
            raise ValueError("a vocabulary's codes must be unique")

    @property
    def codes(self) -> Tuple[str, ...]:
        return tuple(term.code for term in self.terms)

    def __iter__(self) -> Iterator[T]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> T:
        return self._by_code[code]

    def where(self, keep: Callable[[T], bool]) -> Tuple[str, ...]:
        """The codes of the terms `keep` is true of, in order."""
        return tuple(term.code for term in self.terms if keep(term))

    def words(self) -> Dict[str, Tuple[str, ...]]:
        """Code → the words people use (bot.choices' shape, read by bot.parsing.choices)."""
        return {term.code: term.words for term in self.terms}

    def labels(self, of: Callable[[T], str]) -> Dict[str, str]:
        """Code → one of each term's labels, e.g. `STATUSES.labels(lambda s: s.document_words)`."""
        return {term.code: of(term) for term in self.terms}
