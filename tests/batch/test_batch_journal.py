"""The rank journal: whatever moment a run was killed at, --resume reads back every whole row.

Also the CSV cells: none of them is a spreadsheet formula, and each reads back as written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from skillgap.batch.journal import RowJournal
from skillgap.errors import SkillgapError
from skillgap.models import RankRow
from skillgap.report.rows import FORMULA_START, format_rows, neutralise, unneutralise

ROWS = [
    RankRow(file="a.txt", score=70, missing_required=["Kafka", "Go"], job="job.txt"),
    RankRow(file="line\nbreak.txt", score=40, job="job.txt"),  # a newline is legal in a name
    RankRow(file="résumé-é.txt", score=10, job="job.txt"),
    RankRow(file="=cmd.pdf", error="=cmd.pdf: not a PDF", job="job.txt"),
]


def _written(tmp_path: Path, fmt: str) -> tuple[RowJournal, bytes]:
    journal = RowJournal(tmp_path / f"out.{fmt}", fmt)  # type: ignore[arg-type]
    journal.start([])
    for row in ROWS:
        journal.add(row)
    journal.close()
    return journal, journal.path.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_journal_cut_at_any_byte_of_its_last_record_keeps_the_others(
    tmp_path: Path, fmt: str
) -> None:
    journal, data = _written(tmp_path, fmt)
    assert [row.file for row in journal.read()] == [row.file for row in ROWS]
    whole = [row.file for row in ROWS[:-1]]
    last_start = data.rstrip(b"\n").rfind(b"\n") + 1
    for cut in range(last_start, len(data) - 1):
        journal.path.write_bytes(data[:cut])
        assert [row.file for row in journal.read()] == whole, (cut, data[last_start:cut])


def test_a_csv_row_cut_inside_a_quoted_name_is_dropped(tmp_path: Path) -> None:
    journal, data = _written(tmp_path, "csv")
    cut = data.index(b'"line\n') + len(b'"line\n')  # the newline inside the quotes
    journal.path.write_bytes(data[:cut])
    assert [row.file for row in journal.read()] == ["a.txt"]


def test_a_jsonl_line_cut_inside_a_character_is_dropped(tmp_path: Path) -> None:
    journal, data = _written(tmp_path, "jsonl")
    cut = data.rindex("é".encode()) + 1  # half of a two-byte character
    journal.path.write_bytes(data[:cut])
    assert [row.file for row in journal.read()] == [row.file for row in ROWS[:2]]


@pytest.mark.parametrize(
    ("fmt", "damage", "message"),
    [
        ("csv", lambda data: data.replace(b",70,", b',"7"0,', 1), "not a skillgap rank CSV"),
        ("csv", lambda data: b"name,score\nx,1\n", "its header is"),
        ("jsonl", lambda data: b"{not json}\n" + data, "not a skillgap rank JSONL"),
        ("jsonl", lambda data: b"\xff\xfe" + data, "not UTF-8 at byte 0"),
    ],
)
def test_damage_before_the_last_record_is_one_clear_error(
    tmp_path: Path, fmt: str, damage: object, message: str
) -> None:
    journal, data = _written(tmp_path, fmt)
    journal.path.write_bytes(damage(data))  # type: ignore[operator]
    with pytest.raises(SkillgapError, match=message) as caught:
        journal.read()
    assert "out." in str(caught.value) and "--resume" in str(caught.value)


@pytest.mark.parametrize(
    "cell",
    ["=1+1", "+49 30 123", "-2+3.txt", "@SUM(A1)", "\tx", "\rx", "'quoted", "''twice", "plain", ""],
)
def test_a_csv_cell_is_never_a_formula_and_reads_back_as_written(cell: str) -> None:
    written = neutralise(cell)
    assert not written.startswith(FORMULA_START)
    assert unneutralise(written) == cell


def test_every_csv_cell_of_a_ranking_is_neutralised() -> None:
    rows = [*ROWS, RankRow(file="@SUM(A1).txt", score=5, job="+job.txt")]
    cells = [
        cell
        for row in csv.reader(io.StringIO(format_rows(rows, "csv", "+job.txt")))
        for cell in row
    ]
    assert [cell for cell in cells if cell.startswith(FORMULA_START)] == []
    assert "'=cmd.pdf" in cells and "'+job.txt" in cells and "'@SUM(A1).txt" in cells
