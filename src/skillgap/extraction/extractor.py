"""Find the skills a document claims or asks for, with the evidence for each.

Pipeline for one document: tokenize → phrase-match every alias → second-chance variants and
typos on what is left → concept skills said in paraphrase → years stated, per skill and
overall → drop ambiguous names without technical context → sort each mention into claimed /
negated / learning → requirement level → one entry per skill.
"""

from __future__ import annotations

import bisect
import functools
import gc
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from skillgap.errors import DocumentError
from skillgap.extraction import ambiguity, clauses
from skillgap.extraction.alternatives import substitutes
from skillgap.extraction.context import (
    ContextEngine,
    Judgement,
    Target,
    first_sentence_of_line,
    judge,
    sentence_ids,
)
from skillgap.extraction.dated_roles import Role, find_roles, merged_years
from skillgap.extraction.fuzzy import FuzzyIndex
from skillgap.extraction.matcher import SkillMatcher
from skillgap.extraction.paraphrase import Found, ParaphraseFinder
from skillgap.extraction.sections import Sections, find_sections
from skillgap.extraction.taglines import line_numbers, tag_lines
from skillgap.extraction.tokenizer import blank_english
from skillgap.extraction.tokens import Tokens
from skillgap.extraction.words import Words, scopes
from skillgap.extraction.years import Years, find_years
from skillgap.models import (
    Document,
    ExtractedSkill,
    ImpliedSkill,
    Kind,
    Mention,
    NotClaimed,
    Profile,
    Requirement,
)
from skillgap.options import Options
from skillgap.patterns import LINK
from skillgap.taxonomy import Taxonomy

FUZZY_JOINERS = ("-", ".", "/")  # the only punctuation a fuzzy match may span
# Sections whose mentions say nothing about the person or the role.
IGNORED_SECTIONS: dict[Kind, set[str]] = {"resume": set(), "job": {"benefits", "ignored"}}
DEMONSTRATED_SECTIONS = {"experience", "projects"}
# Where an overall "N years of ..." does not speak for the person or the role.
NO_TOTAL_SECTIONS: dict[Kind, set[str]] = {
    "resume": {"certifications", "interests"},
    "job": {"benefits", "ignored", "about"},
}
LIST_SECTIONS = {"skills", "requirements", "preferred", "not_required", "responsibilities"}
SHORT_LINE_WORDS = 4
# A skill named as both lacked and wished for is reported as lacked.
REASON_ORDER = ("negated", "learning", "interest")
_LINE_WORDS = re.compile(r"[^\W_][\w+#.]*")
_LINK_MARK = re.compile(r"(?i)www\.|:/|\.\w+/")  # what every ``LINK`` match holds
_LINK_HINTS = ("/", "w.", "W.")  # what every ``_LINK_MARK`` match holds
_CONTACT = re.compile(r"@[\w-]+\.\w|https?://|www\.|\+?\d[\d ().-]{7,}\d")


@dataclass
class _Candidate:
    skill_id: str
    start: int  # token indices
    end: int
    method: str
    score: float | None = None
    tag_line: bool = False  # on a lower-case tag line: a listed skill
    shouted: bool = False  # an exact-case form on a line in capitals: its case tells nothing


class _Others:
    """Token indices covered by mentions other than the one being judged."""

    def __init__(self, covered: set[int], start: int, end: int) -> None:
        self.covered, self.start, self.end = covered, start, end

    def __contains__(self, index: object) -> bool:
        return index in self.covered and not (self.start <= index < self.end)  # type: ignore[operator]


@dataclass
class _Judged:
    mention: Mention
    reason: str | None  # None = claimed
    level: str  # "required", "preferred" or "uncued" (jobs)
    years: float | None


class Extractor:
    """Holds the tokenizer, matchers and fuzzy index for one taxonomy; build it once."""

    def __init__(self, taxonomy: Taxonomy | None = None, options: Options | None = None) -> None:
        self.taxonomy = taxonomy or Taxonomy.default()
        self.options = options or Options()  # its ``today`` is what "Present" means in dates
        self.nlp = blank_english()
        self.matcher = SkillMatcher(self.nlp.tokenizer, self.taxonomy)
        self.fuzzy = FuzzyIndex(self.taxonomy)
        self.context = ContextEngine(self.nlp)
        words = self.context.rules.words  # the word groups the extractor reads itself
        self.any_of_glue = frozenset(words["any-of-glue"])
        self.stack_cues = frozenset(words["stack"])
        self.education_claims = frozenset(words["education-claim"])
        # Asked of every mention: a set, not two attribute looks through the skill's record.
        self.needs_context = frozenset(skill.id for skill in self.taxonomy if skill.needs_context)
        self.paraphrases = ParaphraseFinder(self.nlp, self.taxonomy)

    def extract(self, document: Document, kind: Kind) -> Profile:
        """Extract the profile of one document.

        The garbage collector is paused meanwhile (and left as it was found): reading a
        document makes thousands of short-lived lists and no cycles, and a collection in the
        middle walked them all, and now and then every object of the loaded tables; a
        stream of résumés went 16 % faster without.
        """
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._extract(document, kind)
        finally:
            if collecting:
                gc.enable()

    def _extract(self, document: Document, kind: Kind) -> Profile:
        text = document.text
        if len(text) > self.nlp.max_length:
            raise DocumentError(
                f"{document.source}: {len(text):,} characters of text, over the limit of "
                f"{self.nlp.max_length:,}; give the résumé or job ad alone"
            )
        doc = self.nlp.make_doc(text)
        tokens = Tokens.of(doc)
        sections = find_sections(text, kind)
        clause_starts = clauses.clause_bounds(doc, tokens)
        words = Words.of(doc, tokens, text)
        scope = scopes(words, clause_starts)
        named = self._candidates(text, tokens)
        found = self.paraphrases.find(words, scope, [(c.skill_id, c.start, c.end) for c in named])
        candidates = _with_paraphrases(named, found, self.taxonomy)
        # A paraphrase spans other names ("designed the REST API"): the rules that read other
        # mentions around a name see only the names.
        covered = {i for c in candidates if c.method != "paraphrase" for i in range(c.start, c.end)}
        stated, total = self._years(words, scope, candidates, sections, kind)
        targets = [
            Target(c.start, c.end, c.skill_id, self.taxonomy[c.skill_id].category)
            for c in candidates
        ]
        barrier = self.context.barriers(tokens)
        contexts = self.context.hits(tokens, targets, kind, barrier)
        in_url = _url_chars(text)
        lines = _Lines(text)
        judged: dict[str, list[_Judged]] = defaultdict(list)
        kept: list[tuple[_Candidate, _Judged]] = []
        ignored = IGNORED_SECTIONS[kind]
        for cand, target, hits, years in zip(candidates, targets, contexts, stated, strict=True):
            first, end = tokens.start[cand.start], tokens.end[cand.end - 1]
            section = sections.at(first)
            clause = max(clause_starts[cand.start], cand.start - clauses.MAX_REACH)
            if (
                section in ignored
                or first in in_url
                # A résumé's contact lines and coursework name skills without claiming them;
                # a thesis or project (``education_claims``) in an education clause is a claim.
                or (kind == "resume" and section is None and lines.is_contact(first))
                or (
                    kind == "resume"
                    and section == "education"
                    and not _words_in_clause(tokens, clause, cand.end, self.education_claims)
                )
                or (
                    kind == "job"
                    and section == "about"
                    and not cand.tag_line
                    and not _words_in_clause(tokens, clause, cand.end, self.stack_cues)
                )
            ):
                continue
            if hits or section == "not_required":
                verdict = judge(
                    kind,
                    hits,
                    section,
                    section == "not_required" and first_sentence_of_line(tokens, target),
                    section == "not_required" and self.context.line_qualified(tokens, target),
                )
            else:  # most mentions: no rule reaches them, and their section alone decides
                verdict = _section_verdict(kind, section)
            if verdict.ignored:
                continue
            mention = Mention.built(
                text=text[first:end],
                start=first,
                end=end,
                section=section,
                method=cand.method,
                score=cand.score,
            )
            item = _Judged(mention, verdict.reason, verdict.level, years)
            if (
                cand.skill_id in self.needs_context
                and cand.method != "paraphrase"  # the paraphrase is the context
                and not _has_evidence(
                    tokens,
                    lines,
                    cand,
                    section,
                    clause,
                    _Others(covered, cand.start, cand.end),
                    item,
                    cued=any(hit.category in LEVEL_CUES for hit in hits),
                )
            ):
                continue
            judged[cand.skill_id].append(item)
            kept.append((cand, item))
        _same_sentence(judged, barrier, tokens, self.context.terminators)
        any_of: list[list[str]] = []
        if kind == "job":
            claimed = [c for c, item in kept if item.reason is None and c.method != "paraphrase"]
            any_of = self._any_of(tokens, claimed)
        roles: list[Role] = []
        derived_total = None
        if kind == "resume":
            today = self.options.current_day()
            career = find_roles(text, sections.spans({"experience"}, len(text)), today)
            others = DEMONSTRATED_SECTIONS - {"experience"}
            elsewhere = find_roles(text, sections.spans(others, len(text)), today)
            # Each section's roles are its own: the experience ones are read once.
            roles = sorted(career + elsewhere, key=lambda role: role.start)
            derived_total = merged_years(career) if career else None
        return self._profile(
            document,
            kind,
            judged,
            roles,
            any_of=any_of,
            total_years=total if total is not None else derived_total,
            stated_total_years=total,
            derived_total_years=derived_total,
        )

    def _years(
        self,
        words: Words,
        scope: list[int],
        candidates: list[_Candidate],
        sections: Sections,
        kind: Kind,
    ) -> tuple[list[float | None], float | None]:
        """Years stated for each candidate (None for paraphrases), and the overall figure."""
        named = [number for number, c in enumerate(candidates) if c.method != "paraphrase"]
        ignored = NO_TOTAL_SECTIONS[kind]
        found: Years = find_years(
            words,
            scope,
            [(candidates[number].start, candidates[number].end) for number in named],
            lambda offset: sections.at(offset) in ignored,
        )
        stated: list[float | None] = [None] * len(candidates)
        for position, value in found.per_mention.items():
            stated[named[position]] = value
        return stated, found.total

    def paraphrases_in(self, text: str) -> list[tuple[str, str, str]]:
        """What the taxonomy's ``[[paraphrase]]`` records find in a text, before any context
        rule: ``(skill id, "composed" | "phrase" | "exclude", the words)``. For taxonomy
        authors checking a record against its examples."""
        doc = self.nlp.make_doc(text)
        tokens = Tokens.of(doc)
        words = Words.of(doc, tokens, text)
        named = self._candidates(text, tokens)
        scope = scopes(words, clauses.clause_bounds(doc, tokens))
        found = self.paraphrases.find(words, scope, [(c.skill_id, c.start, c.end) for c in named])
        return [
            (item.skill_id, item.kind, text[words.starts[item.start] : words.ends[item.end - 1]])
            for item in found
        ]

    def _candidates(self, text: str, tokens: Tokens) -> list[_Candidate]:
        """Phrase matches, any-case forms on tag lines, then fuzzy matches on the rest."""
        matches = self.matcher(tokens)
        loose = self.matcher.any_case(tokens)
        lines = line_numbers(tokens)
        tags = tag_lines(tokens, lines, [(s, e) for _, s, e in matches + loose])
        candidates = []
        for label, start, end in matches:
            info = self.matcher.labels[label]
            tag = lines[start] in tags
            shouted = info.cased and _in_capitals(text, tokens.start[start])
            candidates.append(
                _Candidate(info.skill_id, start, end, info.method, tag_line=tag, shouted=shouted)
            )
        covered = {i for c in candidates for i in range(c.start, c.end)}
        for label, start, end in sorted(loose, key=lambda m: (m[1], -m[2])):
            if lines[start] in tags and not covered.intersection(range(start, end)):
                info = self.matcher.labels[label]
                candidates.append(_Candidate(info.skill_id, start, end, info.method, tag_line=True))
                covered.update(range(start, end))
        candidates.extend(self._fuzzy(text, tokens, covered))
        candidates.sort(key=lambda c: c.start)
        return candidates

    def _fuzzy(self, text: str, tokens: Tokens, covered: set[int]) -> list[_Candidate]:
        """Variants and typos among runs of words no alias matched, outside the first line."""
        orth, punct = tokens.orth, tokens.punct
        # Marked off where a flag says so: a few tokens each, which ``compress`` finds in C.
        usable = [True] * len(tokens)
        positions = range(len(tokens))
        for flags in (tokens.space, tokens.url, tokens.email):
            for index in itertools.compress(positions, flags):
                usable[index] = False
        for index in itertools.compress(positions, punct):
            if orth[index] not in FUZZY_JOINERS:
                usable[index] = False
        for index in covered:
            usable[index] = False
        first_line_end = text.find("\n")
        first = bisect.bisect_left(tokens.start, first_line_end)
        return [
            _Candidate(skill_id, start, end, "fuzzy", score)
            for skill_id, start, end, score in self.fuzzy.scan(orth, usable, punct, first)
        ]

    def _any_of(self, tokens: Tokens, mentions: list[_Candidate]) -> list[list[str]]:
        """Alternatives a job accepts: "Django or FastAPI", "Kotlin/Java", "AWS, GCP, or Azure".

        A run of mentions joined only by commas, slashes and "or" (and at least one "or" or
        slash, or a trailing "or similar") is one group; "and" joins requirements instead.
        Only its substitutes stay in it ("docker/k8s" asks for both).
        """
        groups: list[list[str]] = []
        run: list[_Candidate] = []
        alternative = False
        glue = self.any_of_glue

        def flush() -> None:
            if len({c.skill_id for c in run}) < 2:
                return
            after = range(run[-1].end, min(run[-1].end + 3, len(tokens)))
            trailing = [tokens.folded[i] for i in after if not tokens.space[i]]
            accepted = trailing[:1] == ["acceptable"]  # "Terraform preferred, Ansible acceptable"
            if not (alternative or accepted or "or" in trailing[:2]):
                return
            options = substitutes(self.taxonomy, [c.skill_id for c in run])
            names = [self.taxonomy[sid].name for sid in options]
            if len(names) > 1 and names not in groups:
                groups.append(names)

        space, folded = tokens.space, tokens.folded
        for cand in mentions:
            if run:
                gap = range(run[-1].end, cand.start)
                # Read up to the first word that is no glue: most gaps are prose.
                if all(space[i] or folded[i] in glue for i in gap):
                    between = [i for i in gap if not space[i]]
                    if not any(clauses.ends_at(tokens, i) for i in between):
                        alternative = alternative or any(folded[i] in {"or", "/"} for i in between)
                        run.append(cand)
                        continue
                flush()
            run, alternative = [cand], False
        if run:
            flush()
        return groups

    def _profile(
        self,
        document: Document,
        kind: Kind,
        judged: dict[str, list[_Judged]],
        roles: list[Role],
        **totals: object,
    ) -> Profile:
        """The profile, every record built unvalidated: each field is already of its type.
        Every field is given, as a default left to pydantic costs more than validating."""
        skills: list[ExtractedSkill] = []
        not_claimed: list[NotClaimed] = []
        roles_of = _roles_of(judged, roles)
        for skill_id, items in judged.items():
            skill = self.taxonomy[skill_id]
            claimed = [item for item in items if item.reason is None]
            if not claimed:
                reasons = {item.reason for item in items}
                not_claimed.append(
                    NotClaimed.built(
                        id=skill_id,
                        name=skill.name,
                        reason=next(r for r in REASON_ORDER if r in reasons),  # type: ignore[arg-type]
                        mentions=[item.mention for item in items],
                    )
                )
                continue
            years = [item.years for item in claimed if item.years is not None]
            stated = float(max(years)) if years else None
            used_in = roles_of.get(skill_id, [])
            derived = float(merged_years(used_in)) if used_in else None
            skills.append(
                ExtractedSkill.built(
                    id=skill_id,
                    name=skill.name,
                    category=skill.category,
                    requirement=_requirement(claimed) if kind == "job" else None,
                    years=stated if stated is not None else derived,
                    stated_years=stated,
                    derived_years=derived,
                    roles=[role.text for role in used_in],
                    evidence=_evidence(claimed) if kind == "resume" else None,
                    mentions=[item.mention for item in claimed],
                )
            )
        skills.sort(key=lambda s: (s.mentions[0].start, s.id))
        not_claimed.sort(key=lambda s: (s.mentions[0].start, s.id))
        implied = self.taxonomy.implied_by(skill.id for skill in skills)
        excluded = {item.id for item in not_claimed}
        implied_skills = [
            ImpliedSkill.built(
                id=target, name=self.taxonomy[target].name, via=[self.taxonomy[source].name]
            )
            for target, source in sorted(implied.items())
            if target not in excluded
        ]
        return Profile.built(  # the fields in their declared order, which ``built`` takes as is
            kind=kind,
            source=document.source,
            skills=skills,
            not_claimed=not_claimed,
            implied=implied_skills if kind == "resume" else [],
            **totals,
            quality=None,
            text=document.text,
        )


@functools.cache
def _section_verdict(kind: Kind, section: str | None) -> Judgement:
    """What :func:`judge` makes of a mention no rule reaches, outside a "not_required"
    section: a pure function of the section, worked out once per section."""
    return judge(kind, [], section, False, False)


def _roles_of(judged: dict[str, list[_Judged]], roles: list[Role]) -> dict[str, list[Role]]:
    """The roles each skill is claimed in, in order: what its derived years add up. One pass
    over the claims per role, not one per role and skill."""
    found: dict[str, list[Role]] = defaultdict(list)
    for role in roles:
        inside = {
            skill_id
            for skill_id, items in judged.items()
            for item in items
            if item.reason is None and role.start <= item.mention.start < role.end
        }
        for skill_id in inside:
            found[skill_id].append(role)
    return found


def _same_sentence(
    judged: dict[str, list[_Judged]], barrier: list[bool], tokens: Tokens, contrast: frozenset[str]
) -> None:
    """A skill the writer says they lack in a sentence is not claimed elsewhere in it either.

    "Learning Rust from the Rust book". A contrast word between the two mentions keeps the
    other a claim: "I've used Redis as a cache, but never written a Redis module". The
    sentences are numbered only for a document that has such a skill: most have none.
    """
    sentence: list[int] = []
    for items in judged.values():
        marked = [item for item in items if item.reason is not None]
        if not marked or len(marked) == len(items):  # nothing claimed is left to withdraw
            continue
        sentence = sentence or sentence_ids(barrier)
        for item in items:
            if item.reason is not None:
                continue
            here = _token_at(tokens, item.mention.start)
            for other in marked:
                there = _token_at(tokens, other.mention.start)
                low, high = sorted((here, there))
                if sentence[here] == sentence[there] and not any(
                    tokens.lower[i] in contrast for i in range(low, high)
                ):
                    item.reason = other.reason
                    break


def _token_at(tokens: Tokens, offset: int) -> int:
    """The index of the token starting at character ``offset``."""
    return bisect.bisect_right(tokens.start, offset) - 1


def _with_paraphrases(
    named: list[_Candidate], found: list[Found], taxonomy: Taxonomy
) -> list[_Candidate]:
    """Names and paraphrases together, sorted by position.

    A fixed phrase hides the names inside it ("data-model change" is a schema migration, not
    data modeling). A paraphrase that overlaps a name of the same skill gives way to it,
    unless that name needs context, which the paraphrase supplies ("caching ... in Redis").
    An ``exclude`` phrase drops every mention of its skill that touches it.
    """
    if not found:  # the names alone, without a span index per skill
        return sorted(named, key=lambda cand: (cand.start, cand.end))
    phrases = _Spans((item.start, item.end) for item in found if item.kind == "phrase")
    kept = named  # most documents hold no fixed phrase: no name to look up in one
    if phrases.spans:
        kept = [
            cand
            for cand in named
            if not any(
                start <= cand.start and cand.end <= end and (start, end) != (cand.start, cand.end)
                for start, end in phrases.overlapping(cand.start, cand.end)
            )
        ]
    paraphrased = {item.skill_id for item in found}  # the only skills whose names are looked up
    by_skill: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for number, cand in enumerate(kept):
        if cand.skill_id in paraphrased:
            by_skill[cand.skill_id].append((cand.start, cand.end, number))
    names = {skill_id: _Spans(spans) for skill_id, spans in by_skill.items()}
    dropped: set[int] = set()
    added: list[_Candidate] = []
    added_end: dict[str, int] = {}  # found is sorted by start: the furthest end so far
    for item in found:
        if item.kind == "exclude" or added_end.get(item.skill_id, -1) > item.start:
            continue
        index = names.get(item.skill_id)
        same = index.overlapping(item.start, item.end) if index else []
        if same and not taxonomy[item.skill_id].needs_context:
            continue
        dropped.update(span[2] for span in same)
        added.append(_Candidate(item.skill_id, item.start, item.end, "paraphrase"))
        added_end[item.skill_id] = item.end
    excluded: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for item in found:
        if item.kind == "exclude":
            excluded[item.skill_id].append((item.start, item.end))
    vetoes = {skill_id: _Spans(spans) for skill_id, spans in excluded.items()}
    merged = [
        cand
        for cand in [c for number, c in enumerate(kept) if number not in dropped] + added
        if not (cand.skill_id in vetoes and vetoes[cand.skill_id].overlapping(cand.start, cand.end))
    ]
    return sorted(merged, key=lambda cand: (cand.start, cand.end))


class _Spans:
    """Sorted token spans ``(start, end, ...)`` that answer "which overlap this one?" fast:
    a hostile text holds thousands of them."""

    def __init__(self, spans: Iterable[tuple[int, ...]]) -> None:
        self.spans = sorted(spans)
        self.starts = [span[0] for span in self.spans]
        self.longest = max((span[1] - span[0] for span in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, ...]]:
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        return [span for span in self.spans[low:high] if span[1] > start]


# Context categories that set a job's requirement level: cued there, a name is a skill.
LEVEL_CUES = frozenset({"required", "preferred", "taught", "not_required"})


def _has_evidence(
    tokens: Tokens,
    lines: _Lines,
    cand: _Candidate,
    section: str | None,
    clause: int,
    others: _Others,
    item: _Judged,
    cued: bool = False,
) -> bool:
    """Whether an ambiguous name (Go, Spring, Kafka) is used as a technology here.

    Evidence: a skills list or a requirements bullet of a few words, stated years ("5+
    years of Java"), a context cue ("learning Rust", "never touched Java"; ``cued``: a job's
    "Kafka is a plus", "Go is a must"),
    or the technical words and skill lists :func:`ambiguity.has_tech_context` reads; a season,
    grade or year next to the name always says no.
    """
    if ambiguity.hyphen_joined(tokens, cand.start, cand.end):
        return False
    if cand.shouted:  # "NO LESS THAN 5 YEARS", "READY TO GO": only technical words will do
        return ambiguity.has_tech_context(tokens, cand.start, cand.end, clause, others)
    if (
        (section in LIST_SECTIONS and lines.is_short(item.mention.start))
        or cand.tag_line
        or section == "skills"
        or item.years is not None
        or item.reason is not None  # "learning Rust", "no Kafka experience", "Interests: Rust"
        or item.level == "preferred"  # a job's "Kafka is a plus", or a preferred section
        or cued  # a job's "Go is a must"
    ):
        return not ambiguity.near_non_tech(tokens, cand.start, cand.end, others)
    return ambiguity.has_tech_context(tokens, cand.start, cand.end, clause, others)


def _in_capitals(text: str, offset: int) -> bool:
    """The line holding ``offset`` is written in capitals (a heading, or a shouted ad)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end == -1 else end]
    return line.isupper()


class _Lines:
    """The lines of one text, found once: per-mention line scans were quadratic on one huge line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self._short: dict[int, bool] = {}
        self._contact: dict[int, bool] = {}

    def _bounds(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.starts[index], end

    def is_short(self, offset: int) -> bool:
        """A bullet or line of at most a few words: how skills are listed."""
        start, end = self._bounds(offset)
        if start not in self._short:
            words = _LINE_WORDS.finditer(self.text, start, end)
            count = sum(1 for _ in itertools.islice(words, SHORT_LINE_WORDS + 1))
            self._short[start] = 0 < count <= SHORT_LINE_WORDS
        return self._short[start]

    def is_contact(self, offset: int) -> bool:
        """An e-mail address, web address or phone number is on the line."""
        start, end = self._bounds(offset)
        if start not in self._contact:
            self._contact[start] = _CONTACT.search(self.text, start, end) is not None
        return self._contact[start]


def _url_chars(text: str) -> set[int]:
    """Start offsets inside URLs: "github.com/x" names a site, not a skill.

    A link is on one line and holds its scheme's ":/", a "www." or a domain's ".com/": only
    the lines with one are searched ("CI/CD" and "and/or" are not). Each of those holds a
    "/" or a "w." in either case, which ``str.find`` finds far faster than a pattern scans a
    whole text: the mark is sought only on the lines with one.
    """
    chars: set[int] = set()
    for start in sorted(_lines_holding(text, _LINK_HINTS)):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if _LINK_MARK.search(text, start, end):
            for match in LINK.finditer(text, start, end):
                chars.update(range(match.start(), match.end()))
    return chars


def _lines_holding(text: str, needles: tuple[str, ...]) -> set[int]:
    """The start offsets of the lines that hold any of ``needles``."""
    starts: set[int] = set()
    for needle in needles:
        at = text.find(needle)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            end = text.find("\n", at)  # this line is found: look on after it
            at = -1 if end == -1 else text.find(needle, end)
    return starts


def _words_in_clause(tokens: Tokens, clause: int, end: int, words: frozenset[str]) -> bool:
    stop = clauses.clause_end_at(tokens, end)
    return any(tokens.folded[i] in words for i in range(clause, stop))


def _requirement(items: list[_Judged]) -> Requirement:
    """An explicit requirement wins; otherwise an explicit "nice to have" cue; else required.
    (A plain loop, here and in ``_evidence``: a set of levels per skill cost three times as
    much.)"""
    preferred = False
    for item in items:
        if item.level == "required":
            return "required"
        preferred = preferred or item.level == "preferred"
    return "preferred" if preferred else "required"


def _evidence(items: list[_Judged]) -> str:
    """Demonstrated when a claim is in an experience or projects section."""
    for item in items:
        if item.mention.section in DEMONSTRATED_SECTIONS:
            return "demonstrated"
    return "listed"
