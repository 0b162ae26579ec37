"""The tokenizer: spaCy's blank English one, tuned for résumés and kept linear on hostile text.

No trained model is loaded: tokenization plus PhraseMatcher is all extraction needs, and it is
about 25x faster than a trained pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer


def blank_english() -> Language:
    """``spacy.blank("en")`` with the tokenizer's no-op special cases removed.

    spaCy 3.8 stops caching words for the rest of a text after the first special case it
    meets (explosion/spaCy#13950). Newlines, spaces and ``C++`` are special cases whose output
    the affix rules give anyway, so dropping them changes no token and makes tokenizing
    15-20x faster (shared/research/performance.md section 2).
    """
    nlp = spacy.blank("en")
    default = nlp.tokenizer
    # Split "C++/C", "Java(5 yrs)" and run-together sentences ("PostgreSQL.Education").
    infixes = [*nlp.Defaults.infixes, r"/", r"[()\[\]]", r"\.(?=[A-Z][a-z])"]
    suffixes = [*nlp.Defaults.suffixes, r"-"]  # "PYTHON- Experience - 24 months"
    # One Tokenizer built with its final settings: each setter on a built one reloads all
    # special cases, which made start-up 0.3 s slower.
    settings = {
        "prefix_search": default.prefix_search,
        "suffix_search": _tail_search(spacy.util.compile_suffix_regex(suffixes).search),
        "infix_finditer": spacy.util.compile_infix_regex(infixes).finditer,
        "token_match": _overlong,  # blank English has none to keep
        "url_match": default.url_match,
    }
    bare = Tokenizer(nlp.vocab, rules={}, **settings)
    kept = {
        key: value
        for key, value in default.rules.items()
        if [token.text for token in bare(key)] != [piece[ORTH] for piece in value]
    }
    nlp.tokenizer = Tokenizer(nlp.vocab, rules=kept, **settings)
    return nlp


MAX_WORD = 500  # characters without whitespace; the corpus' longest is 160 (a URL)


def _overlong(word: str) -> bool:
    """Keep a whitespace-free run over MAX_WORD characters as one token.

    spaCy strips affixes one at a time, copying the rest of the word each time, so a
    250,000-emoji "word" took minutes. Such a run is garbage or an encoded blob, never a skill.
    """
    return len(word) > MAX_WORD


SUFFIX_WINDOW = 64  # characters; longer than any suffix rule matches in real text


def _tail_search(search: Callable[[str], re.Match[str] | None]) -> Callable[[str], Any]:
    """Look for a suffix among a word's last characters only.

    spaCy's suffix regex ends in ``$``, so each search scans the whole word, and a word loses
    one suffix per search: a 20,000-character run of emoji or ")" took minutes. spaCy reads only
    the match's length, so searching the tail gives the same tokens in linear time.
    """

    def tail_search(word: str) -> re.Match[str] | None:
        return search(word[-SUFFIX_WINDOW:])

    return tail_search
