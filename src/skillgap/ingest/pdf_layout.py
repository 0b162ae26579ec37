"""Reading order of one PDF page: find a column gutter and cut the page into reading regions.

Both PDF backends hand this module the boxes of their text runs; it answers with the regions
to read, top to bottom, a two-column band left column first. It never joins a left line with
a right line, which is how peer tools scramble two-column résumés.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple


class Box(NamedTuple):
    """A rectangle in PDF coordinates (points, y grows upwards); a tuple, as a page holds
    thousands of them."""

    x0: float
    y0: float
    x1: float
    y1: float


MIN_GUTTER = 4.0  # points; narrower gaps are word spaces, not a gutter
MIN_COLUMN_LINES = 4  # text runs on each side before a gap counts as a column
MIN_DENSITY = 0.25  # a side with fewer runs than this share of the other is a margin, not a column
MAX_SPANNING = 0.15  # share of runs that may cross the gutter (titles, headers, footers)
WORD_GAP = 0.6  # share of the line height; wider gaps end a run
ALIGN = 2.0  # points; edges this close count as aligned
SEARCH = (0.12, 0.88)  # where on the page a gutter may lie, as shares of the width


def merge_runs(boxes: Iterable[tuple[float, float, float, float]]) -> list[Box]:
    """Join boxes, in content-stream order, that sit on one line with no more than a word space
    between them; PDF producers cut a line into words or even glyphs (Word does).

    ``boxes`` may be any iterable of ``(x0, y0, x1, y1)``: pdfium's reader feeds it each
    rectangle as it reads it, so no box is built for a rectangle that joins a run.
    """
    runs: list[Box] = []
    boxes = iter(boxes)
    first = next(boxes, None)
    if first is None:
        return runs
    new = tuple.__new__  # Box(...) runs the namedtuple's Python-level __new__: twice the time
    append = runs.append
    word_gap = WORD_GAP  # a local: the loop runs once per glyph on some pages
    # The run being grown, as plain floats: a page holds thousands of glyph boxes.
    x0, y0, x1, y1 = first
    for bx0, by0, bx1, by1 in boxes:
        size = y1 - y0
        if size < 1.0:
            size = 1.0
        middle = (by0 + by1) / 2
        if y0 <= middle <= y1 and -0.5 * size < bx0 - x1 < word_gap * size:
            if by0 < y0:
                y0 = by0
            if bx1 > x1:
                x1 = bx1
            if by1 > y1:
                y1 = by1
            continue
        append(new(Box, (x0, y0, x1, y1)))
        x0, y0, x1, y1 = bx0, by0, bx1, by1
    append(new(Box, (x0, y0, x1, y1)))
    return runs


def find_gutter(boxes: list[Box], width: float) -> float | None:
    """The x of the gutter between two text columns, or None for a one-column page.

    A gutter is a vertical strip that almost no text run crosses, with many runs on both
    sides at the same heights. Date margins (few runs on one side) and right-aligned dates
    on full-width lines (many crossings) are not columns: splitting them would tear a date
    from its job title.
    """
    boxes = [box for box in boxes if box.x1 - box.x0 > 0.5]
    if len(boxes) < 2 * MIN_COLUMN_LINES:
        return None
    starts = sorted([box.x0 for box in boxes])
    ends = sorted([box.x1 for box in boxes])
    most = MAX_SPANNING * len(boxes)  # crossings above this rule a candidate out
    count = len(starts)
    best: tuple[int, float, float] | None = None  # (crossings, -gap width, x)
    candidates = _candidates(ends, width)
    first = 0
    # Candidates come in groups that share the next run start to their right (``right_edge``).
    # In a group, a candidate further right leaves a narrower gap and is crossed by no more
    # runs, so the group's best is the leftmost one of its fewest crossings: a bisection
    # finds it, instead of every candidate being tried.
    while first < len(candidates):
        after = bisect_right(starts, candidates[first])
        if after == count:  # no run starts to the right of this or any later candidate
            break
        right_edge = starts[after]
        end = bisect_left(candidates, right_edge, first)
        last = end - 1  # the rightmost candidate whose gap is wide enough
        while last >= first and right_edge - candidates[last] < MIN_GUTTER:
            last -= 1
        group, first = (first, last), end
        if last < group[0]:
            continue
        # The runs starting before x are the ``after`` ones starting at or before the edge.
        fewest = after - bisect_right(ends, (candidates[last] + right_edge) / 2)
        if fewest > most:
            continue
        low, high = group[0], last
        while low < high:
            middle = (low + high) // 2
            if after - bisect_right(ends, (candidates[middle] + right_edge) / 2) > fewest:
                low = middle + 1
            else:
                high = middle
        left_edge = candidates[low]
        key = (fewest, -(right_edge - left_edge), (left_edge + right_edge) / 2)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    gutter = best[2]
    left = [box for box in boxes if box.x1 <= gutter]
    right = [box for box in boxes if box.x0 >= gutter]
    fewer, more = sorted((len(left), len(right)))
    if fewer < MIN_COLUMN_LINES or fewer < MIN_DENSITY * more:
        return None
    if _overlap(left, right) < 0.5:  # side by side, not one above the other
        return None
    if _flush_right(left) or _flush_right(right):  # a margin of dates, places or page numbers
        return None
    return gutter


def reading_regions(
    boxes: Iterable[tuple[float, float, float, float]], page: Box
) -> tuple[list[Box], int]:
    """The regions of the page in reading order, and how many columns were found (1 or 2).

    ``boxes`` are the page's text boxes ``(x0, y0, x1, y1)`` in content-stream order, in a
    list or as they are read. Each region returned is the tight bounding box of the runs it
    holds.
    """
    runs = merge_runs(boxes)
    gutter = find_gutter(runs, page.x1 - page.x0)
    if gutter is None:
        return [page], 1
    # Runs crossing the gutter (a name across the top, a footer) cut the page into bands.
    spanning = sorted((run for run in runs if run.x0 < gutter < run.x1), key=lambda r: -r.y1)
    cuts = [page.y1]
    for run in spanning:
        cuts.extend([run.y1, run.y0])
    cuts.append(page.y0)
    # A band holds the runs whose middle lies in it; a region depends on which runs, not in
    # what order, so runs sorted by their middle give each band as one slice.
    middles = sorted(((run.y0 + run.y1) / 2, number) for number, run in enumerate(runs))
    heights = [middle for middle, _ in middles]
    regions: list[Box] = []
    for top, bottom in zip(cuts, cuts[1:], strict=False):
        low, high = bisect_right(heights, bottom), bisect_right(heights, top)
        band = [runs[number] for _, number in middles[low:high]]
        if any(run.x0 < gutter < run.x1 for run in band):
            groups = [band]
        else:
            groups = [
                [run for run in band if run.x1 <= gutter],
                [run for run in band if run.x0 >= gutter],
            ]
        regions.extend(_union(group) for group in groups if group)
    return regions, 2


def _union(boxes: list[Box]) -> Box:
    x0, y0, x1, y1 = zip(*boxes, strict=True)
    return Box(min(x0), min(y0), max(x1), max(y1))


def _candidates(ends: list[float], width: float) -> list[float]:
    """Right edges of runs inside the search strip: a gutter starts where some run ends.

    ``ends`` is sorted."""
    low, high = SEARCH[0] * width, SEARCH[1] * width
    return sorted(set(ends[bisect_left(ends, low) : bisect_right(ends, high)]))


def _flush_right(boxes: list[Box]) -> bool:
    """Whether runs share their right edge but not their left one, as right-aligned dates do."""
    lefts, _, rights, _ = zip(*boxes, strict=True)
    right = max(rights) - ALIGN
    left = min(lefts) + ALIGN
    flush_right = len([x for x in rights if x >= right]) / len(boxes)
    flush_left = len([x for x in lefts if x <= left]) / len(boxes)
    return flush_right > 0.5 and flush_right > flush_left


def _overlap(left: list[Box], right: list[Box]) -> float:
    """How much the vertical extents of two groups overlap, as a share of the shorter one."""
    _, bottoms, _, tops = zip(*left, strict=True)
    left_low, left_high = min(bottoms), max(tops)
    _, bottoms, _, tops = zip(*right, strict=True)
    right_low, right_high = min(bottoms), max(tops)
    low = max(left_low, right_low)
    high = min(left_high, right_high)
    shorter = min(left_high - left_low, right_high - right_low)
    return (high - low) / shorter if shorter > 0 else 0.0
