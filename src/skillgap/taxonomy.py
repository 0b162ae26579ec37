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
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from skillgap.errors import TaxonomyError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SkillId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SOURCE_PATTERN = r"^(seed-[0-9]{3}|coverage|custom)$"


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
    ambiguous_aliases: list[Text] = Field(
        default_factory=list,
        description="surface forms this skill shares with another skill on purpose; both "
        "records must list the form, and a mention then counts for both",
    )
    implies: list[SkillId] = Field(default_factory=list, description="held ⇒ this is held too")
    category_of: list[SkillId] = Field(
        default_factory=list, description="the concepts this tool is a kind of (RabbitMQ: queues)"
    )
    related: dict[SkillId, Annotated[float, Field(gt=0, le=1)]] = Field(
        default_factory=dict, description="similar skills and how much of this one they cover"
    )
    prerequisites: list[SkillId] = Field(default_factory=list)
    steps: list[Text] = Field(min_length=3)
    project: Text | None = None
    hours: Annotated[int, Field(gt=0, le=1000)] | None = None
    resource: Text | None = Field(
        None, description="the kind of resource to learn from; else the category's"
    )
    source_quote: Text | None = Field(
        None, description="the seed article's own words, when they differ from the names"
    )
    source: Annotated[str, StringConstraints(pattern=SOURCE_PATTERN)] = Field(
        "coverage",
        description="provenance: seed-NNN (the seed article it is drawn from), coverage "
        "(added for breadth, from corpus/gold-dev.json), or custom (a user's file)",
    )


class Extension(BaseModel):
    """Additions to a skill defined elsewhere (a custom file extending a shipped skill)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: SkillId
    aliases: list[Text] = Field(default_factory=list)
    cased_aliases: list[Text] = Field(default_factory=list)
    ambiguous_aliases: list[Text] = Field(default_factory=list)
    implies: list[SkillId] = Field(default_factory=list)
    category_of: list[SkillId] = Field(default_factory=list)
    related: dict[SkillId, Annotated[float, Field(gt=0, le=1)]] = Field(default_factory=dict)
    prerequisites: list[SkillId] = Field(default_factory=list)

    def apply(self, record: SkillRecord) -> SkillRecord:
        """The record with these additions (lists keep their order, without repeats)."""
        update: dict[str, Any] = {"related": {**record.related, **self.related}}
        for name in (
            "aliases",
            "cased_aliases",
            "ambiguous_aliases",
            "implies",
            "category_of",
            "prerequisites",
        ):
            update[name] = list(dict.fromkeys([*getattr(record, name), *getattr(self, name)]))
        return record.model_copy(update=update)


class CategoryFile(BaseModel):
    """A whole taxonomy file: one category and its skills, or extensions of known skills."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    category: SkillId | None = None
    title: Text | None = None
    phase: Annotated[int, Field(ge=1, le=9)] | None = Field(
        None, description="where the category sits in a learning plan (1 = learn first)"
    )
    resource: Text | None = Field(None, description="default kind of resource for its skills")
    skill: list[SkillRecord] = Field(default_factory=list)
    extend: list[Extension] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> CategoryFile:
        if not self.skill and not self.extend:
            raise ValueError("a taxonomy file needs at least one [[skill]] or [[extend]] table")
        missing = [name for name in ("category", "title", "phase") if getattr(self, name) is None]
        if self.skill and missing:
            fields = ", ".join(f"field '{name}'" for name in missing)
            raise ValueError(f"missing {fields}: a file with [[skill]] tables needs them")
        return self


@dataclass(frozen=True)
class Skill:
    """A validated skill with its category attached."""

    id: str
    name: str
    category: str
    phase: int
    record: SkillRecord
    category_resource: str | None = None

    @property
    def implies(self) -> list[str]:
        """What holding this skill shows: its ``implies`` and the concepts it is a kind of."""
        return [*self.record.implies, *self.record.category_of]

    @property
    def resource(self) -> str | None:
        return self.record.resource or self.category_resource

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
    files: dict[str, str] = field(default_factory=dict, repr=False)  # skill id -> defining file
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
    def from_path(cls, path: str | Path, base: Taxonomy | None = None) -> Taxonomy:
        """Load one TOML file or every ``*.toml`` file of a folder, on top of ``base`` if given.

        Without ``base`` the files must be complete on their own; with it, they add skills,
        replace skills with the same id and ``[[extend]]`` known ones (see :meth:`merge`).
        """
        path = Path(path)
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        if not files:
            raise TaxonomyError(f"{path}: no taxonomy files (*.toml) found")
        try:
            sources = [(str(file), file.read_text(encoding="utf-8")) for file in files]
        except OSError as error:
            reason = error.strerror or "cannot read it"
            raise TaxonomyError(f"{error.filename}: cannot read taxonomy file ({reason})") from None
        except UnicodeDecodeError:
            raise TaxonomyError(f"{path}: taxonomy files must be UTF-8 text") from None
        return cls.from_sources(sources, base)

    def merge(self, path: str | Path) -> Taxonomy:
        """This taxonomy overlaid with a custom file or folder, validated as a whole.

        A ``[[skill]]`` with a new id adds a skill; one with a known id replaces that record;
        an ``[[extend]]`` table adds aliases and relations to a known skill.
        """
        return Taxonomy.from_path(path, base=self)

    @classmethod
    def from_sources(
        cls, sources: Iterable[tuple[str, str]], base: Taxonomy | None = None
    ) -> Taxonomy:
        """Validate ``(file name, TOML text)`` pairs and index them (on top of ``base``)."""
        digest = hashlib.sha256(base.version.encode() if base else b"")
        skills: dict[str, Skill] = dict(base.skills) if base else {}
        where: dict[str, str] = dict(base.files) if base else {}
        categories: dict[str, str] = dict(base.categories) if base else {}
        defined: set[str] = set()
        extensions: list[tuple[str, Extension]] = []
        for filename, text in sources:
            digest.update(filename.encode() + b"\0" + text.encode())
            data = _parse_file(filename, text)
            if data.category is not None and data.title is not None:
                categories[data.category] = data.title
            for record in data.skill:
                if record.id in defined:
                    raise TaxonomyError(
                        f"{filename}: skill '{record.id}': duplicate id, "
                        f"already defined in {where[record.id]}"
                    )
                assert data.category is not None and data.phase is not None  # the validator's
                skills[record.id] = Skill(
                    record.id, record.name, data.category, data.phase, record, data.resource
                )
                where[record.id] = filename
                defined.add(record.id)
            extensions.extend((filename, extension) for extension in data.extend)
        for filename, extension in extensions:
            if extension.id not in skills:
                raise TaxonomyError(
                    f"{filename}: extend '{extension.id}': unknown skill id; "
                    "define it with [[skill]] or fix the id"
                )
            skill = skills[extension.id]
            skills[extension.id] = replace(skill, record=extension.apply(skill.record))
            if filename != where[extension.id]:
                where[extension.id] = f"{where[extension.id]} (extended in {filename})"
        _check_references(skills, where)
        _check_aliases(skills, where)
        return cls(skills, categories, digest.hexdigest()[:12], where)

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
            ("category_of", record.category_of),
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
    for fieldname in ("implies", "prerequisites"):  # implies includes category_of
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
        for nxt in getattr(skills[node], fieldname):
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


def _check_aliases(skills: dict[str, Skill], where: dict[str, str]) -> None:
    """Refuse a surface form that names two skills, unless both list it as ambiguous.

    Forms are compared without case: an any-case alias "lambda" would also fire on a cased
    "Lambda" of another skill. Two cased forms differing in case ("Rails", "RAILS") never clash.
    """
    owners: dict[str, list[tuple[str, str, bool]]] = {}
    for skill in skills.values():
        record = skill.record
        forms = [(skill.name, record.case_sensitive)]
        forms += [(alias, False) for alias in record.aliases]
        forms += [(alias, True) for alias in record.cased_aliases]
        for text, cased in forms:
            owners.setdefault(text.lower(), []).append((skill.id, text, cased))
    problems = []
    for key, users in sorted(owners.items()):
        for index, (first, first_text, first_cased) in enumerate(users):
            for second, second_text, second_cased in users[index + 1 :]:
                if first == second or (first_cased and second_cased and first_text != second_text):
                    continue
                if all(
                    key in {form.lower() for form in skills[ident].record.ambiguous_aliases}
                    for ident in (first, second)
                ):
                    continue
                problems.append(
                    f"{where[second]}: skill '{second}', alias '{second_text}': also names "
                    f"skill '{first}' ({where[first]}): remove one, or list it in "
                    "ambiguous_aliases of both records"
                )
    if problems:
        raise TaxonomyError("; ".join(problems))


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A stable id for a display name (used by custom taxonomies and tests)."""
    return _SLUG.sub("-", name.lower().replace("+", "p").replace("#", "sharp")).strip("-")
