"""Rank many résumés against one job: one row per file, scored in parallel, streamed to disk.

A hiring pipeline runs this unattended over thousands of files, so three rules hold:
a bad file becomes a row with an ``error`` and the batch goes on; every finished row is written
to the output at once, so an interrupted run keeps its work and ``--resume`` skips it; and the
analyzer is built once per worker process, never per file.
"""

from __future__ import annotations

import concurrent.futures as cf
import csv
import io
import json
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from pydantic import BaseModel, ValidationError

from skillgap.errors import SkillgapError
from skillgap.models import Profile

if TYPE_CHECKING:
    from skillgap.analyzer import Analyzer

RankFormat = Literal["text", "json", "jsonl", "csv"]
CSV_COLUMNS = ["rank", "file", "score", "missing_required", "error", "job"]
LIST_SEPARATOR = "; "  # joins skill names inside one CSV cell
IN_FLIGHT_PER_WORKER = 4  # files queued per worker: keeps workers busy, memory flat


class RankRow(BaseModel):
    """The result for one résumé file; ``error`` is set (and ``score`` is not) when unread."""

    rank: int | None = None
    file: str
    score: int | None = None
    missing_required: list[str] = []
    error: str | None = None
    job: str = ""


def score_file(
    analyzer: Analyzer, job: Profile, path: str | Path, top_missing: int = 5, redact: bool = False
) -> RankRow:
    """Compare one résumé file with an analysed job; any failure becomes the row's error."""
    shown = str(path)
    if redact:
        from skillgap.redact import pseudonym

        shown = pseudonym(str(path))
    try:
        report = analyzer.compare(Path(path), job)
    except SkillgapError as error:
        message = str(error).replace(str(path), shown)
        return RankRow(file=shown, error=" ".join(message.split()), job=job.source)
    except Exception as error:  # one broken file must not end the batch
        message = f"{shown}: unexpected {type(error).__name__} ({error}); please report this file"
        return RankRow(file=shown, error=" ".join(message.split()), job=job.source)
    missing = [gap for gap in report.missing if gap.requirement == "required"]
    missing.sort(key=lambda gap: -len(gap.job_mentions))  # most-mentioned first; stable
    return RankRow(
        file=shown,
        score=report.score,
        missing_required=[gap.name for gap in missing[:top_missing]],
        job=job.source,
    )


def rank_rows(rows: Iterable[RankRow]) -> list[RankRow]:
    """Best score first, unread files last; equal scores share a rank (1, 2, 2, 4)."""
    ordered = sorted(rows, key=lambda row: (row.score is None, -(row.score or 0), row.file))
    ranked: list[RankRow] = []
    for position, row in enumerate(ordered, start=1):
        rank = None
        if row.score is not None:
            previous = ranked[-1] if ranked else None
            same = previous is not None and previous.score == row.score
            rank = previous.rank if same and previous else position
        ranked.append(row.model_copy(update={"rank": rank}))
    return ranked


# --- inputs -----------------------------------------------------------------------------------


def expand_inputs(items: Iterable[str], stdin: TextIO | None = None) -> list[str]:
    """Paths from arguments: files, folders (walked, hidden files skipped), globs, or ``-``.

    ``-`` reads one path per line from standard input. A name that matches nothing is kept, so
    it gets a row saying the file does not exist instead of vanishing.
    """
    found: list[str] = []
    for item in items:
        if item == "-":
            lines = (line.strip() for line in (stdin or io.StringIO()))
            found.extend(_expand_one(line) for line in lines if line)
        else:
            found.append(_expand_one(item))
    flat = [path for group in found for path in (group if isinstance(group, list) else [group])]
    return list(dict.fromkeys(flat))


def _expand_one(item: str) -> list[str] | str:
    path = Path(item)
    if path.is_dir():
        return sorted(
            str(child)
            for child in path.rglob("*")
            if child.is_file()
            and not any(part.startswith(".") for part in child.relative_to(path).parts)
        )
    if not path.exists() and any(char in item for char in "*?["):
        import glob

        matches = sorted(name for name in glob.glob(item, recursive=True) if Path(name).is_file())
        return matches or item
    return item


# --- parallel scoring -------------------------------------------------------------------------

_worker: tuple[Analyzer, Profile, int, bool] | None = None


def _init_worker(analyzer: Analyzer, job: Profile, top_missing: int, redact: bool) -> None:
    """Runs once per worker process: the analyzer arrives pickled and rebuilds its matchers."""
    global _worker
    _worker = (analyzer, job, top_missing, redact)


def _score_in_worker(path: str) -> RankRow:
    assert _worker is not None, "worker not initialised"
    analyzer, job, top_missing, redact = _worker
    return score_file(analyzer, job, path, top_missing, redact)


def score_files(
    analyzer: Analyzer,
    job: Profile,
    paths: list[str],
    *,
    jobs: int = 1,
    top_missing: int = 5,
    redact: bool = False,
) -> Iterator[RankRow]:
    """Yield one row per path, in completion order, using ``jobs`` processes.

    Workers start with ``spawn`` (safe with threads, same on every OS) and get the analyzer
    once through the pool initializer; at most a few files per worker are queued at a time.
    """
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield score_file(analyzer, job, path, top_missing, redact)
        return
    pool = cf.ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(analyzer, job, top_missing, redact),
    )
    try:
        pending: set[cf.Future[RankRow]] = set()
        queue = iter(paths)
        limit = jobs * IN_FLIGHT_PER_WORKER
        while True:
            for path in queue:
                pending.add(pool.submit(_score_in_worker, path))
                if len(pending) >= limit:
                    break
            if not pending:
                break
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                yield future.result()
    except BaseException:  # interrupted, or the consumer stopped early: drop queued files
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


# --- output -----------------------------------------------------------------------------------


def format_rows(rows: list[RankRow], fmt: RankFormat, job: str) -> str:
    """The whole ranking in one format (rows are expected ranked already)."""
    if fmt in ("jsonl", "csv"):
        header = ",".join(CSV_COLUMNS) + "\n" if fmt == "csv" else ""
        return header + _journal_lines(rows, fmt == "csv")
    if fmt == "json":
        results = [row.model_dump() for row in rows]
        return json.dumps({"job": job, "results": results}, indent=2, ensure_ascii=False) + "\n"
    return _text_table(rows, job)


def _csv_cells(row: RankRow) -> list[str]:
    return [
        "" if row.rank is None else str(row.rank),
        row.file,
        "" if row.score is None else str(row.score),
        LIST_SEPARATOR.join(row.missing_required),
        row.error or "",
        row.job,
    ]


def _text_table(rows: list[RankRow], job: str) -> str:
    from rich.markup import escape
    from rich.table import Table

    from skillgap.render import to_console

    table = Table(title=f"Ranking against {escape(job)}", title_justify="left", title_style="bold")
    for column in ("Rank", "Score", "File", "Top missing required", "Error"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            "" if row.rank is None else str(row.rank),
            "" if row.score is None else str(row.score),
            escape(row.file),
            escape(", ".join(row.missing_required)),
            escape(row.error or ""),
        )
    return to_console(table, color=False)


class RowJournal:
    """Appends each finished row to a file at once, so a killed run keeps what it finished.

    The journal is the output itself for ``jsonl`` and ``csv``, and a ``.partial.jsonl`` file
    beside it for ``text`` and ``json``, which cannot be appended to; :meth:`finish` replaces
    it with the ranked output in one atomic rename.
    """

    def __init__(self, output: Path, fmt: RankFormat) -> None:
        self.output, self.fmt = output, fmt
        self.csv = fmt == "csv"
        self.path = (
            output if fmt in ("jsonl", "csv") else output.with_name(output.name + ".partial.jsonl")
        )
        self.stream: TextIO | None = None

    def read(self) -> list[RankRow]:
        """The rows a previous run finished (for ``--resume``); a torn last line is dropped."""
        if not self.path.is_file():
            return []
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise SkillgapError(f"{self.path}: cannot read it to resume ({error})") from None
        try:
            return _parse_csv(text) if self.csv else _parse_jsonl(text)
        except (ValueError, ValidationError) as error:
            raise SkillgapError(
                f"{self.path}: not a skillgap rank {'CSV' if self.csv else 'JSONL'} output "
                f"({str(error).splitlines()[0]}); drop --resume to overwrite it"
            ) from None

    def start(self, kept: list[RankRow]) -> None:
        """Begin the journal with the rows kept from a previous run (rewritten whole)."""
        header = ",".join(CSV_COLUMNS) + "\n" if self.csv else ""
        _write_atomic(self.path, header + _journal_lines(kept, self.csv))
        self.stream = self.path.open("a", encoding="utf-8", newline="")

    def add(self, row: RankRow) -> None:
        assert self.stream is not None
        self.stream.write(_journal_lines([row], self.csv))
        self.stream.flush()

    def finish(self, rows: list[RankRow], job: str) -> None:
        """Replace the journal with the ranked output."""
        self.close()
        _write_atomic(self.output, format_rows(rows, self.fmt, job))
        if self.path != self.output:
            self.path.unlink(missing_ok=True)

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None


def _journal_lines(rows: list[RankRow], as_csv: bool) -> str:
    if not as_csv:
        return "".join(row.model_dump_json() + "\n" for row in rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(_csv_cells(row) for row in rows)
    return buffer.getvalue()


def _finished_lines(text: str) -> str:
    """Drop a last line that a killed run left half-written (no final newline)."""
    return text if text.endswith("\n") else text[: text.rfind("\n") + 1]


def _parse_jsonl(text: str) -> list[RankRow]:
    lines = _finished_lines(text).splitlines()
    return [RankRow.model_validate_json(line) for line in lines if line.strip()]


def _parse_csv(text: str) -> list[RankRow]:
    text = _finished_lines(text)
    if not text:
        return []
    reader = csv.DictReader(io.StringIO(text))
    if not set(CSV_COLUMNS[:5]) <= set(reader.fieldnames or []):
        raise ValueError(f"its header is {text.splitlines()[0]!r}")
    return [
        RankRow(
            file=record["file"],
            score=int(record["score"]) if record["score"] else None,
            missing_required=[s for s in record["missing_required"].split(LIST_SEPARATOR) if s],
            error=record["error"] or None,
            job=record.get("job") or "",
        )
        for record in reader
    ]


def _write_atomic(path: Path, content: str) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
        os.replace(temp, path)
    except OSError as error:
        raise SkillgapError(f"{path}: cannot write output ({error.strerror})") from None


# --- the whole batch --------------------------------------------------------------------------


def run_rank(
    analyzer: Analyzer,
    job: Profile,
    paths: list[str],
    *,
    output: Path | None = None,
    fmt: RankFormat = "text",
    resume: bool = False,
    jobs: int = 1,
    top_missing: int = 5,
    redact: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[RankRow]:
    """Score ``paths`` (skipping those already in ``output`` when ``resume``) and rank all rows.

    Rows stream to ``output`` as they finish; at the end it holds the ranked result. Without
    ``output`` nothing is written: the caller prints the returned rows.
    """
    journal = RowJournal(output, fmt) if output is not None else None
    kept: list[RankRow] = []
    if journal is not None and resume:
        kept = journal.read()
        other_jobs = {row.job for row in kept if row.job and row.job != job.source}
        if other_jobs:
            raise SkillgapError(
                f"{journal.path}: holds results for job {sorted(other_jobs)[0]}, not {job.source}; "
                "drop --resume to start over, or choose another --output"
            )
    if redact:
        from skillgap.redact import pseudonym

        shown = {pseudonym(path): path for path in paths}
    else:
        shown = {path: path for path in paths}
    wanted = set(shown)
    kept = [row for row in kept if row.file in wanted]
    done = {row.file for row in kept}
    todo = [path for name, path in shown.items() if name not in done]
    rows = list(kept)
    if journal is not None:
        journal.start(kept)
    try:
        if progress:
            progress(len(rows), len(paths))
        for row in score_files(
            analyzer, job, todo, jobs=jobs, top_missing=top_missing, redact=redact
        ):
            rows.append(row)
            if journal is not None:
                journal.add(row)
            if progress:
                progress(len(rows), len(paths))
    finally:
        if journal is not None:
            journal.close()
    ranked = rank_rows(rows)
    if journal is not None:
        journal.finish(ranked, job.source)
    return ranked
