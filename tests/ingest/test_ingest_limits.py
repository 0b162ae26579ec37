"""Hostile inputs through the real command: each ends within 10 s and 500 MB, exit 2, one line."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, make_pdf, page_bomb_pdf

MAX_SECONDS = 10
MAX_RSS_MB = 500
# Runs the CLI and writes its own peak memory (kB) to the file named in argv[1].
RUN_AND_MEASURE = """
import resource, runpy, sys
report, sys.argv = sys.argv[1], ["skillgap", *sys.argv[2:]]
try:
    runpy.run_module("skillgap", run_name="__main__")
finally:
    with open(report, "w") as out:
        out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


def _hostile_files(folder: Path) -> list[Path]:
    made = {
        "ten-thousand-pages.pdf": page_bomb_pdf(10_000),
        "deep-nesting.pdf": page_bomb_pdf(1, extra=b"[" * 100_000 + b"]" * 100_000),
        "truncated.pdf": make_pdf(2)[:400],
        "zero-byte.txt": b"",
        "binary-junk.txt": bytes(range(256)) * 4096,
        "fifty-megabytes.txt": b"Python developer. " * (50 * 1024 * 1024 // 18),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    bad = sorted((CORPUS / "resumes" / "pdf" / "bad").glob("*.pdf"))
    return [folder / name for name in made] + bad


@pytest.mark.skipif(sys.platform != "linux", reason="peak memory is read as Linux reports it")
@pytest.mark.slow
def test_hostile_inputs_end_in_bounded_time_and_memory(tmp_path: Path) -> None:
    report = tmp_path / "peak-kb"
    for path in _hostile_files(tmp_path):
        start = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", RUN_AND_MEASURE, str(report), "extract", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        elapsed = time.monotonic() - start
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2, (path.name, done.stderr)
        assert len(lines) == 1 and lines[0].startswith("skillgap: error:"), done.stderr
        assert path.name in lines[0]
        assert elapsed < MAX_SECONDS, (path.name, elapsed)
        peak_mb = int(report.read_text()) / 1024
        assert 0 < peak_mb < MAX_RSS_MB, (path.name, peak_mb)
