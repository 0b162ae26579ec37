"""Clause limits: where the words that can qualify a mention begin and end.

Clauses end at sentence punctuation and bullets, and at line breaks, except where a wrapped
line plainly continues. Every context rule reads inside these limits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc

CLAUSE_PUNCT = {".", "!", "?", ";", "•", "▪", "●", "◦", "·", "➔", "|", "*", "–", "—"}

FUNCTION_WORDS = {
    "with", "of", "in", "and", "or", "the", "a", "an", "to", "for", "on", "using", "as",
    "by", "at", "from", "including", "such", "like", "via", "across", "into", "both",
}  # fmt: skip

# How far (in tokens) a rule reads around a mention. A real clause is far shorter; the bound
# keeps a hostile "clause" (a 100,000-item list on one line) linear instead of quadratic.
MAX_REACH = 120


def clause_bounds(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its clause.

    Clauses end at sentence punctuation and bullets, and at line breaks, except where a
    wrapped line plainly continues (after "with", "of", a comma, before a lower-case word).
    """
    punct = {doc.vocab.strings[mark] for mark in CLAUSE_PUNCT}
    starts = []
    start = 0
    # Only punctuation and whitespace can end a clause; the array spares a Token per word.
    for index, (orth, space) in enumerate(doc.to_array([ORTH, IS_SPACE]).tolist()):
        starts.append(start)
        if (orth in punct or space) and ends_clause(doc, index):
            start = index + 1
    return starts


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
