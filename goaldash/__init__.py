"""goaldash: a terminal dashboard for plans that live in markdown."""

__version__ = "0.1.0"
