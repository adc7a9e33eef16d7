"""`python -m goaldash`."""

import sys

from goaldash.cli import main

sys.exit(main())
