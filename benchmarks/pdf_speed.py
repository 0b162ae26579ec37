"""PDF text extraction per page: skillgap's reader against the bare library, per backend.

skillgap adds column detection, the per-character quality check and limits; the floor is
the library's own one-call text extraction (pypdfium2 ``get_text_range`` per page, pdfminer
``extract_text``). Every file is read ``repeat`` times, interleaved with the floor, and the
median per file is kept. Each reader first reads one file untimed (the first call imports
the library, a one-off cost that is not a page's), and the two take turns to go first, so
neither is always the one reading a file fresh.

    python benchmarks/pdf_speed.py [FOLDER] [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

CORPUS_PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "resumes" / "pdf"


def _bare_pdfium(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def _bare_pdfminer(data: bytes) -> int:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data)).count("\f") or 1


def _skillgap(backend: str) -> Callable[[bytes], int]:
    from skillgap.ingest.pdf import pdf_text
    from skillgap.options import Limits

    def read(data: bytes) -> int:
        return pdf_text(data, "bench.pdf", Limits(), backend=backend).pages  # type: ignore[arg-type]

    return read


def measure(files: list[Path], repeat: int) -> dict[str, dict[str, float]]:
    """Per backend: skillgap's and the bare library's ms/page, and their ratio."""
    backends = ["pdfminer"] + (["pdfium"] if find_spec("pypdfium2") else [])
    floors = {"pdfium": _bare_pdfium, "pdfminer": _bare_pdfminer}
    results = {}
    for backend in backends:
        readers = {"skillgap": _skillgap(backend), "bare": floors[backend]}
        seconds = dict.fromkeys(readers, 0.0)
        pages = 0
        for read in readers.values():
            read(files[0].read_bytes())
        for number, path in enumerate(files):
            data = path.read_bytes()
            runs: dict[str, list[float]] = {name: [] for name in readers}
            for turn in range(repeat):
                order = list(readers.items())
                for name, read in order if (number + turn) % 2 == 0 else order[::-1]:
                    start = time.process_time()
                    count = read(data)
                    runs[name].append(time.process_time() - start)
            pages += count if backend == "pdfium" else readers["skillgap"](data)
            for name in readers:
                seconds[name] += statistics.median(runs[name])
        ms = {name: 1000 * value / pages for name, value in seconds.items()}
        results[backend] = {
            "files": len(files),
            "pages": pages,
            "skillgap_ms_per_page": round(ms["skillgap"], 2),
            "bare_ms_per_page": round(ms["bare"], 2),
            "ratio": round(ms["skillgap"] / ms["bare"], 3),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS_PDFS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for backend, figures in measure(sorted(args.folder.glob("*.pdf")), args.repeat).items():
        print(f"{backend:9} {figures}")


if __name__ == "__main__":
    main()
