"""The gap stage alone on the challenge pairs: with the hand-labelled profiles (no extraction
errors), the verdicts place every required skill as the independent judgements do and the fit
band agrees on nearly every pair (scripts/calibrate.py prints the table README shows)."""

from __future__ import annotations

import pytest
from conftest import CORPUS, load_script, needs_corpus

from skillgap.options import Scoring

pytestmark = needs_corpus


@pytest.fixture(scope="module")
def calibration():
    calibrate = load_script("calibrate")
    pairs, alone, _ = calibrate.reports(CORPUS, Scoring(), end_to_end=False)
    return calibrate, pairs, alone


def _placed(report, evaluate) -> dict[str, str]:
    places: dict[str, str] = {}
    for bucket in ("matched", "alternatives", "partial", "missing"):
        for item in getattr(report, bucket):
            implied = bucket == "matched" and item.evidence == "implied"
            places.setdefault(item.name, evaluate.IMPLIED if implied else bucket)
    return places


def test_calibration_gap_stage_places_required_skills_as_judged(calibration) -> None:
    evaluate = load_script("evaluate")
    _, pairs, alone = calibration
    wrong = []
    for pair, report in zip(pairs, alone, strict=True):
        places = _placed(report, evaluate)
        for name, allowed in evaluate.expected_places(pair):
            if places.get(name) not in allowed:
                wrong.append((pair["resume"], name, places.get(name), allowed))
    assert wrong == []


def test_calibration_gap_stage_fit_bands_agree(calibration) -> None:
    calibrate, pairs, alone = calibration
    agree = sum(report.fit == pair["fit"] for pair, report in zip(pairs, alone, strict=True))
    assert agree >= 17, calibrate.table(pairs, alone, alone)
    for pair, report in zip(pairs, alone, strict=True):  # never off by two bands
        assert {report.fit, pair["fit"]} != {"strong", "weak"}, pair["resume"]
