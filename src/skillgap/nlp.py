"""The spaCy pipeline: a blank English tokenizer and phrase matchers over every alias.

No trained model is loaded: tokenization plus PhraseMatcher is all extraction needs, and it is
about 25x faster than a trained pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from skillgap.taxonomy import Alias, Taxonomy


def blank_english() -> Language:
    """``spacy.blank("en")`` with the tokenizer's no-op special cases removed.

    spaCy 3.8 stops caching words for the rest of a text after the first special case it
    meets (explosion/spaCy#13950). Newlines, spaces and ``C++`` are special cases whose output
    the affix rules give anyway, so dropping them changes no token and makes tokenizing
    15-20x faster (shared/research/performance.md section 2).
    """
    nlp = spacy.blank("en")
    default = nlp.tokenizer
    # Split "C++/C", "Java(5 yrs)" and run-together sentences ("PostgreSQL.Education").
    infixes = [*nlp.Defaults.infixes, r"/", r"[()\[\]]", r"\.(?=[A-Z][a-z])"]
    suffixes = [*nlp.Defaults.suffixes, r"-"]  # "PYTHON- Experience - 24 months"
    # One Tokenizer built with its final settings: each setter on a built one reloads all
    # special cases, which made start-up 0.3 s slower.
    settings = {
        "prefix_search": default.prefix_search,
        "suffix_search": _tail_search(spacy.util.compile_suffix_regex(suffixes).search),
        "infix_finditer": spacy.util.compile_infix_regex(infixes).finditer,
        "token_match": _overlong,  # blank English has none to keep
        "url_match": default.url_match,
    }
    bare = Tokenizer(nlp.vocab, rules={}, **settings)
    kept = {
        key: value
        for key, value in default.rules.items()
        if [token.text for token in bare(key)] != [piece[ORTH] for piece in value]
    }
    nlp.tokenizer = Tokenizer(nlp.vocab, rules=kept, **settings)
    return nlp


MAX_WORD = 500  # characters without whitespace; the corpus' longest is 160 (a URL)


def _overlong(word: str) -> bool:
    """Keep a whitespace-free run over MAX_WORD characters as one token.

    spaCy strips affixes one at a time, copying the rest of the word each time, so a
    250,000-emoji "word" took minutes. Such a run is garbage or an encoded blob, never a skill.
    """
    return len(word) > MAX_WORD


SUFFIX_WINDOW = 64  # characters; longer than any suffix rule matches in real text


def _tail_search(search: Callable[[str], re.Match[str] | None]) -> Callable[[str], Any]:
    """Look for a suffix among a word's last characters only.

    spaCy's suffix regex ends in ``$``, so each search scans the whole word, and a word loses
    one suffix per search: a 20,000-character run of emoji or ")" took minutes. spaCy reads only
    the match's length, so searching the tail gives the same tokens in linear time.
    """

    def tail_search(word: str) -> re.Match[str] | None:
        return search(word[-SUFFIX_WINDOW:])

    return tail_search


@dataclass(frozen=True)
class MatchInfo:
    """What a matcher label stands for."""

    skill_id: str
    method: str  # "exact" for the canonical name, "alias" otherwise


class SkillMatcher:
    """Phrase matchers for all surface forms: case-insensitive and exact-case ones."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.nlp = nlp
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[int, MatchInfo] = {}
        by_label: dict[tuple[str, bool, str], set[str]] = {}
        names = {skill.id: skill.name for skill in taxonomy}
        for alias in taxonomy.aliases():
            method = "exact" if alias.text == names[alias.skill_id] else "alias"
            for variant in surface_variants(alias):
                key = (alias.skill_id, alias.case_sensitive, method)
                by_label.setdefault(key, set()).add(variant)
        self.shared = _shared_forms(taxonomy)
        for (skill_id, case_sensitive, method), variants in sorted(by_label.items()):
            label = f"{skill_id}|{method}|{'cased' if case_sensitive else 'any'}"
            key = nlp.vocab.strings.add(label)
            self.labels[key] = MatchInfo(skill_id, method)
            matcher = self.exact if case_sensitive else self.lower
            matcher.add(label, list(nlp.tokenizer.pipe(sorted(variants))))

    def __call__(self, doc: spacy.tokens.Doc) -> list[tuple[int, int, int]]:
        """All ``(label, start token, end token)`` matches, longest first on overlap.

        A product name hides the names inside it ("SQL" in "SQL Server"). A form that two
        skills share on purpose (``ambiguous_aliases``) counts for both.
        """
        matches = self.lower(doc) + self.exact(doc)
        matches.sort(key=lambda match: (match[1], -(match[2] - match[1])))
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

    def _shared(self, outer: tuple[int, int, int], label: int) -> bool:
        outer_id = self.labels[outer[0]].skill_id
        return self.labels[label].skill_id in self.shared.get(outer_id, set())


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
            and len(last) > 3
            and not form.endswith(("s", "y", "x", "ch", "sh"))
            and not alias.case_sensitive
        ):
            forms.add(form + "s")
    return forms
