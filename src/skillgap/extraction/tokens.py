"""One document's tokens as plain arrays: what every context rule reads.

Creating a spaCy ``Token`` per look was a third of extraction time, so the rules read these
lists, filled by one ``doc.to_array`` call, instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    LANG,
    LIKE_EMAIL,
    LIKE_NUM,
    LIKE_URL,
    LOWER,
    ORTH,
    SPACY,
)
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Marks that open a bullet item when they start a line ("- Go", "* Go", "• Go").
BULLETS = {"•", "▪", "●", "◦", "➔", "»", "·", "-", "*", "–", "—", "‣", "○", "■", "□", "✓", "✔"}
# What ends a sentence inside a line.
SENTENCE_STOPS = frozenset({".", "!", "?", ";"})

# What a token's lexeme says, by ORTH hash: (text, lower-case text with curly apostrophes made
# straight, lower-case text, space, punct, alpha, lower case, number, URL, e-mail, line breaks
# in a whitespace token). A hash names one string and the flags follow from the string
# (English's lexical attributes, the only ones skillgap builds), so the table holds for every
# vocabulary. Reading the flags with ``doc.to_array`` cost ~30 ns per token and flag; one look
# per token replaces them.
_Lexeme = tuple[str, str, str, bool, bool, bool, bool, bool, bool, bool, int]
# The lexical attributes those rows read: a vocabulary need compute no others for a new word.
READ_ATTRIBUTES = frozenset(
    {LOWER, IS_SPACE, IS_PUNCT, IS_ALPHA, IS_LOWER, LIKE_NUM, LIKE_URL, LIKE_EMAIL, LANG}
)
_LEXEMES: dict[int, _Lexeme] = {}
MAX_LEXEMES = 1_000_000  # distinct words remembered; forgotten all at once past this


def _lexeme(vocab: Vocab, orth: int) -> _Lexeme:
    if len(_LEXEMES) >= MAX_LEXEMES:
        _LEXEMES.clear()
    lex = vocab[orth]
    row = _LEXEMES[orth] = (
        lex.orth_,
        lex.lower_.replace("\u2019", "'"),
        lex.lower_,
        lex.is_space,
        lex.is_punct,
        lex.is_alpha,
        lex.is_lower,
        lex.like_num,
        lex.like_url,
        lex.like_email,
        lex.orth_.count("\n") if lex.is_space else 0,
    )
    return row


@dataclass(frozen=True)
class Tokens:
    """Parallel lists, one entry per token of a document: the one pass over a document's
    tokens that every rule reads."""

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
    orth: list[str] = field(default_factory=list)  # the text as written
    url: list[bool] = field(default_factory=list)  # looks like a web address
    email: list[bool] = field(default_factory=list)  # looks like an e-mail address
    folded: list[str] = field(default_factory=list)  # lower case as ``str.lower`` gives it
    # The LOWER and ORTH hashes, one row per token: what the alias matcher searches.
    hashes: numpy.ndarray = field(
        default_factory=lambda: numpy.zeros((0, 2), numpy.uint64), compare=False
    )

    def __len__(self) -> int:
        return len(self.lower)

    @classmethod
    def of(cls, doc: Doc) -> Tokens:
        """Read a document's tokens: four ``to_array`` columns and one look per token."""
        if not len(doc):
            return cls(*([] for _ in range(14)))
        columns = doc.to_array([LOWER, ORTH, IDX, SPACY])
        orths, start = columns[:, 1].tolist(), columns[:, 2].tolist()
        rows = list(map(_LEXEMES.get, orths))
        if not all(rows):  # words never seen before: only these are read from the vocabulary
            vocab = doc.vocab
            rows = [row or _lexeme(vocab, orth) for row, orth in zip(rows, orths, strict=True)]
        text, lower, folded, space, punct, alpha, lowercase, num, url, email, breaks = map(
            list, zip(*rows, strict=True)
        )
        # A token ends where the next begins, less the space after it (how spaCy counts
        # offsets): one numpy subtraction instead of a sum per token.
        end = (columns[1:, 2] - columns[:-1, 3]).tolist()
        end.append(start[-1] + len(text[-1]))
        spaced = columns[:, 3].astype(bool).tolist()
        return cls(
            lower, start, end, space, punct, alpha, lowercase, num, spaced, breaks, text, url,
            email, folded, columns[:, :2],
        )  # fmt: skip

    def is_bullet(self, index: int) -> bool:
        """A bullet mark that opens a line ("- ", "* ", "• ") or stands between spaces."""
        if self.lower[index] not in BULLETS:
            return False
        spaced_after = self.spaced[index] or (index + 1 < len(self) and self.space[index + 1])
        if self.opens_line(index):
            return spaced_after
        spaced_before = index > 0 and (self.spaced[index - 1] or self.space[index - 1])
        return spaced_before and spaced_after and self.lower[index] not in {"-", "–", "—"}

    def opens_line(self, index: int) -> bool:
        """Whether token ``index`` is the first non-space token of its line: only spaces
        without a line break lie between it and the start or a line break. Asked of bullet
        marks only, so worked out per token rather than for every token of a document."""
        if self.space[index]:
            return False
        before = index - 1
        while before >= 0 and self.space[before] and not self.breaks[before]:
            before -= 1
        return before < 0 or self.breaks[before] > 0
