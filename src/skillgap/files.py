"""Writing output files: whole or not at all, so a reader never sees half a report."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from skillgap.errors import SkillgapError


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to a temporary file beside ``path``, then rename it over ``path``."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
        os.replace(temp, path)
    except OSError as error:
        raise SkillgapError(f"{path}: cannot write output ({error.strerror})") from None
