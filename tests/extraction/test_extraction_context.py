"""What the context makes of a skill mention, phenomenon by phenomenon, several phrasings each.

Every row is a small crafted text and the state each named skill must end in: ``held`` (a
résumé claim), ``required`` / ``preferred`` (a job's level), a not-claimed reason
(``negated``, ``learning``, ``interest``) or ``absent`` (not reported at all).
"""

from __future__ import annotations

import pytest

from skillgap.models import Profile

R, J = "resume", "job"


def _state(profile: Profile, name: str) -> str:
    for skill in profile.skills:
        if skill.name == name:
            return skill.requirement or "held"
    for item in profile.not_claimed:
        if item.name == name:
            return item.reason
    return "absent"


def _check(extract, kind: str, text: str, expected: dict[str, str]) -> None:
    profile = extract(text, kind)
    assert {name: _state(profile, name) for name in expected} == expected
    for item in [*profile.skills, *profile.not_claimed]:
        for mention in item.mentions:
            assert profile.text[mention.start : mention.end] == mention.text


RESUME_NEGATION = [
    ("I have never worked with Kafka or RabbitMQ.", {"Kafka": "negated", "RabbitMQ": "negated"}),
    ("Haven't used Terraform in production.", {"Terraform": "negated"}),
    ("No exposure to GraphQL, Kafka or Elasticsearch so far.",
     {"GraphQL": "negated", "Kafka": "negated", "Elasticsearch": "negated"}),
    ("I do not have any commercial experience with Kubernetes.", {"Kubernetes": "negated"}),
    ("Python for eight years, without any Django.", {"Python": "held", "Django": "negated"}),
    ("Skills: Python, Docker\nNo Kubernetes, and no wish to run it.",
     {"Python": "held", "Docker": "held", "Kubernetes": "negated"}),
    ("Never had the opportunity to work with Kubernetes.", {"Kubernetes": "negated"}),
    ("Not comfortable with Rust yet.", {"Rust": "negated"}),
    ("I have yet to use Terraform.", {"Terraform": "negated"}),
    ("Unfamiliar with Kafka.", {"Kafka": "negated"}),
    ("I know Python well but have no experience with Django.",
     {"Python": "held", "Django": "negated"}),
    ("Built APIs in Go; no Java.", {"Go": "held", "Java": "negated"}),
    ("Used Docker daily; never needed Kubernetes.", {"Docker": "held", "Kubernetes": "negated"}),
]  # fmt: skip

RESUME_NEGATION_AFTER = [
    ("Kafka - none yet.", {"Kafka": "negated"}),
    ("Terraform: no hands-on experience.", {"Terraform": "negated"}),
    ("Elasticsearch (not used professionally), Redis",
     {"Elasticsearch": "negated", "Redis": "held"}),
    ("GraphQL (never in production)", {"GraphQL": "negated"}),
    ("Python: 6 years. Helm — not yet.", {"Python": "held", "Helm": "negated"}),
    ("Kubernetes: N/A", {"Kubernetes": "negated"}),
    ("Go: none, Python: 5 years", {"Go": "negated", "Python": "held"}),
    ("Python — no frameworks, just the standard library.", {"Python": "held"}),
    ("Docker (familiar), Kubernetes (none)", {"Docker": "held", "Kubernetes": "negated"}),
    ("Exposure to Kafka (academic only)", {"Kafka": "negated"}),
    ("Comfortable with Python, not yet with Go.", {"Python": "held", "Go": "negated"}),
]  # fmt: skip

RESUME_LIST_HEADERS = [
    ("Gaps: Kubernetes, Helm", {"Kubernetes": "negated", "Helm": "negated"}),
    ("Not yet: Terraform and Ansible.", {"Terraform": "negated", "Ansible": "negated"}),
    ("Still to learn: Rust, Elixir", {"Rust": "learning", "Elixir": "learning"}),
    ("Next on my list: Kotlin and Scala.", {"Kotlin": "learning", "Scala": "learning"}),
]

RESUME_COORDINATION = [
    ("Python and Django every day; Kubernetes only in a weekend course.",
     {"Python": "held", "Django": "held", "Kubernetes": "negated"}),
    ("Docker and Redis at work; Terraform only in tutorials.",
     {"Docker": "held", "Redis": "held", "Terraform": "negated"}),
    ("Go and gRPC in production. Rust only at university.",
     {"Go": "held", "gRPC": "held", "Rust": "negated"}),
]  # fmt: skip

RESUME_CONTRAST = [
    ("I used Java at school but not at work.", {"Java": "negated"}),
    ("Rust: tried it at university, never at a job.", {"Rust": "negated"}),
    ("I have read some Rust code but never written any myself.", {"Rust": "negated"}),
    ("Ruby: I can follow it in reviews, but I have never shipped it.", {"Ruby": "negated"}),
    ("Kotlin: a few labs at college, never outside them.", {"Kotlin": "negated"}),
]

RESUME_LEARNING = [
    ("Currently learning Kotlin and Go.", {"Kotlin": "learning", "Go": "learning"}),
    ("Studying for the AWS Solutions Architect exam.", {"AWS": "learning"}),
    ("Picking up TypeScript at weekends.", {"TypeScript": "learning"}),
    ("Teaching myself Elixir with a book.", {"Elixir": "learning"}),
    ("Terraform: currently learning.", {"Terraform": "learning"}),
    ("Kubernetes (learning)", {"Kubernetes": "learning"}),
    ("GCP: preparing for the Associate Cloud Engineer exam", {"Google Cloud": "learning"}),
    ("Working through a Kubernetes course on weekends.", {"Kubernetes": "learning"}),
    (
        "Keen to learn and grow in areas such as Rust and Go.",
        {"Rust": "learning", "Go": "learning"},
    ),
    ("Learning: Rust, Go", {"Rust": "learning", "Go": "learning"}),
    ("Self-taught Rust (in progress)", {"Rust": "learning"}),
    ("Go (currently learning), Python (5 years)", {"Go": "learning", "Python": "held"}),
    ("Plan to learn Terraform next year.", {"Terraform": "learning"}),
    ("Kotlin — looking forward to learning it.", {"Kotlin": "learning"}),
    ("Rust is on my wish list.", {"Rust": "learning"}),
    ("Terraform: I'd like to learn it properly", {"Terraform": "learning"}),
    ("Rust - hoping to pick it up this winter", {"Rust": "learning"}),
    ("Want to learn Kafka and Flink next", {"Kafka": "learning"}),
    ("Python: six years, keen to learn more about its internals", {"Python": "held"}),
    ("Reinforcement learning with PyTorch.", {"PyTorch": "held"}),
]

RESUME_INTEREST = [
    ("Interests: Go, climbing, chess", {"Go": "interest"}),
    ("Hobbies\nRust, woodworking", {"Rust": "interest"}),
    ("Interested in Haskell and Rust.", {"Rust": "interest"}),
    ("Skills: Python\nInterests: Elixir, hiking\nEXPERIENCE\nBuilt Python services",
     {"Python": "held", "Elixir": "interest"}),
    ("I would love to work with Elixir one day.", {"Elixir": "interest"}),
    ("I'd happily join a Kafka team, though I have no Kafka experience.", {"Kafka": "negated"}),
]  # fmt: skip

RESUME_CLAIMS = [  # claims that look like negation or learning
    ("I've used Redis as a cache, but never built my own Redis module.", {"Redis": "held"}),
    ("Docker I know as a developer, not as an administrator.", {"Docker": "held"}),
    ("Some JavaScript (basic)", {"JavaScript": "held"}),
    ("Not only Java but also Kotlin services.", {"Java": "held", "Kotlin": "held"}),
    ("Migrated the cluster to Kubernetes without downtime, using Helm.",
     {"Kubernetes": "held", "Helm": "held"}),
    ("Shipped features without breaking the Django admin.", {"Django": "held"}),
    ("Enthusiastic to learn new technologies AWS, Docker", {"AWS": "held", "Docker": "held"}),
    ("Learned Django on the job and used it for three years.", {"Django": "held"}),
    ("Machine learning pipelines in Python.", {"Machine learning": "held", "Python": "held"}),
]  # fmt: skip

JOB_NEGATION = [  # the role does not use it
    ("We don't use Java anywhere.", {"Java": "negated"}),
    ("We moved away from MongoDB last year.", {"MongoDB": "negated"}),
    ("There is no Kubernetes in this team.", {"Kubernetes": "negated"}),
    ("No PHP, no Perl.", {"PHP": "negated", "Perl": "negated"}),
    ("Java is not used here.", {"Java": "negated"}),
    ("What you won't do\n- Maintain the old PHP monolith.", {"PHP": "negated"}),
    ("You don't need Kafka. Our data team owns that.", {"Kafka": "negated"}),
    ("Not required\n- Kubernetes", {"Kubernetes": "negated"}),
    ("If Scala is what you love, this isn't the job for you.", {"Scala": "negated"}),
    ("We haven't used Java in years.", {"Java": "negated"}),
    ("This is not a Java role.", {"Java": "negated"}),
    ("You will not be writing Java.", {"Java": "negated"}),
    ("We've retired our Java services.", {"Java": "negated"}),
    ("Our stack is Python only — no Java.", {"Python": "required", "Java": "negated"}),
    ("We retired our last PHP service in 2022.", {"PHP": "negated"}),
    (
        "We've deprecated MongoDB in favour of PostgreSQL.",
        {"MongoDB": "negated", "PostgreSQL": "required"},
    ),
    ("We decommissioned the last Oracle database last year.", {"Oracle Database": "negated"}),
    ("You will migrate the deprecated Java services to Kotlin.", {"Java": "required"}),
]

JOB_NOT_A_PREREQUISITE = [  # the team uses it, but does not require it: preferred
    ("You don't need Kafka experience, we'll teach you.", {"Kafka": "preferred"}),
    ("No prior Terraform experience required.", {"Terraform": "preferred"}),
    ("Not required: prior AWS experience.", {"AWS": "preferred"}),
    ("Go knowledge is not required; we will train you.", {"Go": "preferred"}),
    ("We will teach you Elixir.", {"Elixir": "preferred"}),
    ("Kubernetes is not a must, but it helps.", {"Kubernetes": "preferred"}),
    ("Not required\n- Deep SQL skills. You'll tune the odd PostgreSQL query.",
     {"SQL": "preferred", "PostgreSQL": "preferred"}),
    ("We mostly use Go but care more about fundamentals.", {"Go": "preferred"}),
    ("No Kafka experience? No problem.", {"Kafka": "preferred"}),
    ("Experience with Redis is not necessary but a plus.", {"Redis": "preferred"}),
    ("We do not require Go experience.", {"Go": "preferred"}),
    ("You don't have to know Go on day one; we'll help you learn it.", {"Go": "preferred"}),
    ("Don't worry if you've never used Kafka.", {"Kafka": "preferred"}),
    ("Experience with Go is great but not required.", {"Go": "preferred"}),
    ("Kubernetes is nice but not essential; Python is required.",
     {"Kubernetes": "preferred", "Python": "required"}),
    ("You'll get to learn Rust on the job.", {"Rust": "preferred"}),
    ("Any experience with Flink counts in your favour.", {"Apache Flink": "preferred"}),
    ("Python is required but not sufficient.", {"Python": "required"}),
]  # fmt: skip

JOB_LEVEL = [
    ("Docker is nice to have.", {"Docker": "preferred"}),
    ("Bonus points if you know Rust or Go.", {"Rust": "preferred", "Go": "preferred"}),
    ("Python is a must; Go is a plus.", {"Python": "required", "Go": "preferred"}),
    ("Experience with Redis would be a bonus.", {"Redis": "preferred"}),
    ("Terraform (nice to have)", {"Terraform": "preferred"}),
    ("Ideally, you have used Kafka.", {"Kafka": "preferred"}),
    ("Familiarity with GraphQL is a big plus.", {"GraphQL": "preferred"}),
    ("Our stack: Python and Django, ideally with some Celery.",
     {"Python": "required", "Django": "required", "Celery": "preferred"}),
    ("Infrastructure: Terraform preferred, Ansible acceptable.",
     {"Terraform": "preferred", "Ansible": "required"}),
    ("Strong Python; Kotlin (a plus), TypeScript",
     {"Python": "required", "Kotlin": "preferred", "TypeScript": "required"}),
    ("Kafka knowledge is an asset.", {"Kafka": "preferred"}),
    ("Go preferred but not required.", {"Go": "preferred"}),
    ("Candidates with Kotlin experience will be given preference.", {"Kotlin": "preferred"}),
    ("Python required, Go optional.", {"Python": "required", "Go": "preferred"}),
    ("Must have: Python. Nice to have: Go.", {"Python": "required", "Go": "preferred"}),
    ("Requirements\n- Python\n- Go (nice to have)", {"Python": "required", "Go": "preferred"}),
]  # fmt: skip

JOB_HEADINGS = [
    ("⭐ Nice to have\n• Kafka\n• Redis\n\n💡 Good to know\n• We run Python everywhere",
     {"Kafka": "preferred", "Redis": "preferred", "Python": "required"}),
    ("✅ Must have\n• Python\n⭐ Bonus\n• Go", {"Python": "required", "Go": "preferred"}),
    ("ESSENTIAL\n- PostgreSQL\nDESIRABLE\n- Redis",
     {"PostgreSQL": "required", "Redis": "preferred"}),
    ("BASIC QUALIFICATIONS\n- Java\nPREFERRED QUALIFICATIONS\n- Kotlin",
     {"Java": "required", "Kotlin": "preferred"}),
    ("Nice to have:\n- Kafka\n\nWe write and review Python every day across the team.",
     {"Kafka": "preferred", "Python": "required"}),
    ("**Desired skills and experience:**\n* Terraform\n**Required:**\n* AWS",
     {"Terraform": "preferred", "AWS": "required"}),
    ("Technologies we use and teach:\n\n* Kotlin, GraphQL",
     {"Kotlin": "preferred", "GraphQL": "preferred"}),
]  # fmt: skip

JOB_BOILERPLATE = [  # not skills of the role
    ("We believe in teamwork, transparency and communication.",
     {"Collaboration": "absent", "Communication": "absent"}),
    ("Everyone gets a MacBook or a Linux laptop.", {"Linux": "absent"}),
    ("Pick your favourite IDE: IntelliJ or VS Code.", {"IntelliJ IDEA": "absent"}),
    ("Check out our open-source work on GitHub.", {"GitHub": "absent"}),
    ("By submitting your application you agree that we process your data under GDPR.",
     {"Security compliance": "absent"}),
    ("We are a leader in machine learning for logistics.", {"Machine learning": "absent"}),
    ("Plenty of networking events with the local community.", {"Networking": "absent"}),
    ("Quality assurance manager, food production", {"Manual testing": "absent"}),
    ("Our annual summit is an event driven by meetings.", {"Event-driven architecture": "absent"}),
    ("Acme helps businesses worldwide with our managed Kafka service.", {"Kafka": "absent"}),
    ("Our founders built Docker and our investors include Redis veterans.",
     {"Docker": "absent", "Redis": "absent"}),
    ("Competitive pay and scalable benefits.", {"Scalability": "absent"}),
]  # fmt: skip

JOB_KEEPS = [  # near misses of the boilerplate rules: still the role's skills
    ("You will run Linux servers.", {"Linux": "required"}),
    ("You'll review pull requests on GitHub.", {"GitHub": "required"}),
    ("You will train machine learning models for logistics.", {"Machine learning": "required"}),
    ("Our API is backed by PostgreSQL and Redis.", {"PostgreSQL": "required", "Redis": "required"}),
    ("You communicate clearly and work closely with product.",
     {"Communication": "required", "Collaboration": "required"}),
    ("Build scalable services used by thousands of merchants, in Go.",
     {"Scalability": "required", "Go": "required"}),
]  # fmt: skip

TABLES = [
    (R, "RESUME_NEGATION", RESUME_NEGATION),
    (R, "RESUME_NEGATION_AFTER", RESUME_NEGATION_AFTER),
    (R, "RESUME_LIST_HEADERS", RESUME_LIST_HEADERS),
    (R, "RESUME_COORDINATION", RESUME_COORDINATION),
    (R, "RESUME_CONTRAST", RESUME_CONTRAST),
    (R, "RESUME_LEARNING", RESUME_LEARNING),
    (R, "RESUME_INTEREST", RESUME_INTEREST),
    (R, "RESUME_CLAIMS", RESUME_CLAIMS),
    (J, "JOB_NEGATION", JOB_NEGATION),
    (J, "JOB_NOT_A_PREREQUISITE", JOB_NOT_A_PREREQUISITE),
    (J, "JOB_LEVEL", JOB_LEVEL),
    (J, "JOB_HEADINGS", JOB_HEADINGS),
    (J, "JOB_BOILERPLATE", JOB_BOILERPLATE),
    (J, "JOB_KEEPS", JOB_KEEPS),
]
CASES = [
    pytest.param(kind, text, expected, id=f"{name}-{number}")
    for kind, name, table in TABLES
    for number, (text, expected) in enumerate(table)
]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES)
def test_context_mentions_end_in_the_right_state(
    extract, kind: str, text: str, expected: dict[str, str]
) -> None:
    _check(extract, kind, text, expected)


TAG_LINES = [
    (R, "go grpc postgres k8s helm", {"Go": "held", "gRPC": "held", "Helm": "held"}),
    (J, "python fastapi postgres redis docker", {"Python": "required", "Redis": "required"}),
    (J, "r java nosql", {"R": "required", "Java": "required", "NoSQL": "required"}),
    (J, "Technologies:\njavascript angular reactjs", {"React": "required", "Angular": "required"}),
    (J, "cypress mocha.js jest", {"Cypress": "required", "Jest": "required"}),
    (J, "- terraform\n- and yaml", {"YAML": "required"}),
    # a short label before a colon is not one of the tags; backticks and pipes are glue
    (R, "Stack: ruby, rails, postgres, sidekiq", {"Ruby": "held", "Ruby on Rails": "held"}),
    (J, "Tech stack: go, rest, react", {"Go": "required", "REST": "required"}),
    (R, "`python` `go` `docker` `k8s`", {"Go": "held", "Kubernetes": "held"}),
    (J, "python | go | kafka", {"Go": "required", "Kafka": "required"}),
    (R, "Core competencies | Spring Boot | Kafka | REST", {"Kafka": "held", "REST": "held"}),
]
TAG_LINE_TRAPS = [
    (J, "work with the rest of the team on the go-live", {"REST": "absent", "Go": "absent"}),
    (J, "react quickly to express delivery issues", {"React": "absent", "Express": "absent"}),
    (R, "rust", {"Rust": "absent"}),
    (
        J,
        "an elastic schedule with the ceo at the helm",
        {"Elasticsearch": "absent", "Helm": "absent"},
    ),
    (J, "java rest per node", {"Node.js": "absent"}),
    (R, "I worked with the rest of the team: python, go", {"REST": "absent", "Go": "absent"}),
    (J, "Note: we go to the rest of the offsites", {"REST": "absent", "Go": "absent"}),
]


@pytest.mark.parametrize(("kind", "text", "expected"), TAG_LINES + TAG_LINE_TRAPS)
def test_context_lower_case_tag_lines(
    extract, kind: str, text: str, expected: dict[str, str]
) -> None:
    _check(extract, kind, text, expected)


LAYOUTS = [
    (R, "## Experience\n### Backend Engineer, Acme\n- Built Django services", {"Django": "held"}),
    (R, "Languages ...... Go, Python", {"Go": "held", "Python": "held"}),
    (R, "Languages        Go, Python", {"Go": "held", "Python": "held"}),
    (R, "Skill | Years\nPython | 6\nDocker | 3", {"Python": "held", "Docker": "held"}),
    (R, "Backend engineer with **4 years** of Python.", {"Python": "held"}),
]


@pytest.mark.parametrize(("kind", "text", "expected"), LAYOUTS)
def test_context_layouts_people_paste(
    extract, kind: str, text: str, expected: dict[str, str]
) -> None:
    _check(extract, kind, text, expected)


@pytest.mark.parametrize(
    ("text", "skill", "years"),
    [
        ("Backend engineer with **4 years** of Python.", "Python", 4),
        ("## Summary\n**6+ years** of Go and some Rust.", "Go", 6),
    ],
)
def test_context_markdown_bold_keeps_years(extract, text: str, skill: str, years: int) -> None:
    found = {item.name: item.stated_years for item in extract(text, "resume").skills}
    assert found.get(skill) == years
