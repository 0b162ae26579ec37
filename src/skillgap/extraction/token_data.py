"""Token pieces computed ahead of time: spaCy's special cases and the shipped taxonomy's names.

Tokenizing ~7,600 alias spellings and 1,300 special cases at start-up cost more than half a
second, because each new word makes a spaCy lexeme. The pieces depend only on the texts, the
tokenizer's rules and spaCy's version, so ``scripts/build_token_data.py`` computes them once
into ``token_data.json``, shipped in the package. The file is JSON (data, never code) and is
used only when its fingerprint matches the running tokenizer; a text it lacks is tokenized
when needed, so a custom taxonomy or another spaCy version stays right, only slower to start.

The same goes for what start-up builds from those pieces (``built``): the alias matcher's
token hashes for the shipped taxonomy and the cue words of the shipped context rules, each
used only while the key of its input matches.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

import spacy
from spacy.symbols import ORTH

from skillgap.data_files import shipped_json

DATA_FILE = "token_data.json"
# The pieces only a custom taxonomy or rules file asks for (the shipped ones start from what
# was built from them): read on the first text ``token_data.json`` lacks, not at every start.
MORE_FILE = "token_more.json"


def fingerprint(patterns: list[str], exceptions: dict[str, list[dict[int, Any]]]) -> str:
    """What the pieces depend on: spaCy's version, the affix rules and the special cases.

    Only each special case's token texts count: spaCy edits its other attributes in place
    once a tokenizer has loaded them.
    """
    cases = sorted((key, [piece[ORTH] for piece in value]) for key, value in exceptions.items())
    source = json.dumps([spacy.__version__, patterns, cases])
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


@cache
def _shipped(filename: str) -> dict[str, Any]:
    return shipped_json("skillgap.extraction", filename)


class PieceTable:
    """Texts and their tokens: ``bare`` without special cases (for special-case keys),
    ``tokens`` as the tokenizer gives them (for taxonomy names)."""

    def __init__(self, fingerprint: str, data: dict[str, Any] | None = None) -> None:
        shipped = data is None
        data = _shipped(DATA_FILE) if data is None else data
        fresh = data.get("fingerprint") == fingerprint
        self.fingerprint = fingerprint
        self._bare: dict[str, list[str]] = data.get("bare", {}) if fresh else {}
        self._tokens: dict[str, list[str]] = data.get("tokens", {}) if fresh else {}
        self._built: dict[str, Any] = data.get("built", {}) if fresh else {}
        self._more: dict[str, list[str]] | None = None if shipped and fresh else {}

    def bare(self, text: str) -> list[str] | None:
        return self._bare.get(text)

    def tokens(self, text: str) -> list[str] | None:
        known = self._tokens.get(text)
        if known is not None:
            return known
        if self._more is None:
            more = _shipped(MORE_FILE)
            self._more = (
                more.get("tokens", {}) if more.get("fingerprint") == self.fingerprint else {}
            )
        return self._more.get(text)

    def built(self, name: str, key: str) -> Any:
        """What a start-up step computed from these pieces (the matcher's index, the context
        rules' cue words), stored with the key of its input (a taxonomy version, a rules
        file's digest); None when absent or built from other input."""
        entry = self._built.get(name)
        return entry["data"] if entry is not None and entry["key"] == key else None

    def __len__(self) -> int:
        return len(self._bare) + len(self._tokens)
