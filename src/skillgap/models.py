"""The data skillgap reads and returns, as pydantic models.

Their JSON is the public contract (shared/CONTRACT.md): a key written there keeps its meaning.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["resume", "job"]
Requirement = Literal["required", "preferred"]
Method = Literal["exact", "alias", "fuzzy", "paraphrase"]
Evidence = Literal["listed", "demonstrated", "implied"]
SkillKind = Literal["technical", "soft"]
Fit = Literal["strong", "partial", "weak"]
PlanLevel = Literal["required", "preferred", "prerequisite"]


_new, _set = object.__new__, object.__setattr__
# Each model's field names in declaration order: reading ``__pydantic_fields__`` on the class
# cost a third of ``built``.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def built(cls, **fields: object) -> Self:
        """An instance from every one of its fields, each already of its type, unvalidated.

        What ``model_construct`` makes, for under half its cost (it looks up each field's
        default): extraction builds some eighty records per document.
        """
        names = _FIELD_NAMES.get(cls) or _FIELD_NAMES.setdefault(
            cls, tuple(cls.__pydantic_fields__)
        )
        record = _new(cls)
        # In declaration order, which JSON keeps (the callers give them so, and then the
        # keywords' own dict serves); a field left out fails here, not later.
        if tuple(fields) != names:
            fields = {name: fields[name] for name in names}
        _set(record, "__dict__", fields)
        _set(record, "__pydantic_fields_set__", set(fields))
        _set(record, "__pydantic_extra__", None)
        _set(record, "__pydantic_private__", None)
        return record


class Quality(_Model):
    """How far the extracted text can be trusted, so a bad extraction reads as low confidence
    rather than as a poor fit."""

    confidence: Literal["high", "medium", "low"]
    reasons: list[str] = Field(default_factory=list, description="why confidence is not high")
    pages: int | None = None
    characters: int = Field(description="characters of cleaned text")
    unknown_glyphs: float = Field(description="share of characters the PDF could not map, 0-1")
    letter_spacing_collapsed: int = Field(description='runs like "J O H N" joined into words')
    columns: int = Field(1, description="most text columns found on one page")
    backend: str | None = Field(None, description="the reader used, e.g. pdfium or pdfminer")


class Document(_Model):
    """A read input: its cleaned text (which all offsets index) and where it came from."""

    text: str
    source: str = "<text>"
    format: Literal["pdf", "text", "docx", "html"] = "text"
    pages: int | None = None
    quality: Quality | None = None


class Mention(_Model):
    """One place in the text where a skill is named."""

    text: str = Field(description="the text as written in the document")
    start: int = Field(description="character offset into the document text")
    end: int
    section: str | None = Field(None, description="the section the mention sits in")
    method: Method = Field(
        "exact",
        description="canonical name, alias, fuzzy variant, or paraphrase (the span runs from "
        'the first word that gave the skill to the last: "designed the REST API")',
    )
    score: float | None = Field(None, description="similarity 0-100 for fuzzy matches")


class ExtractedSkill(_Model):
    """A skill a document claims (résumé) or asks for (job)."""

    id: str
    name: str
    category: str
    requirement: Requirement | None = None
    years: float | None = Field(None, description="stated years, else derived years")
    stated_years: float | None = Field(None, description='as written: "5+ years of Java"')
    derived_years: float | None = Field(
        None, description="résumés: total length of the dated roles that mention the skill"
    )
    roles: list[str] = Field(default_factory=list, description="date ranges behind derived years")
    evidence: Evidence | None = None
    mentions: list[Mention]


class NotClaimed(_Model):
    """A skill that is named but negated, only being learned, or only an interest."""

    id: str
    name: str
    reason: Literal["negated", "learning", "interest"]
    mentions: list[Mention]


class ImpliedSkill(_Model):
    """A skill that follows from a held one (Django ⇒ Python); never reported as claimed."""

    id: str
    name: str
    via: list[str]


class Profile(_Model):
    """Everything extracted from one document."""

    kind: Kind
    source: str
    skills: list[ExtractedSkill]
    not_claimed: list[NotClaimed] = Field(default_factory=list)
    implied: list[ImpliedSkill] = Field(default_factory=list)
    any_of: list[list[str]] = Field(default_factory=list)
    total_years: float | None = Field(
        None,
        description="overall years: résumés, the whole career, stated or else from dated roles; "
        'jobs, the experience asked ("5+ years of backend experience")',
    )
    stated_total_years: float | None = Field(
        None, description='as written: "11 years of software engineering", "5+ years of backend"'
    )
    derived_total_years: float | None = Field(
        None,
        description="résumés: the dated roles of the experience sections, overlaps counted once",
    )
    quality: Quality | None = None
    text: str = Field("", exclude=True, repr=False, description="the text offsets index")

    def get(self, skill_id: str) -> ExtractedSkill | None:
        """The extracted skill with this id, if present."""
        return next((skill for skill in self.skills if skill.id == skill_id), None)


class Quote(_Model):
    """A line of a document that a finding rests on, so a reader can check it."""

    text: str = Field(description="the line, whitespace collapsed, trimmed around the mention")
    mark_start: int = Field(description="where the skill's words start inside `text`")
    mark_end: int
    section: str | None = None


class _JobSkill(_Model):
    """What every verdict on one job skill says first: which skill, how the ad asks for it."""

    id: str
    name: str
    category: str
    requirement: Requirement
    kind: SkillKind = Field("technical", description='"soft": weighs less, shown apart')
    essential: bool = Field(False, description="the ad makes it a must-have (see `essential_why`)")
    essential_why: str | None = None


class MatchedSkill(_JobSkill):
    """A job skill the résumé holds, or holds by implication (``evidence`` "implied")."""

    evidence: Evidence | None = None
    via: list[str] = Field(
        default_factory=list, description='for "implied": the held skills that imply it'
    )
    years: float | None = None
    years_asked: float | None = Field(None, description='the job\'s "5+ years of ..."')
    credit: float = Field(1.0, description="share of the weight earned; less when years fall short")
    resume_mentions: list[Mention]
    job_mentions: list[Mention]
    resume_quotes: list[Quote] = Field(default_factory=list)
    job_quote: Quote | None = None


class PartialSkill(_JobSkill):
    """A job skill the résumé lacks, where a held skill of the same kind can stand in for it
    (MySQL for PostgreSQL, GitLab CI for GitHub Actions)."""

    via: list[str] = Field(description="the held skills that stand in for this one")
    credit: float = Field(description="share of the skill's weight earned, 0-1")
    evidence: Evidence | None = Field(None, description="kept for old readers; always null now")
    job_mentions: list[Mention]
    resume_quotes: list[Quote] = Field(default_factory=list, description="where `via` is held")
    job_quote: Quote | None = None


class MissingSkill(_JobSkill):
    """A job skill with no support in the résumé."""

    known_related: list[str] = Field(
        default_factory=list,
        description="held skills that help learn it but do not stand in for it (Python for Go)",
    )
    job_mentions: list[Mention]
    job_quote: Quote | None = None


class AlternativeSkill(_Model):
    """A job skill of an "X or Y" group that the résumé meets through another member."""

    id: str
    name: str
    category: str
    requirement: Requirement
    kind: SkillKind = "technical"
    instead: str = Field(description="the member of the group the résumé holds")
    job_mentions: list[Mention]
    job_quote: Quote | None = None


class Experience(_Model):
    """The overall experience the ad asks for, against the résumé's whole career."""

    years_asked: float
    years_shown: float | None = Field(description="stated or from dated roles; null if unknown")
    credit: float = Field(description="share of the requirement's weight earned, 0-1")
    job_quote: Quote | None = None


class WordingTip(_Model):
    """Words of the ad to add to the résumé: the skill is held in practice but not named."""

    skill: str
    id: str
    requirement: Requirement
    words: str = Field(description="the ad's exact words for the skill")
    next_to: list[str] = Field(description="the held skills to name it next to")


class Note(_Model):
    """Something the reader must know before trusting the numbers."""

    kind: Literal["low_confidence", "not_english", "no_backend_skills", "no_resume_skills"]
    document: Literal["resume", "job"]
    message: str


class ExtraSkill(_Model):
    """A résumé skill the job does not ask for."""

    id: str
    name: str
    category: str


class PlanStep(_Model):
    """One skill to learn, in an order that puts prerequisites first."""

    order: int
    skill: str
    id: str
    category: str
    requirement: PlanLevel = Field(
        description='"prerequisite": learnt first for a later step (the ad may not ask for it)'
    )
    reason: str
    points: float = Field(0.0, description="score points at stake: what closing this gap adds")
    alternative_to: str | None = Field(
        None, description='another step the ad accepts instead ("AWS, GCP or Azure"): learn one'
    )
    steps: list[str]
    project: str | None = None
    hours: int | None = None
    prerequisites: list[str] = Field(default_factory=list)
    phase: int | None = Field(None, description="roadmap phase, 1 = language first")
    phase_title: str | None = None
    resource: str | None = Field(None, description="the kind of resource to learn from")
    job_lines: int = Field(0, description="how many lines of the job ad name the skill")
    known_related: list[str] = Field(
        default_factory=list, description="held skills that cover part of this one"
    )
    tools: list[str] = Field(
        default_factory=list, description="for a concept: tools that are a kind of it"
    )


class Contribution(_Model):
    """What one job requirement adds to the score; the points of all contributions sum to it."""

    skills: list[str] = Field(description="the skill, or every alternative of an any-of group")
    requirement: Requirement
    kind: SkillKind = "technical"
    essential: bool = Field(False, description="a must-have: missing it caps the score")
    status: Literal["matched", "partial", "missing", "rounding", "cap"] = Field(
        description='"rounding": the step to a whole score; "cap": the deduction when a '
        "required skill is missing"
    )
    weight: float = Field(description="the requirement level's weight")
    credit: float = Field(description="share of the weight earned, 0-1")
    points: float = Field(description="score points earned (negative for the cap)")
    max_points: float = Field(description="the points a full match would earn")
    reason: str


class GapReport(_Model):
    """The comparison of one résumé with one job."""

    score: int = Field(ge=0, le=100)
    fit: Fit = Field(
        "weak",
        description="strong: at least 75% of the required skills met and no must-have missing; "
        "partial: at least 40%; weak: below (README: The score, explained)",
    )
    required_met: float = Field(
        0.0, description="share of the required skills' weight the résumé meets, 0-1"
    )
    resume: str
    job: str
    matched: list[MatchedSkill]
    partial: list[PartialSkill]
    missing: list[MissingSkill]
    alternatives: list[AlternativeSkill] = Field(
        default_factory=list, description='"X or Y" skills met through another member'
    )
    extra: list[ExtraSkill]
    experience: Experience | None = None
    say_on_resume: list[WordingTip] = Field(
        default_factory=list, description="skills held in practice: the ad's words to add"
    )
    notes: list[Note] = Field(default_factory=list)
    learning_plan: list[PlanStep]
    plan_hours: int = Field(0, description="the plan's total effort (one step per any-of group)")
    contributions: list[Contribution] = Field(
        default_factory=list, description="why the score is what it is; points sum to the score"
    )
    skillgap_version: str
    taxonomy_version: str
    resume_quality: Quality | None = None
    job_quality: Quality | None = None


class RankRow(BaseModel):
    """The result for one résumé file; ``error`` is set (and ``score`` is not) when unread."""

    rank: int | None = None
    file: str
    score: int | None = None
    missing_required: list[str] = Field(default_factory=list)
    error: str | None = None
    job: str = ""


class MatchRow(BaseModel):
    """One job ad's fit with one résumé (``skillgap match``); ``error`` is set when unread."""

    rank: int | None = None
    file: str = Field(description="the job ad")
    score: int | None = None
    fit: Fit | None = None
    required_met: float | None = Field(None, description="share of the required weight met")
    missing_required: list[str] = Field(default_factory=list)
    start_here: str | None = Field(None, description="the plan's first step for this job")
    note: str | None = Field(None, description="why the row ranks last: the ad is out of scope")
    error: str | None = None
    resume: str = ""
