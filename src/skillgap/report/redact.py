"""Blind mode: hide who the candidate is from everything a report shows.

Skills are extracted from the original text first, so redaction never changes a score. Then
names, e-mail addresses, phone numbers, street addresses and URLs are masked with ``█``
character for character, so every mention offset still indexes the masked text, and the file
name becomes a pseudonym. The rules are patterns plus one heuristic for names (a short run of
capitalised words near the top, or after ``Name:``); they lean towards masking too much, since
a masked word in a snippet costs little and a leaked name defeats blind screening.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from skillgap.models import GapReport, Mention, Quote
from skillgap.patterns import EMAIL, PHONE, PHONE_DIGITS, WEB_ADDRESS
from skillgap.taxonomy import Taxonomy

MASK = "█"

_STREET = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][\w.'-]*\s+){0,4}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl"
    r"|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Square|Sq|Straße|Strasse|Str)\b[^\n|·•]*"
)
_NAME_LABEL = re.compile(r"(?im)^[ \t]*(?:full[ \t]+)?name[ \t]*[:=][ \t]*([^\n|·•,]+)")
_SEGMENT_SPLIT = re.compile(r"[|·•–—,]| - ")
_LABEL = re.compile(r"^\s*\w+\s*:\s*")
_INLINE_LABEL = re.compile(r"\s\w+\s*:")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NOT_NAME_WORDS = {
    "engineer", "developer", "architect", "consultant", "manager", "designer", "scientist",
    "analyst", "specialist", "software", "senior", "junior", "lead", "director", "intern",
    "student", "experience", "education", "skills", "summary", "profile", "objective",
    "contact", "projects", "technical", "your", "details", "competencies", "administrator",
    "tester", "associate", "assistant", "officer", "executive", "programmer", "computer",
    "science", "data", "database", "automation", "cloud", "security", "network", "quality",
    "download", "pdf", "company", "university", "college", "institute", "school",
}  # fmt: skip
_TITLE_TAIL = {"resume", "résumé", "cv", "curriculum", "vitae"}
NAME_LINES = 3  # non-empty lines at the top where a name is looked for
NAME_LINE_CHARS = 80  # longer top lines are flattened text, not a name header
SUBSTRING_PART = 4  # name parts this long are masked inside words too ("marissamayer")


def pii_spans(text: str, taxonomy: Taxonomy) -> list[tuple[int, int]]:
    """Character ranges of personal data in ``text``, merged and sorted.

    A name part that is a skill of ``taxonomy`` ("Kafka") is masked only inside the full name.
    """
    spans = [m.span() for pattern in (EMAIL, WEB_ADDRESS, _STREET) for m in pattern.finditer(text)]
    spans += [
        m.span() for m in PHONE.finditer(text) if sum(c.isdigit() for c in m[0]) in PHONE_DIGITS
    ]
    for name in candidate_names(text):
        parts = [
            part.strip(".")
            for part in name.split()
            if len(part.strip(".")) >= 3 and part.strip(".").lower() not in _skill_names(taxonomy)
        ]
        long = [re.escape(part) for part in parts if len(part) >= SUBSTRING_PART]
        short = [re.escape(part) for part in parts if len(part) < SUBSTRING_PART]
        patterns = [r"\s+".join(re.escape(part) for part in name.split())]
        patterns += [rf"\w*{part}\w*" for part in long] + [rf"\b{part}\b" for part in short]
        for pattern in patterns:
            spans += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    return _merge(spans)


def candidate_names(text: str) -> list[str]:
    """Likely person names: after a ``Name:`` label, or a short capitalised run at the top."""
    names = [m[1].strip() for m in _NAME_LABEL.finditer(text)]
    lines = [line for line in text.splitlines() if line.strip()][:NAME_LINES]
    for line in lines:
        if len(line) > NAME_LINE_CHARS:
            continue
        plain = _LABEL.sub("", re.sub(r"\]\([^)]*\)|[#*_\[\]>`]", " ", line))
        plain = _INLINE_LABEL.split(plain, maxsplit=1)[0]  # "Jane Doe Email: ..."
        words = _SEGMENT_SPLIT.split(plain)[0].split()
        while words and words[-1].lower() in _TITLE_TAIL:
            words.pop()
        if _looks_like_name(words):
            names.append(" ".join(words))
    return list(dict.fromkeys(name for name in names if name))


@lru_cache(maxsize=8)
def _skill_names(taxonomy: Taxonomy) -> frozenset[str]:
    """Skill names and aliases of the taxonomy in use, custom skills included."""
    return frozenset(alias.text.lower() for alias in taxonomy.aliases())


def _looks_like_name(words: list[str]) -> bool:
    if len(words) == 1:
        return bool(_CJK_NAME.fullmatch(words[0]))
    return (
        2 <= len(words) <= 4
        and all(_name_word(word) for word in words)
        and not {word.lower().strip(".") for word in words} & _NOT_NAME_WORDS
    )


def _name_word(word: str) -> bool:
    """A capitalised word of letters ("O'Neil", "Jean-Luc"), or an initial ("L.")."""
    if len(word) == 2 and word[1] == ".":
        return word[0].isupper()
    return word[0].isupper() and all(c.isalpha() or c in "'’-" for c in word)


def redact_text(text: str, taxonomy: Taxonomy) -> str:
    """The text with personal data masked character for character (newlines kept)."""
    chars = list(text)
    for start, end in pii_spans(text, taxonomy):
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = MASK
    return "".join(chars)


def redact_report(report: GapReport, resume_text: str, taxonomy: Taxonomy) -> tuple[GapReport, str]:
    """The report and résumé text as blind mode shows them: masked text, pseudonymous file."""
    masked = redact_text(resume_text, taxonomy)

    def hide(mention: Mention) -> Mention:
        return mention.model_copy(update={"text": masked[mention.start : mention.end]})

    secrets = {" ".join(resume_text[a:b].split()) for a, b in pii_spans(resume_text, taxonomy)}
    secrets -= {""}

    def blind(quote: Quote) -> Quote:
        """Mask every piece of personal data the quote repeats (lengths, so marks, kept)."""
        text = quote.text
        for secret in sorted(secrets, key=len, reverse=True):
            text = text.replace(secret, MASK * len(secret))
        return quote.model_copy(update={"text": text})

    matched = [
        item.model_copy(
            update={
                "resume_mentions": [hide(m) for m in item.resume_mentions],
                "resume_quotes": [blind(q) for q in item.resume_quotes],
            }
        )
        for item in report.matched
    ]
    partial = [
        item.model_copy(update={"resume_quotes": [blind(q) for q in item.resume_quotes]})
        for item in report.partial
    ]
    update = {"resume": pseudonym(report.resume), "matched": matched, "partial": partial}
    return report.model_copy(update=update), masked


def pseudonym(source: str) -> str:
    """A stable, anonymous label for a file: the same path always gives the same label."""
    return "candidate-" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:10]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
