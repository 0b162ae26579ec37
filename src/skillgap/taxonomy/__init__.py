"""The skill taxonomy: the TOML file format, loading and indexing, checks, and descriptions.

Modules: ``schema`` (what a file may hold), ``index`` (the :class:`Taxonomy` in memory),
``checks`` (references, cycles, clashing aliases), ``describe`` (a page about one
skill). It imports only :mod:`skillgap.errors`; every stage of the flow may import it.
"""

from skillgap.taxonomy.index import Alias, Skill, Taxonomy, slug

__all__ = ["Alias", "Skill", "Taxonomy", "slug"]
