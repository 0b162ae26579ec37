"""``skillgap rank`` over N résumés with 1 and 2 worker processes: docs/s and peak memory.

The inputs are links to the corpus résumés (text and PDF, the unreadable ones included),
round-robin, the same files for every setting. Each run is the real command in a fresh
process, and the settings take turns (1, 2, 2, 1, ...) so that a change in the machine's load
falls on both: each figure is the median of ``repeat`` runs (three by default: the median
of two is their mean, which one disturbed run drags along). The peak memory is the largest
sum of the proportional sets (PSS: shared pages split between the processes that share them)
of the command and its workers, sampled every ``SAMPLE_EVERY`` seconds; the sum of their
resident sets (RSS), which counts a shared page once per process, is kept beside it.
``first_row_s`` is when the first row reached the output: the start-up, which no number of
processes shortens.

    python benchmarks/rank_speed.py --count 1000 --jobs 1 2 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
JOB = CORPUS / "jobs" / "pomerium_backend-engineer.txt"
# Seconds between two samples of memory and CPU. A sample reads /proc for every process and
# walks the page tables of the run's (smaps_rollup): ~11 ms of CPU with two busy workers,
# which every 100 ms took a sixth of a core from them and 3-4 % off the 2-process speed. The
# peak is the steady state of loaded workers, which lasts the whole run.
SAMPLE_EVERY = 0.5


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


def _tree_cpu_s(root: int, seen: dict[int, float]) -> None:
    """CPU seconds (user + system) so far of a process and its descendants, into ``seen``
    by pid: summed at the end, it is the work the run cost, whatever else the machine ran."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            stats[int(entry)] = fields
            children.setdefault(int(fields[1]), []).append(int(entry))
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        if pid in stats:  # fields after the name: state, ppid, ..., utime (12), stime (13)
            seen[pid] = (int(stats[pid][11]) + int(stats[pid][12])) / tick


def _tree_memory_mb(root: int) -> tuple[float, float]:
    """Resident memory of a process and all its descendants, from /proc: the sum of their
    resident sets (RSS: a page shared by several processes counts once in each) and of their
    proportional sets (PSS: a shared page is split between its processes, so the sum is the
    memory all of them hold together)."""
    rss_kb = pss_kb = 0
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss_kb += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss_kb += int(line.split()[1])
        except OSError:
            continue
    return rss_kb / 1024, pss_kb / 1024


def run_one(folder: Path, jobs: int) -> dict[str, Any]:
    output = folder.parent / f"out-{jobs}.csv"
    output.unlink(missing_ok=True)
    command = [
        sys.executable, "-m", "skillgap", "rank", str(JOB), str(folder),
        "--format", "csv", "--output", str(output), "--jobs", str(jobs),
    ]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_pss = 0.0
    first_row = None
    cpu: dict[int, float] = {}
    sampled = 0.0
    while process.poll() is None:
        now = time.perf_counter()
        if first_row is None and _has_a_row(output):
            first_row = now - started
        if now - sampled >= SAMPLE_EVERY:
            rss, pss = _tree_memory_mb(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            _tree_cpu_s(process.pid, cpu)
            sampled = now
        time.sleep(0.01 if first_row is None else 0.1)
    elapsed = time.perf_counter() - started
    docs = sum(1 for _ in output.open(encoding="utf-8")) - 1
    return {
        "jobs": jobs,
        "docs": docs,
        "wall_s": round(elapsed, 2),
        "first_row_s": round(first_row or elapsed, 2),
        "docs_per_s": round(docs / elapsed, 1),
        "peak_rss_all_mb": round(peak),
        "peak_pss_all_mb": round(peak_pss),
        "cpu_s": round(sum(cpu.values()), 2),  # sampled: each process's last half second escapes
        "exit": process.returncode,
    }


def _has_a_row(output: Path) -> bool:
    """Whether the CSV journal holds a row after its header (a cheap look at its first bytes)."""
    try:
        with output.open("rb") as stream:
            return stream.read(4096).count(b"\n") >= 2
    except OSError:
        return False


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One setting's runs as one row: medians of the times, the largest memory of any run."""
    wall = statistics.median(run["wall_s"] for run in runs)
    return {
        "jobs": runs[0]["jobs"],
        "docs": runs[0]["docs"],
        "wall_s": round(wall, 2),
        "first_row_s": round(statistics.median(run["first_row_s"] for run in runs), 2),
        "docs_per_s": round(runs[0]["docs"] / wall, 1),
        "peak_rss_all_mb": max(run["peak_rss_all_mb"] for run in runs),
        "peak_pss_all_mb": max(run["peak_pss_all_mb"] for run in runs),
        "cpu_s": round(statistics.median(run["cpu_s"] for run in runs), 2),
        "exit": runs[0]["exit"],
        "runs_docs_per_s": [run["docs_per_s"] for run in runs],
    }


def measure(count: int, jobs: list[int], repeat: int = 3) -> list[dict[str, Any]]:
    """One summary per setting, in the order of ``jobs``; the settings take turns, forwards
    then backwards (1, 2, 2, 1), so that a drift in the load weighs on each alike."""
    runs: dict[int, list[dict[str, Any]]] = {n: [] for n in jobs}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "resumes"
        folder.mkdir()
        make_inputs(folder, count)
        for turn in range(repeat):
            for n in jobs if turn % 2 == 0 else reversed(jobs):
                runs[n].append(run_one(folder, n))
    return [summary(runs[n]) for n in jobs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each setting")
    args = parser.parse_args()
    print(f"{args.count} résumés against {JOB.name}, {os.cpu_count()} cores")
    rows = measure(args.count, args.jobs, args.repeat)
    for row in rows:
        print(row)
    if len(rows) == 2:
        speedup = rows[1]["docs_per_s"] / rows[0]["docs_per_s"]
        print(f"speed-up {rows[1]['jobs']} vs {rows[0]['jobs']} processes: {speedup:.2f}")


if __name__ == "__main__":
    main()
