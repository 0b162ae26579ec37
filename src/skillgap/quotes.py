"""Quote the lines a finding rests on: the résumé lines that hold a skill, the job line that asks.

A quote is the mention's line with whitespace collapsed, trimmed to ``width`` characters
around the mention, with the mention's place inside the quote so renderers can mark it.
"""

from __future__ import annotations

from skillgap.models import Mention, Quote

RESUME_WIDTH = 110
JOB_WIDTH = 160
MAX_QUOTES = 3
ELLIPSIS = "…"


def quote(text: str, mention: Mention, width: int = RESUME_WIDTH) -> Quote:
    """The line around ``mention``, at most about ``width`` characters."""
    if not text or mention.end > len(text):  # a profile built without its text
        return Quote(text=mention.text, mark_start=0, mark_end=len(mention.text))
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end == -1 else line_end
    room = max(0, width - (mention.end - mention.start)) // 2
    left = max(line_start, mention.start - room)
    right = min(line_end, max(mention.end, left + width))
    left = max(line_start, min(mention.start, right - width))  # use the room a short tail leaves
    before = _collapse(text[left : mention.start], keep_end=True)
    marked = " ".join(text[mention.start : mention.end].split())
    after = _collapse(text[mention.end : right], keep_start=True)
    before = (ELLIPSIS if left > line_start else "") + before.lstrip()
    after = after.rstrip() + (ELLIPSIS if right < line_end else "")
    return Quote(
        text=before + marked + after,
        mark_start=len(before),
        mark_end=len(before) + len(marked),
        section=mention.section,
    )


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


def _collapse(piece: str, *, keep_start: bool = False, keep_end: bool = False) -> str:
    """Collapse whitespace runs to one space, keeping a space that touches the mention."""
    words = " ".join(piece.split())
    if keep_start and piece[:1].isspace() and words:
        words = " " + words
    if keep_end and piece[-1:].isspace() and words:
        words += " "
    return words
