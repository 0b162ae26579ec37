"""Tests for scripts/evaluate.py: each figure on a tiny fake gold and prediction, and a smoke run.

The arithmetic is driven with fake predictors and never runs the real extractor; only the last
tests use skillgap (rendering a PDF, and the script on the dev set).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CORPUS as REAL_CORPUS
from conftest import SCRIPTS, SKILL_FLOOR, load_script, needs_corpus, needs_floor

ev = load_script("evaluate")
Prediction = ev.Prediction
Counts = ev.Counts

SCRIPT = SCRIPTS / "evaluate.py"
CORPUS = Path("/corpus")  # never read: the fake predictor answers from a dict
FLOOR = {"Python", "Go", "Docker", "AWS", "Kotlin", "Java", "Caching", "Indexing", "Leadership"}

JOB = "jobs/a.txt"
TEXT = "resumes/text/b.md"
PDF = "resumes/pdf/c.pdf"

GOLD = {
    JOB: {
        "kind": "job",
        "skills": ["Python", "Docker", "Caching", "Java", "Kotlin"],
        "required": ["Python", "Docker", "Java", "Kotlin"],
        "preferred": ["Caching"],
        "negated_or_learning": ["Go"],
        "other": ["Spark"],
        "implied": {"Django": ["Python"]},
        "years": {"_total": 5, "Python": 3, "Spark": 2},
        "any_of": [["Java", "Kotlin"]],
        "not_claimed_reasons": {"Go": "negated"},
    },
    TEXT: {
        "kind": "resume",
        "skills": ["Python", "Leadership"],
        "negated_or_learning": ["Go", "AWS"],
        "years": {"Python": 2.58},
        "any_of": [],
        "not_claimed_reasons": {"Go": "learning", "AWS": "interest"},
    },
    PDF: {"kind": "resume", "skills": ["Indexing"], "negated_or_learning": [], "years": {}},
}

PERFECT = {
    JOB: Prediction(
        {
            "Python": ("required", 3.0),
            "Docker": ("required", None),
            "Caching": ("preferred", None),
            "Java": ("required", None),
            "Kotlin": ("required", None),
        },
        {"Go": "negated"},
        any_of=[["Kotlin", "Java"]],
        total_years=5.0,
        exposes_total=True,
    ),
    TEXT: Prediction(
        {"Python": (None, 2.58), "Leadership": (None, None)}, {"Go": "learning", "AWS": "interest"}
    ),
    PDF: Prediction({"Indexing": (None, None)}),
}


def fake(answers: dict[str, object]):
    def predict(path: Path, kind: str):
        return answers[path.relative_to(CORPUS).as_posix()]

    return predict


def run(changes: dict[str, Prediction] | None = None, gold: dict | None = None):
    """Score PERFECT with some documents' predictions replaced."""
    answers = {**PERFECT, **(changes or {})}
    return ev.evaluate(ev.cases_from_gold(gold or GOLD, CORPUS), fake(answers), FLOOR)


def with_skills(key: str, **updates) -> dict[str, Prediction]:
    """PERFECT's prediction for ``key`` with some fields replaced."""
    base = PERFECT[key]
    fields = {
        "skills": base.skills,
        "not_claimed": base.not_claimed,
        "any_of": base.any_of,
        "total_years": base.total_years,
        "exposes_total": base.exposes_total,
    }
    return {key: Prediction(**{**fields, **updates})}


# ----------------------------------------------------------------------------- skills


def test_perfect_predictor_scores_one_everywhere() -> None:
    report = run()
    for counts in report.micro.values():
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert report.macro_f1["overall"] == 1.0
    assert (report.level_accuracy, report.level_n) == (1.0, 5)
    assert (report.not_claimed.precision, report.not_claimed.recall) == (1.0, 1.0)
    assert (report.years_accuracy, report.years_n) == (1.0, 2)
    assert (report.total_accuracy, report.total_n) == (1.0, 1)
    assert report.claimed_negated == 0
    assert (report.any_of.tp, report.any_of.fp, report.any_of.fn) == (1, 0, 0)


@pytest.mark.parametrize(
    ("changes", "group", "expected", "overall"),
    [
        pytest.param(  # Caching missed, AWS added
            with_skills(
                JOB,
                skills={
                    "Python": ("required", 3.0),
                    "Docker": ("required", None),
                    "Java": ("required", None),
                    "Kotlin": ("required", None),
                    "AWS": ("required", None),
                },
            ),
            "job",
            (4, 1, 1),
            (7, 1, 1),
            id="one-extra-one-missing",
        ),
        pytest.param(  # Spark is not a floor name: neither a hit nor a false positive
            with_skills(PDF, skills={"Indexing": (None, None), "Spark": (None, 4.0)}),
            "resume-pdf",
            (1, 0, 0),
            (8, 0, 0),
            id="non-floor-ignored",
        ),
        pytest.param(  # gold says Go is negated: reporting it as held is a false positive
            with_skills(
                TEXT,
                skills={"Python": (None, 2.58), "Leadership": (None, None), "Go": (None, None)},
            ),
            "resume-text",
            (2, 1, 0),
            (8, 1, 0),
            id="negated-reported-as-skill",
        ),
    ],
)
def test_skill_counts(changes, group, expected, overall) -> None:
    report = run(changes)
    c, o = report.micro[group], report.micro["overall"]
    assert (c.tp, c.fp, c.fn) == expected
    assert (o.tp, o.fp, o.fn) == overall


def test_macro_f1_averages_documents() -> None:
    report = run(with_skills(PDF, skills={}))  # c.pdf: F1 0, the other two 1
    assert report.macro_f1["overall"] == pytest.approx(2 / 3)
    assert report.macro_f1["resume-pdf"] == 0.0
    assert report.micro["overall"].recall == pytest.approx(7 / 8)


def test_empty_gold_and_empty_prediction_is_perfect_for_macro() -> None:
    gold = {"jobs/n.txt": {"kind": "job", "skills": [], "required": [], "preferred": []}}
    report = run({"jobs/n.txt": Prediction()}, gold)
    assert report.micro["job"].f1 is None
    assert report.macro_f1["job"] == 1.0


def test_group_of_uses_the_file_that_was_read() -> None:
    assert ev.group_of(Path("x/C-R01.pdf"), "resume") == "resume-pdf"
    assert ev.group_of(Path("x/C-R01.txt"), "resume") == "resume-text"
    assert ev.group_of(Path("x/C-J01.pdf"), "job") == "job"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Python", "named"),
        ("Kafka", "named"),
        ("Caching", "concept"),
        ("Idempotency", "concept"),
        ("Technical documentation", "concept"),
        ("Leadership", "soft"),
    ],
)
def test_skill_class(name: str, kind: str) -> None:
    assert ev.skill_class(name) == kind


def test_recall_per_kind_of_skill() -> None:
    report = run(
        with_skills(
            JOB,
            skills={
                "Python": ("required", 3.0),
                "Docker": ("required", None),
                "Go": ("required", None),
            },
        )
    )
    concept, named, soft = (report.classes[k] for k in ("concept", "named", "soft"))
    assert (concept.tp, concept.fn) == (1, 1)  # Indexing found, Caching missed
    assert concept.recall == 0.5
    assert (named.tp, named.fp, named.fn) == (3, 1, 2)  # Go false, Java and Kotlin missed
    assert (soft.tp, soft.recall) == (1, 1.0)


# ----------------------------------------------------------------------------- not claimed


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ({"Go": "negated"}, {"Go": "negated"}, {"negated": (1, 0, 0)}),
        ({"Go": "negated"}, {}, {"negated": (0, 0, 1)}),
        ({"Go": "interest"}, {"Go": "learning"}, {"interest": (0, 0, 1), "learning": (0, 1, 0)}),
        ({}, {"Go": "learning"}, {"learning": (0, 1, 0)}),
        ({}, {"Go": None}, {"unknown": (0, 1, 0)}),
        ({"Go": None}, {"Go": "negated"}, {"unknown": (1, 0, 0)}),  # gold-dev: presence only
        ({"Go": None}, {}, {"unknown": (0, 0, 1)}),
    ],
)
def test_reason_counts(gold, pred, expected) -> None:
    counts = ev.reason_counts(gold, pred)
    nonzero = {r: (c.tp, c.fp, c.fn) for r, c in counts.items() if c.tp or c.fp or c.fn}
    assert nonzero == expected


def test_not_claimed_presence_reasons_and_claimed_as_held() -> None:
    changes = {
        # Go flagged with the wrong reason, AWS (interest) missed and claimed as held instead
        **with_skills(
            TEXT,
            skills={"Python": (None, 2.58), "Leadership": (None, None), "AWS": (None, None)},
            not_claimed={"Go": "negated"},
        ),
        # Docker wrongly flagged as not used by the job (and so missing from its skills)
        **with_skills(
            JOB,
            skills={k: v for k, v in PERFECT[JOB].skills.items() if k != "Docker"},
            not_claimed={"Go": "negated", "Docker": "negated"},
        ),
    }
    report = run(changes)
    nc = report.not_claimed
    assert (nc.tp, nc.fp, nc.fn) == (2, 1, 1)
    assert report.reasons["negated"].tp == 1 and report.reasons["negated"].fp == 2
    assert report.reasons["learning"].fn == 1 and report.reasons["interest"].fn == 1
    assert (report.reason_n, report.reason_agree) == (2, 1)
    assert report.claimed_negated == 1
    text = next(d for d in report.docs if d.key == TEXT)
    assert text.not_claimed_errors == [
        "missed AWS (interest)",
        "Go: gold learning, predicted negated",
    ]
    assert "AWS" in ev.format_set(ev.SetResult("t", "gold", report, None))


def test_a_set_of_names_is_accepted_as_not_claimed() -> None:
    assert Prediction(not_claimed={"Go"}).not_claimed == {"Go": None}


# ----------------------------------------------------------------------------- years, levels


def test_years_use_floor_keys_and_tolerance() -> None:
    changes = {
        **with_skills(
            JOB,
            skills={
                **PERFECT[JOB].skills,
                "Python": ("required", 3.009),
                "Docker": ("required", 1.0),
            },
        ),
        **with_skills(TEXT, skills={"Python": (None, 2.6), "Leadership": (None, None)}),
    }
    report = run(changes)
    # "_total" and the non-floor "Spark" are not stated skill years; Docker has no gold years.
    assert (report.years_n, report.years_correct) == (2, 1)
    text = next(d for d in report.docs if d.key == TEXT)
    assert text.years_misses == [("Python", 2.58, 2.6)]


def test_years_of_an_unpredicted_skill_is_a_miss() -> None:
    report = run(with_skills(TEXT, skills={"Leadership": (None, None)}))
    assert report.years_correct == 1
    assert "Python gold 2.58, got skill not found" in ev.format_set(
        ev.SetResult("t", "", report, None)
    )


@pytest.mark.parametrize(
    ("total", "exposes", "accuracy"),
    [
        (5.0, True, 1.0),
        (5.005, True, 1.0),
        (4.0, True, 0.0),
        (None, True, 0.0),
        (None, False, None),
    ],
)
def test_overall_years(total, exposes, accuracy) -> None:
    report = run(with_skills(JOB, total_years=total, exposes_total=exposes))
    assert report.total_n == 1
    assert report.total_accuracy == accuracy


def test_requirement_level_only_over_skills_found_by_both() -> None:
    skills = {
        "Python": ("preferred", 3.0),
        "Docker": (None, None),
        "Java": ("required", None),
        "Kotlin": ("required", None),
        "AWS": ("required", None),
    }
    report = run(with_skills(JOB, skills=skills))
    assert report.level_n == 4  # Caching missed, AWS not in gold
    assert report.level_agree == 2
    job = next(d for d in report.docs if d.key == JOB)
    assert job.level_misses == [("Docker", "required", None), ("Python", "required", "preferred")]


# ----------------------------------------------------------------------------- any-of


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        ([["Java", "Kotlin"]], [("Java", "Kotlin")]),
        ([["Kotlin", "Java"], ["Java", "Kotlin"]], [("Java", "Kotlin")]),  # order and repeats
        ([["Terraform", "Go"]], []),  # a non-floor option: the gold lists no such group
        ([["Go", "Go"]], []),  # one distinct name is not a choice
        (
            [["Go", "Python", "Java"], ["AWS", "Docker"]],
            [("AWS", "Docker"), ("Go", "Java", "Python")],
        ),
    ],
)
def test_floor_groups(groups, expected) -> None:
    assert ev.floor_groups(groups, FLOOR) == expected


def test_any_of_groups_are_compared_as_exact_sets() -> None:
    report = run(with_skills(JOB, any_of=[["Java", "Kotlin", "Go"], ["Python", "Docker"]]))
    a = report.any_of
    assert (a.tp, a.fp, a.fn) == (0, 2, 1)
    job = next(d for d in report.docs if d.key == JOB)
    assert job.any_of_errors == [
        "missed group Java/Kotlin",
        "extra group Docker/Python",
        "extra group Go/Java/Kotlin",
    ]


def test_any_of_is_not_applicable_without_gold_groups() -> None:
    gold = {PDF: GOLD[PDF]}
    report = run(gold=gold)
    assert report.any_of is None
    assert "Any-of groups: n/a" in ev.format_set(ev.SetResult("t", "", report, None))


# ----------------------------------------------------------------------------- sets


def test_summarize_merges_sets_by_adding_documents() -> None:
    first = run(gold={JOB: GOLD[JOB]})
    second = run(with_skills(PDF, skills={}), gold={TEXT: GOLD[TEXT], PDF: GOLD[PDF]})
    both = ev.summarize(first.docs + second.docs)
    assert both.micro["overall"].tp == first.micro["overall"].tp + second.micro["overall"].tp
    assert both.micro["overall"].fn == 1
    assert both.years_n == first.years_n + second.years_n
    assert both.macro_f1["overall"] == pytest.approx(2 / 3)


def test_crash_on_one_document_scores_it_as_empty() -> None:
    def predict(path: Path, kind: str):
        if path.name == "c.pdf":
            raise ValueError("no text")
        return fake(PERFECT)(path, kind)

    report = ev.evaluate(ev.cases_from_gold(GOLD, CORPUS), predict, FLOOR)
    pdf = next(d for d in report.docs if d.key == PDF)
    assert pdf.error == "ValueError: no text" and pdf.fn == ["Indexing"]
    assert report.micro["job"].f1 == 1.0
    assert "[resumes/pdf/c.pdf] ValueError: no text" in ev.format_set(
        ev.SetResult("t", "", report, None)
    )


def test_summary_row_shows_skillgap_and_naive() -> None:
    good = run()
    naive = run(with_skills(PDF, skills={}))
    table = ev.format_summary([ev.SetResult("tiny", "gold", good, naive)])
    header, row = table.splitlines()[:2]
    cells = dict(zip(header.split(), row.split(), strict=True))
    assert cells["set"] == "tiny" and cells["docs"] == "3"
    assert cells["F1"] == "100.0" and cells["naiveF1"] == f"{100 * 14 / 15:.1f}"
    assert cells["held"] == "0" and cells["anyOfR"] == "100.0"


def test_pdf_gap_names_what_changed() -> None:
    text = run()
    pdf = run(with_skills(PDF, skills={}))
    gap = ev.format_pdf_gap(text, pdf)
    assert "Δ -0.067 (OUTSIDE the 0.01 aim)" in gap.splitlines()[0]
    assert "resumes/pdf/c.pdf as PDF: missed Indexing" in gap


def test_parse_floor_keeps_punctuated_names() -> None:
    text = (
        "# Skill floor\n\nIntro, with a comma, not a name.\n\n"
        "## Languages\nPython, C#, C++\n\n## Frameworks\n.NET, ASP.NET Core,\nCI/CD\n"
    )
    assert ev.parse_floor(text) == {"Python", "C#", "C++", ".NET", "ASP.NET Core", "CI/CD"}


@needs_floor
def test_skill_classes_are_floor_names() -> None:
    floor = ev.parse_floor(SKILL_FLOOR.read_text(encoding="utf-8"))
    assert len(floor) == 143
    assert floor >= ev.CONCEPT_SKILLS | ev.SOFT_SKILLS
    assert not ev.CONCEPT_SKILLS & ev.SOFT_SKILLS
    named = {n for n in floor if ev.skill_class(n) == "named"}
    assert {"Python", "PostgreSQL", "Kafka", "REST", "AWS Lambda", "OAuth"} <= named


# ----------------------------------------------------------------------------- adapters


def test_prediction_from_profile() -> None:
    profile = SimpleNamespace(
        skills=[
            SimpleNamespace(name="Python", requirement=None, years=None, stated_years=None),
            SimpleNamespace(name="Python", requirement="preferred", years=9.0, stated_years=2.0),
            SimpleNamespace(name="Go", requirement="required", years=4.0, stated_years=None),
        ],
        not_claimed=[SimpleNamespace(name="Rust", reason="learning")],
        any_of=[["Go", "Rust"]],
    )
    pred = ev.prediction_from_profile(profile)
    # derived years (Go's 4.0) are not stated years
    assert pred.skills == {"Python": ("preferred", 2.0), "Go": ("required", None)}
    assert pred.not_claimed == {"Rust": "learning"}
    assert [list(g) for g in pred.any_of] == [["Go", "Rust"]]
    assert (pred.total_years, pred.exposes_total) == (None, False)
    profile.total_years = 6.0
    assert ev.prediction_from_profile(profile).total_years == 6.0
    assert ev.prediction_from_profile(profile).exposes_total


def test_outcome_from_report_uses_alternatives_and_fit_when_present() -> None:
    item = SimpleNamespace
    report = SimpleNamespace(
        score=60,
        matched=[item(name="Python")],
        partial=[item(name="MySQL")],
        missing=[item(name="Go")],
    )
    outcome = ev.outcome_from_report(report)
    assert outcome.places == {"Python": "matched", "MySQL": "partial", "Go": "missing"}
    assert outcome.fit is None
    report.alternatives, report.fit = [item(name="Kotlin")], "strong"
    report.matched.append(item(name="CI/CD", evidence="implied"))
    outcome = ev.outcome_from_report(report)
    assert outcome.places["Kotlin"] == "alternatives" and outcome.fit == "strong"
    assert outcome.places["CI/CD"] == "implied"


# ----------------------------------------------------------------------------- naive baseline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python and GO", ["Go", "Python"]),  # any case
        ("Pythonic code", []),  # whole words only
        ("the go-live date", ["Go"]),  # no context rules: the trap is matched
        ("C# and .NET, not C#9", ["C#", ".NET"]),
        ("Spring Boot", ["Spring", "Spring Boot"]),  # overlapping forms all count
        ("golang", ["Go"]),
    ],
)
def test_naive_matcher(text: str, expected: list[str]) -> None:
    forms = [
        ("Python", "Python"),
        ("Go", "Go"),
        ("golang", "Go"),
        ("C#", "C#"),
        (".NET", ".NET"),
        ("Spring", "Spring"),
        ("Spring Boot", "Spring Boot"),
    ]
    matcher = ev.NaiveMatcher(forms)
    found = [name for _, _, name in matcher.find(text)]
    assert sorted(set(found)) == sorted(set(expected))
    assert set(matcher.predict_text(text).skills) == set(expected)


def test_naive_matcher_from_taxonomy_maps_aliases_to_names() -> None:
    aliases = [SimpleNamespace(text=text, skill_id="pg") for text in ("Postgres", "PostgreSQL")]

    class Taxonomy:  # the two members of skillgap.Taxonomy the matcher uses
        def aliases(self):
            return aliases

        def __getitem__(self, skill_id: str):
            return SimpleNamespace(name={"pg": "PostgreSQL"}[skill_id])

    matcher = ev.NaiveMatcher.from_taxonomy(Taxonomy())
    assert matcher.find("postgres 16") == [(0, 8, "PostgreSQL")]


# ----------------------------------------------------------------------------- SkillSpan


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "B", "I", "O"], [(4, 11)]),
        (["B", "B", "O", "O"], [(0, 3), (4, 7)]),
        (["O", "I", "I", "O"], [(4, 11)]),  # a span that starts with I still counts
        (["B-Knowledge", "I-Knowledge", "O", "B-Skill"], [(0, 7), (12, 15)]),  # conll style
        (["O", "O", "O", "B"], [(12, 15)]),
        (["O", "O", "O", "O"], []),
    ],
)
def test_spans_from_tags(tags, expected) -> None:
    offsets = [(0, 3), (4, 7), (8, 11), (12, 15)]  # four three-letter tokens
    assert ev.spans_from_tags(offsets, tags) == expected


ROWS = [
    {
        "idx": 1,
        "source": "tech",
        "tokens": ["Requirements"],
        "tags_skill": ["O"],
        "tags_knowledge": ["O"],
    },
    {
        "idx": 1,
        "source": "tech",
        "tokens": ["Strong", "java", "and", "Spring", "Boot", "skills"],
        "tags_skill": ["O"] * 6,
        "tags_knowledge": ["O", "B", "O", "B", "I", "O"],
    },
    {
        "idx": 1,
        "source": "tech",
        "tokens": ["work", "with", "stakeholders", "on", "go-live"],
        "tags_skill": ["B", "I", "I", "O", "O"],
        "tags_knowledge": ["O"] * 5,
    },
    {
        "idx": 2,
        "source": "house",
        "tokens": ["Python"],
        "tags_skill": ["O"],
        "tags_knowledge": ["B"],
    },
]


def test_postings_from_rows_keeps_token_offsets() -> None:
    [posting] = ev.postings_from_rows(ROWS)
    assert (
        posting.text
        == "Requirements\nStrong java and Spring Boot skills\nwork with stakeholders on go-live"
    )
    assert [posting.text[s:e] for s, e in posting.knowledge_spans] == ["java", "Spring Boot"]
    assert [posting.text[s:e] for s, e in posting.skill_spans] == ["work with stakeholders"]


def test_score_skillspan() -> None:
    [posting] = ev.postings_from_rows(ROWS)
    text = posting.text

    def at(word: str) -> tuple[int, int]:
        start = text.index(word)
        return start, start + len(word)

    report = ev.score_skillspan(
        [posting],
        lambda _: [at("java"), at("go")],  # Spring Boot missed; "go" of go-live is outside spans
        lambda _: [at("java"), at("Spring"), at("go")],
        {"java", "spring boot", "go"},
    )
    assert (report.mentions, report.mentions_inside) == (2, 1)
    assert report.inside_share == 0.5 and report.naive_inside_share == pytest.approx(2 / 3)
    assert report.tech_spans == 2  # KNOWLEDGE spans whose whole text is a form
    assert (report.found, report.naive_found) == (1, 2)
    assert report.misses == [(1, "Spring Boot", "Strong java and Spring Boot skills", True)]
    assert "'Spring Boot' [yes]" in ev.format_skillspan(report)


def test_score_skillspan_counts_a_crash() -> None:
    [posting] = ev.postings_from_rows(ROWS)

    def broken(_: str):
        raise RuntimeError("boom")

    report = ev.score_skillspan([posting], broken, lambda _: [], {"java"})
    assert report.errors == 1 and report.found == 0 and report.tech_spans == 1


@pytest.mark.parametrize(
    ("original", "cleaned", "pairs"),
    [
        ("it’s Go", "it's Go", [(5, 5), (7, 7)]),  # same length: identity
        ("a\xad– Go", "a– Go", [(3, 4), (5, 6), (0, 0)]),  # a dropped soft hyphen shifts by one
        ("Go\n", "Go", [(0, 0), (2, 2)]),
    ],
)
def test_offset_mapper(original: str, cleaned: str, pairs) -> None:
    back = ev.offset_mapper(original, cleaned)
    for clean_offset, original_offset in pairs:
        assert back(clean_offset) == original_offset
    assert original[back(cleaned.index("Go")) :].startswith("Go")


# ----------------------------------------------------------------------------- pairs


PAIR = {
    "resume": "challenge/resumes/R.txt",
    "job": "challenge/jobs/J.txt",
    "expected_matched_required": ["Python", "Django"],
    "expected_missing_required": ["Indexing", "Kafka"],
    "alternatives_satisfied": ["Kotlin"],
    "partial_acceptable": {"Indexing": ["Query optimization"]},
    "fit": "partial",
}


@pytest.mark.parametrize(
    ("places", "right", "misplaced"),
    [
        (
            {
                "Python": "matched",
                "Django": "matched",
                "Indexing": "missing",
                "Kafka": "missing",
                "Kotlin": "alternatives",
            },
            5,
            [],
        ),
        (  # partial is fine for Indexing (listed in partial_acceptable), not for Kafka
            {
                "Python": "matched",
                "Django": "matched",
                "Indexing": "partial",
                "Kafka": "partial",
                "Kotlin": "matched",
            },
            4,
            [("Kafka", "missing", "partial")],
        ),
        (  # an alternative put under missing, and a skill the job profile lacks
            {"Python": "matched", "Indexing": "missing", "Kafka": "missing", "Kotlin": "missing"},
            3,
            [
                ("Django", "matched/alternatives/implied", ev.ABSENT),
                ("Kotlin", "matched/alternatives/implied", "missing"),
            ],
        ),
        (  # implied: right where a match or a partial is, wrong where only missing is
            {
                "Python": "implied",
                "Django": "matched",
                "Indexing": "implied",
                "Kafka": "implied",
                "Kotlin": "alternatives",
            },
            4,
            [("Kafka", "missing", "implied")],
        ),
    ],
)
def test_pair_placements(places, right, misplaced) -> None:
    report = ev.score_pairs([PAIR], lambda resume, job: ev.PairOutcome(places, 50))
    [result] = report.results
    assert (result.checks, result.right, result.misplaced) == (5, right, misplaced)
    assert report.placed_share == right / 5
    absent = sum(got == ev.ABSENT for _, _, got in misplaced)
    assert report.absent == absent and report.placed_share_present == right / (5 - absent)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100, "strong"),
        (ev.STRONG_AT, "strong"),
        (ev.STRONG_AT - 1, "partial"),
        (ev.PARTIAL_AT, "partial"),
        (ev.PARTIAL_AT - 1, "weak"),
        (0, "weak"),
    ],
)
def test_band_thresholds(score: int, band: str) -> None:
    assert ev.band(score) == band


def test_fit_band_prefers_the_reports_own_fit() -> None:
    pairs = [PAIR, {**PAIR, "fit": "strong"}]
    by_score = ev.score_pairs(pairs, lambda r, j: ev.PairOutcome({}, 50))
    assert by_score.bands_right == 1
    by_fit = ev.score_pairs(pairs, lambda r, j: ev.PairOutcome({}, 50, fit="strong"))
    assert by_fit.bands_right == 1 and by_fit.results[1].got_fit == "strong"
    text = ev.format_pairs(by_score)
    assert "1 of 2 in the right band" in text and f"strong >= {ev.STRONG_AT}" in text


def test_pair_error_is_reported_not_raised() -> None:
    def broken(resume: str, job: str):
        raise ValueError("unreadable")

    report = ev.score_pairs([PAIR], broken)
    assert report.right == 0 and report.checks == 5
    assert "error ValueError: unreadable" in ev.format_pairs(report)


# ----------------------------------------------------------------------------- real runs


def test_missing_corpus_is_one_clear_error(tmp_path: Path, capsys) -> None:
    assert ev.main(["--corpus", str(tmp_path / "nowhere"), "--set", "dev"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("evaluate: error: cannot read ")
    assert "skill-floor.md" in err[0]


def test_rendered_pdf_reads_back_through_skillgap(tmp_path: Path) -> None:
    import skillgap

    text = "Jane Doe\n\nSKILLS\nPython, PostgreSQL, Docker — and Kafka · über\n" + "filler " * 40
    target = tmp_path / "cv.pdf"
    ev.render_pdf(text, target, ev.pdf_font())
    profile = skillgap.extract(target, kind="resume")
    assert {"Python", "PostgreSQL", "Docker", "Kafka"} <= {s.name for s in profile.skills}


@needs_corpus
@pytest.mark.slow
def test_script_on_dev_set_prints_the_summary(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--set", "dev", "--worst", "2", "--json", str(figures)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    header = next(line for line in out.splitlines() if line.startswith("set "))
    assert header.split()[:5] == ["set", "docs", "P", "R", "F1"]
    dev_row = next(line for line in out.splitlines() if line.startswith("dev "))
    assert dev_row.split()[1] == str(len(json.loads((REAL_CORPUS / "gold-dev.json").read_text())))
    for expected in (
        "=== dev: gold-dev.json",
        "Worst 2 documents",
        "docs/s",
        "=== SkillSpan",
        "=== Pairs",
        "in the right band",
    ):
        assert expected in out
    saved = json.loads(figures.read_text())
    assert list(saved["sets"]) == ["dev"]
    dev = saved["sets"]["dev"]["skillgap"]
    assert 0.5 < dev["micro"]["overall"]["f1"] <= 1.0
    assert (
        dev["micro"]["overall"]["f1"]
        > saved["sets"]["dev"]["baseline"]["micro"]["overall"]["f1"] - 0.2
    )
    assert saved["pairs"]["results"] and saved["skillspan"]["postings"] > 0
