"""Find the sections of a résumé or job ad from their headings.

A heading is a short line (Markdown ``#``, bold, upper case or ending in a colon are all
common) whose words match one of the patterns below, or a ``Heading:`` that opens a line.
Each section runs until the next heading. Text before the first heading has no section.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from skillgap.models import Kind

# Section name -> heading wording. Checked in order; the first pattern that matches wins.
RESUME_HEADINGS: dict[str, str] = {
    "learning": r"(currently |now |still )?learning( goals| plan| (right )?now| next| list)?"
    r"|what i'?m (currently )?learning|(still |next )?to learn|in progress|currently studying"
    r"|next up|((things|tech(nologies)?|tools|skills|languages|what) )?(i'?d like|i would like"
    r"|i (want|hope|plan|intend|aim)|(i'?m |i am )?(hoping|planning|keen)|want(ing)?|would like)"
    r" to (learn|pick up|explore|study)( next)?|learning (wish ?list|goals|targets)"
    r"|on my (learning )?(radar|wish ?list)",
    "skills": r"(technical |core |key |it |professional |software )?"
    r"(skills?( set| details| summary| and tools)?"
    r"|technolog(y|ies)( stack)?|tech stack|stack|tools( and technologies)?|competenc(y|ies)"
    r"|expertise|languages( and (frameworks|tools|technologies))?|programming languages"
    r"|frameworks|databases|strengths|toolbox|toolkit)|what i (use|work with)"
    r"|((tech(nologies)?|tools|languages|things|also) )?(i'?ve |i have )?(dabbled|played"
    r"|tinkered|experimented) (with|in)|(also )?familiar with|(some |basic )?exposure( to)?",
    "experience": r"(work |professional |employment |relevant |industry |career )?"
    r"(experience|exprience|employment( history)?|work history|career history|positions"
    r"|company details|internships?)|[a-z]+ experience",
    "projects": r"(personal |side |academic |key |selected |open[- ]source )?projects?"
    r"( details)?|open[- ]source( contributions)?|publications|research|what i'?ve built",
    "education": r"(education|academic)( details| background| qualifications?)?|qualifications?",
    "certifications": r"certifications?( and (trainings?|courses))?|certificates?|licen[cs]es?"
    r"|courses( done)?|trainings?( and certifications?)?|awards?( and certifications?)?",
    "interests": r"((personal|other) )?(interests|hobbies|activities)"
    r"( and (interests|hobbies|activities))?",
    "summary": r"(professional |career |executive )?(summary|profile|objective|about me|overview)"
    r"( of qualifications)?",
}

JOB_HEADINGS: dict[str, str] = {
    "excluded": r"what you (won'?t|will not) (do|be doing)|what (this|the) (role|job) is(n'?t| not)"
    r"|what we don'?t (do|use)|not part of the (role|job)|not (in )?(this|the) (role|job)",
    "not_required": r"(what )?you (don'?t|do not|won'?t|will not) need.*"
    r"|not (required|expected|needed|necessary)|no need for.*",
    "preferred": r"(nice|good|great)[- ]to[- ]haves?|bonus( points)?|pluses|(a )?plus|extra credit"
    r"|(plus|extra|brownie) points|what would (set you apart|make you stand out)"
    r"|(preferred|desired|desirable|optional|bonus|nice[- ]to[- ]have)( [\w/&-]+){0,4}"
    r"|extras?|(it would be |it's )?(great|nice|a bonus) if( you)?.*|nice if you.*|ideally.*"
    r"|even better.*|would be nice|(technologies|tools|things|what) we('ll)?( use and)? teach.*",
    "ignored": r"additional information|how to apply"
    r"|(the )?(recruitment|hiring|interview) process.*|what can you expect.*"
    r"|equal (employment )?opportunity.*|eeo.*|apply( now)?"
    r"|(applicant )?privacy( notice| policy| statement)?|data protection( notice)?|gdpr( notice)?"
    r"|disclaimer|legal( notice)?",
    "requirements": r"(basic |minimum |key |required |must[- ]have |essential )?(requirements"
    r"|qualifications|skills( and experience)?|experience|criteria)"
    r"|what (you'?ll|you will|you) (bring|need|have)|you'?ll need|you will need|you need"
    r"|what we('re| are) looking for|who you are|about you|your profile|you (have|are|bring)"
    r"|you (might|may) be a fit if.*|must[- ]haves?|we'?d love to hear from you if.*"
    r"|if you got it.*|what (are )?we (are )?looking for.*|.*attributes we value|skills needed"
    r"|essential|required|must|what we (want|expect|need|ask( for)?)|you should have"
    r"|(the )?ideal candidate.*",
    "responsibilities": r"(key |your |main )?(job |role )?(responsibilities|duties|mission)"
    r"|what you'?ll (do|work on|own)|what you'?d (do|own|work on)"
    r"|what you will (do|be doing|work on)|the role|your role|about the (role|job|position)"
    r"|in this role.*|day[- ]to[- ]day|the job|what the job (is|involves)|your impact|the work"
    r"|(job |role |position )?description|why you'?ll love this role|what will you be doing.*"
    r"|.*you will\.*|your (goals|tasks|challenges)|within \d+ months you'?ll.*|the opportunity",
    "benefits": r"benefits|perks|what we offer|we offer|compensation.*|salary.*"
    r"|why (join|work).*|what's in it for you|our offer|pay.*|the package|offer",
    "team": r"(about |meet )?the team|our team|the team you'?ll join|how we work",
    "about": r"about (us|the company)|who we are|our (mission|story|company)"
    r"|company description|what we do|who are we|the company"
    r"|company|about [\w .&-]{1,30}",
}

# A wording's own groups only group (no wording escapes a parenthesis or puts one in a
# class): made non-capturing, they leave the match no positions to keep, a third faster.
_GROUP = re.compile(r"(?<!\\)\((?!\?)")


def _compiled_wording(pattern: str) -> str:
    """The wording with its groups non-capturing, and an optional group ``(X)?`` written
    ``(?:X|)``: the same matches in the same order, but the engine skips an alternative at
    its first character where it sets up a repeat for ``?`` (a third faster again)."""
    pattern = _GROUP.sub("(?:", pattern)
    opened: list[int] = []  # where each open group starts
    optional: list[int] = []  # the ")" of each optional group
    for at, char in enumerate(pattern):
        if char == "(":
            opened.append(at)
        elif char == ")":
            opened.pop()
            if pattern[at + 1 : at + 2] == "?" and pattern[at + 2 : at + 3] not in ("?", "+"):
                optional.append(at)
    for at in reversed(optional):
        pattern = f"{pattern[:at]}|){pattern[at + 2 :]}"
    return pattern


# One pattern per kind, each table's wordings as named alternatives in order: a full match
# takes the first alternative that matches the whole line, so one call does what a call per
# section did (headings are checked on every short line).
_SOURCES: dict[Kind, str] = {
    kind: "|".join(f"(?P<{name}>{_compiled_wording(pattern)})" for name, pattern in table.items())
    for kind, table in (("resume", RESUME_HEADINGS), ("job", JOB_HEADINGS))
}
# A heading line is decoration around its words (Markdown, bold, bullets, emoji: "⭐ Nice to
# have"); the pattern matches the whole line, the words in place (no copy of them is made).
# A run captured in a lookahead and matched again, ``(?=(X*))\1``, is never retried shorter
# when what follows fails (an atomic group, which Python 3.10 lacks): a line of "=====" is
# rejected in one scan, not one per position.
_LINE = (
    r"(?=([\W_]*))\1(?=[^\W_])"  # before the words: up to the first alphanumeric character
    r"(?!(?s:.){{60}}[^\w)']*[\w)'])"  # 60 characters of words at most, told at once
    r"{spelling}(?:{wordings})(?<=[\w)'])"  # ending in an alphanumeric, "_", ")" or "'"
    r"[^\w)']*\Z"  # after them: none of those
)
# The wordings are lower case, so on ASCII text (nearly every line) matching the lower-cased
# text case-sensitively is the same as ignoring case, and much cheaper. Other text (accents,
# the dotless "ı" that matches "i" when case is ignored) takes the case-blind wordings.
# A résumé wording is spelled with lower-case letters, spaces, apostrophes and hyphens only
# (a test reads the table for it), so a line with another character (a digit, a comma, "|")
# in its words is no résumé heading: one scan of the line (atomic too) rejects it before the
# alternatives are tried.
_SPELLING: dict[Kind, str] = {"resume": r"(?=(?=([-a-z' ]*))\2[^\w)']*\Z)", "job": ""}
_ASCII_PATTERNS = {
    kind: re.compile(_LINE.format(spelling=_SPELLING[kind], wordings=source))
    for kind, source in _SOURCES.items()
}


@cache
def _case_blind(kind: Kind) -> re.Pattern[str]:
    return re.compile(_LINE.format(spelling="", wordings=f"(?i:{_SOURCES[kind]})"))


# "Label: content" or a table typed as text ("Languages ...... Go", "Languages   Go, SQL").
_INLINE_HEADING = re.compile(
    r"^[ \t#*•·\-]*([A-Za-z][A-Za-z '&/()-]{2,40}?)[ \t*]*(?::|\.{3,}|…+|\t| {3,})"
)
_MARKDOWN = re.compile(r"^\s*(#{1,6})\s")
_BOLD_LINE = re.compile(r"^\s*\*\*[^*]+\*\*\s*:?\s*$")
_SYMBOL_LINE = re.compile(r"^\s*([^\w\s#*(\[\"'•·▪●◦»➔–—-]+)\s*[A-Z]")  # "🚀 What you'll do"
_BULLET = re.compile(r"^\s*([-*•·▪●◦»➔–—]|\d{1,2}[.)]|[A-Z]\d{1,2}\.)\s")
_INLINE_DETAILS = re.compile(r"\b(Skill|Education|Company|Project) Details\b")
_MARKS = " *#-•·▪●◦»➔–—:.=|"  # common decoration around a heading's words
MAX_HEADING_WORDS = 9
MAX_HEADING_CHARS = 120  # with its Markdown or bold decoration
# Sections an inline "Label: ..." opens for its own line only: they change what the line's
# skills mean or drop them, so they must not run on into the lines after ("Interests: Rust,
# chess", "Salary: ...").
LINE_ONLY = {"interests", "learning", "not_required", "excluded", "preferred", "benefits",
             "ignored", "about"}  # fmt: skip
# ... and those it opens for its own line inside another section, or before any: a role's
# "Stack: Go, Redis" or "Skills: Kafka · Python" (LinkedIn) lists that role's tools, and the
# roles after it are still experience (a PDF may read a side column's headings last). A line
# that ends in list glue goes on below it ("Skills: Python, Go,\nDocker"), and so does one
# that more labelled lists follow ("Skills: Python\nMessaging: Kafka").
LINE_ONLY_WITHIN = {("skills", "experience"), ("skills", "projects"), ("skills", None)}
LABEL_WORDS = 3  # "Cloud & DevOps: AWS" is a label; "Designed the platform: ..." is not
_LIST_GOES_ON = re.compile(r"(?:[,/&+]|\band)\s*$")
# Sections that are lists: a prose paragraph after their items is no longer part of them.
LIST_SECTIONS: dict[Kind, set[str]] = {
    "job": {"requirements", "preferred", "not_required", "excluded"},
    "resume": {"skills"},
}
PROSE_WORDS = 6
# Heading depth: Markdown "#" counts; a plain or ALL-CAPS title is a top heading (2); a bold
# line or a short "Title:" line is a sub-heading (3). An unknown heading ends the section
# only when it is not deeper than the heading that opened it ("### Acme" under "## Experience").
TOP, SUB = 2, 3


@dataclass(frozen=True)
class Sections:
    """Section boundaries of one text: ``starts[i]`` opens section ``names[i]``."""

    starts: list[int]
    names: list[str | None]

    def spans(self, names: set[str], length: int) -> list[tuple[int, int]]:
        """Character spans of the sections with these names."""
        ends = [*self.starts[1:], length]
        return [(s, e) for s, e, n in zip(self.starts, ends, self.names, strict=True) if n in names]

    def at(self, offset: int) -> str | None:
        """The section holding the character at ``offset``."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.names[index] if index >= 0 else None


def heading_name(line: str, kind: Kind) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    if len(line) > MAX_HEADING_CHARS:  # most lines: too long to be a heading, decided at once
        return None
    line = line.replace("\u2019", "'")
    if line.isascii():
        match = _ASCII_PATTERNS[kind].match(line.lower())
    else:
        match = _case_blind(kind).match(line)
    if match is None or match.lastgroup is None:
        return None
    # Words counted last, on a match: the count splits them, and few short lines have too many.
    start, end = match.span(match.lastgroup)
    return match.lastgroup if _word_count(line[start:end]) <= MAX_HEADING_WORDS else None


def _heading_depth(line: str, kind: Kind, lines: Sequence[str] = (), number: int = 0) -> int | None:
    """How deep an unknown heading-like line sits, or None when it reads as content.

    Markdown headings, bold lines, short "Title:" lines and emoji titles are headings (an
    emoji that also opens the line before or after is a bullet: "✔ Python"); so is a short ALL-CAPS
    line in a job ad (in a résumé that is usually a job title). ``lines[number]`` is the
    line, and the lines around it are read only for an emoji title.
    """
    if "#" in line:  # the patterns' marks, looked for first: most lines have neither
        markdown = _MARKDOWN.match(line)
        if markdown:
            return len(markdown.group(1))
    if "**" in line and _BOLD_LINE.match(line):
        return SUB
    words = line.strip()
    # The three shapes, told before the words are counted: most lines have none. An emoji
    # title opens with what is neither a space nor ``\w`` (what ``isalnum`` is, but "_").
    title = words.endswith(":") and words[:1].isupper()
    symbol = None if words[:1].isalnum() else _SYMBOL_LINE.match(line)
    capitals = kind == "job" and words.upper() == words
    if not (title or symbol or capitals):
        return None
    count = _word_count(words)
    if not 0 < count <= MAX_HEADING_WORDS:
        return None
    if title and count <= 5:
        return SUB if kind == "resume" else TOP  # "Key achievements:" inside a résumé's job
    if (
        symbol
        and words[-1:] not in ".!?"
        and not any(near.lstrip().startswith(symbol.group(1)) for near in _around(lines, number))
    ):
        return TOP
    if (
        capitals
        and count <= 6
        and sum(c.isalpha() for c in words) > 3
        and "," not in words
        and not _BULLET.match(line)
    ):
        return TOP
    return None


def find_sections(text: str, kind: Kind) -> Sections:
    """Split a document into named sections by its heading lines."""
    starts: list[int] = [0]
    names: list[str | None] = [None]
    depth = TOP  # of the heading that opened the current section
    bullets = False  # the current list section has had bullet items
    blank = False  # the line before was empty
    offset = 0
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.isspace():  # a blank line is no heading and no list item
            blank = True
            offset += len(line)
            continue
        here = names[-1]
        inline = None
        match = _INLINE_HEADING.match(line) if _may_be_inline(line) else None
        if match and line[match.end() :].strip(" \t*_:.\r\n"):  # "Salary: <SALARY>"
            inline = heading_name(match.group(1), kind)
        name = heading_name(line, kind) if inline is None else None
        unknown = None
        if name is None and inline is None and here is not None:  # what it would end
            unknown = _heading_depth(line, kind, lines, number)
        if name is not None:
            if name != here:
                starts.append(offset)
                names.append(name)
            depth, bullets = _heading_depth(line, kind) or TOP, False
        elif inline is not None and inline != here:
            starts.append(offset)
            names.append(inline)
            if inline in LINE_ONLY or (
                (inline, here) in LINE_ONLY_WITHIN
                and not _LIST_GOES_ON.search(line)
                and not _label_follows(lines, number)
            ):
                # back to the section around it on the next line
                # ... unless it closed a bulleted list: a label line after the list's blank
                # line ("What we don't use: PHP.") ends the list, as a prose line does
                closed = here in LIST_SECTIONS[kind] and bullets and blank
                starts.append(offset + len(line))
                names.append(None if closed else here)
                bullets = bullets and not closed
            else:
                depth, bullets = TOP, False
        elif unknown is not None and here is not None and unknown <= depth:
            starts.append(offset)  # an unknown heading ends the known section before it
            names.append(None)
            depth, bullets = unknown, False
        elif here in LIST_SECTIONS[kind]:  # (a blank line went on above)
            if bullets and blank and _is_prose(line, kind):
                starts.append(offset)  # closing remarks after the list
                names.append(None)
                bullets = False
            elif kind == "resume" or _BULLET.match(line):
                bullets = True
        if kind == "resume" and " Details" in line:
            for match in _INLINE_DETAILS.finditer(line):
                detail = {"Skill": "skills", "Education": "education"}.get(match.group(1))
                section = detail or ("projects" if match.group(1) == "Project" else "experience")
                starts.append(offset + match.start())
                names.append(section)
        blank = False
        offset += len(line)
    return Sections(starts, names)


def _word_count(text: str, most: int = MAX_HEADING_WORDS) -> int:
    """How many words ``text`` has, counted up to one past ``most``: a long line is not
    split to the end."""
    return len(text.split(None, most))


def _label_follows(lines: list[str], number: int) -> bool:
    """The next line that is not blank opens with a short label too ("Skills: Python" then
    "Messaging: Kafka"): a block of labelled lists, which the first label's section holds.
    A bullet is no label ("- Designed the platform: 40 functions")."""
    for line in lines[number + 1 :]:
        if not line.isspace():
            label = _INLINE_HEADING.match(line)
            return (
                label is not None
                and _BULLET.match(line) is None
                and len(label.group(1).split()) <= LABEL_WORDS
            )
    return False


def _may_be_inline(line: str) -> bool:
    """Whether a line holds what ends an inline heading's label: most lines do not, and
    this is cheaper than the pattern."""
    return ":" in line or "\t" in line or "   " in line or "..." in line or "…" in line


def _is_prose(line: str, kind: Kind) -> bool:
    """A paragraph line: several words, not a list item; in a résumé, a whole sentence."""
    words = line.strip()
    if len(words.split()) < PROSE_WORDS or _BULLET.match(line):
        return False
    return kind == "job" or (words[-1:] in ".!?" and words.count(",") <= 2)


def _around(lines: Sequence[str], number: int) -> tuple[str, str]:
    """The line before and the next line that is not blank."""
    return lines[number - 1] if number else "", _next_text(lines, number)


def _next_text(lines: Sequence[str], number: int) -> str:
    """The next line that is not blank."""
    for line in lines[number + 1 : number + 4]:
        if line.strip():
            return line
    return ""


# Without headings, who the text speaks to: an ad addresses "you" and speaks as "we"; a
# résumé or cover letter speaks as "I".
_ADDRESS = re.compile(r"\b(?:you(?:'ll|'re|'d|r)?|we(?:'re|'ll)?)\b", re.IGNORECASE)
_SELF = re.compile(r"(?<![\w'])(?:I|I'(?:ve|m|d)|[Mm]y|[Mm]e)(?![\w'])")


def guess_kind(text: str) -> Kind:
    """ "job" when job-ad headings outnumber résumé headings, else "resume". With as many of
    each (a plain paragraph), "job" when the text addresses "you" more than it says "I"."""
    counts = {
        kind: len({name for name in find_sections(text, kind).names if name})
        for kind in ("resume", "job")
    }
    if counts["job"] == counts["resume"]:
        return "job" if len(_ADDRESS.findall(text)) > len(_SELF.findall(text)) else "resume"
    return "job" if counts["job"] > counts["resume"] else "resume"
