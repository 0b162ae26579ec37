"""The taxonomy in memory: validated skills indexed by id and by surface form.

Each file under the top-level ``taxonomy/`` folder holds one category (or the roadmap's phase
titles). The files ship inside the wheel as the ``skillgap.taxonomy_data`` package and are read
with ``importlib.resources``, so a normal and an editable install find them the same way.
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
from typing import Any

from pydantic import ValidationError

from skillgap.data_files import shipped_json, validated_toml
from skillgap.errors import TaxonomyError
from skillgap.taxonomy.checks import check_aliases, check_paraphrases, check_references
from skillgap.taxonomy.schema import CategoryFile, Extension, Paraphrase, SkillRecord

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover
    pass


@dataclass(frozen=True)
class Skill:
    """A validated skill with its category attached."""

    id: str
    name: str
    category: str
    phase: int
    record: SkillRecord
    category_resource: str | None = None
    interchangeable: bool = False  # its file's products can stand in for each other
    soft: bool = False  # a soft skill (communication, leadership)

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
    phase_titles: dict[int, str] = field(default_factory=dict)  # learning-plan phase -> title
    # How concept skills are said without their names, with the file each record is from.
    paraphrases: tuple[tuple[str, Paraphrase], ...] = ()
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
        snapshot = _snapshot()
        if snapshot.get("version") == source_version(sources):
            return cls.from_snapshot(snapshot)
        return cls.from_sources(sources)

    def snapshot(self) -> dict[str, Any]:
        """The validated taxonomy as plain JSON data (see :meth:`from_snapshot`)."""
        return {
            "version": self.version,
            "categories": self.categories,
            "files": self.files,
            "phase_titles": {str(phase): title for phase, title in self.phase_titles.items()},
            "skills": [
                [
                    s.category,
                    s.phase,
                    s.category_resource,
                    s.interchangeable,
                    s.soft,
                    s.record.model_dump(mode="json"),
                ]
                for s in self.skills.values()
            ],  # fmt: skip
            "paraphrases": [
                [file, item.model_dump(mode="json")] for file, item in self.paraphrases
            ],
        }

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Taxonomy:
        """A taxonomy from :meth:`snapshot` data, without validating it again.

        Parsing and validating the 30 shipped TOML files took a third of a second at every
        start; ``scripts/build_token_data.py`` stores the validated result, and it is used
        only while its version (a digest of the files' text) matches the files.
        """
        skills = {}
        for category, phase, resource, interchangeable, soft, fields in data["skills"]:
            record = SkillRecord.model_construct(**fields)
            skills[record.id] = Skill(
                record.id, record.name, category, phase, record, resource, interchangeable, soft
            )
        paraphrases = tuple(
            (file, Paraphrase.model_construct(**fields)) for file, fields in data["paraphrases"]
        )
        titles = {int(phase): title for phase, title in data["phase_titles"].items()}
        return cls(skills, data["categories"], data["version"], data["files"], titles, paraphrases)

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
        sources = list(sources)
        version = source_version(sources, base)
        skills: dict[str, Skill] = dict(base.skills) if base else {}
        where: dict[str, str] = dict(base.files) if base else {}
        categories: dict[str, str] = dict(base.categories) if base else {}
        phase_titles: dict[int, str] = dict(base.phase_titles) if base else {}
        paraphrases = list(base.paraphrases) if base else []
        defined: set[str] = set()
        extensions: list[tuple[str, Extension]] = []
        for filename, text in sources:
            data = _parse_file(filename, text)
            if data.category is not None and data.title is not None:
                categories[data.category] = data.title
            phase_titles.update((item.phase, item.title) for item in data.roadmap)
            paraphrases.extend((filename, item) for item in data.paraphrase)
            for record in data.skill:
                if record.id in defined:
                    raise TaxonomyError(
                        f"{filename}: skill '{record.id}': duplicate id, "
                        f"already defined in {where[record.id]}"
                    )
                assert data.category is not None and data.phase is not None  # the validator's
                skills[record.id] = Skill(
                    record.id,
                    record.name,
                    data.category,
                    data.phase,
                    record,
                    data.resource,
                    data.interchangeable,
                    data.soft,
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
        check_references(skills, where)
        check_aliases(skills, where)
        check_paraphrases(skills, paraphrases)
        return cls(skills, categories, version, where, phase_titles, tuple(paraphrases))

    def __len__(self) -> int:
        return len(self.skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    def __getitem__(self, skill_id: str) -> Skill:
        return self.skills[skill_id]

    def phase_title(self, phase: int) -> str:
        """The roadmap's title of a learning-plan phase (``[[roadmap]]`` tables name them)."""
        return self.phase_titles.get(phase, f"Phase {phase}")

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

    def all_prerequisites(self, skill_id: str) -> frozenset[str]:
        """Every prerequisite of a skill, transitively (what learning it builds on)."""
        seen: set[str] = set()
        stack = list(self.skills[skill_id].prerequisites)
        while stack:
            pre = stack.pop()
            if pre not in seen:
                seen.add(pre)
                stack.extend(self.skills[pre].prerequisites)
        return frozenset(seen)

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


SNAPSHOT_FILE = "snapshot.json"


def source_version(sources: Iterable[tuple[str, str]], base: Taxonomy | None = None) -> str:
    """The taxonomy version: a digest of its files' names and text (and its base's version)."""
    digest = hashlib.sha256(base.version.encode() if base else b"")
    for filename, text in sources:
        digest.update(filename.encode() + b"\0" + text.encode())
    return digest.hexdigest()[:12]


@cache
def _snapshot() -> dict[str, Any]:
    """The shipped taxonomy, validated ahead of time (JSON, never code); empty if absent."""
    return shipped_json("skillgap.taxonomy", SNAPSHOT_FILE)


def _parse_file(filename: str, text: str) -> CategoryFile:
    return validated_toml(text, filename, CategoryFile, TaxonomyError, _describe)[1]


def _describe(filename: str, raw: dict[str, Any], error: ValidationError) -> str:
    """One message naming the file, the record and the field of every problem."""
    problems = []
    for issue in error.errors():
        loc = list(issue["loc"])
        record = "file"
        if len(loc) >= 2 and loc[0] in ("skill", "paraphrase") and isinstance(loc[1], int):
            table, index = str(loc[0]), loc[1]
            items = raw.get(table) or []
            key = "id" if table == "skill" else "skill"
            item = items[index] if index < len(items) else None
            ident = item.get(key) if isinstance(item, dict) else None
            record = f"{table} #{index + 1}" + (f" '{ident}'" if ident else "")
            if table == "skill" and ident:
                record = f"skill '{ident}'"
            loc = loc[2:]
        fieldname = ".".join(str(part) for part in loc) or "(record)"
        problems.append(f"{record}, field '{fieldname}': {issue['msg']}")
    return f"{filename}: " + "; ".join(problems)


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A stable id for a display name (used by custom taxonomies and tests)."""
    return _SLUG.sub("-", name.lower().replace("+", "p").replace("#", "sharp")).strip("-")
