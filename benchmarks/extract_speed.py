"""Extraction speed in the two regimes a pipeline lives in, next to a floor in the same process.

- *first sight*: every distinct corpus document once, after one warm-up on an unrelated text;
  nothing about these documents is cached yet (three times over, each with new extractors).
- *stream*: hundreds of distinct documents as a pipeline sees them (variants of the corpus
  documents with another name, another line order and a novel token each), timed after a
  warm-up of ``WARM_UP`` variants.

Repeating the same documents is not a regime: it measures the caches. The floor is what any
extractor over the same names must do at least: ``spacy.blank("en")`` with the tokenizer's
no-op special cases pruned, plus a PhraseMatcher over exactly the forms skillgap matches.
Times are CPU seconds of this process, each side interleaved document by document.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WARM_UP = 100
FIRST_SIGHT_ROUNDS = 3  # fresh extractors, each seeing every document once
STREAM = 500
UNRELATED = (
    "Minutes of the garden club. We planted tulips along the north fence and agreed to meet "
    "again in spring; bring gloves, seeds and a thermos of tea."
)
NAMES = ["Avery Quinn", "Noor Haddad", "Tomás Vidal", "Mei Lin Zhou", "Kwame Mensah", "Ilse Berg"]


def corpus_texts(kind: str) -> list[str]:
    """The text of every corpus document of a kind (text files; PDFs are timed apart)."""
    from skillgap.ingest import read_document

    if kind == "job":
        paths = sorted((CORPUS / "jobs").glob("*.txt")) + sorted(
            (CORPUS / "challenge" / "jobs").glob("*.txt")
        )
    else:
        paths = sorted(p for p in (CORPUS / "resumes" / "text").iterdir() if p.is_file())
        paths += sorted((CORPUS / "challenge" / "resumes").glob("*.txt"))
    return [read_document(path).text for path in paths]


def variants(texts: list[str], count: int, seed: int) -> list[str]:
    """``count`` distinct documents: another name on top, paragraphs reordered inside their
    section, and a novel token in each, so no document repeats."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        lines = texts[number % len(texts)].splitlines()
        body = lines[1:]
        # Reorder the lines of a few runs of non-empty lines (bullets within a section).
        start = rng.randrange(max(1, len(body)))
        run = body[start : start + rng.randint(2, 6)]
        rng.shuffle(run)
        body[start : start + len(run)] = run
        novel = f"ref-{seed}-{number}-{rng.randrange(10**9):09d}x"
        made.append("\n".join([rng.choice(NAMES), *body, f"Reference {novel}"]))
    return made


def floor_extractor() -> Callable[[str], object]:
    """spaCy's blank English tokenizer, its no-op special cases pruned, and phrase matchers."""
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    from skillgap.extraction.matcher import _forms
    from skillgap.taxonomy import Taxonomy

    nlp = spacy.blank("en")
    default = nlp.tokenizer
    settings = {
        "prefix_search": default.prefix_search,
        "suffix_search": default.suffix_search,
        "infix_finditer": default.infix_finditer,
        "token_match": default.token_match,
        "url_match": default.url_match,
    }
    bare = Tokenizer(nlp.vocab, rules={}, **settings)
    kept = {
        key: value
        for key, value in default.rules.items()
        if [token.text for token in bare(key)] != [piece[ORTH] for piece in value]
    }
    nlp.tokenizer = Tokenizer(nlp.vocab, rules=kept, **settings)
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for (skill_id, cased, method), forms in _forms(Taxonomy.default()).items():
        matcher = exact if cased else lower
        matcher.add(f"{skill_id}|{method}", list(nlp.tokenizer.pipe(sorted(forms))))

    def extract(text: str) -> object:
        doc = nlp.make_doc(text)
        return lower(doc) + exact(doc)

    return extract


def _skillgap_extractor(kind: str) -> Callable[[str], object]:
    from skillgap import Analyzer, Document

    analyzer = Analyzer()

    def extract(text: str) -> object:
        return analyzer.extractor.extract(Document(text=text), kind)  # type: ignore[arg-type]

    return extract


def _timed(pairs: list[tuple[str, Callable[[str], object]]], texts: list[str]) -> dict[str, float]:
    """CPU seconds per extractor over the texts, interleaved document by document.

    The garbage collector is off meanwhile: a full collection walks every object of both
    extractors (skillgap's tables are most of them) and fell on whichever side happened to
    allocate then, the floor's first-sight rate swinging from 130 to 250 docs/s.
    """
    spent = dict.fromkeys((name for name, _ in pairs), 0.0)
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            for name, extract in pairs:
                start = time.process_time()
                extract(text)
                spent[name] += time.process_time() - start
    finally:
        gc.enable()
    return spent


def measure(kind: str, stream: int = STREAM) -> dict[str, dict[str, float]]:
    """docs/s of skillgap and of the floor, and their ratio, in both regimes.

    First sight is run ``FIRST_SIGHT_ROUNDS`` times, each time with a new extractor and a
    new floor (nothing seen before on either side), and the times summed: one pass over a
    few dozen documents lasts a third of a second, and the floor alone read 150 to 260
    docs/s from one process to the next.
    """
    texts = corpus_texts(kind)
    results: dict[str, dict[str, float]] = {}
    for regime in ("first_sight", "stream"):
        rounds = FIRST_SIGHT_ROUNDS if regime == "first_sight" else 1
        spent = {"skillgap": 0.0, "floor": 0.0}
        for _ in range(rounds):
            if regime == "first_sight":
                # The one cache kept across Analyzers: what each word's lexeme says. An
                # earlier measure in this process must not have seen these words.
                from skillgap.extraction import tokens

                tokens._LEXEMES.clear()
            pairs = [("skillgap", _skillgap_extractor(kind)), ("floor", floor_extractor())]
            for _, extract in pairs:
                extract(UNRELATED)
            if regime == "first_sight":
                timed = texts
            else:
                warm = variants(texts, WARM_UP, seed=1)
                _timed(pairs, warm)
                timed = variants(texts, stream, seed=2)
            for name, seconds in _timed(pairs, timed).items():
                spent[name] += seconds
        rates = {name: rounds * len(timed) / seconds for name, seconds in spent.items()}
        results[regime] = {
            "docs": len(timed),
            "rounds": rounds,
            "skillgap_docs_per_s": round(rates["skillgap"], 1),
            "floor_docs_per_s": round(rates["floor"], 1),
            "ratio": round(rates["skillgap"] / rates["floor"], 3),
        }
    return results


if __name__ == "__main__":
    for kind in ("resume", "job"):
        print(kind, measure(kind))
