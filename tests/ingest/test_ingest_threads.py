"""Reading PDFs from several threads at once, as the server's workers do (issue 16).

PDFium is not thread-safe: without the lock in :mod:`skillgap.ingest.pdf`, two threads reading
PDFs at once crash the process (a segmentation fault, no Python error). The reads run in a
child process, so a crash fails this test instead of ending the test run.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec

import pytest
from conftest import EXAMPLES

SCRIPT = """
import sys, threading
from pathlib import Path
import skillgap
analyzer = skillgap.Analyzer(options=skillgap.Options(pdf_backend=sys.argv[2]))
seen = set()  # no PDF read before the threads start: the first reads race too
def read():
    for _ in range(int(sys.argv[3])):
        seen.add(analyzer.extract(Path(sys.argv[1])).model_dump_json())
threads = [threading.Thread(target=read) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(len(seen))
"""


@pytest.mark.parametrize(
    ("backend", "rounds"),
    [
        ("pdfminer", 3),  # pure Python, and slow: a few rounds show the threads agree
        pytest.param(
            "pdfium",
            25,  # without the lock, a crash within the first few rounds
            marks=pytest.mark.skipif(not find_spec("pypdfium2"), reason="pypdfium2 not installed"),
        ),
    ],
)
def test_pdfs_read_from_four_threads_at_once_agree(backend: str, rounds: int) -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(EXAMPLES / "resume.pdf"), backend, str(rounds)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, f"the reading process died ({run.returncode}): {run.stderr[-500:]}"
    assert run.stdout.strip() == "1"  # every read of every thread gave the same profile
