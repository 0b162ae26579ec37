#!/usr/bin/env python3
"""The calibration table of the fit band, from the challenge pairs' independent judgements.

For each pair of ``corpus/challenge/pairs.json`` it prints the judged band and share of
required units met next to skillgap's ``required_met``, score and band, twice:

- **gap stage alone**: profiles built from the hand labels (``gold.json``), so extraction
  errors are out of the picture and only the verdict and scoring rules are measured;
- **end to end**: profiles extracted from the documents, as a user gets them.

``--sweep`` adds how many bands agree when the two thresholds move, to show the defaults do
not sit on a knife's edge. Run: ``python scripts/calibrate.py [--corpus DIR] [--sweep]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import skillgap
from skillgap.gap.compare import compare_profiles
from skillgap.models import ExtractedSkill, GapReport, Mention, NotClaimed, Profile
from skillgap.options import Scoring
from skillgap.taxonomy import Taxonomy

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_LABEL = Mention(text="", start=0, end=0, section="requirements")


def gold_profile(labels: dict[str, Any], kind: str, taxonomy: Taxonomy, source: str) -> Profile:
    """A profile from hand labels: every labelled floor skill, its level and stated years."""
    skills = []
    for name in labels["skills"]:
        skill = taxonomy.resolve(name)
        if skill is None:
            continue
        level = None
        if kind == "job":
            level = "required" if name in labels.get("required", []) else "preferred"
        years = labels["years"].get(name)
        skills.append(
            ExtractedSkill(
                id=skill.id,
                name=skill.name,
                category=skill.category,
                requirement=level,
                years=years,
                stated_years=years,
                mentions=[_LABEL],
            )
        )
    refused = [
        NotClaimed(id=skill.id, name=skill.name, reason="negated", mentions=[_LABEL])
        for name in labels["negated_or_learning"]
        if (skill := taxonomy.resolve(name)) is not None
    ]
    return Profile(
        kind=kind,  # type: ignore[arg-type]
        source=source,
        skills=skills,
        not_claimed=refused,
        any_of=labels.get("any_of", []),
        total_years=labels["years"].get("_total"),
    )


def judged_share(pair: dict[str, Any]) -> float:
    """The pair's own share of required units met, from its ``why`` line ("Met 10 of 15")."""
    words = pair["why"].split(". Met ")[1].split()
    return int(words[0]) / int(words[2])


def reports(
    corpus: Path, scoring: Scoring, end_to_end: bool = True
) -> tuple[list[dict], list[GapReport], list[GapReport]]:
    """The pairs, their reports from hand-labelled profiles, and (``end_to_end``) from files."""
    pairs = json.loads((corpus / "challenge" / "pairs.json").read_text(encoding="utf-8"))
    gold = json.loads((corpus / "challenge" / "gold.json").read_text(encoding="utf-8"))
    taxonomy = Taxonomy.default()
    analyzer = skillgap.Analyzer(taxonomy, skillgap.Options(scoring=scoring))
    alone, extracted = [], []
    for pair in pairs:
        resume = gold_profile(gold[pair["resume"]], "resume", taxonomy, pair["resume"])
        job = gold_profile(gold[pair["job"]], "job", taxonomy, pair["job"])
        alone.append(compare_profiles(resume, job, taxonomy, scoring))
        if end_to_end:
            extracted.append(analyzer.compare(corpus / pair["resume"], corpus / pair["job"]))
    return pairs, alone, extracted


def table(pairs: list[dict], alone: list[GapReport], extracted: list[GapReport]) -> str:
    lines = [
        "| Pair | Judged | Judged met | Gap stage alone: met, score, band | End to end: met, "
        "score, band |",
        "| --- | --- | --- | --- | --- |",
    ]
    for pair, one, two in zip(pairs, alone, extracted, strict=True):
        name = f"{Path(pair['resume']).stem} × {Path(pair['job']).stem}"
        cells = [
            f"{report.required_met:.0%}, {report.score}, {report.fit}"
            + ("" if report.fit == pair["fit"] else " ✗")
            for report in (one, two)
        ]
        lines.append(f"| {name} | {pair['fit']} | {judged_share(pair):.0%} | {' | '.join(cells)} |")
    right = [
        sum(r.fit == p["fit"] for p, r in zip(pairs, rs, strict=True)) for rs in (alone, extracted)
    ]
    lines.append(f"| **Bands agreeing** | | | **{right[0]} of {len(pairs)}** | "
                 f"**{right[1]} of {len(pairs)}** |")  # fmt: skip
    return "\n".join(lines)


def sweep(pairs: list[dict], alone: list[GapReport], extracted: list[GapReport]) -> str:
    """Bands agreeing when the thresholds move (the reports' required_met is reused)."""
    lines = [
        "| strong from | partial from | gap stage alone | end to end |",
        "| --- | --- | --- | --- |",
    ]
    for strong in (0.70, 0.75, 0.80):
        for partial in (0.35, 0.40, 0.45):
            counts = []
            for found in (alone, extracted):
                counts.append(
                    sum(
                        _band(r, strong, partial) == p["fit"]
                        for p, r in zip(pairs, found, strict=True)
                    )
                )
            lines.append(f"| {strong:.2f} | {partial:.2f} | {counts[0]} | {counts[1]} |")
    return "\n".join(lines)


def _band(report: GapReport, strong: float, partial: float) -> str:
    lacking = any(item.essential for item in report.missing)
    if report.required_met >= strong and not lacking:
        return "strong"
    return "partial" if report.required_met >= partial else "weak"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sweep", action="store_true", help="also move the two thresholds")
    args = parser.parse_args(argv)
    if not (args.corpus / "challenge" / "pairs.json").is_file():
        print(f"calibrate: no challenge pairs under {args.corpus}", file=sys.stderr)
        return 2
    scoring = Scoring()
    pairs, alone, extracted = reports(args.corpus, scoring)
    print(table(pairs, alone, extracted))
    if args.sweep:
        print()
        print(sweep(pairs, alone, extracted))
    return 0


if __name__ == "__main__":
    sys.exit(main())
