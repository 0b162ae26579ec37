"""Gap: compare a résumé profile with a job profile, score the fit, plan what to learn.

Modules: ``compare`` (matched, partial, missing, extra), ``score`` (the score and the
contributions that explain it, under a :class:`~skillgap.options.Scoring` policy), ``plan``
(the learning plan in prerequisite order), ``evidence`` (the quoted lines a finding rests on).
It imports the base modules and the taxonomy, never ingest, extract or report.
"""

from skillgap.gap.compare import compare_profiles

__all__ = ["compare_profiles"]
