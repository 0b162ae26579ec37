"""The résumé files of a batch: files, folders (walked), globs, or paths on standard input."""

from __future__ import annotations

import glob
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from skillgap.ingest import SUFFIXES


def expand_inputs(
    items: Iterable[str],
    stdin: TextIO | None = None,
    *,
    skipped: list[str] | None = None,
    exclude: str | Path | None = None,
) -> list[str]:
    """Paths from arguments: files, folders (walked, hidden files skipped), globs, or ``-``.

    ``-`` reads one path per line from standard input. A walked folder gives only the
    document types skillgap reads; the other files it holds (photos, JSON) are added to
    ``skipped``, and ``exclude`` (the job ad, if it sits among the résumés) is left out. A file
    named explicitly is always taken, and a name or pattern that matches nothing is kept, so
    it gets a row saying so instead of vanishing.
    """
    found: list[str] = []
    for item in items:
        if item == "-":
            lines = (line.strip() for line in (stdin or io.StringIO()))
            for line in lines:
                if line:
                    found.extend(_expand_one(line, skipped, exclude))
        else:
            found.extend(_expand_one(item, skipped, exclude))
    return list(dict.fromkeys(found))


def _expand_one(item: str, skipped: list[str] | None, exclude: str | Path | None) -> list[str]:
    path = Path(item)
    if path.is_dir():
        return _walk(path, skipped, exclude)
    if not path.exists() and any(char in item for char in "*?["):
        matches = sorted(name for name in glob.glob(item, recursive=True) if Path(name).is_file())
        return matches or [item]
    return [item]


def _walk(folder: Path, skipped: list[str] | None, exclude: str | Path | None) -> list[str]:
    taken: list[str] = []
    for child in sorted(folder.rglob("*"), key=str):
        if any(part.startswith(".") for part in child.relative_to(folder).parts):
            continue
        if not child.is_file():
            continue
        if child.suffix.lower() not in SUFFIXES:
            if skipped is not None:
                skipped.append(str(child))
            continue
        if exclude is not None and _same_file(child, exclude):
            continue
        taken.append(str(child))
    return taken


def _same_file(path: Path, other: str | Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False
