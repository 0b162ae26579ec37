"""Concept skills said without their names: "designed and versioned the public REST API".

The taxonomy's ``[[paraphrase]]`` records say how: an action done to an object within one
scope (a clause, joined across dashes), at most ``max_distance`` words apart, or a fixed
phrase. They are compiled once per taxonomy into token sequences keyed by their first word;
one pass over a document's words then finds every action, object and phrase.

Three rules keep a paraphrase from reading into plain nouns and boilerplate:

- A bare or "-s" verb form ("design", "models") counts only where a verb stands: at the start
  of a scope or after a bullet or colon, after a subject or helper word ("we", "to", "will"),
  or coordinated with another known verb. "System design" and "the models" are nouns.
- An action coordinated with two or more of the record's ``generic`` verbs is generic
  ("design, develop and maintain APIs" is not API design).
- An action followed by a colon is a label ("Profile: backend engineer").

Coordination reaches across a list of verbs: in "designed and versioned the REST API" both
verbs reach the API. Found mentions span from the first word that triggered them to the last.
"""

from __future__ import annotations

import bisect
from collections.abc import Container
from dataclasses import dataclass
from itertools import compress
from typing import NamedTuple

from spacy.language import Language

from skillgap.extraction.inflect import plural_forms, verb_forms
from skillgap.extraction.words import Words
from skillgap.taxonomy import Taxonomy

# After these a bare verb form is a verb: "to design", "we model", "you'll shard".
LEADS = frozenset({
    "to", "will", "'ll", "’ll", "would", "can", "could", "should", "must", "may", "might",
    "shall", "i", "we", "you", "they", "he", "she", "who", "that", "which", "also", "then",
    "help", "helps", "please", "actively", "regularly", "often", "first",
})  # fmt: skip
DETERMINERS = frozenset({
    "the", "a", "an", "every", "each", "all", "our", "your", "their", "its", "his", "her",
    "this", "these", "those", "any", "my", "new", "existing", "how", "what",
})  # fmt: skip
CONJUNCTIONS = frozenset({"and", "or", ",", "&", "/", "and/or", "+"})
# Punctuation that closes off what is before it: "(async) Code exercise".
BLOCKERS = frozenset({"(", ")", "[", "]", "{", "}", '"', "“", "”"})
SOFT_PUNCT = frozenset({",", "/", "&", "'", "’", "+"})
# An action word right before these is a modifier: "troubleshooting skills" names a trait.
MODIFIED = frozenset({
    "skills", "skill", "experience", "abilities", "ability", "mindset", "background",
    "expertise", "knowledge", "techniques", "tools",
})  # fmt: skip
# "documenting each time ...": a time word after the determiner is no object.
TIME_WORDS = frozenset({
    "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "morning", "night", "sprint", "quarter",
})  # fmt: skip
MAX_CHAIN = 3  # verbs after the action in one coordinated list
ANY_OBJECT_DISTANCE = 99  # "document every step": weaker than any named object


@dataclass(frozen=True, eq=False)
class _Term:
    words: list[str]  # a list, so a slice of the document's words compares to it directly
    rule: int
    role: str  # "action", "noun", "object", "phrase" or "exclude"
    bare: bool = False  # a base or "-s" verb form: counts only where a verb stands
    cased: bool = False
    single: bool = False  # one word, as its key reads: found wherever the key stands


class _Starts(NamedTuple):
    """The terms that start with one word, looked up by the word after it: a common first
    word ("with", "api") starts dozens of longer terms, and comparing each one was most of the
    scan. Every list keeps the terms' order, so hits come out as from the whole list."""

    any_next: list[_Term]  # the terms that may match whatever follows: one word, or cased
    by_next: dict[str, list[_Term]]  # ... with the longer terms whose second word is the key

    @classmethod
    def of(cls, terms: list[_Term]) -> _Starts:
        any_next: list[_Term] = []
        by_next: dict[str, list[_Term]] = {
            term.words[1]: [] for term in terms if len(term.words) > 1 and not term.cased
        }
        for term in terms:  # in order, each list gets its terms in the order they came
            if len(term.words) == 1 or term.cased:
                any_next.append(term)
                for following in by_next.values():
                    following.append(term)
            else:
                by_next[term.words[1]].append(term)
        return cls(any_next, by_next)


@dataclass(frozen=True)
class _Rule:
    skill_id: str
    generic: frozenset[str]
    either_order: bool
    max_distance: int
    any_object: bool


@dataclass(frozen=True)
class Found:
    """A paraphrase in one document: token span, and what kind of evidence it is."""

    skill_id: str
    start: int
    end: int
    kind: str  # "composed" (action and object), "phrase" (fixed) or "exclude" (never the skill)


class ParaphraseFinder:
    """The compiled ``[[paraphrase]]`` records of one taxonomy; build it once."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.rules: list[_Rule] = []
        # Terms by their first word: those that act (actions, nouns, phrases, exclusions),
        # and the objects, read only for the rules some action was found of.
        first: dict[str, list[_Term]] = {}
        objects: dict[str, list[_Term]] = {}
        self._by_object_skill: dict[str, list[int]] = {}
        self._verbs: set[str] = set()  # every verb form a rule knows: evidence of coordination

        def tokens(text: str) -> list[str]:
            return [piece for piece in nlp.tokenizer.pieces(text) if not piece.isspace()]

        def add(text: str, rule: int, role: str, bare: bool = False, cased: bool = False) -> None:
            words = tokens(text)
            if not cased:
                words = [word.lower() for word in words]
            if words:
                key = words[0].lower()
                single = len(words) == 1 and not cased and words[0] == key
                term = _Term(words, rule, role, bare, cased, single)
                (objects if role == "object" else first).setdefault(key, []).append(term)

        for index, (_, record) in enumerate(taxonomy.paraphrases):
            generic: set[str] = set()
            for verb in record.generic:
                bare, inflected = verb_forms(verb)
                generic |= bare | inflected
            self._verbs |= generic
            self.rules.append(
                _Rule(
                    record.skill,
                    frozenset(generic),
                    record.order == "either",
                    record.max_distance,
                    record.any_object,
                )
            )
            for verb in record.actions:
                bare, inflected = verb_forms(verb)
                self._verbs |= {form.split()[0] for form in bare | inflected}
                for form in bare:
                    add(form, index, "action", bare=True)
                for form in inflected:
                    add(form, index, "action")
            for role, texts in (
                ("noun", record.nouns),
                ("object", record.objects),
                ("phrase", record.phrases),
                ("exclude", record.exclude),
            ):
                for text in texts:
                    for form in plural_forms(text):
                        add(form, index, role)
            for text in record.cased_phrases:
                add(text, index, "phrase", cased=True)
            for skill_id in record.object_skills:
                self._by_object_skill.setdefault(skill_id, []).append(index)
        self._first = {key: _Starts.of(terms) for key, terms in first.items()}
        self._objects = {key: _Starts.of(terms) for key, terms in objects.items()}
        self._keys = frozenset(first) | frozenset(objects)

    def find(
        self, words: Words, scope: list[int], mentions: list[tuple[str, int, int]]
    ) -> list[Found]:
        """Paraphrases in one document; ``mentions`` are ``(skill id, start, end)`` token spans
        of the names already found, which can be objects ("cached lookups in Redis")."""
        if not self.rules:
            return []
        actions: dict[int, list[tuple[int, int, _Term]]] = {}
        objects: dict[int, list[tuple[int, int]]] = {}
        found: list[Found] = []
        lower = words.lower
        # No key is whitespace (the schema strips every text), so no whitespace token is here.
        starts = list(compress(range(len(lower)), map(self._keys.__contains__, lower)))
        for start, end, term in self._hits(words, scope, starts, self._first):
            if term.role in ("action", "noun"):
                actions.setdefault(term.rule, []).append((start, end, term))
            else:
                kind = "phrase" if term.role == "phrase" else "exclude"
                found.append(Found(self.rules[term.rule].skill_id, start, end, kind))
        if actions:
            # An object counts only in the scope of an action (see ``_compose``): the other
            # scopes, most of the document, are not searched for objects.
            scoped = {scope[start] for hits in actions.values() for start, _, _ in hits}
            near = [index for index in starts if scope[index] in scoped]
            for start, end, term in self._hits(words, scope, near, self._objects, actions):
                objects.setdefault(term.rule, []).append((start, end))
            for skill_id, start, end in mentions:
                for rule in self._by_object_skill.get(skill_id, ()):
                    objects.setdefault(rule, []).append((start, end))
        # Per action word, what each rule made of it: (distance, object span, skill).
        made: dict[tuple[int, int], list[tuple[int, int, int, str]]] = {}
        for rule_index, hits in actions.items():
            rule = self.rules[rule_index]
            targets = sorted(objects.get(rule_index, ()))
            for start, end, term in hits:
                if not targets and not (rule.any_object and term.role == "action"):
                    continue  # nothing it could be done to
                composed = self._compose(words, scope, rule, start, end, term, targets)
                if composed is not None:
                    distance, target_start, target_end = composed
                    made.setdefault((start, end), []).append(
                        (distance, target_start, target_end, rule.skill_id)
                    )
        for (start, end), options in made.items():
            for skill_id, span in _nearest(words, start, end, options):
                found.append(Found(skill_id, span[0], span[1], "composed"))
        return sorted(set(found), key=lambda item: (item.start, item.end, item.skill_id))

    def _hits(
        self,
        words: Words,
        scope: list[int],
        indices: list[int],
        table: dict[str, _Starts],
        rules: Container[int] | None = None,
    ) -> list[tuple[int, int, _Term]]:
        """The terms of a table (of the given ``rules`` only) in the document, in order.

        Only the ``indices`` where some term starts are visited; a one-word term in any
        case needs no comparison, as its key is all of it.
        """
        hits = []
        lower = words.lower
        size = len(lower)
        for index in indices:
            starts = table.get(lower[index])
            if starts is None:
                continue
            terms = starts.any_next
            if index + 1 < size:
                terms = starts.by_next.get(lower[index + 1], terms)
            for term in terms:
                if rules is not None and term.rule not in rules:
                    continue
                if term.single:
                    hits.append((index, index + 1, term))
                    continue
                end = index + len(term.words)
                if end > size or scope[end - 1] != scope[index]:
                    continue
                seen = words.orth if term.cased else lower
                if seen[index:end] == term.words:
                    hits.append((index, end, term))
        return hits

    def _compose(
        self,
        words: Words,
        scope: list[int],
        rule: _Rule,
        start: int,
        end: int,
        term: _Term,
        targets: list[tuple[int, int]],
    ) -> tuple[int, int, int] | None:
        """``(distance, object start, object end)`` of the nearest object the action reaches."""
        floor = scope[start]
        # Objects after the action, nearest first, from here; with none in the action's scope
        # only an object before it or any object can be reached (most actions meet none).
        ahead = bisect.bisect_left(targets, (end, -1))
        if not (
            (ahead < len(targets) and scope[targets[ahead][0]] == floor)
            or rule.either_order
            or (rule.any_object and term.role == "action")
        ):
            return None
        after = words.following(end)
        if after is not None and words.lower[after] in MODIFIED:
            return None
        if term.role == "action":
            if after is not None and words.orth[after] == ":":
                return None  # a label ("Design: ...")
            if term.bare and not self._verb_position(words, floor, start):
                return None
        chain, chain_end = self._chain(words, scope, floor, start, end)
        if rule.generic and sum(word in rule.generic for word in chain) >= 2:
            return None
        best: tuple[int, int, int] | None = None  # (distance, object start, object end)
        # The first object out of reach ends the search (a bracket or the word count cuts off
        # everything beyond it too).
        for position in range(ahead, len(targets)):
            target_start, target_end = targets[position]
            if scope[target_start] != floor:
                break
            gap_from = chain_end if target_start >= chain_end else end
            if _blocked(words, end, gap_from):
                break
            # After a verb, a comma starts another item ("troubleshooting, apps"); after an
            # adjective it joins another one ("distributed, fault-tolerant systems").
            distance = _gap(words, gap_from, target_start, rule.max_distance, term.role)
            if distance is None or (best is not None and target_start != best[1]):
                break
            best = (distance, target_start, target_end)  # the longest object starting here
        if rule.either_order:
            before: tuple[int, int, int] | None = None
            for position in range(bisect.bisect_left(targets, (start, -1)) - 1, -1, -1):
                target_start, target_end = targets[position]
                if target_end > start:
                    continue  # overlaps the action
                if scope[target_start] != floor:
                    break
                distance = _gap(words, target_end, start, rule.max_distance, "noun")
                if distance is None:
                    break
                if before is not None and target_end != before[2]:
                    break
                before = (distance, target_start, target_end)  # the longest object ending here
            if before is not None and (best is None or before[0] <= best[0]):
                best = before
        if best is not None:
            return best
        if rule.any_object and term.role == "action":
            determiner = words.following(end)
            if (
                determiner is not None
                and scope[determiner] == floor
                and words.lower[determiner] in DETERMINERS
            ):
                noun = words.following(determiner + 1)
                if (
                    noun is not None
                    and scope[noun] == floor
                    and words.is_word(noun)
                    and words.lower[noun] not in TIME_WORDS
                ):
                    return ANY_OBJECT_DISTANCE, determiner, noun + 1
        return None

    def _verb_position(self, words: Words, floor: int, start: int) -> bool:
        """Whether a bare verb form stands where a verb does (see the module docstring)."""
        previous = words.previous(start, floor)
        if previous is None:
            return True
        word = words.lower[previous]
        if word in CONJUNCTIONS:
            before = words.previous(previous, floor)
            if before is not None and words.lower[before] in CONJUNCTIONS:
                before = words.previous(before, floor)
            if before is not None and words.lower[before] in self._verbs:
                return True
            # "Write SQL in our warehouse and model the data": a verb takes a determiner.
            after = words.following(start + 1)
            return after is not None and words.lower[after] in DETERMINERS
        if word in LEADS:
            return True
        return words.punct[previous] and word not in SOFT_PUNCT

    def _chain(
        self, words: Words, scope: list[int], floor: int, start: int, end: int
    ) -> tuple[list[str], int]:
        """The other verbs coordinated with the action, and where the list ends.

        Forward: "designed and versioned the API" reaches the API from "versioned". Backward
        only feeds the generic test: "develop, design and maintain".
        """
        chain: list[str] = []
        chain_end = end
        index = end
        for _ in range(MAX_CHAIN):
            glue = words.following(index)
            if glue is None or scope[glue] != floor or words.lower[glue] not in CONJUNCTIONS:
                break
            verb = words.following(glue + 1)
            if verb is not None and words.lower[verb] in CONJUNCTIONS:
                verb = words.following(verb + 1)
            if verb is None or scope[verb] != floor or not _chainable(words, verb):
                break
            chain.append(words.lower[verb])
            chain_end = index = verb + 1
        index = start
        for _ in range(MAX_CHAIN):
            glue = words.previous(index, floor)
            if glue is None or words.lower[glue] not in CONJUNCTIONS:
                break
            verb = words.previous(glue, floor)
            if verb is not None and words.lower[verb] in CONJUNCTIONS:
                verb = words.previous(verb, floor)
            if verb is None or not _chainable(words, verb):
                break
            chain.append(words.lower[verb])
            index = verb
        return chain, chain_end


def _nearest(
    words: Words, start: int, end: int, options: list[tuple[int, int, int, str]]
) -> list[tuple[str, tuple[int, int]]]:
    """One action word names the skill of its nearest object: "Design and implementation of
    the JSON-RPC API from the backend side" is API design, not system design. Objects
    coordinated with the nearest one count too ("designed the schema and the API")."""
    options.sort()
    best = options[0]
    kept = []
    for distance, target_start, target_end, skill_id in options:
        if distance == best[0] or (
            target_start >= best[2] and _coordinated(words, best[2], target_start)
        ):
            kept.append((skill_id, (min(start, target_start), max(end, target_end))))
    return kept


def _coordinated(words: Words, start: int, stop: int) -> bool:
    between = [words.lower[index] for index in range(start, stop) if not words.space[index]]
    joined = any(word in CONJUNCTIONS for word in between)
    return joined and len(between) <= 4 and between[0] in CONJUNCTIONS


def _chainable(words: Words, index: int) -> bool:
    word = words.lower[index]
    return words.is_word(index) and word.isalpha() and word not in DETERMINERS


def _gap(words: Words, start: int, stop: int, limit: int, role: str) -> int | None:
    """Words between an action and an object, or None when over ``limit`` or cut off by a
    bracket or quote (or, after a verb, by a comma). Stops as soon as it knows."""
    count = 0
    for index in range(start, stop):
        word = words.orth[index]
        if word in BLOCKERS or (word == "," and role == "action"):
            return None
        if words.is_word(index) and not words.hyphen_glued(index):
            count += 1
            if count > limit:
                return None
    return count


def _blocked(words: Words, start: int, stop: int) -> bool:
    return any(words.orth[index] in BLOCKERS for index in range(start, stop))
