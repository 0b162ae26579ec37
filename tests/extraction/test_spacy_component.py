"""The "skillgap" spaCy component: registered by entry point, works on a blank pipeline."""

from __future__ import annotations

import json
import subprocess
import sys

import spacy


def test_spacy_component_loads_by_entry_point_without_importing_skillgap():
    script = (
        "import json, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('skillgap')\n"
        "doc = nlp('Skills: Python, Postgres and k8s. No experience with Java.')\n"
        "print(json.dumps([[s.text, s.label_] for s in doc.spans['skills']]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    spans = json.loads(done.stdout)
    assert spans == [["Python", "python"], ["Postgres", "postgresql"], ["k8s", "kubernetes"]]


def test_spacy_component_spans_align_with_the_pipelines_tokens():
    nlp = spacy.blank("en")
    nlp.add_pipe("skillgap", config={"spans_key": "tech", "kind": "job"})
    text = (
        "You have 5+ years of Go (Golang) and CI/CD with GitHub Actions.\n"
        "Nice to have: PostgreSQL and Redis."
    )
    doc = nlp(text)
    spans = doc.spans["tech"]
    assert {span.label_ for span in spans} >= {"go", "ci-cd", "github-actions", "postgresql"}
    assert all(span.text == text[span.start_char : span.end_char] for span in spans)
    profile = doc._.skillgap_profile
    assert profile.get("postgresql").requirement == "preferred"
    assert profile.get("go").requirement == "required"


def test_spacy_component_handles_empty_docs():
    nlp = spacy.blank("en")
    nlp.add_pipe("skillgap")
    assert list(nlp("   ").spans["skills"]) == []
