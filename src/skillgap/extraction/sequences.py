"""Find token sequences in a document: the index behind the alias matcher and the tokenizer.

Sequences are stored as spaCy string hashes (of the token text, or of its lower case), which
can be computed from the text alone: building the index creates no spaCy lexeme, so it costs
milliseconds where spaCy's PhraseMatcher, which needs a Doc per pattern, cost half a second.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.strings import get_string_id


def hashes(pieces: Iterable[str], *, lower: bool = False) -> tuple[int, ...]:
    """The spaCy hashes of token texts, as a document's ``ORTH`` (or ``LOWER``) array holds them."""
    return tuple(get_string_id(piece.lower() if lower else piece) for piece in pieces)


class SequenceIndex:
    """Token-hash sequences, each with an integer label, indexed by their first hash."""

    def __init__(self) -> None:
        self._by_first: dict[int, list[tuple[tuple[int, ...], int]]] = {}
        self._firsts = numpy.zeros(0, dtype=numpy.uint64)  # sorted, for a vectorised first look

    def add(self, sequence: tuple[int, ...], label: int) -> None:
        entries = self._by_first.setdefault(sequence[0], [])
        if (sequence, label) not in entries:
            entries.append((sequence, label))
        self._firsts = numpy.zeros(0, dtype=numpy.uint64)  # rebuilt on the next find

    def find(self, tokens: numpy.ndarray) -> list[tuple[int, int, int]]:
        """Every ``(label, start, end)`` where ``tokens[start:end]`` is a stored sequence.

        ``tokens`` is a document's ``ORTH`` or ``LOWER`` column: one vectorised look finds the
        few positions where a stored sequence may start; only those are compared in Python.
        """
        firsts = self._first_hashes()
        if not len(firsts) or not len(tokens):
            return []
        at = numpy.minimum(numpy.searchsorted(firsts, tokens), len(firsts) - 1)
        starts = numpy.flatnonzero(firsts[at] == tokens).tolist()
        if not starts:
            return []
        values = tokens.tolist()
        found: list[tuple[int, int, int]] = []
        for start in starts:
            for sequence, label in self._by_first[values[start]]:
                end = start + len(sequence)
                if end == start + 1 or tuple(values[start:end]) == sequence:
                    found.append((label, start, end))
        return found

    def _first_hashes(self) -> numpy.ndarray:
        if len(self._firsts) != len(self._by_first):
            self._firsts = numpy.array(sorted(self._by_first), dtype=numpy.uint64)
        return self._firsts

    def __bool__(self) -> bool:
        return bool(self._by_first)
