"""Score the skillgap extractor against the hand-labelled development gold set.

Run ``python scripts/evaluate.py`` (with ``src`` importable). Scoring follows
``corpus/GOLD.md``: only skill-floor names count, ``implied`` is ignored, a gold
``negated_or_learning`` name reported as a skill is a false positive, requirement level is
compared only on skills found by both, and stated years must match within 0.01.

The scoring core, :func:`evaluate`, is pure: it takes the predictor as an argument, so the
tests can drive it with a fake and never run the real extractor.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

YEARS_TOLERANCE = 0.01
GROUPS = {"job": "jobs", "resume-text": "résumés (text)", "resume-pdf": "résumés (PDF)"}
OVERALL = "overall"
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold-dev.json"

Requirement = str | None


@dataclass(frozen=True)
class Prediction:
    """What the scorer needs from one extraction: names only, so any extractor can be adapted."""

    skills: dict[str, tuple[Requirement, float | None]] = field(default_factory=dict)
    not_claimed: set[str] = field(default_factory=set)


Predictor = Callable[[Path, str], Prediction]


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


@dataclass
class DocResult:
    """Per-document outcome, kept so the worst documents can be shown with their errors."""

    key: str
    group: str
    tp: list[str]
    fp: list[str]
    fn: list[str]
    negated_in_skills: list[str]
    seconds: float
    error: str | None = None
    not_claimed_fp: list[str] = field(default_factory=list)
    not_claimed_fn: list[str] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return Counts(len(self.tp), len(self.fp), len(self.fn))

    @property
    def f1(self) -> float:
        """A document with no gold and no prediction is perfect, not undefined, for macro F1."""
        f1 = self.counts.f1
        return 1.0 if f1 is None else f1


@dataclass
class Report:
    """All figures of one evaluation run."""

    docs: list[DocResult]
    micro: dict[str, Counts]
    macro_f1: dict[str, float | None]
    requirement_n: int
    requirement_agree: int
    requirement_disagreements: list[tuple[str, str, str, Requirement]]
    not_claimed: Counts
    negated_in_skills: int
    years_n: int
    years_correct: int
    years_misses: list[tuple[str, str, float, float | None]]
    seconds: float

    @property
    def requirement_accuracy(self) -> float | None:
        return self.requirement_agree / self.requirement_n if self.requirement_n else None

    @property
    def years_accuracy(self) -> float | None:
        return self.years_correct / self.years_n if self.years_n else None


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


def group_of(key: str, kind: str) -> str:
    """PDF résumés are reported apart: their text extraction is a separate source of errors."""
    if kind == "job":
        return "job"
    return "resume-pdf" if key.startswith("resumes/pdf/") else "resume-text"


def gold_requirement(doc: Mapping[str, Any], name: str) -> Requirement:
    if name in doc.get("required", ()):
        return "required"
    if name in doc.get("preferred", ()):
        return "preferred"
    return None


def evaluate(
    gold: Mapping[str, Mapping[str, Any]],
    predict: Predictor,
    corpus_dir: Path,
    floor: set[str],
) -> Report:
    """Run ``predict`` on every gold document and score it; a crashing document counts as empty."""
    docs: list[DocResult] = []
    micro = {name: Counts() for name in [*GROUPS, OVERALL]}
    req_n = req_agree = 0
    req_bad: list[tuple[str, str, str, Requirement]] = []
    not_claimed = Counts()
    negated_in_skills = 0
    years_n = years_ok = 0
    years_misses: list[tuple[str, str, float, float | None]] = []
    total_seconds = 0.0

    for key, doc in gold.items():
        kind = doc["kind"]
        error = None
        start = time.perf_counter()
        try:
            pred = predict(corpus_dir / key, kind)
        except Exception as exc:  # one broken document must not hide the other figures
            pred, error = Prediction(), f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        total_seconds += seconds

        gold_skills = set(doc["skills"]) & floor
        gold_negated = set(doc.get("negated_or_learning", ())) & floor
        predicted = set(pred.skills) & floor
        said_not = set(pred.not_claimed) & floor
        result = DocResult(
            key=key,
            group=group_of(key, kind),
            tp=sorted(gold_skills & predicted),
            fp=sorted(predicted - gold_skills),
            fn=sorted(gold_skills - predicted),
            negated_in_skills=sorted(gold_negated & predicted),
            seconds=seconds,
            error=error,
            not_claimed_fp=sorted(said_not - gold_negated),
            not_claimed_fn=sorted(gold_negated - said_not),
        )
        docs.append(result)
        micro[result.group].add(result.counts)
        micro[OVERALL].add(result.counts)
        negated_in_skills += len(result.negated_in_skills)

        if kind == "job":
            for name in result.tp:
                want, got = gold_requirement(doc, name), pred.skills[name][0]
                req_n += 1
                if want == got:
                    req_agree += 1
                else:
                    req_bad.append((key, name, str(want), got))

        not_claimed.add(
            Counts(
                len(said_not & gold_negated),
                len(result.not_claimed_fp),
                len(result.not_claimed_fn),
            )
        )

        for name, want_years in doc.get("years", {}).items():
            if name == "_total" or name not in floor:
                continue
            got_years = pred.skills.get(name, (None, None))[1]
            years_n += 1
            if got_years is not None and abs(got_years - want_years) <= YEARS_TOLERANCE:
                years_ok += 1
            else:
                years_misses.append((key, name, want_years, got_years))

    macro: dict[str, float | None] = {}
    for name in [*GROUPS, OVERALL]:
        f1s = [d.f1 for d in docs if name in (d.group, OVERALL)]
        macro[name] = sum(f1s) / len(f1s) if f1s else None

    return Report(
        docs=docs,
        micro=micro,
        macro_f1=macro,
        requirement_n=req_n,
        requirement_agree=req_agree,
        requirement_disagreements=req_bad,
        not_claimed=not_claimed,
        negated_in_skills=negated_in_skills,
        years_n=years_n,
        years_correct=years_ok,
        years_misses=years_misses,
        seconds=total_seconds,
    )


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
    return Prediction(skills=skills, not_claimed={item.name for item in profile.not_claimed})


def predict_with_skillgap(path: Path, kind: str) -> Prediction:
    """The real predictor; skillgap is imported here so scoring works without it."""
    import skillgap

    return prediction_from_profile(skillgap.extract(path, kind=kind))


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{100 * value:5.1f}%"


def _names(names: Iterable[str]) -> str:
    return ", ".join(names) or "-"


def format_report(report: Report, worst: int = 8) -> str:
    """Plain-text tables, readable in a terminal and in a pasted log."""
    lines: list[str] = []
    out = lines.append
    out(f"{'set':<16}{'docs':>5}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}{'macroF1':>9}")
    for name in [*GROUPS, OVERALL]:
        c = report.micro[name]
        n = sum(1 for d in report.docs if name in (d.group, OVERALL))
        label = GROUPS.get(name, OVERALL)
        out(
            f"{label:<16}{n:>5}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
            f"{_pct(c.precision):>8}{_pct(c.recall):>8}{_pct(c.f1):>8}{_pct(report.macro_f1[name]):>9}"
        )

    errors: dict[str, list[str]] = {}
    for d in report.docs:
        if d.error:
            errors.setdefault(d.error, []).append(d.key)
    if errors:
        failed = sum(len(keys) for keys in errors.values())
        out(f"\nExtraction errors ({failed} docs, scored as empty):")
        for message, keys in errors.items():  # one line per distinct error, not per document
            where = keys[0] if len(keys) == 1 else f"{len(keys)} docs, e.g. {keys[0]}"
            short = message if len(message) <= 300 else message[:300] + " ..."
            out(f"  [{where}] {short}")

    ranked = sorted(report.docs, key=lambda d: (d.f1, -(len(d.fp) + len(d.fn)), d.key))
    out(f"\nWorst {min(worst, len(ranked))} documents by F1:")
    for d in ranked[:worst]:
        out(f"  {d.key}  F1 {_pct(d.f1).strip()}  (TP {len(d.tp)} FP {len(d.fp)} FN {len(d.fn)})")
        out(f"      false positives: {_names(d.fp)}")
        out(f"      missed:          {_names(d.fn)}")

    out(
        f"\nRequirement level (jobs, skills found by both): {report.requirement_agree}"
        f"/{report.requirement_n} agree = {_pct(report.requirement_accuracy).strip()}"
    )
    for key, name, want, got in report.requirement_disagreements[:10]:
        out(f"  {Path(key).stem}: {name}  gold {want}, predicted {got}")
    if len(report.requirement_disagreements) > 10:
        out(f"  ... and {len(report.requirement_disagreements) - 10} more")

    nc = report.not_claimed
    out(
        f"\nnot_claimed vs gold negated_or_learning: TP {nc.tp} FP {nc.fp} FN {nc.fn}"
        f"  P {_pct(nc.precision).strip()}  R {_pct(nc.recall).strip()}"
    )
    for d in report.docs:
        if d.not_claimed_fp or d.not_claimed_fn:
            out(
                f"  {d.key}: wrongly not claimed {_names(d.not_claimed_fp)}; "
                f"missed {_names(d.not_claimed_fn)}"
            )
    out(f"  gold negated/learning names reported as skills: {report.negated_in_skills} (must be 0)")
    for d in report.docs:
        if d.negated_in_skills:
            out(f"    {d.key}: {_names(d.negated_in_skills)}")

    out(
        f"\nStated years (floor names, ±{YEARS_TOLERANCE}): {report.years_correct}"
        f"/{report.years_n} = {_pct(report.years_accuracy).strip()}"
    )
    missed = {(d.key, name) for d in report.docs for name in d.fn}
    for key, name, want, got in report.years_misses:
        shown = "skill not found" if (key, name) in missed else "-" if got is None else f"{got:g}"
        out(f"  {Path(key).stem}: {name}  gold {want:g}, predicted {shown}")

    n = len(report.docs)
    rate = n / report.seconds if report.seconds else float("inf")
    out(f"\nTiming: {n} docs in {report.seconds:.2f} s of extraction = {rate:.1f} docs/s")
    return "\n".join(lines)


def report_to_json(report: Report) -> dict[str, Any]:
    """Figures for later comparison between runs; ratios included so nobody recomputes them."""

    def ratios(c: Counts) -> dict[str, Any]:
        return {**asdict(c), "precision": c.precision, "recall": c.recall, "f1": c.f1}

    return {
        "micro": {name: ratios(c) for name, c in report.micro.items()},
        "macro_f1": report.macro_f1,
        "requirement": {
            "n": report.requirement_n,
            "agree": report.requirement_agree,
            "accuracy": report.requirement_accuracy,
            "disagreements": report.requirement_disagreements,
        },
        "not_claimed": {**ratios(report.not_claimed), "in_skills": report.negated_in_skills},
        "years": {
            "n": report.years_n,
            "correct": report.years_correct,
            "accuracy": report.years_accuracy,
            "misses": report.years_misses,
        },
        "seconds": report.seconds,
        "docs_per_second": len(report.docs) / report.seconds if report.seconds else None,
        "docs": [{**asdict(d), "f1": d.f1} for d in report.docs],
    }


def main(argv: list[str] | None = None, predict: Predictor | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON file")
    parser.add_argument("--worst", type=int, default=8, help="how many worst documents to list")
    parser.add_argument("--json", type=Path, help="also save the figures to this JSON file")
    args = parser.parse_args(argv)

    gold_path: Path = args.gold.resolve()
    # GOLD.md: names are spelled as in ../skill-floor.md, relative to the corpus folder.
    floor_path = gold_path.parent.parent / "skill-floor.md"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        floor = parse_floor(floor_path.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"evaluate: cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2

    if predict is None:
        try:  # fail once, clearly, instead of once per document
            from skillgap import extract  # noqa: F401
        except ImportError:
            traceback.print_exc()
            print("evaluate: cannot import skillgap.extract (PYTHONPATH=src?)", file=sys.stderr)
            return 2
        predict = predict_with_skillgap

    report = evaluate(gold, predict, gold_path.parent, floor)
    print(f"gold: {gold_path}  ({len(gold)} docs, {len(floor)} floor names)\n")
    print(format_report(report, worst=args.worst))
    if args.json:
        args.json.write_text(json.dumps(report_to_json(report), indent=2, ensure_ascii=False))
        print(f"\nfigures saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
