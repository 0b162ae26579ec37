"""Dated roles in a résumé, so skills used in a role can accrue its duration.

A role starts at a date range ("Mar 2021 – Present", "2018 - 2021", "01/2019 to 06/2020",
"January 2013 to January 2017") and runs to the next date range or the end of its section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s*'?(?:19|20)\d\d|\d{{1,2}}\s*[/.]\s*(?:19|20)\d\d|(?:19|20)\d\d)"
# The words that end a range still open ("2021 – present").
_OPEN_ENDS = frozenset({"present", "current", "currently", "now", "today", "ongoing", "date"})
_OPEN_END = "|".join(sorted(_OPEN_ENDS, key=lambda word: (-len(word), word)))  # longest first
RANGE = re.compile(
    rf"(?<![\w/])(?P<start>{_DATE})\s*(?:-|–|—|to|until|till)\s*"
    rf"(?P<end>{_DATE}|{_OPEN_END})(?![\w/])",
    re.IGNORECASE,
)
# Every range's first date holds a year: ranges are looked for only where one stands.
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_LETTER = re.compile(r"[a-z]", re.IGNORECASE)  # what ``[a-z]*`` in _MONTH takes
# How a date of a found range is read, compiled once: each range's two dates are read.
_MONTH_WORD = re.compile(r"[a-z]{3}")
_MONTH_NUMBER = re.compile(r"(\d{1,2})\s*[/.]")


@dataclass(frozen=True)
class Role:
    """A dated span of a résumé: where its text starts and ends, and its months."""

    text: str  # the date range as written
    start: int  # character offsets of the role's text
    end: int
    first_month: int  # months since year 0, for merging overlaps
    last_month: int  # exclusive: "Jan 2018 - Jan 2021" is 36 months


def _month_index(value: str, today: date) -> int | None:
    value = value.strip().lower()
    if value in _OPEN_ENDS:
        return today.year * 12 + today.month - 1
    year_match = _YEAR.search(value)
    if not year_match:
        return None
    year = int(year_match.group(0))
    month = 1
    word = _MONTH_WORD.match(value)
    numeric = _MONTH_NUMBER.match(value)
    if word and word.group(0) in _MONTHS:
        month = _MONTHS[word.group(0)]
    elif numeric and 1 <= int(numeric.group(1)) <= 12:
        month = int(numeric.group(1))
    return year * 12 + month - 1


def ranges(text: str, start: int, end: int) -> list[re.Match[str]]:
    """What ``RANGE.finditer(text, start, end)`` gives, tried only where a year stands.

    Scanning every position of a résumé for a month name was most of this step. A range's
    first date ends in its year, and what may come before that year is fixed: a month word
    ("Mar 2021", "March '21" has no year so is no date), a month number ("01/2019"), or
    nothing. So each year gives at most three places a range can start, tried in order; a
    year right after a digit is never a first date's.
    """
    found: list[re.Match[str]] = []
    position = start
    for year in _YEAR.finditer(text, start, end):
        at = year.start()
        if at < position or (at > 0 and text[at - 1].isdecimal()):
            continue
        for candidate in sorted(_starts_before(text, at)):
            if candidate < position:
                continue
            match = RANGE.match(text, candidate, end)
            if match is not None:
                found.append(match)
                position = match.end()
                break
    return found


def _starts_before(text: str, year: int) -> set[int]:
    """Where a first date ending in the year at ``year`` can start: the year itself, the
    month number before it ("01/2019": one or two digits, a slash or dot, spaces) and the
    start of the month word before it ("Mar. 2021", "March'19": letters, a dot, spaces, an
    apostrophe). A range cannot start inside a word, so each is the start of its run."""
    starts = {year}
    index = year
    while index > 0 and text[index - 1].isspace():
        index -= 1
    if index > 0 and text[index - 1] in "/.":  # "01/2019", "06. 2020"
        digits = index - 1
        while digits > 0 and text[digits - 1].isspace():
            digits -= 1
        first = digits
        while first > 0 and digits - first < 2 and text[first - 1].isdecimal():
            first -= 1
        if first < digits:
            starts.add(first)
    index = year - 1 if year > 0 and text[year - 1] == "'" else year
    while index > 0 and text[index - 1].isspace():
        index -= 1
    if index > 0 and text[index - 1] == ".":
        index -= 1
    first = index
    while first > 0 and _MONTH_LETTER.match(text, first - 1):
        first -= 1
    if first < index:
        starts.add(first)
    return starts


def find_roles(text: str, spans: list[tuple[int, int]], today: date) -> list[Role]:
    """Dated roles inside the given ``(start, end)`` character spans (experience, projects)."""
    roles: list[Role] = []
    for span_start, span_end in spans:
        matches = ranges(text, span_start, span_end)
        for number, match in enumerate(matches):
            first = _month_index(match.group("start"), today)
            last = _month_index(match.group("end"), today)
            if first is None or last is None or last < first:
                continue
            role_end = matches[number + 1].start() if number + 1 < len(matches) else span_end
            roles.append(Role(match.group(0), match.start(), role_end, first, last))
    return roles


def merged_years(roles: list[Role]) -> float:
    """Total years covered by the roles, overlapping months counted once."""
    spans = sorted((r.first_month, max(r.last_month, r.first_month + 1)) for r in roles)
    count, reached = 0, None  # months counted, and the end of the union so far
    for first, last in spans:  # a union of intervals: each skill's roles, per profile
        if reached is not None and first < reached:
            first = reached
        if last > first:
            count += last - first
        reached = last if reached is None else max(reached, last)
    return round(count / 12, 1)
