"""The shipped taxonomy's data: floor names, unique ids, steps, relations, phases, provenance
and coverage of the names real documents use."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from conftest import (
    CORPUS,
    FLOOR,
    SCRIPTS,
    SHARED,
    TAXONOMY_DIR,
    load_script,
    missing,
    needs_floor,
)

from skillgap.taxonomy import Taxonomy

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


SEEDS = SHARED / "seeds"


def test_breadth_and_every_skill_is_plannable(taxonomy: Taxonomy) -> None:
    assert len(taxonomy) >= 400
    for skill in taxonomy:
        record = skill.record
        assert len(record.steps) >= 3, skill.id
        assert record.hours and record.project and skill.resource, skill.id


@pytest.mark.parametrize(
    ("skill", "implied"),
    [
        ("django", {"python"}),
        ("spring-boot", {"spring", "java"}),
        ("gke", {"google-cloud", "kubernetes"}),
        ("aws-lambda", {"aws", "serverless"}),
        ("rabbitmq", {"message-queues"}),
        ("terraform", {"infrastructure-as-code"}),
        ("gitlab-ci", {"ci-cd"}),
        ("junit", {"unit-testing", "java"}),
        ("amazon-eks", {"aws", "kubernetes", "container-orchestration"}),
    ],
)
def test_implies_and_category_of_are_transitive(
    taxonomy: Taxonomy, skill: str, implied: set[str]
) -> None:
    assert implied <= set(taxonomy.implied_by([skill]))


def test_tools_name_the_concept_they_are_a_kind_of(taxonomy: Taxonomy) -> None:
    assert "message-queues" in taxonomy["rabbitmq"].record.category_of
    assert "infrastructure-as-code" in taxonomy["terraform"].record.category_of
    assert "ci-cd" in taxonomy["gitlab-ci"].record.category_of
    assert "unit-testing" in taxonomy["junit"].record.category_of


def test_related_strengths_grade_partial_credit(taxonomy: Taxonomy) -> None:
    assert taxonomy["mysql"].related["postgresql"] >= 0.6
    assert taxonomy["mongodb"].related["postgresql"] <= 0.3
    assert taxonomy["snowflake"].related["redshift"] > taxonomy["snowflake"].related["databricks"]


def test_prerequisites(taxonomy: Taxonomy) -> None:
    assert {"docker", "linux"} <= set(taxonomy["kubernetes"].prerequisites)
    assert "api-design" in taxonomy["graphql"].prerequisites
    assert "kubernetes" in taxonomy["istio"].prerequisites


def test_non_backend_items_sit_in_their_own_last_phase(taxonomy: Taxonomy) -> None:
    frontend = [skill for skill in taxonomy if skill.category == "frontend"]
    assert {"react", "css", "html", "android"} <= {skill.id for skill in frontend}
    assert {skill.phase for skill in frontend} == {9}
    assert "not backend" in taxonomy.categories["frontend"]


def test_english_word_names_need_context(taxonomy: Taxonomy) -> None:
    for skill_id in ("puppet", "chef", "envoy", "consul", "windows", "prefect"):
        assert taxonomy[skill_id].needs_context, skill_id


def _seed_text(source: str) -> str:
    files = list(SEEDS.glob(f"{source.removeprefix('seed-')}_*.txt"))
    assert len(files) == 1, f"no seed article for {source} in {SEEDS}"
    return files[0].read_text(encoding="utf-8", errors="replace").lower()


def _said(text: str, words: str) -> bool:
    pattern = r"(?<![a-z0-9])" + re.escape(words.lower()) + r"(s|es)?(?![a-z0-9])"
    return re.search(pattern, text) is not None


@pytest.mark.skipif(not SEEDS.is_dir(), reason=missing(SEEDS))
def test_provenance_is_checkable_against_the_seed_articles(taxonomy: Taxonomy) -> None:
    """A skill drawn from a seed article is named there (by a name, an alias or its quote)."""
    unsupported = []
    for skill in taxonomy:
        record = skill.record
        if not record.source.startswith("seed-"):
            assert record.source == "coverage", skill.id
            continue
        text = _seed_text(record.source)
        forms = [skill.name, *record.aliases, *record.cased_aliases]
        forms += [record.source_quote] if record.source_quote else []
        if not any(_said(text, form) for form in forms):
            unsupported.append(f"{skill.id} ({record.source})")
    assert unsupported == []


@needs_floor
@pytest.mark.parametrize("count", [len(FLOOR)])
def test_taxonomy_floor_file_parses(count: int) -> None:
    """Guards the floor tests: the file's format still yields its ~140 names."""
    assert count >= 140
    assert {"Python", "Node.js", "C#", "CI/CD", "Data structures and algorithms"} <= set(FLOOR)


@needs_floor
@pytest.mark.parametrize("name", FLOOR)
def test_taxonomy_holds_every_floor_name_exactly(taxonomy: Taxonomy, name: str) -> None:
    skill = taxonomy.resolve(name)
    assert skill is not None, f"{name!r} is not in the taxonomy"
    assert skill.name == name  # the display name, spelled exactly as in the floor


@pytest.mark.parametrize("folder", [TAXONOMY_DIR])
def test_taxonomy_ids_and_names_are_unique_across_files(folder: Path) -> None:
    ids: list[str] = []
    names: list[str] = []
    for file in sorted(folder.glob("*.toml")):
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        ids += [skill["id"] for skill in data.get("skill", [])]
        names += [skill["name"].lower() for skill in data.get("skill", [])]
    assert ids, "no skills found"
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


@pytest.mark.parametrize("minimum", [3])
def test_taxonomy_every_skill_has_steps(taxonomy: Taxonomy, minimum: int) -> None:
    short = [skill.id for skill in taxonomy if len(skill.steps) < minimum]
    assert not short


@pytest.mark.parametrize("field", ["implies", "related", "prerequisites"])
def test_taxonomy_relations_point_at_known_skills(taxonomy: Taxonomy, field: str) -> None:
    for skill in taxonomy:
        for target in getattr(skill, field):
            assert target in taxonomy.skills, f"{skill.id}.{field} -> {target}"
            assert target != skill.id


@pytest.mark.parametrize("field", ["aliases", "cased_aliases"])
def test_taxonomy_no_alias_names_two_skills(taxonomy: Taxonomy, field: str) -> None:
    """A surface form that named two skills would make extraction depend on load order."""
    owner: dict[str, str] = {}
    clashes = []
    for skill in taxonomy:
        forms = [skill.name, *getattr(skill.record, field)]
        for form in forms:
            key = form if field == "cased_aliases" else form.lower()
            if owner.setdefault(key, skill.id) != skill.id:
                clashes.append((form, owner[key], skill.id))
    assert not clashes


@pytest.mark.parametrize(
    ("skill", "field", "target"),
    [
        ("Django", "implies", "Python"),
        ("Spring Boot", "implies", "Spring"),
        ("Kubernetes", "prerequisites", "Docker"),
        ("MySQL", "related", "PostgreSQL"),
        ("PostgreSQL", "related", "MySQL"),
    ],
)
def test_taxonomy_relations_exist(taxonomy: Taxonomy, skill: str, field: str, target: str) -> None:
    source, wanted = taxonomy.resolve(skill), taxonomy.resolve(target)
    assert source is not None and wanted is not None
    assert wanted.id in getattr(source, field)


@pytest.mark.parametrize(
    ("held", "expected"),
    [
        (["django"], {"python": "django"}),
        (["spring-boot"], {"spring": "spring-boot", "java": "spring-boot"}),
    ],
)
def test_taxonomy_implied_by_is_transitive_and_names_the_source(
    taxonomy: Taxonomy, held: list[str], expected: dict[str, str]
) -> None:
    implied = taxonomy.implied_by(held)
    for target, source in expected.items():
        assert implied[target] == source
    assert not set(held) & set(implied)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("postgresql", "PostgreSQL"),
        ("POSTGRESQL", "PostgreSQL"),
        ("node.js", "Node.js"),
        ("x", None),
    ],
)
def test_taxonomy_resolve_by_id_or_name(
    taxonomy: Taxonomy, query: str, expected: str | None
) -> None:
    skill = taxonomy.resolve(query)
    assert (skill.name if skill else None) == expected


SCRIPT = SCRIPTS / "taxonomy_coverage.py"


GOLD = CORPUS / "gold-dev.json"


def test_counts_documents_not_mentions_and_skips_out_of_scope() -> None:
    gold = {
        "a": {"other": ["Airflow", "Airflow", "Microsoft Word", "Quantum Foo"]},
        "b": {"other": ["Airflow", "Microsoft Word", "Quantum Foo"]},
        "c": {"other": ["Snowflake"]},
    }
    resolved, unresolved = coverage_script.coverage(gold, Taxonomy.default())
    assert resolved == {"Airflow": "airflow"}
    assert unresolved == ["Quantum Foo"]  # Snowflake is in one document only


@pytest.mark.skipif(not GOLD.is_file(), reason=missing(GOLD))
def test_every_frequent_backend_name_of_the_gold_set_resolves() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    resolved, unresolved = coverage_script.coverage(gold, Taxonomy.default())
    assert unresolved == []
    assert len(resolved) >= 100
    assert coverage_script.main(["--gold", str(GOLD)]) == 0


coverage_script = load_script("taxonomy_coverage")
