"""Order the skills a person lacks into a learning plan they can follow.

Prerequisites come first (a topological order). The plan is grouped into the phases of the
seed articles' roadmap (language, frameworks, databases, APIs and security, deployment,
architecture, practice: each category's ``phase``, titled in ``taxonomy/phases.toml``). A
prerequisite joins the earliest phase of the skills that need it, so every phase is one block
and still comes after what it needs.
Within a phase: required before preferred, then name. The same inputs always give the same plan.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from skillgap.models import Mention, PlanStep, Requirement
from skillgap.taxonomy import Taxonomy

_RANK = {"required": 0, None: 0, "preferred": 1}
DEFAULT_RESOURCE = "official documentation and a hands-on tutorial"
MAX_TOOLS = 4


@dataclass(frozen=True)
class Gap:
    """A job skill the résumé lacks (fully or partly)."""

    skill_id: str
    requirement: Requirement
    job_mentions: int  # the number of job lines that name it
    via: list[str] = field(default_factory=list)
    alternative: str | None = None  # a held skill the job accepts instead ("Django or FastAPI")


def job_lines(mentions: Sequence[Mention], text: str) -> int:
    """How many distinct lines of the text the mentions sit on (mentions, without text)."""
    if not text:
        return len(mentions)
    return len({text.count("\n", 0, mention.start) for mention in mentions})


def learning_plan(gaps: list[Gap], held: set[str], taxonomy: Taxonomy) -> list[PlanStep]:
    """Plan steps for every gap, plus any prerequisite the person does not hold yet."""
    wanted = {gap.skill_id: gap for gap in gaps}
    unlocks: dict[str, str] = {}  # prerequisite-only skill -> the gap that needs it
    stack = sorted(wanted)
    while stack:
        skill_id = stack.pop()
        for pre in taxonomy[skill_id].prerequisites:
            if pre not in held and pre not in wanted and pre not in unlocks:
                unlocks[pre] = skill_id
                stack.append(pre)
    nodes = set(wanted) | set(unlocks)
    needs = {node: [p for p in taxonomy[node].prerequisites if p in nodes] for node in nodes}
    dependants: dict[str, list[str]] = {node: [] for node in nodes}
    for node, pres in needs.items():
        for pre in pres:
            dependants[pre].append(node)
    phase = _phases(nodes, dependants, taxonomy)

    def key(node: str) -> tuple[int, int, str]:
        requirement = wanted[node].requirement if node in wanted else None
        return (phase[node], _RANK[requirement], taxonomy[node].name.lower())

    waiting = {node: len(needs[node]) for node in nodes}
    ready = [(key(node), node) for node in nodes if waiting[node] == 0]
    heapq.heapify(ready)
    ordered: list[str] = []
    while ready:
        _, node = heapq.heappop(ready)
        ordered.append(node)
        for nxt in dependants[node]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, (key(nxt), nxt))
    tools = _tools_by_concept(taxonomy)
    return [
        _step(order, node, phase[node], wanted.get(node), unlocks.get(node), tools, taxonomy)
        for order, node in enumerate(ordered, start=1)
    ]


def _phases(
    nodes: set[str], dependants: dict[str, list[str]], taxonomy: Taxonomy
) -> dict[str, int]:
    """Each node's phase: its category's, or earlier when a skill of an earlier phase needs it."""
    phase: dict[str, int] = {}

    def settle(node: str) -> int:
        if node not in phase:
            phase[node] = taxonomy[node].phase  # taxonomy prerequisites have no cycles
            for dependant in dependants[node]:
                phase[node] = min(phase[node], settle(dependant))
        return phase[node]

    for node in sorted(nodes):
        settle(node)
    return phase


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
    phase: int,
    gap: Gap | None,
    unlocks: str | None,
    tools: dict[str, list[str]],
    taxonomy: Taxonomy,
) -> PlanStep:
    skill = taxonomy[node]
    if gap is None:
        reason = f"Prerequisite of {taxonomy[unlocks].name}." if unlocks else "Prerequisite."
    else:
        lines = "1 line" if gap.job_mentions == 1 else f"{gap.job_mentions} lines"
        level = "Required" if gap.requirement == "required" else "Nice to have"
        reason = f"{level} for this job (named on {lines} of the ad)."
        if gap.alternative:
            reason = (
                f"Optional: the job accepts {gap.alternative} instead, which you have "
                f"(named on {lines} of the ad)."
            )
        if gap.via:
            reason += f" You know {', '.join(gap.via)}: focus on what differs in {skill.name}."
    return PlanStep(
        order=order,
        skill=skill.name,
        id=skill.id,
        category=skill.category,
        requirement=gap.requirement if gap else None,
        reason=reason,
        steps=list(skill.steps),
        project=skill.record.project,
        hours=skill.record.hours,
        prerequisites=[taxonomy[pre].name for pre in skill.prerequisites],
        phase=phase,
        phase_title=taxonomy.phase_title(phase),
        resource=skill.resource or DEFAULT_RESOURCE,
        job_lines=gap.job_mentions if gap else 0,
        known_related=list(gap.via) if gap else [],
        tools=tools.get(node, [])[:MAX_TOOLS],
    )
