"""Entry point of the bundled application (PyInstaller needs a script, not a module)."""

import sys

from cveditor.__main__ import main

sys.exit(main())
