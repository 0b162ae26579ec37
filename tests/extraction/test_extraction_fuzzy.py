"""Fuzzy matching's typo buckets: what they leave out could never have scored enough."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from skillgap.extraction.fuzzy import (
    COMPOUND_CUTOFF,
    MAX_LENGTH_CHANGE,
    SCORE_CUTOFF,
    FuzzyIndex,
    _Choices,
)
from skillgap.taxonomy import Taxonomy


def _closest_word(alias: str, length: int) -> str:
    """The word of ``length`` letters nearest the alias: it cut short or with letters added."""
    return alias[:length] + "q" * (length - len(alias))


@pytest.mark.parametrize("cutoff", [SCORE_CUTOFF, COMPOUND_CUTOFF])
@pytest.mark.parametrize("size", range(6, 31))
def test_fuzzy_buckets_leave_out_only_lengths_that_cannot_reach_the_cutoff(
    cutoff: float, size: int
) -> None:
    alias = "kubernetesplatformengineering"[:size].ljust(size, "x")
    choices = _Choices({alias: "skill"}, same_start=1, cutoff=cutoff)
    for length in range(size - MAX_LENGTH_CHANGE, size + MAX_LENGTH_CHANGE + 1):
        kept = (alias[:1], length) in choices.buckets
        best = fuzz.ratio(_closest_word(alias, length), alias)
        assert kept == (best >= cutoff), (length, best)


def test_fuzzy_typos_of_words_and_compounds_still_found() -> None:
    index = FuzzyIndex(Taxonomy.default())
    for typo in ("Kuberentes", "Kubernets"):
        hit = index.lookup(typo, single_word=True)
        assert hit is not None and hit[0] == "kubernetes", typo
    [(skill_id, start, end, _)] = index.scan(["buidl", "pipelines"], [True, True], [False, False])
    assert (skill_id, start, end) == ("ci-cd", 0, 2)
