"""scripts/taxonomy_coverage.py: the gold set's frequent non-floor names resolve to skills."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, SCRIPTS, load_script

from skillgap.taxonomy import Taxonomy

SCRIPT = SCRIPTS / "taxonomy_coverage.py"
GOLD = CORPUS / "gold-dev.json"


coverage_script = load_script("taxonomy_coverage")


def test_counts_documents_not_mentions_and_skips_out_of_scope() -> None:
    gold = {
        "a": {"other": ["Airflow", "Airflow", "Microsoft Word", "Quantum Foo"]},
        "b": {"other": ["Airflow", "Microsoft Word", "Quantum Foo"]},
        "c": {"other": ["Snowflake"]},
    }
    resolved, unresolved = coverage_script.coverage(gold, Taxonomy.default())
    assert resolved == {"Airflow": "airflow"}
    assert unresolved == ["Quantum Foo"]  # Snowflake is in one document only


@pytest.mark.skipif(not GOLD.is_file(), reason=f"gold set not present at {GOLD}")
def test_every_frequent_backend_name_of_the_gold_set_resolves() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    resolved, unresolved = coverage_script.coverage(gold, Taxonomy.default())
    assert unresolved == []
    assert len(resolved) >= 100
    assert coverage_script.main(["--gold", str(GOLD)]) == 0
