"""One document's tokens as plain arrays: what every context rule reads.

Creating a spaCy ``Token`` per look was a third of extraction time, so the rules read these
lists, filled by one ``doc.to_array`` call, instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    LENGTH,
    LIKE_NUM,
    LOWER,
    SPACY,
)
from spacy.strings import StringStore
from spacy.tokens import Doc

# Marks that open a bullet item when they start a line ("- Go", "* Go", "• Go").
BULLETS = {"•", "▪", "●", "◦", "➔", "»", "·", "-", "*", "–", "—", "‣", "○", "■", "□", "✓", "✔"}


_TEXTS: dict[int, str] = {}  # lower-case hash -> text; the vocabulary's strings never change


def _text(strings: StringStore, key: int) -> str:
    text = _TEXTS.get(key)
    if text is None:
        text = _TEXTS[key] = strings[key].replace("\u2019", "'")
    return text


@dataclass(frozen=True)
class Tokens:
    """Parallel lists, one entry per token of a document."""

    lower: list[str]  # lower-case text, curly apostrophes made straight ("n’t" -> "n't")
    start: list[int]  # character offsets
    end: list[int]
    space: list[bool]  # a whitespace token (runs of spaces, line breaks)
    punct: list[bool]
    alpha: list[bool]
    lowercase: list[bool]  # written in lower case ("go", not "Go")
    num: list[bool]  # looks like a number ("3", "3.5", "ten")
    spaced: list[bool]  # whitespace follows the token directly
    breaks: list[int]  # line breaks inside a whitespace token (0 for other tokens)
    line_start: list[bool]  # the first non-space token of its line

    def __len__(self) -> int:
        return len(self.lower)

    @classmethod
    def of(cls, doc: Doc) -> Tokens:
        """Read a document's tokens with one ``to_array`` call."""
        attrs = [LOWER, IDX, LENGTH, IS_SPACE, IS_PUNCT, IS_ALPHA, IS_LOWER, LIKE_NUM, SPACY]
        columns = doc.to_array(attrs).T.tolist() if len(doc) else [[] for _ in attrs]
        lows, start, lengths = columns[:3]
        space, punct, alpha, lowercase, num, spaced = (list(map(bool, c)) for c in columns[3:])
        known = _TEXTS.get
        lower = [known(low) or _text(doc.vocab.strings, low) for low in lows]
        end = [idx + length for idx, length in zip(start, lengths, strict=True)]
        breaks = [w.count("\n") if blank else 0 for w, blank in zip(lower, space, strict=True)]
        line_start = []
        fresh = True
        for index, is_space in enumerate(space):
            line_start.append(fresh and not is_space)
            if breaks[index]:
                fresh = True
            elif not is_space:
                fresh = False
        return cls(
            lower, start, end, space, punct, alpha, lowercase, num, spaced, breaks, line_start
        )

    def is_bullet(self, index: int) -> bool:
        """A bullet mark that opens a line ("- ", "* ", "• ") or stands between spaces."""
        if self.lower[index] not in BULLETS:
            return False
        spaced_after = self.spaced[index] or (index + 1 < len(self) and self.space[index + 1])
        if self.line_start[index]:
            return spaced_after
        spaced_before = index > 0 and (self.spaced[index - 1] or self.space[index - 1])
        return spaced_before and spaced_after and self.lower[index] not in {"-", "–", "—"}
