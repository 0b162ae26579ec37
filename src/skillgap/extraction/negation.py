"""Mentions that are not claims: negated ("no Kafka experience") or only being learned.

A cue counts only when nothing but filler words and other listed skills stands between it
and the mention.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc

from skillgap.extraction.clauses import any_word
from skillgap.extraction.lists import LIST_GLUE, LIST_ITEM_WORDS, skip_back

NEGATION = {"no", "not", "never", "without", "n't", "nor", "neither", "lack", "lacking", "none"}

NEGATION_FILLER = {
    "experience", "exposure", "knowledge", "with", "in", "of", "using", "used", "use", "run",
    "worked", "work", "professional", "professionally", "prior", "production", "any", "the",
    "yet", "hands-on", "have", "has", "had", "do", "does", "did", "been", "familiarity",
    "commercial", "real", "practical", "much", "we", "i", "really", "need", "required",
    "require", "requires", "necessary", "needed", "a", "an", "expected", "background", "on",
}  # fmt: skip

LEARNING = {"learning", "learn", "studying", "study", "exploring", "explore"}

LEARNING_CONNECTORS = {"like", "as", "including", "in", "about", "with", "of", "namely", ":"}

LEARNING_REACH = 8  # words between a learning cue and its connector ("learn ... skills in ...")

REQUIREMENT_WORDS = {"need", "required", "require", "requires", "necessary", "needed",
                     "prerequisite", "must", "expected", "mandatory"}  # fmt: skip

_CUE_WORD = any_word(NEGATION | LEARNING)  # a fast first look: most clauses hold no cue


def negation_reason(
    doc: Doc, start: int, end: int, clause_start: int, other_mentions: Container[int]
) -> str | None:
    """ "negated", "learning" or None for the mention ``doc[start:end]``.

    A negation counts only when nothing but filler words and other listed skills stands
    between it and the mention: "no experience with Kafka or Kubernetes". A learning cue
    counts when the mention is its object ("currently learning Rust") or follows it through a
    connector ("eager to learn technologies like Go"), but not when the cue already has its
    own object ("enthusiastic to learn new technologies AWS, Docker" is a table of claims).
    """
    clause_text = doc[clause_start : min(len(doc), end + 3)].text
    if not _CUE_WORD.search(clause_text):
        return None  # no negation or learning word in the clause: the common case
    index = skip_back(doc, start - 1, clause_start, other_mentions, NEGATION_FILLER)
    if index is not None and doc[index].lower_ in NEGATION:
        return "negated"
    index = _list_head(doc, start - 1, clause_start, other_mentions)
    if index is not None:
        if doc[index].lower_ in LEARNING:
            return "learning"
        if doc[index].lower_ in LEARNING_CONNECTORS:
            window = doc[max(clause_start, index - LEARNING_REACH) : index]
            if any(token.lower_ in LEARNING for token in window):
                return "learning"
    after = [token.lower_ for token in doc[end : min(len(doc), end + 3)]]
    if after[:1] == ["("] and len(after) > 1 and after[1] in LEARNING:
        return "learning"
    return None


def negation_is_about_requirement(doc: Doc, clause_start: int, end: int) -> bool:
    """In a job, "Go is not required" makes Go optional rather than absent."""
    clause = doc[clause_start : min(len(doc), end + 6)]
    return any(token.lower_ in REQUIREMENT_WORDS for token in clause)


def _list_head(doc: Doc, index: int, clause_start: int, skip: Container[int]) -> int | None:
    """Walk left over a list ("Python, Erlang, Elixir, Go"); the index of the word before it.

    An unknown word is a list item only when glue (",", "and", "/") follows it: in "learn new
    technologies AWS, Docker" the walk stops at "technologies".
    """
    words = 0
    right = "mention"
    while index >= clause_start:
        token = doc[index]
        lower = token.lower_
        joined = index > 0 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_
        if not joined and (lower in LEARNING or lower in LEARNING_CONNECTORS or lower in NEGATION):
            return index
        if index in skip:
            words, right = 0, "mention"
        elif lower in LIST_GLUE or token.is_space:
            words, right = 0, "glue" if not token.is_space else right
        elif token.is_alpha and words < LIST_ITEM_WORDS and right in ("glue", "word"):
            words, right = words + 1, "word"
        else:
            return index
        index -= 1
    return None
