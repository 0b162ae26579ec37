"""Walking over lists of skills ("Kafka, RabbitMQ or SQS"): a cue before a list qualifies
every item, and a list item is a skill when a listed neighbour is one.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc

from skillgap.extraction.clauses import MAX_REACH
from skillgap.extraction.tokens import Tokens

LIST_GLUE = {",", "/", "&", "and", "or", "(", ")", "+", "-", "etc", "e.g.", "i.e.", "|", "·", "•"}

LIST_ITEM_WORDS = 2  # unknown words allowed between commas in a list ("css", "other tools")


def skip_back(doc: Doc, index: int, clause_start: int, skip: Container[int], filler: set[str]):
    """Walk left over list material and filler words; yield each other token met."""
    while index >= clause_start:
        token = doc[index]
        if index in skip or token.lower_ in LIST_GLUE or token.is_space:
            index -= 1
            continue
        if token.lower_ in filler:
            index -= 1
            continue
        return index
    return None


def list_end(doc: Doc, index: int, skip: Container[int], stop: int | None = None) -> int:
    """Walk right over a list of skills ("Java, css, Scala and Ruby"); return where it ends."""
    limit = min(len(doc), index + MAX_REACH) if stop is None else stop
    end = index
    words = 0
    while index < limit:
        token = doc[index]
        if index in skip:
            words = 0
            end = index + 1
        elif token.lower_ in LIST_GLUE and (token.text != "-" or stop is not None):
            words = 0
        elif token.is_alpha and not token.is_space and words < LIST_ITEM_WORDS:
            words += 1
            end = index + 1
        else:
            break
        index += 1
    if stop is not None:
        return index if index == stop else end
    return end


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
