"""Notes a report shows before its numbers, where the numbers alone would mislead.

- a document read with low or medium confidence (a PDF with unmapped glyphs, columns);
- a document not written in English: skillgap's cue words (negation, requirement level,
  years) are English, so findings may be missing or wrong;
- an ad with no backend-engineering skill in it (a nurse-manager post): a 0/100 there says
  the ad is out of scope, not that the candidate is weak;
- a résumé in which no skill was found.

English is judged by the share of English function words (spaCy's stop-word list), with a
guard for texts mostly in a non-Latin script, so it needs no model and no network.
"""

from __future__ import annotations

import re
from functools import lru_cache

from skillgap.models import Note, Profile
from skillgap.taxonomy import Taxonomy

MIN_WORDS = 60  # shorter texts are not judged for language
MIN_ENGLISH_SHARE = 0.06  # English prose and even terse résumés stay above 0.1
MAX_OTHER_SCRIPT = 0.3  # share of letters outside the Latin alphabet
SAMPLE = 20_000  # characters judged: enough to tell a language
_WORD = re.compile(r"[^\W\d_]+")
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-zÀ-ɏ]")  # letters outside the Latin alphabet
_LABEL = {"resume": "résumé", "job": "job ad"}


def report_notes(resume: Profile, job: Profile, taxonomy: Taxonomy) -> list[Note]:
    """Every note that applies, the job ad's scope first."""
    notes: list[Note] = []
    if not any(not taxonomy[skill.id].soft for skill in job.skills):
        names = ", ".join(skill.name for skill in job.skills)
        found = f" (only {names})" if names else ""
        notes.append(
            Note(
                kind="no_backend_skills",
                document="job",
                message=f"This ad names no backend-engineering skill{found}. skillgap covers "
                "backend engineering (languages, frameworks, databases, APIs, cloud, "
                "operations), so its score says little about this job.",
            )
        )
    if not resume.skills:
        notes.append(
            Note(
                kind="no_resume_skills",
                document="resume",
                message="No skill was found in the résumé. If it has one, check that the "
                "file's text can be selected and copied (a scanned page has none).",
            )
        )
    for profile in (resume, job):
        label = _LABEL[profile.kind]
        quality = profile.quality
        if quality is not None and quality.confidence != "high":
            why = f": {'; '.join(quality.reasons)}" if quality.reasons else ""
            notes.append(
                Note(
                    kind="low_confidence",
                    document=profile.kind,
                    message=f"The {label}'s text was read with {quality.confidence} "
                    f"confidence{why}. Findings may be incomplete; a text or DOCX copy "
                    "reads best.",
                )
            )
        if not is_english(profile.text):
            notes.append(
                Note(
                    kind="not_english",
                    document=profile.kind,
                    message=f"The {label} does not look English. skillgap reads English: "
                    "names of technologies are found, but negation, requirement levels and "
                    "years may be missed.",
                )
            )
    return notes


def is_english(text: str) -> bool:
    """Whether a text reads as English; short texts are given the benefit of the doubt."""
    return _is_english(text[:SAMPLE])


@lru_cache(maxsize=64)  # ``rank`` asks it of one job ad once per résumé
def _is_english(text: str) -> bool:
    words = _WORD.findall(text)
    letters = "".join(words)  # a word is a run of letters: every letter, found once
    other = 0 if letters.isascii() else len(_OTHER_SCRIPT.findall(letters))  # ASCII is Latin
    if other and other / len(letters) > MAX_OTHER_SCRIPT:
        return False
    if len(words) < MIN_WORDS:
        return True
    common = _stop_words()
    return sum(word.lower() in common for word in words) / len(words) >= MIN_ENGLISH_SHARE


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
