"""skillgap rank: ranking, bad files in their rows, streamed output, --resume, parallel runs."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, needs_corpus

import skillgap
from skillgap.batch import RankTask, expand_inputs, rank, rank_rows, run_rank
from skillgap.batch.pool import score_files
from skillgap.cli import main
from skillgap.models import RankRow

RESUMES = CORPUS / "resumes"
JOB = CORPUS / "jobs" / "pomerium_backend-engineer.txt"


def all_resumes() -> list[str]:
    return sorted(str(p) for p in RESUMES.rglob("*") if p.is_file())


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


@needs_corpus
@pytest.mark.slow
def test_rank_whole_corpus_ranks_good_files_and_reports_bad_ones(tmp_path, capsys):
    output = tmp_path / "ranking.csv"
    status = main(["rank", str(JOB), str(RESUMES), "--format", "csv", "-o", str(output), "-j", "2"])
    assert status == 2  # four PDFs in bad/ cannot be read
    assert "4 of" in capsys.readouterr().err
    rows = read_csv(output)
    assert sorted(row["file"] for row in rows) == all_resumes()
    bad = [row for row in rows if row["error"]]
    assert sorted(Path(row["file"]).parent.name for row in bad) == ["bad"] * 4
    assert all(row["rank"] == "" and row["score"] == "" for row in bad)
    assert any("encrypted" in row["error"] for row in bad)
    good = [row for row in rows if not row["error"]]
    assert rows[: len(good)] == good  # unread files come last
    scores = [int(row["score"]) for row in good]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    assert [int(row["rank"]) for row in good][0] == 1
    assert not list(tmp_path.glob(".*.tmp"))


@needs_corpus
def test_rank_exits_0_when_every_file_is_read(tmp_path, capsys):
    status = main(["rank", str(JOB), str(RESUMES / "text"), "--format", "jsonl", "-j", "1"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    rows = [json.loads(line) for line in lines]
    assert len(rows) == len(list((RESUMES / "text").iterdir()))
    assert all(row["error"] is None and 0 <= row["score"] <= 100 for row in rows)
    assert all(len(row["missing_required"]) <= 5 for row in rows)


@needs_corpus
def test_rank_missing_required_are_the_reports_missing_required_skills(analyzer):
    resume = RESUMES / "text" / "2garryn_resume.md"
    [row] = rank(JOB, [resume], analyzer=analyzer, top_missing=50)
    report = analyzer.compare(resume, JOB)
    assert row.score == report.score
    assert sorted(row.missing_required) == sorted(
        gap.name for gap in report.missing if gap.requirement == "required"
    )


@needs_corpus
@pytest.mark.slow
def test_rank_killed_mid_run_then_resume_loses_nothing(tmp_path):
    output = tmp_path / "ranking.csv"
    command = [sys.executable, "-m", "skillgap", "rank", str(JOB), str(RESUMES / "pdf")]
    command += ["--format", "csv", "--output", str(output), "--jobs", "1"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if output.exists() and len(output.read_text().splitlines()) >= 4:  # header + 3
                break
            time.sleep(0.05)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    before = {row["file"]: row for row in read_csv(output)}
    total = len(list((RESUMES / "pdf").rglob("*.pdf")))
    assert 3 <= len(before) < total, "the run should have been killed part-way"

    status = main(
        ["rank", str(JOB), str(RESUMES / "pdf"), "-f", "csv", "-o", str(output), "--resume"]
    )
    after = read_csv(output)
    assert status == 2  # bad/ is inside pdf/
    assert len(after) == total == len({row["file"] for row in after})
    for row in after:
        if row["file"] in before:
            assert (row["score"], row["error"]) == (
                before[row["file"]]["score"],
                before[row["file"]]["error"],
            )


@needs_corpus
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "text"])
def test_rank_resume_skips_files_already_in_the_output(tmp_path, analyzer, fmt):
    paths = sorted(str(p) for p in (RESUMES / "text").glob("*.md"))
    output = tmp_path / f"ranking.{fmt}"
    job = analyzer.analyze(JOB)
    # A previous run finished one file; its (made-up) score must survive, proving it is skipped.
    planted = RankRow(file=paths[0], score=99, job=job.source)
    journal = (
        output if fmt in ("csv", "jsonl") else output.with_name(output.name + ".partial.jsonl")
    )
    if fmt == "csv":
        journal.write_text(
            f"rank,file,score,missing_required,error,job\n,{paths[0]},99,,,{job.source}\n"
        )
    else:
        journal.write_text(planted.model_dump_json() + "\n")
    rows = run_rank(RankTask(analyzer, job), paths, output=output, fmt=fmt, resume=True)
    assert [row.file for row in rows][0] == paths[0] and rows[0].score == 99
    assert sorted(row.file for row in rows) == paths
    assert not journal.exists() or journal == output
    if fmt == "json":
        assert len(json.loads(output.read_text())["results"]) == len(paths)


def test_rank_resume_drops_a_half_written_last_line(tmp_path, analyzer):
    resume = tmp_path / "a.txt"
    resume.write_text("Backend engineer: Python, PostgreSQL, Docker.\n")
    job = analyzer.analyze("Requirements:\n- Python\n- Kubernetes\n")
    output = tmp_path / "out.jsonl"
    output.write_text(
        RankRow(file="gone.txt", score=5, job=job.source).model_dump_json() + '\n{"file": "a.t'
    )
    rows = run_rank(RankTask(analyzer, job), [str(resume)], output=output, fmt="jsonl", resume=True)
    # The torn line is dropped and a.txt scored again; gone.txt is not asked for this time, but
    # its row is of the same job, so it stays (issue 14: a resume never loses earlier rows).
    scores = {row.file: (row.score, row.error) for row in rows}
    assert sorted(scores) == sorted([str(resume), "gone.txt"])
    assert scores["gone.txt"] == (5, None) and scores[str(resume)][1] is None
    files = [json.loads(line)["file"] for line in output.read_text().splitlines()]
    assert sorted(files) == sorted([str(resume), "gone.txt"])


def test_rank_resume_refuses_results_of_another_job(tmp_path, analyzer):
    output = tmp_path / "out.jsonl"
    output.write_text(RankRow(file="x.txt", score=5, job="other-job.txt").model_dump_json() + "\n")
    job = analyzer.analyze("Requirements:\n- Python\n")
    with pytest.raises(skillgap.SkillgapError, match="other-job.txt"):
        run_rank(RankTask(analyzer, job), ["x.txt"], output=output, fmt="jsonl", resume=True)


def test_rank_cli_errors_are_one_line(tmp_path, capsys):
    assert main(["rank", str(tmp_path / "nojob.txt"), "a.txt"]) == 2
    assert main(["rank", "job.txt", "a.txt", "--resume"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("skillgap: error:") and "nojob.txt" in err[0]
    assert "--resume needs --output" in err[1]


def test_rank_rows_share_rank_on_equal_scores():
    rows = [
        RankRow(file=name, score=score)
        for name, score in [("a", 50), ("b", 70), ("c", 50), ("d", 10)]
    ]
    rows.append(RankRow(file="e", error="e: broken"))
    ranked = rank_rows(rows)
    assert [(r.file, r.rank) for r in ranked] == [
        ("b", 1),
        ("a", 2),
        ("c", 2),
        ("d", 4),
        ("e", None),
    ]


def test_expand_inputs_walks_folders_globs_and_stdin(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.pdf", "b.txt", "sub/c.md", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    walked = expand_inputs([str(tmp_path)])
    assert walked == [str(tmp_path / n) for n in ("a.pdf", "b.txt", "sub/c.md")]
    assert expand_inputs([str(tmp_path / "*.txt")]) == [str(tmp_path / "b.txt")]
    stdin = io.StringIO(f"{tmp_path / 'a.pdf'}\n\n{tmp_path / 'sub'}\n")
    assert expand_inputs(["-", str(tmp_path / "a.pdf")], stdin) == [
        str(tmp_path / "a.pdf"),
        str(tmp_path / "sub" / "c.md"),
    ]
    assert expand_inputs(["missing.pdf"]) == ["missing.pdf"]  # kept: it gets an error row


@needs_corpus
@pytest.mark.slow
def test_two_processes_give_the_same_rows_as_one(analyzer):
    paths = sorted(str(p) for p in (RESUMES / "text").iterdir())[:8] + ["does-not-exist.txt"]
    job = analyzer.analyze(JOB)
    one = sorted(score_files(RankTask(analyzer, job), paths, jobs=1), key=lambda row: row.file)
    two = sorted(score_files(RankTask(analyzer, job), paths, jobs=2), key=lambda row: row.file)
    assert one == two
    assert "does-not-exist.txt: no such file" in one[-1].error


def test_analyzer_pickles_small_and_compares_the_same(analyzer):
    data = pickle.dumps(analyzer)
    assert len(data) < 1000  # the taxonomy is rebuilt, not shipped
    clone = pickle.loads(data)
    resume, job = "Skills: Python, Django, Redis", "Requirements:\n- Python\n- Redis\n- Kafka\n"
    assert clone.compare(resume, job) == analyzer.compare(resume, job)
