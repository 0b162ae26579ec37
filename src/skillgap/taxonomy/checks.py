"""Consistency checks over a whole taxonomy: references, cycles and clashing aliases.

Each check gathers every problem before raising, so one run of ``skillgap taxonomy validate``
lists them all, each with the file, the record and the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skillgap.errors import TaxonomyError

if TYPE_CHECKING:
    from skillgap.taxonomy.index import Skill
    from skillgap.taxonomy.schema import Paraphrase


def check_references(skills: dict[str, Skill], where: dict[str, str]) -> None:
    problems = []
    for skill in skills.values():
        record = skill.record
        for fieldname, targets in (
            ("implies", record.implies),
            ("category_of", record.category_of),
            ("related", list(record.related)),
            ("prerequisites", record.prerequisites),
        ):
            for target in targets:
                if target not in skills:
                    problems.append(
                        f"{where[skill.id]}: skill '{skill.id}', field '{fieldname}': "
                        f"unknown skill id '{target}'"
                    )
                elif target == skill.id:
                    problems.append(
                        f"{where[skill.id]}: skill '{skill.id}', field '{fieldname}': "
                        "a skill cannot refer to itself"
                    )
    for fieldname in ("implies", "prerequisites"):  # implies includes category_of
        cycle = find_cycle(skills, fieldname)
        if cycle:
            problems.append(
                f"{where[cycle[0]]}: skill '{cycle[0]}', field '{fieldname}': "
                f"cycle {' -> '.join(cycle)}"
            )
    if problems:
        raise TaxonomyError("; ".join(problems))


def find_cycle(skills: dict[str, Skill], fieldname: str) -> list[str] | None:
    """Depth-first search for a cycle along one relation; returns the cycle's ids."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in getattr(skills[node], fieldname):
            if nxt not in skills:
                continue
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt, path + [nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for start in skills:
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


def check_aliases(skills: dict[str, Skill], where: dict[str, str]) -> None:
    """Refuse a surface form that names two skills, unless both list it as ambiguous.

    Forms are compared without case: an any-case alias "lambda" would also fire on a cased
    "Lambda" of another skill. Two cased forms differing in case ("Rails", "RAILS") never clash.
    """
    owners: dict[str, list[tuple[str, str, bool]]] = {}
    for skill in skills.values():
        record = skill.record
        forms = [(skill.name, record.case_sensitive)]
        forms += [(alias, False) for alias in record.aliases]
        forms += [(alias, True) for alias in record.cased_aliases]
        for text, cased in forms:
            owners.setdefault(text.lower(), []).append((skill.id, text, cased))
    problems = []
    for key, users in sorted(owners.items()):
        for index, (first, first_text, first_cased) in enumerate(users):
            for second, second_text, second_cased in users[index + 1 :]:
                if first == second or (first_cased and second_cased and first_text != second_text):
                    continue
                if all(
                    key in {form.lower() for form in skills[ident].record.ambiguous_aliases}
                    for ident in (first, second)
                ):
                    continue
                problems.append(
                    f"{where[second]}: skill '{second}', alias '{second_text}': also names "
                    f"skill '{first}' ({where[first]}): remove one, or list it in "
                    "ambiguous_aliases of both records"
                )
    if problems:
        raise TaxonomyError("; ".join(problems))


def check_paraphrases(skills: dict[str, Skill], paraphrases: list[tuple[str, Paraphrase]]) -> None:
    """Every paraphrase names a known skill, and its object skills are known too.

    A fixed phrase that is another skill's name or alias would make one text name two skills:
    refused, like a clashing alias.
    """
    forms: dict[str, str] = {}
    for skill in skills.values():
        record = skill.record
        for text in (skill.name, *record.aliases, *record.cased_aliases):
            forms.setdefault(text.lower(), skill.id)
    problems = []
    numbers: dict[str, int] = {}
    for filename, item in paraphrases:
        numbers[filename] = numbers.get(filename, 0) + 1
        where = f"{filename}: paraphrase #{numbers[filename]} '{item.skill}'"
        if item.skill not in skills:
            problems.append(f"{where}, field 'skill': unknown skill id '{item.skill}'")
        for target in item.object_skills:
            if target not in skills:
                problems.append(f"{where}, field 'object_skills': unknown skill id '{target}'")
        for phrase in (*item.phrases, *item.cased_phrases):
            owner = forms.get(phrase.lower())
            if owner is not None and owner != item.skill:
                problems.append(
                    f"{where}, field 'phrases': '{phrase}' already names skill '{owner}'"
                )
    if problems:
        raise TaxonomyError("; ".join(problems))
