"""Custom taxonomies: a user's file adds, replaces or extends skills, via the CLI and the API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import skillgap
from skillgap.cli import main
from skillgap.ingest import document_from_text
from skillgap.taxonomy import Taxonomy

CUSTOM = """
category = "workflow"
title = "Workflow engines"
phase = 6

[[skill]]
id = "temporal"
name = "Temporal"
case_sensitive = true
aliases = ["Temporal.io"]
prerequisites = ["docker"]
related = { airflow = 0.3 }
steps = [
  "Write workflows and activities with retries",
  "Signal and query running workflows",
  "Version a workflow without breaking running ones",
]
project = "An order workflow in Temporal that survives a worker crash"
hours = 12
source = "custom"

[[extend]]
id = "redis"
aliases = ["Valkey"]

[[skill]]
id = "docker"
name = "Docker"
steps = ["Build an image", "Run it with a volume", "Push it to a registry"]
project = "A small image pushed to a registry"
hours = 3
source = "custom"
"""
RESUME = "Skills\nPython, Valkey, Linux\n"
JOB = "Requirements\n- Temporal for our order workflows\n- Python\n- Redis\n"


@pytest.fixture
def custom(tmp_path: Path) -> Path:
    path = tmp_path / "workflow.toml"
    path.write_text(CUSTOM, encoding="utf-8")
    return path


def test_api_merge_adds_replaces_and_extends(custom: Path) -> None:
    merged = Taxonomy.default().merge(custom)
    assert len(merged) == len(Taxonomy.default()) + 1
    assert merged["temporal"].category == "workflow" and merged.categories["workflow"]
    assert merged["docker"].record.hours == 3  # replaced by id
    assert "Valkey" in merged["redis"].record.aliases
    assert "custom.toml" not in merged.files["temporal"] and merged.files["temporal"] == str(custom)
    assert merged.version != Taxonomy.default().version


def test_api_extracts_and_plans_the_custom_skill(custom: Path) -> None:
    taxonomy = Taxonomy.default().merge(custom)
    job = skillgap.extract(document_from_text(JOB), "job", taxonomy=taxonomy)
    assert {"temporal", "python", "redis"} <= {skill.id for skill in job.skills}
    report = skillgap.compare(
        document_from_text(RESUME), document_from_text(JOB), taxonomy=taxonomy
    )
    assert [item.id for item in report.matched if item.id == "redis"] == ["redis"]  # via Valkey
    plan = {step.id: step for step in report.learning_plan}
    assert plan["temporal"].hours == 12 and plan["temporal"].project.startswith("An order")
    assert plan["docker"].order < plan["temporal"].order  # its prerequisite, not held
    assert plan["docker"].steps == [
        "Build an image",
        "Run it with a volume",
        "Push it to a registry",
    ]


def test_the_shipped_taxonomy_does_not_know_the_custom_skill() -> None:
    job = skillgap.extract(document_from_text(JOB), "job")
    assert "temporal" not in {skill.id for skill in job.skills}


def test_cli_extract_and_compare_with_taxonomy(
    custom: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job, resume = tmp_path / "job.txt", tmp_path / "resume.txt"
    job.write_text(JOB, encoding="utf-8")
    resume.write_text(RESUME, encoding="utf-8")
    args = ["extract", str(job), "--kind", "job", "-f", "json", "--taxonomy", str(custom)]
    assert main(args) == 0
    assert "temporal" in {s["id"] for s in json.loads(capsys.readouterr().out)["skills"]}
    assert main(["compare", str(resume), str(job), "-f", "json", "-t", str(custom)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "temporal" in {item["id"] for item in report["missing"]}
    assert "Temporal" in [step["skill"] for step in report["learning_plan"]]


def test_cli_refuses_a_broken_custom_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(CUSTOM.replace('prerequisites = ["docker"]', 'prerequisites = ["dokcer"]'))
    job = tmp_path / "job.txt"
    job.write_text(JOB, encoding="utf-8")
    assert main(["extract", str(job), "--taxonomy", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("skillgap: error: ")
    assert f"{broken}: skill 'temporal', field 'prerequisites': unknown skill id 'dokcer'" in err
    assert main(["extract", str(job), "--taxonomy", str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml" in capsys.readouterr().err


def test_taxonomy_validate_show_and_list(custom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "validate", str(custom)]) == 0
    assert "valid" in capsys.readouterr().out
    # On its own the file refers to skills it does not define.
    assert main(["taxonomy", "validate", str(custom), "--standalone"]) == 2
    assert f"{custom}: extend 'redis': unknown skill id" in capsys.readouterr().err
    assert main(["taxonomy", "show", "temporal", "-t", str(custom)]) == 0
    shown = capsys.readouterr().out
    assert "Temporal (temporal)" in shown and "prerequisites: Docker" in shown
    assert "source:        custom" in shown
    assert main(["taxonomy", "show", "RabbitMQ"]) == 0
    assert "kind of:       Message queues" in capsys.readouterr().out
    assert main(["taxonomy", "show", "no-such-skill"]) == 2
    assert "taxonomy list" in capsys.readouterr().err
    assert main(["taxonomy", "list", "-t", str(custom)]) == 0
    assert "temporal\tTemporal\tworkflow" in capsys.readouterr().out.splitlines()


def test_an_extension_of_an_unknown_skill_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "extend.toml"
    path.write_text('[[extend]]\nid = "kubernets"\naliases = ["kube cluster"]\n', "utf-8")
    with pytest.raises(skillgap.SkillgapError, match=r"extend.toml: extend 'kubernets'"):
        Taxonomy.default().merge(path)


def test_cli_rank_with_taxonomy(
    custom: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job, resume = tmp_path / "job.txt", tmp_path / "resume.txt"
    job.write_text(JOB, encoding="utf-8")
    resume.write_text(RESUME, encoding="utf-8")
    args = ["rank", str(job), str(resume), "-f", "csv", "-j", "1", "--taxonomy", str(custom)]
    assert main(args) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    assert "missing_required" in header and "Temporal" in row


# The custom taxonomy reaches everything that extracts: each test below finds Temporal, a skill
# only the custom file has.


def test_custom_taxonomy_reaches_redaction(custom: Path) -> None:
    """A name part that is a custom skill is masked in the name only, not in the skills line."""
    resume = "Temporal Jones\n\nSkills\nTemporal, Python, Docker\n"
    options = skillgap.Options(redact=True)
    taxonomy = Taxonomy.default().merge(custom)
    report = skillgap.compare(resume, JOB, taxonomy=taxonomy, options=options)
    (matched,) = [item for item in report.matched if item.id == "temporal"]
    assert "Temporal, Python, Docker" in [quote.text for quote in matched.resume_quotes]
    assert "Jones" not in report.model_dump_json()


def test_custom_taxonomy_reaches_the_spacy_component(custom: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("skillgap", config={"taxonomy": str(custom)})
    doc = nlp("Skills: Temporal, Python and Valkey.")
    assert {span.label_ for span in doc.spans["skills"]} == {"temporal", "python", "redis"}


@pytest.mark.slow
def test_custom_taxonomy_reaches_rank_workers(custom: Path, tmp_path: Path) -> None:
    from skillgap.batch import RankTask, run_rank

    paths = []
    for number in range(3):
        path = tmp_path / f"cv{number}.txt"
        path.write_text("Skills\nPython, Redis\n", encoding="utf-8")
        paths.append(str(path))
    analyzer = skillgap.Analyzer(Taxonomy.default().merge(custom))
    rows = run_rank(RankTask(analyzer, analyzer.analyze(JOB)), paths, jobs=2)
    assert [row.missing_required for row in rows] == [["Temporal"]] * 3


@pytest.mark.slow
def test_custom_taxonomy_reaches_dask_workers(custom: Path, tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    from skillgap.batch.dask import rank_bag

    path = tmp_path / "cv.txt"
    path.write_text("Skills\nPython, Redis\n", encoding="utf-8")
    analyzer = skillgap.Analyzer(Taxonomy.default().merge(custom))
    with dask.config.set(scheduler="processes", num_workers=1):
        (row,) = rank_bag(JOB, [path], analyzer=analyzer).compute()
    assert row["missing_required"] == ["Temporal"]
