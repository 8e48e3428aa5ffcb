"""Pure claimwatch logic: parsing, enrichment, claim extraction, contradiction detection.

Nothing in this package imports Faust or a Kafka client: every function works on plain
data (dataclasses, dicts, strings) so that the stream, the CLI, ``eval`` and the benchmarks
share one code path and tests can use a plain ``dict`` where the stream uses a table.
"""
