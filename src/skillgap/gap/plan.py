"""Order the skills a person lacks into a learning plan that starts where it matters.

- **Points first.** Required gaps come before preferred ones; within each, the gap with the
  most score points at stake comes first (an essential skill that caps the score carries the
  cap's points), then the one the most job lines name, then the roadmap phase of the seed
  articles (language, frameworks, databases, APIs, deployment, architecture, practice: each
  category's ``phase``), then name.
- **Prerequisites before what needs them.** A prerequisite the person lacks gets the place of
  the most urgent step that needs it, just before it, and the level ``prerequisite``.
- **Nothing the résumé shows.** No step for a held or implied skill, nor for one the ad
  accepts an equivalent of, nor for a prerequisite of a held skill (whoever runs Docker knows
  enough Linux to start Kubernetes).
- **One step per "X or Y".** The other members of an unmet any-of group follow their group's
  step as ``alternative_to`` it and do not add to the total effort.

The same inputs always give the same plan.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from skillgap.gap.relations import builds_on
from skillgap.models import Mention, PlanLevel, PlanStep, Requirement
from skillgap.taxonomy import Taxonomy

_TIER = {"required": 0, "preferred": 1}
_Key = tuple[int, float, int, int, str]  # tier, -points, -job lines, phase, name
DEFAULT_RESOURCE = "official documentation and a hands-on tutorial"
MAX_TOOLS = 4


@dataclass(frozen=True)
class Gap:
    """A job skill the résumé lacks (fully or partly)."""

    skill_id: str
    requirement: Requirement
    job_mentions: int  # the number of job lines that name it
    via: list[str] = field(default_factory=list)  # held skills that stand in for it (partial)
    alternative_to: str | None = None  # the step of its any-of group to learn instead
    points: float = 0.0  # score points closing it adds
    hints: list[str] = field(default_factory=list)  # held skills that help (Python for Go)
    essential: str | None = None  # why the ad makes it a must-have
    builds_on: list[str] = field(default_factory=list)  # held skills that need it (Docker: Linux)


def job_lines(mentions: Sequence[Mention], text: str) -> int:
    """How many distinct lines of the text the mentions sit on (mentions, without text)."""
    if not text:
        return len(mentions)
    return len({text.count("\n", 0, mention.start) for mention in mentions})


def learning_plan(gaps: list[Gap], held: set[str], taxonomy: Taxonomy) -> list[PlanStep]:
    """Plan steps for every gap, plus any prerequisite the person does not know yet."""
    wanted = {gap.skill_id: gap for gap in gaps}
    known = set(held) | {pre for skill in held for pre in builds_on(taxonomy, skill)}
    unlocks: dict[str, str] = {}  # prerequisite-only skill -> the gap that needs it
    stack = sorted(wanted)
    while stack:
        skill_id = stack.pop()
        for pre in taxonomy[skill_id].prerequisites:
            if pre not in known and pre not in wanted and pre not in unlocks:
                unlocks[pre] = skill_id
                stack.append(pre)
    nodes = set(wanted) | set(unlocks)
    needs = {node: [p for p in taxonomy[node].prerequisites if p in nodes] for node in nodes}
    dependants: dict[str, list[str]] = {node: [] for node in nodes}
    for node, pres in needs.items():
        for pre in pres:
            dependants[pre].append(node)

    def own(node: str) -> _Key:
        gap = wanted.get(node)
        tier = _TIER[gap.requirement] if gap else 2
        points = gap.points if gap and not gap.alternative_to else 0.0
        lines = gap.job_mentions if gap else 0
        return (tier, -points, -lines, taxonomy[node].phase, taxonomy[node].name.lower())

    mine = {node: own(node) for node in nodes}
    key = _inherited(nodes, dependants, mine)
    waiting = {node: len(needs[node]) for node in nodes}
    ready = [(key[node], node) for node in nodes if waiting[node] == 0]
    heapq.heapify(ready)
    ordered: list[str] = []
    while ready:
        _, node = heapq.heappop(ready)
        ordered.append(node)
        for nxt in dependants[node]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, (key[nxt], nxt))
    tools = _tools_by_concept(taxonomy)
    return [
        _step(order, node, key[node][0] < mine[node][0], wanted, unlocks, tools, taxonomy)
        for order, node in enumerate(ordered, start=1)
    ]


def _inherited(
    nodes: set[str], dependants: dict[str, list[str]], own: dict[str, _Key]
) -> dict[str, _Key]:
    """Each node's sort key: its own, or that of the most urgent step that needs it."""
    key: dict[str, _Key] = {}

    def settle(node: str) -> _Key:
        if node not in key:
            best = own[node]
            for dependant in dependants[node]:  # taxonomy prerequisites have no cycles
                best = min(best, settle(dependant))
            key[node] = best
        return key[node]

    for node in sorted(nodes):
        settle(node)
    return key


@lru_cache(maxsize=8)
def _tools_by_concept(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """For each concept, the tools that are a kind of it (Kafka, RabbitMQ for queues).

    The tools the concept itself names as most related come first, then by name.
    """
    tools: dict[str, list[str]] = {}
    for skill in taxonomy:
        for concept in skill.record.category_of:
            tools.setdefault(concept, []).append(skill.id)

    def rank(concept: str, tool: str) -> tuple[float, str]:
        return (-taxonomy[concept].related.get(tool, 0.0), taxonomy[tool].name.lower())

    return {
        concept: [taxonomy[tool].name for tool in sorted(ids, key=lambda t: rank(concept, t))]
        for concept, ids in tools.items()
    }


def _step(
    order: int,
    node: str,
    pulled: bool,
    wanted: dict[str, Gap],
    unlocks: dict[str, str],
    tools: dict[str, list[str]],
    taxonomy: Taxonomy,
) -> PlanStep:
    """One step; ``pulled`` when a step of a higher level needs it (a nice-to-have that a
    required skill builds on comes with the required ones, as a prerequisite)."""
    skill = taxonomy[node]
    gap = wanted.get(node)
    level: PlanLevel = gap.requirement if gap and not pulled else "prerequisite"
    reason = _reason(skill.name, gap, unlocks.get(node), pulled, taxonomy)
    return PlanStep.built(  # every value of its type already: no validation needed
        order=order,
        skill=skill.name,
        id=skill.id,
        category=skill.category,
        requirement=level,
        reason=reason,
        points=gap.points if gap and not gap.alternative_to else 0.0,
        alternative_to=taxonomy[gap.alternative_to].name if gap and gap.alternative_to else None,
        steps=list(skill.steps),
        project=skill.record.project,
        hours=skill.record.hours,
        prerequisites=[taxonomy[pre].name for pre in skill.prerequisites],
        phase=skill.phase,
        phase_title=taxonomy.phase_title(skill.phase),
        resource=skill.resource or DEFAULT_RESOURCE,
        job_lines=gap.job_mentions if gap else 0,
        known_related=list(gap.via or gap.hints) if gap else [],
        tools=tools.get(node, [])[:MAX_TOOLS],
    )


def _reason(
    name: str, gap: Gap | None, unlocks: str | None, pulled: bool, taxonomy: Taxonomy
) -> str:
    if gap is None:
        return f"Prerequisite of {taxonomy[unlocks].name}." if unlocks else "Prerequisite."
    lines = "1 line" if gap.job_mentions == 1 else f"{gap.job_mentions} lines"
    level = "Required" if gap.requirement == "required" else "Nice to have"
    if gap.essential:
        level = f"Essential ({gap.essential})"
    reason = f"{level} for this job (named on {lines} of the ad)."
    if gap.alternative_to:
        other = taxonomy[gap.alternative_to].name
        reason = f"Or instead of {other}: the ad accepts either, so learn one of them."
    elif pulled:
        reason = f"Learn it early: a required step builds on it. {reason}"
    if gap.via:
        reason += f" You know {', '.join(gap.via)}: focus on what differs in {name}."
    elif gap.hints:
        reason += f" You know {', '.join(gap.hints)}, which helps: learn {name} itself."
    if gap.builds_on:
        reason += (
            f" You use {', '.join(gap.builds_on)}, which builds on {name}: if you know it, "
            "name it on your résumé."
        )
    return reason
