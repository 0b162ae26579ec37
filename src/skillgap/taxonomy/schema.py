"""The taxonomy file format: what one TOML file may hold, validated with pydantic.

Every model forbids unknown fields, so a typo in a field name is an error that names the file,
the record and the field rather than a silently ignored setting.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

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


class RoadmapPhase(BaseModel):
    """The title of one learning-plan phase (a category's ``phase`` number names it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phase: Annotated[int, Field(ge=1, le=9)]
    title: Text


class CategoryFile(BaseModel):
    """A whole taxonomy file: one category and its skills, extensions of known skills, or the
    titles of the learning plan's phases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    category: SkillId | None = None
    title: Text | None = None
    phase: Annotated[int, Field(ge=1, le=9)] | None = Field(
        None, description="where the category sits in a learning plan (1 = learn first)"
    )
    resource: Text | None = Field(None, description="default kind of resource for its skills")
    interchangeable: bool = Field(
        False,
        description="its skills are products that can stand in for each other when related "
        "(MySQL for PostgreSQL, GCP for AWS); languages, frameworks and concepts never do",
    )
    soft: bool = Field(
        False, description="soft skills (communication, leadership): they weigh less in a score"
    )
    skill: list[SkillRecord] = Field(default_factory=list)
    extend: list[Extension] = Field(default_factory=list)
    roadmap: list[RoadmapPhase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> CategoryFile:
        if not self.skill and not self.extend and not self.roadmap:
            raise ValueError(
                "a taxonomy file needs at least one [[skill]], [[extend]] or [[roadmap]] table"
            )
        missing = [name for name in ("category", "title", "phase") if getattr(self, name) is None]
        if self.skill and missing:
            fields = ", ".join(f"field '{name}'" for name in missing)
            raise ValueError(f"missing {fields}: a file with [[skill]] tables needs them")
        return self
