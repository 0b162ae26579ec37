"""Order the skills a person lacks into a learning plan they can follow.

Prerequisites come first (a topological order). Among skills whose prerequisites are done,
the plan follows the roadmap of the seed articles (language, then databases, APIs,
deployment, architecture, practice: each category's ``phase``), then required before
preferred, then name. The same inputs always give the same plan.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from skillgap.models import PlanStep, Requirement
from skillgap.taxonomy import Taxonomy

_RANK = {"required": 0, None: 0, "preferred": 1}


@dataclass(frozen=True)
class Gap:
    """A job skill the résumé lacks (fully or partly)."""

    skill_id: str
    requirement: Requirement
    job_mentions: int
    via: list[str] = field(default_factory=list)


def learning_plan(gaps: list[Gap], held: set[str], taxonomy: Taxonomy) -> list[PlanStep]:
    """Plan steps for every gap, plus any prerequisite the person does not hold yet."""
    wanted = {gap.skill_id: gap for gap in gaps}
    unlocks: dict[str, str] = {}  # prerequisite-only skill -> the gap that needs it
    stack = list(wanted)
    while stack:
        skill_id = stack.pop()
        for pre in taxonomy[skill_id].prerequisites:
            if pre not in held and pre not in wanted and pre not in unlocks:
                unlocks[pre] = skill_id
                stack.append(pre)
    nodes = set(wanted) | set(unlocks)
    needs = {node: [p for p in taxonomy[node].prerequisites if p in nodes] for node in nodes}
    waiting = {node: len(needs[node]) for node in nodes}
    dependants: dict[str, list[str]] = {node: [] for node in nodes}
    for node, pres in needs.items():
        for pre in pres:
            dependants[pre].append(node)

    def key(node: str) -> tuple[int, int, str]:
        skill = taxonomy[node]
        requirement = wanted[node].requirement if node in wanted else None
        return (skill.phase, _RANK[requirement], skill.name.lower())

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
    return [
        _step(order, node, wanted.get(node), unlocks.get(node), taxonomy)
        for order, node in enumerate(ordered, start=1)
    ]


def _step(
    order: int,
    node: str,
    gap: Gap | None,
    unlocks: str | None,
    taxonomy: Taxonomy,
) -> PlanStep:
    skill = taxonomy[node]
    if gap is None:
        reason = f"Prerequisite of {taxonomy[unlocks].name}." if unlocks else "Prerequisite."
    else:
        times = "once" if gap.job_mentions == 1 else f"{gap.job_mentions} times"
        level = "Required" if gap.requirement == "required" else "Nice to have"
        reason = f"{level} for this job (named {times})."
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
    )
