"""Shared paths and fixtures for the skillgap test suite."""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType

import pytest

import skillgap
from skillgap.ingest import document_from_text

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
EXAMPLES = REPO / "examples"
SCRIPTS = REPO / "scripts"
TAXONOMY_DIR = REPO / "taxonomy"
GOLDEN = TESTS / "golden"
# The shared corpus sits beside the repository (../shared, as in the development workspace);
# tests that read it skip with a reason saying so when it is absent.
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SKILL_FLOOR = SHARED / "skill-floor.md"
BAD_PDFS = CORPUS / "resumes" / "pdf" / "bad"

# Both PDF backends are tested explicitly (pdfium is the default when pypdfium2 is installed).
PDF_BACKENDS = [
    "pdfminer",
    pytest.param(
        "pdfium",
        marks=pytest.mark.skipif(not find_spec("pypdfium2"), reason="pypdfium2 not installed"),
    ),
]
PDF_BACKEND_VARIABLE = "SKILLGAP_PDF_BACKEND"


def missing(path: Path) -> str:
    """The skip reason of a test that reads the shared files beside the repository."""
    return f"needs {path} (the workspace's ../shared beside the repository; see README, Tests)"


NO_CORPUS = missing(CORPUS)
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)",
)
# Headless Chromium with nothing of its own running: no network, updates, sync or first run.
HEADLESS_CHROMIUM = [
    str(CHROMIUM),
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def floor_names() -> list[str]:
    """The canonical names of shared/skill-floor.md: comma-separated lines under '## '."""
    if not SKILL_FLOOR.is_file():
        return []
    names: list[str] = []
    in_section = False
    for line in SKILL_FLOOR.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_section = True
            continue
        if in_section and line.strip():
            names.extend(name.strip() for name in line.split(",") if name.strip())
    return names


FLOOR = floor_names()


needs_floor = pytest.mark.skipif(not FLOOR, reason=missing(SKILL_FLOOR))


def corpus_files(folder: str, pattern: str = "*") -> list[Path]:
    """Sorted files of a corpus folder, to parametrize tests over.

    Without the corpus it holds one placeholder that skips with :data:`NO_CORPUS`, so the
    report says why instead of pytest's "got empty parameter set".
    """
    root = CORPUS / folder
    if not root.is_dir():
        return [pytest.param(root, marks=pytest.mark.skip(reason=NO_CORPUS), id="no-corpus")]
    return sorted(path for path in root.glob(pattern) if path.is_file())


def job_text(required: list[str], preferred: list[str] = ()) -> str:  # type: ignore[assignment]
    """A small job ad: a Requirements list and an optional Nice to have list."""
    lines = ["Backend engineer", "", "Requirements"] + [f"- {name}" for name in required]
    if preferred:
        lines += ["", "Nice to have"] + [f"- {name}" for name in preferred]
    return "\n".join(lines) + "\n"


def resume_text(skills: list[str]) -> str:
    """A small résumé whose skills section lists the given names."""
    return "Jane Doe\n\nSKILLS\n" + ", ".join(skills) + "\n"


def load_script(name: str) -> ModuleType:
    """A module of scripts/ (not a package), loaded from its file."""
    path = SCRIPTS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"script_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def make_pdf(pages: int) -> bytes:
    """A real PDF (reportlab) of ``pages`` pages, each naming Python."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for n in range(pages):
        page.drawString(72, 720, f"Page {n} Python")
        page.showPage()
    page.save()
    return buffer.getvalue()


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF whose objects are numbered from 1 in order; object 1 is the catalog."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def page_bomb_pdf(pages: int, extra: bytes = b"") -> bytes:
    """A PDF with ``pages`` empty pages that all share one content stream."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /X "
    kids = b" ".join(b"%d 0 R" % (4 + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [" % pages + kids + b"] >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ] + [page + (extra or b"0") + b" >>"] * pages
    return pdf_bytes(objects)


def ids(paths: list[Path]) -> list[str]:
    """Test ids: the file names (the corpus placeholder keeps its own)."""
    return [path.name if isinstance(path, Path) else path.id for path in paths]


@pytest.fixture(scope="session")
def taxonomy() -> skillgap.Taxonomy:
    return skillgap.Taxonomy.default()


@pytest.fixture(scope="session")
def analyzer(taxonomy: skillgap.Taxonomy) -> skillgap.Analyzer:
    return skillgap.Analyzer(taxonomy)


@pytest.fixture(scope="session")
def extract(analyzer: skillgap.Analyzer):
    """Extract a profile from text held in memory, as ``skillgap.extract(text)`` does."""

    def run(text: str, kind: str = "resume") -> skillgap.Profile:
        return analyzer.extract(document_from_text(text), kind)  # type: ignore[arg-type]

    return run


@dataclass(frozen=True)
class Served:
    """A running ``skillgap serve``: its base URL and the log it writes."""

    url: str
    log: Path


def free_port() -> int:
    """A loopback TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The real server (``python -m skillgap serve``, uvicorn) on a free loopback port, with
    documents limited to 2 MiB (max_body 5 MiB); stopped after the module's tests."""
    pytest.importorskip("uvicorn", reason="the serve extra is not installed")
    folder = tmp_path_factory.mktemp("served")
    port = free_port()
    log = folder / "serve.log"
    env = {**os.environ, "SKILLGAP_MAX_BYTES": str(2 << 20)}
    env.pop("SKILLGAP_TOKEN", None)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "skillgap", "serve", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=folder,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"skillgap serve exited {process.returncode}: {log.read_text()}")
            try:
                with urllib.request.urlopen(url + "/v1/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"skillgap serve did not answer within 60 s: {log.read_text()}")
            time.sleep(0.1)
        yield Served(url, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
