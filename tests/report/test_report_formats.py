"""The compare report in its four formats: same facts and sections in the same order, a first
screen to act on, a text page wrapped between words at any width, notes where the numbers need
one, escaped document text, a JSON Schema that real outputs satisfy, byte-identical JSON,
--fail-under and --output."""

from __future__ import annotations

import html
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
        assert f"{data['fit']} fit" in page, form
        for bucket in ("matched", "partial", "missing", "alternatives"):
            for item in data[bucket]:
                assert item["name"] in page, (form, item["name"])
        for step in data["learning_plan"]:
            assert step["skill"] in page, form
        for tip in data["say_on_resume"]:
            assert tip["words"] in page, form
        assert f"~{data['plan_hours']} h" in page, form
        assert data["taxonomy_version"] in page


SECTIONS = [  # (title words, needed: a key of the JSON that must be non-empty for it to show)
    ("Start here", "learning_plan"),
    ("Top gaps", "learning_plan"),
    ("Missing", "missing"),
    ("Accepted instead", "alternatives"),
    ("Matched", "matched"),
    ("Soft skills", None),
    ("Why this score", "contributions"),
    ("Learning plan", "learning_plan"),
    ("Also on the résumé", "extra"),
]


def test_report_formats_show_the_same_sections_in_the_same_order(outputs) -> None:
    data = json.loads(outputs["json"])
    wanted = [title for title, key in SECTIONS if key is None or data[key]]
    for form in ("text", "markdown", "html"):
        page = outputs[form]
        where = [page.find(title) for title in wanted]
        assert -1 not in where, (form, dict(zip(wanted, where, strict=True)))
        assert where == sorted(where), (form, wanted)


def test_report_first_screen_shows_score_counts_top_gaps_and_start_here(outputs) -> None:
    data = json.loads(outputs["json"])
    screen = "\n".join(outputs["text"].splitlines()[:24])  # one 80 x 24 terminal screen
    assert f"Fit score {data['score']}/100" in screen and "Start here: " in screen
    assert "Top gaps" in screen
    for level in ("required", "preferred"):
        asked = [i for b in BUCKETS for i in data[b] if i["requirement"] == level]
        found = re.search(
            rf"{'Required' if level == 'required' else 'Nice-to-have'} skills "
            r"\((\d+)\): (.*)",
            screen,
        )
        assert found and int(found.group(1)) == len(asked)
        assert sum(int(n) for n in re.findall(r"(\d+) [a-z]", found.group(2))) == len(asked)
    first_gap = next(step for step in data["learning_plan"] if not step["alternative_to"])
    assert f"Start here: {first_gap['skill']}" in screen


BUCKETS = ("matched", "partial", "missing", "alternatives")
LONG_PAIRS = [
    pytest.param(RESUME, JOB, 80, id="examples-80"),
    pytest.param(RESUME, JOB, 60, id="examples-60", marks=pytest.mark.slow),
    pytest.param(
        CORPUS / "challenge" / "resumes" / "C-R04.txt",
        CORPUS / "challenge" / "jobs" / "C-J03.txt",
        80,
        id="challenge-80",
        marks=pytest.mark.slow,
    ),
    pytest.param(
        CORPUS / "resumes" / "text" / "2garryn_resume.md",
        CORPUS / "jobs" / "pomerium_backend-engineer.txt",
        40,
        id="corpus-40",
        marks=pytest.mark.slow,
    ),
]


def _text_report(resume: Path, job: Path, columns: int, *extra: str) -> str:
    env = {**os.environ, "COLUMNS": str(columns)}
    args = ["compare", str(resume), str(job), "--no-color", *extra]
    completed = subprocess.run(
        [sys.executable, "-m", "skillgap", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return completed.stdout


@pytest.mark.parametrize(("resume", "job", "columns"), LONG_PAIRS)
def test_report_text_wraps_between_words_at_the_width(resume, job, columns: int) -> None:
    """Piped output honours COLUMNS, has no trailing spaces, and breaks no word: the words of
    the page are those of the same page printed too wide to wrap."""
    page = _text_report(resume, job, columns, "--full")
    wide = _text_report(resume, job, 2000, "--full")
    for line in page.splitlines():
        assert line == line.rstrip(), repr(line)
        assert len(line) <= columns or " " not in line.strip(), repr(line)
    assert page.split() == wide.split()
    assert max(len(line) for line in wide.splitlines()) > columns  # the check above can fail


def test_report_text_default_is_short_and_full_shows_every_quote() -> None:
    short = _text_report(RESUME, JOB, 80)
    full = _text_report(RESUME, JOB, 80, "--full")
    assert len(short.splitlines()) < len(full.splitlines()) <= 2 * len(short.splitlines()) + 200
    assert "Résumé: “" not in short.split("Missing")[0]
    import skillgap

    report = skillgap.compare(RESUME, JOB)
    flat = " ".join(full.split())
    for item in report.matched:
        for quote in item.resume_quotes:
            assert " ".join(quote.text.split()) in flat, quote.text
    assert "--full" in short


@pytest.mark.parametrize(
    ("resume", "job", "kind"),
    [
        (CORPUS / "resumes" / "pdf" / "0xpoe_resume-zh.pdf", JOB, "not_english"),
        (RESUME, CORPUS / "jobs" / "jobsboard_nurse-manager.txt", "no_backend_skills"),
        (CORPUS / "resumes" / "pdf" / "best-resume-ever_side-bar.pdf", JOB, "low_confidence"),
    ],
    ids=["chinese-resume", "nurse-manager-ad", "letter-spaced-pdf"],
)
def test_report_notes_reach_every_format(capsys, resume: Path, job: Path, kind: str) -> None:
    status, printed, _ = _run(capsys, "compare", str(resume), str(job), "-f", "json")
    assert status == 0
    notes = [note for note in json.loads(printed)["notes"] if note["kind"] == kind]
    assert len(notes) == 1
    first_words = " ".join(notes[0]["message"].split()[:6])
    for form in ("text", "markdown", "html"):
        _, page, _ = _run(capsys, "compare", str(resume), str(job), "-f", form, "--no-color")
        assert first_words in " ".join(html.unescape(page).split()), form


@pytest.mark.parametrize(
    "resume", [RESUME, CORPUS / "challenge" / "resumes" / "C-R01.txt"], ids=["examples", "R01"]
)
def test_report_english_documents_get_no_language_note(capsys, resume: Path) -> None:
    _, printed, _ = _run(capsys, "compare", str(resume), str(JOB), "-f", "json")
    assert "not_english" not in {note["kind"] for note in json.loads(printed)["notes"]}


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
