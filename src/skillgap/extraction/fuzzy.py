"""Second-chance matching for words the phrase matchers missed: variants and typos.

Two steps, both explicit and auditable:

1. *Variants*: lower-case the words and drop spaces, hyphens, dots and slashes, then look the
   result up among the aliases treated the same way ("node js" = Node.js, "micro-services" =
   Microservices, "CI-CD" = CI/CD).
2. *Typos*: a single unknown word of at least ``MIN_LENGTH`` characters is compared with
   ``fuzz.ratio`` (plain edit similarity, never WRatio, which rates "Java"/"JavaScript" at 90)
   to the aliases of tool-like skills. Words that are English derivations ("caching",
   "catching") are never candidates: only aliases that are not ordinary words take part.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from skillgap.taxonomy import Taxonomy

SCORE_CUTOFF = 88.0
MIN_LENGTH = 6
MIN_KEY = 4  # shorter variant keys are not indexed: "go" or "c" must match exactly
MIN_COMPOUND = 10  # multi-word aliases take part in typo matching written together
COMPOUND_CUTOFF = 92.0
_SEPARATORS = re.compile(r"[\s\-._/]+")
# Aliases ending like ordinary English words are left out of typo matching.
_ENGLISH_ENDINGS = ("ing", "tion", "ment", "ity", "ness", "ance", "ence", "ship", "ed", "ive")


def variant_key(text: str) -> str:
    """``"Node JS"`` and ``"node.js"`` both become ``"nodejs"``; plural ``s`` is dropped."""
    key = _SEPARATORS.sub("", text.lower())
    return key[:-1] if len(key) > 4 and key.endswith("s") and not key.endswith("ss") else key


class FuzzyIndex:
    """Lookups from unmatched word sequences to skill ids."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.variants: dict[str, str] = {}
        words: dict[str, str] = {}
        compounds: dict[str, str] = {}
        for alias in taxonomy.aliases():
            skill = taxonomy[alias.skill_id]
            if alias.case_sensitive or skill.needs_context:
                continue
            key = variant_key(alias.text)
            if len(key) >= MIN_KEY:
                self.variants.setdefault(key, alias.skill_id)
            word = alias.text.lower()
            if len(word) >= MIN_LENGTH and word.isalpha() and not word.endswith(_ENGLISH_ENDINGS):
                words.setdefault(word, alias.skill_id)
            elif " " in word and len(key) >= MIN_COMPOUND and key.isalpha():
                compounds.setdefault(key, alias.skill_id)  # "load balancing" as "loadbalancing"
        self._words = (sorted(words), [words[w] for w in sorted(words)])
        self._compounds = (sorted(compounds), [compounds[c] for c in sorted(compounds)])
        self.lookup = lru_cache(maxsize=65536)(self._lookup)

    def _lookup(self, words: str, single_word: bool) -> tuple[str, float] | None:
        """The skill id and score for a word sequence, or None."""
        key = variant_key(words)
        skill_id = self.variants.get(key)
        if skill_id is not None:
            return skill_id, 100.0
        if not key.isalpha() or len(key) < MIN_LENGTH:
            return None
        if single_word:
            hit = _closest(words.lower(), *self._words, SCORE_CUTOFF, same_start=1)
            if hit is not None:
                return hit
        if len(key) < MIN_COMPOUND:
            return None
        return _closest(key, *self._compounds, COMPOUND_CUTOFF, same_start=3)


def _closest(
    word: str, choices: list[str], ids: list[str], cutoff: float, same_start: int
) -> tuple[str, float] | None:
    """The best choice by plain edit similarity, if it is a typo and not another word form."""
    best = process.extractOne(word, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
    if best is None:
        return None
    choice, score, index = best
    if choice[:same_start] != word[:same_start] or _is_derivation(word, choice):
        return None
    if abs(len(choice) - len(word)) > 2:
        return None
    return ids[index], round(score, 1)


def _is_derivation(word: str, alias: str) -> bool:
    """ "collaborative" vs "collaborate": same stem, another ending. A typo changes the inside."""
    prefix = 0
    for a, b in zip(word, alias, strict=False):
        if a != b:
            break
        prefix += 1
    shorter, longer = sorted((len(word), len(alias)))
    return prefix >= shorter - 1 and longer - prefix >= 2
