"""Clause limits: where the words that can qualify a mention begin and end.

Clauses end at sentence punctuation and bullets, and at line breaks, except where a wrapped
line plainly continues. Every context rule reads inside these limits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from skillgap.extraction.tokens import Tokens

CLAUSE_PUNCT = {".", "!", "?", ";", "•", "▪", "●", "◦", "·", "➔", "|", "*", "–", "—"}

FUNCTION_WORDS = {
    "with", "of", "in", "and", "or", "the", "a", "an", "to", "for", "on", "using", "as",
    "by", "at", "from", "including", "such", "like", "via", "across", "into", "both",
}  # fmt: skip

# How far (in tokens) a rule reads around a mention. A real clause is far shorter; the bound
# keeps a hostile "clause" (a 100,000-item list on one line) linear instead of quadratic.
MAX_REACH = 120


def clause_bounds(doc: Doc, tokens: Tokens | None = None) -> list[int]:
    """For each token, the index of the first token of its clause.

    Clauses end at sentence punctuation and bullets, and at line breaks, except where a
    wrapped line plainly continues (after "with", "of", a comma, before a lower-case word).
    Reads the document's :class:`Tokens` (given, or read here): a Token per look cost more
    than the look.
    """
    tokens = tokens if tokens is not None else Tokens.of(doc)
    size, space = len(tokens), tokens.space
    # Only clause punctuation and whitespace can end a clause: ask only them.
    marks = [
        index for index, text in enumerate(tokens.orth) if space[index] or text in CLAUSE_PUNCT
    ]
    starts: list[int] = []
    start = 0
    for index in _ending(tokens, marks):
        starts += [start] * (index + 1 - start)
        start = index + 1
    starts += [start] * (size - start)
    return starts


def ends_at(tokens: Tokens, index: int) -> bool:
    """:func:`ends_clause`, read from the token arrays."""
    return bool(_ending(tokens, (index,)))


def _ending(tokens: Tokens, indices: Iterable[int]) -> list[int]:
    """Those of ``indices`` (in order) whose token ends a clause."""
    orth, space, spaced, breaks, size = (
        tokens.orth, tokens.space, tokens.spaced, tokens.breaks, len(tokens),
    )  # fmt: skip
    found = []
    for index in indices:
        text = orth[index]
        if text == "*":  # a bullet, not Markdown emphasis ("**4 years**")
            before = index - 1
            if (
                not index
                or (space[before] and breaks[before])  # it starts a line
                or ((spaced[before] or space[before]) and spaced[index])
            ):
                found.append(index)
        elif text in CLAUSE_PUNCT:
            found.append(index)
        elif not breaks[index]:  # only punctuation and line breaks end a clause
            continue
        elif breaks[index] > 1 or index == 0 or index + 1 >= size:
            found.append(index)
        else:  # a wrapped line goes on after "with", "of", a comma, before a lower-case word
            before, after = index - 1, index + 1
            if not (
                tokens.lower[before] in FUNCTION_WORDS
                or orth[before] == ","
                or (tokens.lowercase[after] and not tokens.punct[before])
            ):
                found.append(index)
    return found


def ends_clause(doc: Doc, index: int) -> bool:
    token = doc[index]
    if token.text == "*":  # a bullet, not Markdown emphasis ("**4 years**")
        before = doc[index - 1] if index else None
        line_start = before is None or (before.is_space and "\n" in before.text)
        spaced = (before is None or bool(before.whitespace_) or before.is_space) and bool(
            token.whitespace_
        )
        return line_start or spaced
    if token.text in CLAUSE_PUNCT:
        return True
    if not token.is_space or "\n" not in token.text:
        return False
    if token.text.count("\n") > 1 or index == 0 or index + 1 >= len(doc):
        return True
    before, after = doc[index - 1], doc[index + 1]
    continues = before.lower_ in FUNCTION_WORDS or before.text == ","
    return not (continues or (after.is_lower and not before.is_punct))


def clause_end_at(tokens: Tokens, index: int) -> int:
    """:func:`clause_end`, read from the token arrays."""
    limit = min(len(tokens), index + MAX_REACH)
    while index < limit and not ends_at(tokens, index):
        index += 1
    return index


def clause_end(doc: Doc, index: int) -> int:
    """The index of the token that ends the clause holding ``index`` (at most MAX_REACH on)."""
    limit = min(len(doc), index + MAX_REACH)
    while index < limit and not ends_clause(doc, index):
        index += 1
    return index


def any_word(words: Iterable[str]) -> re.Pattern[str]:
    """A regex that finds any of these tokens in text, case-insensitively.

    Rules first look for their cue words in the raw text of a clause and read tokens only when
    one is there; built from the rules' own word sets, a new cue word can never be missed by
    the first look. A contraction piece ("n't") may follow letters, as spaCy splits it off.
    """
    whole = sorted((w for w in words if "'" not in w), key=len, reverse=True)
    pieces = sorted((w for w in words if "'" in w), key=len, reverse=True)
    parts = []
    if whole:
        parts.append(rf"\b(?:{'|'.join(re.escape(word) for word in whole)})\b")
    parts += [re.escape(piece).replace("'", "['’]") + r"(?!\w)" for piece in pieces]
    return re.compile("(?i)" + "|".join(parts))
