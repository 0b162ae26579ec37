"""Throughput of ``skillgap rank``: N résumés made by repeating the corpus, 1 and 2 processes.

Prints docs/s, s/doc and peak memory (the parent's and the largest worker's) per setting.
Each setting runs in a fresh interpreter so memory figures do not mix.

    python benchmarks/rank_speed.py --count 1000 --jobs 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
JOB = CORPUS / "jobs" / "pomerium_backend-engineer.txt"


def make_inputs(folder: Path, count: int) -> list[str]:
    """``count`` links to corpus résumés (text and PDF, bad ones included), round-robin."""
    sources = sorted(p for p in (CORPUS / "resumes").rglob("*") if p.is_file())
    paths = []
    for index in range(count):
        source = sources[index % len(sources)]
        link = folder / f"{index:05d}_{source.name}"
        link.symlink_to(source)
        paths.append(str(link))
    return paths


def run_one(folder: Path, jobs: int) -> dict[str, object]:
    from skillgap import Analyzer
    from skillgap.batch import RankTask, run_rank

    paths = sorted(str(p) for p in folder.iterdir())
    pdfs = sum(p.endswith(".pdf") for p in paths)
    started = time.perf_counter()
    analyzer = Analyzer()
    job = analyzer.analyze(JOB)
    setup = time.perf_counter() - started
    rows = run_rank(
        RankTask(analyzer, job),
        paths,
        jobs=jobs,
        output=folder.parent / f"out-{jobs}.csv",
        fmt="csv",
    )
    elapsed = time.perf_counter() - started
    mb = 1024  # ru_maxrss is in KiB on Linux
    return {
        "jobs": jobs,
        "docs": len(rows),
        "pdfs": pdfs,
        "errors": sum(row.error is not None for row in rows),
        "wall_s": round(elapsed, 2),
        "setup_s": round(setup, 2),
        "docs_per_s": round(len(rows) / elapsed, 2),
        "s_per_doc": round(elapsed / len(rows), 4),
        "peak_rss_parent_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / mb),
        "peak_rss_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / mb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)  # internal: one setting
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_one(args.run, args.jobs[0])))
        return
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "resumes"
        folder.mkdir()
        make_inputs(folder, args.count)
        print(f"{args.count} résumés against {JOB.name}, {os.cpu_count()} cores")
        for jobs in args.jobs:
            command = [sys.executable, __file__, "--run", str(folder), "--jobs", str(jobs)]
            result = subprocess.run(command, capture_output=True, text=True, check=True)
            print(result.stdout.strip())


if __name__ == "__main__":
    main()
