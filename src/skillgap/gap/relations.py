"""When a held skill can honestly stand in for a skill the job asks for: a rule of kinds.

A relation strength in the taxonomy says how much two skills have in common; whether one can
*replace* the other depends on what kind of skill each is. A held skill stands in for a
wanted one (a partial match) only when all of these hold:

1. **Related**: the taxonomy relates them with at least ``Scoring.min_related_strength``.
2. **Products of one kind**: both are a kind of the same concept (``category_of``: Kafka and
   RabbitMQ are both message queues), or both come from files whose products are
   ``interchangeable`` in the same category (databases, cloud, infrastructure,
   observability, developer tools: MySQL for PostgreSQL, Google Cloud for AWS). Languages,
   frameworks, API styles, architecture, practices and soft skills never stand in for each
   other: knowing Python helps with Go, it is not part of Go.
3. **Neither is a concept** that tools are a kind of (Monitoring, CI/CD, Caching): a concept
   is met by implication (Prometheus ⇒ Monitoring) or not at all.
4. **Neither builds on the other**: Helm needs Kubernetes, it does not replace it.
5. **Not tools of different languages**: JUnit does not stand in for pytest.

A relation that fails the rule still helps: the plan names it ("You know Python").

The facts the rule reads are gathered once per taxonomy; what each skill implies and builds on
is among them, and the comparison and the plan read those too (for every held and asked skill).
"""

from __future__ import annotations

from functools import lru_cache

from skillgap.taxonomy import Skill, Taxonomy


def stands_in(taxonomy: Taxonomy, wanted: str, held: str) -> bool:
    """Whether ``held`` is the same kind of product as ``wanted`` (rules 2 to 5 above)."""
    facts = _facts(taxonomy)
    if wanted in facts.concepts or held in facts.concepts:
        return False
    if not _kinds(taxonomy[wanted]) & _kinds(taxonomy[held]):
        return False
    if wanted in facts.builds_on[held] or held in facts.builds_on[wanted]:
        return False
    languages = facts.languages[wanted], facts.languages[held]
    return not (languages[0] and languages[1] and not languages[0] & languages[1])


def related_held(
    taxonomy: Taxonomy, wanted: str, held: set[str], minimum: float
) -> list[tuple[str, float]]:
    """Held skills related to ``wanted`` at ``minimum`` or more, strongest first."""
    related = _facts(taxonomy).related[wanted]
    if minimum > 0:  # only related skills reach it: read the relations, not every held skill
        found = [(other, value) for other, value in related.items() if value >= minimum]
        found = [(other, value) for other, value in found if other in held]
    else:  # every held skill does, related or not
        found = [(other, related.get(other, 0.0)) for other in held if other != wanted]
    return sorted(found, key=lambda pair: (-pair[1], taxonomy[pair[0]].name.lower()))


def implications(taxonomy: Taxonomy, skill_id: str) -> frozenset[str]:
    """What holding a skill implies, transitively (``Taxonomy.implied_by``, once per taxonomy)."""
    return _facts(taxonomy).implies[skill_id]


def builds_on(taxonomy: Taxonomy, skill_id: str) -> frozenset[str]:
    """Every prerequisite of a skill, transitively (``Taxonomy.all_prerequisites``, once)."""
    return _facts(taxonomy).builds_on[skill_id]


def needed_by(taxonomy: Taxonomy, skill_id: str) -> list[str]:
    """The skills that name this one as a direct prerequisite, by id."""
    return _facts(taxonomy).needed_by.get(skill_id, [])


def _kinds(skill: Skill) -> set[str]:
    """What a skill is a kind of: its concepts, and its category when that holds products."""
    kinds = set(skill.record.category_of)
    if skill.interchangeable:
        kinds.add(f"category:{skill.category}")
    return kinds


class _Facts:
    """Per-taxonomy facts the rule reads: concepts, what builds on and implies what, tools'
    languages, and how related two skills are (and what needs each skill, for the plan)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.concepts = frozenset(c for skill in taxonomy for c in skill.record.category_of)
        self.builds_on = {skill.id: taxonomy.all_prerequisites(skill.id) for skill in taxonomy}
        self.implies = {skill.id: frozenset(taxonomy.implied_by([skill.id])) for skill in taxonomy}
        self.languages = {
            skill.id: frozenset(
                other
                for other in self.builds_on[skill.id] | self.implies[skill.id]
                if taxonomy[other].category == "languages"
            )
            for skill in taxonomy
        }
        self.related = _strengths(taxonomy)
        self.needed_by: dict[str, list[str]] = {}
        for skill in sorted(taxonomy, key=lambda skill: skill.id):
            for prerequisite in set(skill.prerequisites):
                self.needed_by.setdefault(prerequisite, []).append(skill.id)


@lru_cache(maxsize=8)
def _facts(taxonomy: Taxonomy) -> _Facts:
    return _Facts(taxonomy)


def _strengths(taxonomy: Taxonomy) -> dict[str, dict[str, float]]:
    """Each skill's relations in either direction: a file states a relation on one side, or
    on both with different strengths, and the stronger counts."""
    strengths: dict[str, dict[str, float]] = {skill.id: {} for skill in taxonomy}
    for skill in taxonomy:
        for other, value in skill.related.items():
            if other != skill.id:
                for one, two in ((skill.id, other), (other, skill.id)):
                    strengths[one][two] = max(value, strengths[one].get(two, 0.0))
    return strengths
