"""The ``[[paraphrase]]`` data kind: validated like skills, and open to custom taxonomies."""

from __future__ import annotations

from pathlib import Path

import pytest

import skillgap
from skillgap.cli import main
from skillgap.errors import TaxonomyError
from skillgap.ingest import document_from_text
from skillgap.taxonomy import Taxonomy

PARTITIONING = """
[[paraphrase]]
skill = "sharding"
actions = ["partition"]
objects = ["table", "topic"]
examples = ["Partitioned the events table by month"]
counter_examples = ["Partitioned the office into quiet zones"]
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "custom.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_shipped_paraphrases_load_from_their_own_file() -> None:
    taxonomy = Taxonomy.default()
    files = {source for source, _ in taxonomy.paraphrases}
    assert files == {"paraphrases.toml"}
    assert all(record.skill in taxonomy.skills for _, record in taxonomy.paraphrases)


def test_a_custom_file_adds_paraphrases_that_extraction_uses(tmp_path: Path) -> None:
    merged = Taxonomy.default().merge(_write(tmp_path, PARTITIONING))
    assert len(merged.paraphrases) == len(Taxonomy.default().paraphrases) + 1
    analyzer = skillgap.Analyzer(merged)
    found = analyzer.extract(document_from_text("Partitioned the events table by month"))
    assert "Sharding" in {skill.name for skill in found.skills}
    shipped = skillgap.Analyzer().extract(document_from_text("Partitioned the events table"))
    assert "Sharding" not in {skill.name for skill in shipped.skills}
    other = analyzer.extract(document_from_text("Partitioned the office into quiet zones"))
    assert "Sharding" not in {skill.name for skill in other.skills}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (PARTITIONING.replace('"sharding"', '"shardingg"'), "field 'skill': unknown skill id"),
        (PARTITIONING + 'object_skills = ["nowhere"]\n', "field 'object_skills': unknown skill id"),
        (PARTITIONING + 'phrases = ["Postgres"]\n', "'Postgres' already names skill 'postgresql'"),
        (PARTITIONING.replace('examples = ["Partitioned the events table by month"]\n', ""),
         "paraphrase #1 'sharding', field 'examples'"),
        (PARTITIONING.replace('actions = ["partition"]\n', ""), "objects need actions or nouns"),
        (PARTITIONING + "max_distance = 30\n", "field 'max_distance'"),
        (PARTITIONING + "verbs = [\"split\"]\n", "field 'verbs'"),
    ],
)  # fmt: skip
def test_a_bad_paraphrase_is_refused_naming_file_and_record(
    tmp_path: Path, body: str, expected: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(TaxonomyError) as error:
        Taxonomy.default().merge(path)
    message = str(error.value)
    assert str(path) in message and expected in message


def test_taxonomy_show_names_a_skills_paraphrases(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "show", "API design"]) == 0
    shown = capsys.readouterr().out
    assert "paraphrases:" in shown and "designed and versioned" in shown.lower()
