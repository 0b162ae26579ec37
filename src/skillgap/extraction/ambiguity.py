"""Ambiguous names (Go, Spring, Express, Rust): is this mention the technology?

Technical words nearby, a skill list, or a version number say yes; a season, grade, street,
person word or a year next to it, or the name glued into a word ("go-live"), say no.
"""

from __future__ import annotations

import re
from collections.abc import Container

from skillgap.extraction.lists import in_skill_list, skills_listed_before
from skillgap.extraction.tokens import SENTENCE_STOPS, Tokens

# Words next to an ambiguous name that show it is the technology ("Go services", "in Go").
TECH_WORDS = {
    "service", "services", "microservice", "microservices", "api", "apis", "code", "codebase",
    "developer", "developers", "engineer", "engineers", "engineering", "programming", "language",
    "languages", "framework", "frameworks", "backend", "back-end", "sdk", "library", "libraries",
    "application", "applications", "app", "apps", "stack", "module", "modules", "development",
    "runtime", "server", "servers", "tooling", "web", "cli", "scripts", "scripting", "boot",
    "mvc", "cloud", "batch", "security", "data", "database", "databases", "system", "systems",
    "production", "infrastructure", "cluster", "clusters", "pipeline", "pipelines", "query",
    "queries", "performance", "platform", "platforms", "network", "layer", "latency", "cache",
    "tools", "tool", "stacks", "jobs", "workers", "queue", "queues", "broker", "endpoints",
    "deployment", "deployments", "replicas", "index", "indexes", "tables", "schema", "logs",
    "alerting", "dashboards", "observability", "strategies", "distributed", "storage",
    "software", "technologies", "technology", "proficiency", "proficient", "experience",
    "expertise", "knowledge", "frontend", "full-stack", "fullstack", "program", "programs",
    "chart", "charts", "manifests", "topics", "brokers", "partitions", "exposure", "familiarity",
    "dag", "dags", "workflows", "middleware", "router", "routers",
}  # fmt: skip
# Words that are technical only right after the name: "Kafka consumers", not "availability
# for downstream consumers".
TECH_NEXT = {"consumer", "consumers", "producer", "producers"}

TECH_BEFORE = {"in", "with", "using", "via", "written", "wrote", "built", "use", "uses",
               "used", "programming", "develop", "developing", "proficient", "knowledge",
               "experience", "expertise", "migrated", "deployed", "on"}  # fmt: skip

# Words next to an ambiguous name that show it is not the technology.
NOT_TECH = {
    "grade", "level", "class", "vitamin", "type", "category", "plan", "section", "tier",
    "group", "size", "mark", "rating", "semester", "term", "break", "quarter", "session",
    "season", "festival", "summer", "fall", "autumn", "winter", "intake", "cohort", "street",
    "avenue", "road", "river", "valley", "mr", "ms", "mrs", "dr", "card", "cards", "lymph",
    "customer", "financial", "payment", "bank", "banking", "sales",
}  # fmt: skip

# Before a name written in lower case, these make it a time of year: "this spring".
NOT_TECH_BEFORE = {"this", "next", "last", "every", "each", "early", "late", "mid"}

_YEAR = re.compile(r"^(19|20)\d\d$")
_VERSION = re.compile(r"^v?\d{1,2}(\.\d+)*\+?$")


def is_year(text: str) -> bool:
    return text.startswith(("19", "20")) and _YEAR.match(text) is not None


def hyphen_joined(tokens: Tokens, start: int, end: int) -> bool:
    """True for "go-live", "Go-to-market", "spring-cleaning": the name is part of a word."""
    orth, spaced = tokens.orth, tokens.spaced
    if end < len(tokens) - 1 and orth[end] == "-" and not spaced[end - 1]:
        return not spaced[end] and tokens.alpha[end + 1]
    if start >= 2 and orth[start - 1] == "-" and not spaced[start - 1]:
        return not spaced[start - 2] and tokens.alpha[start - 2]
    return False


def has_tech_context(
    tokens: Tokens, start: int, end: int, clause_start: int, other_mentions: Container[int]
) -> bool:
    """Whether an ambiguous name at tokens ``start:end`` is used as a technology.

    ``other_mentions`` holds the token indices covered by other skill mentions: a name in a
    list of other skills is a skill.
    """
    if hyphen_joined(tokens, start, end) or near_non_tech(tokens, start, end, other_mentions):
        return False
    if in_skill_list(tokens, start, end, other_mentions):
        return True
    lower = tokens.folded
    if end < len(tokens) and (
        lower[end] in TECH_WORDS or lower[end] in TECH_NEXT or _is_version(tokens.orth[end])
    ):
        return True
    if start > clause_start and lower[start - 1] in TECH_BEFORE:
        return True
    window = lower[max(clause_start, start - 4) : min(len(tokens), end + 4)]
    if not TECH_WORDS.isdisjoint(window):
        return True
    return _among_technologies(tokens, start, end, clause_start, other_mentions)


# A sentence naming this many other skills near the name is about technology: "They talk to
# each other through Kafka, keep their state in Cassandra and PostgreSQL".
TECH_NEIGHBOURS = 2
NEIGHBOUR_REACH = 12


def _among_technologies(
    tokens: Tokens, start: int, end: int, clause_start: int, other_mentions: Container[int]
) -> bool:
    """Whether other skills are named in the same sentence, a few words either side (the same
    name twice counts once: "machine learning for hedging and replication")."""
    orth, lower, space, breaks, size = (
        tokens.orth, tokens.folded, tokens.space, tokens.breaks, len(tokens),
    )  # fmt: skip
    found: set[str] = set()
    for step, edge in ((-1, start - 1), (1, end)):
        index, reach = edge, NEIGHBOUR_REACH
        while 0 <= index < size and reach and (step > 0 or index >= clause_start):
            if index == size - 1 or orth[index] in SENTENCE_STOPS or breaks[index]:
                break  # the document's end, a sentence's or a line's
            if index in other_mentions and (index - step not in other_mentions or index == edge):
                found.add(lower[index])
            reach -= not space[index]
            index += step
    return len(found) >= TECH_NEIGHBOURS


def near_non_tech(
    tokens: Tokens, start: int, end: int, other_mentions: Container[int] = ()
) -> bool:
    """A season, grade, street or person word next to the name: "Spring 2023", "grade C",
    "this spring"; or the name begins a proper name ("Ruby Chen"). A year that ends the line
    above is not next to it: the row before in a table ("PostgreSQL | 8 | 2025" then
    "Oracle | 3")."""
    if _begins_a_proper_name(tokens, start, end, other_mentions):
        return True
    lower, orth = tokens.folded, tokens.orth
    neighbours = _neighbours(tokens, start, end, 2)
    for index in neighbours:
        if lower[index] in NOT_TECH or (
            is_year(orth[index]) and not _line_above(tokens, index, start)
        ):
            return True
    before = neighbours[0] if neighbours and neighbours[0] < start else None
    return before is not None and lower[before] in NOT_TECH_BEFORE and tokens.lowercase[start]


def _neighbours(tokens: Tokens, start: int, end: int, width: int) -> list[int]:
    """The nearest word (not whitespace) before the name and after it, within ``width``."""
    space = tokens.space
    found = []
    for index in range(start - 1, max(0, start - width) - 1, -1):
        if not space[index]:
            found.append(index)
            break
    for index in range(end, min(len(tokens), end + width)):
        if not space[index]:
            found.append(index)
            break
    return found


# A line where more than this share of the words is capitalised is in Title Case: its
# capitals say nothing of names.
TITLE_CASE_SHARE = 0.5


def _begins_a_proper_name(
    tokens: Tokens, start: int, end: int, other_mentions: Container[int]
) -> bool:
    """ "Ruby Chen", "the Express Delivery product line", "Rust Belt": a capitalised name
    outside a skill list and, after one space, a capitalised word that is no skill and no
    technical word, in a line written in sentence case."""
    orth = tokens.orth
    if end - start != 1 or end >= len(tokens) or not tokens.spaced[start]:
        return False
    name, after = orth[start], orth[end]
    if not (_capitalised(name) and _capitalised(after) and tokens.alpha[end]):
        return False
    if end in other_mentions or tokens.folded[end] in TECH_WORDS:
        return False
    if skills_listed_before(tokens, start, other_mentions) >= 2:
        return False  # "Node, Angular, React Culturally fit ...": a list ran into prose
    first, last = start, end
    while first > 0 and not tokens.breaks[first - 1]:
        first -= 1
    while last + 1 < len(tokens) and not tokens.breaks[last + 1]:
        last += 1
    words = [orth[i] for i in range(first, last + 1) if tokens.alpha[i]]
    return sum(map(_capitalised, words)) <= TITLE_CASE_SHARE * len(words)


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _line_above(tokens: Tokens, index: int, start: int) -> bool:
    """Token ``index`` comes before the name with a line break between them."""
    return index < start and any(tokens.breaks[index + 1 : start])


def _is_version(text: str) -> bool:
    return bool(_VERSION.match(text)) and not is_year(text)
