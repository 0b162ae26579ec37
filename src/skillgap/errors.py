"""The exception tree of skillgap.

    SkillgapError                 base of every error skillgap raises on purpose
    ├── DocumentError             an input file cannot be read or holds no usable text
    ├── TaxonomyError             a taxonomy file is malformed or inconsistent
    └── RulesError                a context-rules file is malformed

The CLI turns any SkillgapError into one line on standard error and exit status 2, so every
message must name the file and say what to do.
"""

from __future__ import annotations


class SkillgapError(Exception):
    """Base class: catch this to handle every expected skillgap failure."""


class DocumentError(SkillgapError):
    """Raised when an input is missing, unreadable, of an unsupported type, or has no text."""


class TaxonomyError(SkillgapError, ValueError):
    """Raised when a taxonomy file breaks the schema; the message names file, record and field."""


class RulesError(SkillgapError, ValueError):
    """Raised when a context-rules file breaks its schema; the message names file and rule."""
