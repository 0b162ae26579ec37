"""Quote the lines a finding rests on: the résumé lines that hold a skill, the job line that asks.

A quote is the mention's line with whitespace collapsed, trimmed to ``width`` characters
around the mention, with the mention's place inside the quote so renderers can mark it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from skillgap.models import Mention, Quote

RESUME_WIDTH = 110
JOB_WIDTH = 160
MAX_QUOTES = 3
ELLIPSIS = "…"
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣●]\s+)?")


def quote(text: str, mention: Mention, width: int = RESUME_WIDTH) -> Quote:
    """The line around ``mention``, at most about ``width`` characters."""
    if not text or mention.end > len(text):  # a profile built without its text
        return Quote.built(
            text=mention.text, mark_start=0, mark_end=len(mention.text), section=None
        )
    line_start, line_end = _sentence_lines(text, mention)
    room = max(0, width - (mention.end - mention.start)) // 2
    left = max(line_start, mention.start - room)
    right = min(line_end, max(mention.end, left + width))
    left = max(line_start, min(mention.start, right - width))  # use the room a short tail leaves
    if left > line_start and not text[left - 1].isspace():  # cut between words, not inside one
        left = min(mention.start, _next_space(text, left, mention.start))
    if right < line_end and not text[right].isspace():
        right = max(mention.end, text.rfind(" ", mention.end, right))
    before = _collapse(text[left : mention.start], keep_end=True)
    marked = " ".join(text[mention.start : mention.end].split())
    after = _collapse(text[mention.end : right], keep_start=True)
    before = (ELLIPSIS if left > line_start else "") + _BULLET.sub("", before)
    after = after.rstrip() + (ELLIPSIS if right < line_end else "")
    return Quote.built(
        text=before + marked + after,
        mark_start=len(before),
        mark_end=len(before) + len(marked),
        section=mention.section,
    )


@lru_cache(maxsize=256)  # ``rank`` quotes the lines of one job ad once per résumé
def job_quote(text: str, mention: Mention) -> Quote:
    """The job line that asks for a skill (a quote is immutable, so reports may share it)."""
    return quote(text, mention, JOB_WIDTH)


def quotes(
    text: str, mentions: list[Mention], width: int = RESUME_WIDTH, limit: int = MAX_QUOTES
) -> list[Quote]:
    """Quotes of up to ``limit`` mentions on different lines, in document order."""
    found: list[Quote] = []
    seen: set[str] = set()
    for mention in sorted(mentions, key=lambda m: m.start):
        item = quote(text, mention, width)
        if item.text not in seen:
            seen.add(item.text)
            found.append(item)
        if len(found) == limit:
            break
    return found


def _sentence_lines(text: str, mention: Mention) -> tuple[int, int]:
    """The mention's line, joined with the lines a PDF wrapped it from or into.

    A line that starts with a lower-case letter continues the line above it.
    """
    start = text.rfind("\n", 0, mention.start) + 1
    while start > 0 and text[start : start + 1].islower():
        start = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", mention.end)
    while end != -1 and text[end + 1 : end + 2].islower():
        end = text.find("\n", end + 1)
    return start, len(text) if end == -1 else end


def _next_space(text: str, start: int, limit: int) -> int:
    found = text.find(" ", start, limit)
    return limit if found == -1 else found + 1


def _collapse(piece: str, *, keep_start: bool = False, keep_end: bool = False) -> str:
    """Collapse whitespace runs to one space, keeping a space that touches the mention."""
    words = " ".join(piece.split())
    if keep_start and piece[:1].isspace() and words:
        words = " " + words
    if keep_end and piece[-1:].isspace() and words:
        words += " "
    return words
