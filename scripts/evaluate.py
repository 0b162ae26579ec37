"""Score skillgap on every labelled set, one phenomenon at a time, next to a naive baseline.

Run ``python scripts/evaluate.py`` (skillgap installed). Sets: ``dev`` (corpus/gold-dev.json),
``challenge`` (corpus/challenge/gold.json), ``dev+challenge`` (both, text only) and
``challenge-pdf`` (every challenge text rendered to a PDF with reportlab, then read through the
normal path). Scoring follows ``corpus/GOLD.md``: only skill-floor names count, ``implied`` is
ignored, a gold ``negated_or_learning`` name reported as a skill is a false positive,
requirement level is compared only on skills found by both, stated years match within 0.01.
Then: the SkillSpan tech test split (mentions inside gold spans, named-technology recall) and
the challenge pairs (required skills placed right, fit band).

The scoring core is pure: predictors are arguments (``Predictor``, the compare function of
:func:`score_pairs`, the finders of :func:`score_skillspan`), so the tests drive it with fakes.
Only the public API (``import skillgap``) is used, and only inside :class:`SkillgapRunner` and
:func:`main`.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

YEARS_TOLERANCE = 0.01
STRONG_AT = 75  # a pair's score from which its fit band is "strong" (challenge README: 0.75)
PARTIAL_AT = 40  # ... "partial"; below it, "weak"
PDF_F1_AIM = 0.01  # how far challenge-pdf's F1 may sit from the same texts' F1

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
GOLD_FILES = {"dev": "gold-dev.json", "challenge": "challenge/gold.json"}
UNION = "dev+challenge"
PDF_SET = "challenge-pdf"
SET_NAMES = ("dev", "challenge", UNION, PDF_SET)
PAIRS_FILE = "challenge/pairs.json"
SKILLSPAN_FILE = "annotated/skillspan/data/json/test.json"
EXTRAS = ("baseline", "skillspan", "pairs")

GROUPS = {"job": "jobs", "resume-text": "résumés (text)", "resume-pdf": "résumés (PDF)"}
OVERALL = "overall"
REASONS = ("negated", "learning", "interest")
UNKNOWN = "unknown"  # gold-dev gives no reason: only presence is scored


def _names_of(text: str) -> frozenset[str]:
    return frozenset(name.strip() for name in text.replace("\n", ",").split(",") if name.strip())


# Floor names that are practices or ideas rather than a product, language, framework, protocol
# or standard; the soft skills are kept apart because their wording rules differ (GOLD.md).
CONCEPT_SKILLS = _names_of(
    """
    Async programming, NoSQL
    Database design, Data modeling, Normalization, Indexing, Query optimization, Transactions
    Schema migrations, Caching, Sharding, Replication
    API design, API versioning, Pagination, Idempotency
    Microservices, Modular monolith, Event-driven architecture, Message queues, System design
    Distributed systems, Serverless, Load balancing, Scalability, High availability
    Design patterns, Domain-driven design
    Container orchestration, Infrastructure as code, CI/CD, Cloud-native development
    Logging, Monitoring, Metrics, Distributed tracing, Site reliability engineering
    Incident response
    Authentication, Authorization, Encryption, Input validation, SQL injection
    Cross-site scripting, Access control, Data protection
    Unit testing, Integration testing, Test automation, Test-driven development, Code review
    Debugging, Profiling, Performance tuning
    Version control, Agile, Data structures and algorithms, Technical documentation
    Machine learning, AI integration
    """
)
SOFT_SKILLS = _names_of("Communication, Collaboration, Problem solving, Mentoring, Leadership")
CLASSES = {"named": "named technologies", "concept": "concept skills", "soft": "soft skills"}

Requirement = str | None
Group = tuple[str, ...]  # an any-of group: sorted names, so groups compare as sets


def skill_class(name: str) -> str:
    """``named``, ``concept`` or ``soft``: recall on concepts is reported apart from names."""
    if name in SOFT_SKILLS:
        return "soft"
    return "concept" if name in CONCEPT_SKILLS else "named"


# ----------------------------------------------------------------------------- extraction sets


@dataclass(frozen=True)
class Prediction:
    """What the scorer needs from one extraction: names only, so any extractor can be adapted.

    ``not_claimed`` maps a name to its reason (None when the predictor gives none); a plain set
    of names is accepted too. ``exposes_total`` says whether the predictor reports a whole-role
    years figure at all, so "none found" and "not offered" print differently.
    """

    skills: Mapping[str, tuple[Requirement, float | None]] = field(default_factory=dict)
    not_claimed: Mapping[str, str | None] = field(default_factory=dict)
    any_of: Sequence[Collection[str]] = ()
    total_years: float | None = None
    exposes_total: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.not_claimed, Mapping):
            object.__setattr__(self, "not_claimed", dict.fromkeys(self.not_claimed))


Predictor = Callable[[Path, str], Prediction]


@dataclass(frozen=True)
class Case:
    """One gold document: its gold key, the file to extract (a rendered PDF for challenge-pdf)."""

    key: str
    path: Path
    kind: str
    gold: Mapping[str, Any]

    @property
    def group(self) -> str:
        return group_of(self.path, self.kind)


def group_of(path: Path | str, kind: str) -> str:
    """PDF résumés are reported apart: their text extraction is a separate source of errors."""
    if kind == "job":
        return "job"
    return "resume-pdf" if str(path).lower().endswith(".pdf") else "resume-text"


def cases_from_gold(gold: Mapping[str, Mapping[str, Any]], corpus: Path) -> list[Case]:
    """Gold keys are paths relative to the corpus folder, in every gold file."""
    return [Case(key, corpus / key, doc["kind"], doc) for key, doc in gold.items()]


@dataclass
class Counts:
    """Micro counts; the ratios are derived so that adding documents is just adding counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """F1; None when there is nothing to score (no gold and no prediction)."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None


def set_counts(gold: Iterable[Any], predicted: Iterable[Any]) -> Counts:
    gold, predicted = set(gold), set(predicted)
    return Counts(len(gold & predicted), len(predicted - gold), len(gold - predicted))


@dataclass
class DocResult:
    """Everything scored on one document, so sets can be merged and the worst ones explained."""

    key: str
    group: str
    kind: str
    tp: list[str]
    fp: list[str]
    fn: list[str]
    claimed_negated: list[str]
    gold_not_claimed: dict[str, str | None]
    predicted_not_claimed: dict[str, str | None]
    years: list[tuple[str, float, float | None]]
    total_years: tuple[float, float | None] | None
    exposes_total: bool
    levels: list[tuple[str, Requirement, Requirement]]
    gold_any_of: list[Group] | None
    predicted_any_of: list[Group]
    seconds: float = 0.0
    error: str | None = None

    @property
    def counts(self) -> Counts:
        return Counts(len(self.tp), len(self.fp), len(self.fn))

    @property
    def f1(self) -> float:
        """A document with no gold and no prediction is perfect, not undefined, for macro F1."""
        f1 = self.counts.f1
        return 1.0 if f1 is None else f1

    @property
    def years_misses(self) -> list[tuple[str, float, float | None]]:
        return [item for item in self.years if not years_match(item[1], item[2])]

    @property
    def level_misses(self) -> list[tuple[str, Requirement, Requirement]]:
        return [item for item in self.levels if item[1] != item[2]]

    @property
    def not_claimed_errors(self) -> list[str]:
        """Readable not-claimed mistakes: missed, wrongly flagged, or flagged for another reason."""
        gold, pred = self.gold_not_claimed, self.predicted_not_claimed
        errors = [
            f"missed {name} ({gold[name] or 'not claimed'})" for name in gold if name not in pred
        ]
        errors += [f"wrongly not claimed {name}" for name in pred if name not in gold]
        errors += [
            f"{name}: gold {gold[name]}, predicted {pred[name]}"
            for name in gold
            if name in pred and gold[name] is not None and gold[name] != pred[name]
        ]
        return errors

    @property
    def any_of_errors(self) -> list[str]:
        if self.gold_any_of is None:
            return []
        gold, pred = set(self.gold_any_of), set(self.predicted_any_of)
        return [f"missed group {'/'.join(g)}" for g in sorted(gold - pred)] + [
            f"extra group {'/'.join(g)}" for g in sorted(pred - gold)
        ]


def years_match(want: float, got: float | None) -> bool:
    return got is not None and abs(got - want) <= YEARS_TOLERANCE


def gold_requirement(doc: Mapping[str, Any], name: str) -> Requirement:
    if name in doc.get("required", ()):
        return "required"
    if name in doc.get("preferred", ()):
        return "preferred"
    return None


def floor_groups(groups: Iterable[Collection[str]], floor: set[str]) -> list[Group]:
    """Groups made only of floor names: the gold lists no group with a non-floor option."""
    kept = {tuple(sorted(set(group))) for group in groups}
    return sorted(group for group in kept if len(group) > 1 and set(group) <= floor)


def score_document(
    case: Case, pred: Prediction, floor: set[str], seconds: float = 0.0, error: str | None = None
) -> DocResult:
    """Compare one prediction with its gold entry (pure)."""
    doc = case.gold
    gold_skills = set(doc["skills"]) & floor
    reasons = doc.get("not_claimed_reasons", {})
    gold_nc = {
        name: reasons.get(name) for name in doc.get("negated_or_learning", ()) if name in floor
    }
    predicted = set(pred.skills) & floor
    tp = sorted(gold_skills & predicted)
    years = [
        (name, float(want), pred.skills.get(name, (None, None))[1])
        for name, want in doc.get("years", {}).items()
        if name != "_total" and name in floor
    ]
    total = doc.get("years", {}).get("_total")
    return DocResult(
        key=case.key,
        group=case.group,
        kind=case.kind,
        tp=tp,
        fp=sorted(predicted - gold_skills),
        fn=sorted(gold_skills - predicted),
        claimed_negated=sorted(set(gold_nc) & predicted),
        gold_not_claimed=gold_nc,
        predicted_not_claimed={n: r for n, r in pred.not_claimed.items() if n in floor},
        years=years,
        total_years=None if total is None else (float(total), pred.total_years),
        exposes_total=pred.exposes_total,
        levels=[(n, gold_requirement(doc, n), pred.skills[n][0]) for n in tp]
        if case.kind == "job"
        else [],
        gold_any_of=floor_groups(doc["any_of"], floor) if "any_of" in doc else None,
        predicted_any_of=floor_groups(pred.any_of, floor) if case.kind == "job" else [],
        seconds=seconds,
        error=error,
    )


def reason_counts(
    gold: Mapping[str, str | None], pred: Mapping[str, str | None]
) -> dict[str, Counts]:
    """Per-reason counts: a flag with the wrong reason is a miss of the gold reason and a false
    alarm of the predicted one; a gold name without a reason (gold-dev) scores presence only."""
    counts = {reason: Counts() for reason in [*REASONS, UNKNOWN]}
    for name, want in gold.items():
        got = pred.get(name)
        if want is None:
            bucket = counts[UNKNOWN]
            bucket.tp += name in pred
            bucket.fn += name not in pred
        elif name in pred and got == want:
            counts[want].tp += 1
        else:
            counts[want].fn += 1
            if name in pred:
                counts.setdefault(got or UNKNOWN, Counts()).fp += 1
    for name, got in pred.items():
        if name not in gold:
            counts.setdefault(got or UNKNOWN, Counts()).fp += 1
    return counts


@dataclass
class Report:
    """All figures of one predictor on one set, derived from its per-document results."""

    docs: list[DocResult]
    micro: dict[str, Counts]
    macro_f1: dict[str, float | None]
    classes: dict[str, Counts]
    not_claimed: Counts
    reasons: dict[str, Counts]
    reason_n: int
    reason_agree: int
    claimed_negated: int
    years_n: int
    years_correct: int
    total_n: int
    total_correct: int
    total_exposed: bool
    level_n: int
    level_agree: int
    any_of: Counts | None
    seconds: float

    @property
    def level_accuracy(self) -> float | None:
        return self.level_agree / self.level_n if self.level_n else None

    @property
    def years_accuracy(self) -> float | None:
        return self.years_correct / self.years_n if self.years_n else None

    @property
    def total_accuracy(self) -> float | None:
        """Overall (``_total``) years; None when the predictor offers no such figure."""
        if not self.total_exposed or not self.total_n:
            return None
        return self.total_correct / self.total_n

    @property
    def docs_per_second(self) -> float | None:
        return len(self.docs) / self.seconds if self.seconds else None


def summarize(docs: list[DocResult]) -> Report:
    """Add up per-document results; merging two sets is summarizing both lists of results."""
    micro = {name: Counts() for name in [*GROUPS, OVERALL]}
    classes = {name: Counts() for name in CLASSES}
    not_claimed = Counts()
    reasons = {reason: Counts() for reason in [*REASONS, UNKNOWN]}
    reason_n = reason_agree = 0
    any_of: Counts | None = None
    for d in docs:
        micro[d.group].add(d.counts)
        micro[OVERALL].add(d.counts)
        for name in d.tp:
            classes[skill_class(name)].tp += 1
        for name in d.fp:
            classes[skill_class(name)].fp += 1
        for name in d.fn:
            classes[skill_class(name)].fn += 1
        not_claimed.add(set_counts(d.gold_not_claimed, d.predicted_not_claimed))
        for reason, counts in reason_counts(d.gold_not_claimed, d.predicted_not_claimed).items():
            reasons.setdefault(reason, Counts()).add(counts)
        for name, want in d.gold_not_claimed.items():
            if want is not None and name in d.predicted_not_claimed:
                reason_n += 1
                reason_agree += d.predicted_not_claimed[name] == want
        if d.gold_any_of is not None:
            any_of = any_of or Counts()
            any_of.add(set_counts(d.gold_any_of, d.predicted_any_of))
    macro: dict[str, float | None] = {}
    for name in [*GROUPS, OVERALL]:
        f1s = [d.f1 for d in docs if name in (d.group, OVERALL)]
        macro[name] = sum(f1s) / len(f1s) if f1s else None
    totals = [d.total_years for d in docs if d.total_years is not None]
    return Report(
        docs=docs,
        micro=micro,
        macro_f1=macro,
        classes=classes,
        not_claimed=not_claimed,
        reasons=reasons,
        reason_n=reason_n,
        reason_agree=reason_agree,
        claimed_negated=sum(len(d.claimed_negated) for d in docs),
        years_n=sum(len(d.years) for d in docs),
        years_correct=sum(len(d.years) - len(d.years_misses) for d in docs),
        total_n=len(totals),
        total_correct=sum(years_match(want, got) for want, got in totals),
        total_exposed=any(d.exposes_total for d in docs),
        level_n=sum(len(d.levels) for d in docs),
        level_agree=sum(len(d.levels) - len(d.level_misses) for d in docs),
        any_of=any_of,
        seconds=sum(d.seconds for d in docs),
    )


def evaluate(cases: Iterable[Case], predict: Predictor, floor: set[str]) -> Report:
    """Run ``predict`` on every case and score it; a crashing document counts as empty."""
    results = []
    for case in cases:
        error = None
        start = time.perf_counter()
        try:
            pred = predict(case.path, case.kind)
        except Exception as exc:  # one broken document must not hide the other figures
            pred, error = Prediction(), f"{type(exc).__name__}: {exc}"
        results.append(score_document(case, pred, floor, time.perf_counter() - start, error))
    return summarize(results)


def parse_floor(text: str) -> set[str]:
    """Floor names are the comma-separated lines under the ``## `` headings of skill-floor.md."""
    names: set[str] = set()
    in_section = False
    for line in text.splitlines():
        if line.startswith("## "):
            in_section = True
        elif in_section and line.strip():
            names.update(part.strip() for part in line.split(",") if part.strip())
    return names


# ----------------------------------------------------------------------------- naive baseline


class NaiveMatcher:
    """Every taxonomy surface form as a whole word, in any case, with no context rules at all.

    It shows what skillgap's context rules (negation, traps, cased names) buy and cost.
    """

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        """``forms``: (surface text, skill name) pairs."""
        self._forms = [
            (text.lower(), re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE), name)
            for text, name in dict.fromkeys(forms)
        ]

    @classmethod
    def from_taxonomy(cls, taxonomy: Any) -> NaiveMatcher:
        """Names, aliases and cased aliases of a ``skillgap.Taxonomy``, under the skill's name."""
        return cls((alias.text, taxonomy[alias.skill_id].name) for alias in taxonomy.aliases())

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every match as ``(start, end, skill name)``; overlapping forms all count."""
        lowered = text.lower()
        found = []
        for low, pattern, name in self._forms:
            if low in lowered:  # cheap filter before the regex
                found.extend((m.start(), m.end(), name) for m in pattern.finditer(text))
        return sorted(found)

    def predict_text(self, text: str) -> Prediction:
        return Prediction(
            skills=dict.fromkeys((name for _, _, name in self.find(text)), (None, None))
        )


# ----------------------------------------------------------------------------- SkillSpan


Span = tuple[int, int]


@dataclass(frozen=True)
class Posting:
    """A SkillSpan posting rebuilt as text, with its gold spans as character offsets."""

    idx: int
    text: str
    skill_spans: list[Span]
    knowledge_spans: list[Span]


def spans_from_tags(offsets: Sequence[Span], tags: Sequence[str]) -> list[Span]:
    """BIO tags (``B``/``I``/``O``, or ``B-Skill`` style) to character spans."""
    spans: list[Span] = []
    current: Span | None = None
    for (start, end), tag in zip(offsets, tags, strict=True):
        head = tag[:1]
        if head == "B" or (head == "I" and current is None):
            if current:
                spans.append(current)
            current = (start, end)
        elif head == "I" and current is not None:
            current = (current[0], end)
        else:
            if current:
                spans.append(current)
            current = None
    if current:
        spans.append(current)
    return spans


def postings_from_rows(rows: Iterable[Mapping[str, Any]], source: str = "tech") -> list[Posting]:
    """Sentences of one ``idx`` form a posting: tokens joined by spaces, one sentence a line."""
    grouped: dict[int, list[Mapping[str, Any]]] = {}
    for row in rows:
        if row.get("source") == source:
            grouped.setdefault(row["idx"], []).append(row)
    postings = []
    for idx, sentences in grouped.items():
        parts: list[str] = []
        skills: list[Span] = []
        knowledge: list[Span] = []
        pos = 0
        for number, row in enumerate(sentences):
            if number:
                parts.append("\n")
                pos += 1
            offsets = []
            for i, token in enumerate(row["tokens"]):
                if i:
                    parts.append(" ")
                    pos += 1
                offsets.append((pos, pos + len(token)))
                parts.append(token)
                pos += len(token)
            skills += spans_from_tags(offsets, row["tags_skill"])
            knowledge += spans_from_tags(offsets, row["tags_knowledge"])
        postings.append(Posting(idx, "".join(parts), skills, knowledge))
    return postings


def offset_mapper(original: str, cleaned: str) -> Callable[[int], int]:
    """Map offsets into ``cleaned`` (the extractor's text) back to ``original``."""
    if len(original) == len(cleaned):
        return lambda offset: offset
    table = list(range(len(cleaned) + 1))
    matcher = difflib.SequenceMatcher(None, original, cleaned, autojunk=False)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2 + 1):
            table[j] = min(i1 + (j - j1), i2) if j2 > j1 else i1
    return lambda offset: table[min(max(offset, 0), len(cleaned))]


@dataclass
class SpanReport:
    """SkillSpan figures for skillgap and the naive matcher."""

    postings: int
    mentions: int
    mentions_inside: int
    naive_mentions: int
    naive_inside: int
    tech_spans: int
    found: int
    naive_found: int
    misses: list[tuple[int, str, str, bool]]  # posting, span text, its line, naive found it
    errors: int = 0
    seconds: float = 0.0

    @property
    def inside_share(self) -> float | None:
        return self.mentions_inside / self.mentions if self.mentions else None

    @property
    def naive_inside_share(self) -> float | None:
        return self.naive_inside / self.naive_mentions if self.naive_mentions else None

    @property
    def recall(self) -> float | None:
        return self.found / self.tech_spans if self.tech_spans else None

    @property
    def naive_recall(self) -> float | None:
        return self.naive_found / self.tech_spans if self.tech_spans else None


def _inside(mention: Span, spans: Iterable[Span]) -> bool:
    return any(start <= mention[0] and mention[1] <= end for start, end in spans)


def _overlaps(span: Span, mentions: Iterable[Span]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in mentions)


def score_skillspan(
    postings: Iterable[Posting],
    find: Callable[[str], list[Span]],
    naive_find: Callable[[str], list[Span]],
    forms: Collection[str],
) -> SpanReport:
    """(a) share of mentions inside a gold SKILL or KNOWLEDGE span; (b) recall on KNOWLEDGE spans
    whose whole text is a taxonomy form (``forms``, lower case): some mention overlaps it."""
    report = SpanReport(0, 0, 0, 0, 0, 0, 0, 0, [])
    start = time.perf_counter()
    for posting in postings:
        report.postings += 1
        try:
            mentions = find(posting.text)
        except Exception:  # counted, so a crash shows instead of hiding as zero recall
            mentions, report.errors = [], report.errors + 1
        naive = naive_find(posting.text)
        gold = posting.skill_spans + posting.knowledge_spans
        report.mentions += len(mentions)
        report.mentions_inside += sum(_inside(m, gold) for m in mentions)
        report.naive_mentions += len(naive)
        report.naive_inside += sum(_inside(m, gold) for m in naive)
        for span in posting.knowledge_spans:
            words = posting.text[span[0] : span[1]]
            if words.lower() not in forms:
                continue
            report.tech_spans += 1
            hit, naive_hit = _overlaps(span, mentions), _overlaps(span, naive)
            report.found += hit
            report.naive_found += naive_hit
            if not hit:
                line_start = posting.text.rfind("\n", 0, span[0]) + 1
                line_end = posting.text.find("\n", span[1])
                line = posting.text[line_start : None if line_end < 0 else line_end]
                report.misses.append((posting.idx, words, line, naive_hit))
    report.seconds = time.perf_counter() - start
    return report


# ----------------------------------------------------------------------------- pairs


@dataclass(frozen=True)
class PairOutcome:
    """Where a gap report put each job skill, and its score and fit (if it states one)."""

    places: Mapping[str, str]
    score: int
    fit: str | None = None


ABSENT = "no list (the job profile lacks it)"


def band(score: float) -> str:
    if score >= STRONG_AT:
        return "strong"
    return "partial" if score >= PARTIAL_AT else "weak"


IMPLIED = "implied"  # a matched skill held only by implication ("evidence": "implied")


def expected_places(pair: Mapping[str, Any]) -> list[tuple[str, tuple[str, ...]]]:
    """Each required skill of a pair and the report lists it may rightly sit in.

    A skill matched only by implication (GitHub Actions ⇒ CI/CD) is right where the pair
    accepts a match or a partial: ``partial_acceptable`` lists exactly the held skills that
    imply a missing one (challenge README).
    """
    partial_ok = pair.get("partial_acceptable", {})
    held = ("matched", "alternatives", IMPLIED)
    checks = [(name, held) for name in pair["expected_matched_required"]]
    checks += [
        (name, ("missing", "partial", IMPLIED) if name in partial_ok else ("missing",))
        for name in pair["expected_missing_required"]
    ]
    checks += [(name, held) for name in pair["alternatives_satisfied"]]
    return checks


@dataclass
class PairResult:
    resume: str
    job: str
    checks: int
    right: int
    misplaced: list[tuple[str, str, str]]  # skill, where it belongs, where it is
    want_fit: str
    got_fit: str | None
    score: int | None
    error: str | None = None


@dataclass
class PairsReport:
    results: list[PairResult]

    @property
    def checks(self) -> int:
        return sum(r.checks for r in self.results)

    @property
    def right(self) -> int:
        return sum(r.right for r in self.results)

    @property
    def placed_share(self) -> float | None:
        return self.right / self.checks if self.checks else None

    @property
    def absent(self) -> int:
        """Checks lost because the job profile lacks the skill (an extraction miss)."""
        return sum(got == ABSENT for r in self.results for _, _, got in r.misplaced)

    @property
    def placed_share_present(self) -> float | None:
        """Placed right among the skills the job profile has: the gap stage's own share."""
        present = self.checks - self.absent
        return self.right / present if present else None

    @property
    def bands_right(self) -> int:
        return sum(r.got_fit == r.want_fit for r in self.results)


def score_pairs(
    pairs: Iterable[Mapping[str, Any]], compare: Callable[[str, str], PairOutcome]
) -> PairsReport:
    """Check every pair's required-skill placements and fit band (pure; ``compare`` is given)."""
    results = []
    for pair in pairs:
        checks = expected_places(pair)
        try:
            outcome = compare(pair["resume"], pair["job"])
        except Exception as exc:
            results.append(
                PairResult(
                    pair["resume"],
                    pair["job"],
                    len(checks),
                    0,
                    [],
                    pair["fit"],
                    None,
                    None,
                    f"{type(exc).__name__}: {exc}",
                )
            )
            continue
        misplaced = [
            (name, "/".join(allowed), outcome.places.get(name, ABSENT))
            for name, allowed in checks
            if outcome.places.get(name) not in allowed
        ]
        got = outcome.fit or band(outcome.score)
        results.append(
            PairResult(
                pair["resume"],
                pair["job"],
                len(checks),
                len(checks) - len(misplaced),
                misplaced,
                pair["fit"],
                got,
                outcome.score,
            )
        )
    return PairsReport(results)


# ----------------------------------------------------------------------------- skillgap adapters


TOTAL_YEARS_ATTRIBUTES = ("total_years", "overall_years", "years_total")


def prediction_from_profile(profile: Any) -> Prediction:
    """Reduce a skillgap profile to names; a repeated name keeps its first non-empty values.

    Gold years are stated years only (GOLD.md), so years derived from dated roles are left out.
    """
    skills: dict[str, tuple[Requirement, float | None]] = {}
    for skill in profile.skills:
        old_req, old_years = skills.get(skill.name, (None, None))
        years = getattr(skill, "stated_years", skill.years)
        skills[skill.name] = (
            old_req if old_req is not None else skill.requirement,
            old_years if old_years is not None else years,
        )
    exposed = [name for name in TOTAL_YEARS_ATTRIBUTES if hasattr(profile, name)]
    return Prediction(
        skills=skills,
        not_claimed={item.name: getattr(item, "reason", None) for item in profile.not_claimed},
        any_of=[list(group) for group in getattr(profile, "any_of", None) or []],
        total_years=getattr(profile, exposed[0]) if exposed else None,
        exposes_total=bool(exposed),
    )


def outcome_from_report(report: Any) -> PairOutcome:
    """Where a ``skillgap.GapReport`` placed each job skill (``alternatives`` if it has one;
    a match resting only on implication is ``implied``)."""
    places: dict[str, str] = {}
    for place in ("matched", "alternatives", "partial", "missing"):
        for item in getattr(report, place, None) or []:
            implied = place == "matched" and getattr(item, "evidence", None) == IMPLIED
            places.setdefault(item.name, IMPLIED if implied else place)
    return PairOutcome(places, report.score, getattr(report, "fit", None))


class SkillgapRunner:
    """The real predictor; keeps each document's extracted text so the baseline reads the same."""

    def __init__(self) -> None:
        import skillgap

        self.skillgap = skillgap
        self.texts: dict[Path, str] = {}

    def warm_up(self) -> float:
        """Load spaCy and the taxonomy once, so docs/s measures extraction alone."""
        start = time.perf_counter()
        self.skillgap.extract("Python developer", kind="job")
        return time.perf_counter() - start

    def predict(self, path: Path, kind: str) -> Prediction:
        profile = self.skillgap.extract(path, kind=kind)
        self.texts[path] = profile.text
        return prediction_from_profile(profile)

    def text(self, path: Path, kind: str) -> str:
        if path not in self.texts:
            self.texts[path] = self.skillgap.extract(path, kind=kind).text
        return self.texts[path]

    def mentions(self, text: str) -> list[Span]:
        """Skill mentions of a job text, as offsets into ``text`` itself."""
        profile = self.skillgap.extract(text, kind="job")
        back = offset_mapper(text, profile.text)
        return [(back(m.start), back(m.end)) for s in profile.skills for m in s.mentions]

    def compare(self, corpus: Path) -> Callable[[str, str], PairOutcome]:
        return lambda resume, job: outcome_from_report(
            self.skillgap.compare(corpus / resume, corpus / job)
        )


# ----------------------------------------------------------------------------- PDF rendering


FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
)


def pdf_font() -> str:
    """A Unicode TrueType font if one is installed (for —, ·, ü), else Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for candidate in FONT_FILES:
        if Path(candidate).is_file():
            pdfmetrics.registerFont(TTFont("EvalSans", candidate))
            return "EvalSans"
    return "Helvetica"


def render_pdf(text: str, target: Path, font: str, size: float = 10) -> None:
    """One text line per PDF line, wrapped at the margin like a word processor would."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    width, height = A4
    margin, leading = 56, size * 1.3
    page = canvas.Canvas(str(target), pagesize=A4)
    page.setFont(font, size)
    y = height - margin
    for line in text.splitlines():
        for part in simpleSplit(line, font, size, width - 2 * margin) or [""]:
            if y < margin:
                page.showPage()
                page.setFont(font, size)
                y = height - margin
            page.drawString(margin, y, part)
            y -= leading
    page.save()


def pdf_cases(cases: Iterable[Case], folder: Path, font: str) -> list[Case]:
    """The same gold entries, each pointing at its text rendered to a PDF in ``folder``."""
    rendered = []
    for case in cases:
        target = folder / Path(case.key).with_suffix(".pdf")
        target.parent.mkdir(parents=True, exist_ok=True)
        render_pdf(case.path.read_text(encoding="utf-8", errors="replace"), target, font)
        rendered.append(Case(case.key, target, case.kind, case.gold))
    return rendered


# ----------------------------------------------------------------------------- printing


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def _names(names: Iterable[str]) -> str:
    return ", ".join(names) or "-"


def _prf(c: Counts) -> str:
    """Counts and precision/recall on one line, aligned across rows."""
    return (
        f"TP {c.tp:>4} FP {c.fp:>3} FN {c.fn:>3}  P {_pct(c.precision):>6}  R {_pct(c.recall):>6}"
    )


def _years(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


@dataclass
class SetResult:
    name: str
    source: str
    skillgap: Report
    baseline: Report | None


SUMMARY_COLUMNS = "set docs P R F1 mF1 naiveF1 NC-P NC-R held years level anyOfR conceptR docs/s"
SET_WIDTH = 14  # the other columns are as wide as their heading, at least 5


def _row(cells: Sequence[str]) -> str:
    """Cells under the headings of SUMMARY_COLUMNS, always separated by a space."""
    widths = [SET_WIDTH] + [max(5, len(h)) for h in SUMMARY_COLUMNS.split()[1:]]
    first, *rest = cells
    return f"{first:<{widths[0]}}" + "".join(
        f" {c:>{w}}" for c, w in zip(rest, widths[1:], strict=True)
    )


def format_summary(results: Sequence[SetResult]) -> str:
    """One row per set: the headline figures, skillgap unless the column says naive."""
    lines = [_row(SUMMARY_COLUMNS.split())]
    for result in results:
        r, b = result.skillgap, result.baseline
        o = r.micro[OVERALL]
        rate = r.docs_per_second
        cells = [
            result.name,
            str(len(r.docs)),
            _num(o.precision),
            _num(o.recall),
            _num(o.f1),
            _num(r.macro_f1[OVERALL]),
            _num(b.micro[OVERALL].f1) if b else "-",
            _num(r.not_claimed.precision),
            _num(r.not_claimed.recall),
            str(r.claimed_negated),
            _num(r.years_accuracy),
            _num(r.level_accuracy),
            _num(r.any_of.recall) if r.any_of else "n/a",
            _num(r.classes["concept"].recall),
            "-" if rate is None else f"{rate:.1f}",
        ]
        lines.append(_row(cells))
    lines.append(
        "  (percent; micro P/R/F1 on floor names; mF1 = macro F1; NC = not-claimed presence;"
    )
    lines.append(
        "   held = gold not-claimed skills claimed as held, must be 0; level = requirement)"
    )
    return "\n".join(lines)


def format_set(result: SetResult, worst: int = 8, per_document: bool = True) -> str:
    """Every figure of one set: groups, classes, each phenomenon, worst documents, timing.

    ``per_document=False`` leaves out the document lists (for a union whose parts are shown).
    """
    r, b = result.skillgap, result.baseline
    lines: list[str] = []
    out = lines.append
    out(f"=== {result.name}: {result.source} ({len(r.docs)} docs) ===")
    out(
        f"{'group':<16}{'docs':>5}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}{'macroF1':>9}"
        f"   | naive{'P':>7}{'R':>8}{'F1':>8}"
    )
    for name in [*GROUPS, OVERALL]:
        n = sum(1 for d in r.docs if name in (d.group, OVERALL))
        if not n:
            continue
        c = r.micro[name]
        row = (
            f"{GROUPS.get(name, OVERALL):<16}{n:>5}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
            f"{_pct(c.precision):>8}{_pct(c.recall):>8}{_pct(c.f1):>8}{_pct(r.macro_f1[name]):>9}"
        )
        if b:
            bc = b.micro[name]
            row += f"   |     {_pct(bc.precision):>7}{_pct(bc.recall):>8}{_pct(bc.f1):>8}"
        out(row)

    out("\nBy kind of skill (skillgap P / R; naive P / R):")
    for name, label in CLASSES.items():
        c = r.classes[name]
        row = f"  {label:<20} {_prf(c)}"
        if b:
            bc = b.classes[name]
            row += f"   | naive P {_pct(bc.precision):>6}  R {_pct(bc.recall):>6}"
        out(row)
    missed = Counter(n for d in r.docs for n in d.fn if skill_class(n) == "concept")
    if missed:
        out(
            "  concept skills missed most: "
            + ", ".join(f"{n} {k}" for n, k in missed.most_common(8))
        )

    errors: dict[str, list[str]] = {}
    for d in r.docs:
        if d.error:
            errors.setdefault(d.error, []).append(d.key)
    if errors:
        out(f"\nExtraction errors ({sum(map(len, errors.values()))} docs, scored as empty):")
        for message, keys in errors.items():  # one line per distinct error, not per document
            where = keys[0] if len(keys) == 1 else f"{len(keys)} docs, e.g. {keys[0]}"
            out(f"  [{where}] {message if len(message) <= 300 else message[:300] + ' ...'}")

    nc = r.not_claimed
    out(
        f"\nNot claimed (presence): TP {nc.tp} FP {nc.fp} FN {nc.fn}  P {_pct(nc.precision)}"
        f"  R {_pct(nc.recall)};  reason agrees on {r.reason_agree}/{r.reason_n} flagged"
    )
    for reason, c in r.reasons.items():
        if c.tp or c.fp or c.fn:
            label = "reason unknown (gold-dev): presence" if reason == UNKNOWN else reason
            out(f"  {label:<36} {_prf(c)}")
    out(
        f"  gold not-claimed skills claimed as held: {r.claimed_negated} (must be 0)"
        + (f"; naive: {b.claimed_negated}" if b else "")
    )
    for d in r.docs if per_document else []:
        if d.claimed_negated:
            out(f"    {d.key}: {_names(d.claimed_negated)}")

    out(
        f"\nStated years (floor names, ±{YEARS_TOLERANCE}): {r.years_correct}/{r.years_n}"
        f" = {_pct(r.years_accuracy)}"
    )
    if not r.total_exposed:
        out(f"  overall years (_total, {r.total_n} in gold): n/a, no total-years attribute")
    else:
        out(f"  overall years (_total): {r.total_correct}/{r.total_n} = {_pct(r.total_accuracy)}")
    out(
        f"Requirement level (jobs, skills found by both): {r.level_agree}/{r.level_n}"
        f" = {_pct(r.level_accuracy)}"
    )
    if r.any_of is None:
        out("Any-of groups: n/a (this gold has no any_of)")
    else:
        a = r.any_of
        out(
            f"Any-of groups (floor-only groups, exact sets): TP {a.tp} FP {a.fp} FN {a.fn}"
            f"  P {_pct(a.precision)}  R {_pct(a.recall)}"
        )

    if per_document:
        ranked = sorted(r.docs, key=lambda d: (d.f1, -(len(d.fp) + len(d.fn)), d.key))
        bad = [
            d
            for d in ranked
            if d.f1 < 1
            or d.not_claimed_errors
            or d.years_misses
            or d.level_misses
            or d.any_of_errors
            or d.error
        ]
        out(f"\nWorst {min(worst, len(bad))} documents (by F1, then other mistakes):")
        for d in bad[:worst]:
            out(f"  {d.key}  F1 {_pct(d.f1)}  (TP {len(d.tp)} FP {len(d.fp)} FN {len(d.fn)})")
            if d.fp or d.fn:
                out(f"      false positives: {_names(d.fp)}")
                out(f"      missed:          {_names(d.fn)}")
            if d.not_claimed_errors:
                out(f"      not claimed:     {'; '.join(d.not_claimed_errors)}")
            if d.years_misses:
                shown = [
                    f"{n} gold {want:g}, got " + ("skill not found" if n in d.fn else _years(got))
                    for n, want, got in d.years_misses
                ]
                out(f"      years:           {'; '.join(shown)}")
            if d.level_misses:
                out(
                    "      levels:          "
                    + "; ".join(f"{n} gold {w}, got {g}" for n, w, g in d.level_misses)
                )
            if d.any_of_errors:
                out(f"      any-of:          {'; '.join(d.any_of_errors)}")

    rate = r.docs_per_second
    naive = f"; naive matcher {b.seconds:.2f} s" if b else ""
    out(
        f"\nTiming: {len(r.docs)} docs in {r.seconds:.2f} s of extraction = "
        f"{'n/a' if rate is None else f'{rate:.1f}'} docs/s{naive}"
    )
    return "\n".join(lines)


def format_pdf_gap(text: Report, pdf: Report) -> str:
    t, p = text.micro[OVERALL].f1, pdf.micro[OVERALL].f1
    if t is None or p is None:
        return "challenge-pdf vs its text: n/a"
    verdict = "within" if abs(p - t) <= PDF_F1_AIM else "OUTSIDE"
    lines = [
        f"challenge-pdf F1 {p:.3f} vs the same texts {t:.3f}: Δ {p - t:+.3f}"
        f" ({verdict} the {PDF_F1_AIM} aim)"
    ]
    by_key = {d.key: d for d in text.docs}
    for d in pdf.docs:
        other = by_key.get(d.key)
        if other is None:
            continue
        changes = [
            ("missed", set(d.fn) - set(other.fn)),
            ("found", set(other.fn) - set(d.fn)),
            ("wrongly found", set(d.fp) - set(other.fp)),
            ("no longer wrongly found", set(other.fp) - set(d.fp)),
        ]
        shown = [f"{label} {_names(sorted(names))}" for label, names in changes if names]
        if shown:
            lines.append(f"  {d.key} as PDF: {'; '.join(shown)}")
    return "\n".join(lines)


def format_skillspan(report: SpanReport, examples: int = 8) -> str:
    lines = [
        f"=== SkillSpan tech test: {report.postings} postings ===",
        f"Mentions inside a gold SKILL/KNOWLEDGE span: skillgap {report.mentions_inside}"
        f"/{report.mentions} = {_pct(report.inside_share)};"
        f" naive {report.naive_inside}/{report.naive_mentions}"
        f" = {_pct(report.naive_inside_share)}",
        f"Named-technology recall (KNOWLEDGE spans that are a taxonomy form, {report.tech_spans}):"
        f" skillgap {report.found} = {_pct(report.recall)}; naive {report.naive_found}"
        f" = {_pct(report.naive_recall)}",
    ]
    if report.errors:
        lines.append(f"  extraction errors: {report.errors} postings scored as empty")
    if report.misses:
        lines.append(f"  misses (of {len(report.misses)}), naive found it in brackets:")
        unique = list(dict.fromkeys(report.misses))  # a posting may repeat a line
        for idx, words, line, naive_hit in unique[:examples]:
            short = line if len(line) <= 110 else line[:107] + "..."
            lines.append(f"    #{idx} {words!r} [{'yes' if naive_hit else 'no'}]  in: {short}")
    lines.append(f"Timing: {report.seconds:.2f} s")
    return "\n".join(lines)


def format_pairs(report: PairsReport) -> str:
    lines = [
        f"=== Pairs (challenge/pairs.json, {len(report.results)} pairs) ===",
        f"Required skills placed as expected: {report.right}/{report.checks}"
        f" = {_pct(report.placed_share)}; excluding the {report.absent} the job profile lacks:"
        f" {report.right}/{report.checks - report.absent} = {_pct(report.placed_share_present)}",
        f"Fit band (report.fit if present, else the score: strong >= {STRONG_AT},"
        f" partial >= {PARTIAL_AT}, weak below): {report.bands_right} of {len(report.results)}"
        " in the right band",
    ]
    for r in report.results:
        if r.error:
            lines.append(f"  {Path(r.resume).stem} x {Path(r.job).stem}: error {r.error}")
            continue
        if not r.misplaced and r.got_fit == r.want_fit:
            continue
        fit = (
            ""
            if r.got_fit == r.want_fit
            else f"  band {r.got_fit} (score {r.score}), want {r.want_fit}"
        )
        lines.append(
            f"  {Path(r.resume).stem} x {Path(r.job).stem}: {r.right}/{r.checks} placed{fit}"
        )
        for name, want, got in r.misplaced:
            lines.append(f"      {name}: in {got}, want {want}")
    return "\n".join(lines)


def report_to_json(report: Report) -> dict[str, Any]:
    """Figures for later comparison between runs; ratios included so nobody recomputes them."""

    def ratios(c: Counts | None) -> dict[str, Any] | None:
        if c is None:
            return None
        return {**asdict(c), "precision": c.precision, "recall": c.recall, "f1": c.f1}

    return {
        "micro": {name: ratios(c) for name, c in report.micro.items()},
        "macro_f1": report.macro_f1,
        "classes": {name: ratios(c) for name, c in report.classes.items()},
        "not_claimed": {
            **(ratios(report.not_claimed) or {}),
            "claimed_as_held": report.claimed_negated,
            "reasons": {name: ratios(c) for name, c in report.reasons.items()},
            "reason_agreement": {"n": report.reason_n, "agree": report.reason_agree},
        },
        "years": {
            "n": report.years_n,
            "correct": report.years_correct,
            "accuracy": report.years_accuracy,
        },
        "total_years": {
            "n": report.total_n,
            "correct": report.total_correct if report.total_exposed else None,
            "accuracy": report.total_accuracy,
        },
        "requirement": {
            "n": report.level_n,
            "agree": report.level_agree,
            "accuracy": report.level_accuracy,
        },
        "any_of": ratios(report.any_of),
        "seconds": report.seconds,
        "docs_per_second": report.docs_per_second,
        "docs": [{**asdict(d), "f1": d.f1} for d in report.docs],
    }


# ----------------------------------------------------------------------------- main


def _fail(message: str) -> int:
    print(f"evaluate: error: {message}", file=sys.stderr)
    return 2


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _read_json_lines(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@dataclass
class Evaluation:
    """Everything one run computed, in the order it is printed."""

    corpus: Path
    floor_names: int
    wanted: list[str]
    sets: dict[str, SetResult]
    spans: SpanReport | None
    pairs: PairsReport | None
    load_seconds: float


def run_sets(
    wanted: list[str],
    golds: Mapping[str, Mapping[str, Any]],
    corpus: Path,
    floor: set[str],
    predict: Predictor,
    baseline: Predictor | None,
) -> dict[str, SetResult]:
    """Score every wanted set (and the sets it is made of); dev first, so timings compare."""

    def run(name: str, source: str, cases: list[Case]) -> SetResult:
        report = evaluate(cases, predict, floor)
        return SetResult(
            name, source, report, evaluate(cases, baseline, floor) if baseline else None
        )

    results = {
        name: run(name, GOLD_FILES[name], cases_from_gold(golds[name], corpus))
        for name in GOLD_FILES
        if name in golds
    }
    if UNION in wanted:
        dev, challenge = results["dev"], results["challenge"]
        merged = None
        if dev.baseline and challenge.baseline:
            merged = summarize(dev.baseline.docs + challenge.baseline.docs)
        source = f"{GOLD_FILES['dev']} + {GOLD_FILES['challenge']}"
        results[UNION] = SetResult(
            UNION, source, summarize(dev.skillgap.docs + challenge.skillgap.docs), merged
        )
    if PDF_SET in wanted:
        font = pdf_font()
        with tempfile.TemporaryDirectory(prefix="skillgap-eval-") as folder:
            cases = pdf_cases(cases_from_gold(golds["challenge"], corpus), Path(folder), font)
            source = f"{GOLD_FILES['challenge']}, each text rendered to PDF (font {font})"
            results[PDF_SET] = run(PDF_SET, source, cases)
    return results


def format_evaluation(ev: Evaluation, worst: int) -> str:
    """The summary first, then each set, SkillSpan and the pairs."""
    shown = [ev.sets[name] for name in ev.wanted]
    naive = "naive = whole-word, any-case match of every taxonomy name and alias, no context"
    parts = [
        f"corpus: {ev.corpus}  ({ev.floor_names} floor names; {naive})",
        f"skillgap load (spaCy, taxonomy): {ev.load_seconds:.2f} s, not counted in docs/s;"
        " later sets run with warm token caches",
        "",
        format_summary(shown),
    ]
    if PDF_SET in ev.wanted:
        gap = format_pdf_gap(ev.sets["challenge"].skillgap, ev.sets[PDF_SET].skillgap)
        parts.append(gap.splitlines()[0])
    if ev.spans:
        s = ev.spans
        parts.append(
            f"SkillSpan tech: mentions inside gold spans {_pct(s.inside_share)} (naive "
            f"{_pct(s.naive_inside_share)}); named-technology recall {_pct(s.recall)} "
            f"(naive {_pct(s.naive_recall)})"
        )
    if ev.pairs:
        parts.append(
            f"Pairs: required skills placed right {_pct(ev.pairs.placed_share)}; "
            f"{ev.pairs.bands_right} of {len(ev.pairs.results)} in the right band"
        )
    both_parts = "dev" in ev.wanted and "challenge" in ev.wanted
    for result in shown:
        parts += ["", format_set(result, worst, not (result.name == UNION and both_parts))]
        if result.name == PDF_SET:
            parts.append(format_pdf_gap(ev.sets["challenge"].skillgap, result.skillgap))
    if ev.spans:
        parts += ["", format_skillspan(ev.spans)]
    if ev.pairs:
        parts += ["", format_pairs(ev.pairs)]
    return "\n".join(parts)


def evaluation_to_json(ev: Evaluation) -> dict[str, Any]:
    spans = ev.spans
    return {
        "sets": {
            name: {
                "source": ev.sets[name].source,
                "skillgap": report_to_json(ev.sets[name].skillgap),
                "baseline": report_to_json(b) if (b := ev.sets[name].baseline) else None,
            }
            for name in ev.wanted
        },
        "thresholds": {"strong": STRONG_AT, "partial": PARTIAL_AT, "years": YEARS_TOLERANCE},
        "load_seconds": ev.load_seconds,
        "skillspan": None
        if spans is None
        else {
            **asdict(spans),
            "inside_share": spans.inside_share,
            "naive_inside_share": spans.naive_inside_share,
            "recall": spans.recall,
            "naive_recall": spans.naive_recall,
        },
        "pairs": None
        if ev.pairs is None
        else {
            "placed_share": ev.pairs.placed_share,
            "placed_share_present": ev.pairs.placed_share_present,
            "bands_right": ev.pairs.bands_right,
            "results": [asdict(r) for r in ev.pairs.results],
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        choices=SET_NAMES,
        help="a set to score (repeatable; default: all)",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument("--worst", type=int, default=8, help="how many worst documents to list")
    parser.add_argument(
        "--skip",
        action="append",
        choices=EXTRAS,
        default=[],
        help="leave out the naive baseline, SkillSpan or the pairs (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="also save every figure to this JSON file")
    args = parser.parse_args(argv)
    wanted = [name for name in SET_NAMES if name in (args.sets or SET_NAMES)]
    corpus: Path = args.corpus.resolve()
    needed = [
        name
        for name, users in (("dev", {"dev", UNION}), ("challenge", {"challenge", UNION, PDF_SET}))
        if users & set(wanted)
    ]

    try:
        # GOLD.md: names are spelled as in ../skill-floor.md, next to the corpus folder.
        floor = parse_floor((corpus.parent / "skill-floor.md").read_text(encoding="utf-8"))
        golds = {name: _read_json(corpus / GOLD_FILES[name]) for name in needed}
        pairs = None if "pairs" in args.skip else _read_json(corpus / PAIRS_FILE)
        rows = None if "skillspan" in args.skip else _read_json_lines(corpus / SKILLSPAN_FILE)
    except OSError as exc:
        return _fail(f"cannot read {exc.filename}: {exc.strerror}; pass --corpus DIR")
    except json.JSONDecodeError as exc:
        return _fail(f"a corpus JSON file is not valid JSON ({exc})")
    try:
        runner = SkillgapRunner()
        if PDF_SET in wanted:
            import reportlab  # noqa: F401
    except ImportError as exc:
        return _fail(f"cannot import {exc.name} ({exc}); pip install -e '.[test]' first")

    load_seconds = runner.warm_up()
    taxonomy = runner.skillgap.Taxonomy.default()
    matcher = NaiveMatcher.from_taxonomy(taxonomy)

    def naive(path: Path, kind: str) -> Prediction:
        return matcher.predict_text(runner.text(path, kind))

    sets = run_sets(
        wanted,
        golds,
        corpus,
        floor,
        runner.predict,
        None if "baseline" in args.skip else naive,
    )
    spans = None
    if rows is not None:
        spans = score_skillspan(
            postings_from_rows(rows),
            runner.mentions,
            lambda text: [(start, end) for start, end, _ in matcher.find(text)],
            {alias.text.lower() for alias in taxonomy.aliases()},
        )
    pairs_report = None if pairs is None else score_pairs(pairs, runner.compare(corpus))
    evaluation = Evaluation(corpus, len(floor), wanted, sets, spans, pairs_report, load_seconds)
    print(format_evaluation(evaluation, args.worst))
    if args.json:
        figures = evaluation_to_json(evaluation)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"\nfigures saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
