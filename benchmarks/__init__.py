"""Benchmarks: ``make bench`` (python -m benchmarks). Each figure is a ratio against a baseline measured in the same run."""
