"""Match every surface form of the taxonomy: any-case and exact-case forms, as token sequences.

A name that is also an English word only in one case ("GO", "Go") is matched exactly; all
other forms, with their plural and hyphen/space spellings, in any case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from typing import Any

import numpy

from skillgap.extraction.sequences import SequenceIndex, hashes
from skillgap.extraction.tokenizer import CachingTokenizer
from skillgap.extraction.tokens import Tokens
from skillgap.taxonomy import Alias, Taxonomy


@dataclass(frozen=True)
class MatchInfo:
    """What a matcher label stands for."""

    skill_id: str
    method: str  # "exact" for the canonical name, "alias" otherwise
    cased: bool = False  # an exact-case form ("GO", "LESS")


class SkillMatcher:
    """Token-sequence indexes of all surface forms: case-insensitive and exact-case ones, plus
    the exact-case forms in any case for lower-case tag lines ("r java nosql")."""

    def __init__(self, tokenizer: CachingTokenizer, taxonomy: Taxonomy) -> None:
        built = tokenizer.table.built("matcher", taxonomy.version)
        if built is None:
            built = index_entries(tokenizer, taxonomy)
        self.labels = [
            MatchInfo(skill_id, method, cased) for skill_id, method, cased in built["labels"]
        ]
        # The any-case forms are searched with the lower-case ones, in the same column: their
        # labels (exact-case forms) tell them apart.
        self.lower = _index(built["lower"] + built["loose"])
        self.exact = _index(built["exact"])
        self.shared = _shared_forms(taxonomy)
        self.exact_name = [info.method == "exact" for info in self.labels]
        self.cased = [info.cased for info in self.labels]
        self._any_case: tuple[Tokens | None, list[tuple[int, int, int]]] = (None, [])

    def __call__(self, tokens: Tokens) -> list[tuple[int, int, int]]:
        """All ``(label, start token, end token)`` matches, longest first on overlap.

        A product name hides the names inside it ("SQL" in "SQL Server"). A form that two
        skills share on purpose (``ambiguous_aliases``) counts for both.
        """
        rows, breaks = tokens.hashes, _joinable_breaks(tokens)
        kept = _Kept(breaks, len(rows))
        lower, lower_across = kept.search(self.lower, rows[:, 0])
        exact, exact_across = kept.search(self.exact, rows[:, 1])
        cased = self.cased
        self._any_case = (tokens, [match for match in lower if cased[match[0]]])
        matches = [match for match in lower if not cased[match[0]]] + exact
        matches += [match for match in lower_across if not cased[match[0]]] + exact_across
        # Longest first at each start; of two labels for one span, the canonical name first.
        exact_name = self.exact_name
        matches.sort(key=lambda match: (match[1], match[1] - match[2], not exact_name[match[0]]))
        kept: list[tuple[int, int, int]] = []
        end = -1
        outer: tuple[int, int, int] | None = None
        for label, start, stop in matches:
            if start >= end:
                kept.append((label, start, stop))
                end = stop
                outer = (label, start, stop)
            elif outer is not None and (start, stop) == outer[1:] and self._shared(outer, label):
                kept.append((label, start, stop))
        return kept

    def any_case(self, tokens: Tokens) -> list[tuple[int, int, int]]:
        """Matches of the exact-case forms in any case ("go", "rest", "cypress"): only a tag
        line, where everything is written in lower case, may use them. Found by the last
        call on ``tokens``."""
        if self._any_case[0] is not tokens:
            self(tokens)
        return self._any_case[1]

    def _shared(self, outer: tuple[int, int, int], label: int) -> bool:
        outer_id = self.labels[outer[0]].skill_id
        return self.labels[label].skill_id in self.shared.get(outer_id, set())


INDEXES = ("lower", "exact", "loose")


def index_entries(tokenizer: CachingTokenizer, taxonomy: Taxonomy) -> dict[str, list[list[Any]]]:
    """The matcher's labels ``[skill id, method, exact case]`` and, per index, its entries
    ``[label, token hash, ...]``: plain data, which ``scripts/build_token_data.py`` stores for
    the shipped taxonomy (hashing 8,000 forms took a fifth of the start-up)."""
    built: dict[str, list[list[Any]]] = {"labels": [], **{name: [] for name in INDEXES}}
    for (skill_id, case_sensitive, method), variants in sorted(_forms(taxonomy).items()):
        label = len(built["labels"])
        built["labels"].append([skill_id, method, case_sensitive])
        for variant in sorted(variants):
            pieces = tokenizer.pieces(variant)
            if pieces:
                index = "exact" if case_sensitive else "lower"
                built[index].append([label, *hashes(pieces, lower=not case_sensitive)])
                if case_sensitive:
                    built["loose"].append([label, *hashes(pieces, lower=True)])
    return built


def _index(entries: list[list[Any]]) -> SequenceIndex:
    index = SequenceIndex()
    for label, *sequence in entries:
        index.add(tuple(sequence), label)
    return index


def _forms(taxonomy: Taxonomy) -> dict[tuple[str, bool, str], set[str]]:
    """Every spelling to match, by (skill id, exact case, "exact" or "alias")."""
    names = {skill.id: skill.name for skill in taxonomy}
    by_label: dict[tuple[str, bool, str], set[str]] = {}
    for alias in taxonomy.aliases():
        method = "exact" if alias.text == names[alias.skill_id] else "alias"
        key = (alias.skill_id, alias.case_sensitive, method)
        by_label.setdefault(key, set()).update(surface_variants(alias))
    return by_label


def _shared_forms(taxonomy: Taxonomy) -> dict[str, set[str]]:
    """For each skill, the skills it shares an ``ambiguous_aliases`` form with."""
    by_form: dict[str, set[str]] = {}
    for skill in taxonomy:
        for form in skill.record.ambiguous_aliases:
            by_form.setdefault(form.lower(), set()).add(skill.id)
    shared: dict[str, set[str]] = {}
    for owners in by_form.values():
        for owner in owners:
            shared.setdefault(owner, set()).update(owners - {owner})
    return shared


_WORD_END = re.compile(r"[A-Za-z]$")


def surface_variants(alias: Alias) -> Iterable[str]:
    """The alias, its plural and its hyphen/space spellings ("cloud native", "cloud-native")."""
    text = alias.text
    forms = {text}
    if " " in text:
        forms.add(text.replace(" ", "-"))
    if "-" in text and " " not in text:
        forms.add(text.replace("-", " "))
    for form in list(forms):
        last = form.split()[-1]
        if (
            _WORD_END.search(form)
            and (len(last) > 3 or (len(last) == 3 and last.isupper()))  # "JWTs", "SDKs"
            and not form.endswith(("s", "y", "x", "ch", "sh"))
            and not alias.case_sensitive
        ):
            forms.add(form + "s")
    return forms


BREAK_REACH = 6  # words searched on each side of a line break: longer than any name


def _joinable_breaks(tokens: Tokens) -> list[int]:
    """The line breaks that may cut a name in two: wrapped prose goes on in lower case after
    a word; a new item does not."""
    last, breaks, lowercase, alpha = len(tokens) - 1, tokens.breaks, tokens.lowercase, tokens.alpha
    return [
        i
        for i in compress(range(len(tokens)), tokens.space)
        if 0 < i < last and breaks[i] == 1 and lowercase[i + 1] and alpha[i - 1]
    ]


class _Kept:
    """A document's tokens less its joinable line breaks: the words on either side of a break
    are read as if it were a space, which finds the names a single line break cuts in two
    ("code\nreview", "Automated\n  testing").

    The breaks are taken out and an index searches what is left, once. A match there is one
    in the document unless it covers a gap; then it spans a break, and counts when it lies
    within ``BREAK_REACH`` words of one.
    """

    def __init__(self, breaks: list[int], size: int) -> None:
        self.breaks = breaks
        if breaks:
            keep = numpy.ones(size, dtype=bool)
            keep[breaks] = False
            self.positions = numpy.flatnonzero(keep)
            self.at = self.positions.tolist()

    def search(
        self, index: SequenceIndex, column: numpy.ndarray
    ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
        """The index's matches in a column of hashes, and apart those across a break."""
        if not self.breaks:
            return index.find(column), []
        at, breaks = self.at, self.breaks
        whole: list[tuple[int, int, int]] = []
        across: list[tuple[int, int, int]] = []
        for label, start, stop in index.find(column[self.positions]):
            first, last = at[start], at[stop - 1] + 1
            if last - first == stop - start:
                whole.append((label, first, last))
            elif _near_a_break(breaks, first, last):
                across.append((label, first, last))
        return whole, across


def _near_a_break(breaks: list[int], first: int, last: int) -> bool:
    """Whether tokens ``first`` to ``last`` lie within ``BREAK_REACH`` of one break."""
    at = bisect.bisect_left(breaks, last - 1 - BREAK_REACH)
    return at < len(breaks) and breaks[at] <= first + BREAK_REACH
