"""Use skillgap as a library: compare the example résumé with the example job ad.

Run from any directory with ``python examples/library_usage.py``; the example files
are found next to this script.
"""

from __future__ import annotations

from pathlib import Path

import skillgap

EXAMPLES: Path = Path(__file__).resolve().parent


def main() -> None:
    resume, job = EXAMPLES / "resume.pdf", EXAMPLES / "job.txt"

    # Compare a résumé with a job ad. Paths (str or Path) and raw text both work.
    report = skillgap.compare(resume, job)
    print("score:", report.score)

    print("\nMissing skills:")
    for item in report.missing:
        print(f"  {item.name} ({item.requirement})")

    print("\nLearning plan:")
    for step in report.learning_plan:
        print(f"  {step.order}. {step.skill}: {step.steps[0]}")

    # Extract the skill profile of a single document, with the text that proves each skill.
    profile = skillgap.extract(job, kind="job")
    print("\nSkills in the job ad:")
    for skill in profile.skills:
        print(f"  {skill.name} [{skill.requirement}]", [m.text for m in skill.mentions])

    # Reports are pydantic models, so they serialise to JSON directly.
    print("\n" + report.model_dump_json(indent=2)[:400])


if __name__ == "__main__":
    main()
