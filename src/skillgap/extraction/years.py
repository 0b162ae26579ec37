"""Years of experience: per skill ("5+ years of Java", "Java (5 yrs)") and overall.

One pass per document. Every years figure is found in the text first ("5+ years", "3-5 yrs":
the minimum, "seven years", "half a decade", and the parts of an earlier figure: "8 of
them", "the last 3", "(two with NestJS)"). Then each figure goes to what it is about:

1. the skills right after it, past filler and a gerund: "5+ years of professional Python",
   "2+ years managing MySQL", "4+ years of Java or Kotlin" (every member of the list);
2. else the skill right before it: "Java (5 yrs)" and "PHP (very good, 8 years)" (that skill
   only), "Python: 6 yrs", "Rust — 4 yrs", "Node.js for four years", "Java developer with 5
   years", "Html/CSS 3+ yrs" (the list);
3. else a domain or a role ("11 years of software engineering", "Backend engineer for seven
   years"): an overall figure. Skills it reaches later in the sentence get it too ("5 years
   of backend development in Go or Java"), up to the next figure;
4. a part of an earlier figure goes to the skills after it: "11 years of engineering, 8 of
   them in Java" gives Java 8, not 11;
5. a table whose header names years: "Skill | Years", then "Python | 6";
6. a figure whose unit the sentence already gave, in the same "for N years" shape:
   "TypeScript for 5 years and React for 4" gives React 4 ("for 4 teams" gives nothing).

The overall figure of a document is the largest overall statement outside the sections the
caller rules out (company text, benefits). Not recorded: durations printed next to dates
("Mar 2022 – Present · 3 yrs"), "less than 1 year", ages, "N years ago", "C# developer since
2015" (date arithmetic), role durations at a named company ("five years at Nordnett").

Works on the document's word lists (:class:`Words`), never on spaCy tokens.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple, Protocol

from skillgap.extraction.dated_roles import ranges
from skillgap.extraction.words import DASHES, Words

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30,
}  # fmt: skip
MAX_YEARS = 50
ELLIPTIC = 2  # the rank of a figure without its unit; a unit figure (0) or a part (1) wins
VAGUE = frozenset({"several", "many", "most", "some", "much", "part", "all", "half"})

# Between a figure and the skill it is about: "5+ years of professional, hands-on Python".
FILLER = frozenset({
    "of", "in", "on", "with", "using", "at", "as", "the", "a", "an", "any", "some", "least",
    "experience", "exp", "exp.", "experienced", "professional", "commercial", "industry",
    "relevant", "solid", "strong", "proven", "hands", "practical", "real", "world", "working",
    "work", "plus", "minimum", "min", "over", "more", "than", "prior", "previous", "recent",
    "deep", "good", "demonstrable", "demonstrated", "backend", "back", "production",
    "programming", "'", "’", "s", "+",
})  # fmt: skip
# After a figure, words that leave it about the skill before it: "C++ — 7 yrs before that".
AFTERWORDS = frozenset({
    "before", "that", "since", "now", "today", "total", "overall", "altogether", "combined",
    "so", "far", "mostly", "including", "each", "respectively", "ago",
})  # fmt: skip
NOT_GERUNDS = frozenset({"during", "nothing", "something", "anything", "everything", "string"})
# Between a skill and a figure after it: "Python: 6 yrs", "Node.js for four years".
CONNECTORS = frozenset({
    ":", "-", "–", "—", "=", "~", "about", "around", "over", "approx", "approx.",
    "approximately", "nearly", "almost", "roughly", "for", "with", "having", "of", "at",
    "least", "total", "experience", "exp", "exp.", "experienced", "+",
})  # fmt: skip
# A proficiency level between a skill and its figure: "Python — advanced, 6 yrs",
# "SQL: very good, 8 years" (the comma after a level word is passed too).
LEVELS = frozenset({
    "basic", "beginner", "elementary", "intermediate", "advanced", "expert", "proficient",
    "fluent", "native", "good", "very", "strong", "excellent", "solid", "working", "upper",
    "level", "mid", "senior", "junior", "comfortable", "confident",
})  # fmt: skip
LABEL_MARKS = frozenset({":", "-", "=", *DASHES})  # "Go: 3 years", "Rust — 4 yrs"
# Between "for" and its figure: "used Docker for about three years".
APPROXIMATELY = frozenset({
    "about", "around", "roughly", "nearly", "almost", "approximately", "approx", "approx.",
    "over", "some", "close", "to", "the", "past", "last", "well",
})  # fmt: skip
# "Java developer with 5 years", "8+ years with a DevOps or SRE job title".
ROLES = frozenset({
    "developer", "developers", "engineer", "engineers", "programmer", "dev", "administrator",
    "admin", "architect", "consultant", "specialist", "expert", "dba", "analyst", "role",
    "title", "position", "job",
})  # fmt: skip
# After a comma these start a new requirement: the overall figure does not reach past them.
NEW_HEADS = frozenset({"experience", "knowledge", "familiarity", "understanding", "exposure"})
# After "and" these start a new requirement too: "3 years of backend experience and be
# comfortable with SQL" says nothing of SQL's years.
NEW_VERBS = frozenset({
    "be", "have", "are", "know", "can", "enjoy", "feel", "love", "like", "bring", "possess",
    "show", "demonstrate", "understand",
})  # fmt: skip
# What links an overall figure to a skill later in its sentence.
LINKS = frozenset({
    "in", "with", "using", "on", "of", "including", "especially", "particularly", "mainly",
    "mostly", "primarily", "like", "as", "via", "e.g.", "eg", "i.e.",
})  # fmt: skip
LIST_GLUE = frozenset({",", "/", "&", "and", "or", "+", "-", "as", "well"})
LIST_ITEM_WORDS = 2  # unknown words allowed as one item of a list ("or other")
FOR_REACH = 15  # "Java developer at Acme for 1 year": how far back "for N years" looks
PAREN_REACH = 24  # tokens back from a figure to the "(" it may sit in

_NUM = r"\d{1,2}(?:\.\d{1,2})?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))


class _Finder(Protocol):
    def finditer(self, text: str, lower: str) -> Iterable[re.Match[str]]: ...


class _Plain:
    """A pattern found as its ``finditer`` finds it (one with a literal first character is
    found fast as it is)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def finditer(self, text: str, lower: str) -> Iterable[re.Match[str]]:
        return self.pattern.finditer(text)


class _Start:
    """Where a few first characters stand, none of which folds to another letter when case is
    ignored: found in the lower-case text (see :func:`_stems`), not by a pattern tried at every
    position of the text."""

    def __init__(self, first: str) -> None:
        self.folded, self.cased = re.compile(first), re.compile(first, re.IGNORECASE)

    def starts(self, text: str, lower: str) -> list[int]:
        return _stems(text, lower, self.folded, self.cased)


class _WordStart:
    """A pattern that starts a word (``\\b`` before its first letter), found as ``finditer``
    finds it with the ``\\b``, but tried only where ``first`` (its first characters, none of
    which folds to another letter when case is ignored) stands at a word start: a leading
    ``\\b`` is tried at every position of the text, and cost more than the pattern."""

    def __init__(self, pattern: re.Pattern[str], first: str) -> None:
        self.pattern, self.first = pattern, _Start(first)

    def finditer(self, text: str, lower: str) -> list[re.Match[str]]:
        starts = self.first.starts(text, lower)
        return _matches(
            self.pattern, text, [at for at in starts if _word_start(text, at, hyphen=False)]
        )


# What every "N of them" part holds; its number stands before it, found from there back.
_OF_THEM = re.compile(r"of\s+(?:them|those|which|it)\b", re.IGNORECASE)
_OF_START = _Start(r"of\s")  # where each "of them" may start


class _BeforeOf:
    """A part that ends "<number> of them" ("8 of them", "several of which"), found as its
    pattern's ``finditer`` finds it, but tried only before each "of them": scanning every
    position for a number word was most of the time spent finding figures.

    Before the "of" stand spaces (one at least), maybe a "+" and spaces, and the number,
    which starts its run of word characters (and dots, with ``dot``): the pattern's
    look-behind rules out any other start.
    """

    def __init__(self, pattern: re.Pattern[str], dot: bool) -> None:
        self.pattern, self.dot = pattern, dot

    def finditer(self, text: str, lower: str) -> list[re.Match[str]]:
        found = []
        position = 0
        for anchor in _matches(_OF_THEM, text, _OF_START.starts(text, lower)):
            start = self._number_start(text, anchor.start())
            if start is None or start < position:
                continue
            match = self.pattern.match(text, start)
            if match is not None:
                found.append(match)
                position = match.end()
        return found

    def _number_start(self, text: str, index: int) -> int | None:
        end = index
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == index:
            return None  # "of" must follow a space
        if end > 0 and text[end - 1] == "+":
            end -= 1
            while end > 0 and text[end - 1].isspace():
                end -= 1
        start = end
        while start > 0 and not _word_start(text, start, hyphen=False, dot=self.dot):
            start -= 1
        return start if start < end else None


# A figure is found from its unit back: scanning every position for a number was a tenth of
# extraction time. The unit must not continue a word ("(?<![\w-])"): :func:`_word_start`
# checks that on each hit, as a leading look-behind made the pattern three times slower.
_UNIT = re.compile(r"(?:years?|yrs?|(?P<months>months?|mos))(?:['’]s?)?(?![\w-])", re.IGNORECASE)
# Where "year" or "yr" is written: one scan of the text finds the places both the units and
# the table headers (``_YEAR_WORD_END``) are then matched at. Its cases are spelled out (with the
# long "ſ" that matches "s" when case is ignored), so the scan skips from "y" to "y".
_YEAR_STEM = re.compile(r"[yY](?:[eE][aA][rR][sSſ]?|[rR][sSſ]?)")
# Where "month(s)" or "mos" starts: "18 months of Go" is 1.5 years (months / 12, as GOLD.md
# reads "24 months").
_MONTH_STEM = re.compile(r"[mM][oO](?:[nN][tT][hH]|[sS])")
# The same starts in the lower-case text: a literal first letter is found five times faster
# than a "[yY]" class. No other letter lowers to these (only "K" to "k", "İ" to two).
_YEAR_STEM_LOWER = re.compile(r"y(?:ear|r)")
_MONTH_STEM_LOWER = re.compile(r"mo(?:nth|s)")
# What ends a sentence: after one, a date range's printed duration is over.
_SENTENCE_END = re.compile(r"[.!?;](?:\*\*|__|\*|_)?\s")
# The months of a computed duration ("2 yrs 4 mos") are no figure of their own.
_AFTER_YEARS = re.compile(r"(?:years?|yrs?)\s*,?\s*(?:and\s+)?$", re.IGNORECASE)
# The look-ahead holds the first characters a number may have: most of the positions tried
# fail it, before the look-behind and the number words are tried.
_NUM_FIRST = "".join(sorted({word[0] for word in NUMBER_WORDS}))
_BEFORE_UNIT = re.compile(
    rf"(?=[\d{_NUM_FIRST}])(?<![\w.,$£€/])(?P<low>{_NUM})(?P<half>\s+and\s+a\s+half)?"
    rf"(?:\s*(?:-|–|to)\s*(?P<high>{_NUM}))?"
    r"\s*(?:\+|-?plus\b|or\s+more\b)?\s*(?:\*\*|__)?\s*$",
    re.IGNORECASE,
)
# A figure whose unit the sentence already gave: "TypeScript for 5 years and React for 4".
_FOR = r"for\s+(?:about\s+|around\s+|another\s+)?"  # "for N years", "for about N"
_ELLIPTIC = re.compile(
    rf"(?<![\w-]){_FOR}(?P<n>{_NUM})(?=\s*(?:[,;)]|\.(?!\d)|and\b|\n|$))", re.IGNORECASE
)
_FOR_BEFORE = re.compile(rf"\b{_FOR}$", re.IGNORECASE)
# Where each may start: its leading look-behind, tried at every position, cost more than it.
_FOR_START = _Start(r"for\s")
UNIT_REACH = 40  # characters before a unit where its number may start
DATE_REACH = 80  # characters before a figure where a date range makes it a computed duration
_DECADES = re.compile(
    r"(?<![\w-])(?:(?P<half>half\s+a)|(?P<count>a|one|two|three))\s+decades?"
    r"(?P<and_half>\s+and\s+a\s+half)?(?![\w-])",
    re.IGNORECASE,
)
# Each with the words one of which must be in the text for it to be tried at all, and how
# its matches are found (what ``finditer`` finds, see ``_Finder``).
_PARTS: list[tuple[_Finder, tuple[str, ...]]] = [
    (
        _BeforeOf(
            re.compile(rf"(?<![\w.])(?P<n>{_NUM})\s*\+?\s+of\s+(?:them|those|which)\b", re.I),
            dot=True,
        ),
        ("of them", "of those", "of which"),
    ),
    (
        _WordStart(
            re.compile(
                rf"the\s+(?:last|past|latest|most\s+recent)\s+(?P<n>{_NUM})\s*\+?"
                r"(?!\s*(?:years?|yrs?|months?|weeks?|days?|of\s+them)\b)",
                re.IGNORECASE,
            ),
            first=r"the\s+[lpm]",
        ),
        ("the last", "the past", "the latest", "most recent"),
    ),
    (
        _Plain(
            re.compile(
                rf"\((?=\s*[\d{_NUM_FIRST}])\s*(?P<n>{_NUM})\s*\+?\s+"
                r"(?=(?:with|in|on|using|of|as)\b)",
                re.IGNORECASE,
            )
        ),
        ("(",),
    ),
    # A part with no number ("several of them on distributed systems") gives nothing, but
    # the figure before it does not reach past it.
    (
        _BeforeOf(
            re.compile(
                r"\b(?P<n>several|many|most|some|much|part|all|half)\s+of\s+"
                r"(?:them|it|those|which)\b",
                re.IGNORECASE,
            ),
            dot=False,
        ),
        ("of them", "of it", "of those", "of which"),
    ),
]
_CUES = frozenset(cue for _, cues in _PARTS for cue in cues)
# Ages, times ago, and computed durations ("2 yrs 2 months", "1 yr 6 mos").
_NOT_AFTER = re.compile(
    r"\s*(?:old|ago|younger|older|of\s+age|(?:and\s+)?\d{1,2}\s*(?:months?|mos?)\b)",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(
    r"(?:(?<!\w)(?:less\s+than|under|below|every|within|in|after|next|per|duration:?|period:?)"
    r"|<)\s*$",
    re.IGNORECASE,
)
_MONTHS = re.compile(r"\s*(?:[\w.+#]{1,12}\s*)?-?\s*(?i:ex\w*)\s*-\s*(\d+)\s*(?i:months?)(?![a-z])")
_MONTHS_CUE = re.compile(r"-\s*\d+\s*(?i:months?)")  # what every _MONTHS match holds
MONTHS_REACH = 48  # characters after a list where its "- Experience - 24 months" may stand
_HEADER_CELL = re.compile(
    r"(?:years?|yrs?)(?: of (?:experience|exp\.?))?|(?:experience|exp\.?) \((?:years?|yrs?)\)",
    re.IGNORECASE,
)
# A years word ("\b(?:years?|yrs?)\b"), matched where ``_YEAR_STEM`` stands, its leading
# "\b" checked (see ``_UNIT``).
_YEAR_WORD_END = re.compile(r"(?i)(?:years?|yrs?)\b")
_RULE_LINE = re.compile(r"[\s|:\-–—=+]*")  # a table's ruling: "|---|---|"
_CELL_VALUE = re.compile(rf"(?P<n>{_NUM})\s*\+?\s*(?:years?|yrs?)?", re.IGNORECASE)

# Which rule gave a mention its years, strongest first where two disagree.
TABLE, AFTER, PART, BEFORE, REACHED = 6, 5, 4, 3, 1


class _Figure(NamedTuple):  # not a frozen dataclass: built faster
    value: float
    start: int  # token indices
    end: int
    part: bool = False  # "8 of them": a part of an earlier figure
    closes_at_paren: bool = False  # "(two with NestJS)"
    months: bool = False  # "18 months of Go": about a skill, never a whole career


@dataclass
class Years:
    """What one document states: years per mention (by index) and the overall figure."""

    per_mention: dict[int, float] = field(default_factory=dict)
    total: float | None = None


def find_years(
    words: Words,
    scope: list[int],
    mentions: list[tuple[int, int]],
    no_total: Callable[[int], bool] = lambda offset: False,
) -> Years:
    """Years stated in a document, for the given mention token spans and overall.

    ``scope`` gives each token's sentence start (:func:`words.scopes`); ``no_total(offset)``
    says where an overall statement does not speak for the person or role (company text).
    """
    return _Reader(words, scope, mentions, no_total).read()


class _Reader:
    def __init__(
        self,
        words: Words,
        scope: list[int],
        mentions: list[tuple[int, int]],
        no_total: Callable[[int], bool],
    ) -> None:
        self.words, self.scope, self.mentions, self.no_total = words, scope, mentions, no_total
        self.given: dict[int, tuple[int, float]] = {}
        self.totals: list[float] = []

    # Built when first read: most documents state no years figure, table or months at all.

    @cached_property
    def owner(self) -> dict[int, int]:
        """The mention holding each token (the first one, where mentions overlap)."""
        owner: dict[int, int] = {}
        for number, (start, end) in enumerate(self.mentions):
            if end - start == 1:  # most are one token: no loop to set up
                owner.setdefault(start, number)
                continue
            for index in range(start, end):
                owner.setdefault(index, number)
        return owner

    @cached_property
    def lower(self) -> str:
        """The text in lower case, for the cues that decide which patterns are tried."""
        return self.words.text.lower()

    @cached_property
    def year_stems(self) -> list[int]:
        """Where "year", "years", "yr" or "yrs" starts in the text (in any case)."""
        return _stems(self.words.text, self.lower, _YEAR_STEM_LOWER, _YEAR_STEM)

    @cached_property
    def mention_chars(self) -> list[int]:
        """Where each mention starts in the text (in order, as the mentions are)."""
        return [self.words.starts[start] for start, _ in self.mentions]

    def read(self) -> Years:
        figures = self._figures()
        largest: dict[int, float] = {}  # scope -> the largest whole figure placed in it so far
        for number, figure in enumerate(figures):
            following = figures[number + 1].start if number + 1 < len(figures) else None
            floor = self.scope[figure.start]
            if figure.part:
                if figure.value and largest.get(floor, 0.0) >= figure.value:
                    self._reach(figure, floor, following, PART)  # "8 of them in Java"
            else:
                self._place(figure, floor in largest, following)
                if not figure.months:  # "18 months of Go" is never an overall figure
                    largest[floor] = max(largest.get(floor, 0.0), figure.value)
        self._tables()
        self._months()
        return Years(
            {number: value for number, (_, value) in self.given.items()},
            max(self.totals) if self.totals else None,
        )

    # ------------------------------------------------------------------ finding the figures

    def _figures(self) -> list[_Figure]:
        text, lower = self.words.text, self.lower
        # start, end, rank, value, paren, in months
        found: list[tuple[int, int, int, float, bool, bool]] = []
        stems = self.year_stems
        if "mo" in lower:
            stems = sorted([*stems, *_stems(text, lower, _MONTH_STEM_LOWER, _MONTH_STEM)])
        for stem in stems:
            unit = _UNIT.match(text, stem)
            if unit is None or not _word_start(text, stem):
                continue
            match = _BEFORE_UNIT.search(text, max(0, unit.start() - UNIT_REACH), unit.start())
            value = _number(match.group("low")) if match else None
            if value is not None and match and match.group("half"):  # "two and a half years"
                value += 0.5
            months = unit.group("months") is not None
            if value is not None and match and months:
                after = max(0, match.start() - 12)
                if "y" in text[after : match.start()].lower() and _AFTER_YEARS.search(
                    text, after, match.start()
                ):
                    continue
                value = round(value / 12, 2)
            if match and value is not None and self._counts(match.start(), unit.end()):
                found.append((match.start(), unit.end(), 0, value, False, months))
        for match in _DECADES.finditer(text) if "decade" in lower else ():
            if match.group("half"):
                value = 5.0
            else:
                value = 10.0 * {"a": 1, "one": 1, "two": 2, "three": 3}[match["count"].lower()]
                value += 5.0 if match.group("and_half") else 0.0
            if self._counts(match.start(), match.end()):
                found.append((match.start(), match.end(), 0, value, False, False))
        if not found:
            # Parts and figures without their unit only ever read with a whole figure: one
            # reaches into a part, a part ends the reach of one, "for 4" needs "for 5 years".
            return []
        present = {cue for cue in _CUES if cue in lower}  # each looked for once
        for finder, cues in _PARTS:
            if present.isdisjoint(cues):
                continue
            for match in finder.finditer(text, lower):
                word = match.group("n").lower()
                value = 0.0 if word in VAGUE else _number(word)
                if value is not None:
                    paren = match.group(0).startswith("(")
                    found.append((match.start(), match.end(), 1, value, paren, False))
        # A figure without its unit counts only in a sentence that said "for N years" (below):
        # with no such figure at all, none is looked for.
        said_for = {item[0] for item in found if item[2] == 0 and _for_before(lower, item[0])}
        if " for " in lower and said_for:
            for match in _matches(_ELLIPTIC, text, _FOR_START.starts(text, lower)):
                value = _number(match.group("n"))
                if value is not None and self._counts(match.start(), match.end()):
                    found.append((match.start(), match.end(), ELLIPTIC, value, False, False))
        # Where two overlap, a figure with its unit wins over a part ("the last 3 years").
        kept: list[tuple[int, int, int, float, bool, bool]] = []
        for item in sorted(found):
            if kept and item[0] < kept[-1][1]:
                if item[2] < kept[-1][2]:
                    kept[-1] = item
                continue
            kept.append(item)
        figures = []
        for_scopes: set[int] = set()  # sentences with a "for N years" figure
        for start, end, rank, value, paren, months in kept:
            first, last = self.words.token_at(start), self.words.token_before(end)
            if rank == 0 and start in said_for:
                for_scopes.add(self.scope[first])
            if rank == ELLIPTIC and self.scope[first] not in for_scopes:
                continue  # "for 4" alone is no figure: "for 4 teams", "for 2 of us"
            if first < last:
                figures.append(_Figure(value, first, last, rank == 1, paren, months))
        return figures

    def _counts(self, start: int, end: int) -> bool:
        """Not an age, a time ago, "less than 1 year" or a duration printed by a date range."""
        text = self.words.text
        if _NOT_AFTER.match(text, end) or _NOT_BEFORE.search(text[max(0, start - 12) : start]):
            return False
        window = max(0, start - DATE_REACH)
        line_start = text.rfind("\n", window, start) + 1 or window
        found = ranges(text, line_start, start)
        # A sentence that ends after the range starts anew: "(2017 – 2020), Developer. Three
        # years on the Kotlin rewrite" states its years.
        return not found or _SENTENCE_END.search(text, found[-1].end(), start) is not None

    # ------------------------------------------------------------------ placing a figure

    def _place(self, figure: _Figure, nested: bool, following: int | None) -> None:
        """``nested``: an earlier figure in the sentence ("5+ years of backend, including 3
        years with MySQL"), so this one is no overall statement."""
        words, floor = self.words, self.scope[figure.start]
        target, stop = self._after_filler(figure.end, floor)
        if target is not None:
            members = self._list_right(target)
            for number in members:
                self._give(number, figure.value, BEFORE)
            if self._role_follows(self.mentions[members[0]][1], floor):
                self._total(figure)
            return
        # A figure about a domain ("Tech Lead with 5+ years of experience building production
        # systems") is not about the skill before it.
        empty = stop is None or words.punct[stop] or words.lower[stop] in AFTERWORDS
        # After a label the figure is the label's, whatever it is of ("JavaScript: around
        # 18 months of daily practice").
        labelled = empty or self._label_before(figure.start, floor)
        before = self._skill_before(figure.start, floor) if labelled else None
        if before is not None:
            members, role = before
            for number in members:
                self._give(number, figure.value, AFTER)
            if role:
                self._total(figure)
            return
        for_rule = self._for_years(figure.start, floor)
        if for_rule is not None:
            for number in self._list_right(for_rule):
                self._give(number, figure.value, REACHED)
            return
        company = (
            stop is not None
            and stop < len(words)
            and words.orth[stop][:1].isupper()
            and (previous := words.previous(stop, floor)) is not None
            and words.lower[previous] == "at"
        )
        if not nested and not company:
            self._total(figure)
        self._reach(figure, floor, following, REACHED)

    def _reach(self, figure: _Figure, floor: int, following: int | None, strength: int) -> None:
        """Give the figure to the first list of skills later in its sentence."""
        words = self.words
        index = figure.end
        limit = len(words) if following is None else following
        seen_word = comma = False
        while index < limit and self.scope[index] == floor:
            if index in self.owner:
                # An overall figure reaches skills it is said "in" or "with" ("5 years of
                # backend development in Go"), not an adjective ("building scalable ...").
                previous = words.previous(index, floor)
                while previous is not None and words.orth[previous] in {"(", ":"}:
                    previous = words.previous(previous, floor)
                linked = previous is not None and words.lower[previous] in LINKS
                if strength != REACHED or linked:
                    for number in self._list_right(self.owner[index]):
                        self._give(number, figure.value, strength)
                return
            word = words.lower[index]
            if figure.closes_at_paren and word == ")":
                return
            if comma and word in NEW_HEADS:
                return  # ", with hands-on experience in AWS": another requirement
            if word in NEW_VERBS and self._after_and(index, floor):
                return  # "... and be comfortable with SQL": another requirement
            seen_word = seen_word or (words.is_word(index) and word not in FILLER)
            comma = comma or (seen_word and word == ",")
            index += 1

    def _give(self, number: int, value: float, strength: int) -> None:
        old = self.given.get(number)
        if old is None or strength > old[0]:
            self.given[number] = (strength, value)

    def _total(self, figure: _Figure) -> None:
        if not figure.months and not self.no_total(self.words.starts[figure.start]):
            self.totals.append(figure.value)

    # ------------------------------------------------------------------ walking the words

    def _after_filler(self, index: int, floor: int) -> tuple[int | None, int | None]:
        """The mention right after a figure, past filler and gerunds; else where it stops.

        A line break straight after the figure ends it: "Python — advanced, 6 yrs" then
        "PostgreSQL — 4 yrs" on the next line is another item ("5+ years of\nGo" still reads on).
        """
        words = self.words
        bare = True  # no filler word passed yet
        while index < len(words) and self.scope[index] == floor:
            if index in self.owner:
                return self.owner[index], None
            word = words.lower[index]
            if bare and words.space[index] and "\n" in word:
                return None, None
            bare = bare and (words.space[index] or words.is_emphasis(index))
            skippable = (
                words.space[index]
                or words.is_emphasis(index)
                or word in FILLER
                or _is_gerund(word)
                or (word == "-" and _glued(words, index))
            )
            if not skippable:
                return None, index
            index += 1
        return None, None

    def _skill_before(self, index: int, floor: int) -> tuple[list[int], bool] | None:
        """The skill a figure follows: ``(mentions it goes to, whether a role came between)``."""
        words = self.words
        paren = self._open_paren(index, floor)
        if paren is not None:
            previous = words.previous(paren, floor)
            # past a level and dot leaders: "Java ........ expert (10 years)"
            while (
                previous is not None
                and previous not in self.owner
                and (words.lower[previous] in LEVELS or _dots(words.lower[previous]))
            ):
                previous = words.previous(previous, floor)
            if previous is not None and previous in self.owner:
                return [self.owner[previous]], False
            return None
        role = False
        position = words.previous(index, floor)
        while position is not None:
            if position in self.owner:
                number = self.owner[position]
                return [*self._list_left(number), number], role
            word = words.lower[position]
            if word == ")" and not role and (opening := self._opening(position, floor)):
                position = words.previous(opening, floor)  # "AWS (EC2, EKS) — 5 years"
                if position is not None and position in self.owner:
                    return [self.owner[position]], role
                return None
            if word in ROLES and not role:
                role = True
            elif not (
                word in CONNECTORS
                or word in LEVELS
                or (word == "," and self._level_before(position, floor))
                or words.is_emphasis(position)
                or _dots(word)
            ):
                return None
            position = words.previous(position, floor)
        # A line wrapped before the dash: "Rust — 4 yrs; C++\n— 7 yrs before that".
        first = words.following(floor)
        wrapped = words.previous(floor) if first is not None and first < index else None
        if wrapped is not None and words.orth[first] in DASHES and wrapped in self.owner:
            gap = words.text[words.ends[wrapped] : words.starts[first]]
            if gap.count("\n") == 1:
                return [self.owner[wrapped]], role
        return None

    def _opening(self, index: int, floor: int) -> int | None:
        """The "(" that the ")" at ``index`` closes, within the sentence and a few words."""
        words = self.words
        position = words.previous(index, floor)
        for _ in range(PAREN_REACH):
            if position is None or words.orth[position] == ")":
                return None
            if words.orth[position] == "(":
                return position
            position = words.previous(position, floor)
        return None

    def _label_before(self, index: int, floor: int) -> bool:
        """A skill, a label mark and only connectors or levels before the figure: "Go: 3
        years", "Kotlin — solid, 18 months"."""
        words = self.words
        position = words.previous(index, floor)
        marked = False
        while position is not None and position not in self.owner:
            word = words.lower[position]
            if word in LABEL_MARKS:
                marked = True
            elif not (word in CONNECTORS or word in LEVELS or word == ","):
                return False
            position = words.previous(position, floor)
        return marked and position is not None

    def _after_and(self, index: int, floor: int) -> bool:
        previous = self.words.previous(index, floor)
        return previous is not None and self.words.lower[previous] == "and"

    def _level_before(self, index: int, floor: int) -> bool:
        """A proficiency word right before this comma: "Python — advanced, 6 yrs"."""
        previous = self.words.previous(index, floor)
        return previous is not None and self.words.lower[previous] in LEVELS

    def _for_years(self, index: int, floor: int) -> int | None:
        """ "Java developer at Acme for 1 year": the nearest skill before a "for N years"."""
        words = self.words
        position = words.previous(index, floor)
        while position is not None and words.lower[position] in APPROXIMATELY:
            position = words.previous(position, floor)  # "for about three years"
        if position is None or words.lower[position] != "for":
            return None
        for _ in range(FOR_REACH):
            position = words.previous(position, floor)
            if position is None:
                return None
            if position in self.owner:
                return self.owner[position]
        return None

    def _open_paren(self, index: int, floor: int) -> int | None:
        """The "(" a figure sits inside, when no skill is named between them."""
        words = self.words
        position = words.previous(index, floor)
        for _ in range(PAREN_REACH):
            if position is None:
                return None
            word = words.orth[position]
            if word == "(":
                return position
            if word == ")" or position in self.owner:
                return None
            position = words.previous(position, floor)
        return None

    def _role_follows(self, index: int, floor: int) -> bool:
        """A role noun within three words after a skill: "with a DevOps or SRE job title",
        "MySQL Database Administrator"."""
        words = self.words
        seen = 0
        while index < len(words) and self.scope[index] == floor and seen < 3:
            if words.is_word(index):
                if words.lower[index] in ROLES:
                    return True
                seen += 1
            index += 1
        return False

    def _list_right(self, number: int, adjacent: bool = False) -> list[int]:
        """The mentions in a list that starts at this one ("Java, Kotlin or Scala").

        Two names side by side are one list only when ``adjacent`` (Kaggle's "MySQL DBA ,
        Centos"); in prose the second starts a new phrase ("PostgreSQL at scale").
        """
        words, members = self.words, [number]
        index = self.mentions[number][1]
        floor = self.scope[self.mentions[number][0]]
        item_words = 0
        after_item = True
        while index < len(words) and self.scope[index] == floor:
            other = self.owner.get(index)
            word = words.lower[index]
            if other is not None and other != members[-1]:
                if after_item and not adjacent:
                    break
                members.append(other)
                index, item_words, after_item = self.mentions[other][1], 0, True
                continue
            if words.space[index] or words.is_emphasis(index):
                index += 1
            elif word in LIST_GLUE or word == ")" or word == "(":
                index, item_words, after_item = index + 1, 0, False
            elif word in LEVELS:
                break  # "5+ years Python, strong Django": a new item with its own level
            elif (
                not after_item
                and word.isalpha()
                and item_words < LIST_ITEM_WORDS
                and not _is_gerund(word)
            ):
                index, item_words = index + 1, item_words + 1
            else:
                break
        return members

    def _list_left(self, number: int) -> list[int]:
        """The mentions listed just before this one ("Html/CSS 3+ yrs" gives Html too)."""
        words, members = self.words, []
        floor = self.scope[self.mentions[number][0]]
        position = words.previous(self.mentions[number][0], floor)
        while position is not None and words.lower[position] in LIST_GLUE - {"-"}:
            before = words.previous(position, floor)
            if before is None or before not in self.owner:
                break
            other = self.owner[before]
            members.insert(0, other)
            position = words.previous(self.mentions[other][0], floor)
        return members

    # ------------------------------------------------------------------ tables, months

    def _tables(self) -> None:
        """ "Skill | Years" then "Python | 6"; dot leaders and column gaps work the same.

        A header names years, so only the lines holding a years word are tried as one.
        """
        text = self.words.text
        resume = 0  # where the next header may start: past the table read last
        for stem in self.year_stems:
            if stem < resume or not _word_start(text, stem, hyphen=False):
                continue
            if not _YEAR_WORD_END.match(text, stem):
                continue
            line_start = text.rfind("\n", 0, stem) + 1
            line_end = _line_end(text, stem)
            column, split = _years_column(text[line_start:line_end])
            resume = line_end + 1
            if column is not None and split is not None:
                resume = self._table_rows(resume, column, split)

    def _table_rows(self, line_start: int, column: int, split: re.Pattern[str]) -> int:
        """Give the years of each row from ``line_start`` on; return where the line after the
        table starts (a blank line or a row without the column ends it)."""
        text = self.words.text
        while line_start <= len(text):
            line_end = _line_end(text, line_start)
            line = text[line_start:line_end]
            if not line.strip():
                return line_end + 1
            if not _RULE_LINE.fullmatch(line):
                cells = _cells(line, split)
                if len(cells) <= column:
                    return line_end + 1
                value = _CELL_VALUE.fullmatch(cells[column][0].strip("*_ "))
                years = _number(value.group("n")) if value else None
                if years is not None:
                    first, last = line_start + cells[0][1], line_start + cells[column - 1][2]
                    low = bisect.bisect_left(self.mention_chars, first)
                    for number in range(low, bisect.bisect_left(self.mention_chars, last)):
                        self._give(number, years, TABLE)
            line_start = line_end + 1
        return line_start

    def _months(self) -> None:
        """Kaggle's "Skill Details": "MySQL, Replication - Experience - 24 months"."""
        words = self.words
        if "month" not in self.lower:  # no letter of it folds to another when case is ignored
            return
        cues = [cue.start() for cue in _MONTHS_CUE.finditer(words.text)]
        if not cues:  # most documents never say "- 24 months"
            return
        # A list ends past its first member and before the end of the last mention that
        # starts in its sentence (a sentence's tokens follow one another); with no cue within
        # reach of that, neither this list nor one from its members gives anything.
        ordered = sorted((start, words.ends[end - 1]) for start, end in self.mentions)
        first_tokens = [start for start, _ in ordered]
        reach = list(accumulate((end for _, end in ordered), max))
        done: set[int] = set()
        for number, (start, stop) in enumerate(self.mentions):
            if number in done:
                continue  # a later member of a list already read: its list ends the same
            first_end = words.ends[stop - 1]
            if first_end > cues[-1]:
                continue  # no cue after it at all
            sentence_end = bisect.bisect_right(self.scope, self.scope[start])
            last = reach[bisect.bisect_left(first_tokens, sentence_end) - 1]
            cue = bisect.bisect_left(cues, first_end)
            if cues[cue] >= last + MONTHS_REACH:
                continue
            members = self._list_right(number, adjacent=True)
            done.update(members)
            end = words.ends[self.mentions[members[-1]][1] - 1]
            match = _MONTHS.match(words.text[end : end + MONTHS_REACH])
            if match:
                for member in members:
                    self._give(member, round(int(match.group(1)) / 12, 2), AFTER)


def _number(word: str) -> float | None:
    word = word.lower()
    value = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)
    return value if 0 < value <= MAX_YEARS else None


def _stems(text: str, lower: str, folded: re.Pattern[str], cased: re.Pattern[str]) -> list[int]:
    """Where a stem starts: found in the lower-case text when that has the text's offsets (it
    has unless an "İ" became two characters), else with the pattern that spells out cases."""
    if len(lower) == len(text):
        return [stem.start() for stem in folded.finditer(lower)]
    return [stem.start() for stem in cased.finditer(text)]


def _matches(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds when each of its matches starts at one of
    ``starts`` (in order): the pattern is matched there only."""
    found = []
    position = 0
    for start in starts:
        if start >= position and (match := pattern.match(text, start)) is not None:
            found.append(match)
            position = match.end()
    return found


def _for_before(lower: str, start: int) -> bool:
    """Whether "for" (and maybe "about") stands right before ``start``: "for 5 years"."""
    window = max(0, start - 20)
    return "for" in lower[window:start] and _FOR_BEFORE.search(lower, window, start) is not None


def _line_end(text: str, index: int) -> int:
    """Where the line holding character ``index`` ends (its line break, or the text's end)."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _word_start(text: str, index: int, hyphen: bool = True, dot: bool = False) -> bool:
    r"""Whether ``text[index]`` starts a word: no word character (nor, with ``hyphen``, a
    hyphen; with ``dot``, a dot) before it, as ``(?<![\w-])`` says. ``\w`` is what
    ``str.isalnum`` holds, and "_"."""
    if not index:
        return True
    before = text[index - 1]
    return not (
        before.isalnum() or before == "_" or (hyphen and before == "-") or (dot and before == ".")
    )


def _is_gerund(word: str) -> bool:
    return len(word) > 4 and word.endswith("ing") and word.isalpha() and word not in NOT_GERUNDS


def _glued(words: Words, index: int) -> bool:
    """A hyphen inside a word ("hands-on"), not a dash between words."""
    start, end = words.starts[index], words.ends[index]
    text = words.text
    return (
        start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
    )


def _dots(word: str) -> bool:
    return len(word) >= 2 and set(word) <= {".", "…", "_"}


def _years_column(line: str) -> tuple[int | None, re.Pattern[str] | None]:
    """In a table header ("Skill | Years"), the column that holds years, and how to split
    (the line holds a years word: :meth:`_Reader._tables` tries no other)."""
    split = _splitter(line)
    if split is None:
        return None, None
    for position, (cell, _, _) in enumerate(_cells(line, split)):
        if position and _HEADER_CELL.fullmatch(cell.strip("*_: ")):
            return position, split
    return None, None


_PIPE = re.compile(r"\|")
_DOT_CELLS = re.compile(r"\s*(?:\.{3,}|…+)\s*")
_COLUMN_GAP = re.compile(r"\S(?:\t|\s{2,})\S")
# What every column gap holds: found by a scan that skips from space to space, where
# ``_COLUMN_GAP`` tries every position of the line.
_GAP_START = re.compile(r"\s(?:\s|(?<=\t))")
_GAP_CELLS = re.compile(r"\t+|\s{2,}")


def _splitter(line: str) -> re.Pattern[str] | None:
    if "|" in line:
        return _PIPE
    if "..." in line or "…" in line:  # a dot leader
        return _DOT_CELLS
    if _GAP_START.search(line) and _COLUMN_GAP.search(line):
        return _GAP_CELLS
    return None


def _cells(line: str, split: re.Pattern[str]) -> list[tuple[str, int, int]]:
    """The cells of a table row with their character offsets in the line (empty ones dropped
    at the edges, as Markdown's "| a | b |" has)."""
    cells = []
    position = 0
    for match in split.finditer(line):
        cells.append((line[position : match.start()], position, match.start()))
        position = match.end()
    cells.append((line[position:], position, len(line)))
    while cells and not cells[0][0].strip():
        cells.pop(0)
    while cells and not cells[-1][0].strip():
        cells.pop()
    return cells
