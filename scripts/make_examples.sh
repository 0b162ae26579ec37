#!/usr/bin/env bash
# Regenerate the committed example reports from the example résumé and job ad.
# Run from anywhere: scripts/make_examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SKILLGAP_TODAY=2026-11-23  # "Present" in the résumé's dates: keeps the examples stable
for format in markdown html; do
    extension=$([ "$format" = markdown ] && echo md || echo html)
    python -m skillgap compare examples/resume.pdf examples/job.txt \
        --format "$format" --output "examples/report.$extension"
done
echo "wrote examples/report.md and examples/report.html"
