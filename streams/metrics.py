"""Prometheus metrics of one worker (``GET /metrics``).

Counters and histograms are updated by the agents; lag and table sizes are read from Faust
at scrape time by a custom collector. Each app gets its own registry, so several apps in one
process (tests) never share counters.
"""

from __future__ import annotations

from typing import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from streams.app import Claimwatch
from streams.stall import StallWatch

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.consumed = Counter("claimwatch_articles_consumed", "Input records read from articles.raw", registry=r)
        self.enriched = Counter("claimwatch_articles_enriched", "Articles enriched and published", registry=r)
        self.deadlettered = Counter("claimwatch_articles_deadlettered", "Inputs sent to the dead-letter topic",
                                    ["reason"], registry=r)
        self.claims = Counter("claimwatch_claims_extracted", "Claims extracted", ["kind"], registry=r)
        self.alerts = Counter("claimwatch_alerts_raised", "Contradiction alerts published", ["type"], registry=r)
        self.batch_size = Histogram("claimwatch_nlp_batch_size", "Articles per NLP batch",
                                    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256), registry=r)
        self.batch_seconds = Histogram("claimwatch_nlp_batch_seconds", "NLP + extraction time per batch",
                                       buckets=LATENCY_BUCKETS, registry=r)
        self.enrich_latency = Histogram("claimwatch_enrich_latency_seconds",
                                        "Article timestamp to enriched record published",
                                        buckets=LATENCY_BUCKETS, registry=r)
        self.alert_latency = Histogram("claimwatch_alert_latency_seconds",
                                       "Article timestamp to alert published", buckets=LATENCY_BUCKETS, registry=r)

    def attach(self, cw: Claimwatch, watch: StallWatch) -> None:
        """Also expose consumer lag, table sizes and stalled partitions, read at scrape time."""
        self.registry.register(_FaustCollector(cw, watch))

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class _FaustCollector(Collector):
    def __init__(self, cw: Claimwatch, watch: StallWatch) -> None:
        self.cw = cw
        self.watch = watch

    def collect(self) -> Iterator[GaugeMetricFamily]:
        lag = GaugeMetricFamily("claimwatch_consumer_lag", "Records behind the partition end",
                                labels=["topic", "partition"])
        monitor = self.cw.app.monitor
        for tp, end in sorted((monitor.tp_end_offsets or {}).items()):
            read = (monitor.tp_read_offsets or {}).get(tp, -1)
            lag.add_metric([tp.topic, str(tp.partition)], max(0, end - read - 1))
        yield lag
        sizes = GaugeMetricFamily("claimwatch_table_keys", "Keys in a table (this worker's partitions)",
                                  labels=["table"])
        sizes.add_metric([self.cw.claims_by_key.name], _table_size(self.cw))
        yield sizes
        stalled = GaugeMetricFamily("claimwatch_stalled_partitions",
                                    "Input partitions with records waiting and no progress (streams.stall)")
        stalled.add_metric([], len(self.watch.stalled))
        yield stalled
        reseeks = CounterMetricFamily("claimwatch_stall_reseeks",
                                      "Stalled input partitions sought back to their committed offset (streams.stall)")
        reseeks.add_metric([], self.watch.reseeks)
        yield reseeks


def _table_size(cw: Claimwatch) -> int:
    try:
        return sum(1 for _ in cw.claims_by_key.keys())
    except Exception:  # noqa: BLE001 - the store is not open before the first assignment
        return 0
