"""`python -m mappa_kb.cli` runs the same command as `mappa-kb`."""

from __future__ import annotations

import sys

from mappa_kb.cli import main

sys.exit(main())
