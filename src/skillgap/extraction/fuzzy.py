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
MAX_LENGTH_CHANGE = 2  # characters a typo may add or drop
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
        self._words = _Choices(words, same_start=1)
        self._compounds = _Choices(compounds, same_start=3)
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
            hit = self._words.closest(words.lower(), SCORE_CUTOFF)
            if hit is not None:
                return hit
        if len(key) < MIN_COMPOUND:
            return None
        return self._compounds.closest(key, COMPOUND_CUTOFF)


class _Choices:
    """Aliases for typo matching, bucketed by their first letters and their length.

    A typo keeps the first letters and changes the length by two at most, so only the aliases
    of one bucket per length can match; scoring those few instead of every alias is what
    makes fuzzy matching cheap (a few microseconds a query instead of tens).
    """

    def __init__(self, by_alias: dict[str, str], same_start: int) -> None:
        self.same_start = same_start
        self.buckets: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
        for alias in sorted(by_alias):
            choices, ids = self.buckets.setdefault((alias[:same_start], len(alias)), ([], []))
            choices.append(alias)
            ids.append(by_alias[alias])

    def closest(self, word: str, cutoff: float) -> tuple[str, float] | None:
        """The best alias by plain edit similarity, if it is a typo and not another word form."""
        start = word[: self.same_start]
        hits: list[tuple[float, str, str]] = []  # (-score, alias, id): best first, then by name
        for length in range(len(word) - MAX_LENGTH_CHANGE, len(word) + MAX_LENGTH_CHANGE + 1):
            bucket = self.buckets.get((start, length))
            if bucket is not None:
                choices, ids = bucket
                best = process.extractOne(
                    word, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff
                )
                if best is not None:
                    hits.append((-best[1], best[0], ids[best[2]]))
        if not hits:
            return None
        score, alias, skill_id = min(hits)
        return None if _is_derivation(word, alias) else (skill_id, round(-score, 1))


def _is_derivation(word: str, alias: str) -> bool:
    """ "collaborative" vs "collaborate": same stem, another ending. A typo changes the inside."""
    prefix = 0
    for a, b in zip(word, alias, strict=False):
        if a != b:
            break
        prefix += 1
    shorter, longer = sorted((len(word), len(alias)))
    return prefix >= shorter - 1 and longer - prefix >= 2
