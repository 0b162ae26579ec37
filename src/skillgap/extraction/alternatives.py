"""Which skills of an "X or Y" run can stand in for each other.

A run of names joined by "or" and slashes reads as alternatives, but only substitutes are:
"docker/k8s" asks for both (Kubernetes builds on Docker and does another job), "relational
databases (MySQL or MariaDB)" names the kind before its examples, "MySQL or PostgreSQL at
scale" ends on a concept. The taxonomy already says which skills build on, imply or sit next to
which; "Scala or Java" stays a choice, as Scala builds on Java but is the same kind of thing.
"""

from __future__ import annotations

from collections.abc import Sequence

from skillgap.taxonomy import Taxonomy


def substitutes(taxonomy: Taxonomy, skill_ids: Sequence[str]) -> list[str]:
    """The members of a run that are real options, in order; fewer than two means no group.

    A member goes when another member implies it (it is the kind the other is an example of),
    when another member of a different kind builds on it (a prerequisite), and when it shares
    neither the category nor a relation with any other member.
    """
    ids = list(dict.fromkeys(skill_ids))
    below: set[str] = set()
    for sid in ids:
        below.update(taxonomy.implied_by([sid]))
        below.update(
            pre
            for pre in taxonomy.all_prerequisites(sid)
            if pre in ids and _kind(taxonomy, pre) != _kind(taxonomy, sid)
        )
    kept = [sid for sid in ids if sid not in below]
    return [
        sid for sid in kept if any(_kin(taxonomy, sid, other) for other in kept if other != sid)
    ]


def _kind(taxonomy: Taxonomy, skill_id: str) -> frozenset[str]:
    return frozenset(taxonomy[skill_id].record.category_of)


def _kin(taxonomy: Taxonomy, one: str, other: str) -> bool:
    a, b = taxonomy[one], taxonomy[other]
    return a.category == b.category or other in a.related or one in b.related
