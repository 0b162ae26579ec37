"""The journal of a running batch: each finished row appended at once, read back by ``--resume``.

The journal is the output itself for ``jsonl`` and ``csv``, and a ``.partial.jsonl`` file
beside it for ``text`` and ``json``, which cannot be appended to.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from skillgap.errors import SkillgapError
from skillgap.files import write_atomic
from skillgap.models import RankRow
from skillgap.report.rows import CSV_COLUMNS, LIST_SEPARATOR, RowFormat, format_rows, row_lines


class RowJournal:
    """Appends each finished row to a file at once, so a killed run keeps what it finished;
    :meth:`finish` replaces it with the ranked output in one atomic rename."""

    def __init__(self, output: Path, fmt: RowFormat) -> None:
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
        write_atomic(self.path, header + row_lines(kept, self.csv))
        self.stream = self.path.open("a", encoding="utf-8", newline="")

    def add(self, row: RankRow) -> None:
        assert self.stream is not None
        self.stream.write(row_lines([row], self.csv))
        self.stream.flush()

    def finish(self, rows: list[RankRow], job: str) -> None:
        """Replace the journal with the ranked output."""
        self.close()
        write_atomic(self.output, format_rows(rows, self.fmt, job))
        if self.path != self.output:
            self.path.unlink(missing_ok=True)

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None


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
