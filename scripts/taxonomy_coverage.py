"""How much of what the gold set names outside the floor does the taxonomy know?

Run ``python scripts/taxonomy_coverage.py``. It counts, for every ``other`` name of
``corpus/gold-dev.json``, the documents it occurs in; a name in two or more documents is
*covered* when it resolves to a taxonomy skill by name or alias (any case). Names that are not
backend-relevant (office and design software) are listed in :data:`OUT_OF_SCOPE` with the reason,
so the figure is honest about what was left out on purpose.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from skillgap.taxonomy import Taxonomy

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold-dev.json"
MIN_DOCUMENTS = 2
OUT_OF_SCOPE = {
    "Adobe Photoshop": "graphic design software",
    "Adobe Illustrator": "graphic design software",
    "Microsoft Office": "office suite",
    "Microsoft Excel": "office suite",
    "Microsoft PowerPoint": "office suite",
    "Microsoft Word": "office suite",
    "LaTeX": "document typesetting",
}


def surface_forms(taxonomy: Taxonomy) -> dict[str, str]:
    """Every name and alias, lower-cased, mapped to its skill id."""
    return {alias.text.lower(): alias.skill_id for alias in taxonomy.aliases()}


def coverage(gold: dict[str, dict], taxonomy: Taxonomy) -> tuple[dict[str, str], list[str]]:
    """``({name: skill id} resolved, [names not resolved])`` for the frequent in-scope names."""
    counts = Counter(name for labels in gold.values() for name in set(labels.get("other", [])))
    forms = surface_forms(taxonomy)
    resolved: dict[str, str] = {}
    unresolved: list[str] = []
    for name, documents in sorted(counts.items()):
        if documents < MIN_DOCUMENTS or name in OUT_OF_SCOPE:
            continue
        if name.lower() in forms:
            resolved[name] = forms[name.lower()]
        else:
            unresolved.append(name)
    return resolved, unresolved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--taxonomy", type=Path, help="a custom taxonomy file or folder")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    taxonomy = Taxonomy.default()
    if args.taxonomy:
        taxonomy = taxonomy.merge(args.taxonomy)
    resolved, unresolved = coverage(gold, taxonomy)
    total = len(resolved) + len(unresolved)
    names = {name for labels in gold.values() for name in labels.get("other", [])}
    known = sum(1 for name in names if name.lower() in surface_forms(taxonomy))
    print(f"taxonomy: {len(taxonomy)} skills in {len(taxonomy.categories)} categories")
    print(f"all distinct 'other' names: {known}/{len(names)} resolve to a skill")
    print(
        f"'other' names in >= {MIN_DOCUMENTS} gold-dev documents, backend-relevant: "
        f"{len(resolved)}/{total} resolve to a skill"
    )
    for name in unresolved:
        print(f"  not resolved: {name}")
    for name, reason in sorted(OUT_OF_SCOPE.items()):
        print(f"  left out on purpose: {name} ({reason})")
    return 0 if not unresolved else 1


if __name__ == "__main__":
    sys.exit(main())
