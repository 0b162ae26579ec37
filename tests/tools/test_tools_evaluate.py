"""Tests for scripts/evaluate.py: the scoring rules, with a fake predictor and in-memory gold."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import SCRIPTS, load_script

SCRIPT = SCRIPTS / "evaluate.py"
CORPUS = Path("/corpus")  # never read: the fake predictor answers from a dict


ev = load_script("evaluate")
Prediction = ev.Prediction

FLOOR = {"Python", "Go", "Docker", "AWS", "C#", ".NET", "CI/CD", "Kubernetes"}

GOLD = {
    "jobs/a.txt": {
        "kind": "job",
        "skills": ["Python", "Docker", "AWS"],
        "required": ["Python", "Docker"],
        "preferred": ["AWS"],
        "negated_or_learning": [],
        "other": ["Spark"],
        "implied": {"Django": ["Python"]},
        "years": {"_total": 5, "Python": 3, "Spark": 2},
    },
    "resumes/text/b.md": {
        "kind": "resume",
        "skills": ["Python", "C#"],
        "negated_or_learning": ["Go"],
        "other": [],
        "implied": {},
        "years": {"Python": 2.58},
    },
    "resumes/pdf/c.pdf": {
        "kind": "resume",
        "skills": [".NET"],
        "negated_or_learning": [],
        "other": [],
        "implied": {},
        "years": {},
    },
}

PERFECT = {
    "jobs/a.txt": Prediction(
        {"Python": ("required", 3.0), "Docker": ("required", None), "AWS": ("preferred", None)}
    ),
    "resumes/text/b.md": Prediction({"Python": (None, 2.58), "C#": (None, None)}, {"Go"}),
    "resumes/pdf/c.pdf": Prediction({".NET": (None, None)}),
}


def fake(answers: dict[str, object]):
    def predict(path: Path, kind: str):
        return answers[path.relative_to(CORPUS).as_posix()]

    return predict


def run(answers: dict[str, object], gold: dict | None = None):
    return ev.evaluate(gold or GOLD, fake(answers), CORPUS, FLOOR)


def test_perfect_predictor_scores_one_everywhere() -> None:
    report = run(PERFECT)
    for counts in report.micro.values():
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert report.macro_f1["overall"] == 1.0
    assert report.requirement_accuracy == 1.0 and report.requirement_n == 3
    assert (report.not_claimed.precision, report.not_claimed.recall) == (1.0, 1.0)
    assert report.years_accuracy == 1.0 and report.years_n == 2
    assert report.negated_in_skills == 0


def test_one_extra_and_one_missing_skill() -> None:
    answers = dict(PERFECT)
    answers["jobs/a.txt"] = Prediction(
        {
            "Python": ("required", 3.0),
            "Docker": ("required", None),
            "Kubernetes": ("required", None),
        }
    )
    report = run(answers)
    job = report.micro["job"]
    assert (job.tp, job.fp, job.fn) == (2, 1, 1)
    assert job.precision == pytest.approx(2 / 3) and job.recall == pytest.approx(2 / 3)
    overall = report.micro["overall"]
    assert (overall.tp, overall.fp, overall.fn) == (5, 1, 1)
    assert report.micro["resume-text"].f1 == 1.0
    doc = report.docs[0]
    assert (doc.fp, doc.fn) == (["Kubernetes"], ["AWS"])
    assert report.macro_f1["overall"] == pytest.approx((2 / 3 + 1 + 1) / 3)


def test_non_floor_prediction_is_ignored() -> None:
    answers = dict(PERFECT)
    answers["resumes/pdf/c.pdf"] = Prediction({".NET": (None, None), "Spark": (None, 4.0)})
    report = run(answers)
    assert report.micro["overall"].fp == 0
    assert report.micro["resume-pdf"].f1 == 1.0


def test_negated_gold_skill_predicted_as_skill_is_a_false_positive() -> None:
    answers = dict(PERFECT)
    answers["resumes/text/b.md"] = Prediction(
        {"Python": (None, 2.58), "C#": (None, None), "Go": (None, None)}
    )
    report = run(answers)
    text = report.micro["resume-text"]
    assert (text.tp, text.fp, text.fn) == (2, 1, 0)
    assert report.negated_in_skills == 1
    assert report.docs[1].negated_in_skills == ["Go"]
    assert (report.not_claimed.tp, report.not_claimed.fn) == (0, 1)
    assert report.not_claimed.precision is None  # nothing predicted as not claimed


def test_not_claimed_false_positive_counts_against_precision() -> None:
    answers = dict(PERFECT)
    answers["resumes/pdf/c.pdf"] = Prediction({".NET": (None, None)}, {"Kubernetes", "Elixir"})
    report = run(answers)
    nc = report.not_claimed
    assert (nc.tp, nc.fp, nc.fn) == (1, 1, 0)  # Elixir is not a floor name: ignored
    assert report.docs[2].not_claimed_fp == ["Kubernetes"]
    assert "wrongly not claimed Kubernetes; missed -" in ev.format_report(report)


def test_requirement_agreement_only_over_skills_found_by_both() -> None:
    answers = dict(PERFECT)
    answers["jobs/a.txt"] = Prediction(
        {"Python": ("preferred", 3.0), "Docker": (None, None), "Kubernetes": ("required", None)}
    )
    report = run(answers)
    assert report.requirement_n == 2  # AWS missed, Kubernetes not in gold
    assert report.requirement_agree == 0
    assert report.requirement_disagreements == [
        ("jobs/a.txt", "Docker", "required", None),
        ("jobs/a.txt", "Python", "required", "preferred"),
    ]


def test_years_accuracy_uses_floor_keys_and_tolerance() -> None:
    answers = dict(PERFECT)
    answers["jobs/a.txt"] = Prediction(
        {"Python": ("required", 3.009), "Docker": ("required", 1.0), "AWS": ("preferred", None)}
    )
    answers["resumes/text/b.md"] = Prediction({"Python": (None, 2.6), "C#": (None, None)}, {"Go"})
    report = run(answers)
    # "_total" and the non-floor "Spark" are skipped; Docker has no gold years.
    assert (report.years_n, report.years_correct) == (2, 1)
    assert report.years_misses == [("resumes/text/b.md", "Python", 2.58, 2.6)]


def test_years_of_an_unpredicted_skill_is_a_miss() -> None:
    answers = dict(PERFECT)
    answers["resumes/text/b.md"] = Prediction({"C#": (None, None)}, {"Go"})
    report = run(answers)
    assert report.years_misses == [("resumes/text/b.md", "Python", 2.58, None)]
    assert "Python  gold 2.58, predicted skill not found" in ev.format_report(report)


def test_crash_on_one_document_scores_it_as_empty() -> None:
    def predict(path: Path, kind: str):
        if path.name == "c.pdf":
            raise ValueError("no text")
        return fake(PERFECT)(path, kind)

    report = ev.evaluate(GOLD, predict, CORPUS, FLOOR)
    pdf = report.docs[2]
    assert pdf.error == "ValueError: no text" and pdf.fn == [".NET"]
    assert report.micro["job"].f1 == 1.0
    assert "[resumes/pdf/c.pdf] ValueError: no text" in ev.format_report(report)


def test_empty_gold_and_empty_prediction_is_perfect_for_macro() -> None:
    gold = {"jobs/n.txt": {"kind": "job", "skills": [], "required": [], "preferred": []}}
    report = run({"jobs/n.txt": Prediction()}, gold)
    assert report.micro["job"].f1 is None
    assert report.macro_f1["job"] == 1.0


def test_parse_floor_keeps_punctuated_names() -> None:
    text = (
        "# Skill floor\n\nIntro, with a comma, not a name.\n\n"
        "## Languages\nPython, C#, C++\n\n## Frameworks\n.NET, ASP.NET Core,\nCI/CD\n"
    )
    assert ev.parse_floor(text) == {"Python", "C#", "C++", ".NET", "ASP.NET Core", "CI/CD"}


def test_real_floor_file_has_143_names() -> None:
    floor_file = ev.DEFAULT_GOLD.parent.parent / "skill-floor.md"
    if not floor_file.exists():
        pytest.skip("shared corpus not present")
    names = ev.parse_floor(floor_file.read_text(encoding="utf-8"))
    assert len(names) == 143 and {".NET", "ASP.NET Core", "CI/CD", "C#", "C++"} <= names


def test_prediction_from_profile_merges_repeated_names() -> None:
    profile = SimpleNamespace(
        skills=[
            SimpleNamespace(name="Python", requirement=None, years=None),
            SimpleNamespace(name="Python", requirement="preferred", years=2.0),
            SimpleNamespace(name="Go", requirement="required", years=None),
        ],
        not_claimed=[SimpleNamespace(name="Rust")],
    )
    pred = ev.prediction_from_profile(profile)
    assert pred.skills == {"Python": ("preferred", 2.0), "Go": ("required", None)}
    assert pred.not_claimed == {"Rust"}


def test_main_prints_report_and_saves_json(tmp_path: Path, capsys) -> None:
    import json

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gold.json").write_text(json.dumps(GOLD))
    (tmp_path / "skill-floor.md").write_text("## All\n" + ", ".join(sorted(FLOOR)) + "\n")
    out = tmp_path / "figures.json"

    def predict(path: Path, kind: str):
        return PERFECT[path.relative_to(corpus).as_posix()]

    argv = ["--gold", str(corpus / "gold.json"), "--worst", "2", "--json", str(out)]
    assert ev.main(argv, predict=predict) == 0
    printed = capsys.readouterr().out
    assert "overall" in printed and "Worst 2 documents" in printed and "docs/s" in printed
    figures = json.loads(out.read_text())
    assert figures["micro"]["overall"]["f1"] == 1.0 and len(figures["docs"]) == 3
