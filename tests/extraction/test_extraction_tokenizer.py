"""The tokenizer keeps spaCy's tokens exactly while its cache stays on.

spaCy stops caching for the rest of a text after its first special case ("don't", "e.g.");
skillgap tokenizes without special cases and applies them word by word. The tokens must be
the ones a plain spaCy tokenizer with the same rules gives, on every corpus document.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import corpus_files, ids, load_script

from skillgap.extraction import tokenizer
from skillgap.extraction.context import ContextEngine, cue_words
from skillgap.extraction.extractor import Extractor
from skillgap.extraction.matcher import INDEXES, SkillMatcher, index_entries
from skillgap.extraction.rules import digest, load_rules, shipped_text
from skillgap.extraction.sequences import SequenceIndex
from skillgap.extraction.token_data import DATA_FILE, MORE_FILE
from skillgap.extraction.tokenizer import blank_english
from skillgap.ingest import read_document
from skillgap.taxonomy import Taxonomy

NLP = blank_english()
REFERENCE = NLP.tokenizer.special_tokenizer()
DOCUMENTS = [
    path
    for folder, pattern in (
        ("jobs", "*.txt"),
        ("resumes/text", "*"),
        ("resumes/pdf", "*.pdf"),
        ("challenge/jobs", "*.txt"),
        ("challenge/resumes", "*.txt"),
    )
    for path in corpus_files(folder, pattern)
]


def _tokens(doc) -> list[tuple[str, str]]:  # noqa: ANN001 - a spaCy Doc
    return [(token.text, token.whitespace_) for token in doc]


def _reference(text: str) -> list[tuple[str, str]]:
    """What spaCy's own tokenizer, with the same rules and special cases, gives."""
    return _tokens(REFERENCE(text))


@pytest.mark.parametrize(
    "text",
    [
        "We're hiring: you don't need Kubernetes, e.g. our EKS cluster (we'll teach you).",
        "I can't-wait; DON'T (don't) isn't. Cannot, cannot, Im, I'm, y'all, gonna.",
        "Meetings at 10am or 3p.m., Inc. and Jan. :) :-) (: ;) -_- ^_^ o_O and/or",
        "  leading\n\n\ttabs  and   spaces don't\n",
        "don't",
        "Python, PostgreSQL, Docker",
        "",
        "\n",
    ],
)
def test_tokenizer_gives_spacy_tokens_on_special_cases(text: str) -> None:
    assert _tokens(NLP.tokenizer(text)) == _reference(text)


STREAM_TEXTS = [
    "We're hiring: you don't need Kubernetes, e.g. our EKS cluster (we'll teach you).",
    "Kubernetes, EKS and you: don't panic (e.g., we'll help) and/or ask. Inc. at 10am.",
    "don't don't (don't) DON'T; e.g.e.g. Jan. Jan.: :) :-)",
    "Fresh words after a special case: can't zyxwvut-qrs, (Ütf8Word) and ref-9-9-x.",
    "zyxwvut-qrs (Ütf8Word) can't, with the new words first this time.",
    "",
    "\n\n  \t",
]


def test_tokenizer_in_a_stream_gives_spacy_tokens() -> None:
    """Past STREAM_TEXTS texts the tokenizer holding every special case takes over, its
    cache filled with the words met: the tokens stay spaCy's, new words and repeats alike."""
    stream = blank_english().tokenizer
    for text in STREAM_TEXTS[:3]:
        assert _tokens(stream(text)) == _reference(text)
    stream.texts = tokenizer.STREAM_TEXTS  # the next text starts the stream
    for text in STREAM_TEXTS * 2:
        assert _tokens(stream(text)) == _reference(text)
    assert stream._full is not None, "the stream tokenizer was not used"


def test_tokenizer_asked_to_stream_from_the_start_gives_spacy_tokens() -> None:
    """What rank's first worker asks before its first file: no words met yet."""
    stream = blank_english().tokenizer
    stream.stream()
    assert stream._full is not None
    for text in STREAM_TEXTS * 3:  # met once, come back (cached), and again
        assert _tokens(stream(text)) == _reference(text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=ids(DOCUMENTS))
def test_tokenizer_gives_spacy_tokens_on_every_corpus_document(path: Path) -> None:
    text = read_document(path).text
    assert _tokens(NLP.tokenizer(text)) == _reference(text)


def test_tokenizer_precomputed_pieces_are_current() -> None:
    """token_data.json holds what start-up would compute; else run scripts/build_token_data.py."""
    folder = Path(blank_english.__code__.co_filename).parent
    fresh = load_script("build_token_data").build(Taxonomy.default())
    assert set(fresh) == {DATA_FILE, MORE_FILE}
    for name, data in fresh.items():
        assert json.loads((folder / name).read_text()) == data, (
            f"{name} is out of date: run python scripts/build_token_data.py"
        )
    assert NLP.tokenizer.table, "the shipped pieces were not used"


def test_taxonomy_snapshot_is_current_and_equals_the_validated_files() -> None:
    """snapshot.json holds the validated TOML files; else run scripts/build_token_data.py."""
    build = load_script("build_token_data")
    fresh = build.snapshot()
    assert json.loads(build.SNAPSHOT.read_text(encoding="utf-8")) == fresh, (
        "snapshot.json is out of date: run python scripts/build_token_data.py"
    )
    shipped = Taxonomy.default()
    assert shipped.snapshot() == fresh  # loaded from the snapshot, the same taxonomy


def test_context_rules_snapshot_is_current_and_equals_the_validated_file() -> None:
    """context_rules.json holds the validated rules file; else run scripts/build_token_data.py."""
    build = load_script("build_token_data")
    fresh = build.rules_snapshot()
    assert json.loads(build.RULES.read_text(encoding="utf-8")) == fresh, (
        "context_rules.json is out of date: run python scripts/build_token_data.py"
    )
    shipped = load_rules()  # from the snapshot: the same rules as validating the file gives
    assert shipped == build.validated_rules()
    assert shipped.snapshot() == fresh["rules"]


def test_prebuilt_matcher_and_cues_are_used_and_equal_what_start_up_computes() -> None:
    """The shipped matcher index and cue trie are what building them from the taxonomy and
    the rules gives; a custom taxonomy or rules file is built at start-up instead."""
    taxonomy = Taxonomy.default()
    table = NLP.tokenizer.table
    assert table.built("matcher", taxonomy.version) is not None
    assert table.built("matcher", "another version") is None
    computed = index_entries(NLP.tokenizer, taxonomy)
    loaded = SkillMatcher(NLP.tokenizer, taxonomy)
    assert [list(vars(info).values()) for info in loaded.labels] == computed["labels"]
    # The any-case forms are searched with the lower-case ones.
    searched = {"lower": computed["lower"] + computed["loose"], "exact": computed["exact"]}
    assert set(searched) | {"loose"} == set(INDEXES)
    for name, entries in searched.items():
        rebuilt = SequenceIndex()
        for label, *sequence in entries:
            rebuilt.add(tuple(sequence), label)
        index = getattr(loaded, name)
        assert (index._singles, index._pairs) == (rebuilt._singles, rebuilt._pairs)
    assert Extractor().nlp.tokenizer.table._more is None, "start-up read token_more.json"
    shipped = ContextEngine(NLP)
    assert table.built("context", digest(shipped_text())) is not None
    assert ContextEngine(NLP, load_rules()).trie == shipped.trie  # rules given: computed
    assert cue_words(NLP, load_rules()) == table.built("context", digest(shipped_text()))
