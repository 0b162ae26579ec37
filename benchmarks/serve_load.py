"""A load check of ``skillgap serve``: N compare requests at concurrency C, on loopback only.

It starts the real server (uvicorn) on a free 127.0.0.1 port, sends ``--requests`` multipart
POSTs of examples/resume.pdf and examples/job.txt to ``/v1/compare`` from ``--concurrency``
threads (one keep-alive connection each), checks that every answer is 200 and the CLI's JSON
byte for byte, and prints p50/p95 latency and requests/s next to the CLI's per-document time
measured in the same run: a cold ``skillgap compare`` (process start, load, one comparison),
and the warm in-process ``Analyzer.compare`` (the floor a server could reach per document).

    python benchmarks/serve_load.py --requests 200 --concurrency 8
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
HOST = "127.0.0.1"  # loopback only: the check never leaves the machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def multipart(files: dict[str, Path]) -> tuple[bytes, str]:
    """A multipart/form-data body as ``curl -F name=@file`` sends it."""
    boundary = uuid.uuid4().hex
    body = b""
    for name, path in files.items():
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            ).encode()
            + path.read_bytes()
            + b"\r\n"
        )
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "skillgap", "serve", "--host", HOST, "--port", str(port)]
    process = subprocess.Popen([*command, "--workers", str(workers)], stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=1)
            connection.request("GET", "/v1/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("skillgap serve did not answer within 60 s")


def load(port: int, requests: int, concurrency: int, expected: bytes) -> tuple[list[float], float]:
    """Latencies in seconds of every request, and the wall time of all of them."""
    body, kind = multipart({"resume": EXAMPLES / "resume.pdf", "job": EXAMPLES / "job.txt"})
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            started = time.perf_counter()
            connection.request("POST", "/v1/compare", body, {"Content-Type": kind})
            answer = connection.getresponse()
            data = answer.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if answer.status != 200 or data != expected:
                    errors.append(f"{answer.status}: {data[:120]!r}")

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{len(errors)} of {requests} requests failed; first: {errors[0]}")
    return latencies, wall


def cli_seconds(runs: int) -> tuple[float, bytes]:
    """The median wall time of a cold ``skillgap compare --format json``, and its output."""
    times, output = [], b""
    command = [sys.executable, "-m", "skillgap", "compare", "resume.pdf", "job.txt", "-f", "json"]
    for _ in range(runs):
        started = time.perf_counter()
        output = subprocess.run(command, cwd=EXAMPLES, capture_output=True, check=True).stdout
        times.append(time.perf_counter() - started)
    return statistics.median(times), output


def in_process_seconds(runs: int) -> float:
    """The median time of one warm ``Analyzer.compare`` of the same pair, file reading included."""
    import skillgap

    analyzer = skillgap.Analyzer()
    analyzer.compare(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        analyzer.compare(EXAMPLES / "resume.pdf", EXAMPLES / "job.txt")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="the server's worker threads")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    cold, expected = cli_seconds(5)
    warm = in_process_seconds(20)
    port = free_port()
    server = start_server(port, args.workers)
    try:
        load(port, args.concurrency, args.concurrency, expected)  # warm-up: one per thread
        latencies, wall = load(port, args.requests, args.concurrency, expected)
    finally:
        server.terminate()
        server.wait(10)
    figures = {
        "requests": args.requests,
        "concurrency": args.concurrency,
        "server_workers": args.workers,
        "errors": 0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "requests_per_s": round(args.requests / wall, 1),
        "cli_cold_compare_ms": round(cold * 1000, 1),
        "in_process_compare_ms": round(warm * 1000, 1),
        "cores": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(
        f"{args.requests} compare requests, concurrency {args.concurrency}, "
        f"{args.workers} server workers, {os.cpu_count()} cores: no error\n"
        f"  server:  p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
        f"{figures['requests_per_s']} requests/s\n"
        f"  CLI:     {figures['cli_cold_compare_ms']} ms per document "
        f"(cold skillgap compare, = {1 / cold:.1f} documents/s)\n"
        f"  library: {figures['in_process_compare_ms']} ms per document "
        f"(warm Analyzer.compare, = {1 / warm:.1f} documents/s on one core)"
    )


if __name__ == "__main__":
    main()
