"""Milliseconds per page of each PDF backend over the corpus résumé PDFs, and peak memory.

Run: ``python benchmarks/pdf_speed.py [FOLDER] [--repeat N]``. Each backend reads every file
``repeat`` times, round-robin with the other backend, and the median per file is kept.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from importlib.util import find_spec
from pathlib import Path

from skillgap.limits import Limits
from skillgap.pdf import pdf_text

CORPUS_PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "resumes" / "pdf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS_PDFS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.pdf"))
    backends = ["pdfminer"] + (["pdfium"] if find_spec("pypdfium2") else [])
    seconds = {backend: 0.0 for backend in backends}
    peak = dict.fromkeys(backends, 0)
    pages = 0
    for path in files:
        data = path.read_bytes()
        runs: dict[str, list[float]] = {backend: [] for backend in backends}
        for _ in range(args.repeat):
            for backend in backends:
                start = time.perf_counter()
                result = pdf_text(data, path.name, Limits(), backend=backend)
                runs[backend].append(time.perf_counter() - start)
        pages += result.pages
        for backend in backends:
            seconds[backend] += statistics.median(runs[backend])
            tracemalloc.start()
            pdf_text(data, path.name, Limits(), backend=backend)
            peak[backend] = max(peak[backend], tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
    print(f"{len(files)} PDFs, {pages} pages, median of {args.repeat} runs per file")
    for backend in backends:
        print(
            f"{backend:9} {1000 * seconds[backend] / pages:7.1f} ms/page "
            f"{len(files) / seconds[backend]:7.1f} docs/s "
            f"peak Python memory {peak[backend] / 1_048_576:5.1f} MB"
        )


if __name__ == "__main__":
    main()
