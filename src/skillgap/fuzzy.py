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
        typo_choices: dict[str, str] = {}
        for alias in taxonomy.aliases():
            skill = taxonomy[alias.skill_id]
            if alias.case_sensitive or skill.needs_context:
                continue
            key = variant_key(alias.text)
            if len(key) >= 4:
                self.variants.setdefault(key, alias.skill_id)
            word = alias.text.lower()
            if len(word) >= MIN_LENGTH and word.isalpha() and not word.endswith(_ENGLISH_ENDINGS):
                typo_choices.setdefault(word, alias.skill_id)
        self._typo_words = sorted(typo_choices)
        self._typo_ids = [typo_choices[word] for word in self._typo_words]
        self.lookup = lru_cache(maxsize=65536)(self._lookup)

    def _lookup(self, words: str, single_word: bool) -> tuple[str, float] | None:
        """The skill id and score for a word sequence, or None."""
        key = variant_key(words)
        skill_id = self.variants.get(key)
        if skill_id is not None:
            return skill_id, 100.0
        if not single_word or len(words) < MIN_LENGTH or not words.isalpha():
            return None
        word = words.lower()
        best = process.extractOne(
            word,
            self._typo_words,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=SCORE_CUTOFF,
        )
        if best is None or best[0][0] != word[0] or _is_derivation(word, best[0]):
            return None
        return self._typo_ids[best[2]], round(best[1], 1)


def _is_derivation(word: str, alias: str) -> bool:
    """"collaborative" vs "collaborate": same stem, another ending. A typo changes the inside."""
    prefix = 0
    for a, b in zip(word, alias, strict=False):
        if a != b:
            break
        prefix += 1
    shorter, longer = sorted((len(word), len(alias)))
    return prefix >= shorter - 1 and longer - prefix >= 2
