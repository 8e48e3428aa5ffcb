"""The two agents: ``enrich`` (articles.raw → enriched, claims, dead letters) and ``detect``
(claims → alerts, against the claims table).

``enrich`` takes batches (``take_events``) so spaCy sees many texts per ``nlp.pipe`` call, and
runs the NLP in a one-thread executor so heartbeats, commits and the web server keep running.
``detect`` consumes ``claims`` keyed by claim key: the table is co-partitioned with it, so the
lookup is local to the worker that owns the partition.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import AsyncIterable, Sequence

import faust

from processors.articles import Rejection, parse_article
from processors.contradictions import observe_all
from processors.enrichment import Enricher, Enrichment
from processors.model import Article, Claim, iso
from schemas.records import AlertRecord, ClaimRecord, EnrichedArticleRecord
from streams.app import Claimwatch
from streams.deadletter import dead_letter_record
from streams.metrics import Metrics
from streams.tables import KeyRecordView

log = logging.getLogger("claimwatch.agents")


class NlpRunner:
    """Owns the model (loaded once, on first use, in the executor thread) and the executor."""

    def __init__(self, batch_size: int) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlp")
        self._batch_size = batch_size
        self._enricher: Enricher | None = None

    def _enrich(self, articles: Sequence[Article]) -> list[Enrichment]:
        if self._enricher is None:
            from processors.nlp import load_nlp

            self._enricher = Enricher(load_nlp(), batch_size=self._batch_size)
        return self._enricher.enrich(articles)

    async def enrich(self, articles: Sequence[Article]) -> list[Enrichment]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._enrich, articles)

    async def warm_up(self) -> None:
        """Load the model now rather than on the first batch."""
        await self.enrich([])


def enriched_record(enrichment: Enrichment) -> EnrichedArticleRecord:
    article = enrichment.article
    return EnrichedArticleRecord.from_data({
        **article.to_wire(),
        "entities": [e.to_wire() for e in enrichment.entities],
        "claims": [c.to_wire() for c in enrichment.claims],
        "enriched_at": iso(datetime.now(timezone.utc)),
    })


def register(cw: Claimwatch, nlp: NlpRunner, metrics: Metrics) -> None:
    """Attach the agents to ``cw.app``."""
    settings, topics, table = cw.settings, cw.topics, cw.claims_by_key

    async def dead_letter(event: faust.EventT, reason: str, detail: str,
                          article_id: str | None = None) -> None:
        message = event.message
        log.warning("dead-letter %s[%d]@%d reason=%s article_id=%s: %s", message.topic,
                    message.partition, message.offset, reason, article_id, detail)
        metrics.deadlettered.labels(reason).inc()
        await topics.deadletter.send(
            key=article_id or f"{message.topic}:{message.partition}:{message.offset}",
            value=dead_letter_record(raw=message.value, reason=reason, detail=detail,
                                     topic=message.topic, partition=message.partition,
                                     offset=message.offset, timestamp=message.timestamp,
                                     article_id=article_id),
        )

    @cw.app.agent(topics.raw, name="enrich")
    async def enrich(stream: faust.StreamT[bytes]) -> AsyncIterable[None]:
        async for events in stream.take_events(settings.batch_size, within=settings.batch_wait):
            metrics.consumed.inc(len(events))
            accepted: list[tuple[faust.EventT, Article]] = []
            for event in events:
                fallback = datetime.fromtimestamp(event.message.timestamp, timezone.utc)
                parsed = parse_article(event.message.value or b"", fallback_time=fallback,
                                       limits=settings.limits)
                if isinstance(parsed, Rejection):
                    await dead_letter(event, parsed.reason, parsed.detail)
                else:
                    accepted.append((event, parsed))
            started = time.perf_counter()
            enrichments = await nlp.enrich([article for _, article in accepted])
            metrics.batch_seconds.observe(time.perf_counter() - started)
            metrics.batch_size.observe(len(accepted))
            for (event, article), enrichment in zip(accepted, enrichments):
                if enrichment.error is not None:
                    await dead_letter(event, "processing_error", enrichment.error, article.id)
                    continue
                # Claims carry the article's Kafka timestamp: the alert latency starts there.
                arrived = event.message.timestamp
                await topics.enriched.send(key=article.id, value=enriched_record(enrichment))
                for claim in enrichment.claims:
                    await topics.claims.send(key=claim.key, value=ClaimRecord.from_data(claim.to_wire()),
                                             timestamp=arrived)
                    metrics.claims.labels(claim.kind).inc()
                metrics.enriched.inc()
                metrics.enrich_latency.observe(max(0.0, time.time() - arrived))
            yield None

    @cw.app.agent(topics.claims, name="detect")
    async def detect(stream: faust.StreamT[ClaimRecord]) -> AsyncIterable[None]:
        policy, records = settings.policy, KeyRecordView(table)
        async for event in stream.events():
            claim = Claim.from_wire(event.value.asdict())
            for alert in observe_all([claim], records, policy, now=datetime.now(timezone.utc)):
                log.info("alert %s type=%s key=%s claims=%s,%s: %s", alert.alert_id, alert.type,
                         alert.key, alert.claim_a.claim_id, alert.claim_b.claim_id, alert.explanation)
                await topics.alerts.send(key=alert.key, value=AlertRecord.from_data(alert.to_wire()))
                metrics.alerts.labels(alert.type).inc()
                metrics.alert_latency.observe(max(0.0, time.time() - event.message.timestamp))
            yield None
