"""Years of experience in any shape: per skill, for any-of groups, and the overall figure."""

from __future__ import annotations

import time
from datetime import date

import pytest

import skillgap
from skillgap.extraction.clauses import clause_bounds
from skillgap.extraction.words import Words, scopes
from skillgap.extraction.years import find_years
from skillgap.ingest import document_from_text

# (kind, text, {skill: stated years}); a skill mapped to None must be found without years.
PER_SKILL = [
    # "N of them with X": a part of an earlier figure
    ("resume", "11 years of software engineering, 8 of them in Java, mostly billing", {"Java": 8}),
    ("resume", "Nine years in backend work, six of them with Go.", {"Go": 6}),
    ("job", "- 6+ years building production software, at least 3 of them in Go or Rust",
     {"Go": 3, "Rust": 3}),
    ("job", "At least 3 years of experience with PHP, ideally 2 of them with Laravel",
     {"PHP": 3, "Laravel": 2}),
    ("resume", "Seven years of Python, five of them building Django applications.",
     {"Python": 7, "Django": 5}),
    # "X for N years (M with Y)"
    ("resume", "I've written Python for six years (three with Django).",
     {"Python": 6, "Django": 3}),
    ("resume", "Worked with Kotlin for 4 years (2 on Spring Boot)",
     {"Kotlin": 4, "Spring Boot": 2}),
    ("resume", "Java developer at Acme Bank for 3 years", {"Java": 3}),
    # "the last N with X"
    ("resume", "Ten years of web development, the last five with Elixir.", {"Elixir": 5}),
    ("resume", "Backend engineer for eight years, the last 2 on Rust; before that, Kotlin.",
     {"Rust": 2, "Kotlin": None}),
    # "X: N yrs", "X — N yrs", "X - N years"
    ("resume", "Python: 6 yrs · Go: 4 yrs · Java: 2 yrs", {"Python": 6, "Go": 4, "Java": 2}),
    ("resume", "Scala — 6 yrs in production; Java — 9 yrs before that.", {"Scala": 6, "Java": 9}),
    ("resume", "Terraform - 3 years", {"Terraform": 3}),
    ("resume", "Rust — 4 yrs in production; C++\n— 7 yrs before that.", {"Rust": 4, "C++": 7}),
    # a proficiency level between the skill and its figure (European CVs); one line each
    ("resume", "Python — advanced, 6 yrs\nSQL — advanced, 6 yrs\nPostgreSQL — intermediate, 4 yrs",
     {"Python": 6, "SQL": 6, "PostgreSQL": 4}),
    ("resume", "Go: very good, 3 years\nRedis: basic", {"Go": 3, "Redis": None}),
    ("resume", "Java ........ expert (10 years)\nSpring ...... very good (7 years)\n"
     "Docker ...... good", {"Java": 10, "Spring": 7, "Docker": None}),
    ("resume", "Kotlin good (2 yrs), SQL", {"Kotlin": 2, "SQL": None}),
    ("resume", "Python, leading a team (4 years)", {"Python": None}),
    ("resume", "Docker - intermediate, 2 years\nKubernetes - beginner", {"Docker": 2,
     "Kubernetes": None}),
    # the skill before a bracketed list of its parts: "AWS (EC2, EKS) — 5 years"
    ("resume", "- AWS (EC2, EKS, RDS, IAM) — 5 years\n- Terraform — 4 years",
     {"AWS": 5, "Terraform": 4}),
    ("resume", "Python (Django, Flask) - 6 yrs", {"Python": 6, "Django": None}),
    ("resume", "Built tools (in Go) for 3 teams over 2 years", {"Go": None}),
    # "for about N years" after the skill, with more of the sentence after it
    ("resume", "I've used Docker for about three years and RabbitMQ since.", {"Docker": 3}),
    ("resume", "Ran Kafka for roughly 4 years and then moved teams", {"Kafka": 4}),
    ("resume", "Wrote Go for the past two years and Rust before", {"Go": 2}),
    ("resume", "Used Terraform for a few weeks, and it was 5 years ago", {"Terraform": None}),
    # an overall figure stops at "and" + a new verb: the next requirement has no years
    ("job", "At least three years of backend experience and be comfortable with SQL.",
     {"SQL": None}),
    ("job", "5+ years of engineering and know Kubernetes well", {"Kubernetes": None}),
    ("job", "4 years of backend development in Go and Python", {"Go": 4, "Python": 4}),
    ("resume", "Six years of experience in Java and Kotlin", {"Java": 6, "Kotlin": 6}),
    # a figure at the end of a line is not about the skill that opens the next one
    ("resume", "Backend work: 5 years\nTerraform, AWS", {"Terraform": None, "AWS": None}),
    ("job", "- at least 4 years of\nGo in production", {"Go": 4}),
    # parentheses belong to the skill right before them
    ("resume", "Kafka (3 yrs), RabbitMQ, Redis (2 yrs)",
     {"Kafka": 3, "RabbitMQ": None, "Redis": 2}),
    ("resume", "PHP (expert, 9 years), Perl (good), SQL (very good)",
     {"PHP": 9, "Perl": None, "SQL": None}),
    ("resume", "Languages: Java, Kotlin (2 yrs), SQL, Bash",
     {"Java": None, "Kotlin": 2, "SQL": None}),
    # spelled-out numbers and decades
    ("resume", "Fourteen years of Java in banking", {"Java": 14}),
    ("resume", "Half a decade of PostgreSQL in production, and three years of MySQL before that.",
     {"PostgreSQL": 5, "MySQL": 3}),
    ("resume", "A decade of C++ on trading systems", {"C++": 10}),
    ("resume", "Two decades of Perl", {"Perl": 20}),
    # ranges give the minimum
    ("job", "3 to 5 years of Ruby, most of it with Rails", {"Ruby": 3, "Ruby on Rails": None}),
    ("job", "3-5 yrs of Go", {"Go": 3}),
    ("job", "2–4 years of Kotlin", {"Kotlin": 2}),
    # tables
    ("resume", "Skill        | Years\nPython       | 6\nGo           | 3\n",
     {"Python": 6, "Go": 3}),
    ("resume", "| Technology | Years |\n|---|---|\n| Java | 7 |\n| Docker | 4+ |\n",
     {"Java": 7, "Docker": 4}),
    ("resume", "Skill ........ Years\nPython ....... 6\nAnsible ...... 2\n",
     {"Python": 6, "Ansible": 2}),
    # a table typed with wide gaps or tabs (the gaps survive clean-up as columns)
    ("resume", "Technologies      Years   Last used\nPostgreSQL        8       2025\n"
     "MySQL             6       2023\nRedis             2       2019\n",
     {"PostgreSQL": 8, "MySQL": 6, "Redis": 2}),
    ("resume", "Skill\tYears\nKafka\t3\nDocker\t4\nHelm\t1\n",
     {"Kafka": 3, "Docker": 4, "Helm": 1}),
    ("resume", "Python 5+ yrs\nAnsible 5+ yrs\nHtml/CSS 3+ yrs\n", {"Python": 5, "Ansible": 5}),
    # Markdown emphasis
    ("resume", "Backend engineer with **seven years of Python**, mostly Flask.", {"Python": 7}),
    ("resume", "**4 years** of Rust and a little Go", {"Rust": 4}),
    # any-of groups: every member
    ("job", "4+ years of professional experience in Java or Kotlin", {"Java": 4, "Kotlin": 4}),
    ("job", "3+ years with AWS, GCP or Azure", {"AWS": 3, "Google Cloud": 3, "Azure": 3}),
    ("job", "5+ years of backend development in Go or Java", {"Go": 5, "Java": 5}),
    # a figure whose unit the sentence gave already: "... for 5 years and React for 4"
    ("resume", "I wrote TypeScript for 5 years and React for 4.", {"TypeScript": 5, "React": 4}),
    ("resume", "Java for 6 years, Kotlin for 2.", {"Java": 6, "Kotlin": 2}),
    ("resume", "Built Go services for 4 and a half years and Rust for 2.", {"Go": 4.5, "Rust": 2}),
    ("resume", "Worked with Python for 5 years and led the team for 2 quarters.",
     {"Python": 5, "Leadership": None}),
    ("resume", "I have used Docker for 3 years. I used Kubernetes for 2 of our services.",
     {"Docker": 3, "Kubernetes": None}),
    ("resume", "Kubernetes for 2, Docker for 3.", {"Kubernetes": None, "Docker": None}),
    # a skill name ending in "in", "per" or "under" is no "in 5 years" or "per year"
    ("resume", "Skills: Kotlin 5 years, Go 2 years", {"Kotlin": 5, "Go": 2}),
    ("resume", "Senior Developer 8 years of experience with Java", {"Java": 8}),
    ("resume", "Python in 3 years", {"Python": None}),
    # a date range's printed duration is no stated figure, unless a sentence ends between
    ("resume", "**Orbis Freight (2017 – 2020), Developer.** Three years on a Kotlin rewrite.",
     {"Kotlin": 3}),
    ("resume", "Go developer · Jan 2020 - Mar 2023 · 3 yrs", {"Go": None}),
    ("resume", "Experience\nPython developer (2018 - 2021, 3 years)", {"Python": None}),
    # a level word starts a new item: the figure stops before it
    ("job", "5+ years Python, strong Django or FastAPI and solid PostgreSQL",
     {"Python": 5, "Django": None, "FastAPI": None, "PostgreSQL": None}),
    ("job", "4 years of Go and good SQL", {"Go": 4, "SQL": None}),
    # months are twelfths of a year; a computed duration's months are no figure
    ("resume", "Go (18 months), Kotlin - 6 months", {"Go": 1.5, "Kotlin": 0.5}),
    ("resume", "18 months of Rust in production.", {"Rust": 1.5}),
    ("resume", "5 years of Java and 6 months of Kotlin.", {"Java": 5, "Kotlin": 0.5}),
    ("resume", "Python developer, 2 yrs 4 mos", {"Python": None}),
    ("job", "Within 6 months you will own our Kafka pipeline.", {"Kafka": None}),
    # after a label the figure is the label's, whatever it is of
    ("resume", "JavaScript and Node.js: comfortable, around 18 months of daily practice.",
     {"JavaScript": 1.5, "Node.js": 1.5}),
    ("resume", "Python: 5 years of building APIs", {"Python": 5}),
    ("resume", "Kubernetes - 3 years of on-call for the platform", {"Kubernetes": None,
     "On-call": 3}),
    # what is not recorded
    ("resume", "C# developer since 2015, with five years of ASP.NET Core Web APIs",
     {"C#": None, "ASP.NET Core": 5}),
    ("resume", "Less than 1 year of Kotlin", {"Kotlin": None}),
    ("resume", "I started with PHP 10 years ago", {"PHP": None}),
    # "İ" lowers to two characters: the units are then found in the text as written
    ("resume", "İzmir office: 5+ YEARS of Python, 18 Months of Go", {"Python": 5, "Go": 1.5}),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "text", "expected"), PER_SKILL)
def test_years_per_skill(extract, kind: str, text: str, expected: dict[str, float | None]) -> None:
    profile = extract(text, kind)
    stated = {skill.name: skill.stated_years for skill in profile.skills}
    for name, years in expected.items():
        assert name in stated, (name, sorted(stated))
        assert stated[name] == (None if years is None else pytest.approx(years)), name


# (kind, text, overall years, {skill: stated years})
OVERALL = [
    ("resume", "14 years of engineering experience across fintech and retail.", 14, {}),
    ("resume", "11 years in backend development, 8 of them in Java.", 11, {"Java": 8}),
    ("resume", "Backend engineer for seven years, the last 3 with Kotlin.", 7, {"Kotlin": 3}),
    ("resume", "I have spent fourteen years building backend systems, the last six of them as a "
     "staff engineer.", 14, {}),
    ("resume", "Six years of front-end work, the last four with React and TypeScript.", 6,
     {"React": 4, "TypeScript": 4}),
    ("job", "Requirements\n- 5+ years of backend development, 2+ of them on AWS", 5, {"AWS": 2}),
    ("job", "Requirements\n- Minimum of 5 years of experience in backend development, with a "
     "strong focus on Golang and RESTful APIs", 5, {"Go": 5, "REST": 5}),
    ("job", "Requirements\n- We'd expect ten or more years of building backend systems, several "
     "of them on distributed systems.", 10, {"Distributed systems": None}),
    ("job", "Requirements\n- 8+ years of experience with a DevOps or SRE job title", 8, {}),
    ("job", "Requirements\n- At least 4 years of work experience\n- 2+ years of Python", 4,
     {"Python": 2}),
    ("resume", "Java developer with 5 years of experience", 5, {"Java": 5}),
    ("resume", "Tech Lead with 5+ years of experience building production systems.", 5,
     {"Leadership": None}),
    ("resume", "Six years of backend development overall, the last 18 months with Go.", 6,
     {"Go": 1.5}),
    ("resume", "7 years of backend engineering. 18 months of Go.", 7, {"Go": 1.5}),
    ("job", "Requirements\n- 3+ years of experience as a backend engineer, with an affinity for "
     "building scalable backend infrastructure.", 3, {"Scalability": None}),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "text", "total", "expected"), OVERALL)
def test_overall_years_go_to_the_profile_not_to_every_skill(
    extract, kind: str, text: str, total: float, expected: dict[str, float | None]
) -> None:
    profile = extract(text, kind)
    assert profile.stated_total_years == pytest.approx(total)
    assert profile.total_years == pytest.approx(total)
    stated = {skill.name: skill.stated_years for skill in profile.skills}
    for name, years in expected.items():
        assert stated[name] == (None if years is None else pytest.approx(years)), name


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("job", "About us\nAcme has 20 years of experience in payments.\n\nRequirements\n- Python"),
        ("job", "Benefits\n- 25 days of holiday, two days a year for volunteering"),
        ("resume", "Experience\nAcme · Mar 2022 – Present · 3 yrs\n- Built Go services"),
        ("resume", "C# developer since 2015"),
        ("job", "Requirements\n- Python\n- Salary $129,300/year to $223,600/year"),
        ("resume", "Projects\nBilling portal (Java, Oracle). Duration: 2 yrs 2 months."),
        ("resume", "Experience\nAcme, Backend developer, 1 yr 6 mos\n- Built Go services"),
    ],
)
def test_no_overall_figure_from_company_text_or_computed_durations(extract, kind, text) -> None:
    assert extract(text, kind).stated_total_years is None


def test_resume_without_a_stated_figure_falls_back_to_its_dated_roles() -> None:
    analyzer = skillgap.Analyzer(options=skillgap.Options(today=date(2024, 6, 1)))
    text = (
        "Experience\n"
        "Backend engineer, Acme — Jan 2018 – Dec 2020\n- Built Go services\n"
        "Senior engineer, Beta — Jan 2021 – Present\n- Ran Kafka\n"
    )
    profile = analyzer.extract(document_from_text(text), "resume")
    assert profile.stated_total_years is None
    assert profile.derived_total_years == pytest.approx(6.3)  # 35 + 41 months
    assert profile.total_years == profile.derived_total_years


def test_a_stated_figure_wins_over_the_dated_roles() -> None:
    analyzer = skillgap.Analyzer(options=skillgap.Options(today=date(2024, 6, 1)))
    text = (
        "Summary\nNine years of backend engineering.\n\nExperience\nAcme — 2020 – Present\n- Go\n"
    )
    profile = analyzer.extract(document_from_text(text), "resume")
    assert profile.total_years == pytest.approx(9)
    assert profile.derived_total_years is not None and profile.derived_total_years < 9


def test_overall_years_are_in_the_json(extract) -> None:
    data = extract("12 years of software engineering.", "resume").model_dump(mode="json")
    assert data["total_years"] == 12 and data["stated_total_years"] == 12


def test_a_hostile_one_line_text_stays_linear(analyzer) -> None:
    """Thousands of figures, parts and names in one sentence: each look is bounded."""
    text = "11 years of work, 8 of them in Java, Python (5 yrs) and " * 4000
    doc = analyzer.extractor.nlp.make_doc(text)
    words = Words.of(doc)
    mentions = [(i, i + 1) for i, word in enumerate(words.lower) if word in {"java", "python"}]
    started = time.perf_counter()
    found = find_years(words, scopes(words, clause_bounds(doc)), mentions)
    assert time.perf_counter() - started < 5
    assert set(found.per_mention.values()) == {8.0, 5.0} and found.total == 11


PART_TEXTS = [
    "11 years of engineering, 8 of them in Java",
    "5+ of those with Go; seventeen + \n of which remote",
    "v1.5 of them, x.several of them, .8 of them, 8.of them, about 2.5 of them in Go",
    "several of it, Most of which, half  of\tthose, some of themes",
    "the last 3 in Rust, bathe last 3, THE PAST seven years, the most  recent 2+",
    "ten of ıt, 4 of thoſe",  # what matches "it" and "those" when case is ignored
    "of them 3 of them of them",
]


@pytest.mark.parametrize("text", PART_TEXTS)
def test_parts_are_found_as_their_patterns_find_them(text: str) -> None:
    import re

    from skillgap.extraction import years

    for finder, _ in years._PARTS:
        pattern = finder if isinstance(finder, re.Pattern) else finder.pattern
        if isinstance(finder, years._WordStart):  # its leading "\b" is checked on each hit
            pattern = re.compile(r"\b" + pattern.pattern, pattern.flags)
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        found = finder.finditer(text, text.lower())
        assert [(m.span(), m.groupdict()) for m in found] == expected


STEM_TEXTS = [
    "5 YEARS, 3 Yrs, 2 yRs., 18 Months, 6 MOS; years' worth, yrsa, myyears, MONTHLY",
    "İzmir: 5 Years, 6 months",  # "İ" lowers to two characters
    "Kelvin \u212a: 5 yeaRſ, 2 moſ, 3 mOs",
]


@pytest.mark.parametrize("text", STEM_TEXTS)
def test_stems_are_found_in_lower_case_as_the_cased_patterns_find_them(text: str) -> None:
    from skillgap.extraction import years

    for folded, cased in (
        (years._YEAR_STEM_LOWER, years._YEAR_STEM),
        (years._MONTH_STEM_LOWER, years._MONTH_STEM),
    ):
        expected = [match.start() for match in cased.finditer(text)]
        assert years._stems(text, text.lower(), folded, cased) == expected


@pytest.mark.parametrize(
    ("line", "gap"),
    [
        ("Skill  Years", True),
        ("Skill\tYears", True),
        ("Skill \u00a0Years", True),
        ("a\x1c b", True),  # any two whitespace characters
        ("a \tb", True),
        ("one two three", False),
        ("Skill Years", False),
        ("x\t", False),  # a gap needs a cell on either side
    ],
)
def test_a_column_gap_is_only_looked_for_where_its_start_stands(line: str, gap: bool) -> None:
    from skillgap.extraction import years

    assert bool(years._COLUMN_GAP.search(line)) is gap
    assert bool(years._GAP_START.search(line) and years._COLUMN_GAP.search(line)) is gap
