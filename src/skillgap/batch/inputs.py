"""The résumé files of a batch: files, folders (walked), globs, or paths on standard input."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO


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
