"""Clause limits: where the words that can qualify a mention begin and end.

Clauses end at sentence punctuation and bullets, and at line breaks, except where a wrapped
line plainly continues. Every context rule reads inside these limits.
"""

from __future__ import annotations

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
    space = tokens.space
    starts = []
    start = 0
    for index, text in enumerate(tokens.orth):
        starts.append(start)
        # Only clause punctuation and whitespace can end a clause.
        if (text in CLAUSE_PUNCT or space[index]) and ends_at(tokens, index):
            start = index + 1
    return starts


def ends_at(tokens: Tokens, index: int) -> bool:
    """Whether token ``index`` ends its clause (see :func:`clause_bounds`)."""
    text = tokens.orth[index]
    if text == "*":  # a bullet, not Markdown emphasis ("**4 years**")
        if not index:
            return True
        before = index - 1
        line_start = tokens.space[before] and tokens.breaks[before] > 0
        spaced = (tokens.spaced[before] or tokens.space[before]) and tokens.spaced[index]
        return line_start or spaced
    if text in CLAUSE_PUNCT:
        return True
    breaks = tokens.breaks[index]  # only line breaks end a clause otherwise
    if not breaks:
        return False
    if breaks > 1 or index == 0 or index + 1 >= len(tokens):
        return True
    before, after = index - 1, index + 1
    continues = tokens.lower[before] in FUNCTION_WORDS or tokens.orth[before] == ","
    return not (continues or (tokens.lowercase[after] and not tokens.punct[before]))


def clause_end_at(tokens: Tokens, index: int) -> int:
    """The index of the token that ends the clause holding ``index`` (at most MAX_REACH on)."""
    limit = min(len(tokens), index + MAX_REACH)
    while index < limit and not ends_at(tokens, index):
        index += 1
    return index
