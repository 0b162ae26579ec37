"""Find the sections of a résumé or job ad from their headings.

A heading is a short line (Markdown ``#``, bold, upper case or ending in a colon are all
common) whose words match one of the patterns below, or a ``Heading:`` that opens a line.
Each section runs until the next heading. Text before the first heading has no section.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from skillgap.models import Kind

# Section name -> heading wording. Checked in order; the first pattern that matches wins.
RESUME_HEADINGS: dict[str, str] = {
    "skills": r"(technical |core |key |it |professional |software )?"
    r"(skills?( set| details| summary)?"
    r"|technolog(y|ies)( stack)?|tech stack|stack|tools( and technologies)?|competenc(y|ies)"
    r"|expertise|languages( and (frameworks|tools|technologies))?|programming languages"
    r"|frameworks|databases|strengths)",
    "experience": r"(work |professional |employment |relevant |industry |career )?"
    r"(experience|exprience|employment( history)?|work history|career history|positions"
    r"|company details|internships?)",
    "projects": r"(personal |side |academic |key |selected |open[- ]source )?projects?"
    r"( details)?|open[- ]source( contributions)?|publications|research",
    "education": r"(education|academic)( details| background| qualifications?)?|qualifications?",
    "certifications": r"certifications?( and (trainings?|courses))?|certificates?|licen[cs]es?"
    r"|courses( done)?|trainings?( and certifications?)?|awards?( and certifications?)?",
    "interests": r"(interests|hobbies|activities)( and (interests|hobbies|activities))?",
    "summary": r"(professional |career |executive )?(summary|profile|objective|about me|overview)",
}

JOB_HEADINGS: dict[str, str] = {
    "preferred": r"(nice|good|great)[- ]to[- ]haves?|bonus( points)?|pluses|(a )?plus|extra credit"
    r"|preferred( qualifications| skills| experience)?|desired( skills| qualifications)?"
    r"|(it would be |it's )?(great|nice|a bonus) if( you)?.*|ideally.*|even better.*",
    "not_required": r"(what )?you (don'?t|do not) need.*|not required",
    "ignored": r"additional information|how to apply"
    r"|(the )?(recruitment|hiring|interview) process.*|what can you expect.*"
    r"|equal (employment )?opportunity.*|eeo.*|apply( now)?",
    "requirements": r"(basic |minimum |key |required |must[- ]have )?(requirements|qualifications"
    r"|skills( and experience)?|experience)|what (you'?ll|you will|you) (bring|need|have)"
    r"|what we('re| are) looking for|who you are|about you|your profile|you (have|are|bring)"
    r"|you (might|may) be a fit if.*|must[- ]haves?|we'?d love to hear from you if.*"
    r"|if you got it.*|what (are )?we (are )?looking for.*|.*attributes we value|skills needed",
    "responsibilities": r"(key |your |main )?(responsibilities|duties|mission)|what you'?ll do"
    r"|what you will (do|be doing)|the role|your role|about the (role|job|position)"
    r"|in this role.*|day[- ]to[- ]day|the job|what the job involves|your impact|the work"
    r"|(job |role |position )?description|why you'?ll love this role|what will you be doing.*"
    r"|.*you will\.*|your (goals|tasks|challenges)|within \d+ months you'?ll.*|the opportunity",
    "benefits": r"benefits|perks|what we offer|we offer|compensation.*|salary.*"
    r"|why (join|work).*|what's in it for you|our offer|pay.*",
    "about": r"about (us|the (company|team))|who we are|our (mission|story|team|company)"
    r"|company description|what we do|who are we|the company"
    r"|company|the team|about [\w .&-]{1,30}",
}

_PATTERNS: dict[Kind, list[tuple[str, re.Pattern[str]]]] = {
    kind: [(name, re.compile(rf"(?:{pattern})", re.IGNORECASE)) for name, pattern in table.items()]
    for kind, table in (("resume", RESUME_HEADINGS), ("job", JOB_HEADINGS))
}
_DECORATION = re.compile(r"^[\s#*_=>|•·\-–—:]+|[\s#*_=|:.!?\-–—]+$")
_INLINE_HEADING = re.compile(r"^[ \t#*•·\-]*([A-Za-z][A-Za-z '&/()-]{2,40}?)[ \t*]*:")
_MARKUP_HEADING = re.compile(r"^\s*(#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$)")
_INLINE_DETAILS = re.compile(r"\b(Skill|Education|Company|Project) Details\b")
MAX_HEADING_WORDS = 7
MAX_HEADING_CHARS = 120  # with its Markdown or bold decoration


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
    words = _DECORATION.sub("", line.replace("\u2019", "'")).strip()
    if not words or len(words.split()) > MAX_HEADING_WORDS or len(words) > 60:
        return None
    for name, pattern in _PATTERNS[kind]:
        if pattern.fullmatch(words):
            return name
    return None


def _looks_like_heading(line: str) -> bool:
    """A Markdown heading, a line in bold, or a short title line ending in a colon."""
    if _MARKUP_HEADING.match(line):
        return True
    words = line.strip()
    return words.endswith(":") and 0 < len(words.split()) <= 5 and words[0].isupper()


def find_sections(text: str, kind: Kind) -> Sections:
    """Split a document into named sections by its heading lines."""
    starts: list[int] = [0]
    names: list[str | None] = [None]
    offset = 0
    for line in text.splitlines(keepends=True):
        name = heading_name(line, kind)
        if name is None:
            inline = _INLINE_HEADING.match(line)
            if inline:
                name = heading_name(inline.group(1), kind)
        if name is None and names[-1] is not None and _looks_like_heading(line):
            starts.append(offset)  # an unknown heading ends the known section before it
            names.append(None)
        elif name is not None and name != names[-1]:
            starts.append(offset)
            names.append(name)
        if kind == "resume":
            for match in _INLINE_DETAILS.finditer(line):
                detail = {"Skill": "skills", "Education": "education"}.get(match.group(1))
                section = detail or ("projects" if match.group(1) == "Project" else "experience")
                starts.append(offset + match.start())
                names.append(section)
        offset += len(line)
    return Sections(starts, names)


def guess_kind(text: str) -> Kind:
    """ "job" when job-ad headings outnumber résumé headings, else "resume"."""
    counts = {
        kind: len({name for name in find_sections(text, kind).names if name})
        for kind in ("resume", "job")
    }
    return "job" if counts["job"] > counts["resume"] else "resume"
