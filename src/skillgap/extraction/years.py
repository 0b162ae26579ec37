"""Years of experience stated next to a skill: "5+ years of Java", "Java (5 yrs)"."""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Doc

from skillgap.extraction.clauses import any_word, ends_clause
from skillgap.extraction.lists import list_end

WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}  # fmt: skip

YEAR_WORDS = {"year", "years", "yr", "yrs", "year's", "years'"}

YEAR_FILLER = {"of", "experience", "professional", "hands-on", "commercial", "working", "with",
               "in", "using", "programming", "development", "developing", "building", "writing",
               "production", "industry", "relevant", "solid", "strong", "backend", "software",
               "engineering", "exp", "experience:", "the", "a", "an", "plus", "minimum", "at",
               "least", "over", "more", "than"}  # fmt: skip

_AFTER_YEARS = re.compile(r"^\s*[(\-–:,]?\s*(\d+(?:\.\d+)?)\s*\+?\s*(?:years?|yrs?)\b", re.I)

_AFTER_MONTHS = re.compile(r"^\s*-?\s*(?i:ex\w*)\s*-\s*(\d+)\s*(?i:months?)(?![a-z])")

FOR_YEARS_REACH = 15

_YEAR_WORD = any_word(YEAR_WORDS)  # a fast first look: most clauses state no years


def stated_years(
    doc: Doc, text: str, start: int, end: int, clause_start: int, skip: Container[int]
) -> float | None:
    """Years stated for the mention.

    After it or after the list it is in: "Java (5 yrs)", "MySQL, Replication - Experience -
    24 months", "Java developer ... for 1 year". Before it in the same sentence: "5+ years of
    Java", "3+ years of javascript, css, typescript", or a whole-sentence statement ("5 years
    of experience in backend development, with Go and REST APIs"). A years phrase followed
    directly by another skill belongs to that skill and its list only.
    """
    last = list_end(doc, end, skip)
    end_char = doc[last - 1].idx + len(doc[last - 1])
    tail = text[end_char : end_char + 40]
    match = _AFTER_YEARS.match(tail)
    if match:
        return float(match.group(1))
    match = _AFTER_MONTHS.match(tail)
    if match:
        return round(int(match.group(1)) / 12, 2)
    if not _YEAR_WORD.search(text, doc[clause_start].idx, _char_after(doc, end + FOR_YEARS_REACH)):
        return None  # no "year"/"yrs" anywhere near: the common case, decided without tokens
    later = _years_for(doc, end, skip)
    if later is not None:
        return later
    phrase = _last_years_phrase(doc, clause_start, start)
    if phrase is None:
        return None
    value, after = phrase
    index = after
    while index < start and (doc[index].lower_ in YEAR_FILLER or doc[index].is_space):
        index += 1
    if index < start and index in skip:  # the phrase names another skill first
        return value if list_end(doc, index, skip, stop=start) == start else None
    return value


def _years_for(doc: Doc, end: int, skip: Container[int]) -> float | None:
    """ "Java developer at X for 1 year": a "for N years" later in the clause."""
    words = [
        index
        for index in range(end, min(len(doc), end + FOR_YEARS_REACH))
        if not doc[index].is_space
    ]
    for position, index in enumerate(words):
        if ends_clause(doc, index) or index in skip:
            return None
        if doc[index].lower_ == "for" and position + 2 < len(words):
            value = _number(doc[words[position + 1]].lower_)
            unit = doc[words[position + 2]]
            if unit.text == "+" and position + 3 < len(words):
                unit = doc[words[position + 3]]
            if value is not None and unit.lower_ in YEAR_WORDS:
                return value
    return None


def _char_after(doc: Doc, index: int) -> int:
    """The character offset just past token ``index`` (clamped to the document)."""
    last = doc[min(index, len(doc) - 1)]
    return last.idx + len(last)


def _last_years_phrase(doc: Doc, clause_start: int, stop: int) -> tuple[float, int] | None:
    """The last "N years" / "N+ years" / "3-4 years" before ``stop``: (N, index after it)."""
    for index in range(stop - 1, clause_start, -1):
        if doc[index].lower_ not in YEAR_WORDS:
            continue
        number = index - 1
        while number > clause_start and doc[number].text in {"+", "'"}:
            number -= 1
        value = _number(doc[number].lower_)
        if value is None:
            continue
        if number - 2 >= clause_start and doc[number - 1].text in {"-", "–", "to"}:
            low = _number(doc[number - 2].lower_)
            value = low if low is not None else value
        after = index + 1
        if after < len(doc) and doc[after].text in {"'", "’"}:
            after += 1
        return value, after
    return None


def _number(word: str) -> float | None:
    if word in WORD_NUMBERS:
        return float(WORD_NUMBERS[word])
    word = word.rstrip("+")
    try:
        value = float(word)
    except ValueError:
        return None
    return value if 0 < value <= 40 else None
