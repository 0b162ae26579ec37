"""Gap: compare a résumé profile with a job profile, score the fit, plan what to learn.

Modules: ``compare`` (one verdict per job skill: matched, implied, accepted instead, partial,
missing; extra), ``relations`` (the rule of kinds: when a held skill may stand in),
``essential`` (what the ad marks as a must-have), ``score`` (the score, the fit band and the
contributions that explain them, under a :class:`~skillgap.options.Scoring` policy), ``plan``
(the learning plan: most points first, prerequisites before what needs them), ``notes``
(what a reader must know before trusting the numbers), ``evidence`` (the quoted lines a
finding rests on). It imports the base modules, the taxonomy and the heading patterns of
:mod:`skillgap.extraction.sections`, never ingest or report.
"""

from skillgap.gap.compare import compare_profiles

__all__ = ["compare_profiles"]
