"""The skill taxonomy: TOML data files validated with pydantic and indexed for lookup.

Each file under the top-level ``taxonomy/`` folder holds one category. The files ship inside
the wheel as the ``skillgap.taxonomy_data`` package and are read with ``importlib.resources``,
so a normal and an editable install find them the same way.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from skillgap.errors import TaxonomyError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SkillId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class SkillRecord(BaseModel):
    """One skill as written in a taxonomy file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: SkillId
    name: Text
    aliases: list[Text] = Field(default_factory=list, description="matched in any case")
    cased_aliases: list[Text] = Field(
        default_factory=list, description="matched only with exactly this case (Go, GO)"
    )
    case_sensitive: bool = Field(False, description="match the name itself only in its case")
    needs_context: bool = Field(
        False, description="the name is also an English word: count it only with tech context"
    )
    implies: list[SkillId] = Field(default_factory=list)
    related: dict[SkillId, Annotated[float, Field(gt=0, le=1)]] = Field(default_factory=dict)
    prerequisites: list[SkillId] = Field(default_factory=list)
    steps: list[Text] = Field(min_length=3)
    project: Text | None = None
    hours: Annotated[int, Field(gt=0, le=1000)] | None = None
    source: Text = "coverage"


class CategoryFile(BaseModel):
    """A whole taxonomy file: one category and its skills."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    category: SkillId
    title: Text
    phase: Annotated[int, Field(ge=1, le=9)] = Field(
        description="where the category sits in a learning plan (1 = learn first)"
    )
    skill: list[SkillRecord] = Field(min_length=1)


@dataclass(frozen=True)
class Skill:
    """A validated skill with its category attached."""

    id: str
    name: str
    category: str
    phase: int
    record: SkillRecord

    @property
    def implies(self) -> list[str]:
        return self.record.implies

    @property
    def prerequisites(self) -> list[str]:
        return self.record.prerequisites

    @property
    def related(self) -> dict[str, float]:
        return self.record.related

    @property
    def steps(self) -> list[str]:
        return self.record.steps

    @property
    def needs_context(self) -> bool:
        return self.record.needs_context


@dataclass(frozen=True)
class Alias:
    """A surface form to match, and the skill it names."""

    text: str
    skill_id: str
    case_sensitive: bool


@dataclass(eq=False)  # compared and hashed by identity, so it can key caches
class Taxonomy:
    """All skills, indexed by id and by surface form.

    Build it with :meth:`default` (the shipped files) or :meth:`from_path`.
    """

    skills: dict[str, Skill]
    categories: dict[str, str]
    version: str
    _by_name: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for skill in self.skills.values():
            self._by_name[skill.name.lower()] = skill.id
            self._by_name[skill.id] = skill.id

    @classmethod
    @cache
    def default(cls) -> Taxonomy:
        """The taxonomy shipped inside the package (loaded once per process)."""
        folder = resources.files("skillgap.taxonomy_data")
        sources = sorted(
            (entry.name, entry.read_text(encoding="utf-8"))
            for entry in folder.iterdir()
            if entry.name.endswith(".toml")
        )
        return cls.from_sources(sources)

    @classmethod
    def from_path(cls, path: str | Path) -> Taxonomy:
        """Load one TOML file or every ``*.toml`` file of a folder."""
        path = Path(path)
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        if not files:
            raise TaxonomyError(f"{path}: no taxonomy files (*.toml) found")
        try:
            sources = [(str(file), file.read_text(encoding="utf-8")) for file in files]
        except OSError as error:
            raise TaxonomyError(f"{error.filename}: cannot read taxonomy file") from error
        return cls.from_sources(sources)

    @classmethod
    def from_sources(cls, sources: Iterable[tuple[str, str]]) -> Taxonomy:
        """Validate ``(file name, TOML text)`` pairs and index them."""
        digest = hashlib.sha256()
        skills: dict[str, Skill] = {}
        where: dict[str, str] = {}
        categories: dict[str, str] = {}
        for filename, text in sources:
            digest.update(filename.encode() + b"\0" + text.encode())
            data = _parse_file(filename, text)
            categories[data.category] = data.title
            for record in data.skill:
                if record.id in skills:
                    raise TaxonomyError(
                        f"{filename}: skill '{record.id}': duplicate id, "
                        f"already defined in {where[record.id]}"
                    )
                skills[record.id] = Skill(record.id, record.name, data.category, data.phase, record)
                where[record.id] = filename
        _check_references(skills, where)
        return cls(skills, categories, digest.hexdigest()[:12])

    def __len__(self) -> int:
        return len(self.skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    def __getitem__(self, skill_id: str) -> Skill:
        return self.skills[skill_id]

    def resolve(self, name_or_id: str) -> Skill | None:
        """Find a skill by id or canonical name (any case)."""
        skill_id = self._by_name.get(name_or_id.lower())
        return self.skills[skill_id] if skill_id else None

    def aliases(self) -> Iterator[Alias]:
        """Every surface form to match: names, aliases and cased aliases."""
        for skill in self.skills.values():
            record = skill.record
            yield Alias(skill.name, skill.id, record.case_sensitive)
            for alias in record.aliases:
                yield Alias(alias, skill.id, False)
            for alias in record.cased_aliases:
                yield Alias(alias, skill.id, True)

    def implied_by(self, skill_ids: Iterable[str]) -> dict[str, str]:
        """Skills implied (transitively) by the given ones: ``{implied id: source id}``."""
        held = set(skill_ids)
        implied: dict[str, str] = {}
        # Sorted: set order changes with the hash seed, and so would the reported source.
        stack = [
            (target, source) for source in sorted(held) for target in self.skills[source].implies
        ]
        while stack:
            target, source = stack.pop()
            if target in held or target in implied:
                continue
            implied[target] = source
            stack.extend((nxt, source) for nxt in self.skills[target].implies)
        return implied


def _parse_file(filename: str, text: str) -> CategoryFile:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"{filename}: not valid TOML: {error}") from error
    try:
        return CategoryFile.model_validate(raw)
    except ValidationError as error:
        raise TaxonomyError(_describe(filename, raw, error)) from None


def _describe(filename: str, raw: dict[str, Any], error: ValidationError) -> str:
    """One message naming the file, the record and the field of every problem."""
    problems = []
    for issue in error.errors():
        loc = list(issue["loc"])
        record = "file"
        if len(loc) >= 2 and loc[0] == "skill" and isinstance(loc[1], int):
            index = loc[1]
            skills = raw.get("skill") or []
            ident = skills[index].get("id") if index < len(skills) else None
            record = f"skill '{ident}'" if ident else f"skill #{index + 1}"
            loc = loc[2:]
        fieldname = ".".join(str(part) for part in loc) or "(record)"
        problems.append(f"{record}, field '{fieldname}': {issue['msg']}")
    return f"{filename}: " + "; ".join(problems)


def _check_references(skills: dict[str, Skill], where: dict[str, str]) -> None:
    problems = []
    for skill in skills.values():
        record = skill.record
        for fieldname, targets in (
            ("implies", record.implies),
            ("related", list(record.related)),
            ("prerequisites", record.prerequisites),
        ):
            for target in targets:
                if target not in skills:
                    problems.append(
                        f"{where[skill.id]}: skill '{skill.id}', field '{fieldname}': "
                        f"unknown skill id '{target}'"
                    )
                elif target == skill.id:
                    problems.append(
                        f"{where[skill.id]}: skill '{skill.id}', field '{fieldname}': "
                        "a skill cannot refer to itself"
                    )
    for fieldname in ("implies", "prerequisites"):
        cycle = _find_cycle(skills, fieldname)
        if cycle:
            problems.append(
                f"{where[cycle[0]]}: skill '{cycle[0]}', field '{fieldname}': "
                f"cycle {' -> '.join(cycle)}"
            )
    if problems:
        raise TaxonomyError("; ".join(problems))


def _find_cycle(skills: dict[str, Skill], fieldname: str) -> list[str] | None:
    """Depth-first search for a cycle along one relation; returns the cycle's ids."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in getattr(skills[node].record, fieldname):
            if nxt not in skills:
                continue
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt, path + [nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for start in skills:
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A stable id for a display name (used by custom taxonomies and tests)."""
    return _SLUG.sub("-", name.lower().replace("+", "p").replace("#", "sharp")).strip("-")
