"""Dask: the same ranking on a local cluster of worker processes as on one machine."""

from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import skillgap  # noqa: E402
import skillgap.dask  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
JOB = CORPUS / "jobs" / "remotewlb_backend-engineer-python-mexico.txt"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")
def test_dask_rank_on_local_cluster_matches_local_rank():
    paths = sorted((CORPUS / "resumes" / "text").iterdir())[:6]
    paths.append(CORPUS / "resumes" / "pdf" / "bad" / "corrupt_invalid.pdf")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        rows = skillgap.dask.rank(JOB, paths, npartitions=3)
    local = skillgap.Analyzer().rank(JOB, paths)
    assert rows == local
    assert rows[-1].error and "corrupt_invalid.pdf" in rows[-1].error
    assert [row.score for row in rows[:-1]] == sorted(
        (row.score for row in rows[:-1]), reverse=True
    )
