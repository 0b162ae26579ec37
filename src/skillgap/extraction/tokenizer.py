"""The tokenizer: spaCy's blank English one, tuned for résumés and kept linear on hostile text.

No trained model is loaded: tokenization plus PhraseMatcher is all extraction needs, and it is
about 25x faster than a trained pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc


def blank_english() -> Language:
    """``spacy.blank("en")`` whose tokenizer keeps its cache on; the same tokens as shipped.

    spaCy 3.8 stops caching words for the rest of a text after the first special case it
    meets (explosion/spaCy#13950). Newlines, spaces and ``C++`` are special cases whose output
    the affix rules give anyway, so they are dropped; the others (contractions such as
    "don't", abbreviations such as "e.g.") are applied by :class:`CachingTokenizer`, which
    tokenizes without them and re-tokenizes only the few words they change.
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
    bare = Tokenizer(nlp.vocab, rules={}, max_cache_size=CACHE_SIZE, **settings)
    kept = {
        key: value
        for key, value in default.rules.items()
        if [token.text for token in bare(key)] != [piece[ORTH] for piece in value]
    }
    nlp.tokenizer = CachingTokenizer(bare, Tokenizer(nlp.vocab, rules=kept, **settings))
    return nlp


CACHE_SIZE = 250_000  # distinct words; spaCy's 10,000 fills within a few hundred résumés


class CachingTokenizer:
    """spaCy's tokens, from a tokenizer with no special cases plus the special cases' words.

    A special case applies to one whitespace-delimited word, once its punctuation is split
    off, and the bare tokenizer splits that core exactly as it splits the special case's text
    alone. So a phrase matcher over those bare token sequences finds every word a special
    case may change; each such word is tokenized again, alone, with the special cases, and
    when that differs the Doc is rebuilt from the corrected words. The answer per word is
    remembered.
    """

    def __init__(self, bare: Tokenizer, special: Tokenizer) -> None:
        self.bare, self.special, self.vocab = bare, special, bare.vocab
        self.finder = PhraseMatcher(bare.vocab, attr="ORTH")
        self.finder.add("special", [bare(key) for key in sorted(special.rules)])
        self.words: dict[str, list[str] | None] = {}  # word -> its special tokens, if they differ

    @property
    def rules(self) -> dict[str, Any]:
        return self.special.rules

    def __call__(self, text: str) -> Doc:
        doc = self.bare(text)
        found = self.finder(doc)
        if not found:
            return doc
        rows = doc.to_array([IDX, LENGTH, SPACY, IS_SPACE])
        # A word starts after a trailing space, and at or after a whitespace token.
        breaks = (rows[:-1, 2] == 1) | (rows[:-1, 3] == 1) | (rows[1:, 3] == 1)
        word_of = numpy.concatenate(([0], numpy.cumsum(breaks)))
        hits = [index for _, start, end in found for index in (start, end - 1)]
        suspects = numpy.unique(word_of[hits])
        firsts = numpy.searchsorted(word_of, suspects).tolist()
        lasts = (numpy.searchsorted(word_of, suspects, side="right") - 1).tolist()
        begins = rows[firsts, 0].tolist()
        ends = (rows[lasts, 0] + rows[lasts, 1]).tolist()
        fixes = [
            (first, last, pieces)
            for first, last, begin, end in zip(firsts, lasts, begins, ends, strict=True)
            if (pieces := self._special_tokens(text[begin:end])) is not None
        ]
        if not fixes:
            return doc
        bounds = zip(rows[:, 0].tolist(), (rows[:, 0] + rows[:, 1]).tolist(), strict=True)
        words = [text[start:end] for start, end in bounds]
        spaces = (rows[:, 2] == 1).tolist()
        for first, last, pieces in reversed(fixes):
            words[first : last + 1] = pieces
            spaces[first : last + 1] = [False] * (len(pieces) - 1) + [spaces[last]]
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def _special_tokens(self, word: str) -> list[str] | None:
        """The tokens the special cases give ``word``, when they differ from the bare ones."""
        if word not in self.words:
            if len(self.words) >= CACHE_SIZE:
                self.words.clear()
            special = [token.text for token in self.special(word)]
            same = special == [token.text for token in self.bare(word)]
            self.words[word] = None if same else special
        return self.words[word]


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
