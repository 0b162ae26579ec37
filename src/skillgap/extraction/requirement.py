"""Requirement level in a job ad: which cues make a skill nice to have rather than required.

The nearest cue wins: a bracketed "(preferred)" or a leading "ideally" qualifies its own
skill; other cues qualify the whole sentence.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc

from skillgap.extraction.clauses import clause_end
from skillgap.extraction.lists import skip_back

PREFERRED_CUES = {
    "plus", "bonus", "nice", "preferred", "prefer", "ideal", "desired", "desirable",
    "advantage", "advantageous", "optional", "teach", "bonuses", "pluses", "appreciated",
    "welcome", "helpful", "beneficial", "translates",
}  # fmt: skip

# Cues that qualify only the skill right after them: "ideally Redshift, and AWS".
PREFIX_CUES = {"ideally", "preferably", "potentially", "optionally"}

NOT_REQUIRED_PHRASES = ("not required", "nice to have", "we'll teach", "can be learned",
                        "not a requirement", "more concerned with", "do not require",
                        "don't require", "not a prerequisite", "no need")  # fmt: skip  # fmt: skip


def has_preferred_cue(
    doc: Doc, clause_start: int, start: int, end: int, others: Container[int]
) -> bool:
    """Whether a "nice to have" cue qualifies the mention ``doc[start:end]``.

    The nearest cue wins: "(preferred)" right after a skill and "ideally" right before one
    qualify that skill (and the list it heads) only; other cues ("is a plus", "bonus",
    "not required") qualify the whole sentence.
    """
    stop = clause_end(doc, end)
    if _parenthesised_cue(doc, end):
        return True
    before = skip_back(doc, start - 1, clause_start, others, set())
    if before is not None and doc[before].lower_ in PREFIX_CUES:
        return True
    for index in range(clause_start, stop):
        word = doc[index].lower_
        if word in PREFERRED_CUES and not _is_local_cue(doc, index, start, end):
            return True
    text = doc[clause_start:stop].text.lower()
    return any(phrase in text for phrase in NOT_REQUIRED_PHRASES)


def _parenthesised_cue(doc: Doc, end: int) -> bool:
    """ "Terraform (preferred)": a cue in brackets right after the skill."""
    words = [token.lower_ for token in doc[end : min(len(doc), end + 3)]]
    return len(words) >= 2 and words[0] == "(" and words[1] in PREFERRED_CUES | PREFIX_CUES


def _is_local_cue(doc: Doc, index: int, start: int, end: int) -> bool:
    """A bracketed cue that belongs to another skill than the one at ``doc[start:end]``."""
    return index >= 2 and doc[index - 1].text == "(" and index - 1 != end
