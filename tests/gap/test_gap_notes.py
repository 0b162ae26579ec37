"""skillgap.gap.notes: which texts read as English (the note a report shows otherwise)."""

from __future__ import annotations

import pytest

from skillgap.gap.notes import MIN_WORDS, is_english

ENGLISH = "Built the billing service in Go and ran it on Kubernetes for the whole team. " * 8
SPANISH = "Desarrollé el servicio de facturación y lo desplegué para todo el equipo. " * 8
CHINESE = "负责后端服务的设计与开发，使用Go语言和Kubernetes部署。" * 20
GREEK_LATIN = "Ανάπτυξη υπηρεσιών backend με Go και Kubernetes για την ομάδα " * 10


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (ENGLISH, True),
        (ENGLISH.replace("the", "thé"), True),  # accented Latin letters are Latin
        (SPANISH, False),  # Latin script, no English function words
        (CHINESE, False),  # mostly letters outside the Latin alphabet
        (GREEK_LATIN, False),
        (ENGLISH + CHINESE * 3, False),
        ("Go " * (MIN_WORDS - 1), True),  # too short to judge
        ("", True),
        ("2019–2023 · 12 345 ·", True),  # no letters at all
    ],
)
def test_is_english(text: str, english: bool) -> None:
    assert is_english(text) is english
