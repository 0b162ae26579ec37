"""Read the words around a mention: clause limits, technical context, negation, cues, years.

Every rule here works on tokens, never on one skill's name, so it holds for skills and
documents the rules were not written for.
"""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc, Token

CLAUSE_PUNCT = {".", "!", "?", ";", "•", "▪", "●", "◦", "·", "➔", "|", "*", "–", "—"}
LIST_GLUE = {",", "/", "&", "and", "or", "(", ")", "+", "-", "etc", "e.g.", "i.e."}
FUNCTION_WORDS = {
    "with", "of", "in", "and", "or", "the", "a", "an", "to", "for", "on", "using", "as",
    "by", "at", "from", "including", "such", "like", "via", "across", "into", "both",
}  # fmt: skip

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
}  # fmt: skip
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
_YEAR = re.compile(r"^(19|20)\d\d$")
# How far (in tokens) a rule reads around a mention. A real clause is far shorter; the bound
# keeps a hostile "clause" (a 100,000-item list on one line) linear instead of quadratic.
MAX_REACH = 120

NEGATION = {"no", "not", "never", "without", "n't", "nor", "neither", "lack", "lacking", "none"}
NEGATION_FILLER = {
    "experience", "exposure", "knowledge", "with", "in", "of", "using", "used", "use", "run",
    "worked", "work", "professional", "professionally", "prior", "production", "any", "the",
    "yet", "hands-on", "have", "has", "had", "do", "does", "did", "been", "familiarity",
    "commercial", "real", "practical", "much", "we", "i", "really", "need", "required",
    "require", "requires", "necessary", "needed", "a", "an", "expected", "background", "on",
}  # fmt: skip
LEARNING = {"learning", "learn", "studying", "study", "exploring", "explore"}
LEARNING_CONNECTORS = {"like", "as", "including", "in", "about", "with", "of", "namely", ":"}
LEARNING_REACH = 8  # words between a learning cue and its connector ("learn ... skills in ...")
REQUIREMENT_WORDS = {"need", "required", "require", "requires", "necessary", "needed",
                     "prerequisite", "must", "expected", "mandatory"}  # fmt: skip
PREFERRED_CUES = {
    "plus", "bonus", "nice", "preferred", "prefer", "ideal", "desired", "desirable",
    "advantage", "advantageous", "optional", "teach", "bonuses", "pluses", "appreciated",
    "welcome", "helpful", "beneficial", "translates",
}  # fmt: skip
# Cues that qualify only the skill right after them: "ideally Redshift, and AWS".
PREFIX_CUES = {"ideally", "preferably", "potentially", "optionally"}
NOT_REQUIRED_PHRASES = ("not required", "nice to have", "we'll teach", "can be learned",
                        "not a requirement", "more concerned with", "do not require",
                        "don't require", "not a prerequisite", "no need")  # fmt: skip  # fmt: skip
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}  # fmt: skip
YEAR_WORDS = {"year", "years", "yr", "yrs", "year's", "years'"}
YEAR_FILLER = {"of", "experience", "professional", "hands-on", "commercial", "working", "with",
               "in", "using", "programming", "development", "developing", "building", "writing",
               "production", "industry", "relevant", "solid", "strong", "backend", "software",
               "engineering", "exp", "experience:", "the", "a", "an", "plus", "minimum", "at",
               "least", "over", "more", "than"}  # fmt: skip
_AFTER_YEARS = re.compile(r"^\s*[(\-–:,]?\s*(\d+(?:\.\d+)?)\s*\+?\s*(?:years?|yrs?)\b", re.I)
_AFTER_MONTHS = re.compile(r"^\s*-?\s*(?i:ex\w*)\s*-\s*(\d+)\s*(?i:months?)(?![a-z])")


def clause_bounds(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its clause.

    Clauses end at sentence punctuation and bullets, and at line breaks, except where a
    wrapped line plainly continues (after "with", "of", a comma, before a lower-case word).
    """
    punct = {doc.vocab.strings[mark] for mark in CLAUSE_PUNCT}
    starts = []
    start = 0
    # Only punctuation and whitespace can end a clause; the array spares a Token per word.
    for index, (orth, space) in enumerate(doc.to_array([ORTH, IS_SPACE]).tolist()):
        starts.append(start)
        if (orth in punct or space) and ends_clause(doc, index):
            start = index + 1
    return starts


def ends_clause(doc: Doc, index: int) -> bool:
    token = doc[index]
    if token.text in CLAUSE_PUNCT:
        return True
    if not token.is_space or "\n" not in token.text:
        return False
    if token.text.count("\n") > 1 or index == 0 or index + 1 >= len(doc):
        return True
    before, after = doc[index - 1], doc[index + 1]
    continues = before.lower_ in FUNCTION_WORDS or before.text == ","
    return not (continues or (after.is_lower and not before.is_punct))


def clause_end(doc: Doc, index: int) -> int:
    """The index of the token that ends the clause holding ``index`` (at most MAX_REACH on)."""
    limit = min(len(doc), index + MAX_REACH)
    while index < limit and not ends_clause(doc, index):
        index += 1
    return index


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
    if _in_skill_list(doc, start, end, other_mentions):
        return True
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and (nxt.lower_ in TECH_WORDS or _is_version(nxt)):
        return True
    prev = doc[start - 1] if start > clause_start else None
    if prev is not None and prev.lower_ in TECH_BEFORE:
        return True
    window = doc[max(clause_start, start - 4) : min(len(doc), end + 4)]
    return any(token.lower_ in TECH_WORDS for token in window)


def near_non_tech(doc: Doc, start: int, end: int) -> bool:
    """A season, grade, street or person word next to the name: "Spring 2023", "grade C"."""
    return any(
        token.lower_ in NOT_TECH or is_year(token) for token in _neighbours(doc, start, end, 2)
    )


def _neighbours(doc: Doc, start: int, end: int, width: int) -> list[Token]:
    before = [t for t in doc[max(0, start - width) : start] if not t.is_space]
    after = [t for t in doc[end : min(len(doc), end + width)] if not t.is_space]
    return before[-1:] + after[:1]


def _is_version(token: Token) -> bool:
    return bool(re.match(r"^v?\d{1,2}(\.\d+)*\+?$", token.text)) and not is_year(token)


def _in_skill_list(doc: Doc, start: int, end: int, other_mentions: Container[int]) -> bool:
    """A neighbour across list glue (",", "/", "and", "(") is another skill mention."""
    for step, edge in ((-1, start - 1), (1, end)):
        index = edge
        glue = 0
        while 0 <= index < len(doc) and glue <= 2:
            token = doc[index]
            if index in other_mentions:
                return True
            if token.is_space and "\n" in token.text:
                break
            if token.lower_ in LIST_GLUE or token.is_space:
                glue += 1
                index += step
                continue
            break
    return False


def _skip_back(doc: Doc, index: int, clause_start: int, skip: Container[int], filler: set[str]):
    """Walk left over list material and filler words; yield each other token met."""
    while index >= clause_start:
        token = doc[index]
        if index in skip or token.lower_ in LIST_GLUE or token.is_space:
            index -= 1
            continue
        if token.lower_ in filler:
            index -= 1
            continue
        return index
    return None


def negation_reason(
    doc: Doc, start: int, end: int, clause_start: int, other_mentions: Container[int]
) -> str | None:
    """ "negated", "learning" or None for the mention ``doc[start:end]``.

    A negation counts only when nothing but filler words and other listed skills stands
    between it and the mention: "no experience with Kafka or Kubernetes". A learning cue
    counts when the mention is its object ("currently learning Rust") or follows it through a
    connector ("eager to learn technologies like Go"), but not when the cue already has its
    own object ("enthusiastic to learn new technologies AWS, Docker" is a table of claims).
    """
    clause_text = doc[clause_start : min(len(doc), end + 3)].text
    if not _CUE_WORD.search(clause_text):
        return None  # no negation or learning word in the clause: the common case
    index = _skip_back(doc, start - 1, clause_start, other_mentions, NEGATION_FILLER)
    if index is not None and doc[index].lower_ in NEGATION:
        return "negated"
    index = _list_head(doc, start - 1, clause_start, other_mentions)
    if index is not None:
        if doc[index].lower_ in LEARNING:
            return "learning"
        if doc[index].lower_ in LEARNING_CONNECTORS:
            window = doc[max(clause_start, index - LEARNING_REACH) : index]
            if any(token.lower_ in LEARNING for token in window):
                return "learning"
    after = [token.lower_ for token in doc[end : min(len(doc), end + 3)]]
    if after[:1] == ["("] and len(after) > 1 and after[1] in LEARNING:
        return "learning"
    return None


def _list_head(doc: Doc, index: int, clause_start: int, skip: Container[int]) -> int | None:
    """Walk left over a list ("Python, Erlang, Elixir, Go"); the index of the word before it.

    An unknown word is a list item only when glue (",", "and", "/") follows it: in "learn new
    technologies AWS, Docker" the walk stops at "technologies".
    """
    words = 0
    right = "mention"
    while index >= clause_start:
        token = doc[index]
        lower = token.lower_
        joined = index > 0 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_
        if not joined and (lower in LEARNING or lower in LEARNING_CONNECTORS or lower in NEGATION):
            return index
        if index in skip:
            words, right = 0, "mention"
        elif lower in LIST_GLUE or token.is_space:
            words, right = 0, "glue" if not token.is_space else right
        elif token.is_alpha and words < LIST_ITEM_WORDS and right in ("glue", "word"):
            words, right = words + 1, "word"
        else:
            return index
        index -= 1
    return None


def negation_is_about_requirement(doc: Doc, clause_start: int, end: int) -> bool:
    """In a job, "Go is not required" makes Go optional rather than absent."""
    clause = doc[clause_start : min(len(doc), end + 6)]
    return any(token.lower_ in REQUIREMENT_WORDS for token in clause)


def has_preferred_cue(
    doc: Doc, clause_start: int, start: int, end: int, others: Container[int]
) -> bool:
    """Whether a "nice to have" cue qualifies the mention ``doc[start:end]``.

    The nearest cue wins: "(preferred)" right after a skill and "ideally" right before one
    qualify that skill (and the list it heads) only; other cues ("is a plus", "bonus",
    "not required") qualify the whole sentence.
    """
    stop = clause_end(doc, end)
    if _parenthesised_cue(doc, end):
        return True
    before = _skip_back(doc, start - 1, clause_start, others, set())
    if before is not None and doc[before].lower_ in PREFIX_CUES:
        return True
    for index in range(clause_start, stop):
        word = doc[index].lower_
        if word in PREFERRED_CUES and not _is_local_cue(doc, index, start, end):
            return True
    text = doc[clause_start:stop].text.lower()
    return any(phrase in text for phrase in NOT_REQUIRED_PHRASES)


def _parenthesised_cue(doc: Doc, end: int) -> bool:
    """ "Terraform (preferred)": a cue in brackets right after the skill."""
    words = [token.lower_ for token in doc[end : min(len(doc), end + 3)]]
    return len(words) >= 2 and words[0] == "(" and words[1] in PREFERRED_CUES | PREFIX_CUES


def _is_local_cue(doc: Doc, index: int, start: int, end: int) -> bool:
    """A bracketed cue that belongs to another skill than the one at ``doc[start:end]``."""
    return index >= 2 and doc[index - 1].text == "(" and index - 1 != end


def stated_years(
    doc: Doc, text: str, start: int, end: int, clause_start: int, skip: Container[int]
) -> float | None:
    """Years stated for the mention.

    After it or after the list it is in: "Java (5 yrs)", "MySQL, Replication - Experience -
    24 months", "Java developer ... for 1 year". Before it in the same sentence: "5+ years of
    Java", "3+ years of javascript, css, typescript", or a whole-sentence statement ("5 years
    of experience in backend development, with Go and REST APIs"). A years phrase followed
    directly by another skill belongs to that skill and its list only.
    """
    list_end = _list_end(doc, end, skip)
    end_char = doc[list_end - 1].idx + len(doc[list_end - 1])
    tail = text[end_char : end_char + 40]
    match = _AFTER_YEARS.match(tail)
    if match:
        return float(match.group(1))
    match = _AFTER_MONTHS.match(tail)
    if match:
        return round(int(match.group(1)) / 12, 2)
    if not _YEAR_WORD.search(text, doc[clause_start].idx, _char_after(doc, end + FOR_YEARS_REACH)):
        return None  # no "year"/"yrs" anywhere near: the common case, decided without tokens
    later = _years_for(doc, end, skip)
    if later is not None:
        return later
    phrase = _last_years_phrase(doc, clause_start, start)
    if phrase is None:
        return None
    value, after = phrase
    index = after
    while index < start and (doc[index].lower_ in YEAR_FILLER or doc[index].is_space):
        index += 1
    if index < start and index in skip:  # the phrase names another skill first
        return value if _list_end(doc, index, skip, stop=start) == start else None
    return value


LIST_ITEM_WORDS = 2  # unknown words allowed between commas in a list ("css", "other tools")


def _list_end(doc: Doc, index: int, skip: Container[int], stop: int | None = None) -> int:
    """Walk right over a list of skills ("Java, css, Scala and Ruby"); return where it ends."""
    limit = min(len(doc), index + MAX_REACH) if stop is None else stop
    end = index
    words = 0
    while index < limit:
        token = doc[index]
        if index in skip:
            words = 0
            end = index + 1
        elif token.lower_ in LIST_GLUE and (token.text != "-" or stop is not None):
            words = 0
        elif token.is_alpha and not token.is_space and words < LIST_ITEM_WORDS:
            words += 1
            end = index + 1
        else:
            break
        index += 1
    if stop is not None:
        return index if index == stop else end
    return end


def _years_for(doc: Doc, end: int, skip: Container[int]) -> float | None:
    """ "Java developer at X for 1 year": a "for N years" later in the clause."""
    words = [
        index
        for index in range(end, min(len(doc), end + FOR_YEARS_REACH))
        if not doc[index].is_space
    ]
    for position, index in enumerate(words):
        if ends_clause(doc, index) or index in skip:
            return None
        if doc[index].lower_ == "for" and position + 2 < len(words):
            value = _number(doc[words[position + 1]].lower_)
            unit = doc[words[position + 2]]
            if unit.text == "+" and position + 3 < len(words):
                unit = doc[words[position + 3]]
            if value is not None and unit.lower_ in YEAR_WORDS:
                return value
    return None


FOR_YEARS_REACH = 15
_CUE_WORD = re.compile(
    r"(?i)\b(?:no|not|never|without|nor|neither|lack|lacking|none|learn\w*|stud\w*|explor\w*)\b"
    r"|n't|n’t"
)
_YEAR_WORD = re.compile(r"(?i)\by(?:ea)?rs?\b")


def _char_after(doc: Doc, index: int) -> int:
    """The character offset just past token ``index`` (clamped to the document)."""
    last = doc[min(index, len(doc) - 1)]
    return last.idx + len(last)


def _last_years_phrase(doc: Doc, clause_start: int, stop: int) -> tuple[float, int] | None:
    """The last "N years" / "N+ years" / "3-4 years" before ``stop``: (N, index after it)."""
    for index in range(stop - 1, clause_start, -1):
        if doc[index].lower_ not in YEAR_WORDS:
            continue
        number = index - 1
        while number > clause_start and doc[number].text in {"+", "'"}:
            number -= 1
        value = _number(doc[number].lower_)
        if value is None:
            continue
        if number - 2 >= clause_start and doc[number - 1].text in {"-", "–", "to"}:
            low = _number(doc[number - 2].lower_)
            value = low if low is not None else value
        after = index + 1
        if after < len(doc) and doc[after].text in {"'", "’"}:
            after += 1
        return value, after
    return None


def _number(word: str) -> float | None:
    if word in WORD_NUMBERS:
        return float(WORD_NUMBERS[word])
    word = word.rstrip("+")
    try:
        value = float(word)
    except ValueError:
        return None
    return value if 0 < value <= 40 else None
