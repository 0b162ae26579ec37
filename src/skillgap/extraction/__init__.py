"""Extraction: find the skills a document claims or asks for, with the evidence for each.

Modules, in the order the extractor runs them: ``tokenizer`` (spaCy's blank English) and
``tokens``/``words`` (one document's tokens as plain lists), ``matcher`` (an index of every
alias's tokens), ``taglines`` (lower-case lines of tags), ``fuzzy`` (variants and typos),
``paraphrase`` with ``inflect`` (concept skills said without their names), ``sections``
(headings), ``clauses`` and ``lists`` (where a list or clause ends), ``ambiguity`` (is "Go"
the language?), ``context`` (the context engine: negated, learning, interest, requirement
level, not a skill at all) running the rules of ``context_rules.toml`` as validated by
``rules``, ``years`` (stated years, per skill and overall); ``dated_roles`` (years from dated
roles); ``extractor`` (the orchestration). It imports the base modules and the taxonomy only.
"""

from skillgap.extraction.extractor import Extractor

__all__ = ["Extractor"]
