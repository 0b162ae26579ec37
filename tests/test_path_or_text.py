"""The path-or-text rule of the API and of the command line (CONTRACT.md), every branch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import skillgap
from skillgap.batch import expand_inputs
from skillgap.cli import main

LONG = "Backend engineer with Python, PostgreSQL and Kubernetes in production; " * 5


@pytest.mark.parametrize(
    "text",
    [
        LONG,  # one line over 255 bytes: never tried as a file name
        "x" * 5000 + " Python",  # over PATH_MAX
        "Skills: Python\x00 and Docker",  # a NUL byte cannot be in a file name
        "Python / Docker / " + "k" * 300,  # a path component over NAME_MAX
        "Skills: Python and Docker",  # an ordinary line that names no file
    ],
    ids=["long-line", "over-path-max", "nul", "long-component", "short-line"],
)
def test_a_str_that_names_no_file_is_text(text: str) -> None:
    assert "Python" in {skill.name for skill in skillgap.extract(text).skills}


@pytest.mark.parametrize("name", ["no-such-resume.pdf", "cv.DOCX", "missing.txt ", "x/y.md"])
def test_a_one_line_str_with_a_document_suffix_that_names_no_file_is_an_error(name: str) -> None:
    with pytest.raises(skillgap.DocumentError, match="no such file"):
        skillgap.extract(name)


def test_a_str_or_path_naming_a_file_is_that_file(tmp_path: Path) -> None:
    path = tmp_path / "notes"  # no suffix: read as text
    path.write_text("Skills: Rust, Kafka\n", encoding="utf-8")
    for source in (str(path), path):
        profile = skillgap.extract(source)
        assert profile.source == str(path) and "Rust" in {s.name for s in profile.skills}


@pytest.mark.parametrize(
    ("argument", "message"),
    [("adir", "is a folder"), ("myresume", "no such file"), ("cv.pdf", "no such file")],
)
def test_the_command_line_never_reads_a_path_as_text(
    tmp_path: Path, capsys, argument: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    (tmp_path / "job.txt").write_text("Requirements:\n- Python\n", encoding="utf-8")
    assert main(["compare", argument, "job.txt"]) == 2
    error = capsys.readouterr().err.splitlines()
    assert len(error) == 1 and error[0].startswith(f"skillgap: error: {argument}: {message}")


def test_a_walked_folder_gives_documents_only_and_never_the_job(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.pdf", "b.TXT", "sub/c.md", "d.html", "e.docx", "job.txt", ".hidden.txt"):
        (folder / name).write_text("x", encoding="utf-8")
    for name in ("photo.jpg", "answers.json", "sub/logo.png"):
        (folder / name).write_bytes(b"\x89PNG")
    skipped: list[str] = []
    found = expand_inputs([str(folder)], skipped=skipped, exclude=folder / "job.txt")
    expected = ["a.pdf", "b.TXT", "d.html", "e.docx", "sub/c.md"]
    assert found == [str(folder / name) for name in expected]
    assert sorted(Path(name).name for name in skipped) == ["answers.json", "logo.png", "photo.jpg"]
    named = expand_inputs([str(folder / "photo.jpg")], io.StringIO())  # named: always taken
    assert named == [str(folder / "photo.jpg")]


def test_a_pattern_that_matches_nothing_gets_a_row_that_says_so(
    tmp_path: Path, analyzer: skillgap.Analyzer
) -> None:
    from skillgap.batch import RankTask

    task = RankTask(analyzer, analyzer.analyze("Requirements:\n- Python\n"))
    [pattern] = expand_inputs([str(tmp_path / "cv" / "*.pdf")])
    row = task.score(pattern)
    assert row.score is None and "no file matches the pattern" in (row.error or "")
