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

from skillgap.extraction.inflect import IRREGULAR
from skillgap.taxonomy import Taxonomy

SCORE_CUTOFF = 88.0
MIN_LENGTH = 6
MIN_KEY = 4  # shorter variant keys are not indexed: "go" or "c" must match exactly
MIN_COMPOUND = 10  # multi-word aliases take part in typo matching written together
COMPOUND_CUTOFF = 92.0
MAX_LENGTH_CHANGE = 2  # characters a typo may add or drop
DEAD_WORDS = 200_000  # written words remembered; forgotten all at once past this
MISSING = ("", 0.0)  # not yet in a memo
_SEPARATORS = re.compile(r"[\s\-._/]+")
_DROP_SEPARATORS = str.maketrans(dict.fromkeys(" \t\n-._/"))
_PLURAL_TAILS = {"", "s", "es"}  # endings that differ by a plural only: no derivation
# Aliases ending like ordinary English words are left out of typo matching.
_ENGLISH_ENDINGS = ("ing", "tion", "ment", "ity", "ness", "ance", "ence", "ship", "ed", "ive")


def variant_key(text: str) -> str:
    """``"Node JS"`` and ``"node.js"`` both become ``"nodejs"``; plural ``s`` is dropped."""
    return _singular(_SEPARATORS.sub("", text.lower()))


def _singular(key: str) -> str:
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
        self._words = _Choices(words, same_start=1, cutoff=SCORE_CUTOFF)
        self._compounds = _Choices(compounds, same_start=3, cutoff=COMPOUND_CUTOFF)
        self._typo = lru_cache(maxsize=65536)(self._closest_typo)
        # A run of words can name a skill only if its first word begins a variant ("node" of
        # "nodejs") or has a compound typo's first letters: set looks reject most words at once.
        self._heads = {key[:end] for key in self.variants for end in range(1, len(key) + 1)}
        self._heads.update(key + "s" for key in self.variants)  # the plural's other prefixes
        self._compound_starts = {start for start, _ in self._compounds.buckets}
        # Per written word: (its key, whether a run of words may start with it, what it
        # names alone). Words repeat across documents, so most tokens cost one look.
        self._seen: dict[str, tuple[str, bool, tuple[str, float] | None]] = {}
        # A word and the usable words after it -> what the longest run of them names.
        self._runs: dict[tuple[object, ...], tuple[str, float, int] | None] = {}

    def lookup(self, words: str, single_word: bool) -> tuple[str, float] | None:
        """The skill id and score for a word sequence, or None."""
        return self._match(variant_key(words), words.lower() if single_word else None)

    def scan(
        self, words: list[str], usable: list[bool], punct: list[bool], first: int = 0
    ) -> list[tuple[str, int, int, float]]:
        """``(skill id, first token, end token, score)`` for runs of usable tokens that name a
        skill, longest run first at each token, from token ``first`` on.

        ``words`` are the tokens' texts; a run never ends on punctuation, and only usable
        tokens (not covered by another match, not a link) join one.
        """
        seen = self._seen
        if len(seen) > DEAD_WORDS:
            seen.clear()
        if len(self._runs) > DEAD_WORDS:
            self._runs.clear()
        known, longest = seen.get, self._runs.get
        found: list[tuple[str, int, int, float]] = []
        index = first
        count = len(words)
        while index < count:
            if not usable[index] or punct[index]:
                index += 1
                continue
            word = words[index]
            info = known(word) or self._word(word)
            alone = info[2]
            # A longer run needs this word to start one and the next word to join it.
            if info[1] and index + 1 < count and usable[index + 1]:
                # The run from here depends only on the usable words that follow (and
                # whether they are punctuation): remembered by them. A run is three words at
                # most ("micro - services"), so the key is written out as one tuple (a list
                # grown in a loop cost twice as much).
                after, second = index + 1, index + 2
                if second < count and usable[second]:
                    key = (word, words[after], punct[after], words[second], punct[second])
                else:
                    key = (word, words[after], punct[after])
                run = longest(key, MISSING)
                if run is MISSING:
                    run = self._longest_run(key)
                if run is not None:
                    found.append((run[0], index, index + run[2], run[1]))
                    index += run[2]
                    continue
            if alone is not None:
                found.append((alone[0], index, index + 1, alone[1]))
            index += 1
        return found

    def _longest_run(self, key: tuple[object, ...]) -> tuple[str, float, int] | None:
        """What the longest run of words from a word names, as ``(skill id, score, words)``:
        ``key`` is the word, then each usable word after it with whether it is punctuation.
        A run never ends on punctuation; remembered by its key."""
        known = self._seen.get
        joined = (known(key[0]) or self._word(key[0]))[0]  # type: ignore[arg-type]
        runs: list[tuple[int, str]] = []
        for number in range(1, len(key), 2):
            word = key[number]
            joined += (known(word) or self._word(word))[0]  # type: ignore[arg-type]
            if not self._may_start(joined):  # nor can any longer run; the shorter ones stand
                break
            if not key[number + 1]:
                runs.append((number // 2 + 2, joined))
        hit = None
        for size, joined in reversed(runs):  # the longest run first
            named = self._run(_singular(joined))
            if named is not None:
                hit = (named[0], named[1], size)
                break
        self._runs[key] = hit
        return hit

    def _word(self, word: str) -> tuple[str, bool, tuple[str, float] | None]:
        """What :meth:`scan` needs to know of one written word, remembered."""
        lowered = word.lower()
        # Most words hold no separator to drop, and isalnum() says so faster than translate.
        head = lowered if lowered.isalnum() else lowered.translate(_DROP_SEPARATORS)
        runs = self._may_start(head)
        key = _singular(head)
        alone = self._match(key, lowered) if len(key) >= MIN_KEY else None
        info = self._seen[word] = (head, runs, alone)
        return info

    def _may_start(self, joined: str) -> bool:
        """Whether a run whose keys, joined, begin with ``joined`` may name a skill: a variant
        has every prefix in ``_heads``, and a compound typo keeps its first three letters."""
        return joined in self._heads or len(joined) < 3 or joined[:3] in self._compound_starts

    def _run(self, key: str) -> tuple[str, float] | None:
        """What a run of several words names: :meth:`_match` with no single word."""
        skill_id = self.variants.get(key)
        if skill_id is not None:
            return skill_id, 100.0
        if len(key) < MIN_COMPOUND or not key.isalpha():
            return None
        # No bucket of its first letters and length: no compound typo, and nothing scored.
        return self._compounds.closest(key)  # runs are remembered by scan

    def _match(self, key: str, single: str | None) -> tuple[str, float] | None:
        skill_id = self.variants.get(key)
        if skill_id is not None:
            return skill_id, 100.0
        if not key.isalpha() or len(key) < MIN_LENGTH:
            return None
        return self._typo(key, single)

    def _closest_typo(self, key: str, single: str | None) -> tuple[str, float] | None:
        if single is not None:
            hit = self._words.closest(single)
            if hit is not None:
                return hit
        if len(key) < MIN_COMPOUND:
            return None
        return self._compounds.closest(key)


class _Choices:
    """Aliases for typo matching, bucketed by their first letters and their length.

    A typo keeps the first letters and changes the length by two at most (less where the
    cutoff allows less), so only the aliases of one bucket can match a word; scoring those
    few instead of every alias is what makes fuzzy matching cheap (a few microseconds a query
    instead of tens).
    """

    def __init__(self, by_alias: dict[str, str], same_start: int, cutoff: float) -> None:
        self.same_start, self.cutoff = same_start, cutoff
        # (first letters, a word's length) -> the aliases it may be a typo of, by name: each
        # alias joins the buckets of the lengths it is near, in alphabetical order
        self.buckets: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
        for alias in sorted(by_alias):
            start, size = alias[:same_start], len(alias)
            for length in range(size - MAX_LENGTH_CHANGE, size + MAX_LENGTH_CHANGE + 1):
                if _best_ratio(length, size) < cutoff:
                    continue  # no word of this length can score enough: never scored
                near, ids = self.buckets.setdefault((start, length), ([], []))
                near.append(alias)
                ids.append(by_alias[alias])

    def closest(self, word: str) -> tuple[str, float] | None:
        """The best alias by plain edit similarity, if it is a typo and not another word form."""
        bucket = self.buckets.get((word[: self.same_start], len(word)))
        if bucket is None:
            return None
        choices, ids = bucket
        best = process.extractOne(
            word, choices, scorer=fuzz.ratio, processor=None, score_cutoff=self.cutoff
        )
        if best is None or _is_derivation(word, best[0]) or _is_past_form(word, best[0], best[1]):
            return None
        return ids[best[2]], round(best[1], 1)


def _best_ratio(length: int, other: int) -> float:
    """The highest ``fuzz.ratio`` two words of these lengths can reach: each character one
    has beyond the other's length is an insertion (a hair above, against rounding)."""
    return 100.0 * (1.0 - abs(length - other) / (length + other)) + 1e-6


# An irregular past form and its base: "built" is no typo of "build" ("Built pipelines on
# AWS" names no "build pipeline").
_PAST_FORMS = sorted(
    {(form, base) for base, forms in IRREGULAR.items() for form in forms if form != base},
    key=lambda pair: -len(pair[0]),
)


def _is_past_form(word: str, alias: str, score: float) -> bool:
    """The word is closer to the alias with a past form read as its base: a word form."""
    return any(
        form in word and fuzz.ratio(word.replace(form, base, 1), alias) > score
        for form, base in _PAST_FORMS
    )


def _is_derivation(word: str, alias: str) -> bool:
    """ "collaborative" vs "collaborate": same stem, another ending. A typo changes the inside."""
    prefix = 0
    for a, b in zip(word, alias, strict=False):
        if a != b:
            break
        prefix += 1
    shorter, longer = sorted((len(word), len(alias)))
    if not (prefix >= shorter - 1 and longer - prefix >= 2):
        return False
    # A letter dropped before a plural "s" is a typo: "Kubernets" for "Kubernetes".
    return not {word[prefix:], alias[prefix:]} <= _PLURAL_TAILS
