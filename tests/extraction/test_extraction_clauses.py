"""Where clauses, scopes and sentences begin: the limits every context rule reads inside.

Each row is a small crafted text and the words that open a clause (``clause_bounds``), a scope
(``scopes``: clauses joined across dashes and Markdown emphasis) and a sentence (``barriers``).
These limits are found from the few tokens that can end one, so every kind of end is here.
"""

from __future__ import annotations

import pytest

from skillgap.extraction.clauses import clause_bounds, ends_at
from skillgap.extraction.context import sentence_ids
from skillgap.extraction.tokens import Tokens
from skillgap.extraction.words import Words, scopes

LIMITS = [
    # text, clause openers, scope openers, sentence openers
    ("Worked with\nKafka and Redis. Then Go", ["Worked", "Then"], ["Worked", "Then"],
     ["Worked", "Then"]),
    ("Kafka\nRedis", ["Kafka", "Redis"], ["Kafka", "Redis"], ["Kafka", "Redis"]),
    ("used in\nproduction", ["used"], ["used"], ["used"]),
    ("APIs,\nqueues", ["APIs"], ["APIs"], ["APIs"]),
    ("Go\n\nrust", ["Go", "rust"], ["Go", "rust"], ["Go", "rust"]),
    ("**4 years** of Go", ["*", "*"], ["*"], ["*"]),
    ("* Go\n* Rust", ["*", "Go", "*", "Rust"], ["*", "Go", "*", "Rust"], ["*", "Go", "*", "Rust"]),
    ("Kept the schema healthy — migrations, indexes. Next", ["Kept", "migrations", "Next"],
     ["Kept", "Next"], ["Kept", "Next"]),
    ("Python | Go; Rust • Java ▪ Ruby", ["Python", "Go", "Rust", "Java", "Ruby"],
     ["Python", "Go", "Rust", "Java", "Ruby"], ["Python", "Go", "Rust", "Java", "Ruby"]),
    ("- Go\n- event-driven Rust", ["-", "-"], ["-", "-"], ["-", "Go", "-", "event"]),
    ("Go * Rust", ["Go", "Rust"], ["Go", "Rust"], ["Go", "Rust"]),
    ("Go *Rust*", ["Go"], ["Go"], ["Go"]),
    ("", [], [], []),
]  # fmt: skip


def _openers(tokens: Tokens, starts: list[int]) -> list[str]:
    """The words at which a new limit begins: where each token's start changes."""
    return [
        tokens.orth[index]
        for index in range(len(tokens))
        if not tokens.space[index] and (index == 0 or starts[index] != starts[index - 1])
    ]


@pytest.mark.parametrize(("text", "clauses", "scoped", "sentences"), LIMITS)
def test_clauses_scopes_and_sentences_begin_where_a_reader_starts_one(
    analyzer, text: str, clauses: list[str], scoped: list[str], sentences: list[str]
) -> None:
    extractor = analyzer.extractor
    doc = extractor.nlp.make_doc(text)
    tokens = Tokens.of(doc)
    starts = clause_bounds(doc, tokens)
    assert starts == clause_bounds(doc)  # the arrays read here or given
    assert _openers(tokens, starts) == clauses
    # ends_at, asked token by token, agrees with the limits found in one go
    ends = {index + 1 for index in range(len(tokens) - 1) if ends_at(tokens, index)}
    assert {start for start in starts if start} == ends
    assert _openers(tokens, scopes(Words.of(doc, tokens, text), starts)) == scoped
    ids = sentence_ids(extractor.context.barriers(tokens))
    assert len(ids) == len(tokens)
    assert _openers(tokens, ids) == sentences
