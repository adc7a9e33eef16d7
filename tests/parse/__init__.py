"""Tests of `goaldash.parse`: one file a module, and the corpus, seeds and hostile input."""
