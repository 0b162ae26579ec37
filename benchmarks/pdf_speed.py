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

from skillgap.ingest.pdf import pdf_text
from skillgap.options import Limits

CORPUS_PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "resumes" / "pdf"


def measure(files: list[Path], repeat: int) -> dict[str, dict[str, float]]:
    """Per backend: ms/page and docs/s (median of ``repeat`` runs per file), peak Python MB."""
    backends = ["pdfminer"] + (["pdfium"] if find_spec("pypdfium2") else [])
    seconds = dict.fromkeys(backends, 0.0)
    peak = dict.fromkeys(backends, 0)
    pages = 0
    for path in files:
        data = path.read_bytes()
        runs: dict[str, list[float]] = {backend: [] for backend in backends}
        for _ in range(repeat):
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
    return {
        backend: {
            "files": len(files),
            "pages": pages,
            "ms_per_page": round(1000 * seconds[backend] / pages, 2),
            "docs_per_s": round(len(files) / seconds[backend], 1),
            "peak_python_mb": round(peak[backend] / 1_048_576, 1),
        }
        for backend in backends
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS_PDFS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.pdf"))
    results = measure(files, args.repeat)
    print(f"{len(files)} PDFs, median of {args.repeat} runs per file")
    for backend, figures in results.items():
        print(f"{backend:9} {figures}")


if __name__ == "__main__":
    main()
