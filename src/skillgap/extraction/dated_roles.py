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
_OPEN_END = r"present|current|currently|now|today|ongoing|date"
RANGE = re.compile(
    rf"(?<![\w/])(?P<start>{_DATE})\s*(?:-|–|—|to|until|till)\s*"
    rf"(?P<end>{_DATE}|{_OPEN_END})(?![\w/])",
    re.IGNORECASE,
)


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
    if re.fullmatch(_OPEN_END, value):
        return today.year * 12 + today.month - 1
    year_match = re.search(r"(19|20)\d\d", value)
    if not year_match:
        return None
    year = int(year_match.group(0))
    month = 1
    word = re.match(r"[a-z]{3}", value)
    numeric = re.match(r"(\d{1,2})\s*[/.]", value)
    if word and word.group(0) in _MONTHS:
        month = _MONTHS[word.group(0)]
    elif numeric and 1 <= int(numeric.group(1)) <= 12:
        month = int(numeric.group(1))
    return year * 12 + month - 1


def find_roles(text: str, spans: list[tuple[int, int]], today: date) -> list[Role]:
    """Dated roles inside the given ``(start, end)`` character spans (experience, projects)."""
    roles: list[Role] = []
    for span_start, span_end in spans:
        matches = list(RANGE.finditer(text, span_start, span_end))
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
