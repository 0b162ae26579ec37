"""One document's tokens as plain lists: text, lower-case text, character offsets and kinds.

The rules that walk over words (paraphrases, years) read these lists instead of spaCy
``Token`` objects: creating a Token per look costs more than the look itself, and extraction
has to stay near a millisecond per document.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc

from skillgap.extraction.tokens import Tokens

# Clause breaks that do not end a thought: a dash joins an apposition ("schema healthy as we
# grow — migrations, indexes"), and Markdown emphasis ("**seven years**") is not a bullet.
DASHES = frozenset({"–", "—"})


@dataclass(frozen=True)
class Words:
    """The tokens of one document, as parallel lists indexed by token number."""

    text: str
    orth: list[str]
    lower: list[str]
    starts: list[int]
    ends: list[int]
    space: list[bool]
    punct: list[bool]

    @classmethod
    def of(cls, doc: Doc, tokens: Tokens | None = None, text: str | None = None) -> Words:
        """The words of a document, from its :class:`Tokens` and text when they are already
        at hand (``doc.text`` joins every token again)."""
        tokens = tokens if tokens is not None else Tokens.of(doc)
        text = doc.text if text is None else text
        orth, lower, space, punct = tokens.orth, tokens.folded, tokens.space, tokens.punct
        return cls(text, orth, lower, tokens.start, tokens.end, space, punct)

    def __len__(self) -> int:
        return len(self.orth)

    def token_at(self, offset: int) -> int:
        """The index of the token holding (or first after) character ``offset``."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return 0
        return index if offset < self.ends[index] else index + 1

    def token_before(self, offset: int) -> int:
        """The index just past the last token ending at or before character ``offset``."""
        return bisect.bisect_right(self.ends, offset)

    def is_word(self, index: int) -> bool:
        return not self.space[index] and not self.punct[index]

    def words_between(self, start: int, stop: int) -> int:
        """How many words lie in ``[start, stop)``; a hyphenated compound ("event-driven",
        "lock-contention") is one word, as a reader counts it."""
        return sum(
            1
            for index in range(start, stop)
            if self.is_word(index) and not self.hyphen_glued(index)
        )

    def hyphen_glued(self, index: int) -> bool:
        """Whether token ``index`` continues a hyphenated word ("driven" in "event-driven")."""
        if index < 2 or self.orth[index - 1] != "-":
            return False
        return (
            self.ends[index - 2] == self.starts[index - 1]
            and self.ends[index - 1] == self.starts[index]
        )

    def previous(self, index: int, floor: int = 0) -> int | None:
        """The nearest non-space token before ``index``, not before ``floor``."""
        index -= 1
        while index >= floor:
            if not self.space[index]:
                return index
            index -= 1
        return None

    def following(self, index: int, ceiling: int | None = None) -> int | None:
        """The nearest non-space token at or after ``index``, before ``ceiling``."""
        ceiling = len(self.orth) if ceiling is None else ceiling
        while index < ceiling:
            if not self.space[index]:
                return index
            index += 1
        return None

    def is_emphasis(self, index: int) -> bool:
        """A Markdown ``*``/``_`` run glued to a word ("**4 years**"), not a bullet."""
        word = self.orth[index]
        if word[:1] not in ("*", "_") or word.strip("*_"):
            return False
        start, end = self.starts[index], self.ends[index]
        before = self.text[start - 1] if start > 0 else "\n"
        after = self.text[end] if end < len(self.text) else "\n"
        return not after.isspace() or not (before.isspace() or before in "*_")


def scopes(words: Words, clause_starts: list[int], joins: Collection[str] = DASHES) -> list[int]:
    """For each token, where its scope starts: clauses joined across dashes and emphasis.

    ``clause_starts`` is :func:`clauses.clause_bounds`; a clause break made by a ``joins``
    token or by Markdown emphasis does not start a new scope. Each clause is decided once, at
    its first token.
    """
    scope: list[int] = []
    orth = words.orth
    last, value = -1, 0
    for start in clause_starts:
        if start != last:  # the first token of a clause: decide the clause once
            previous = start - 1
            joined = start > 0 and (orth[previous] in joins or words.is_emphasis(previous))
            value = scope[previous] if joined else start
            last = start
        scope.append(value)
    return scope
