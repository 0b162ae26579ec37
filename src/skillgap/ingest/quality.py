"""The quality signal of an extraction: how much of the text the reader could trust.

Peers turn an unreadable PDF into a silent low score; skillgap reports low confidence instead,
with the reasons, so a recruiter knows to look at the file rather than at the candidate.
"""

from __future__ import annotations

import unicodedata

from skillgap.ingest.normalize import CID_GLYPH, letter_spaced_runs
from skillgap.models import Quality

LOW_UNKNOWN = 0.10  # share of unmapped glyphs above which the text is mostly guesswork
MEDIUM_UNKNOWN = 0.02
SPARSE_PAGE = 100  # characters per PDF page below which a page is mostly images
SHORT_TEXT = 200  # characters; shorter documents give little evidence either way
MANY_LETTER_SPACED = 3


def assess(
    raw: str,
    text: str,
    *,
    pages: int | None = None,
    columns: int = 1,
    backend: str | None = None,
) -> Quality:
    """Measure the raw extraction and the cleaned text; decide a confidence with reasons."""
    unknown = len(CID_GLYPH.findall(raw)) + sum(
        1 for char in CID_GLYPH.sub("", raw) if _unmapped(char)
    )
    visible = len(CID_GLYPH.sub("x", "".join(raw.split())))
    share = unknown / visible if visible else 0.0
    spaced = letter_spaced_runs(raw)
    low: list[str] = []
    medium: list[str] = []
    if share >= LOW_UNKNOWN:
        low.append(f"{share:.0%} of glyphs have no Unicode mapping")
    elif share >= MEDIUM_UNKNOWN:
        medium.append(f"{share:.0%} of glyphs have no Unicode mapping")
    if pages and len(text) / pages < SPARSE_PAGE:
        low.append(f"only {len(text) // pages} characters per page; pages may be images")
    elif len(text) < SHORT_TEXT:
        medium.append(f"short text ({len(text)} characters)")
    if spaced >= MANY_LETTER_SPACED:
        medium.append(f"{spaced} letter-spaced runs were joined")
    confidence = "low" if low else "medium" if medium else "high"
    return Quality(
        confidence=confidence,
        reasons=low + medium,
        pages=pages,
        characters=len(text),
        unknown_glyphs=round(share, 4),
        letter_spacing_collapsed=spaced,
        columns=columns,
        backend=backend,
    )


def _unmapped(char: str) -> bool:
    """Replacement characters, private-use glyphs and stray control codes."""
    if char == "\ufffd":
        return True
    category = unicodedata.category(char)
    return category == "Co" or (category == "Cc" and char not in "\n\r\t\f")
