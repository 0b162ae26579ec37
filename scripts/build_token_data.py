"""Write src/skillgap/extraction/token_data.json: the token pieces start-up would compute.

Run after changing the shipped taxonomy, the tokenizer's rules or the spaCy version:
``python scripts/build_token_data.py``. A test fails while the file is out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.lang.en import English

from skillgap.extraction.matcher import matched_texts
from skillgap.extraction.tokenizer import CachingTokenizer
from skillgap.taxonomy import Taxonomy

TARGET = Path(__file__).resolve().parents[1] / "src" / "skillgap" / "extraction" / "token_data.json"


def build(taxonomy: Taxonomy) -> dict[str, object]:
    """The pieces of every special case (bare) and of every form the matcher needs."""
    nlp = English(create_tokenizer=lambda nlp: CachingTokenizer(nlp.vocab, precomputed=False))
    tokenizer: CachingTokenizer = nlp.tokenizer  # type: ignore[assignment]
    bare = {
        key: [token.text for token in tokenizer.bare(key)]
        for key in sorted(English.Defaults.tokenizer_exceptions)
    }
    tokens = {
        text: [token.text for token in tokenizer(text)] for text in sorted(matched_texts(taxonomy))
    }
    return {"fingerprint": tokenizer.fingerprint, "bare": bare, "tokens": tokens}


def main() -> None:
    data = build(Taxonomy.default())
    TARGET.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {TARGET} ({len(data['bare'])} special cases, {len(data['tokens'])} forms)")


if __name__ == "__main__":
    main()
