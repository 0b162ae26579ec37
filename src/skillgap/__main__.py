"""``python -m skillgap`` runs the same program as the ``skillgap`` command."""

import sys

from skillgap.cli import main

sys.exit(main())
