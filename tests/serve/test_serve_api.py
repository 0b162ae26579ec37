"""Issue 16: the HTTP API and the page through the framework's test client, in process.

Every answer is held against what the CLI prints for the same files (run in process, in a
folder holding files of the uploaded names); every error code of the table is produced once;
hostile uploads and huge bodies get their JSON error within the limits while the server goes
on answering.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")
pytest.importorskip("httpx2", reason="the test extra's httpx2 is not installed")

import httpx2  # noqa: E402
from conftest import EXAMPLES  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from hostile_files import flate_bomb_pdf, small_docx, zip_bomb_docx  # noqa: E402

import skillgap  # noqa: E402
from skillgap.cli import main  # noqa: E402
from skillgap.ingest import document_from_bytes  # noqa: E402
from skillgap.options import Limits, Options  # noqa: E402
from skillgap.report import render  # noqa: E402
from skillgap.serve import ServeLimits  # noqa: E402
from skillgap.serve.app import create_app  # noqa: E402
from skillgap.serve.problems import CODES  # noqa: E402

RESUME = (EXAMPLES / "resume.pdf").read_bytes()
JOB = (EXAMPLES / "job.txt").read_bytes()
BOUND_SECONDS = 10  # the CLI's bar for a hostile input (tests/cli/test_cli_hostile.py)
SEEN: set[str] = set()  # error codes produced; the last test checks the table is covered


def client(analyzer: skillgap.Analyzer, **kwargs: object) -> TestClient:
    return TestClient(create_app(analyzer, **kwargs))  # type: ignore[arg-type]


def files(resume: bytes = RESUME, job: bytes = JOB) -> dict[str, tuple[str, bytes]]:
    return {"resume": ("resume.pdf", resume), "job": ("job.txt", job)}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def error_of(response: httpx2.Response, code: str) -> str:
    """The message of a JSON error with ``code``; the status is the one the table gives."""
    assert response.status_code == CODES[code][0], response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message"} and body["code"] == code, body
    assert "\n" not in body["message"] and body["message"]
    SEEN.add(code)
    return body["message"]


def cli_message(err: str) -> str:
    """The CLI's one error line without its ``skillgap: error:`` prefix."""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("skillgap: error: "), err
    return lines[0].removeprefix("skillgap: error: ")


# --- the answers are the CLI's -----------------------------------------------------------------


def test_compare_multipart_is_the_cli_json_byte_for_byte(analyzer, capsys, monkeypatch) -> None:
    response = client(analyzer).post("/v1/compare", files=files())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    monkeypatch.chdir(EXAMPLES)  # the uploads are named resume.pdf and job.txt
    code, out, _ = cli(capsys, "compare", "resume.pdf", "job.txt", "--format", "json")
    assert code == 0
    assert response.content == out.encode()


def test_compare_json_text_is_the_library_report(analyzer) -> None:
    resume, job = "SKILLS\nPython, Docker, PostgreSQL\n", "Requirements:\n- Python\n- Go\n"
    response = client(analyzer).post("/v1/compare", json={"resume": resume, "job": job})
    assert response.status_code == 200
    assert response.text == render(analyzer.compare(resume, job), "json")
    assert response.json()["resume"] == "<text>"


def test_compare_text_is_never_opened_as_a_path(analyzer) -> None:
    """A document's text that names a file on the server is text, as JSON or as a form field."""
    secret = str(EXAMPLES / "resume.txt")
    for response in (
        client(analyzer).post("/v1/compare", json={"resume": secret, "job": JOB.decode()}),
        client(analyzer).post(
            "/v1/compare", data={"resume": secret}, files={"job": ("job.txt", JOB)}
        ),
    ):
        assert response.status_code == 200, response.text
        report = response.json()
        assert report["resume"] == "<text>"
        assert report["resume_quality"]["characters"] == len(secret)  # the path's own letters


def test_compare_job_as_text_field_or_pasted_box(analyzer) -> None:
    expected = client(analyzer).post("/v1/compare", files=files()).json()
    for data in ({"job": JOB.decode()}, {"job_text": JOB.decode()}):
        response = client(analyzer).post(
            "/v1/compare", files={"resume": ("resume.pdf", RESUME)}, data=data
        )
        got = response.json()
        assert got["job"] == "<text>"
        assert got["score"] == expected["score"] and got["missing"] == expected["missing"]


def test_upload_name_keeps_only_its_last_part(analyzer) -> None:
    upload = {"resume": ("C:\\Users\\jane\\../../etc/resume.pdf", RESUME), "job": ("job.txt", JOB)}
    assert client(analyzer).post("/v1/compare", files=upload).json()["resume"] == "resume.pdf"


def test_extract_is_the_cli_json(analyzer, capsys, monkeypatch) -> None:
    api = client(analyzer)
    guessed = api.post("/v1/extract", files={"document": ("job.txt", JOB)})
    as_resume = api.post(
        "/v1/extract", files={"document": ("job.txt", JOB)}, data={"kind": "resume"}
    )
    monkeypatch.chdir(EXAMPLES)
    assert guessed.text == cli(capsys, "extract", "job.txt", "-f", "json")[1]
    assert as_resume.text == cli(capsys, "extract", "job.txt", "-k", "resume", "-f", "json")[1]
    assert guessed.json()["kind"] == "job" and as_resume.json()["kind"] == "resume"


def _on_disk_and_uploaded(
    field: str, files: dict[str, bytes], folder: Path
) -> list[tuple[str, tuple[str, bytes]]]:
    """The same files written to ``folder`` for the CLI and as one form field's uploads."""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [(field, (name, data)) for name, data in files.items()]


def test_rank_rows_are_the_cli_json(analyzer, capsys, monkeypatch, tmp_path: Path) -> None:
    resumes = {
        "strong.txt": b"SKILLS\nPython, Django, PostgreSQL, Docker, Kubernetes, AWS, Redis\n",
        "weak.txt": b"SKILLS\nExcel, Word\n",
        "broken.pdf": b"%PDF-1.7 not really",
        "empty.txt": b"",
    }
    uploads = _on_disk_and_uploaded("resumes", resumes, tmp_path)
    shutil.copy(EXAMPLES / "job.txt", tmp_path / "job.txt")
    response = client(analyzer).post("/v1/rank", files=[("job", ("job.txt", JOB)), *uploads])
    assert response.status_code == 200
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(capsys, "rank", "job.txt", *resumes, "-f", "json", "-j", "1")
    assert code == 2  # the CLI's status says two files failed; their rows say why
    assert response.text == out
    rows = response.json()["results"]
    assert [row["file"] for row in rows[:2]] == ["strong.txt", "weak.txt"]
    assert all(row["error"] for row in rows[2:])


def test_match_rows_are_the_cli_json(analyzer, capsys, monkeypatch, tmp_path: Path) -> None:
    jobs = {
        "backend.txt": JOB,
        "data.txt": b"Requirements:\n- SQL\n- Python\n- Airflow\n",
        "garbage.docx": b"not a zip",
    }
    uploads = _on_disk_and_uploaded("jobs", jobs, tmp_path)
    shutil.copy(EXAMPLES / "resume.pdf", tmp_path / "resume.pdf")
    response = client(analyzer).post(
        "/v1/match", files=[("resume", ("resume.pdf", RESUME)), *uploads], data={"top_missing": "2"}
    )
    assert response.status_code == 200
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(capsys, "match", "resume.pdf", *jobs, "-f", "json", "--top-missing", "2")
    assert code == 2
    assert response.text == out
    assert response.json()["results"][-1]["error"].startswith("garbage.docx: ")


def test_rank_and_match_take_json_text(analyzer) -> None:
    api = client(analyzer)
    texts = ["SKILLS\nPython, Django\n", "SKILLS\nExcel\n"]
    ranked = api.post("/v1/rank", json={"job": JOB.decode(), "resumes": texts}).json()
    assert [row["file"] for row in ranked["results"]] == ["<text 1>", "<text 2>"]
    matched = api.post("/v1/match", json={"resume": texts[0], "jobs": [JOB.decode()]}).json()
    assert matched["resume"] == "<text>" and len(matched["results"]) == 1


def test_schema_is_the_cli_schema(analyzer, capsys) -> None:
    assert client(analyzer).get("/v1/schema").text == cli(capsys, "schema")[1]


def test_healthz_and_openapi(analyzer) -> None:
    api = client(analyzer)
    health = api.get("/v1/healthz").json()
    assert health["status"] == "ok" and health["taxonomy_version"] == analyzer.taxonomy.version
    paths = api.get("/v1/openapi.json").json()["paths"]
    for path in ("compare", "extract", "rank", "match", "schema", "healthz"):
        assert f"/v1/{path}" in paths
    assert "multipart/form-data" in paths["/v1/compare"]["post"]["requestBody"]["content"]
    assert api.get("/docs").status_code == 404  # the interactive docs would load a CDN


def test_redact_mode_is_the_cli_redacted_json(taxonomy, capsys, monkeypatch) -> None:
    blind = skillgap.Analyzer(taxonomy, Options(redact=True))
    response = client(blind).post("/v1/compare", files=files())
    monkeypatch.chdir(EXAMPLES)
    code, out, _ = cli(capsys, "compare", "resume.pdf", "job.txt", "-f", "json", "--redact")
    assert code == 0 and response.text == out
    assert response.json()["resume"] != "resume.pdf"
    ranked = client(blind).post(
        "/v1/rank", files=[("job", ("job.txt", JOB)), ("resumes", ("jane-doe.pdf", RESUME))]
    )
    assert "jane-doe" not in ranked.text


# --- every error, with its code --------------------------------------------------------------


def test_bad_document_has_the_cli_words(analyzer, capsys, tmp_path: Path, monkeypatch) -> None:
    cases = {
        "resume.pdf": b"just text, named .pdf",
        "resume.exe": b"MZ binary",
        "resume.txt": b"",
        "resume.docx": b"PK\x03\x04 truncated",
    }
    api = client(analyzer)
    shutil.copy(EXAMPLES / "job.txt", tmp_path / "job.txt")
    monkeypatch.chdir(tmp_path)
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        response = api.post("/v1/compare", files={"resume": (name, data), "job": ("job.txt", JOB)})
        message = error_of(response, "bad_document")
        code, _, err = cli(capsys, "compare", name, "job.txt")
        assert code == 2 and message == cli_message(err), name


def test_missing_unknown_and_malformed_fields(analyzer) -> None:
    api = client(analyzer)
    assert "job" in error_of(
        api.post("/v1/compare", files={"resume": ("r.pdf", RESUME)}), "missing_field"
    )
    empty = {"resume": ("resume.pdf", RESUME), "job": ("", b"")}  # a file input left empty
    error_of(api.post("/v1/compare", files=empty, data={"job_text": "  "}), "missing_field")
    error_of(api.post("/v1/rank", files={"job": ("job.txt", JOB)}), "missing_field")
    message = error_of(
        api.post("/v1/compare", files={**files(), "cv": ("x", b"x")}), "unknown_field"
    )
    assert message.startswith("cv: ") and "resume" in message
    error_of(
        api.post("/v1/compare", json={"resume": "x", "job": "y", "path": "/etc"}), "unknown_field"
    )
    two = {"resume": ("resume.pdf", RESUME), "job": ("job.txt", JOB)}
    error_of(api.post("/v1/compare", files=two, data={"job_text": "Python"}), "bad_request")
    for body in (b"{not json", b"[1, 2]", b'{"resume": 1, "job": "x"}'):
        response = api.post(
            "/v1/compare", content=body, headers={"content-type": "application/json"}
        )
        error_of(response, "bad_request")
    error_of(api.post("/v1/extract", json={"document": "x", "kind": "cv"}), "bad_request")
    error_of(
        api.post("/v1/rank", json={"job": "x", "resumes": ["y"], "top_missing": "-1"}),
        "bad_request",
    )
    broken = b"--b\r\nContent-Disposition: form-data; name=resume; filename=a.txt\r\n\r\nabc"
    response = api.post(
        "/v1/compare", content=broken, headers={"content-type": "multipart/form-data; boundary=b"}
    )
    error_of(response, "bad_request")
    response = api.post(
        "/v1/compare",
        content=b"resume=x",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    error_of(response, "unsupported_media_type")
    error_of(api.get("/v1/nothing"), "not_found")
    error_of(api.get("/v1/compare"), "method_not_allowed")


def test_too_many_files(analyzer) -> None:
    api = client(analyzer, limits=ServeLimits(read=Limits(), max_files=3))
    uploads = [("resumes", (f"r{n}.txt", b"SKILLS\nPython\n")) for n in range(4)]
    message = error_of(
        api.post("/v1/rank", files=[("job", ("job.txt", JOB)), *uploads]), "too_many_files"
    )
    assert "max_files" in message
    flood = [("resumes", (f"r{n}.txt", b"x")) for n in range(50)]
    error_of(api.post("/v1/rank", files=[("job", ("job.txt", JOB)), *flood]), "too_many_files")


def test_token_guards_every_v1_call_but_healthz(analyzer) -> None:
    api = client(analyzer, token="s3cret")
    guarded = [
        ("post", "/v1/compare"), ("get", "/v1/schema"), ("get", "/v1/openapi.json"),
        ("post", "/v1/rank"), ("post", "/v1/match"), ("post", "/v1/extract"),
        ("get", "/v1/unknown"),
    ]  # fmt: skip
    for method, path in guarded:
        for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": "s3cret"}):
            response = getattr(api, method)(path, headers=headers)
            error_of(response, "unauthorized")
            assert response.headers["www-authenticate"].startswith("Bearer")
    assert api.get("/v1/healthz").status_code == 200
    good = {"authorization": "Bearer s3cret"}
    assert api.post("/v1/compare", files=files(), headers=good).status_code == 200


def test_token_on_the_page(analyzer) -> None:
    api = client(analyzer, token="s3cret")
    page = api.get("/")
    assert page.status_code == 200 and 'name="token"' in page.text
    wrong = api.post("/", files=files(), data={"token": "nope"})
    assert wrong.status_code == 401 and "token is missing or wrong" in wrong.text
    assert api.post("/", files=files(), data={"token": "s3cret"}).status_code == 200


def test_host_header_is_checked_when_asked(analyzer) -> None:
    api = client(analyzer, allowed_hosts=("127.0.0.1", "localhost"))
    assert api.get("/v1/healthz", headers={"host": "127.0.0.1:8000"}).status_code == 200
    error_of(api.get("/v1/healthz", headers={"host": "evil.example:8000"}), "bad_request")


def test_declared_huge_body_is_refused_before_reading(analyzer) -> None:
    api = client(analyzer)
    response = api.post(
        "/v1/compare",
        content=b"x" * 10,
        headers={"content-length": str(1 << 30), "content-type": "multipart/form-data; boundary=b"},
    )
    assert "1024 MB" in error_of(response, "too_large")


def test_streamed_huge_body_is_refused_early(analyzer) -> None:
    """A 1 GB body with no length: the answer comes after about max_body, not 1 GB."""
    limits = ServeLimits(read=Limits(max_bytes=1 << 20))
    app = create_app(analyzer, limits=limits)
    sent = 0

    async def body():  # noqa: ANN202
        nonlocal sent
        yield b"--b\r\nContent-Disposition: form-data; name=resume; filename=r.txt\r\n\r\n"
        chunk = b"a" * (1 << 16)
        while sent < 1 << 30:
            sent += len(chunk)
            yield chunk

    async def post() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as http:
            headers = {"content-type": "multipart/form-data; boundary=b"}
            return await http.post("/v1/compare", content=body(), headers=headers)

    response = asyncio.run(post())
    message = error_of(response, "too_large")
    assert message == (
        "r.txt: input is over the 1 MB limit (max_bytes); give the résumé or job ad alone"
    )
    assert sent < 2 * limits.body_bytes


def test_whole_body_limit_while_streaming(analyzer) -> None:
    limits = ServeLimits(read=Limits(max_bytes=1 << 20), max_body=3 << 20)
    app = create_app(analyzer, limits=limits)
    part = b"a" * ((1 << 20) - 10)

    async def body():  # noqa: ANN202
        for number in range(10):  # each part within max_bytes, all of them over max_body
            yield (
                b"--b\r\nContent-Disposition: form-data; name=resumes; "
                b"filename=r%d.txt\r\n\r\n" % number + part + b"\r\n"
            )

    async def post() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as http:
            headers = {"content-type": "multipart/form-data; boundary=b"}
            return await http.post("/v1/rank", content=body(), headers=headers)

    assert "(max_body)" in error_of(asyncio.run(post()), "too_large")


def test_one_part_over_max_bytes(analyzer) -> None:
    api = client(analyzer, limits=ServeLimits(read=Limits(max_bytes=1000)))
    big = {"resume": ("big.txt", b"Python " * 200), "job": ("job.txt", b"Python")}
    assert error_of(api.post("/v1/compare", files=big), "too_large").startswith(
        "big.txt: input is over"
    )
    text = {"resume": "Python " * 200, "job": "Python"}
    error_of(api.post("/v1/compare", json=text), "bad_document")  # text over max_bytes


def test_slow_body_times_out(analyzer) -> None:
    app = create_app(analyzer, limits=ServeLimits(read=Limits(), body_seconds=0.3))

    async def body():  # noqa: ANN202
        yield b"--b\r\nContent-Disposition: form-data; name=resume; filename=r.txt\r\n\r\n"
        await asyncio.sleep(2)
        yield b"never read"

    async def post() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as http:
            headers = {"content-type": "multipart/form-data; boundary=b"}
            return await http.post("/v1/compare", content=body(), headers=headers)

    started = time.monotonic()
    error_of(asyncio.run(post()), "body_timeout")
    assert time.monotonic() - started < 2


class Stalling:
    """An Analyzer stand-in whose compare waits for a signal: a slow or bombed request."""

    def __init__(self, analyzer: skillgap.Analyzer) -> None:
        self.options, self.taxonomy = analyzer.options, analyzer.taxonomy
        self.release, self.entered = threading.Event(), threading.Event()
        self.real = analyzer

    def compare(self, resume, job):  # noqa: ANN001, ANN201
        self.entered.set()
        self.release.wait(10)
        return self.real.compare(resume, job)


def test_healthz_answers_while_the_workers_are_stuck(analyzer) -> None:
    """The work runs off the event loop: with every worker held, healthz still answers, a
    request past the queue is told busy at once, and one past work_seconds gets timeout."""
    stalling = Stalling(analyzer)
    limits = ServeLimits(read=Limits(), workers=1, queue=0, work_seconds=1.0)
    app = create_app(stalling, limits=limits)  # type: ignore[arg-type]

    async def scenario() -> list[httpx2.Response]:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as http:
            stuck = asyncio.create_task(http.post("/v1/compare", files=files()))
            while not stalling.entered.is_set():
                await asyncio.sleep(0.01)
            started = time.monotonic()
            health = await http.get("/v1/healthz")
            busy = await http.post("/v1/compare", files=files())
            quick = time.monotonic() - started
            late = await stuck
            stalling.release.set()
            assert quick < 0.5, quick
            return [health, busy, late]

    health, busy, late = asyncio.run(scenario())
    assert health.status_code == 200
    error_of(busy, "busy")
    assert busy.headers["retry-after"] == "1"
    error_of(late, "timeout")


def test_unexpected_failure_is_internal_json(analyzer) -> None:
    class Broken(Stalling):
        def compare(self, resume, job):  # noqa: ANN001, ANN201
            raise RuntimeError("boom /secret/path")

    response = client(Broken(analyzer)).post("/v1/compare", files=files())  # type: ignore[arg-type]
    message = error_of(response, "internal")
    assert "RuntimeError" in message and "/secret/path" not in message


# --- hostile uploads ---------------------------------------------------------------------------


def test_flate_bomb_pdf_is_a_json_error_within_bounds(analyzer, tmp_path: Path) -> None:
    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf").read_bytes()
    app = create_app(analyzer)

    async def scenario() -> tuple[httpx2.Response, list[int], float]:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as http:
            started = time.monotonic()
            task = asyncio.create_task(
                http.post(
                    "/v1/compare", files={"resume": ("bomb.pdf", bomb), "job": ("job.txt", JOB)}
                )
            )
            health = []
            while not task.done():
                health.append((await http.get("/v1/healthz")).status_code)
                await asyncio.sleep(0.05)
            return await task, health, time.monotonic() - started

    response, health, seconds = asyncio.run(scenario())
    message = error_of(response, "bad_document")
    assert message.startswith("bomb.pdf: ") and "decompression bomb" in message
    assert seconds < BOUND_SECONDS
    assert health and set(health) == {200}


def test_lying_zip_docx_is_read_or_refused_within_bounds(analyzer, tmp_path: Path) -> None:
    bomb = zip_bomb_docx(tmp_path / "bomb.docx").read_bytes()
    started = time.monotonic()
    response = client(analyzer).post(
        "/v1/compare", files={"resume": ("bomb.docx", bomb), "job": ("job.txt", JOB)}
    )
    assert time.monotonic() - started < BOUND_SECONDS
    if response.status_code != 200:
        assert error_of(response, "bad_document").startswith("bomb.docx: ")
    honest = small_docx(tmp_path / "cv.docx", ["SKILLS", "Python, PostgreSQL"]).read_bytes()
    ok = client(analyzer).post(
        "/v1/compare", files={"resume": ("cv.docx", honest), "job": ("job.txt", JOB)}
    )
    assert ok.status_code == 200 and ok.json()["resume"] == "cv.docx"


# --- the page ----------------------------------------------------------------------------------


def test_page_is_a_form_with_no_script_and_nothing_external(analyzer) -> None:
    page = client(analyzer).get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<form method="post" action="/" enctype="multipart/form-data">' in page.text
    for field in ('name="resume"', 'name="job"', 'name="job_text"'):
        assert field in page.text
    assert "<script" not in page.text and not re.search(r"(src|href)=\"(https?:)?//", page.text)
    assert 'name="viewport"' in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_page_shows_the_html_report(analyzer) -> None:
    response = client(analyzer).post(
        "/", files={"resume": ("resume.pdf", RESUME)}, data={"job_text": JOB.decode()}
    )
    resume = document_from_bytes(RESUME, name="resume.pdf", suffix=".pdf")
    report = analyzer.compare(resume, JOB.decode())
    assert response.status_code == 200
    assert f'id="score">{report.score}<' in response.text
    assert 'href="/" id="again"' in response.text
    without_link = re.sub(r'<nav style="margin-bottom:1rem">.*?</nav>\n', "", response.text)
    assert without_link == render(report, "html")  # compare --format html, with the way back


def test_page_error_has_the_cli_words(analyzer, capsys, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "cv.pdf").write_bytes(b"not a pdf")
    (tmp_path / "job.txt").write_bytes(JOB)
    response = client(analyzer).post(
        "/", files={"resume": ("cv.pdf", b"not a pdf"), "job": ("job.txt", JOB)}
    )
    monkeypatch.chdir(tmp_path)
    _, _, err = cli(capsys, "compare", "cv.pdf", "job.txt")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    found = re.search(r'<p class="error" id="error" role="alert">(.*?)</p>', response.text)
    assert found and found.group(1) == cli_message(err).replace("'", "&#39;")
    assert '<form method="post"' in response.text  # the form again, to try once more
    missing = client(analyzer).post("/", files={"resume": ("cv.pdf", RESUME), "job": ("", b"")})
    assert missing.status_code == 400 and "job: missing" in missing.text


def test_every_error_code_is_produced_by_some_test(request: pytest.FixtureRequest) -> None:
    """Runs last in this file: the table of codes holds nothing that no test reaches."""
    module = request.module
    tests = {name for name in vars(module) if name.startswith("test_")}
    running = {item.name for item in request.session.items if item.module is module}
    if running != tests:
        pytest.skip("checks the codes the whole file produced; run the whole file")
    assert set(CODES) <= SEEN, sorted(set(CODES) - SEEN)
