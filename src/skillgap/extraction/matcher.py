"""Phrase matchers over every surface form of the taxonomy: any-case and exact-case ones.

A name that is also an English word only in one case ("GO", "Go") is matched exactly; all
other forms, with their plural and hyphen/space spellings, in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from skillgap.taxonomy import Alias, Taxonomy


@dataclass(frozen=True)
class MatchInfo:
    """What a matcher label stands for."""

    skill_id: str
    method: str  # "exact" for the canonical name, "alias" otherwise


class SkillMatcher:
    """Phrase matchers for all surface forms: case-insensitive and exact-case ones, plus the
    exact-case forms in any case for lower-case tag lines ("r java nosql")."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.nlp = nlp
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.loose = PhraseMatcher(nlp.vocab, attr="LOWER")
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
            patterns = list(nlp.tokenizer.pipe(sorted(variants)))
            matcher.add(label, patterns)
            if case_sensitive:
                self.loose.add(label, patterns)

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

    def any_case(self, doc: spacy.tokens.Doc) -> list[tuple[int, int, int]]:
        """Matches of the exact-case forms in any case ("go", "rest", "cypress"): only a tag
        line, where everything is written in lower case, may use them."""
        return self.loose(doc)

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
