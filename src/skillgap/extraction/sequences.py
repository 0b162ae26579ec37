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


PAIR = numpy.uint64(0x9E3779B97F4A7C15)  # mixes two token hashes into one key
BUCKETS = 1 << 18  # a bit per bucket of hashes: most tokens are ruled out by one array look
_MASK = numpy.uint64(BUCKETS - 1)


class SequenceIndex:
    """Token-hash sequences, each with an integer label.

    One-token sequences are looked up by their hash, longer ones by the pair of their first
    two hashes; both looks are vectorised over the whole document, so Python only touches the
    positions where a stored sequence really starts.
    """

    def __init__(self) -> None:
        self._singles: dict[int, list[int]] = {}
        # pair key -> sequence length -> sequence -> labels: one look per length at a start
        self._pairs: dict[int, dict[int, dict[tuple[int, ...], list[int]]]] = {}
        self._keys: tuple[_Keys, _Keys] | None = None  # built on use

    def add(self, sequence: tuple[int, ...], label: int) -> None:
        if len(sequence) == 1:
            labels = self._singles.setdefault(sequence[0], [])
        else:
            by_length = self._pairs.setdefault(_pair_key(sequence[0], sequence[1]), {})
            labels = by_length.setdefault(len(sequence), {}).setdefault(sequence, [])
        if label not in labels:
            labels.append(label)
        self._keys = None

    def find(self, tokens: numpy.ndarray) -> list[tuple[int, int, int]]:
        """Every ``(label, start, end)`` where ``tokens[start:end]`` is a stored sequence.

        ``tokens`` is a document's ``ORTH`` or ``LOWER`` column (uint64 hashes).
        """
        if not len(tokens) or not (self._singles or self._pairs):
            return []
        singles, pairs = self._sorted_keys()
        found: list[tuple[int, int, int]] = []
        starts, hashes = _positions(singles, tokens)
        for start, value in zip(starts, hashes, strict=True):
            for label in self._singles[value]:
                found.append((label, start, start + 1))
        if len(tokens) > 1 and len(pairs):
            # Array arithmetic wraps around silently, as the keys were made.
            starts, keys = _positions(pairs, tokens[:-1] * PAIR + tokens[1:])
            if starts:
                values = tokens.tolist()
                for start, key in zip(starts, keys, strict=True):
                    for length, labelled in self._pairs[key].items():
                        end = start + length
                        for label in labelled.get(tuple(values[start:end]), ()):
                            found.append((label, start, end))
        if len(found) > 1:
            found.sort(key=_start)
        return found

    def _sorted_keys(self) -> tuple[_Keys, _Keys]:
        if self._keys is None:
            self._keys = (_Keys(self._singles), _Keys(self._pairs))
        return self._keys

    def __bool__(self) -> bool:
        return bool(self._singles or self._pairs)


def _pair_key(first: int, second: int) -> int:
    """The key ``find`` computes with uint64 arrays, in plain integers (numpy scalars are
    slow, and start-up makes thousands)."""
    return (first * _PAIR + second) & _WORD


_PAIR, _WORD = int(PAIR), (1 << 64) - 1


class _Keys:
    """Stored hashes, sorted, with a table of the buckets (low bits) that hold one."""

    def __init__(self, hashes: Iterable[int]) -> None:
        self.sorted = numpy.array(sorted(hashes), dtype=numpy.uint64)
        self.buckets = numpy.zeros(BUCKETS, dtype=bool)
        self.buckets[self.sorted & _MASK] = True

    def __len__(self) -> int:
        return len(self.sorted)


def _positions(keys: _Keys, values: numpy.ndarray) -> tuple[list[int], list[int]]:
    """Where ``values`` holds one of the ``keys``, and the value there: the bucket table
    rules out most values, a binary search settles the rest."""
    if not len(keys):
        return [], []
    near = numpy.flatnonzero(keys.buckets[values & _MASK])
    if not len(near):
        return [], []
    candidates = values[near]
    at = numpy.minimum(keys.sorted.searchsorted(candidates), len(keys) - 1)
    hit = keys.sorted[at] == candidates
    return near[hit].tolist(), candidates[hit].tolist()


def _start(match: tuple[int, int, int]) -> int:
    return match[1]
