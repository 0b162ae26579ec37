"""Issue 16 through the real server: ``skillgap serve`` (uvicorn) on a loopback port.

The README's curl command returns the CLI's JSON; a 1 GB body, declared or streamed, is
refused with 413 JSON after a few megabytes; a decompression bomb gets its JSON error while
healthz keeps answering; a missing serve extra is one CLI error line.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")
httpx2 = pytest.importorskip("httpx2", reason="the test extra's httpx2 is not installed")

from conftest import EXAMPLES, Served  # noqa: E402
from hostile_files import flate_bomb_pdf  # noqa: E402

from skillgap.cli import main  # noqa: E402

MIB = 1 << 20
MAX_BODY = 2 * 2 * MIB + MIB  # the served fixture's documents are limited to 2 MiB
GIB = 1 << 30


def cli_json(*args: str, cwd: Path) -> bytes:
    run = subprocess.run(
        [sys.executable, "-m", "skillgap", *args, "--format", "json"],
        cwd=cwd,
        capture_output=True,
        check=True,
    )
    return run.stdout


def test_server_answers_eight_pdf_compares_at_once(served: Served) -> None:
    """Concurrent PDF reads share one PDFium, which is not thread-safe: the lock keeps the
    server alive and every answer right. First in the module: the server's first PDF reads
    are the ones that raced."""
    expected = cli_json("compare", "resume.pdf", "job.txt", cwd=EXAMPLES)
    upload = {
        "resume": ("resume.pdf", (EXAMPLES / "resume.pdf").read_bytes()),
        "job": ("job.txt", (EXAMPLES / "job.txt").read_bytes()),
    }
    answers: list[bytes] = []

    def post() -> None:
        answers.append(httpx2.post(served.url + "/v1/compare", files=upload, timeout=60).content)

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [expected] * 8


def test_server_multipart_post_is_the_cli_json(served: Served) -> None:
    expected = cli_json("compare", "resume.pdf", "job.txt", cwd=EXAMPLES)
    upload = {
        "resume": ("resume.pdf", (EXAMPLES / "resume.pdf").read_bytes(), "application/pdf"),
        "job": ("job.txt", (EXAMPLES / "job.txt").read_bytes(), "text/plain"),
    }
    response = httpx2.post(served.url + "/v1/compare", files=upload, timeout=30)
    assert response.status_code == 200
    assert response.content == expected


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_server_readme_curl_command(served: Served) -> None:
    """The README's command, run as written (from the repository, with examples/ paths)."""
    curl = [
        "curl", "-sS", "-F", "resume=@examples/resume.pdf", "-F", "job=@examples/job.txt",
        served.url + "/v1/compare",
    ]  # fmt: skip
    answer = subprocess.run(curl, cwd=EXAMPLES.parent, capture_output=True, check=True).stdout
    # curl sends the files' own names, so the CLI run beside them names the same
    assert answer == cli_json("compare", "resume.pdf", "job.txt", cwd=EXAMPLES)


def _post_raw(served: Served, head: bytes, chunk: bytes, total: int) -> tuple[bytes, int]:
    """Send ``head`` then ``chunk`` repeatedly up to ``total`` bytes, reading the answer as
    soon as it comes; return it and how many body bytes went out before it."""
    port = int(served.url.rsplit(":", 1)[1])
    sent, offset, answer = 0, 0, b""
    view = memoryview(chunk)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(head)
        connection.setblocking(False)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not _complete(answer):
            try:
                data = connection.recv(65536)
                if not data:
                    break
                answer += data
                continue
            except BlockingIOError:
                pass
            except ConnectionResetError:
                break
            if sent >= total:
                time.sleep(0.01)
                continue
            try:
                count = connection.send(view[offset:])
            except BlockingIOError:
                time.sleep(0.001)
                continue
            except OSError:  # closed after answering: what it said is read next
                time.sleep(0.01)
                continue
            sent += count
            offset = (offset + count) % len(chunk)
    return answer, sent


def _complete(answer: bytes) -> bool:
    head, found, body = answer.partition(b"\r\n\r\n")
    if not found:
        return False
    length = next(
        (int(line.split(b":")[1]) for line in head.lower().split(b"\r\n")
         if line.startswith(b"content-length:")),
        None,
    )  # fmt: skip
    return length is not None and len(body) >= length


def _error(answer: bytes) -> dict[str, str]:
    status, _, rest = answer.partition(b"\r\n")
    assert status.startswith(b"HTTP/1.1 413"), answer[:200]
    return json.loads(answer.split(b"\r\n\r\n", 1)[1])


def test_server_refuses_a_declared_gigabyte_at_once(served: Served) -> None:
    head = (
        b"POST /v1/compare HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: %d\r\n\r\n" % GIB
    )
    started = time.monotonic()
    answer, sent = _post_raw(served, head, b"a" * 65536, GIB)
    assert _error(answer)["code"] == "too_large"
    assert sent < 64 * MIB and time.monotonic() - started < 10


def test_server_refuses_a_streamed_gigabyte_early(served: Served) -> None:
    """Chunked, with no length: refused once max_body arrived, not after 1 GB."""
    head = (
        b"POST /v1/rank HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    part = b"--b\r\nContent-Disposition: form-data; name=resumes; filename=r.txt\r\n\r\n"
    data = part + b"a" * (MIB - len(part)) + b"\r\n"  # parts within max_bytes, many of them
    chunk = b"%x\r\n" % len(data) + data + b"\r\n"
    started = time.monotonic()
    answer, sent = _post_raw(served, head, chunk, GIB)
    assert _error(answer)["code"] == "too_large"
    assert sent < MAX_BODY + 64 * MIB and time.monotonic() - started < 10


def test_server_answers_healthz_while_a_bomb_is_read(served: Served, tmp_path: Path) -> None:
    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf").read_bytes()
    job = (EXAMPLES / "job.txt").read_bytes()
    result: dict[str, httpx2.Response] = {}

    def post() -> None:
        result["bomb"] = httpx2.post(
            served.url + "/v1/compare",
            files={"resume": ("bomb.pdf", bomb), "job": ("job.txt", job)},
            timeout=30,
        )

    started = time.monotonic()
    worker = threading.Thread(target=post)
    worker.start()
    health = []
    while worker.is_alive():
        before = time.monotonic()
        health.append(httpx2.get(served.url + "/v1/healthz", timeout=5).status_code)
        assert time.monotonic() - before < 2
    worker.join()
    assert time.monotonic() - started < 10
    assert health and set(health) == {200}
    answer = result["bomb"]
    assert answer.status_code == 422
    assert answer.json()["code"] == "bad_document"
    assert answer.json()["message"].startswith("bomb.pdf: ")


def test_serve_without_the_extra_is_one_error_line(capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now fails
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "skillgap: error: serve needs the serve extra (uvicorn is missing); "
        "install it with pip install 'skillgap[serve]'"
    ]


def _serve_args(monkeypatch, capsys, *args: str) -> tuple[dict, str]:  # noqa: ANN001
    """What ``skillgap serve ARGS`` hands uvicorn (run is stubbed: nothing listens)."""
    import uvicorn

    handed: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: handed.update(app=app, **kwargs))
    assert main(["serve", *args]) == 0
    return handed, capsys.readouterr().err


def test_serve_binds_loopback_and_checks_the_host_by_default(monkeypatch, capsys) -> None:
    from fastapi.testclient import TestClient

    monkeypatch.delenv("SKILLGAP_TOKEN", raising=False)
    handed, err = _serve_args(monkeypatch, capsys, "--port", "8123")
    assert handed["host"] == "127.0.0.1" and handed["port"] == 8123
    assert "note" not in err and "http://127.0.0.1:8123/" in err
    api = TestClient(handed["app"], base_url="http://127.0.0.1:8123")
    assert api.get("/v1/healthz").status_code == 200
    assert api.get("/v1/healthz", headers={"host": "attacker.example"}).status_code == 400


def test_serve_elsewhere_without_a_token_says_so(monkeypatch, capsys) -> None:
    monkeypatch.delenv("SKILLGAP_TOKEN", raising=False)
    handed, err = _serve_args(monkeypatch, capsys, "--host", "0.0.0.0")
    assert handed["host"] == "0.0.0.0"
    assert "skillgap: note: serving on 0.0.0.0 without a token" in err


def test_serve_takes_the_token_from_the_environment(monkeypatch, capsys) -> None:
    from fastapi.testclient import TestClient

    monkeypatch.setenv("SKILLGAP_TOKEN", "from-env")
    handed, err = _serve_args(monkeypatch, capsys, "--host", "0.0.0.0")
    assert "note" not in err
    api = TestClient(handed["app"])
    assert api.get("/v1/schema").status_code == 401
    assert api.get("/v1/schema", headers={"authorization": "Bearer from-env"}).status_code == 200
