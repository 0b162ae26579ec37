"""A ranking as text, JSON, JSON lines or CSV: one row per résumé file, best first.

CSV joins skill names inside a cell with ``; ``. The journal that ``rank --output`` appends to
is written in the same lines, so a resumed run reads what a finished one writes.

A CSV goes straight into spreadsheets, and a file named ``=HYPERLINK(...).pdf`` must not
become a formula there: every cell that starts like one (``= + - @``, tab, carriage return)
gets a leading ``'``, as OWASP advises; so does a cell that already starts with ``'``, which
keeps the escape reversible (:func:`unneutralise`) for ``--resume``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Literal

from skillgap.models import RankRow

RowFormat = Literal["text", "json", "jsonl", "csv"]
ROW_FORMATS: tuple[RowFormat, ...] = ("text", "json", "jsonl", "csv")
CSV_COLUMNS = ["rank", "file", "score", "missing_required", "error", "job"]
LIST_SEPARATOR = "; "  # joins skill names inside one CSV cell


def format_rows(rows: list[RankRow], fmt: RowFormat, job: str) -> str:
    """The whole ranking in one format (rows are expected ranked already)."""
    if fmt in ("jsonl", "csv"):
        header = ",".join(CSV_COLUMNS) + "\n" if fmt == "csv" else ""
        return header + row_lines(rows, fmt == "csv")
    if fmt == "json":
        results = [row.model_dump() for row in rows]
        return json.dumps({"job": job, "results": results}, indent=2, ensure_ascii=False) + "\n"
    return _text_table(rows, job)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_START = (*FORMULA_START, "'")


def neutralise(cell: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula."""
    return "'" + cell if cell.startswith(_ESCAPED_START) else cell


def unneutralise(cell: str) -> str:
    """The cell :func:`neutralise` was given."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_ESCAPED_START) else cell


def _csv_cells(row: RankRow) -> list[str]:
    cells = [
        "" if row.rank is None else str(row.rank),
        row.file,
        "" if row.score is None else str(row.score),
        LIST_SEPARATOR.join(row.missing_required),
        row.error or "",
        row.job,
    ]
    return [neutralise(cell) for cell in cells]


def _text_table(rows: list[RankRow], job: str) -> str:
    from rich.markup import escape
    from rich.table import Table

    from skillgap.report.text import to_console

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


def row_lines(rows: list[RankRow], as_csv: bool) -> str:
    """Rows as JSON lines, or as CSV records without the header."""
    if not as_csv:
        return "".join(row.model_dump_json() + "\n" for row in rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(_csv_cells(row) for row in rows)
    return buffer.getvalue()
