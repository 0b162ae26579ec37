"""The context engine: which cue rules reach each skill mention, and what they make of it.

ConText-style: a rule's cue phrase is found in the document, its scope runs forward or
backward from it over a limited stretch of words, and every mention inside is marked with the
rule's category. Rules are data (``context_rules.toml``); this module only knows how scopes
walk. It reads the document as plain arrays (:class:`~skillgap.extraction.tokens.Tokens`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, groupby
from operator import itemgetter
from typing import NamedTuple, get_args

from spacy.language import Language

from skillgap.extraction.rules import Kind, Rule, RulesFile, default_rules, digest, shipped_text
from skillgap.extraction.tokens import BULLETS, SENTENCE_STOPS, Tokens

# Tokens that end every scope: sentence ends, table cells and bullets in the middle of a line.
SENTENCE_END = {".", "!", "?", ";", "|", "•", "▪", "●", "◦", "➔", "‣", "■", "□"}
# What a label scope crosses: "Rust: none", "Helm — none", "Cassandra (no ...)".
LABEL_SEPARATORS = {":", "—", "–", "-", "(", "="}
ITEM_ENDS = {",", ")"}  # where a labelled item ends: "Go (none), Python (5 years)"
MARKS = SENTENCE_END | BULLETS  # the only tokens other than line breaks that can be barriers
EMPHASIS = {"*", "**", "_", "__"}  # Markdown emphasis inside a sentence: "**is preferable.**"
# After these a line break continues the sentence ("experience with\nKafka").
CONTINUING_WORDS = {
    "with", "of", "in", "and", "or", "the", "a", "an", "to", "for", "on", "using", "as", "by",
    "at", "from", "including", "such", "like", "via", "across", "into", "both", ",",
}  # fmt: skip
CLAIM_CATEGORIES = ("negated", "learning", "interest")
STEPS = {"forward": (1,), "backward": (-1,), "both": (1, -1)}


class Target(NamedTuple):
    """A skill mention to judge: its tokens, skill and taxonomy category. A tuple: some forty
    are made per document, and a frozen dataclass cost three times as much to make."""

    start: int
    end: int
    skill_id: str
    category: str


@dataclass(frozen=True)
class Hit:
    """A rule whose scope reaches a mention."""

    rule: str
    category: str
    distance: int  # words between the cue and the mention
    qualified: bool  # the scope speaks of experience or knowledge ("Kafka experience")
    known: bool = False  # ... or of knowing or using it ("no need to know Kafka")
    not_in: frozenset[str] = frozenset()  # sections where the rule says nothing


@dataclass(frozen=True)
class Judgement:
    """What the context makes of one mention."""

    reason: str | None  # "negated", "learning" or "interest": not a claim; None: a claim
    level: str  # jobs: "required", "preferred" or "uncued"
    ignored: bool = False  # not a skill of the person or the role at all


# The judgements most mentions get, made once (a Judgement is frozen).
IGNORED = Judgement(None, "uncued", ignored=True)
CLAIMED = UNCUED = Judgement(None, "uncued")
NEGATED = Judgement("negated", "uncued")
PREFERRED = Judgement(None, "preferred")
REQUIRED = Judgement(None, "required")
# A résumé's mention no cue reaches: what its section makes of it.
SECTION_CLAIMS = {
    "interests": Judgement("interest", "uncued"),
    "learning": Judgement("learning", "uncued"),
}


@dataclass(frozen=True)
class _Compiled:
    rule: Rule
    order: int
    terminators: frozenset[str]
    skills: frozenset[str]
    categories: frozenset[str]
    unless: frozenset[str]
    openings: frozenset[str]
    not_in: frozenset[str]


class ContextEngine:
    """The rules, compiled once into phrase tables for one tokenizer."""

    def __init__(self, nlp: Language, rules: RulesFile | None = None) -> None:
        self.rules = rules or default_rules()
        scope = self.rules.scope
        self.glue = frozenset(scope.glue)
        self.filler = frozenset(scope.filler)
        self.openers = frozenset(scope.clause_openers)
        self.terminators = frozenset(scope.terminators)
        self.list_item_words = scope.list_item_words
        self.experience = frozenset(self.rules.words.get("experience", []))
        self.know_how = frozenset(self.rules.words.get("know-how", []))
        self.compiled = [
            _Compiled(
                rule,
                order,
                frozenset(scope.terminators if rule.terminated_by is None else rule.terminated_by),
                frozenset(rule.skills),
                frozenset(rule.categories),
                frozenset(rule.unless),
                frozenset(rule.unless_opening),
                frozenset(rule.not_in_sections),
            )
            for order, rule in enumerate(self.rules.rule)
        ]
        cues = (
            nlp.tokenizer.table.built("context", digest(shipped_text())) if rules is None else None
        )
        # word -> {word -> ..., _ends(kind): the orders of the rules the phrase ends for that
        # kind, and _pseudo(kind): True when one is a pseudo cue}; cue_words gives the phrases
        # rule by rule, so each tuple is in rule order. Only strings, numbers and tuples of
        # numbers: the garbage collector soon stops tracking the trie's ~20,000 containers, so
        # a full collection no longer walks them.
        self.trie: dict = {}
        self.first_words: dict[str, set[str]] = {kind: set() for kind in get_args(Kind)}
        phrases = cue_words(nlp, self.rules) if cues is None else cues
        for order, group in groupby(phrases, key=itemgetter(0)):
            compiled = self.compiled[order]
            keys = [_ends(kind) for kind in compiled.rule.kinds]
            pseudo = [_pseudo(kind) for kind in compiled.rule.kinds if _is_pseudo(compiled)]
            first: set[str] = set()
            for _, *words in group:
                node = self.trie
                for word in words:
                    node = node.setdefault(word, {})
                for key in keys:
                    node[key] = (*node[key], order) if key in node else (order,)
                for key in pseudo:
                    node[key] = True
                first.add(words[0])
            for kind in compiled.rule.kinds:
                self.first_words[kind] |= first

    def hits(
        self,
        tokens: Tokens,
        targets: Sequence[Target],
        kind: str,
        barrier: list[bool] | None = None,
    ) -> list[list[Hit]]:
        """For each target, the rules whose scope reaches it (nearest first)."""
        found: list[list[Hit]] = [[] for _ in targets]
        if not targets:
            return found
        owner = [-1] * len(tokens)  # the first target over each token
        for index in range(len(targets) - 1, -1, -1):
            target = targets[index]
            owner[target.start : target.end] = [index] * (target.end - target.start)
        twins = _twins(targets)
        barrier = self.barriers(tokens) if barrier is None else barrier
        skills = {target.skill_id for target in targets}
        categories = {target.category for target in targets}
        for start, end, rules in self._cues(tokens, owner, kind, barrier):
            for compiled in rules:
                if (compiled.skills and compiled.skills.isdisjoint(skills)) or (
                    compiled.categories and compiled.categories.isdisjoint(categories)
                ):
                    continue  # a rule for skills the document does not name
                if (compiled.unless or compiled.openings) and self._sentence_has(
                    tokens, barrier, start, compiled.unless, compiled.openings
                ):
                    continue
                if compiled.rule.category == "ignored":  # "favourite IDE": the cue's own words
                    for index in {owner[i] for i in range(start, end) if owner[i] >= 0}:
                        for twin in twins.get(index, (index,)):
                            if _applies(compiled, targets[twin]):
                                found[twin].append(Hit(compiled.rule.name, "ignored", 0, False))
                for step in STEPS[compiled.rule.direction]:
                    if (
                        step < 0
                        and compiled.rule.after_label
                        and not self._ends_item(
                            tokens, barrier, owner, end, compiled.rule.category == "negated"
                        )
                    ):
                        continue  # "Python only — no Java": the cue is about what follows
                    origin = end if step > 0 else start - 1
                    labelled = tokens.lower[start] in LABEL_SEPARATORS  # "( learning )"
                    reached, walked = self._walk(
                        tokens, barrier, owner, targets, compiled, origin, step, labelled
                    )
                    for index, distance in reached:
                        for twin in twins.get(index, (index,)):
                            target = targets[twin]
                            if _applies(compiled, target):
                                words = walked | {self._word_after(tokens, target)}
                                hit = Hit(
                                    compiled.rule.name,
                                    compiled.rule.category,
                                    distance,
                                    not words.isdisjoint(self.experience),
                                    not words.isdisjoint(self.know_how),
                                    compiled.not_in,
                                )
                                found[twin].append(hit)
        for hits in found:
            if len(hits) > 1:
                hits.sort(key=lambda hit: hit.distance)
        return found

    def cue_matches(self, tokens: Tokens, kind: str) -> list[tuple[int, int, str]]:
        """Every cue found (start, end, rule name), pseudo cues included: for tests and tools."""
        owner = [-1] * len(tokens)
        barrier = self.barriers(tokens)
        return [
            (start, end, compiled.rule.name)
            for start, end, rules in self._cues(tokens, owner, kind, barrier, keep_pseudo=True)
            for compiled in rules
        ]

    def _cues(
        self,
        tokens: Tokens,
        owner: list[int],
        kind: str,
        barrier: list[bool],
        keep_pseudo: bool = False,
    ) -> list[tuple[int, int, list[_Compiled]]]:
        """Cue matches as (start, end, rules); overlaps go to the earlier, then longer one.

        A cue inside a skill name ("learning" in "machine learning") is no cue, and a pseudo
        cue ("not only") hides the cues it overlaps. A cue starts only at a word that starts
        some phrase, found in one pass; it spans only a line break that wrapped its sentence
        (a whitespace token that is no barrier).
        """
        lower, space, trie, by_order = tokens.lower, tokens.space, self.trie, self.compiled
        size, end_key, pseudo_key = len(lower), _ends(kind), _pseudo(kind)
        spans: list[tuple[int, int, tuple[int, ...], bool]] = []  # by start, longer first
        for index in compress(range(size), map(self.first_words[kind].__contains__, lower)):
            node = trie[lower[index]]
            ahead = index + 1
            if end_key not in node and (
                ahead == size or not (space[ahead] or lower[ahead] in node)
            ):
                continue  # most first words ("the", "a") start no phrase here: asked at once
            last = index
            first = len(spans)
            while True:
                found = node.get(end_key)
                if found is not None:
                    if max(owner[index : last + 1]) < 0:
                        spans.append((index, last + 1, found, pseudo_key in node))
                    else:  # "learning" in "machine learning" is no cue
                        ignored = tuple(o for o in found if by_order[o].rule.category == "ignored")
                        if ignored:
                            spans.append((index, last + 1, ignored, False))
                ahead = last + 1
                while ahead < size and space[ahead]:
                    if barrier[ahead]:
                        break
                    ahead += 1
                else:
                    if ahead < size:
                        node = node.get(lower[ahead])
                        if node is not None:
                            last = ahead
                            continue
                break
            if len(spans) - first > 1:  # longer first
                spans[first:] = spans[first:][::-1]
        pseudo = [(start, stop) for start, stop, _, is_pseudo in spans if is_pseudo]
        kept: list[tuple[int, int, list[_Compiled]]] = []
        end = -1
        for start, stop, orders, is_pseudo in spans:
            if is_pseudo:
                if keep_pseudo:
                    kept.append((start, stop, [by_order[order] for order in orders]))
                continue
            if start < end or (pseudo and any(start < b and a < stop for a, b in pseudo)):
                continue
            kept.append((start, stop, [by_order[order] for order in orders]))
            end = stop
        return kept

    @staticmethod
    def _sentence_has(
        tokens: Tokens,
        barrier: list[bool],
        index: int,
        words: frozenset[str],
        openings: frozenset[str],
    ) -> bool:
        """Whether the sentence around token ``index`` holds one of ``words`` or opens with
        one of ``openings``."""
        start = index
        while start > 0 and not barrier[start - 1]:
            start -= 1
        end = index
        while end < len(tokens) and not barrier[end]:
            end += 1
        first = next(
            (i for i in range(start, end) if not (tokens.space[i] or tokens.punct[i])), None
        )
        if first is not None and tokens.lower[first] in openings:
            return True
        return any(tokens.lower[i] in words for i in range(start, end))

    def barriers(self, tokens: Tokens) -> list[bool]:
        """Tokens that end every scope: sentence ends, bullets, and line breaks that end a line.

        A line break continues the sentence after a function word or a comma, or before a
        lower-case word ("experience with\\nKafka", "used in\\nproduction").
        """
        lower, space, breaks, size = tokens.lower, tokens.space, tokens.breaks, len(tokens)
        out = [False] * size
        for index in compress(range(size), breaks):  # whitespace holding line breaks
            if breaks[index] > 1:
                out[index] = True
                continue
            before = index - 1
            while before >= 0 and space[before]:
                before -= 1
            after = index + 1
            while after < size and space[after]:
                after += 1
            if before < 0 or after >= size or tokens.is_bullet(after):
                out[index] = True
            elif lower[before] not in CONTINUING_WORDS:
                out[index] = not tokens.lowercase[after] or tokens.punct[before]
        for index in compress(range(size), map(MARKS.__contains__, lower)):
            out[index] = lower[index] in SENTENCE_END or tokens.is_bullet(index)
        return out

    def _walk(
        self,
        tokens: Tokens,
        barrier: list[bool],
        owner: list[int],
        targets: Sequence[Target],
        compiled: _Compiled,
        origin: int,
        step: int,
        labelled: bool = False,
    ) -> tuple[list[tuple[int, int]], set[str]]:
        """Walk one scope from ``origin``: the targets reached (with their distance) and the
        words walked over, which say whether it speaks of experience ("Kafka experience")."""
        rule = compiled.rule
        lower, space, size = tokens.lower, tokens.space, len(tokens)
        list_mode = rule.scope == "list"
        glue_only = False  # after the first of max_targets=1: only its list goes on
        needs_label = rule.after_label and step < 0 and not labelled
        introducers = rule.introduced_by
        opening, closing = ("(", ")") if step > 0 else (")", "(")
        depth = 0  # brackets opened since the cue: a scope never leaves the bracket it began in
        reached: list[tuple[int, int]] = []
        walked: set[str] = set()
        words = 0
        sentences = rule.sentences
        crossing = False  # in a run of barriers ("Ruby.\n* However"): one sentence end
        index = origin
        while 0 <= index < size and words < rule.max_scope:
            if barrier[index]:
                if not crossing and (not sentences or tokens.breaks[index] > 1):
                    break
                sentences -= not crossing
                crossing = True
                index += step
                continue
            if not space[index]:
                crossing = False
            if space[index] or lower[index] in EMPHASIS:
                index += step
                continue
            target = owner[index]
            if target >= 0:
                if needs_label or introducers:
                    break
                reached.append((target, words))
                index = targets[target].end if step > 0 else targets[target].start - 1
                words += 1
                if rule.max_targets is not None and len(reached) >= rule.max_targets:
                    glue_only = True
                continue
            word = lower[index]
            if word in compiled.terminators:
                break
            if needs_label:
                if word in LABEL_SEPARATORS:
                    needs_label = False
                elif word not in self.filler:
                    break
                words += 1
                index += step
                continue
            if word == opening:
                depth += 1
            elif word == closing:
                depth -= 1
                if depth < 0:
                    break
            if introducers:
                if word in introducers:
                    introducers, list_mode = [], True
                words += 1
                index += step
                continue
            if reached and list_mode and (word == ":" or word in self.openers):
                break  # "no Kafka: we queue in Redis" - a new clause begins
            if glue_only:
                if word not in self.glue:
                    break
            elif list_mode and not (word in self.glue or word in self.filler or tokens.num[index]):
                skip = self._list_item(tokens, barrier, owner, index, step)
                if skip is None:
                    break
                words += abs(skip - index)
                index = skip
                continue
            walked.add(word)
            words += 1
            index += step
        if rule.max_targets is not None and reached:
            label = self._label(tokens, barrier, owner, targets, origin if step < 0 else None)
            if label:
                reached = [(target, words) for target in label]
        return reached, walked

    def _label(
        self,
        tokens: Tokens,
        barrier: list[bool],
        owner: list[int],
        targets: Sequence[Target],
        origin: int | None,
    ) -> list[int]:
        """The skills a line opens with as its topic ("Elixir: wrote some at uni, ...").

        A cue that refers back ("never written it", "never at work") is about this label,
        when its line has one, rather than about the nearest skill.
        """
        if origin is None:
            return []
        index = origin
        while index > 0 and not tokens.breaks[index - 1] and not barrier[index - 1]:
            index -= 1
        found: list[int] = []
        while index <= origin:
            if tokens.space[index]:
                index += 1
                continue
            target = owner[index]
            if target >= 0:
                found.append(target)
                index = targets[target].end
                continue
            word = tokens.lower[index]
            if found and word in LABEL_SEPARATORS - {"("}:
                return found
            if word not in self.glue or word in LABEL_SEPARATORS:
                return []
            index += 1
        return []

    def _list_item(
        self, tokens: Tokens, barrier: list[bool], owner: list[int], index: int, step: int
    ) -> int | None:
        """Where list glue follows a run of at most ``list_item_words`` unknown words.

        "no experience with cloud platforms like AWS": "cloud platforms" is an unknown list
        item because "like" follows it; in "learn new technologies AWS" nothing glues them.
        """
        words = 0
        while 0 <= index < len(tokens) and not barrier[index]:
            if tokens.space[index]:
                index += step
                continue
            word = tokens.lower[index]
            if word in self.glue and words:
                return index if self._item_follows(tokens, barrier, owner, index, step) else None
            if owner[index] >= 0 or word in self.filler or words >= self.list_item_words:
                return None
            if not tokens.alpha[index]:
                return None
            words += 1
            index += step
        return None

    def _ends_item(
        self, tokens: Tokens, barrier: list[bool], owner: list[int], index: int, strict: bool
    ) -> bool:
        """Whether the cue ending at ``index`` answers for the label before it.

        "Go: none." and "Terraform: no hands-on experience" do; in "Python only — no Java"
        a skill follows, and (``strict``, for negation) in "Python — no frameworks" another
        word does: the cue is about what follows.
        """
        while index < len(tokens) and not barrier[index]:
            word = tokens.lower[index]
            if word in ITEM_ENDS:
                return True  # "Go (currently learning), Python (5 years)"
            if owner[index] >= 0:
                return False
            if strict and not (tokens.space[index] or word in self.filler or word in self.glue):
                return word in self.terminators
            index += 1
        return True

    def _item_follows(
        self, tokens: Tokens, barrier: list[bool], owner: list[int], index: int, step: int
    ) -> bool:
        """After the glue at ``index``, another list item: a skill or an unknown word.

        "without downtime, using Helm" is no list: a verb follows the comma.
        """
        while 0 <= index < len(tokens) and not barrier[index]:
            word = tokens.lower[index]
            if not (tokens.space[index] or word in self.glue):
                if owner[index] >= 0:
                    return True
                return tokens.alpha[index] and word not in self.filler and word not in self.openers
            index += step
        return False

    def _word_after(self, tokens: Tokens, target: Target) -> str:
        """The word after the mention: "Kafka experience", "Kubernetes knowledge"."""
        index = target.end
        while index < len(tokens) and tokens.space[index] and not tokens.breaks[index]:
            index += 1
        return tokens.lower[index] if index < len(tokens) else ""

    def line_qualified(self, tokens: Tokens, target: Target) -> bool:
        """Experience words between the line's start and the mention ("Prior GCP experience")."""
        index = target.start - 1
        words = self.experience | self.know_how
        while index >= 0 and not tokens.breaks[index]:
            if tokens.lower[index] in words:
                return True
            index -= 1
        return self._word_after(tokens, target) in words


def cue_words(nlp: Language, rules: RulesFile) -> list[list[int | str]]:
    """Every cue phrase as ``[rule order, word, ...]``, in the order the trie takes them:
    plain data, which ``scripts/build_token_data.py`` stores for the shipped rules (expanding
    and tokenizing 6,500 phrases took a tenth of the start-up)."""
    found: list[list[int | str]] = []
    for order, rule in enumerate(rules.rule):
        phrases = {phrase for cue in rule.cues for phrase in rules.phrases(cue)}
        for phrase in sorted(phrases):
            words = [
                piece.lower().replace("\u2019", "'")
                for piece in nlp.tokenizer.pieces(phrase)
                if not piece.isspace()
            ]
            if words:
                found.append([order, *words])
    return found


def sentence_ids(barrier: list[bool]) -> list[int]:
    """For each token, the number of the sentence (or item) it is in: the barriers before it."""
    ids = list(accumulate(barrier, initial=0))
    ids.pop()  # the count after the last token
    return ids


def first_sentence_of_line(tokens: Tokens, target: Target) -> bool:
    """No sentence ends between the start of the mention's line (or item) and the mention."""
    lower, breaks = tokens.lower, tokens.breaks
    index = target.start - 1
    while index >= 0 and not breaks[index]:
        if lower[index] in SENTENCE_STOPS:
            return False
        index -= 1
    return True


def judge(
    kind: str, hits: Sequence[Hit], section: str | None, first_sentence: bool, line_qualified: bool
) -> Judgement:
    """Combine the rules that reach a mention with its section: nearest cue wins.

    Résumés: a negated, learning or interest cue makes the mention no claim; the interests
    and learning sections do the same. Jobs: "not required" (or a negation next to "need",
    "required", or of experience: "no Kafka experience? no problem") makes a skill preferred
    when the ad speaks of experience with it or teaches it, and a skill the role does not
    use otherwise; a plain negation or a "What you won't do" section says the role does
    not use it. ``first_sentence`` and ``line_qualified`` are read only in a "not_required"
    section, so a caller need not work them out elsewhere. A rule says nothing in the
    sections it names in ``not_in_sections``.
    """
    if hits and section is not None:
        hits = [hit for hit in hits if section not in hit.not_in]
    if any(hit.category == "ignored" for hit in hits):
        return IGNORED
    if kind == "resume":
        claim = next((hit for hit in hits if hit.category in CLAIM_CATEGORIES), None)
        if claim is not None:
            return Judgement(claim.category, "uncued")
        return SECTION_CLAIMS.get(section or "", CLAIMED)
    if section == "excluded":
        return NEGATED
    nicer = False
    if hits:  # most mentions have none: only the section decides
        negated = [hit for hit in hits if hit.category == "negated"]
        not_required = [hit for hit in hits if hit.category == "not_required"]
        nicer = any(hit.category in ("preferred", "taught") for hit in hits)
        if (
            not_required
            or (negated and any(hit.category == "required" for hit in hits))
            or any(hit.qualified for hit in negated)
        ):
            # "no Kafka experience? no problem": a job never negates experience it uses
            qualified = any(hit.qualified or hit.known for hit in negated + not_required)
            return PREFERRED if qualified or nicer else NEGATED
        if negated:
            return NEGATED
    if section == "not_required":
        return PREFERRED if not first_sentence or line_qualified or nicer else NEGATED
    level = next((hit for hit in hits if hit.category in ("required", "preferred", "taught")), None)
    if level is not None:
        return REQUIRED if level.category == "required" else PREFERRED
    if section == "preferred":
        return PREFERRED
    return REQUIRED if section == "requirements" else UNCUED


def _twins(targets: Sequence[Target]) -> dict[int, list[int]]:
    """Targets sharing one span ("Postgres" for two skills): judged together."""
    spans = [(target.start, target.end) for target in targets]
    if len(set(spans)) == len(spans):
        return {}
    by_span: dict[tuple[int, int], list[int]] = {}
    for index, target in enumerate(targets):
        by_span.setdefault((target.start, target.end), []).append(index)
    return {group[0]: group for group in by_span.values() if len(group) > 1}


def _applies(compiled: _Compiled, target: Target) -> bool:
    if compiled.skills and target.skill_id not in compiled.skills:
        return False
    return not compiled.categories or target.category in compiled.categories


def _is_pseudo(compiled: _Compiled) -> bool:
    return compiled.rule.category == "pseudo"


def _ends(kind: str) -> str:
    """The trie key under which a phrase's rules for one kind of document sit: no token holds
    a space, so it never meets a word."""
    return f" {kind}"


def _pseudo(kind: str) -> str:
    """The trie key marking that one of those rules is a pseudo cue ("not only")."""
    return f" {kind} pseudo"
