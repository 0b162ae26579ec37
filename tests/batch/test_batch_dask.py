"""Dask: the same ranking on a local cluster of worker processes as on one machine."""

from __future__ import annotations

import pytest

distributed = pytest.importorskip("distributed")

from conftest import CORPUS, needs_corpus  # noqa: E402

import skillgap  # noqa: E402
import skillgap.batch.dask  # noqa: E402
from skillgap.batch import rank  # noqa: E402

JOB = CORPUS / "jobs" / "remotewlb_backend-engineer-python-mexico.txt"


@needs_corpus
@pytest.mark.slow
def test_dask_rank_on_local_cluster_matches_local_rank():
    paths = sorted((CORPUS / "resumes" / "text").iterdir())[:6]
    paths.append(CORPUS / "resumes" / "pdf" / "bad" / "corrupt_invalid.pdf")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        rows = skillgap.batch.dask.rank(JOB, paths, npartitions=3)
    local = rank(JOB, paths)
    assert rows == local
    assert rows[-1].error and "corrupt_invalid.pdf" in rows[-1].error
    assert [row.score for row in rows[:-1]] == sorted(
        (row.score for row in rows[:-1]), reverse=True
    )
