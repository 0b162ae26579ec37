"""What the ad itself marks as essential: only these cap the score when they are missing.

A job ad lists fifteen or twenty required lines, and few of them are deal-breakers. The ad
says which are, in three ways, and nothing else makes a skill essential:

- it sits under a **must-have heading** ("Must have", "Essential", "Minimum requirements",
  "Basic qualifications", "Non-negotiables");
- it is the role's **core language or framework**, named in the ad's title
  ("Platform Engineer (Go)");
- it comes with a **minimum number of years** ("5+ years of Python", "at least 3 years").

Soft skills are never essential: they weigh less, and an ATS scores them apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from skillgap.extraction.sections import heading_name
from skillgap.models import ExtractedSkill, Mention, Profile
from skillgap.options import Scoring
from skillgap.taxonomy import Taxonomy

MUST_HAVE = re.compile(
    r"^[\W_]*(?:must[- ]haves?|essentials?(?: criteria| skills| requirements)?"
    r"|minimum (?:requirements|qualifications)|basic qualifications"
    r"|non[- ]negotiables?|(?:what )?you must have)\b[^\n]{0,40}$",
    re.IGNORECASE,
)
INLINE_MUST_HAVE = re.compile(
    r"^[\W_]*(?:must[- ]haves?|essentials?|non[- ]negotiables?)\s*:", re.I
)
BULLET = re.compile(r"^\s*[-*•·▪◦‣●]\s")
MAX_HEADING_CHARS = 80


def essential_reasons(job: Profile, taxonomy: Taxonomy, scoring: Scoring) -> dict[str, str]:
    """For each essential job skill, why the ad makes it so (as a report shows it)."""
    title_end = _title_end(job.text)
    reasons: dict[str, str] = {}
    for skill in job.skills:
        if (skill.requirement or "required") != "required" or taxonomy[skill.id].soft:
            continue
        reason = _reason(skill, job.text, title_end, taxonomy, scoring)
        if reason:
            reasons[skill.id] = reason
    return reasons


def _reason(
    skill: ExtractedSkill, text: str, title_end: int, taxonomy: Taxonomy, scoring: Scoring
) -> str | None:
    if skill.stated_years:
        return f"the ad asks for at least {skill.stated_years:g} years"
    core = taxonomy[skill.id].category in scoring.core_categories
    if core and any(mention.start < title_end for mention in skill.mentions):
        return "named in the job title"
    heading = next(filter(None, (_must_have_heading(text, m) for m in skill.mentions)), None)
    if heading:
        return f"listed under “{heading}”"
    return None


def _title_end(text: str) -> int:
    """Where the ad's first non-empty line (its title) ends; 0 without text."""
    stripped = len(text) - len(text.lstrip())
    end = text.find("\n", stripped)
    return len(text) if end == -1 else end


@lru_cache(maxsize=256)  # ``rank`` asks it of one job ad's mentions once per résumé
def _must_have_heading(text: str, mention: Mention) -> str | None:
    """The must-have heading the mention sits under, if the nearest heading above is one."""
    if not text or mention.end > len(text):
        return None
    position = text.rfind("\n", 0, mention.start)
    inline = INLINE_MUST_HAVE.match(text[position + 1 : mention.start])
    if inline:
        return re.sub(r"^[\W_]+|[\W_]+$", "", inline.group(0))
    while position > 0:
        start = text.rfind("\n", 0, position) + 1
        line = text[start:position].strip()
        position = start - 1
        if not line or len(line) > MAX_HEADING_CHARS or BULLET.match(line):
            continue
        if MUST_HAVE.match(line):
            return re.sub(r"^[\W_]+|[\W_]+$", "", line)
        if heading_name(line, "job") is not None:
            return None
    return None
