"""Tag lines: a line of skill names in lower case ("python fastapi postgres k8s").

Job boards and terse résumés list a stack as lower-case tags. There the exact-case forms
("go", "rest", "r") count in any case and every name is a listed skill, because the line is
a list. A line counts only when most of its words are skill names, so prose keeps its trap
guards: "the rest of the team", "react quickly", "express delivery". A line with one name
counts when it is nothing but list glue and that name: "- and yaml" goes on a list.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate

from skillgap.extraction.tokens import Tokens

MIN_TAGS = 2  # skill names on the line
MIN_SHARE = 0.6  # of the line's words that are part of a skill name
MAX_LABEL_WORDS = 3  # a label before a colon ("Tech stack:") is not one of the line's words
LIST_WORDS = {"and", "or", "&", "etc", "plus"}  # glue between tags, not counted as words
GLUE = frozenset({*LIST_WORDS, ","})  # what makes a line with one name a list item
# Words of a sentence, never of a tag list: "java rest per node", "the rest of the team".
PROSE_WORDS = {"the", "a", "an", "of", "to", "per", "at", "in", "on", "for", "with", "by",
               "from", "is", "are", "was", "be", "you", "we", "our", "your", "it", "this",
               "that", "as", "into", "when", "if"}  # fmt: skip


def line_numbers(tokens: Tokens) -> list[int]:
    """For each token, the number of its line: the line breaks of the tokens before it."""
    return list(accumulate(tokens.breaks[:-1], initial=0)) if len(tokens) else []


def tag_lines(tokens: Tokens, lines: list[int], spans: Iterable[tuple[int, int]]) -> set[int]:
    """The numbers of the lines that are lower-case tag lines, given every match's span.

    Only the tokens of lines with a match are read (most lines name no skill at all); a line
    with one name is read only when it holds list glue.
    """
    covered = [False] * len(tokens)
    tags: dict[int, int] = {}
    for start, end in set(spans):
        if start < end:
            tags[lines[start]] = tags.get(lines[start], 0) + 1
            covered[start:end] = [True] * (end - start)
    found = set()
    for line in sorted(tags):
        first = bisect.bisect_left(lines, line)
        last = bisect.bisect_right(lines, line, first)
        if tags[line] < MIN_TAGS and GLUE.isdisjoint(tokens.lower[first:last]):
            continue
        if _is_tag_line(tokens, covered, first, last, tags[line]):
            found.add(line)
    return found


def _is_tag_line(tokens: Tokens, covered: list[bool], first: int, last: int, tags: int) -> bool:
    """Whether tokens ``first`` to ``last`` (one line with ``tags`` names) are a tag line.

    A capital or a prose word rules the line out, unless it is part of a leading label
    ("Tech Stack: ..."): the read stops as soon as no label can explain it any more.
    """
    total = hit = 0  # the line's words, and those that are part of a skill name
    noted = False  # a capital or prose word before the first colon, so far unexplained
    labelled = glued = False
    lower_text, space, punct, alpha, lowercase = (
        tokens.lower,
        tokens.space,
        tokens.punct,
        tokens.alpha,
        tokens.lowercase,
    )
    for index in range(first, last):
        lower = lower_text[index]
        if lower == ":" and not labelled:
            labelled = True
            if total <= MAX_LABEL_WORDS and not hit:  # "Stack: ruby, rails, ..."
                total = 0
                noted = False
            elif noted:
                return False
            continue
        prose = lower in PROSE_WORDS
        if lower in GLUE:
            glued = True
        if not (
            space[index]
            or punct[index]
            or lower in LIST_WORDS
            or (not alpha[index] and not any(char.isalnum() for char in lower))  # "`"
        ):
            prose = prose or (alpha[index] and not lowercase[index])
            total += 1
            hit += covered[index]
        if prose:
            if labelled:
                return False
            noted = True
        if noted and (total > MAX_LABEL_WORDS or hit):
            return False  # too late for a label to explain it
    if noted:
        return False
    return (tags >= MIN_TAGS and hit >= MIN_SHARE * total) or (glued and tags == 1 and hit == total)
