"""Dated roles: date ranges are tried only where a year stands, and find what scanning finds."""

from __future__ import annotations

from datetime import date

import pytest

from skillgap.extraction.dated_roles import RANGE, find_roles, ranges

TEXTS = [
    "Acme — Mar 2021 – Present\nBuilt the billing API",
    "Globex 2018 - 2021, Initech 01/2019 to 06/2020",
    "January 2013 to January 2017; Sept. 2012 until Dec '2014",
    "march2019-now and MAR 2019 — 2020 and 6 / 2019 till 2021",
    "x2019 - 2020 - 2021",  # the first date continues a word: the range starts at 2020
    "123/2019 - 2020",  # three digits are no month: the range is the years alone
    "v1.5 2019-2020 1/2019-2020/2021",
    "2019 – 2020 – 2021 – 2022",
    "ref 20192020 - 2021 and 1999 to date",
    "Janu  \n  2019 \n to \n 2020",
    "no years here at all, only Mar and Present",
    "٢٠١٩ - 2020 and 20٢٣ - present",  # other scripts' digits are digits to the pattern
    "ſep 2019 - Kelvin 2020",
]


@pytest.mark.parametrize("text", TEXTS)
def test_ranges_finds_what_scanning_every_position_finds(text: str) -> None:
    for start, end in [(0, len(text)), (1, len(text)), (0, len(text) // 2), (3, len(text) - 2)]:
        expected = [(m.span(), m.groupdict()) for m in RANGE.finditer(text, start, end)]
        assert [(m.span(), m.groupdict()) for m in ranges(text, start, end)] == expected


def test_roles_run_from_each_range_to_the_next() -> None:
    text = "Acme\nMar 2021 – Present\nGo\nGlobex\n01/2019 to 02/2021\nJava"
    roles = find_roles(text, [(0, len(text))], date(2024, 1, 15))
    assert [role.text for role in roles] == ["Mar 2021 – Present", "01/2019 to 02/2021"]
    assert roles[0].end == roles[1].start and roles[1].end == len(text)
    assert roles[1].last_month - roles[1].first_month == 25
