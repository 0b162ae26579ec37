"""The journal of a running batch: each finished row appended at once, read back by ``--resume``.

The journal is the output itself for ``jsonl`` and ``csv``, and a ``.partial.jsonl`` file
beside it for ``text`` and ``json``, which cannot be appended to. A run killed at any moment
leaves whole rows and at most one torn last record (cut inside a quoted name, or inside a
UTF-8 character); reading drops that record and keeps the rest. Every write goes through
:mod:`skillgap.files`, so a full disk is one clear error naming the output.
"""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from skillgap.errors import SkillgapError
from skillgap.files import append, display_name, open_append, write_output
from skillgap.models import RankRow
from skillgap.report.rows import (
    CSV_COLUMNS,
    LIST_SEPARATOR,
    RowFormat,
    format_rows,
    row_lines,
    unneutralise,
)


class RowJournal:
    """Appends each finished row to a file at once, so a killed run keeps what it finished;
    :meth:`finish` replaces it with the ranked output in one atomic rename."""

    def __init__(self, output: Path, fmt: RowFormat) -> None:
        self.output, self.fmt = output, fmt
        self.csv = fmt == "csv"
        self.path = (
            output if fmt in ("jsonl", "csv") else output.with_name(output.name + ".partial.jsonl")
        )
        self.stream: BinaryIO | None = None

    def read(self) -> list[RankRow]:
        """The rows a previous run finished (for ``--resume``); a torn last record is dropped."""
        if not self.path.is_file():
            return []
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise self._unreadable(error.strerror or str(error)) from None
        try:
            text = _finished(data).decode("utf-8")
        except UnicodeDecodeError as error:
            raise self._unreadable(f"not UTF-8 at byte {error.start}") from None
        try:
            return _parse_csv(text) if self.csv else _parse_jsonl(text)
        except (ValueError, ValidationError, csv.Error) as error:
            raise SkillgapError(
                f"{display_name(self.path)}: not a skillgap rank "
                f"{'CSV' if self.csv else 'JSONL'} output ({str(error).splitlines()[0]}); "
                "drop --resume to overwrite it"
            ) from None

    def _unreadable(self, reason: str) -> SkillgapError:
        return SkillgapError(
            f"{display_name(self.path)}: cannot read it to resume ({reason}); "
            "drop --resume to overwrite it"
        )

    def start(self, kept: list[RankRow]) -> None:
        """Begin the journal with the rows kept from a previous run (rewritten whole)."""
        header = ",".join(CSV_COLUMNS) + "\n" if self.csv else ""
        write_output(self.path, header + row_lines(kept, self.csv))
        self.stream = open_append(self.path)

    def add(self, row: RankRow) -> None:
        assert self.stream is not None
        append(self.stream, self.path, row_lines([row], self.csv))

    def finish(self, rows: list[RankRow], job: str) -> None:
        """Replace the journal with the ranked output."""
        self.close()
        write_output(self.output, format_rows(rows, self.fmt, job))
        if self.path != self.output:
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)

    def close(self) -> None:
        if self.stream is not None:
            with contextlib.suppress(OSError):  # a full disk was reported when it happened
                self.stream.close()
            self.stream = None


def _finished(data: bytes) -> bytes:
    """The bytes up to the last newline: a killed run's last line may be cut anywhere, even
    inside a multi-byte character, which must not make the whole file undecodable."""
    return data if data.endswith(b"\n") else data[: data.rfind(b"\n") + 1]


def _parse_jsonl(text: str) -> list[RankRow]:
    return [RankRow.model_validate_json(line) for line in text.splitlines() if line.strip()]


def _parse_csv(text: str) -> list[RankRow]:
    """Rows of a rank CSV; a last record torn inside a quoted field (a file name may hold a
    newline) or short of fields is dropped, while a broken record in the middle is an error."""
    if not text:
        return []
    records = _csv_records(text)
    header = next(records, None) or []
    if not set(CSV_COLUMNS[:5]) <= set(header):
        raise ValueError(f"its header is {text.splitlines()[0]!r}")
    index = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    rows: list[list[str]] = list(records)
    if rows and len(rows[-1]) != len(header):
        rows.pop()  # cut short by a killed run
    for number, record in enumerate(rows, start=2):
        if len(record) != len(header):
            raise ValueError(f"record {number} has {len(record)} fields, not {len(header)}")
    return [_csv_row(record, index) for record in rows]


def _csv_records(text: str):  # noqa: ANN202 - a generator of records
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        yield from reader
    except csv.Error as error:
        if "unexpected end of data" not in str(error):
            raise
        # the last record ends inside quotes: a run killed mid-row; drop it


def _csv_row(record: list[str], index: dict[str, int]) -> RankRow:
    cell = {name: unneutralise(record[at]) for name, at in index.items()}
    return RankRow(
        file=cell["file"],
        score=int(cell["score"]) if cell["score"] else None,
        missing_required=[s for s in cell["missing_required"].split(LIST_SEPARATOR) if s],
        error=cell["error"] or None,
        job=cell.get("job") or "",
    )
