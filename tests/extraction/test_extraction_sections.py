"""skillgap.sections: headings in their many written forms open the right section."""

from __future__ import annotations

import re

import pytest

from skillgap.extraction.sections import (
    _SOURCES,
    JOB_HEADINGS,
    RESUME_HEADINGS,
    _compiled_wording,
    find_sections,
    guess_kind,
    heading_name,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("What you'll bring", "requirements"),
        ("## What you'll bring", "requirements"),
        ("**What you'll bring:**", "requirements"),
        ("Requirements", "requirements"),
        ("REQUIREMENTS:", "requirements"),
        ("### Minimum qualifications", "requirements"),
        ("Must have", "requirements"),
        ("What we're looking for", "requirements"),
        ("Nice to have", "preferred"),
        ("**Nice-to-have**", "preferred"),
        ("## Nice to haves", "preferred"),
        ("Bonus points", "preferred"),
        ("Bonus points:", "preferred"),
        ("Pluses", "preferred"),
        ("PLUSES", "preferred"),
        ("Preferred qualifications", "preferred"),
        ("Benefits", "benefits"),
        ("### Benefits", "benefits"),
        ("What we offer:", "benefits"),
        ("Perks", "benefits"),
        ("Responsibilities", "responsibilities"),
        ("What you'll do", "responsibilities"),
        ("## About us", "about"),
    ],
)
def test_sections_job_heading_forms(line: str, expected: str) -> None:
    assert heading_name(line, "job") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## **What you\u2019ll do**", "responsibilities"),
        ("**What you\u2019ll bring**", "requirements"),
    ],
)
def test_sections_job_heading_with_curly_apostrophe(line: str, expected: str) -> None:
    assert heading_name(line, "job") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("WHAT WE NEED", "requirements"),
        ("What we ask for:", "requirements"),
        ("**Plus points**", "preferred"),
        ("Extra points", "preferred"),
        ("What would set you apart", "preferred"),
        ("We need you to start in May", None),  # a sentence, not a heading
        # a heading of eight or nine words
        ("It would be great if you also have:", "preferred"),
        ("You might be a fit if you have", "requirements"),
        ("If You Got It - We Want It", "requirements"),
        ("It would be great if you could start in June.", None),
        ("Not this role", "excluded"),
        ("Not in this role:", "excluded"),
    ],
)
def test_sections_job_heading_wordings(line: str, expected: str | None) -> None:
    assert heading_name(line, "job") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("EXPERIENCE", "experience"),
        ("WORK EXPERIENCE", "experience"),
        ("## Professional Experience", "experience"),
        ("**Experience**", "experience"),
        ("Skills:", "skills"),
        ("Skills", "skills"),
        ("TECHNICAL SKILLS", "skills"),
        ("## Tech stack", "skills"),
        ("Education", "education"),
        ("EDUCATION:", "education"),
        ("Projects", "projects"),
        ("**Personal projects**", "projects"),
        ("Certifications", "certifications"),
        ("Interests", "interests"),
        ("Hobbies", "interests"),
        ("Summary", "summary"),
        ("# Profile", "summary"),
    ],
)
def test_sections_resume_heading_forms(line: str, expected: str) -> None:
    assert heading_name(line, "resume") == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("I have five years of experience with Python and Django at work", "resume"),
        ("We use Python, Go and PostgreSQL every day across the platform", "job"),
        ("", "resume"),
        ("----", "job"),
        ("Built REST APIs", "resume"),
    ],
)
def test_sections_ordinary_lines_are_not_headings(line: str, kind: str) -> None:
    assert heading_name(line, kind) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Jane Doe\nSkills: Python, Go\nEXPERIENCE\nBuilt services in Go\n",
            "resume",
            {"Jane": None, "Python": "skills", "Built": "experience"},
        ),
        (
            "Backend engineer\n## Requirements\n- Python\n## Nice to have\n- Kafka\n"
            "## Benefits\n- Gym\n",
            "job",
            {"Backend": None, "Python": "requirements", "Kafka": "preferred", "Gym": "benefits"},
        ),
        (
            "Intro\nWhat you'll bring:\n* Go\nBonus points:\n* Rust\n",
            "job",
            {"Intro": None, "Go": "requirements", "Rust": "preferred"},
        ),
        (
            "Name\nSkill Details Java, SQL Company Details company - Acme",
            "resume",
            {"Java": "skills", "Acme": "experience"},
        ),
        # a role's own "Stack:" or "Skills:" line lists its tools; the role goes on
        (
            "Jane\nEXPERIENCE\nLead Engineer, Acme\nStack: Go, Redis\n- Cut latency\n"
            "Developer, Initech\nSkills: Kafka · Python\n- Wrote consumers\nSKILLS\nRust\n",
            "resume",
            {
                "Go": "skills",
                "Cut": "experience",
                "Kafka": "skills",
                "Wrote": "experience",
                "Rust": "skills",
            },
        ),
        (
            "Jane\nStack: Go, Redis,\nDocker, Kafka\n",
            "resume",
            {"Go": "skills", "Docker": "skills"},
        ),
        ("Jane\nStack: Go, Redis\nBuilt APIs\n", "resume", {"Go": "skills", "Built": None}),
        (
            "Jane\nTechnical Skills: Python, Docker\nMessaging: Kafka\nOther: Rust\nEXPERIENCE\n",
            "resume",
            {"Python": "skills", "Kafka": "skills", "Rust": "skills"},
        ),
    ],
)
def test_sections_find_sections_locates_each_word(
    text: str, kind: str, expected: dict[str, str | None]
) -> None:
    sections = find_sections(text, kind)  # type: ignore[arg-type]
    for word, section in expected.items():
        assert sections.at(text.index(word)) == section, word


@pytest.mark.parametrize(
    ("text", "kind", "word", "expected"),
    [
        ("Requirements: Python and Go\nMore text", "job", "Python", "requirements"),
        ("Skills: Python, SQL\nOther", "resume", "Python", "skills"),
    ],
)
def test_sections_inline_heading_with_colon(text: str, kind: str, word: str, expected: str) -> None:
    assert find_sections(text, kind).at(text.index(word)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senior backend engineer\n## Responsibilities\n- Build APIs\n## Requirements\n"
            "- Python\n## Nice to have\n- Kafka\n## Benefits\n- Remote\n",
            "job",
        ),
        (
            "Jane Doe\nSUMMARY\nBackend developer\nEXPERIENCE\nAcme\nEDUCATION\nBSc\n"
            "SKILLS\nPython\n",
            "resume",
        ),
        # no headings: an ad addresses "you", a letter or profile says "I"
        (
            "In this role you'll build APIs in Go. You must have 3+ years with Java; we use GCP.",
            "job",
        ),
        ("I build APIs in Go and I have used Java for three years; my team runs on GCP.", "resume"),
        ("Dear team, I'm applying because you use Go. My background: Java, Kafka.", "resume"),
        ("Python, Go, Kafka, PostgreSQL", "resume"),
    ],
)
def test_sections_guess_kind(text: str, expected: str) -> None:
    assert guess_kind(text) == expected


@pytest.mark.parametrize(
    ("line", "kind", "expected"),
    [
        ("⭐ Nice to have", "job", "preferred"),
        ("✅ Must have", "job", "requirements"),
        ("🚀 What you'll do", "job", "responsibilities"),
        ("🎁 What we offer", "job", "benefits"),
        ("ESSENTIAL", "job", "requirements"),
        ("Desirable criteria", "job", "preferred"),
        ("**Desired Skills and Competencies:**", "job", "preferred"),
        ("### **Preferred Requirements**", "job", "preferred"),
        ("Technologies we use and teach:", "job", "preferred"),
        ("WHAT YOU WON'T DO", "job", "excluded"),
        ("Not expected", "job", "not_required"),
        ("## You don't need", "job", "not_required"),
        ("Privacy notice", "job", "ignored"),
        ("Key job responsibilities", "job", "responsibilities"),
        ("📚 Currently learning", "resume", "learning"),
        ("WHAT I USE", "resume", "skills"),
        ("Healthcare experience", "resume", "experience"),
        # wishes to learn are learning; light use is still a claim (GOLD: "familiar with")
        ("## Want to learn", "resume", "learning"),
        ("LEARNING RIGHT NOW", "resume", "learning"),
        ("Learning right now:", "resume", "learning"),
        ("Things I'd like to learn next:", "resume", "learning"),
        ("Technologies I want to pick up", "resume", "learning"),
        ("On my radar", "resume", "learning"),
        ("Learning wishlist", "resume", "learning"),
        ("Tech I've dabbled with", "resume", "skills"),
        ("Also familiar with:", "resume", "skills"),
        ("Exposure to", "resume", "skills"),
        ("I want to learn about your team", "resume", None),
        ("Played with the band", "resume", None),
    ],
)
def test_sections_decorated_and_worded_headings(line: str, kind: str, expected: str) -> None:
    assert heading_name(line, kind) == expected  # type: ignore[arg-type]


# (text, kind, {word: section}): the section each word ends up in.
LAYOUTS = [
    # a Markdown sub-heading (a job title) stays inside its section
    ("## Experience\n### Senior Engineer, Acme\n- Built Django services\n## Education\nBSc",
     "resume", {"Built": "experience", "BSc": "education"}),
    # a bold job title inside EXPERIENCE stays there; a deeper line never ends a shallower one
    ("EXPERIENCE\n**Backend Engineer, Acme**\nWrote Go services\nKey achievements:\nShipped",
     "resume", {"Wrote": "experience", "Shipped": "experience"}),
    # an emoji title ends the list before it; an emoji that also opens the next line is a bullet
    ("⭐ Nice to have\n✔ Kafka\n✔ Redis\n💡 Good to know\n• We run Go",
     "job", {"Kafka": "preferred", "Redis": "preferred", "We": None}),
    # an ALL-CAPS title in a job ad is a heading; a bullet of acronyms is not
    ("NICE TO HAVE\n* AWS, GCP\n* Terraform\nWORKING HERE\nFlexible hours",
     "job", {"AWS": "preferred", "Terraform": "preferred", "Flexible": None}),
    # closing prose after a bulleted list is no longer the list
    ("Even better\n- Kafka\n- Redis\n\nPlease apply even if you meet only some of these points.",
     "job", {"Redis": "preferred", "Please": None}),
    # an inline label that changes what its skills mean applies to its own line only
    ("Skills\nPython, SQL\nInterests: Rust, chess\nDocker, Kubernetes",
     "resume", {"Python": "skills", "Rust": "interests", "Docker": "skills"}),
    ("Salary: competitive\nExperience level: senior\nStack: Go, Kafka",
     "job", {"competitive": "benefits", "Go": None}),
    # a label line after a bulleted list and its blank line ends the list, as prose does
    ("Bonus\n- Terraform\n\nWhat we don't use: PHP.\nExpress shipping on day one.",
     "job", {"Terraform": "preferred", "PHP": "excluded", "Express": None}),
    ("Nice to have\n- Kafka\n\nNot required: Rust.\nWe run Go everywhere.",
     "job", {"Kafka": "preferred", "Rust": "not_required", "We": None}),
    # without the blank line the label is one of the list's items
    ("Nice to have\n- Kafka\nNot required: Rust\n- Redis",
     "job", {"Rust": "not_required", "Redis": "preferred"}),
    # a "want to learn" list after a skills list is learning; a "dabbled with" list is skills
    ("## Core skills\n- Java\n## Tech I've dabbled with\n- Kotlin\n## Want to learn\n- Rust",
     "resume", {"Java": "skills", "Kotlin": "skills", "Rust": "learning"}),
    # tables typed as text: dot leaders and wide gaps
    ("Languages ...... Go, Python\nOther", "resume", {"Go": "skills"}),
    ("Frameworks        Django, Flask", "resume", {"Django": "skills"}),
    # a skills list ends at a prose paragraph
    ("SKILLS\nGo, Kafka, Redis\n\nI would happily join a Rust team one day, given the chance.",
     "resume", {"Kafka": "skills", "happily": None}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "expected"), LAYOUTS)
def test_sections_layouts_people_paste(
    text: str, kind: str, expected: dict[str, str | None]
) -> None:
    sections = find_sections(text, kind)  # type: ignore[arg-type]
    for word, section in expected.items():
        assert sections.at(text.index(word)) == section, word


@pytest.mark.parametrize(
    ("line", "kind", "expected"),
    [
        ("SKILLS", "resume", "skills"),
        ("ſkills", "resume", "skills"),  # the long s is an "s" when case is ignored
        ("Skılls", "resume", "skills"),  # ... and the dotless i an "i"
        ("EXPERİENCE", "resume", "experience"),
        ("Café experience", "resume", None),  # "[a-z]+ experience" takes no accent
        ("NİCE TO HAVE", "job", "preferred"),
        ("Qualifıcations", "job", "requirements"),
    ],
)
def test_sections_headings_in_any_case_and_script(line: str, kind: str, expected: str) -> None:
    """ASCII lines are matched lower-cased; the others case-blind, as every line once was."""
    blind = re.compile(_SOURCES[kind], re.IGNORECASE).fullmatch(line)  # type: ignore[index]
    assert (blind.lastgroup if blind else None) == expected
    assert heading_name(line, kind) == expected  # type: ignore[arg-type]


def test_sections_resume_wordings_are_spelled_with_letters_spaces_apostrophes_hyphens() -> None:
    """The résumé pattern rejects a line with any other character before it tries the
    wordings: every wording must be written with literal letters, spaces, apostrophes and
    hyphens, grouping, "|", "?", "+" and classes of those (no escape, no ".")."""
    spelling = re.compile(r"(?:[-a-z' ()|?+]|\[[a-z]+\]|\[a-z\]|\[- \])*")
    for name, wording in RESUME_HEADINGS.items():
        assert spelling.fullmatch(wording), name


@pytest.mark.parametrize(("kind", "table"), [("resume", RESUME_HEADINGS), ("job", JOB_HEADINGS)])
def test_sections_wordings_capture_only_their_section(kind: str, table: dict[str, str]) -> None:
    """The wordings' own groups are made non-capturing: every one of them, and nothing else
    (a literal parenthesis would be escaped or in a class)."""
    assert re.compile(_SOURCES[kind]).groups == len(table)  # type: ignore[index]
    for name, wording in table.items():
        assert not re.search(r"\\\(|\[[^\]]*\(", wording), name


@pytest.mark.parametrize(
    ("line", "resume", "job"),
    [
        ("— SKILLS —", "skills", "requirements"),
        ("Skills:", "skills", "requirements"),
        ("TECHNICAL SKILLS", "skills", None),
        ("Experience & Projects", None, None),  # "&" is in no résumé wording
        ("1. Experience", None, None),  # a number is not decoration
        ("I\u2019d like to learn", "learning", None),
        ("Open-source projects", "projects", None),
        ("Things I've dabbled with", "skills", None),
        ("Golang experience", "experience", None),
        ("Java/Go experience", None, None),
        ("Skills (2024)", None, None),
        ("=== Summary ===", "summary", None),
        ("✨ Side projects ✨", "projects", None),
        ("About me!", "summary", "about"),
    ],
)
def test_sections_decorated_and_spelled_headings(
    line: str, resume: str | None, job: str | None
) -> None:
    assert heading_name(line, "resume") == resume
    assert heading_name(line, "job") == job


@pytest.mark.parametrize(
    ("line", "kind", "expected"),
    [
        ("About .", "job", None),  # "about [\w .&-]{1,30}" reads words, not the decoration
        ("**Ideally:**", "job", "preferred"),  # "ideally.*" ends where the words end
        ("Salary: ", "job", "benefits"),
        ("a" * 49 + " experience:", "resume", "experience"),  # 60 characters of words
        ("a" * 50 + " experience", "resume", None),  # 61
        ("Skills_", "resume", None),  # "_" ends the words, and no wording spells it
        ("Nice to have" + " x" * 8, "job", None),  # ten words
    ],
)
def test_sections_heading_words_are_matched_in_place(
    line: str, kind: str, expected: str | None
) -> None:
    assert heading_name(line, kind) == expected  # type: ignore[arg-type]


def test_sections_optional_groups_are_written_as_alternatives() -> None:
    """``(X)?`` tries X and then nothing, as ``(?:X|)`` does; a lazy ``??`` is left alone."""
    assert _compiled_wording("(a |b )?c( d)?e?") == "(?:a |b |)c(?: d|)e?"
    assert _compiled_wording("(a)??b") == "(?:a)??b"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Requirements\n- Go\nOur culture:\n- Kafka\n", "job", None),  # a "Title:" line
        ("Requirements\n- Go\n🎉 Fun stuff\n- Kafka\n", "job", None),  # an emoji title
        ("Requirements\n✔ Go\n✔ Kafka\n", "job", "requirements"),  # ... or a bullet
        ("Skills\nGo\n_Fun stuff_\nKafka\n", "resume", "skills"),  # "_" is no emoji
        ("Requirements\n- Go\nOUR CULTURE\n- Kafka\n", "job", None),  # capitals in an ad
        ("Requirements\n- Go\n- KAFKA, REDIS\n- Kafka\n", "job", "requirements"),
        ("Experience\nGo at Acme\nKey achievements:\nKafka\n", "resume", "experience"),
    ],
)
def test_sections_unknown_headings_end_a_section(
    text: str, kind: str, expected: str | None
) -> None:
    assert find_sections(text, kind).at(text.index("Kafka")) == expected  # type: ignore[arg-type]
