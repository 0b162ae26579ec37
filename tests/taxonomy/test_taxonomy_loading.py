"""Loading taxonomy files: what a valid file holds, and clear errors for every broken one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TAXONOMY_DIR

from skillgap.errors import SkillgapError, TaxonomyError
from skillgap.taxonomy import Taxonomy


@pytest.mark.parametrize("folder", [TAXONOMY_DIR])
def test_taxonomy_from_path_matches_the_shipped_data(taxonomy: Taxonomy, folder: Path) -> None:
    assert set(Taxonomy.from_path(folder).skills) == set(taxonomy.skills)


# ---- broken files -----------------------------------------------------------------------

GOOD = """\
category = "demo"
title = "Demo"
phase = 1

[[skill]]
id = "alpha"
name = "Alpha"
steps = ["one", "two", "three"]

[[skill]]
id = "beta"
name = "Beta"
implies = ["alpha"]
prerequisites = ["alpha"]
steps = ["one", "two", "three"]
"""

BETA_BODY = (
    'name = "Beta"\nimplies = ["alpha"]\nprerequisites = ["alpha"]\nsteps = ["one", "two", "three"]'
)


@pytest.mark.parametrize("text", [GOOD])
def test_taxonomy_small_valid_file_loads(tmp_path: Path, text: str) -> None:
    path = tmp_path / "demo.toml"
    path.write_text(text, encoding="utf-8")
    loaded = Taxonomy.from_path(path)
    assert [skill.id for skill in loaded] == ["alpha", "beta"]
    assert loaded["beta"].category == "demo"
    assert loaded.implied_by(["beta"]) == {"alpha": "beta"}


@pytest.mark.parametrize(
    ("broken", "record", "field"),
    [
        (GOOD.replace(BETA_BODY, 'name = "Beta"'), "beta", "steps"),
        (GOOD.replace(BETA_BODY, 'name = "Beta"\nsteps = ["one", "two"]'), "beta", "steps"),
        (GOOD.replace('id = "beta"', 'id = "Beta Skill"'), "Beta Skill", "id"),
        (GOOD.replace('implies = ["alpha"]', 'implies = ["gamma"]'), "beta", "implies"),
        (GOOD.replace('= ["alpha"]\nsteps', '= ["nope"]\nsteps'), "beta", "prerequisites"),
        (GOOD.replace('implies = ["alpha"]', 'related = { zeta = 0.5 }'), "beta", "related"),
        (GOOD.replace('implies = ["alpha"]', 'related = { alpha = 1.5 }'), "beta", "related"),
        (GOOD.replace('implies = ["alpha"]', 'implies = ["beta"]'), "beta", "implies"),
        (GOOD.replace('name = "Beta"', 'name = "Beta"\nalias = ["B"]'), "beta", "alias"),
        (GOOD.replace('name = "Beta"', 'name = ""'), "beta", "name"),
        (
            GOOD.replace('name = "Alpha"', 'name = "Alpha"\nprerequisites = ["beta"]'),
            "alpha",
            "prerequisites",
        ),
    ],
    ids=[
        "missing-steps", "too-few-steps", "bad-id", "unknown-implies", "unknown-prerequisite",
        "unknown-related", "related-out-of-range", "self-reference", "unknown-field",
        "empty-name", "prerequisites-cycle",
    ],
)  # fmt: skip
def test_taxonomy_broken_file_error_names_file_record_and_field(
    tmp_path: Path, broken: str, record: str, field: str
) -> None:
    assert broken != GOOD
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(TaxonomyError) as caught:
        Taxonomy.from_path(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"skill '{record}'" in message
    assert re.search(rf"field '{field}[.']", message)  # 'related.alpha' names the key too


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (GOOD.replace("phase = 1", "phase = ="), r"not valid TOML.*line 3"),
        (GOOD.replace('title = "Demo"\n', ""), r"field 'title'"),
        (GOOD.replace("phase = 1", "phase = 12"), r"field 'phase'"),
        (GOOD.replace('id = "beta"', 'id = "alpha"'), r"skill 'alpha'.*duplicate id"),
    ],
    ids=["invalid-toml", "missing-title", "phase-out-of-range", "duplicate-id"],
)
def test_taxonomy_broken_file_level_error_names_file(
    tmp_path: Path, broken: str, expected: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=expected) as caught:
        Taxonomy.from_path(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("second", [GOOD.replace('category = "demo"', 'category = "other"')])
def test_taxonomy_duplicate_id_across_files_names_both(tmp_path: Path, second: str) -> None:
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.toml").write_text(second, encoding="utf-8")
    with pytest.raises(TaxonomyError, match="duplicate id") as caught:
        Taxonomy.from_path(tmp_path)
    message = str(caught.value)
    assert str(tmp_path / "a.toml") in message and str(tmp_path / "b.toml") in message


@pytest.mark.parametrize("name", ["empty-folder"])
def test_taxonomy_folder_without_toml_raises(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    with pytest.raises(TaxonomyError, match=re.escape(str(folder))):
        Taxonomy.from_path(folder)


@pytest.mark.parametrize("error_type", [TaxonomyError])
def test_taxonomy_error_is_a_skillgap_error(error_type: type) -> None:
    assert issubclass(error_type, SkillgapError)


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
