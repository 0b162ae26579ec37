"""The tokenizer: spaCy's blank English one, tuned for résumés, fast and linear on hostile text.

No trained model is loaded: tokenization plus a phrase index is all extraction needs, and it
is about 25x faster than a trained pipeline. The tokens are exactly those of a spaCy
``Tokenizer`` with English's affix rules (plus ours) and special cases; what differs is how
fast they come: the cache stays on, and start-up reads precomputed pieces
(:mod:`skillgap.extraction.token_data`) instead of tokenizing every special case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, ORTH, SPACY
from spacy.lang.en import English
from spacy.language import Language
from spacy.symbols import ORTH as ORTH_SYMBOL
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vectors import Vectors
from spacy.vocab import Vocab

from skillgap.extraction.sequences import SequenceIndex, hashes
from skillgap.extraction.token_data import PieceTable, fingerprint
from skillgap.extraction.tokens import READ_ATTRIBUTES

CACHE_SIZE = 250_000  # distinct words; spaCy's 10,000 fills within a few hundred résumés
MAX_WORD = 500  # characters without whitespace; the corpus' longest is 160 (a URL)
SUFFIX_WINDOW = 64  # characters; longer than any suffix rule matches in real text
# Texts tokenized before the tokenizer holding every special case is built: building it costs
# ~45 ms, what its speed gains back over some 200 texts, so a one-off run never builds it.
STREAM_TEXTS = 100


def blank_english() -> Language:
    """An English pipeline with no components, whose tokenizer is :class:`CachingTokenizer`.

    Its vocabulary computes only the lexical attributes extraction reads: English's others
    (shape, norm, affixes, stop words, ...) doubled the cost of each word seen for the first
    time, a fifth of extracting a document never seen.
    """
    nlp = English(create_tokenizer=lambda nlp: CachingTokenizer(nlp.vocab), create_vectors=_vectors)
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {key: getters[key] for key in READ_ATTRIBUTES}
    return nlp


def _vectors(vocab: Vocab) -> Vectors:
    """The empty table spaCy's default config (``spacy.Vectors.v1``) makes, made directly:
    resolving the config through spaCy's registry cost 5 ms at every start."""
    return Vectors(strings=vocab.strings)


def _overlong(word: str) -> bool:
    """Keep a whitespace-free run over MAX_WORD characters as one token.

    spaCy strips affixes one at a time, copying the rest of the word each time, so a
    250,000-emoji "word" took minutes. Such a run is garbage or an encoded blob, never a skill.
    """
    return len(word) > MAX_WORD


def _tail_search(search: Callable[[str], re.Match[str] | None]) -> Callable[[str], Any]:
    """Look for a suffix among a word's last characters only.

    spaCy's suffix regex ends in ``$``, so each search scans the whole word, and a word loses
    one suffix per search: a 20,000-character run of emoji or ")" took minutes. spaCy reads only
    the match's length, so searching the tail gives the same tokens in linear time.
    """

    def tail_search(word: str) -> re.Match[str] | None:
        return search(word[-SUFFIX_WINDOW:])

    return tail_search


def _settings() -> tuple[dict[str, Any], list[str]]:
    """The affix rules (English's, plus ours) and the pattern texts that identify them."""
    defaults = English.Defaults
    # Split "C++/C", "Java(5 yrs)" and run-together sentences ("PostgreSQL.Education").
    infixes = spacy.util.compile_infix_regex(
        [*defaults.infixes, r"/", r"[()\[\]]", r"\.(?=[A-Z][a-z])"]
    )
    suffixes = spacy.util.compile_suffix_regex([*defaults.suffixes, r"-"])  # "PYTHON- Exp"
    prefixes = spacy.util.compile_prefix_regex(defaults.prefixes)
    settings = {
        "prefix_search": prefixes.search,
        "suffix_search": _tail_search(suffixes.search),
        "infix_finditer": infixes.finditer,
        "token_match": _overlong,
        "url_match": defaults.url_match,
    }
    patterns = [prefixes.pattern, suffixes.pattern, infixes.pattern]
    patterns += [defaults.url_match.__self__.pattern, f"{MAX_WORD} {SUFFIX_WINDOW}"]
    return settings, patterns


class CachingTokenizer:
    """spaCy's tokens, from a tokenizer with no special cases plus the special cases' words.

    spaCy 3.8 stops caching words for the rest of a text after the first special case it
    meets (explosion/spaCy#13950), and its cache holds 10,000 words. Here a bare tokenizer (no
    special cases, a large cache) tokenizes every text. A special case applies to one
    whitespace-delimited word once its punctuation is split off, and the bare tokenizer
    splits that core exactly as it splits the special case's text alone; so an index of those
    bare sequences finds every word a special case may change. Each such word is tokenized
    again, alone, with the special cases it contains, and when that differs the Doc is
    rebuilt from the corrected words. The answer per word is remembered.

    Rebuilding a Doc costs more than tokenizing it, and most job ads need it ("you'll"), so
    a stream (past ``STREAM_TEXTS`` texts) is tokenized by spaCy's tokenizer with every
    special case instead, its cache kept full: the words of a text met once before and not
    yet cached are tokenized first, together, leaving out those the index finds (the only ones a
    special case can meet, which would stop the caching); so every word that comes back is
    cached.
    """

    def __init__(self, vocab: spacy.vocab.Vocab, *, precomputed: bool = True) -> None:
        self.vocab = vocab
        self.settings, patterns = _settings()
        self.bare = Tokenizer(vocab, rules={}, max_cache_size=CACHE_SIZE, **self.settings)
        exceptions = English.Defaults.tokenizer_exceptions
        self.fingerprint = fingerprint(patterns, exceptions)
        self.table = PieceTable(self.fingerprint, None if precomputed else {})
        bare_pieces = {key: self._bare_pieces(key) for key in sorted(exceptions)}
        # Special cases whose tokens the affix rules give anyway ("\n", "C++") are dropped.
        self.rules = {
            key: value
            for key, value in exceptions.items()
            if bare_pieces[key] != [piece[ORTH_SYMBOL] for piece in value]
        }
        self.keys = sorted(self.rules)
        self.finder = SequenceIndex()
        for label, key in enumerate(self.keys):
            self.finder.add(hashes(bare_pieces[key]), label)
        self._special: Tokenizer | None = None  # built on the first word that needs it
        self.words: dict[str, list[str] | None] = {}  # word -> its special tokens, if they differ
        self.unlisted: set[str] = set()  # texts pieces() tokenized: the table lacked them
        self.texts = 0  # tokenized so far, up to STREAM_TEXTS
        self._full: Tokenizer | None = None  # every special case, built for a stream
        self.seen: set[str] = set()  # words met, which ``_full`` is given to cache
        self.once: set[str] = set()  # words met once in a stream, not cached yet

    def __call__(self, text: str) -> Doc:
        if self._full is not None:
            return self._streamed(text)
        self.texts += 1
        if len(self.seen) < CACHE_SIZE:
            self.seen.update(text.split())
        if self.texts > STREAM_TEXTS:
            self.stream()
            return self._streamed(text)
        doc = self.bare(text)
        if not len(doc):
            return doc
        found = self.finder.find(doc.to_array(ORTH))  # the other columns only when needed
        if not found:
            return doc
        rows = doc.to_array([ORTH, IDX, LENGTH, SPACY, IS_SPACE])
        # A word starts after a trailing space, and at or after a whitespace token.
        breaks = (rows[:-1, 3] == 1) | (rows[:-1, 4] == 1) | (rows[1:, 4] == 1)
        word_of = numpy.concatenate(([0], numpy.cumsum(breaks)))
        hits = [index for _, start, end in found for index in (start, end - 1)]
        # numpy.unique would import numpy.ma (6 ms, once per process) to ask if it is masked
        suspects = numpy.array(sorted(set(word_of[hits].tolist())), dtype=word_of.dtype)
        firsts = numpy.searchsorted(word_of, suspects).tolist()
        lasts = (numpy.searchsorted(word_of, suspects, side="right") - 1).tolist()
        begins = rows[firsts, 1].tolist()
        ends = (rows[lasts, 1] + rows[lasts, 2]).tolist()
        fixes = [
            (first, last, pieces)
            for first, last, begin, end in zip(firsts, lasts, begins, ends, strict=True)
            if (pieces := self._special_tokens(text[begin:end])) is not None
        ]
        if not fixes:
            return doc
        bounds = zip(rows[:, 1].tolist(), (rows[:, 1] + rows[:, 2]).tolist(), strict=True)
        words = [text[start:end] for start, end in bounds]
        spaces = (rows[:, 3] == 1).tolist()
        for first, last, pieces in reversed(fixes):
            words[first : last + 1] = pieces
            spaces[first : last + 1] = [False] * (len(pieces) - 1) + [spaces[last]]
        return Doc(self.vocab, words=words, spaces=spaces)

    def stream(self) -> None:
        """Tokenize as a stream from now on: what a batch of many texts asks before its first
        (``rank``'s first worker, so the workers forked from it share the tokenizer)."""
        if self._full is None:
            self._full = Tokenizer(
                self.vocab, rules=self.rules, max_cache_size=CACHE_SIZE, **self.settings
            )
            self._cache(sorted(self.seen))  # the words met so far, cached at once

    def _streamed(self, text: str) -> Doc:
        """The text tokenized by ``_full``, after caching the words met before but not cached.

        A word is cached when it comes back: most words met once (a name, a number, an
        address) never do, and caching them cost as much again as tokenizing the text.
        """
        words = text.split()
        if not self.seen.issuperset(words) and len(self.seen) < CACHE_SIZE:
            unseen = set(words).difference(self.seen)
            again = unseen.intersection(self.once)
            if again:
                self._cache(sorted(again))
                self.seen.update(again)
                self.once.difference_update(again)
            if len(self.once) > CACHE_SIZE:
                self.once.clear()
            self.once.update(unseen.difference(again))
        return self._full(text)  # type: ignore[misc] - set before the first call here

    def _cache(self, words: list[str]) -> None:
        """Have ``_full`` cache the words no special case can meet: tokenized together, as
        long as none meets a special case, spaCy caches each of them."""
        joined = " ".join(words)
        doc = self.bare(joined)
        found = self.finder.find(doc.to_array(ORTH)) if len(doc) else []
        if found:
            starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=0))
            offsets = doc.to_array(IDX)
            met = {
                bisect.bisect_right(starts, int(offsets[index])) - 1
                for _, start, end in found
                for index in range(start, end)
            }
            joined = " ".join(word for number, word in enumerate(words) if number not in met)
        self._full(joined)  # type: ignore[misc] - set before the first call here

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def pieces(self, text: str) -> list[str]:
        """The token texts of ``text``, from the precomputed table when it has them.

        Start-up asks this for every alias, cue and paraphrase word; the texts the table
        lacks are kept in ``unlisted``, which is what ``scripts/build_token_data.py`` stores.
        """
        known = self.table.tokens(text)
        if known is not None:
            return known
        self.unlisted.add(text)
        return [token.text for token in self(text)]

    def special_tokenizer(self) -> Tokenizer:
        """spaCy's tokenizer with every special case: what the tokens must equal (tests)."""
        return Tokenizer(self.vocab, rules=self.rules, **self.settings)

    def _bare_pieces(self, text: str) -> list[str]:
        known = self.table.bare(text)
        return known if known is not None else [token.text for token in self.bare(text)]

    def _special_tokens(self, word: str) -> list[str] | None:
        """The tokens the special cases give ``word``, when they differ from the bare ones."""
        if word not in self.words:
            if len(self.words) >= CACHE_SIZE:
                self.words.clear()
            special = [token.text for token in self._tokenizer_for(word)(word)]
            same = special == [token.text for token in self.bare(word)]
            self.words[word] = None if same else special
        return self.words[word]

    def _tokenizer_for(self, word: str) -> Tokenizer:
        """A tokenizer holding every special case found inside ``word``.

        Tokenizing one word consults only special cases that are parts of it, so adding
        those (to the ones added before) gives what the tokenizer with all of them gives.
        """
        if self._special is None:
            self._special = Tokenizer(self.vocab, rules={}, **self.settings)
        known = self._special.rules
        for key in self.keys:
            if key in word and key not in known:
                self._special.add_special_case(key, self.rules[key])
        return self._special
