"""The compare report in its four formats: same facts, escaped document text, a JSON Schema that
real outputs satisfy, byte-identical JSON, --fail-under and --output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import CORPUS, REPO

from skillgap.cli import main
from skillgap.models import GapReport

EXAMPLES = REPO / "examples"
RESUME, JOB = EXAMPLES / "resume.pdf", EXAMPLES / "job.txt"
HOSTILE = (
    "Jane <b>Doe</b>\n\nSKILLS\n"
    "Python <script>document.title='pwned'</script>, Docker | **bold** [link](http://x.test)\n"
    "Kubernetes <img src=x onerror=\"document.body.dataset.pwned='1'\"> &amp; `code`\n"
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def report() -> GapReport:
    import skillgap

    return skillgap.compare(RESUME, JOB)


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    """The examples in every format, from the CLI (one process, several runs)."""
    found = {}
    for form in ("text", "json", "markdown", "html"):
        args = ["compare", str(RESUME), str(JOB), "--format", form, "--no-color"]
        completed = subprocess.run(
            [sys.executable, "-m", "skillgap", *args], capture_output=True, text=True, check=True
        )
        found[form] = completed.stdout
    return found


def test_report_formats_carry_the_same_facts(outputs: dict[str, str]) -> None:
    data = json.loads(outputs["json"])
    for form in ("text", "markdown", "html"):
        page = outputs[form]
        assert f"{data['score']}/100" in page or f">{data['score']}<" in page, form
        for bucket in ("matched", "partial", "missing"):
            for item in data[bucket]:
                assert item["name"] in page, (form, item["name"])
        for step in data["learning_plan"]:
            assert step["skill"] in page, form
        assert data["taxonomy_version"] in page


def test_report_matched_and_partial_skills_show_their_evidence(report: GapReport) -> None:
    resume_text = __import__("skillgap").extract(RESUME).text
    for item in report.matched + report.partial:
        assert item.resume_quotes, item.name
        assert item.job_quote is not None, item.name
        for quote in item.resume_quotes:
            marked = quote.text[quote.mark_start : quote.mark_end]
            assert marked and " ".join(marked.split()) in " ".join(resume_text.split())
    for item in report.missing:
        assert item.job_quote is not None
    python = next(item for item in report.matched if item.name == "Python")
    assert python.evidence == "demonstrated" and python.years_asked == 5
    assert "5+ years of Python" in python.job_quote.text  # the line that asks, not "Our stack"


def test_report_schema_validates_real_outputs(capsys, outputs: dict[str, str]) -> None:
    status, printed, _ = _run(capsys, "schema")
    assert status == 0
    schema = json.loads(printed)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(outputs["json"]), schema)
    for job in sorted((CORPUS / "jobs").glob("*.txt"))[:3]:
        status, printed, _ = _run(capsys, "compare", str(RESUME), str(job), "--format", "json")
        assert status == 0
        jsonschema.validate(json.loads(printed), schema)
    broken = json.loads(outputs["json"])
    broken["contributions"][0]["points"] = "lots"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_report_json_is_byte_identical_across_runs(outputs: dict[str, str]) -> None:
    args = ["compare", str(RESUME), str(JOB), "--format", "json"]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    again = subprocess.run(
        [sys.executable, "-m", "skillgap", *args], capture_output=True, env=env, check=True
    )
    assert again.stdout == outputs["json"].encode()
    assert "time" not in json.loads(outputs["json"])  # no timestamp


@pytest.mark.parametrize(("threshold", "status"), [(0, 0), (100, 1)])
def test_report_fail_under_sets_exit_status(capsys, report, threshold: int, status: int) -> None:
    code, printed, _ = _run(
        capsys, "compare", str(RESUME), str(JOB), "-f", "json", "--fail-under", str(threshold)
    )
    assert code == status
    assert json.loads(printed)["score"] == report.score  # the report is written either way


def test_report_fail_under_at_the_score_passes(capsys, report: GapReport) -> None:
    code, _, _ = _run(capsys, "compare", str(RESUME), str(JOB), "--fail-under", str(report.score))
    assert code == 0


def test_report_fail_under_out_of_range_is_a_usage_error(capsys) -> None:
    code, _, err = _run(capsys, "compare", str(RESUME), str(JOB), "--fail-under", "101")
    assert code == 2
    assert err.startswith("skillgap: error:") and "--fail-under" in err


@pytest.mark.parametrize("form", ["markdown", "html", "json", "text"])
def test_report_output_file_is_written_whole(capsys, tmp_path: Path, form: str) -> None:
    target = tmp_path / f"report.{form}"
    code, printed, _ = _run(capsys, "compare", str(RESUME), str(JOB), "-f", form, "-o", str(target))
    assert code == 0 and printed == ""
    assert target.read_text(encoding="utf-8").strip()
    assert [path.name for path in tmp_path.iterdir()] == [target.name]  # no temporary left
    if form == "text":
        assert "\x1b[" not in target.read_text(encoding="utf-8")  # no colour in files


def test_report_no_color_has_no_escape_codes(capsys) -> None:
    _, printed, _ = _run(capsys, "compare", str(RESUME), str(JOB), "--no-color")
    assert "\x1b[" not in printed and "Why this score" in printed


def test_report_markdown_escapes_document_text(capsys, tmp_path: Path) -> None:
    resume = tmp_path / "hostile.txt"
    resume.write_text(HOSTILE, encoding="utf-8")
    _, page, _ = _run(capsys, "compare", str(resume), str(JOB), "-f", "markdown")
    cells = re.sub(r"^\| | \| | \|$", "\t", page, flags=re.MULTILINE)  # drop the table's pipes
    assert not re.search(r"(?<!\\)[<>\[\]|`]", cells)
    assert r"\<script\>" in page and r"\[link\]" in page and r"\| " in page
    for line in page.splitlines():
        if line.startswith("| Python |") and "pwned" in line:
            assert line.count(" | ") == 4  # five cells: the escaped pipe made none


def test_report_html_escapes_document_text_and_is_self_contained(capsys, tmp_path: Path) -> None:
    resume = tmp_path / "<b>cv.txt"
    resume.write_text(HOSTILE, encoding="utf-8")
    _, page, _ = _run(capsys, "compare", str(resume), str(JOB), "-f", "html")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in page
    assert "&amp;amp;" in page
    assert "http://" not in page.replace("http://x.test", "") and "https://" not in page
    assert "<svg" in page and "Content-Security-Policy" in page


def test_report_redact_masks_personal_data_in_quotes(capsys, tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Maren Holt\n\nSKILLS\nPython, Docker (ask maren.holt@example.com or 555-014-2233)\n",
        encoding="utf-8",
    )
    code, page, _ = _run(capsys, "compare", str(resume), str(JOB), "-f", "json", "--redact")
    assert code == 0
    data = json.loads(page)
    quotes = [q["text"] for item in data["matched"] for q in item["resume_quotes"]]
    assert any("Docker" in text for text in quotes)
    assert "maren.holt@example.com" not in page and "555-014-2233" not in page
