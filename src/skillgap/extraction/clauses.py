"""Clause limits: where the words that can qualify a mention begin and end.

Clauses end at sentence punctuation and bullets, and at line breaks, except where a wrapped
line plainly continues. Every context rule reads inside these limits.
"""

from __future__ import annotations

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
    """Whether token ``index`` ends its clause (see :func:`clause_bounds`)."""
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


def clause_end_at(tokens: Tokens, index: int) -> int:
    """The index of the token that ends the clause holding ``index`` (at most MAX_REACH on)."""
    limit = min(len(tokens), index + MAX_REACH)
    while index < limit and not ends_at(tokens, index):
        index += 1
    return index
