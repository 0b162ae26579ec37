"""Ambiguous names (Go, Spring, Express, Rust): is this mention the technology?

Technical words nearby, a skill list, or a version number say yes; a season, grade, street,
person word or a year next to it, or the name glued into a word ("go-live"), say no.
"""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Doc, Token

from skillgap.extraction.lists import in_skill_list

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
    "dag", "dags", "workflows",
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


def is_year(token: Token) -> bool:
    return bool(_YEAR.match(token.text))


def hyphen_joined(doc: Doc, start: int, end: int) -> bool:
    """True for "go-live", "Go-to-market", "spring-cleaning": the name is part of a word."""
    if end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return not doc[end].whitespace_ and doc[end + 1].is_alpha
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        return not doc[start - 2].whitespace_ and doc[start - 2].is_alpha
    return False


def has_tech_context(
    doc: Doc, start: int, end: int, clause_start: int, other_mentions: Container[int]
) -> bool:
    """Whether an ambiguous name at ``doc[start:end]`` is used as a technology.

    ``other_mentions`` holds the token indices covered by other skill mentions: a name in a
    list of other skills is a skill.
    """
    if hyphen_joined(doc, start, end) or near_non_tech(doc, start, end):
        return False
    if in_skill_list(doc, start, end, other_mentions):
        return True
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and (
        nxt.lower_ in TECH_WORDS or nxt.lower_ in TECH_NEXT or _is_version(nxt)
    ):
        return True
    prev = doc[start - 1] if start > clause_start else None
    if prev is not None and prev.lower_ in TECH_BEFORE:
        return True
    window = doc[max(clause_start, start - 4) : min(len(doc), end + 4)]
    if any(token.lower_ in TECH_WORDS for token in window):
        return True
    return _among_technologies(doc, start, end, clause_start, other_mentions)


# A sentence naming this many other skills near the name is about technology: "They talk to
# each other through Kafka, keep their state in Cassandra and PostgreSQL".
TECH_NEIGHBOURS = 2
NEIGHBOUR_REACH = 12


def _among_technologies(
    doc: Doc, start: int, end: int, clause_start: int, other_mentions: Container[int]
) -> bool:
    """Whether other skills are named in the same sentence, a few words either side (the same
    name twice counts once: "machine learning for hedging and replication")."""
    found: set[str] = set()
    for step, edge in ((-1, start - 1), (1, end)):
        index, reach = edge, NEIGHBOUR_REACH
        while 0 <= index < len(doc) and reach and (step > 0 or index >= clause_start):
            token = doc[index]
            if token.is_sent_end or token.text in {".", "!", "?", ";"} or "\n" in token.text:
                break
            if index in other_mentions and (index - step not in other_mentions or index == edge):
                found.add(token.lower_)
            reach -= not token.is_space
            index += step
    return len(found) >= TECH_NEIGHBOURS


def near_non_tech(doc: Doc, start: int, end: int) -> bool:
    """A season, grade, street or person word next to the name: "Spring 2023", "grade C",
    "this spring". A year that ends the line above is not next to it: the row before in a
    table ("PostgreSQL | 8 | 2025" then "Oracle | 3")."""
    neighbours = _neighbours(doc, start, end, 2)
    if any(token.lower_ in NOT_TECH for token in neighbours):
        return True
    if any(is_year(token) and not _line_above(doc, token, start) for token in neighbours):
        return True
    before = neighbours[0] if neighbours and neighbours[0].i < start else None
    return before is not None and before.lower_ in NOT_TECH_BEFORE and doc[start].is_lower


def _neighbours(doc: Doc, start: int, end: int, width: int) -> list[Token]:
    before = [t for t in doc[max(0, start - width) : start] if not t.is_space]
    after = [t for t in doc[end : min(len(doc), end + width)] if not t.is_space]
    return before[-1:] + after[:1]


def _line_above(doc: Doc, token: Token, start: int) -> bool:
    """``token`` comes before the name with a line break between them."""
    return token.i < start and "\n" in doc[token.i + 1 : start].text


def _is_version(token: Token) -> bool:
    return bool(re.match(r"^v?\d{1,2}(\.\d+)*\+?$", token.text)) and not is_year(token)
