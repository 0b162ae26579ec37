"""A ranking as text, JSON, JSON lines or CSV: one row per file, best first.

``rank`` has one row per résumé against one job; ``match`` one row per job ad against one
résumé. CSV joins skill names inside a cell with ``; ``. The journal that ``rank --output``
appends to is written in the same lines, so a resumed run reads what a finished one writes.

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

from skillgap.models import MatchRow, RankRow

RowFormat = Literal["text", "json", "jsonl", "csv"]
ROW_FORMATS: tuple[RowFormat, ...] = ("text", "json", "jsonl", "csv")
CSV_COLUMNS = ["rank", "file", "score", "missing_required", "error", "job"]
MATCH_COLUMNS = [
    "rank", "file", "score", "fit", "required_met", "missing_required", "start_here", "note",
    "error", "resume",
]  # fmt: skip
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


def _lead(row: RankRow | MatchRow) -> list[str]:
    """The cells every row starts with: rank, file, score."""
    return [
        "" if row.rank is None else str(row.rank),
        row.file,
        "" if row.score is None else str(row.score),
    ]


def _csv_cells(row: RankRow) -> list[str]:
    cells = [*_lead(row), LIST_SEPARATOR.join(row.missing_required), row.error or "", row.job]
    return [neutralise(cell) for cell in cells]


def _text_table(rows: list[RankRow], job: str) -> str:
    from rich.markup import escape

    def cells(row: RankRow) -> list[str]:
        rank = "" if row.rank is None else str(row.rank)
        score = "" if row.score is None else str(row.score)
        missing = ", ".join(row.missing_required)
        return [rank, score, escape(row.file), escape(missing), escape(row.error or "")]

    columns = ("Rank", "Score", "File", "Top missing required", "Error")
    return _render_table(f"Ranking against {escape(job)}", columns, [cells(r) for r in rows])


def row_lines(rows: list[RankRow], as_csv: bool) -> str:
    """Rows as JSON lines, or as CSV records without the header."""
    if not as_csv:
        return "".join(row.model_dump_json() + "\n" for row in rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(_csv_cells(row) for row in rows)
    return buffer.getvalue()


def format_match_rows(rows: list[MatchRow], fmt: RowFormat, resume: str) -> str:
    """``skillgap match`` in one format: which job ad fits the résumé best, and why."""
    if fmt == "jsonl":
        return "".join(row.model_dump_json() + "\n" for row in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(MATCH_COLUMNS)
        writer.writerows(_match_cells(row) for row in rows)
        return buffer.getvalue()
    if fmt == "json":
        results = [row.model_dump() for row in rows]
        return (
            json.dumps({"resume": resume, "results": results}, indent=2, ensure_ascii=False) + "\n"
        )
    return _match_table(rows, resume)


def _match_cells(row: MatchRow) -> list[str]:
    cells = [
        *_lead(row),
        row.fit or "",
        "" if row.required_met is None else f"{row.required_met:.3f}",
        LIST_SEPARATOR.join(row.missing_required),
        row.start_here or "",
        row.note or "",
        row.error or "",
        row.resume,
    ]
    return [neutralise(cell) for cell in cells]


def _match_table(rows: list[MatchRow], resume: str) -> str:
    from rich.markup import escape

    def cells(row: MatchRow) -> list[str]:
        if row.error:
            return ["", "", "error", escape(row.file), escape(row.error)]
        fit = row.fit or ""
        if row.required_met is not None:
            fit += f", {row.required_met:.0%}"
        why = ", ".join(row.missing_required)
        if row.start_here:
            why += f" (start: {row.start_here})" if why else f"start: {row.start_here}"
        if row.note:
            why = row.note
        rank = "" if row.rank is None else str(row.rank)
        return [rank, str(row.score), fit, escape(row.file), escape(why)]

    title = f"Which job fits {escape(resume)} best (fit: band, share of required skills met)"
    columns = ("Rank", "Score", "Fit", "Job", "Top missing required, start here")
    return _render_table(title, columns, [cells(r) for r in rows])


WHOLE_PATH = 40  # file names up to this length stay on one line; longer ones fold


def _render_table(title: str, columns: tuple[str, ...], rows: list[list[str]]) -> str:
    """A rows table: rank, score and fit never shrink; short paths stay whole, long ones fold
    (a path as wide as the page would squeeze every other column to nothing)."""
    from rich.table import Table

    from skillgap.report.text import to_console

    path = next(i for i, column in enumerate(columns) if column in ("File", "Job"))
    whole = max((len(cells[path]) for cells in rows), default=0) <= WHOLE_PATH
    table = Table(title=title, title_justify="left", title_style="bold")
    for index, column in enumerate(columns):
        keep = column in ("Rank", "Score", "Fit") or (whole and index == path)
        table.add_column(column, overflow="fold", no_wrap=keep)
    for cells in rows:
        table.add_row(*cells)
    return to_console(table, color=False)
