"""The skillgap command line, as shared/CONTRACT.md describes it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BAD_PDFS, CORPUS, EXAMPLES, REPO, corpus_files, ids, needs_corpus

from skillgap.cli import main

RESUME = str(EXAMPLES / "resume.pdf")
JOB = str(EXAMPLES / "job.txt")
BAD = corpus_files("resumes/pdf/bad", "*.pdf")


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m skillgap ARGS`` in a fresh interpreter, from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "skillgap", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str) -> str:
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("skillgap: error:")
    return lines[0]


@pytest.mark.parametrize(("resume", "job"), [(RESUME, JOB), (str(EXAMPLES / "resume.txt"), JOB)])
def test_cli_compare_prints_a_text_report(capsys, resume: str, job: str) -> None:
    code, out, err = run(capsys, "compare", resume, job)
    assert code == 0, err
    assert "Fit score" in out
    assert "Learning plan" in out
    assert "\x1b[" not in out  # no colour codes when not on a terminal


@pytest.mark.parametrize("fmt", ["json"])
def test_cli_compare_json_report(capsys, fmt: str) -> None:
    code, out, err = run(capsys, "compare", RESUME, JOB, "--format", fmt)
    assert code == 0, err
    report = json.loads(out)
    keys = {"score", "fit", "matched", "partial", "missing", "alternatives", "extra"}
    assert keys | {"learning_plan", "say_on_resume", "notes", "plan_hours"} <= set(report)
    assert 0 <= report["score"] <= 100
    code, out, _ = run(capsys, "extract", JOB, "--kind", "job", "--format", "json")
    asked = {skill["id"] for skill in json.loads(out)["skills"]}
    verdicts = ("matched", "partial", "missing", "alternatives")
    buckets = [item["id"] for key in verdicts for item in report[key]]
    assert sorted(buckets) == sorted(asked)  # each job skill in exactly one bucket
    for item in report["partial"]:
        assert item["via"]
    for item in report["alternatives"]:
        assert item["instead"] in {held["name"] for held in report["matched"]}
    for step in report["learning_plan"]:
        assert {"order", "skill", "steps"} <= set(step)
        assert step["requirement"] in ("required", "preferred", "prerequisite")
    assert not {item["id"] for item in report["extra"]} & asked


MATCH_JOBS = [JOB, str(CORPUS / "jobs" / "pomerium_backend-engineer.txt")]


@needs_corpus
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "text"])
def test_cli_match_ranks_jobs_for_one_resume(capsys, monkeypatch, fmt: str) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # wide enough for every path on one line
    code, out, err = run(capsys, "match", RESUME, *MATCH_JOBS, "--format", fmt)
    assert code == 0, err
    if fmt == "text":
        assert "Which job fits" in out and all(Path(job).name[:12] in out for job in MATCH_JOBS)
        return
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    else:
        data = json.loads(out)
        assert data["resume"] == RESUME
        rows = data["results"]
    assert sorted(row["file"] for row in rows) == sorted(MATCH_JOBS)
    scores = [int(row["score"]) for row in rows]
    assert scores == sorted(scores, reverse=True) and [int(r["rank"]) for r in rows][0] == 1
    for row in rows:
        assert row["fit"] in ("strong", "partial", "weak") and row["error"] in ("", None)
    alone = [json.loads(run(capsys, "compare", RESUME, job, "-f", "json")[1]) for job in MATCH_JOBS]
    assert sorted(scores, reverse=True) == sorted((r["score"] for r in alone), reverse=True)


@needs_corpus
@pytest.mark.parametrize("command", ["match", "rank"])
def test_cli_batch_text_table_keeps_every_score_beside_a_page_wide_path(capsys, command) -> None:
    """A job ad named with 84 characters once squeezed rank, score and fit to nothing."""
    longest = max((CORPUS / "jobs").glob("*.txt"), key=lambda path: len(str(path)))
    assert len(str(longest)) > 80
    args = [RESUME, str(longest), JOB] if command == "match" else [JOB, str(longest), RESUME]
    code, out, err = run(capsys, command, *args, "--format", "text")
    assert code == 0, err
    assert "Rank" in out and "Score" in out
    for row in json.loads(run(capsys, command, *args, "-f", "json")[1])["results"]:
        assert f"│ {row['rank']:<4} │ {row['score']:<5} │" in out, out


@needs_corpus
def test_cli_match_bad_job_file_is_an_error_row(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    nurse = str(CORPUS / "jobs" / "jobsboard_nurse-manager.txt")
    code, out, err = run(capsys, "match", RESUME, JOB, str(broken), nurse, "-f", "jsonl")
    assert code == 2 and err.startswith("skillgap: error: 1 of 3 job files")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["file"] for row in rows] == [JOB, nurse, str(broken)]  # out of scope, then errors
    assert rows[0]["rank"] == 1 and rows[1]["rank"] is None and "no backend" in rows[1]["note"]
    assert rows[2]["error"] and str(broken) in rows[2]["error"]


def test_cli_match_writes_output(capsys, tmp_path: Path) -> None:
    target = tmp_path / "matches.csv"
    code, out, _ = run(capsys, "match", RESUME, JOB, "-f", "csv", "-o", str(target))
    assert code == 0 and out == ""
    header = target.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:4] == ["rank", "file", "score", "fit"] and "missing_required" in header


def test_cli_compare_full_shows_more(capsys) -> None:
    _, short, _ = run(capsys, "compare", RESUME, JOB)
    _, full, _ = run(capsys, "compare", RESUME, JOB, "--full")
    assert len(full) > len(short) and "Résumé: “" in full


@pytest.mark.parametrize(("path", "kind"), [(JOB, "job"), (RESUME, "resume")])
def test_cli_extract_json(capsys, path: str, kind: str) -> None:
    code, out, err = run(capsys, "extract", path, "--kind", kind, "--format", "json")
    assert code == 0, err
    profile = json.loads(out)
    assert profile["kind"] == kind
    assert isinstance(profile["not_claimed"], list)
    assert profile["skills"]
    for skill in profile["skills"]:
        assert {"id", "name", "category", "requirement", "years", "mentions"} <= set(skill)
        if kind == "job":
            assert skill["requirement"] in {"required", "preferred"}
        else:
            assert skill["requirement"] is None
        for mention in skill["mentions"]:
            assert {"text", "start", "end", "section"} <= set(mention)
            assert mention["end"] - mention["start"] == len(mention["text"])
    for item in profile["not_claimed"]:
        assert {"id", "name", "reason", "mentions"} <= set(item)
        assert item["reason"] in {"negated", "learning"}
        assert item["id"] not in {skill["id"] for skill in profile["skills"]}


@pytest.mark.parametrize(("path", "kind"), [(JOB, "job"), (str(EXAMPLES / "resume.txt"), "resume")])
def test_cli_extract_guesses_the_kind(capsys, path: str, kind: str) -> None:
    code, out, _ = run(capsys, "extract", path, "--format", "json")
    assert code == 0
    assert json.loads(out)["kind"] == kind


@pytest.mark.parametrize("path", [JOB])
def test_cli_extract_text_table(capsys, path: str) -> None:
    code, out, _ = run(capsys, "extract", path, "--kind", "job")
    assert code == 0
    assert "PostgreSQL" in out and "required" in out


@pytest.mark.parametrize("stdin_for", ["resume", "job"])
def test_cli_compare_reads_stdin_for_dash(
    capsys, monkeypatch: pytest.MonkeyPatch, stdin_for: str
) -> None:
    source = EXAMPLES / ("resume.txt" if stdin_for == "resume" else "job.txt")
    stdin = type("Stdin", (), {"buffer": io.BytesIO(source.read_bytes())})()
    monkeypatch.setattr(sys, "stdin", stdin)
    args = ["-", JOB] if stdin_for == "resume" else [str(EXAMPLES / "resume.txt"), "-"]
    code, out, err = run(capsys, "compare", *args, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["resume" if stdin_for == "resume" else "job"] == "<stdin>"
    assert report["matched"]


@pytest.mark.parametrize("expected", ["postgresql\tPostgreSQL\tdatabases"])
def test_cli_taxonomy_list(capsys, taxonomy, expected: str) -> None:
    code, out, _ = run(capsys, "taxonomy", "list")
    assert code == 0
    lines = out.splitlines()
    assert expected in lines
    assert len(lines) == len(taxonomy)
    for line in lines:
        skill_id, name, category = line.split("\t")
        assert taxonomy[skill_id].name == name
        assert taxonomy[skill_id].category == category


@pytest.mark.parametrize("keys", [{"score", "matched", "partial", "missing", "learning_plan"}])
def test_cli_schema(capsys, keys: set[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert keys <= set(schema["properties"])


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_cli_output_writes_the_file(capsys, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    code, out, err = run(capsys, "compare", RESUME, JOB, "--format", fmt, "--output", str(target))
    assert code == 0, err
    assert out == ""
    written = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert {"score", "learning_plan"} <= set(json.loads(written))
    else:
        assert "Fit score" in written
        assert "\x1b[" not in written
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temp file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", RESUME, "/no/such/job.txt"], "no such file"),
        (["extract", "/no/such/resume.pdf"], "no such file"),
        (["extract", str(EXAMPLES / "library_usage.py")], "unsupported file type"),
        (["extract", str(EXAMPLES)], "folder"),
        (["compare", "-", "-"], "standard input"),
        (["compare", RESUME, JOB, "-o", "/no/such/dir/out.json"], "cannot write"),
    ],
    ids=["missing-job", "missing-file", "unsupported", "folder", "two-stdin", "bad-output"],
)
def test_cli_input_errors_are_one_line_exit_2(capsys, args: list[str], message: str) -> None:
    line = assert_one_line_error(*run(capsys, *args))
    assert message in line


@pytest.mark.parametrize("suffix", [".odt", ".png", ".docx"])
def test_cli_unsupported_or_broken_type_exit_2(capsys, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"resume{suffix}"
    path.write_bytes(b"PK\x03\x04 not really")
    line = assert_one_line_error(*run(capsys, "compare", str(path), JOB))
    assert str(path) in line


@pytest.mark.parametrize("content", [b"", b"  \n\n  "])
def test_cli_empty_file_exit_2(capsys, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "job.txt"
    path.write_bytes(content)
    line = assert_one_line_error(*run(capsys, "compare", RESUME, str(path)))
    assert "empty" in line


@needs_corpus
@pytest.mark.parametrize("pdf", BAD, ids=ids(BAD))
@pytest.mark.parametrize("command", ["compare", "extract"])
def test_cli_bad_pdf_exit_2(capsys, pdf: Path, command: str) -> None:
    args = ["compare", str(pdf), JOB] if command == "compare" else ["extract", str(pdf)]
    line = assert_one_line_error(*run(capsys, *args))
    assert str(pdf) in line
    assert BAD_PDFS.is_dir()


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["compare", "--bogus", RESUME, JOB], id="unknown-option"),
        pytest.param(["extract", JOB, "--kind", "boss"], id="bad-kind"),
        pytest.param(["compare", RESUME, JOB, "--format", "xml"], id="bad-format"),
        pytest.param(["compare", RESUME], id="missing-argument"),
        pytest.param(["frobnicate"], id="unknown-command"),
    ],
)
def test_cli_usage_errors_are_one_line_exit_2(capsys, args: list[str]) -> None:
    assert_one_line_error(*run(capsys, *args))


@pytest.mark.parametrize("args", [[], ["taxonomy"]], ids=["no-arguments", "taxonomy-alone"])
def test_cli_no_arguments_shows_help_without_traceback(capsys, args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert "Usage" in out
    assert "Traceback" not in err
    assert code in {0, 2}


@pytest.mark.parametrize("args", [["--help"], ["compare", "--help"]])
def test_cli_help_exits_0(capsys, args: list[str]) -> None:
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert "Usage" in out


@pytest.mark.parametrize("command", ["compare", "extract", "rank"])
def test_cli_help_names_every_supported_document_type(capsys, command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    for suffix in (".pdf", ".docx", ".html", ".txt", ".md"):
        assert suffix in out, f"'{command} --help' does not name {suffix}"


@pytest.mark.parametrize("args", [["compare", RESUME, JOB, "--format", "json"]])
def test_cli_runs_as_a_module_in_a_subprocess(args: list[str]) -> None:
    done = run_module(*args)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["matched"]
    assert done.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["extract", "/no/such/file.pdf"], id="missing-file"),
        pytest.param(["compare", "--bogus", RESUME, JOB], id="unknown-option"),
    ],
)
def test_cli_subprocess_error_is_one_line_exit_2(args: list[str]) -> None:
    done = run_module(*args)
    assert_one_line_error(done.returncode, done.stdout, done.stderr)
