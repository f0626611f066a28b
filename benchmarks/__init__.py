"""Benchmarks: one script per figure; ``python -m benchmarks`` prints the whole table."""
