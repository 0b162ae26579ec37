"""The shipped taxonomy's breadth, relations and provenance, and the checks that guard them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED

from skillgap.errors import TaxonomyError
from skillgap.taxonomy import Taxonomy

SEEDS = SHARED / "seeds"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.default()


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


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not present at {SEEDS}")
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


SKILL = """
[[skill]]
id = "{id}"
name = "{name}"
{extra}
steps = ["one", "two", "three"]
"""


def _write(tmp_path: Path, body: str, name: str = "custom.toml") -> Path:
    path = tmp_path / name
    path.write_text('category = "custom"\ntitle = "Custom"\nphase = 5\n' + body, "utf-8")
    return path


def test_a_prerequisite_cycle_is_refused_naming_file_and_record(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        SKILL.format(id="alpha", name="Alpha", extra='prerequisites = ["beta"]')
        + SKILL.format(id="beta", name="Beta", extra='prerequisites = ["alpha"]'),
    )
    with pytest.raises(TaxonomyError) as error:
        Taxonomy.from_path(path)
    message = str(error.value)
    assert str(path) in message and "'prerequisites'" in message
    assert "cycle alpha -> beta -> alpha" in message or "cycle beta -> alpha -> beta" in message


def test_an_implies_cycle_through_category_of_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        SKILL.format(id="tool", name="Tool", extra='category_of = ["concept"]')
        + SKILL.format(id="concept", name="Concept", extra='implies = ["tool"]'),
    )
    with pytest.raises(TaxonomyError, match="cycle"):
        Taxonomy.from_path(path)


def test_a_dangling_id_is_refused_naming_file_record_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, SKILL.format(id="alpha", name="Alpha", extra='implies = ["nowhere"]'))
    with pytest.raises(TaxonomyError) as error:
        Taxonomy.from_path(path)
    assert f"{path}: skill 'alpha', field 'implies': unknown skill id 'nowhere'" in str(error.value)


def test_a_custom_file_over_the_shipped_one_is_checked_against_both(tmp_path: Path) -> None:
    path = _write(
        tmp_path, SKILL.format(id="alpha", name="Alpha", extra='prerequisites = ["kuberntes"]')
    )
    with pytest.raises(TaxonomyError, match="unknown skill id 'kuberntes'"):
        Taxonomy.default().merge(path)
    fixed = _write(
        tmp_path, SKILL.format(id="alpha", name="Alpha", extra='prerequisites = ["kubernetes"]')
    )
    assert Taxonomy.default().merge(fixed)["alpha"].prerequisites == ["kubernetes"]


def test_an_alias_naming_two_skills_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, SKILL.format(id="pg", name="PG tool", extra='aliases = ["Postgres"]'))
    with pytest.raises(TaxonomyError) as error:
        Taxonomy.default().merge(path)
    message = str(error.value)
    assert "alias 'Postgres'" in message and "'postgresql'" in message and str(path) in message


def test_a_shared_alias_is_accepted_when_both_records_say_so(tmp_path: Path) -> None:
    one_sided = _write(
        tmp_path,
        SKILL.format(id="a", name="A", extra='aliases = ["Shared"]\nambiguous_aliases = ["Shared"]')
        + SKILL.format(id="b", name="B", extra='aliases = ["Shared"]'),
    )
    with pytest.raises(TaxonomyError, match="ambiguous_aliases"):
        Taxonomy.from_path(one_sided)
    both = _write(
        tmp_path,
        SKILL.format(id="a", name="A", extra='aliases = ["Shared"]\nambiguous_aliases = ["Shared"]')
        + SKILL.format(
            id="b", name="B", extra='aliases = ["Shared"]\nambiguous_aliases = ["shared"]'
        ),
    )
    assert len(Taxonomy.from_path(both)) == 2


def test_cased_forms_differing_in_case_do_not_clash(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        SKILL.format(id="a", name="A", extra='cased_aliases = ["Rails"]')
        + SKILL.format(id="b", name="B", extra='cased_aliases = ["RAILS"]'),
    )
    assert len(Taxonomy.from_path(path)) == 2


def test_an_unknown_provenance_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, SKILL.format(id="a", name="A", extra='source = "my blog"'))
    with pytest.raises(TaxonomyError, match=r"skill 'a', field 'source'"):
        Taxonomy.from_path(path)
