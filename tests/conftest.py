from __future__ import annotations

import sys
from pathlib import Path

# The tests import their helper module ``lintutil`` by name.
sys.path.insert(0, str(Path(__file__).parent))
