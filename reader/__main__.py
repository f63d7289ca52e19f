"""`python -m reader` runs the same entry point as the `reader` command."""

import sys

from reader.app import main

# Guarded: the language-model worker processes import this module when spawned.
if __name__ == "__main__":
    sys.exit(main())
