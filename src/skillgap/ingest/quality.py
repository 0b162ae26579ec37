"""The quality signal of an extraction: how much of the text the reader could trust.

Peers turn an unreadable PDF into a silent low score; skillgap reports low confidence instead,
with the reasons, so a recruiter knows to look at the file rather than at the candidate.
"""

from __future__ import annotations

import re

from skillgap.ingest.normalize import CID_GLYPH, letter_spaced_runs
from skillgap.models import Quality

LOW_UNKNOWN = 0.10  # share of unmapped glyphs above which the text is mostly guesswork
MEDIUM_UNKNOWN = 0.02
SPARSE_PAGE = 100  # characters per PDF page below which a page is mostly images
SHORT_TEXT = 200  # characters; shorter documents give little evidence either way
MANY_LETTER_SPACED = 3
# A text layer is unusable when half its glyphs have no Unicode mapping, or when fewer than
# half its visible characters are letters: a font subset without a ToUnicode map reads back
# as its glyph codes, '!"#$ %&$' (real résumés and job ads are over 80% letters).
UNUSABLE_UNKNOWN = 0.5
MIN_LETTERS = 0.5
PLAUSIBLE_BELOW = 40  # visible characters; shorter texts are too short to judge
_LETTER = re.compile(r"[^\W\d_]")
# Characters no reader maps to text: U+FFFD, private use (Unicode category Co, its ranges fixed
# by Unicode's stability policy) and control codes (Cc) but tab, line feed, form feed and
# carriage return. One class the regex engine scans: a check per character was 1 ms a page.
UNMAPPED = re.compile(
    "[\ufffd\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)


def assess(
    raw: str,
    text: str,
    *,
    pages: int | None = None,
    columns: int = 1,
    backend: str | None = None,
    unmapped: int = 0,
) -> Quality:
    """Measure the raw extraction and the cleaned text; decide a confidence with reasons.

    ``unmapped`` counts glyphs the reader itself knows have no Unicode mapping (pdfium does),
    which the text cannot show: they come out as ordinary characters.
    """
    unknown = unmapped + len(CID_GLYPH.findall(raw)) + len(UNMAPPED.findall(CID_GLYPH.sub("", raw)))
    visible = len(CID_GLYPH.sub("x", "".join(raw.split())))
    share = min(unknown / visible, 1.0) if visible else 0.0
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


def unusable(quality: Quality, text: str) -> bool:
    """Whether a PDF's text layer is glyph codes rather than words (see UNUSABLE_UNKNOWN)."""
    if quality.unknown_glyphs >= UNUSABLE_UNKNOWN:
        return True
    visible = len(text) - sum(text.count(space) for space in " \n")
    return visible >= PLAUSIBLE_BELOW and len(_LETTER.findall(text)) < MIN_LETTERS * visible
