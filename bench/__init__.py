"""The benchmark: how fast goaldash is on a synthetic repository, next to the floors.

Not part of the installed package. Run it from the project's folder: `python -m bench`
(`--quick` is what CI runs). The repository's generators (`bench.repo`) are used by the
tests too.
"""
