"""Issue 14: hostile inputs, outputs and signals through the real command, one test per defect.

Each test drives ``python -m skillgap`` in its own session under an address-space limit (a
runaway dies at 2 GB, not 24) and measures its wall time and peak memory with ``wait4``, which
also counts the worker processes it reaped. The bar for every run: no traceback, within 10 s
and 500 MB; a refused input exits 2 with exactly one ``skillgap: error:`` line naming it.
The only library use is the public API (``skillgap.extract``), for the path-or-text rule.
Generators of the hostile files are in tests/hostile_files.py; everything is built in tmp_path.

Each test began as a strict xfail reproducing one of the 13 defects of issue 14; the fixes
removed the marks (NOTES-hostile.md has the causes).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import resource
import select
import signal
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import pytest
from hostile_files import (
    FLIPPED,
    GIB,
    bitflipped_pdf,
    flate_bomb_pdf,
    job_file,
    resume_text,
    small_docx,
    text_resumes,
    unmapped_glyph_pdf,
    worker_killer,
    zip_bomb_docx,
)

import skillgap

pytestmark = [
    pytest.mark.slow,  # one CLI process per case, each bounded in time and memory
    pytest.mark.skipif(sys.platform != "linux", reason="rlimits, /proc and wait4"),
]

MAX_SECONDS = 10
MAX_RSS_MB = 500
KILL_AFTER = 12  # a run still going then is killed (and fails its time bound)
ADDRESS_SPACE = 2 * GIB  # RLIMIT_AS of each run and its workers: protects the machine
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HAS_PDFIUM = find_spec("pypdfium2") is not None
BACKENDS = [
    "pdfminer",
    pytest.param("pdfium", marks=pytest.mark.skipif(not HAS_PDFIUM, reason="no pypdfium2")),
]


# --- running the command ------------------------------------------------------------------------


@dataclass
class Run:
    """What one command did, as a user sees it, plus what it cost."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    killed: bool

    def __repr__(self) -> str:  # pytest shows this under a failed assert
        stderr = "\n    ".join(self.stderr.splitlines()[-12:])
        killed = f" (killed after {KILL_AFTER} s)" if self.killed else ""
        return (
            f"skillgap {' '.join(map(repr, self.args))}\n  exit {self.returncode}{killed}, "
            f"{self.seconds:.1f} s, {self.peak_mb:.0f} MB peak\n  stderr:\n    {stderr}"
        )

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


class Cli:
    """One ``python -m skillgap`` process in its own session (so its workers can be found).

    Standard output and error are pipes drained by threads: unlike files, pipes are not
    subject to RLIMIT_FSIZE, and the process is reaped with ``wait4`` for its resource usage.
    """

    def __init__(
        self,
        *args: str | bytes | Path,
        cwd: Path,
        env: dict[str, str] | None = None,
        stdin: int | None = subprocess.DEVNULL,
        stdout: io.BufferedWriter | None = None,
        umask: int | None = None,
        file_size: int | None = None,
    ) -> None:
        self.args = [os.fsdecode(arg) for arg in args]
        base = {key: value for key, value in os.environ.items() if not key.startswith("SKILLGAP_")}
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "skillgap", *args],
            cwd=cwd,
            env={**base, **(env or {})},
            stdin=stdin,
            stdout=stdout or subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=_limits(umask, file_size),
        )
        self.pid = self.process.pid
        self.output = {"stdout": bytearray(), "stderr": bytearray()}
        self.readers = [
            threading.Thread(target=_drain, args=(stream, self.output[name]), daemon=True)
            for name, stream in (("stdout", self.process.stdout), ("stderr", self.process.stderr))
            if stream is not None
        ]
        for reader in self.readers:
            reader.start()

    def wait(self, timeout: float = KILL_AFTER, *, clean_up: bool = True) -> Run:
        """Reap the process (killing its group after ``timeout``) and collect what it wrote.

        ``clean_up`` then kills what is left of its process group: workers a broken run left.
        """
        killed = False
        deadline = self.started + timeout
        while True:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                killed = True
                self.kill_group()
                pid, status, usage = os.wait4(self.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - self.started
        self.process.returncode = os.waitstatus_to_exitcode(status)
        if clean_up:
            self.kill_group()  # workers a broken run left behind hold the pipes open
        for reader in self.readers:
            reader.join(timeout=5 if clean_up else 0)
        return Run(
            args=self.args,
            returncode=self.process.returncode,
            stdout=self.output["stdout"].decode("utf-8", errors="replace"),
            stderr=self.output["stderr"].decode("utf-8", errors="replace"),
            seconds=seconds,
            peak_mb=usage.ru_maxrss / 1024,
            killed=killed,
        )

    def kill_group(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)


def _drain(stream: io.BufferedReader, into: bytearray) -> None:
    while chunk := stream.read1(65536):
        into += chunk
    stream.close()


def _limits(umask: int | None, file_size: int | None):  # noqa: ANN202 - a preexec_fn
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if umask is not None:
            os.umask(umask)
        if file_size is not None:  # a full disk: writes fail with EFBIG instead of a signal
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return apply


def run_cli(*args: str | bytes | Path, cwd: Path, timeout: float = KILL_AFTER, **options) -> Run:
    return Cli(*args, cwd=cwd, **options).wait(timeout)


def assert_bounded(run: Run) -> None:
    assert not run.killed, run
    assert "Traceback" not in run.stderr, run
    assert run.seconds < MAX_SECONDS, run
    assert run.peak_mb < MAX_RSS_MB, run


def assert_one_line_error(run: Run, *mentions: str) -> str:
    """Exit 2, one ``skillgap: error:`` line that names what it is about, within bounds."""
    assert_bounded(run)
    assert run.returncode == 2, run
    assert len(run.lines) == 1 and run.lines[0].startswith("skillgap: error:"), run
    for mention in mentions:
        assert mention in run.lines[0], run
    return run.lines[0]


def assert_read_or_refused(run: Run, name: str) -> None:
    """A damaged file may be read (exit 0) or refused with one line naming it; nothing else."""
    assert_bounded(run)
    if run.returncode == 0:
        assert json.loads(run.stdout)["kind"] in {"resume", "job"}, run
    else:
        assert_one_line_error(run, name)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def leftovers(folder: Path) -> list[str]:
    """Temporary files an output write left behind."""
    return sorted(path.name for path in folder.iterdir() if ".tmp" in path.name)


def _descendants(pid: int) -> set[int]:
    """Every live process below ``pid``, from /proc (children first found, then theirs)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for its new parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in {"Z", "X"}


def _kill(pids: set[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _wait_for(condition, timeout: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _workers(pid: int) -> set[int]:
    """The processes below ``pid``: its workers (forked from it, or from a fork server, which
    is there too with the resource tracker)."""
    return _descendants(pid)


@pytest.fixture
def job(tmp_path: Path) -> Path:
    return job_file(tmp_path)


# --- item 1: bit-flipped PDF through pdfminer ------------------------------------------------


@pytest.mark.parametrize("case", sorted(FLIPPED))
def test_bit_flipped_pdf_stays_within_bounds_under_pdfminer(tmp_path: Path, case: str) -> None:
    path = bitflipped_pdf(tmp_path, case)
    if path is None:
        pytest.skip("the corpus PDF the flips apply to is absent or has changed")
    run = run_cli(
        "extract", path.name, "-f", "json", cwd=tmp_path, env={"SKILLGAP_PDF_BACKEND": "pdfminer"}
    )
    assert_read_or_refused(run, path.name)


# --- item 2: one killed worker aborts the whole rank ------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("resume", [False, True], ids=["fresh", "resume"])
def test_rank_survives_a_worker_killed_mid_file(tmp_path: Path, job: Path, resume: bool) -> None:
    resumes = text_resumes(tmp_path / "cv", 20)
    killer, env = worker_killer(tmp_path / "cv")
    output = tmp_path / "ranking.csv"
    names = [str(path.relative_to(tmp_path)) for path in resumes]
    if resume:  # a previous run finished the first five files
        first = run_cli(
            "rank", job.name, *names[:5], "-f", "csv", "-o", output.name, "-j", "1", cwd=tmp_path
        )
        assert first.returncode == 0, first
    killer_name = str(killer.relative_to(tmp_path))
    args = ["rank", job.name, *names[:10], killer_name, *names[10:], "-f", "csv", "-o", output.name]
    run = run_cli(*args, "-j", "2", *(["--resume"] if resume else []), cwd=tmp_path, env=env)
    line = assert_one_line_error(run, "1 of 21")
    rows = {row["file"]: row for row in csv_rows(output.read_text(encoding="utf-8"))}
    assert sorted(rows) == sorted([*names, killer_name]), line
    assert all(rows[name]["score"] and not rows[name]["error"] for name in names)
    assert killer_name in rows[killer_name]["error"] and not rows[killer_name]["score"]


# --- item 3: a file name that is not UTF-8 -------------------------------------------------------

LATIN1_NAME = b"r\xe9sum\xe9.txt"  # "résumé.txt" as a Latin-1 system wrote it


def _latin1_resume(folder: Path) -> bytes:
    with open(os.path.join(os.fsencode(folder), LATIN1_NAME), "w", encoding="utf-8") as out:
        out.write(resume_text(7))
    (folder / "plain.txt").write_text(resume_text(3), encoding="utf-8")
    return LATIN1_NAME


def _rank_rows(path: Path, fmt: str) -> list[str]:
    """The file column of a rank output (the text table: its lines that name a résumé)."""
    text = path.read_bytes().decode("utf-8")  # reports are UTF-8 whatever the file names
    if fmt == "csv":
        return [row["file"] for row in csv_rows(text)]
    if fmt == "jsonl":
        return [json.loads(line)["file"] for line in text.splitlines()]
    if fmt == "json":
        return [row["file"] for row in json.loads(text)["results"]]
    return [line for line in text.splitlines() if "sum" in line or "plain" in line]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "text"])
def test_rank_output_and_resume_with_a_non_utf8_file_name(tmp_path: Path, job: Path, fmt: str):
    name = _latin1_resume(tmp_path)
    output = tmp_path / f"ranking.{fmt}"
    for extra in ([], ["--resume"]):
        args = ["rank", job.name, name, "plain.txt", "-f", fmt, "-o", output.name, "-j", "1"]
        run = run_cli(*args, *extra, cwd=tmp_path)
        assert_bounded(run)
        assert run.returncode == 0 and run.stderr == "", run
        files = _rank_rows(output, fmt)
        assert len(files) == 2, (extra, files)
        assert any("sum" in file for file in files), files


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_compare_output_with_a_non_utf8_file_name(tmp_path: Path, job: Path, fmt: str) -> None:
    name = _latin1_resume(tmp_path)
    output = tmp_path / f"report.{fmt}"
    run = run_cli("compare", name, job.name, "-f", fmt, "-o", output.name, cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 0 and run.stderr == "", run
    written = output.read_bytes().decode("utf-8")
    assert "sum" in (json.loads(written)["resume"] if fmt == "json" else written)


# --- item 4: decompression bombs -------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_flate_bomb_pdf_is_refused_within_bounds(tmp_path: Path, backend: str) -> None:
    path = flate_bomb_pdf(tmp_path / "flate-bomb.pdf")
    run = run_cli("extract", path.name, cwd=tmp_path, env={"SKILLGAP_PDF_BACKEND": backend})
    assert_one_line_error(run, path.name)


def test_docx_with_a_lying_zip_header_stays_within_bounds(tmp_path: Path) -> None:
    path = zip_bomb_docx(tmp_path / "zip-bomb.docx")
    run = run_cli("extract", path.name, "-f", "json", cwd=tmp_path)
    assert_read_or_refused(run, path.name)


# --- item 5: devices and pipes as input ---------------------------------------------------------


def test_device_input_is_refused_at_once(tmp_path: Path) -> None:
    run = run_cli("extract", "/dev/zero", cwd=tmp_path)
    assert_one_line_error(run, "/dev/zero")


def test_fifo_input_without_a_writer_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "resume.txt")
    # A fix may wait for a writer up to the documented time limit; 3 s keeps that in bounds.
    run = run_cli("extract", "resume.txt", cwd=tmp_path, env={"SKILLGAP_MAX_SECONDS": "3"})
    assert_one_line_error(run, "resume.txt")


# --- item 6: --output onto special files; file modes --------------------------------------------


class FifoReader:
    """Drains a FIFO opened without blocking, so a writer can open it and never stalls."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        self.data = bytearray()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._drain, daemon=True)
        self.thread.start()

    def _drain(self) -> None:
        while not self.done.is_set():
            if not select.select([self.fd], [], [], 0.05)[0]:
                continue
            chunk = os.read(self.fd, 65536)
            self.data += chunk
            if not chunk:  # no writer (yet, or any more): readable at EOF, so do not spin
                time.sleep(0.05)

    def close(self) -> bytes:
        self.done.set()
        self.thread.join()
        try:
            while chunk := os.read(self.fd, 65536):
                self.data += chunk
        except BlockingIOError:
            pass
        os.close(self.fd)
        return bytes(self.data)


def _null_device(path: Path) -> Path:
    """A character device like /dev/null, made in tmp_path (so no real /dev file is at risk)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        with path.open("wb") as probe:
            probe.write(b"x")
    except (PermissionError, OSError) as error:
        pytest.skip(f"cannot make a null device in tmp_path ({error})")
    return path


@pytest.mark.parametrize("target", ["fifo", "device", "symlink-to-device"])
def test_output_onto_a_fifo_or_device_writes_through_it(
    tmp_path: Path, job: Path, target: str
) -> None:
    (tmp_path / "cv.txt").write_text(resume_text(5), encoding="utf-8")
    reader = None
    if target == "fifo":
        output = tmp_path / "report.json"
        os.mkfifo(output)
        reader = FifoReader(output)
    elif target == "device":
        output = _null_device(tmp_path / "null")
    else:
        device = _null_device(tmp_path / "null")
        output = tmp_path / "report.json"
        output.symlink_to(device)
    try:
        run = run_cli("compare", "cv.txt", job.name, "-f", "json", "-o", output.name, cwd=tmp_path)
    finally:
        received = reader.close() if reader else b""
    assert_bounded(run)
    assert run.returncode == 0, run
    if target == "fifo":
        assert stat.S_ISFIFO(output.lstat().st_mode), "the FIFO was replaced"
        assert "score" in json.loads(received), received[:200]
    elif target == "device":
        assert stat.S_ISCHR(output.lstat().st_mode), "the device was replaced"
    else:
        assert output.is_symlink(), "the symlink was replaced"
        assert stat.S_ISCHR(output.stat().st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("umask", [0o022, 0o027])
@pytest.mark.parametrize("command", ["compare", "rank"])
def test_output_files_honour_the_umask(tmp_path: Path, job: Path, command: str, umask: int):
    (tmp_path / "cv.txt").write_text(resume_text(5), encoding="utf-8")
    if command == "compare":
        output, args = "out.json", ["compare", "cv.txt", job.name, "-f", "json"]
    else:
        output, args = "out.csv", ["rank", job.name, "cv.txt", "-f", "csv", "-j", "1"]
    run = run_cli(*args, "-o", output, cwd=tmp_path, umask=umask)
    assert_bounded(run)
    assert run.returncode == 0, run
    assert stat.S_IMODE((tmp_path / output).stat().st_mode) == 0o666 & ~umask


# --- item 7: CSV formula injection ------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.slow
def test_rank_csv_neutralises_formula_cells(tmp_path: Path) -> None:
    job_file(tmp_path, "+job.txt")
    names = ['=HYPERLINK("evil.example","cv").txt', "@SUM(A1).txt", "-2+3.txt"]
    for number, name in enumerate(names):
        (tmp_path / name).write_text(resume_text(number + 2), encoding="utf-8")
    (tmp_path / "=cmd.pdf").write_text("not a PDF at all\n", encoding="utf-8")
    names.append("=cmd.pdf")
    for extra in ([], ["--resume"]):
        args = ["rank", "-f", "csv", "-o", "out.csv", "-j", "1", *extra, "--", "+job.txt"]
        run = run_cli(*args, *names, cwd=tmp_path)  # after "--", "-2+3.txt" is a file name
        assert_one_line_error(run, "1 of 4")
        rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert [cell for cell in cells if cell.startswith(FORMULA_START)] == [], rows
        assert sorted(row[1] for row in rows[1:]) == sorted("'" + name for name in names), rows
        assert {row[5] for row in rows[1:]} == {"'+job.txt"}, rows
        assert len(rows) == 1 + len(names)  # --resume read the quoted names back, no doubles


# --- item 8: a PDF with no usable text layer --------------------------------------------------

GARBLED_LINES = [
    "Jane Doe",
    "Senior Backend Engineer, Berlin",
    "SKILLS",
    "Python, PostgreSQL, Kubernetes, Docker, Kafka, Terraform",
    "EXPERIENCE",
    "Acme Payments, Staff Engineer, 2019 - 2024",
    "Built event pipelines in Python and Kafka for card payments",
    "Ran PostgreSQL clusters on Kubernetes with Terraform and Helm",
    "EDUCATION",
    "BSc Computer Science, Technical University of Berlin",
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_pdf_without_a_usable_text_layer_is_refused(
    tmp_path: Path, job: Path, backend: str
) -> None:
    path = unmapped_glyph_pdf(tmp_path / "subset-font.pdf", GARBLED_LINES)
    backend_env = {"SKILLGAP_PDF_BACKEND": backend}
    run = run_cli("compare", path.name, job.name, cwd=tmp_path, env=backend_env)
    assert_one_line_error(run, path.name, "text layer")


def test_rank_reports_a_pdf_without_a_usable_text_layer(tmp_path: Path, job: Path) -> None:
    path = unmapped_glyph_pdf(tmp_path / "subset-font.pdf", GARBLED_LINES)
    (tmp_path / "cv.txt").write_text(resume_text(5), encoding="utf-8")
    run = run_cli("rank", job.name, "cv.txt", path.name, "-f", "csv", "-j", "1", cwd=tmp_path)
    assert_one_line_error(run, "1 of 2")
    rows = {row["file"]: row for row in csv_rows(run.stdout)}
    assert rows["cv.txt"]["score"] and not rows["cv.txt"]["error"]
    assert "text layer" in rows[path.name]["error"] and not rows[path.name]["score"], rows


# --- item 9: workers orphaned by a killed parent --------------------------------------------------


@pytest.mark.slow
def test_workers_exit_when_rank_is_killed(tmp_path: Path, job: Path) -> None:
    names = [path.name for path in text_resumes(tmp_path, 300)]
    output = tmp_path / "out.csv"
    cli = Cli("rank", job.name, *names, "-f", "csv", "-o", output.name, "-j", "2", cwd=tmp_path)
    workers: set[int] = set()

    def busy() -> bool:  # the workers have started and are scoring files
        return output.is_file() and len(output.read_text(encoding="utf-8").splitlines()) > 3

    try:
        assert _wait_for(busy, 30), "rank never wrote a row"
        workers = _workers(cli.pid)  # two workers (and a fork server, a resource tracker)
        assert len(workers) >= 2, workers
        os.kill(cli.pid, signal.SIGKILL)  # what the OOM killer or a crashed supervisor does
        survived = not _wait_for(lambda: not any(_alive(pid) for pid in workers), 5)
        cli.wait(clean_up=False)
        assert not survived, f"alive 5 s after the parent died: {sorted(filter(_alive, workers))}"
    finally:
        _kill(workers)
        cli.kill_group()


# --- item 10: torn or partial journals under --resume ---------------------------------------------


@pytest.mark.slow
def test_resume_drops_a_csv_row_torn_inside_a_quoted_name(tmp_path: Path, job: Path) -> None:
    names = ["a.txt", "line\nbreak.txt", "b.txt"]  # a newline is legal in a file name
    for number, name in enumerate(names):
        (tmp_path / name).write_text(resume_text(number + 4), encoding="utf-8")
    args = ["rank", job.name, *names, "-f", "csv", "-o", "out.csv", "-j", "1"]
    assert run_cli(*args, cwd=tmp_path).returncode == 0
    data = (tmp_path / "out.csv").read_bytes()
    torn = data[: data.index(b'"line\n') + len(b'"line\n')]  # killed mid-row, inside the quotes
    (tmp_path / "out.csv").write_bytes(torn)
    run = run_cli(*args, "--resume", cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 0, run
    files = [row["file"] for row in csv_rows((tmp_path / "out.csv").read_text(encoding="utf-8"))]
    assert sorted(files) == sorted(names)


@pytest.mark.slow
def test_resume_drops_a_jsonl_line_torn_inside_a_character(tmp_path: Path, job: Path) -> None:
    names = [f"résumé-{number}.txt" for number in range(3)]
    for number, name in enumerate(names):
        (tmp_path / name).write_text(resume_text(number + 4), encoding="utf-8")
    args = ["rank", job.name, *names, "-f", "jsonl", "-o", "out.jsonl", "-j", "1"]
    assert run_cli(*args, cwd=tmp_path).returncode == 0
    data = (tmp_path / "out.jsonl").read_bytes()
    cut = data.rindex("é".encode()) + 1  # the first byte of the last line's last "é"
    (tmp_path / "out.jsonl").write_bytes(data[:cut])
    run = run_cli(*args, "--resume", cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 0, run
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["file"] for line in lines) == sorted(names)


@pytest.mark.slow
def test_resume_keeps_rows_of_files_not_in_this_run(tmp_path: Path, job: Path) -> None:
    earlier = [path.name for path in text_resumes(tmp_path, 4, stem="first")]
    later = [path.name for path in text_resumes(tmp_path, 3, stem="second")]
    common = ["-f", "csv", "-o", "out.csv", "-j", "1"]
    assert run_cli("rank", job.name, *earlier, *common, cwd=tmp_path).returncode == 0
    before = {row["file"]: row["score"] for row in csv_rows((tmp_path / "out.csv").read_text())}
    run = run_cli("rank", job.name, *later, *common, "--resume", cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 0, run
    after = {row["file"]: row["score"] for row in csv_rows((tmp_path / "out.csv").read_text())}
    assert sorted(after) == sorted(earlier + later)
    assert {name: after[name] for name in earlier} == before


# --- item 11: links and bidi controls from résumé text in reports --------------------------------

LINKS_RESUME = (
    "Mallory Example\n\nSKILLS\nPython, PostgreSQL\n\nEXPERIENCE\n"
    "- Built Python services, see https://evil.example/pay and www.evil.example/login\n"
    '- Tuned PostgreSQL; questions to "payroll@evil.example" or ftp://evil.example/cv\n'
)


def test_markdown_report_has_no_links_from_the_resume(tmp_path: Path, job: Path) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    (tmp_path / "cv.txt").write_text(LINKS_RESUME, encoding="utf-8")
    run = run_cli("compare", "cv.txt", job.name, "-f", "markdown", cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 0, run
    assert "services, see" in run.stdout and "Tuned" in run.stdout, "the quotes are not shown"
    html = cmarkgfm.github_flavored_markdown_to_html(run.stdout)
    links = [part.split('"', 1)[0] for part in html.split('href="')[1:]]
    assert [link for link in links if "evil" in link] == []


BIDI_RESUME = (
    "Eve Example\n\nSKILLS\n\u202ePython\u202c, Docker\n\nEXPERIENCE\n"
    "- Shipped Docker images named \u202eexe.gnp\u202c and \u2067PostgreSQL\u2069 backups\n"
)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_reports_carry_no_bidi_controls(tmp_path: Path, job: Path, fmt: str) -> None:
    (tmp_path / "cv.txt").write_text(BIDI_RESUME, encoding="utf-8")
    run = run_cli("compare", "cv.txt", job.name, "-f", fmt, cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 0, run
    assert "Docker" in run.stdout
    assert [hex(ord(char)) for char in run.stdout if char in BIDI_CONTROLS] == []


def test_a_skill_wrapped_in_bidi_controls_is_extracted() -> None:
    profile = skillgap.extract(BIDI_RESUME, "resume")
    assert {"Python", "Docker", "PostgreSQL"} <= {skill.name for skill in profile.skills}


# --- item 12: failed writes, full disks, interrupts -----------------------------------------------


@pytest.mark.parametrize("command", ["compare", "rank"])
def test_output_onto_a_folder_leaves_no_temp_file(tmp_path: Path, job: Path, command: str):
    (tmp_path / "cv.txt").write_text(resume_text(5), encoding="utf-8")
    (tmp_path / "out").mkdir()
    if command == "compare":
        args = ["compare", "cv.txt", job.name, "-f", "json", "-o", "out"]
    else:
        args = ["rank", job.name, "cv.txt", "-f", "json", "-o", "out", "-j", "1"]
    run = run_cli(*args, cwd=tmp_path)
    assert_one_line_error(run, "out")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["compare", "rank"])
def test_a_full_disk_leaves_no_temp_file(tmp_path: Path, job: Path, command: str) -> None:
    (tmp_path / "cv.txt").write_text(resume_text(5), encoding="utf-8")
    if command == "compare":
        output, args = "out.json", ["compare", "cv.txt", job.name, "-f", "json"]
    else:
        output, args = "out.csv", ["rank", job.name, "cv.txt", "-f", "csv", "-j", "1"]
    # RLIMIT_FSIZE: every file this run writes is full at 60 bytes, as on a full disk
    run = run_cli(*args, "-o", output, cwd=tmp_path, file_size=60)
    assert_one_line_error(run, output)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["compare", "rank"])
def test_stdout_on_a_full_device_is_one_line(tmp_path: Path, job: Path, command: str) -> None:
    (tmp_path / "cv.txt").write_text(resume_text(5), encoding="utf-8")
    if command == "compare":
        args = ["compare", "cv.txt", job.name, "-f", "json"]
    else:
        args = ["rank", job.name, "cv.txt", "-f", "csv", "-j", "1"]
    with open("/dev/full", "wb") as full:  # ENOSPC on every write, as on a full disk
        run = run_cli(*args, cwd=tmp_path, stdout=full)
    assert_one_line_error(run)


def _interrupted(run: Run) -> None:
    assert "Traceback" not in run.stderr, run
    assert run.returncode in {130, -signal.SIGINT}, run
    assert run.lines == ["skillgap: error: interrupted"], run


def _blocked_reading_stdin(pid: int) -> bool:
    """Inside read(0, ...): /proc/PID/syscall starts with the syscall number and the fd."""
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    return len(fields) > 1 and fields[0] == "0" and int(fields[1], 16) == 0


def test_ctrl_c_gives_one_line_and_status_130(tmp_path: Path, job: Path) -> None:
    cli = Cli("compare", "-", job.name, cwd=tmp_path, stdin=subprocess.PIPE)
    try:
        assert _wait_for(lambda: _blocked_reading_stdin(cli.pid), 20), "never read stdin"
        os.killpg(cli.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
        run = cli.wait()
    finally:
        cli.process.stdin.close()
        cli.kill_group()
    _interrupted(run)


@pytest.mark.slow
def test_ctrl_c_during_rank_start_up_gives_one_line(tmp_path: Path, job: Path) -> None:
    names = [path.name for path in text_resumes(tmp_path, 20)]
    cli = Cli("rank", job.name, *names, "-f", "csv", "-o", "out.csv", "-j", "2", cwd=tmp_path)
    workers: set[int] = set()
    try:
        assert _wait_for(lambda: len(_workers(cli.pid)) >= 1, 20), "no worker started"
        workers = _workers(cli.pid)
        time.sleep(0.3)  # the first worker is importing spaCy now (it forks the other after)
        os.killpg(cli.pid, signal.SIGINT)
        run = cli.wait()
    finally:
        _kill(workers)
        cli.kill_group()
    _interrupted(run)


# --- item 13: mistyped paths -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argument", "message"),
    [("adir", "folder"), ("myresume", "no such file")],
    ids=["folder", "missing-without-suffix"],
)
def test_compare_refuses_a_folder_or_missing_path(
    tmp_path: Path, job: Path, argument: str, message: str
) -> None:
    (tmp_path / "adir").mkdir()
    run = run_cli("compare", argument, job.name, cwd=tmp_path)
    assert_one_line_error(run, argument, message)


def test_api_reads_a_long_one_line_text_as_text() -> None:
    text = "Backend engineer with Python, PostgreSQL and Kubernetes in production; " * 5
    assert "\n" not in text and len(text.encode()) > 255
    profile = skillgap.extract(text)
    assert {"Python", "PostgreSQL", "Kubernetes"} <= {skill.name for skill in profile.skills}


@pytest.mark.parametrize(
    ("source", "outcome"),
    [
        ("no-such-resume.pdf", "DocumentError"),  # a one-line str with a document suffix
        ("Skills: Python and Docker", "text"),  # names no file, no suffix: it is text
    ],
)
def test_api_path_or_text_rule(tmp_path: Path, source: str, outcome: str) -> None:
    """The rest of CONTRACT.md's rule, which holds today (kept beside the failing case)."""
    if outcome == "DocumentError":
        with pytest.raises(skillgap.DocumentError, match="no such file"):
            skillgap.extract(source)
    else:
        assert "Python" in {skill.name for skill in skillgap.extract(source).skills}
    path = tmp_path / "cv.txt"
    path.write_text(resume_text(5), encoding="utf-8")
    assert skillgap.extract(str(path)).source == str(path)  # a str naming a file is that file


def test_rank_walks_only_supported_documents(tmp_path: Path, job: Path) -> None:
    folder = tmp_path / "applicants"
    resumes = [path.name for path in text_resumes(folder, 2)]
    (folder / "notes.md").write_text(resume_text(9), encoding="utf-8")
    small_docx(folder / "word.docx", ["Backend engineer", "Skills: Python, Kafka"])
    resumes += ["notes.md", "word.docx"]
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    (folder / "answers.json").write_text('{"python": true}', encoding="utf-8")
    run = run_cli("rank", job.name, "applicants", "-f", "csv", "-j", "1", cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 0, run  # skipped files are not failures
    assert sorted(Path(row["file"]).name for row in csv_rows(run.stdout)) == sorted(resumes)
    assert "skipped" in run.stderr.lower() and "photo.jpg" in run.stderr, run


def test_rank_does_not_rank_the_job_against_itself(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    resumes = [path.name for path in text_resumes(folder, 2)]
    job_file(folder, "job-ad.txt")
    run = run_cli("rank", "inbox/job-ad.txt", "inbox", "-f", "csv", "-j", "1", cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 0, run
    assert sorted(Path(row["file"]).name for row in csv_rows(run.stdout)) == sorted(resumes)


def test_rank_glob_matching_nothing_says_so(tmp_path: Path, job: Path) -> None:
    (tmp_path / "cv").mkdir()
    run = run_cli("rank", job.name, "cv/*.pdf", "-f", "csv", "-j", "1", cwd=tmp_path)
    assert_bounded(run)
    assert run.returncode == 2, run
    said = run.stdout + run.stderr
    assert "no file matches the pattern" in said and "cv/*.pdf" in said, run
    assert "no such file" not in said, run
    assert len(run.lines) == 1 and run.lines[0].startswith("skillgap: error:"), run


# --- the whole pipeline: hostile files in one large batch; --resume after kill -9 --------------


def test_rank_over_hostile_and_ordinary_files_writes_a_row_for_each(tmp_path: Path, job: Path):
    folder = tmp_path / "cv"
    names = [str(path.relative_to(tmp_path)) for path in text_resumes(folder, 296)]
    flate_bomb_pdf(folder / "bomb.pdf")  # 2 MB that inflate to 2 GB
    killer, env = worker_killer(folder)  # its worker gets SIGKILL, as from the OOM killer
    with open(os.path.join(os.fsencode(folder), LATIN1_NAME), "w", encoding="utf-8") as out:
        out.write(resume_text(7))
    hostile: list[str | bytes] = ["cv/bomb.pdf", "/dev/zero", b"cv/" + LATIN1_NAME]
    hostile.append(str(killer.relative_to(tmp_path)))
    args = [*names[:150], *hostile, *names[150:]]
    assert len(args) == 300
    cli = Cli(
        "rank", job.name, *args, "-f", "csv", "-o", "out.csv", "-j", "2", cwd=tmp_path, env=env
    )
    run = cli.wait(timeout=180)
    assert not run.killed and "Traceback" not in run.stderr, run
    assert run.peak_mb < MAX_RSS_MB, run
    assert run.lines == [
        "skillgap: error: 3 of 300 résumé files could not be read; see their error column"
    ], run
    rows = {
        row["file"]: row for row in csv_rows((tmp_path / "out.csv").read_text(encoding="utf-8"))
    }
    assert len(rows) == 300
    errors = {name: row["error"] for name, row in rows.items() if row["error"]}
    assert sorted(errors) == sorted(["cv/bomb.pdf", "/dev/zero", "cv/kills-its-worker.txt"])
    assert "decompression bomb" in errors["cv/bomb.pdf"]
    assert "is a device" in errors["/dev/zero"]
    assert "worker process reading it died" in errors["cv/kills-its-worker.txt"]
    assert rows["cv/r\\xe9sum\\xe9.txt"]["score"]  # the non-UTF-8 name, shown escaped, scored


# Two workers write ~150 rows a second: "late" must leave rows to go after the kill lands.
@pytest.mark.parametrize("point", [1, 90, 195], ids=["starting", "midway", "late"])
def test_resume_after_kill_9_of_rank_loses_and_duplicates_nothing(
    tmp_path: Path, job: Path, point: int
) -> None:
    names = [path.name for path in text_resumes(tmp_path, 240)]
    output = tmp_path / "out.csv"
    args = ["rank", job.name, *names, "-f", "csv", "-o", output.name, "-j", "2"]
    cli = Cli(*args, cwd=tmp_path)

    def journaled() -> int:  # whole lines in the journal, the header included
        try:
            return output.read_bytes().count(b"\n")
        except OSError:
            return 0

    try:
        assert _wait_for(lambda: journaled() >= point, 60), "rank never got that far"
        os.kill(cli.pid, signal.SIGKILL)
        cli.wait(clean_up=False)
    finally:
        cli.kill_group()
    data = output.read_bytes()
    before = {row["file"]: row["score"] for row in csv_rows(data[: data.rfind(b"\n") + 1].decode())}
    assert len(before) < len(names), "the run ended before it was killed"
    run = run_cli(*args, "--resume", cwd=tmp_path, timeout=60)
    assert run.returncode == 0 and run.stderr == "", run
    after = csv_rows(output.read_text(encoding="utf-8"))
    assert sorted(row["file"] for row in after) == sorted(names)  # nothing lost, no doubles
    assert {row["file"]: row["score"] for row in after if row["file"] in before} == before
