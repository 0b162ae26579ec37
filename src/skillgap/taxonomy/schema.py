"""The taxonomy file format: what one TOML file may hold, validated with pydantic.

Every model forbids unknown fields, so a typo in a field name is an error that names the file,
the record and the field rather than a silently ignored setting.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SkillId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SOURCE_PATTERN = r"^(seed-[0-9]{3}|coverage|custom)$"

# Validators are built for the first file validated, not on import: the shipped taxonomy
# load from a snapshot without validating, so most runs never need them (~4 ms to build).
_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SkillRecord(BaseModel):
    """One skill as written in a taxonomy file."""

    model_config = _CONFIG

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

    model_config = _CONFIG

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

    model_config = _CONFIG

    phase: Annotated[int, Field(ge=1, le=9)]
    title: Text


class Paraphrase(BaseModel):
    """How a concept skill is said without its name: an action done to an object within a
    clause ("designed and versioned the public REST API"), or a fixed phrase ("star schema").

    Actions are verbs written in their base form; the extractor adds the inflections
    (design: designs, designed, designing; model: modelled, modeling). A bare or "-s" form
    counts only where a verb stands (clause start, after "to", "we", "will", or coordinated
    with another verb), so "system design" or "the models" never read as the verb. Nouns are
    taken as written, plus a plural. Objects are words or phrases (plural added), or mentions
    of ``object_skills``. Every record carries example sentences that must give the skill and
    counter-examples that must not; a test reads both.
    """

    model_config = _CONFIG

    skill: SkillId
    actions: list[Text] = Field(default_factory=list, description="verbs, base form")
    nouns: list[Text] = Field(
        default_factory=list, description='action words that are nouns or adjectives ("caching")'
    )
    objects: list[Text] = Field(default_factory=list, description="what the action is done to")
    object_skills: list[SkillId] = Field(
        default_factory=list, description="skills whose mentions count as objects (Redis)"
    )
    any_object: bool = Field(
        False,
        description='a verb followed by a determiner counts alone ("document every step")',
    )
    phrases: list[Text] = Field(
        default_factory=list, description="fixed phrases, any case; they hide names inside them"
    )
    cased_phrases: list[Text] = Field(
        default_factory=list, description='fixed phrases in exactly this case ("EXPLAIN plan")'
    )
    exclude: list[Text] = Field(
        default_factory=list,
        description="phrases that are never this skill, whichever form names it inside them",
    )
    generic: list[Text] = Field(
        default_factory=list,
        description="verbs that make a list generic: an action coordinated with two or more "
        'of them ("design, develop and maintain APIs") does not count',
    )
    order: Literal["action-first", "either"] = Field(
        "action-first", description="whether the object may also come before the action"
    )
    max_distance: Annotated[int, Field(ge=0, le=8)] = Field(
        4, description="words allowed between the action (or its verb list) and the object"
    )
    examples: list[Text] = Field(min_length=1, description="sentences that give the skill")
    counter_examples: list[Text] = Field(
        default_factory=list, description="sentences that must not give the skill"
    )

    @model_validator(mode="after")
    def _matchable(self) -> Paraphrase:
        heads = bool(self.actions or self.nouns)
        targets = bool(self.objects or self.object_skills or self.any_object)
        if targets != heads:
            raise ValueError(
                "objects need actions or nouns to go with them"
                if targets
                else "actions and nouns need objects, object_skills or any_object"
            )
        if not heads and not (self.phrases or self.cased_phrases or self.exclude):
            raise ValueError(
                "a paraphrase needs actions or nouns with objects, fixed phrases, or exclude "
                "phrases"
            )
        return self


class CategoryFile(BaseModel):
    """A whole taxonomy file: one category and its skills, extensions of known skills, the
    titles of the learning plan's phases, or paraphrases of concept skills."""

    model_config = _CONFIG

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
    paraphrase: list[Paraphrase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> CategoryFile:
        if not (self.skill or self.extend or self.roadmap or self.paraphrase):
            raise ValueError(
                "a taxonomy file needs at least one [[skill]], [[extend]], [[roadmap]] or "
                "[[paraphrase]] table"
            )
        missing = [name for name in ("category", "title", "phase") if getattr(self, name) is None]
        if self.skill and missing:
            fields = ", ".join(f"field '{name}'" for name in missing)
            raise ValueError(f"missing {fields}: a file with [[skill]] tables needs them")
        return self
