"""Benchmarks: commands that print figures (never timed tests).

``python -m bench.throughput`` compares spaCy alone, the processors alone, the full stream on
the embedded broker (1 and 2 workers) and a naive per-message Faust agent
(``bench.naive_app``), and measures latency at half load and peak RSS per worker.

``python -m bench.soak`` runs 20,000 corpus articles (fresh ids, advancing event time) through
long-running workers and prints RSS and claims-table keys over time, once retention applies.
"""
