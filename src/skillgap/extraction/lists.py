"""Lists of skills ("Kafka, RabbitMQ or SQS"): a list item is a skill when a listed neighbour
is one.
"""

from __future__ import annotations

from collections.abc import Container

from skillgap.extraction.tokens import Tokens

LIST_GLUE = {",", "/", "&", "and", "or", "(", ")", "+", "-", "etc", "e.g.", "i.e.", "|", "·", "•"}


def in_skill_list(tokens: Tokens, start: int, end: int, other_mentions: Container[int]) -> bool:
    """A neighbour across list glue (",", "/", "and", "(") is another skill mention."""
    lower, space, breaks, size = tokens.folded, tokens.space, tokens.breaks, len(tokens)
    for step, edge in ((-1, start - 1), (1, end)):
        index = edge
        glue = 0
        while 0 <= index < size and glue <= 2:
            if index in other_mentions:
                return True
            if breaks[index]:
                break
            if lower[index] in LIST_GLUE or space[index]:
                glue += 1
                index += step
                continue
            break
    return False


def skills_listed_before(tokens: Tokens, start: int, other_mentions: Container[int]) -> int:
    """How many other skills a name follows in a list on its line ("Go, Node, React")."""
    members, inside, index = 0, False, start - 1
    while index >= 0 and not tokens.breaks[index]:
        if index in other_mentions:
            members += not inside
            inside = True
        elif tokens.space[index] or tokens.folded[index] in LIST_GLUE:
            inside = False
        else:
            break
        index -= 1
    return members
