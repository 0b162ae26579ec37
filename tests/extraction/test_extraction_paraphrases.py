"""Concept skills said in paraphrase: the data file's own examples, and phrasings of our own."""

from __future__ import annotations

import time

import pytest

from skillgap.extraction.inflect import plural_forms, verb_forms
from skillgap.taxonomy import Taxonomy

RECORDS = list(Taxonomy.default().paraphrases)


def _record_id(item: tuple[str, object]) -> str:
    return getattr(item[1], "skill", "?")


def _found(profile, skill: str) -> list:
    """Mentions of a skill (by name) that the profile claims."""
    return [m for s in profile.skills if s.name == skill for m in s.mentions]


def test_every_record_carries_examples_both_ways() -> None:
    assert len(RECORDS) >= 20
    for _, record in RECORDS:
        assert record.examples, record.skill
    assert sum(len(record.counter_examples) for _, record in RECORDS) >= len(RECORDS)


@pytest.mark.parametrize(("source", "record"), RECORDS, ids=[_record_id(r) for r in RECORDS])
def test_data_file_examples_give_their_skill_through_the_record(
    analyzer, extract, source, record
) -> None:
    """Each example gives the skill, and the paraphrase records find it (an alias may too)."""
    name = Taxonomy.default()[record.skill].name
    for sentence in record.examples:
        assert _found(extract(sentence, "resume"), name), (source, sentence)
        found = analyzer.extractor.paraphrases_in(sentence)
        assert (record.skill, "exclude") not in {(skill, kind) for skill, kind, _ in found}
        assert any(skill == record.skill and kind != "exclude" for skill, kind, _ in found), (
            source,
            sentence,
            found,
        )


@pytest.mark.parametrize(("source", "record"), RECORDS, ids=[_record_id(r) for r in RECORDS])
def test_data_file_counter_examples_do_not_give_their_skill(extract, source, record) -> None:
    name = Taxonomy.default()[record.skill].name
    for sentence in record.counter_examples:
        assert not _found(extract(sentence, "resume"), name), (source, sentence)


# (text, skill): phrasings not in the data file, inflections and coordination included.
FOUND = [
    ("Designs the public APIs our partners build on", "API design"),
    ("Designing a partner API for the ledger team", "API design"),
    ("Built and designed the payments API from scratch", "API design"),
    ("We version our public REST API by date", "API versioning"),
    ("Sharded and replicated the orders DB across two regions", "Replication"),
    ("Modeled the warehouse data for the finance reports", "Data modeling"),
    ("Modelling the data for our analytics layer", "Data modeling"),
    ("Denormalised the reporting tables for speed", "Normalization"),
    ("Redesigned the database schema for multi-tenancy", "Database design"),
    ("Caching hot product pages in Redis", "Caching"),
    ("Put Redis in front of the pricing service", "Caching"),
    ("Wrote the Alembic migrations for every release", "Schema migrations"),
    ("Knex migrations for the booking database", "Schema migrations"),
    ("Authored runbooks for the on-call rotation", "Technical documentation"),
    ("You will document the architecture as it evolves", "Technical documentation"),
    ("Profiling the JVM with async-profiler", "Profiling"),
    ("Tuned the connection pool and GC settings", "Performance tuning"),
    ("Hunted down memory leaks in the ingestion workers", "Debugging"),
    ("Responded to production incidents as part of the rota", "Incident response"),
    ("We review pull requests within a day", "Code review"),
    ("Writes unit and integration tests for every change", "Unit testing"),
    ("Built async Python workers on asyncio", "Async programming"),
    ("Built a distributed job scheduler system", "Distributed systems"),
    ("Architected the event ingestion platform", "System design"),
    ("Emitted domain events for every order state change", "Event-driven architecture"),
    ("Retuned the Kafka cluster after the broker upgrade", "Performance tuning"),
    ("We tune each service before it takes traffic", "Performance tuning"),
    ("Led a team of four developers through the rewrite", "Leadership"),
    ("Heading the migration to the new data centre", "Leadership"),
    ("You'll lead the delivery of our partner API", "Leadership"),
    ("Partnered with data scientists on the pricing model", "Collaboration"),
    ("You will work closely with the product designer every day", "Collaboration"),
    ("Teamed up with the frontend team on the checkout", "Collaboration"),
    ("Runs continuous integration on GitLab for every repository", "GitLab CI"),
    ("Moved CI to GitHub last year", "GitHub Actions"),
]

# (text, skill): wording that must not give the skill (GOLD.md's "does not count").
NOT_FOUND = [
    ("Design, develop, and maintain APIs and services", "API design"),
    ("Develop, design and support backend services", "System design"),
    ("Our design team reviews every release", "API design"),
    ("Trained models on click data", "Data modeling"),
    ("Modelled the claims domain with the business", "Data modeling"),
    ("Cut p99 latency from 900 ms to 80 ms", "Performance tuning"),
    ("Improved team performance and morale", "Performance tuning"),
    ("Migrated the customer tables from Oracle to PostgreSQL", "Schema migrations"),
    ("Ran two cloud migrations to AWS", "Schema migrations"),
    ("Wrote the post-mortem for the March outage", "Incident response"),
    ("Troubleshooting skills for desktop applications", "Debugging"),
    ("Profile: engineer focused on performance and code quality", "Profiling"),
    ("Documenting each time the build broke", "Technical documentation"),
    ("A distributed team across four countries", "Distributed systems"),
    ("Remote-first and async by default", "Async programming"),
    ("Designed the data platform for analytics", "System design"),
    ("Fine-tuned the ranking model on support tickets", "Performance tuning"),
    ("Stay tuned for our new application", "Performance tuning"),
    ("Lead troubleshooting activities across the fleet", "Leadership"),
    ("A leading company for payment projects", "Leadership"),
    ("Worked with Terraform, Ansible and Helm", "Collaboration"),
    ("Work with large data sets from our analysts' tools", "Collaboration"),
    ("GitLab for issues, Jenkins for CI", "GitLab CI"),
    ("Published the SDK on GitHub; Travis runs the CI", "GitHub Actions"),
]


@pytest.mark.parametrize(("text", "skill"), FOUND)
def test_paraphrase_gives_the_concept(extract, text: str, skill: str) -> None:
    profile = extract(text, "resume")
    mentions = _found(profile, skill)
    assert mentions, [s.name for s in profile.skills]
    for mention in mentions:
        assert profile.text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(("text", "skill"), NOT_FOUND)
def test_paraphrase_keeps_the_wording_rules(extract, text: str, skill: str) -> None:
    assert not _found(extract(text, "resume"), skill)


def test_coordinated_verbs_each_reach_the_object(extract) -> None:
    profile = extract("Designed and versioned the public REST API", "resume")
    names = {skill.name for skill in profile.skills}
    assert {"API design", "API versioning", "REST"} <= names
    (design,) = _found(profile, "API design")
    assert design.text == "Designed and versioned the public REST API"
    assert design.method == "paraphrase"


@pytest.mark.parametrize(
    ("text", "skill", "reason"),
    [
        ("I have never designed a public API", "API design", "negated"),
        ("No experience modelling data warehouses yet", "Data modeling", "negated"),
        ("Learning: profiling Go services with pprof", "Profiling", "learning"),
    ],
)
def test_negation_and_learning_apply_to_paraphrases(extract, text, skill, reason) -> None:
    profile = extract(text, "resume")
    assert not _found(profile, skill)
    assert {item.name: item.reason for item in profile.not_claimed}.get(skill) == reason


def test_job_paraphrase_takes_the_requirement_level(extract) -> None:
    profile = extract(
        "Requirements\n- Go\n\nNice to have\n- You have sharded and replicated Postgres", "job"
    )
    replication = next(skill for skill in profile.skills if skill.name == "Replication")
    assert replication.requirement == "preferred"


def test_fixed_phrase_hides_the_names_inside_it(extract) -> None:
    profile = extract("Took the Cassandra cluster through a data-model change without downtime")
    names = {skill.name for skill in profile.skills}
    assert "Schema migrations" in names and "Data modeling" not in names


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("design", {"design", "designs", "designed", "designing"}),
        ("model", {"modelled", "modeled", "modelling", "modeling"}),
        ("write", {"wrote", "written", "writing"}),
        ("rewrite", {"rewrote", "rewritten"}),
        ("cache", {"cached", "caching", "caches"}),
        ("normalise", {"normalized", "normalised", "normalizing"}),
        ("debug", {"debugged", "debugging"}),
        ("plan", {"planned", "planning"}),
        ("query", {"queried", "queries"}),
        ("troubleshoot", {"troubleshot"}),
    ],
)
def test_inflections_come_from_the_shipped_rule(verb: str, forms: set[str]) -> None:
    bare, inflected = verb_forms(verb)
    assert forms <= bare | inflected
    assert verb in bare and not bare & inflected


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("API", "APIs"),
        ("index", "indexes"),
        ("query", "queries"),
        ("read replica", "read replicas"),
    ],
)
def test_objects_get_their_plural(noun: str, plural: str) -> None:
    assert plural_forms(noun) == {noun, plural}


def test_a_hostile_one_line_text_stays_linear(analyzer) -> None:
    """Every action on one endless line, each with objects around it: bounded look-ups."""
    text = "Design the API, designed the schema, cached lookups in Redis, " * 4000
    started = time.perf_counter()
    found = analyzer.extractor.paraphrases_in(text)
    assert time.perf_counter() - started < 5
    assert {skill for skill, _, _ in found} >= {"api-design", "database-design", "caching"}
