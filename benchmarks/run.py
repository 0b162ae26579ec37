"""Every speed figure of skillgap in one run, next to the targets, saved as JSON.

    python benchmarks/run.py [--repeat 5] [--rank-count 1000] [--json results.json]

Measures, in this order and on this machine:
- ``extract`` docs/s on the corpus text résumés and jobs (one process, median of repeats);
- PDF ms/page and résumés/s per backend (``pdf_speed.measure``);
- ``skillgap compare`` cold start against ``python -c "import spacy"``, interleaved runs;
- ``rank`` throughput and peak RSS with 1 and 2 processes (``rank_speed``, fresh interpreters).

The machine is shared and noisy: read the ratios, which come from the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pdf_speed  # noqa: E402
import rank_speed  # noqa: E402

CORPUS = rank_speed.CORPUS
TARGETS = {
    "extract_docs_per_s_per_core": 1000,
    "cold_start_ratio_max": 1.3,
    "pdf_fast_resumes_per_s": 50,
    "rank_peak_rss_mb_max": 300,
}


def machine() -> dict[str, object]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    ) if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_avg_1min": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "skillgap": version("skillgap"),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def extract_speed(repeat: int) -> dict[str, dict[str, float]]:
    """Median docs/s of ``Extractor.extract`` over the text résumés and the jobs, one core."""
    from skillgap.extraction import Extractor
    from skillgap.ingest import read_document

    extractor = Extractor()
    groups = {
        "resume": sorted(p for p in (CORPUS / "resumes" / "text").iterdir() if p.is_file()),
        "job": sorted((CORPUS / "jobs").glob("*.txt")),
    }
    results = {}
    for kind, paths in groups.items():
        documents = [read_document(path) for path in paths]
        for document in documents:  # warm the tokenizer cache as a batch run would
            extractor.extract(document, kind)  # type: ignore[arg-type]
        rates = []
        for _ in range(repeat):
            start = time.process_time()  # CPU time: one core, whatever else runs
            for document in documents:
                extractor.extract(document, kind)  # type: ignore[arg-type]
            rates.append(len(documents) / (time.process_time() - start))
        results[kind] = {
            "docs": len(documents),
            "mean_chars": round(sum(len(d.text) for d in documents) / len(documents)),
            "docs_per_s": round(statistics.median(rates), 1),
        }
    return results


def cold_start(repeat: int) -> dict[str, float]:
    """Wall time of one ``skillgap compare`` process against a bare ``import spacy``."""
    resume = CORPUS / "resumes" / "text" / "jsonresume_thomas-davis.txt"
    if not resume.exists():
        resume = sorted((CORPUS / "resumes" / "text").iterdir())[0]
    commands = {
        "import_spacy": [sys.executable, "-c", "import spacy"],
        "compare": [sys.executable, "-m", "skillgap", "compare", str(resume), str(rank_speed.JOB),
                    "--format", "json"],
    }  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():  # interleaved, so drift hits both alike
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    spacy_s = statistics.median(times["import_spacy"])
    compare_s = statistics.median(times["compare"])
    return {
        "import_spacy_s": round(spacy_s, 3),
        "compare_s": round(compare_s, 3),
        "ratio": round(compare_s / spacy_s, 2),
    }


def rank_speed_runs(count: int, jobs: list[int]) -> list[dict[str, object]]:
    results = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "resumes"
        folder.mkdir()
        rank_speed.make_inputs(folder, count)
        for n in jobs:
            command = [sys.executable, rank_speed.__file__, "--run", str(folder), "--jobs", str(n)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            results.append(json.loads(done.stdout))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rank-count", type=int, default=1000)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results.json"))
    args = parser.parse_args()

    results: dict[str, object] = {"machine": machine(), "targets": TARGETS}
    print(f"machine: {results['machine']}")
    extract = extract_speed(args.repeat)
    results["extract"] = extract
    for kind, figures in extract.items():
        print(f"extract {kind:6} {figures['docs_per_s']:8.1f} docs/s per core "
              f"({figures['docs']} docs, mean {figures['mean_chars']} chars)")  # fmt: skip
    pdf = pdf_speed.measure(sorted(pdf_speed.CORPUS_PDFS.glob("*.pdf")), max(1, args.repeat // 2))
    results["pdf"] = pdf
    for backend, figures in pdf.items():
        print(f"pdf     {backend:8} {figures['ms_per_page']:7.2f} ms/page "
              f"{figures['docs_per_s']:7.1f} résumés/s")  # fmt: skip
    cold = cold_start(args.repeat)
    results["cold_start"] = cold
    print(f"cold    compare {cold['compare_s']:.3f} s, import spacy {cold['import_spacy_s']:.3f} s"
          f" -> ratio {cold['ratio']:.2f}")  # fmt: skip
    rank = rank_speed_runs(args.rank_count, [1, 2])
    results["rank"] = rank
    for row in rank:
        print(f"rank    jobs={row['jobs']} {row['docs_per_s']:6.1f} docs/s, peak RSS parent "
              f"{row['peak_rss_parent_mb']} MB, worker {row['peak_rss_worker_mb']} MB "
              f"({row['docs']} docs, {row['pdfs']} PDFs, {row['errors']} bad)")  # fmt: skip
    peak_rss = max(max(r["peak_rss_parent_mb"], r["peak_rss_worker_mb"]) for r in rank)  # type: ignore[type-var]
    best_extract = min(figures["docs_per_s"] for figures in extract.values())
    checks = {
        "extract_docs_per_s_per_core": (best_extract, best_extract >= 1000),
        "compare_cold_ratio": (cold["ratio"], cold["ratio"] <= 1.3),
        "pdf_fast_resumes_per_s": (
            pdf.get("pdfium", {}).get("docs_per_s", 0.0),
            pdf.get("pdfium", {}).get("docs_per_s", 0.0) >= 50,
        ),
        "rank_peak_rss_mb": (peak_rss, peak_rss <= 300),  # type: ignore[operator]
        "rank_speedup_2_over_1": (
            round(rank[1]["docs_per_s"] / rank[0]["docs_per_s"], 2),  # type: ignore[operator]
            None,
        ),
    }
    results["checks"] = {name: {"value": v, "met": met} for name, (v, met) in checks.items()}
    results["own_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print("targets:")
    for name, (value, met) in checks.items():
        print(f"  {name:30} {value!s:>8}  {'' if met is None else ('met' if met else 'NOT MET')}")
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"saved {args.json}")


if __name__ == "__main__":
    main()
