"""The context-rules file format (``context_rules.toml``), validated with pydantic on load.

Every model forbids unknown fields, so a misspelt field is an error naming the file, the rule
and the field instead of a setting silently ignored, as for the taxonomy.
"""

from __future__ import annotations

import hashlib
import itertools
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from skillgap.data_files import shipped_json, validated_toml
from skillgap.errors import RulesError

RULES_FILE = "context_rules.toml"
SNAPSHOT_FILE = "context_rules.json"  # the shipped rules, validated: scripts/build_token_data.py
Category = Literal[
    "negated", "learning", "interest", "not_required", "taught", "preferred", "required",
    "ignored", "pseudo",
]  # fmt: skip
Kind = Literal["resume", "job"]
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Name = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
SkillId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
MAX_EXPANSIONS = 5000  # phrases one cue may stand for; a typo like "@study @study @study" trips it

# Validators are built for the first file validated, not on import: the shipped rules
# load from a snapshot without validating, so most runs never need them (~4 ms to build).
_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Scope(BaseModel):
    """Where every rule's scope ends and what a list scope may walk over."""

    model_config = _CONFIG

    terminators: list[Word] = Field(description="words that end a scope: but, however, ...")
    glue: list[Word] = Field(description="list glue a scope walks over between skills")
    filler: list[Word] = Field(description="other words a list scope may cross")
    clause_openers: list[Word] = Field(
        default_factory=list, description="words that end a list scope once it has met a skill"
    )
    list_item_words: Annotated[int, Field(ge=0, le=5)] = Field(
        2, description="unknown words a list scope may step over when list glue follows them"
    )


class Rule(BaseModel):
    """One cue, what it makes of the skills in its scope, and how far it reaches."""

    model_config = _CONFIG

    name: Name
    category: Category
    kinds: list[Kind] = Field(default_factory=lambda: ["resume", "job"], min_length=1)
    direction: Literal["forward", "backward", "both"] = "forward"
    scope: Literal["list", "clause"] = "list"
    max_scope: Annotated[int, Field(ge=0, le=60)] = 8
    max_targets: Annotated[int, Field(ge=1)] | None = None
    sentences: Annotated[int, Field(ge=0, le=3)] = Field(
        0, description="sentence ends a backward scope may cross into earlier sentences"
    )
    after_label: bool = Field(
        False, description="backward only over a label: 'Rust: none', 'Redis (no ...)'"
    )
    terminated_by: list[Word] | None = None
    unless: list[Word] = Field(
        default_factory=list, description="the rule does not fire in a sentence with one of these"
    )
    unless_opening: list[Word] = Field(
        default_factory=list, description="... nor in one that opens with one of these ('Build')"
    )
    introduced_by: list[Word] = Field(
        default_factory=list, description="the scope marks skills only after one of these"
    )
    not_in_sections: list[Name] = Field(
        default_factory=list, description="sections it says nothing in ('certifications')"
    )
    skills: list[SkillId] = Field(default_factory=list)
    categories: list[Name] = Field(default_factory=list)
    cues: list[Word] = Field(min_length=1)
    example: Word
    marks: list[SkillId] = Field(min_length=1)
    counter_example: Word | None = None
    spares: list[SkillId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _counter_has_spares(self) -> Rule:
        if (self.counter_example is None) != (not self.spares):
            raise ValueError("counter_example and spares go together: give both or neither")
        if self.after_label and self.direction == "forward":
            raise ValueError("after_label reads backward: set direction to backward or both")
        return self


class RulesFile(BaseModel):
    """The whole file: scope settings, named word groups and the rules."""

    model_config = _CONFIG

    scope: Scope
    words: dict[Name, list[Word]] = Field(default_factory=dict)
    rule: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_and_groups(self) -> RulesFile:
        seen: set[str] = set()
        for rule in self.rule:
            if rule.name in seen:
                raise ValueError(f"rule '{rule.name}': duplicate name")
            seen.add(rule.name)
            for cue in rule.cues:
                for word in cue.split():
                    group = word.rstrip("?")
                    if group.startswith("@") and group[1:] not in self.words:
                        raise ValueError(
                            f"rule '{rule.name}': cue '{cue}' names an unknown word group "
                            f"'{group}'; define it under [words]"
                        )
        return self

    def phrases(self, cue: str) -> list[str]:
        """Every phrase a cue stands for: "never|not at @workplace" -> "never at work", ..."""
        slots: list[list[str]] = []
        for word in cue.split():
            optional = word.endswith("?") and len(word) > 1
            word = word[:-1] if optional else word
            options: list[str] = []
            for option in word.split("|"):
                if option.startswith("@"):
                    options.extend(self.words[option[1:]])
                else:
                    options.append(option.replace("_", " "))
            slots.append([*options, ""] if optional else options)
        size = 1
        for slot in slots:
            size *= len(slot)
        if size > MAX_EXPANSIONS:
            raise RulesError(f"cue '{cue}' stands for {size:,} phrases; split it into smaller cues")
        return [" ".join(w for w in combo if w) for combo in itertools.product(*slots)]

    def snapshot(self) -> dict:
        """The validated rules as plain JSON data (see :meth:`from_snapshot`)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_snapshot(cls, data: dict) -> RulesFile:
        """Rules from :meth:`snapshot` data, without validating them again: used only for the
        shipped file, while the snapshot's digest matches its text."""
        return cls.model_construct(
            scope=Scope.model_construct(**data["scope"]),
            words=data["words"],
            rule=[Rule.model_construct(**rule) for rule in data["rule"]],
        )


def load_rules(path: str | Path | None = None) -> RulesFile:
    """Read and validate a rules file (the packaged one by default)."""
    if path is None:
        filename = f"skillgap/extraction/{RULES_FILE}"
        text = shipped_text()
        snapshot = shipped_json("skillgap.extraction", SNAPSHOT_FILE)
        if snapshot.get("digest") == digest(text):
            return RulesFile.from_snapshot(snapshot["rules"])
    else:
        filename = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise RulesError(f"{filename}: cannot read rules file ({error.strerror})") from None
        except UnicodeDecodeError:
            raise RulesError(f"{filename}: rules files must be UTF-8 text") from None
    return parse_rules(text, filename)


def parse_rules(text: str, filename: str) -> RulesFile:
    """Validate rules text; every problem is named by file, rule and field."""
    _, rules = validated_toml(text, filename, RulesFile, RulesError, _describe)
    for rule in rules.rule:
        for cue in rule.cues:
            try:
                rules.phrases(cue)
            except RulesError as error:
                raise RulesError(f"{filename}: rule '{rule.name}': {error}") from None
    return rules


@lru_cache(maxsize=1)
def shipped_text() -> str:
    """The packaged rules file's text."""
    return resources.files("skillgap.extraction").joinpath(RULES_FILE).read_text("utf-8")


def digest(text: str) -> str:
    """What identifies a rules file's content: the key of what is built from it ahead of time."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def default_rules() -> RulesFile:
    """The packaged rules, read once per process."""
    return load_rules()


def _describe(filename: str, raw: dict, error: ValidationError) -> str:
    """One line per problem: "file: rule 'name': field: message"."""
    problems = []
    for issue in error.errors():
        loc = list(issue["loc"])
        where = "file"
        if len(loc) >= 2 and loc[0] == "rule" and isinstance(loc[1], int):
            rules = raw.get("rule") or []
            name = rules[loc[1]].get("name") if loc[1] < len(rules) else None
            where = f"rule '{name}'" if name else f"rule #{loc[1] + 1}"
            loc = loc[2:]
        field = ".".join(str(part) for part in loc)
        message = issue["msg"].removeprefix("Value error, ")
        problems.append(f"{where}: {field}: {message}" if field else f"{where}: {message}")
    return f"{filename}: " + "; ".join(problems)
