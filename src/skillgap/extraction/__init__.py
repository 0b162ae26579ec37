"""Extraction: find the skills a document claims or asks for, with the evidence for each.

Modules, in the order the extractor runs them: ``tokenizer`` (spaCy's blank English),
``words`` (a document's tokens as plain lists), ``matcher`` (phrase matchers over every
alias), ``fuzzy`` (variants and typos), ``paraphrase`` with ``inflect`` (concept skills said
without their names), ``sections`` (headings), ``clauses`` and ``lists`` (where a cue's reach
ends), ``years`` (stated years, per skill and overall), the context rules ``ambiguity`` (is
"Go" the language?), ``negation`` (negated or only learning) and ``requirement`` (required
or nice to have); ``dated_roles`` (years from dated roles); ``extractor`` (the
orchestration). It imports the base modules and the taxonomy only.
"""

from skillgap.extraction.extractor import Extractor

__all__ = ["Extractor"]
