"""The context-rules data file: every rule's example fires and its counter-example does not,
and a broken rules file is one clear error naming the file, the rule and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.errors import RulesError
from skillgap.extraction.context import Target
from skillgap.extraction.extractor import Extractor
from skillgap.extraction.rules import Rule, default_rules, load_rules, parse_rules
from skillgap.extraction.tokens import Tokens

RULES = default_rules().rule


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _hits(extractor: Extractor, text: str, kind: str) -> dict[str, set[str]]:
    """Skill id -> the rules that reach any of its mentions (a key for every mention)."""
    doc = extractor.nlp.make_doc(text)
    tokens = Tokens.of(doc)
    candidates = extractor._candidates(text, tokens)
    taxonomy = extractor.taxonomy
    targets = [
        Target(c.start, c.end, c.skill_id, taxonomy[c.skill_id].category) for c in candidates
    ]
    found: dict[str, set[str]] = {}
    for target, hits in zip(targets, extractor.context.hits(tokens, targets, kind), strict=True):
        found.setdefault(target.skill_id, set()).update(hit.rule for hit in hits)
    return found


def _cue_found(extractor: Extractor, text: str, kind: str, rule: str) -> bool:
    tokens = Tokens.of(extractor.nlp.make_doc(text))
    return any(name == rule for _, _, name in extractor.context.cue_matches(tokens, kind))


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_context_rules_example_fires(extractor: Extractor, rule: Rule) -> None:
    kind = rule.kinds[0]
    found = _hits(extractor, rule.example, kind)
    assert set(rule.marks) <= set(found), "a marked skill is not even mentioned"
    if rule.category == "pseudo":  # the pseudo cue is there and shields the skills
        assert _cue_found(extractor, rule.example, kind, rule.name)
        assert all(not found[skill] for skill in rule.marks)
    else:
        assert all(rule.name in found[skill] for skill in rule.marks)


@pytest.mark.parametrize(
    "rule",
    [r for r in RULES if r.counter_example],
    ids=[r.name for r in RULES if r.counter_example],
)
def test_context_rules_counter_example_does_not_fire(extractor: Extractor, rule: Rule) -> None:
    kind = rule.kinds[0]
    assert rule.counter_example is not None
    found = _hits(extractor, rule.counter_example, kind)
    assert set(rule.spares) <= set(found), "a spared skill is not even mentioned"
    if rule.category == "pseudo":  # without the pseudo phrase, the cue it hides fires
        assert not _cue_found(extractor, rule.counter_example, kind, rule.name)
        assert all(found[skill] for skill in rule.spares)
    else:
        assert all(rule.name not in found[skill] for skill in rule.spares)


def test_context_rules_every_rule_has_a_counter_example() -> None:
    assert [rule.name for rule in RULES if not rule.counter_example] == []


def test_context_rules_marked_skills_exist(extractor: Extractor) -> None:
    ids = {skill.id for skill in extractor.taxonomy}
    named = {skill for rule in RULES for skill in [*rule.marks, *rule.spares, *rule.skills]}
    assert named - ids == set()


GOOD = """
[scope]
terminators = ["but"]
glue = [","]
filler = ["with"]

[[rule]]
name = "no"
category = "negated"
cues = ["no"]
example = "No Kafka."
marks = ["kafka"]
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('category = "negated"', 'category = "negative"'), "rule 'no': category"),
        (('cues = ["no"]', 'cues = ["no"]\ncue = "no"'), "rule 'no': cue: Extra inputs"),
        (('marks = ["kafka"]', "marks = []"), "rule 'no': marks"),
        (('cues = ["no"]', 'cues = ["no @nothing"]'), "unknown word group '@nothing'"),
        (('marks = ["kafka"]', 'marks = ["kafka"]\ncounter_example = "Kafka."'), "spares go"),
        (("direction", "direction"), None),
        (("[scope]", "[scopes]"), "file: scope: Field required"),
        (("max_scope", "max_scope"), None),
        (('cues = ["no"]', 'cues = ["no"]\nafter_label = true'), "after_label reads backward"),
        (("terminators", "terminators = ["), "not valid TOML"),
    ],
)
def test_context_rules_bad_file_is_one_clear_error(
    tmp_path: Path, change: tuple[str, str], message: str | None
) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    if message is None:  # the change is harmless: the file loads
        assert load_rules(path).rule[0].name == "no"
        return
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_context_rules_duplicate_names_are_refused() -> None:
    text = GOOD + GOOD[GOOD.index("[[rule]]") :]
    with pytest.raises(RulesError, match="rule 'no': duplicate name"):
        parse_rules(text, "rules.toml")


def test_context_rules_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules(tmp_path / "absent.toml")
