"""skillgap.taxonomy: the shipped skills, their aliases and relations, and clear load errors."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import SKILL_FLOOR, TAXONOMY_DIR

from skillgap.errors import SkillgapError, TaxonomyError
from skillgap.taxonomy import Taxonomy

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _floor_names() -> list[str]:
    """The canonical names of shared/skill-floor.md: comma-separated lines under '## '."""
    if not SKILL_FLOOR.is_file():
        return []
    names: list[str] = []
    in_section = False
    for line in SKILL_FLOOR.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_section = True
            continue
        if in_section and line.strip():
            names.extend(name.strip() for name in line.split(",") if name.strip())
    return names


FLOOR = _floor_names()
needs_floor = pytest.mark.skipif(not FLOOR, reason=f"{SKILL_FLOOR} is not present")


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


@pytest.mark.parametrize("folder", [TAXONOMY_DIR])
def test_taxonomy_from_path_matches_the_shipped_data(taxonomy: Taxonomy, folder: Path) -> None:
    assert set(Taxonomy.from_path(folder).skills) == set(taxonomy.skills)


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
    ("alias", "expected"),
    [
        ("Postgres", "PostgreSQL"),
        ("k8s", "Kubernetes"),
        ("golang", "Go"),
        ("NodeJS", "Node.js"),
        ("JS", "JavaScript"),
        (".NET Core", ".NET"),
        ("GCP", "Google Cloud"),
        ("Mongo", "MongoDB"),
    ],
)
@pytest.mark.parametrize(
    "template",
    [
        "Skills: {alias}, Linux\n",
        "Experience\nBuilt backend services with {alias} in production.\n",
    ],
    ids=["skills-list", "sentence"],
)
def test_taxonomy_alias_resolves_by_matching(
    extract, alias: str, expected: str, template: str
) -> None:
    profile = extract(template.format(alias=alias), "resume")
    names = {skill.name for skill in profile.skills}
    assert expected in names
    mention = next(m for s in profile.skills if s.name == expected for m in s.mentions)
    assert mention.text == alias


@needs_floor
@pytest.mark.parametrize("name", FLOOR)
def test_taxonomy_every_floor_name_is_extracted_from_a_skills_list(extract, name: str) -> None:
    profile = extract(f"Jane Doe\nSkills: {name}\n", "resume")
    assert name in {skill.name for skill in profile.skills}


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
