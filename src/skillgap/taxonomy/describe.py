"""Describe one taxonomy skill for people who maintain a taxonomy (``skillgap taxonomy show``)."""

from __future__ import annotations

from skillgap.errors import SkillgapError
from skillgap.taxonomy.index import Skill, Taxonomy


def describe(taxonomy: Taxonomy, name_or_id: str) -> str:
    """A readable page about one skill: names, relations (both ways), steps and provenance."""
    skill = taxonomy.resolve(name_or_id)
    if skill is None:
        raise SkillgapError(
            f"unknown skill '{name_or_id}'; see 'skillgap taxonomy list' for ids and names"
        )
    record = skill.record
    lines = [
        f"{skill.name} ({skill.id})",
        f"  category:      {taxonomy.categories.get(skill.category, skill.category)}"
        f" [{skill.category}], phase {skill.phase}: {taxonomy.phase_title(skill.phase)}",
        f"  source:        {record.source}  ({taxonomy.files.get(skill.id, '?')})",
        f"  aliases:       {', '.join(record.aliases) or '-'}",
    ]
    if record.cased_aliases:
        lines.append(f"  exact case:    {', '.join(record.cased_aliases)}")
    flags = [
        flag
        for flag, on in (
            ("case-sensitive", record.case_sensitive),
            ("needs context", record.needs_context),
        )
        if on
    ]
    if flags:
        lines.append(f"  matching:      {', '.join(flags)}")
    lines += [
        f"  implies:       {_names(taxonomy, record.implies) or '-'}",
        f"  kind of:       {_names(taxonomy, record.category_of) or '-'}",
        f"  prerequisites: {_names(taxonomy, record.prerequisites) or '-'}",
        f"  related:       {_related(taxonomy, skill) or '-'}",
        f"  needed by:     {_needed_by(taxonomy, skill) or '-'}",
        f"  effort:        {record.hours or '?'} h; learn from {skill.resource or '-'}",
        "  steps:",
        *(f"    {number}. {step}" for number, step in enumerate(record.steps, start=1)),
    ]
    if record.project:
        lines.append(f"  project:       {record.project}")
    said = [item for _, item in taxonomy.paraphrases if item.skill == skill.id]
    if said:
        lines.append(f'  paraphrases:   {len(said)}, e.g. "{said[0].examples[0]}"')
    return "\n".join(lines) + "\n"


def _names(taxonomy: Taxonomy, ids: list[str]) -> str:
    return ", ".join(taxonomy[skill_id].name for skill_id in ids)


def _related(taxonomy: Taxonomy, skill: Skill) -> str:
    ranked = sorted(skill.related.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{taxonomy[other].name} {strength:g}" for other, strength in ranked)


def _needed_by(taxonomy: Taxonomy, skill: Skill) -> str:
    return ", ".join(sorted(other.name for other in taxonomy if skill.id in other.prerequisites))
