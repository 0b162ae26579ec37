"""Tag lines: a line of skill names in lower case ("python fastapi postgres k8s").

Job boards and terse résumés list a stack as lower-case tags. There the exact-case forms
("go", "rest", "r") count in any case and every name is a listed skill, because the line is
a list. A line counts only when most of its words are skill names, so prose keeps its trap
guards: "the rest of the team", "react quickly", "express delivery". A line with one name
counts when it is nothing but list glue and that name: "- and yaml" goes on a list.
"""

from __future__ import annotations

from collections.abc import Iterable

from skillgap.extraction.tokens import Tokens

MIN_TAGS = 2  # skill names on the line
MIN_SHARE = 0.6  # of the line's words that are part of a skill name
MAX_LABEL_WORDS = 3  # a label before a colon ("Tech stack:") is not one of the line's words
LIST_WORDS = {"and", "or", "&", "etc", "plus"}  # glue between tags, not counted as words
# Words of a sentence, never of a tag list: "java rest per node", "the rest of the team".
PROSE_WORDS = {"the", "a", "an", "of", "to", "per", "at", "in", "on", "for", "with", "by",
               "from", "is", "are", "was", "be", "you", "we", "our", "your", "it", "this",
               "that", "as", "into", "when", "if"}  # fmt: skip


def line_numbers(tokens: Tokens) -> list[int]:
    """For each token, the number of its line."""
    numbers = []
    line = 0
    for breaks in tokens.breaks:
        numbers.append(line)
        line += breaks
    return numbers


def tag_lines(tokens: Tokens, lines: list[int], spans: Iterable[tuple[int, int]]) -> set[int]:
    """The numbers of the lines that are lower-case tag lines, given every match's span."""
    covered = [False] * len(tokens)
    tags: dict[int, int] = {}
    for start, end in set(spans):
        if start < end:
            tags[lines[start]] = tags.get(lines[start], 0) + 1
            for index in range(start, end):
                covered[index] = True
    words: dict[int, list[int]] = {}  # line -> [words, covered words]
    upper: set[int] = set()  # lines that are no tag line: capitals or prose words
    before_label: set[int] = set()  # ... so far, unless a leading label explains it ("Stack:")
    labelled: set[int] = set()  # lines whose first colon has been read
    glued: set[int] = set()
    for index, lower in enumerate(tokens.lower):
        line = lines[index]
        if line not in tags:  # most lines name no skill at all
            continue
        counts = words.setdefault(line, [0, 0])
        if lower == ":" and line not in labelled:
            labelled.add(line)
            if counts[0] <= MAX_LABEL_WORDS and not counts[1]:  # "Stack: ruby, rails, ..."
                counts[0] = 0
                before_label.discard(line)
            continue
        notes = upper if line in labelled else before_label
        if lower in PROSE_WORDS:
            notes.add(line)
        if lower in LIST_WORDS or lower == ",":
            glued.add(line)
        if (
            tokens.space[index]
            or tokens.punct[index]
            or lower in LIST_WORDS
            or (not tokens.alpha[index] and not any(char.isalnum() for char in lower))  # "`"
        ):
            continue
        if tokens.alpha[index] and not tokens.lowercase[index]:
            notes.add(line)
        counts[0] += 1
        counts[1] += covered[index]
    upper |= before_label
    return {
        line
        for line, (total, hit) in words.items()
        if line not in upper
        and (
            (tags.get(line, 0) >= MIN_TAGS and hit >= MIN_SHARE * total)
            or (line in glued and tags.get(line, 0) == 1 and hit == total)
        )
    }
