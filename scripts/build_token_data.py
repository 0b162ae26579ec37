"""Write what start-up would otherwise compute: the shipped taxonomy, validated
(``src/skillgap/taxonomy/snapshot.json``), the shipped context rules, validated
(``src/skillgap/extraction/context_rules.json``), and the token pieces of its names and of spaCy's
special cases (``src/skillgap/extraction/token_data.json``, and ``token_more.json`` for what
only a custom taxonomy or rules file needs).

Run after changing the shipped taxonomy, the tokenizer's rules or the spaCy version:
``python scripts/build_token_data.py``. A test fails while either file is out of date; a
stale file is never used, only slower to start without.
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.lang.en import English

from skillgap.extraction import rules
from skillgap.extraction.context import ContextEngine, cue_words
from skillgap.extraction.matcher import SkillMatcher, index_entries
from skillgap.extraction.paraphrase import ParaphraseFinder
from skillgap.extraction.token_data import DATA_FILE, MORE_FILE
from skillgap.extraction.tokenizer import CachingTokenizer
from skillgap.taxonomy import Taxonomy

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "skillgap"
FOLDER = PACKAGE / "extraction"  # where DATA_FILE and MORE_FILE go
SNAPSHOT = PACKAGE / "taxonomy" / "snapshot.json"
RULES = PACKAGE / "extraction" / rules.SNAPSHOT_FILE


def build(taxonomy: Taxonomy) -> dict[str, object]:
    """Per file, the pieces of every special case (bare), and of every text the matcher, the
    context rules and the paraphrases tokenize at start-up; and what the matcher and the
    context engine build from them for the shipped taxonomy and rules (``built``)."""
    nlp = English(create_tokenizer=lambda nlp: CachingTokenizer(nlp.vocab, precomputed=False))
    tokenizer: CachingTokenizer = nlp.tokenizer  # type: ignore[assignment]
    bare = {
        key: [token.text for token in tokenizer.bare(key)]
        for key in sorted(English.Defaults.tokenizer_exceptions)
    }
    ParaphraseFinder(nlp, taxonomy)  # each asks pieces() of every text it tokenizes
    first = set(tokenizer.unlisted)  # what start-up tokenizes although the rest is built
    SkillMatcher(tokenizer, taxonomy)
    ContextEngine(nlp)
    text = rules.shipped_text()
    built = {
        "matcher": {"key": taxonomy.version, "data": index_entries(tokenizer, taxonomy)},
        "context": {"key": rules.digest(text), "data": cue_words(nlp, validated_rules())},
    }

    def table(texts: set[str]) -> dict[str, list[str]]:
        return {text: [token.text for token in tokenizer(text)] for text in sorted(texts)}

    return {
        DATA_FILE: {
            "fingerprint": tokenizer.fingerprint,
            "bare": bare,
            "tokens": table(first),
            "built": built,
        },
        MORE_FILE: {
            "fingerprint": tokenizer.fingerprint,
            "tokens": table(tokenizer.unlisted - first),
        },
    }


def validated_rules() -> rules.RulesFile:
    """The shipped context rules, validated from their TOML file (never from the snapshot)."""
    return rules.parse_rules(rules.shipped_text(), rules.RULES_FILE)


def rules_snapshot() -> dict[str, object]:
    return {"digest": rules.digest(rules.shipped_text()), "rules": validated_rules().snapshot()}


def snapshot() -> dict[str, object]:
    """The shipped taxonomy, validated from its TOML files (never from an old snapshot)."""
    from importlib import resources

    folder = resources.files("skillgap.taxonomy_data")
    sources = sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    )
    return Taxonomy.from_sources(sources).snapshot()


def main() -> None:
    taxonomy = snapshot()
    SNAPSHOT.write_text(json.dumps(taxonomy, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {SNAPSHOT} ({len(taxonomy['skills'])} skills)")
    RULES.write_text(_dumps(rules_snapshot()), "utf-8")
    print(f"wrote {RULES}")
    files = build(Taxonomy.default())
    for name, data in files.items():
        (FOLDER / name).write_text(_dumps(data), "utf-8")
        print(f"wrote {FOLDER / name} ({len(data['tokens'])} texts)")


def _dumps(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    main()
