"""Find token sequences in a document: the index behind the alias matcher and the tokenizer.

Sequences are stored as spaCy string hashes (of the token text, or of its lower case), which
can be computed from the text alone: building the index creates no spaCy lexeme, so it costs
milliseconds where spaCy's PhraseMatcher, which needs a Doc per pattern, cost half a second.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.strings import get_string_id


def hashes(pieces: Iterable[str], *, lower: bool = False) -> tuple[int, ...]:
    """The spaCy hashes of token texts, as a document's ``ORTH`` (or ``LOWER``) array holds them."""
    return tuple(get_string_id(piece.lower() if lower else piece) for piece in pieces)


class SequenceIndex:
    """Token-hash sequences, each with an integer label, indexed by their first hash."""

    def __init__(self) -> None:
        self._by_first: dict[int, list[tuple[tuple[int, ...], int]]] = {}

    def add(self, sequence: tuple[int, ...], label: int) -> None:
        entries = self._by_first.setdefault(sequence[0], [])
        if (sequence, label) not in entries:
            entries.append((sequence, label))

    def find(self, tokens: list[int]) -> list[tuple[int, int, int]]:
        """Every ``(label, start, end)`` where ``tokens[start:end]`` is a stored sequence."""
        found: list[tuple[int, int, int]] = []
        by_first = self._by_first
        for start, first in enumerate(tokens):
            entries = by_first.get(first)
            if entries is None:
                continue
            for sequence, label in entries:
                end = start + len(sequence)
                if end == start + 1 or tuple(tokens[start:end]) == sequence:
                    found.append((label, start, end))
        return found

    def __bool__(self) -> bool:
        return bool(self._by_first)
