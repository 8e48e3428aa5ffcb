"""The two agents: ``enrich`` (articles.raw → enriched, claims, dead letters) and ``detect``
(claims → alerts, against the claims table), and the ``sweep`` timer that bounds the table.

``enrich`` takes batches (``take_events``) so spaCy sees many texts per ``nlp.pipe`` call, and
runs the NLP in a one-thread executor so heartbeats, commits and the web server keep running.
``detect`` consumes ``claims`` keyed by claim key: the table is co-partitioned with it, so the
lookup is local to the worker that owns the partition.

Delivery (at-least-once, idempotent effects):

* An input offset is committed only after its event was acked, and Faust flushes the
  producer (enriched records, claims, alerts, dead letters, changelog) before it commits.
* Faust acks an event when the agent moves past it *also* when the agent body failed or was
  cancelled (``take_events`` and ``events()`` ack in a ``finally``), which would commit a
  batch nobody finished. ``held`` keeps one extra reference on each message while the body
  runs and drops it only when the body completed, so an unfinished batch is never committed:
  whoever owns the partition next processes it again.
* Nothing a single record does may fail the agent (a failed agent is restarted by Faust but
  stops receiving events): a bad input, a spaCy or extraction failure, a record too large to
  publish — each dead-letters that record only.
* Anything else that escapes an agent body (the broker refusing a dead letter, a bug) ends
  the worker process at once with exit code 70 (``fail_fast``), committing nothing more —
  like a crash, which the fault tests prove safe. Faust would restart the agent instead, but
  a restarted batch agent receives no more events (the partition stalls silently) and the
  unfinished batch then blocks a graceful stop forever.
* ``detect`` publishes a key's new alerts and waits for the broker to acknowledge them before
  the key's record (which remembers them as raised) is written to the table and its
  changelog: a crash in between replays the claim against a record without them, so an
  alert can be delivered twice but never lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import AsyncIterable, Iterable, Iterator, NoReturn, Sequence

import faust
import orjson

from processors.articles import Rejection, parse_article
from processors.batching import word_batches
from processors.contradictions import observe_all, sweep
from processors.enrichment import Enricher, Enrichment
from processors.model import Article, Claim, iso
from schemas.records import AlertRecord, ClaimRecord, EnrichedArticleRecord
from streams.app import Claimwatch
from streams.deadletter import dead_letter_record
from streams.metrics import Metrics
from streams.tables import ActiveRecords, KeyRecordView, StagedRecords

log = logging.getLogger("claimwatch.agents")


class NlpRunner:
    """Owns the model (loaded once, on first use, in the executor thread) and the executor."""

    def __init__(self, batch_size: int, batch_words: int) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlp")
        self._batch_size = batch_size
        self._batch_words = batch_words
        self._enricher: Enricher | None = None

    def batches(self, articles: Sequence[Article]) -> Iterator[list[Article]]:
        """The NLP batches of ``articles`` (``processors.batching.word_batches``)."""
        return word_batches(articles, max_articles=self._batch_size, max_words=self._batch_words)

    def _enrich(self, articles: Sequence[Article]) -> list[Enrichment]:
        if self._enricher is None:
            from processors.nlp import load_nlp

            self._enricher = Enricher(load_nlp(), batch_size=self._batch_size, batch_words=self._batch_words)
        return self._enricher.enrich_batch(articles)

    async def enrich(self, articles: Sequence[Article]) -> list[Enrichment]:
        """One batch of ``batches``, enriched in the executor thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._enrich, articles)

    async def warm_up(self) -> None:
        """Load the model now rather than on the first batch."""
        await self.enrich([])


class EventClock:
    """The worker's event-time watermark: the newest ``published_at`` it has seen, in articles
    and in claims. A time more than ``max_ahead`` past the wall clock counts as that bound, so
    one article dated 2099 cannot expire the whole table."""

    def __init__(self, max_ahead: timedelta = timedelta(days=1)) -> None:
        self.max_ahead = max_ahead
        self.watermark: datetime | None = None

    def observe(self, moment: datetime) -> None:
        moment = min(moment, datetime.now(timezone.utc) + self.max_ahead)
        if self.watermark is None or moment > self.watermark:
            self.watermark = moment


@contextlib.contextmanager
def held(events: Iterable[faust.EventT]) -> Iterator[None]:
    """Keep the events' offsets uncommittable unless the block completes (see module doc)."""
    messages = [event.message for event in events]
    for message in messages:
        message.incref()
    yield
    for message in messages:
        message.decref()


EXIT_FATAL = 70  # EX_SOFTWARE


def fail_fast(agent: str, exc: BaseException) -> NoReturn:
    """End the process now: no commit, no flush (see the module doc)."""
    log.critical("agent %s failed outside per-record handling; exiting (%d) without committing "
                 "the batch: %s", agent, EXIT_FATAL, _describe(exc), exc_info=exc)
    logging.shutdown()
    os._exit(EXIT_FATAL)


def enriched_record(enrichment: Enrichment) -> EnrichedArticleRecord:
    article = enrichment.article
    return EnrichedArticleRecord.from_data({
        **article.to_wire(),
        "entities": [e.to_wire() for e in enrichment.entities],
        "claims": [c.to_wire() for c in enrichment.claims],
        "enriched_at": iso(datetime.now(timezone.utc)),
    })


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def undecoded(cw: Claimwatch, topic: faust.TopicT) -> faust.TopicT:
    """``topic`` read as raw key and value bytes: the agents decode (and dead-letter) them.

    Faust decodes keys and values before an agent sees them, and on a decode error it acks
    the record unprocessed and throws the error into the stream, which kills the agent's
    batch consumer for good (found with a record whose key is not UTF-8: the partition stalled,
    nothing logged). Reading bytes moves every decision into the agent.
    """
    return cw.app.topic(topic.get_topic_name(), key_type=bytes, value_type=bytes,
                        key_serializer="raw", value_serializer="raw",
                        partitions=cw.settings.partitions)


def register(cw: Claimwatch, nlp: NlpRunner, metrics: Metrics) -> EventClock:
    """Attach the agents and the sweep timer to ``cw.app``; returns the worker's clock."""
    settings, topics, table = cw.settings, cw.topics, cw.claims_by_key
    policy, clock = settings.policy, EventClock()

    async def dead_letter(event: faust.EventT, reason: str, detail: str,
                          article_id: str | None = None) -> None:
        message = event.message
        log.warning("dead-letter %s[%d]@%d reason=%s article_id=%s: %s", message.topic,
                    message.partition, message.offset, reason, article_id, detail[:500])
        metrics.deadlettered.labels(reason).inc()
        await topics.deadletter.send(
            key=article_id or f"{message.topic}:{message.partition}:{message.offset}",
            value=dead_letter_record(raw=message.value, reason=reason, detail=detail,
                                     topic=message.topic, partition=message.partition,
                                     offset=message.offset, timestamp=message.timestamp,
                                     article_id=article_id),
        )

    def parse(event: faust.EventT) -> Article | Rejection:
        try:
            fallback = datetime.fromtimestamp(event.message.timestamp, timezone.utc)
            return parse_article(event.message.value or b"", fallback_time=fallback,
                                 limits=settings.limits)
        except Exception as exc:  # noqa: BLE001 - parse_article does not raise (fuzzed); belt and braces
            return Rejection("processing_error", f"parse: {_describe(exc)}")

    async def publish(event: faust.EventT, enrichment: Enrichment) -> None:
        article = enrichment.article
        # Claims carry the article's Kafka timestamp: the alert latency starts there.
        arrived = event.message.timestamp
        record = enriched_record(enrichment)
        claims = [ClaimRecord.from_data(claim.to_wire()) for claim in enrichment.claims]
        await topics.enriched.send(key=article.id, value=record)
        for claim, claim_record in zip(enrichment.claims, claims):
            await topics.claims.send(key=claim.key, value=claim_record, timestamp=arrived)
            metrics.claims.labels(claim.kind).inc()
        metrics.enriched.inc()
        metrics.enrich_latency.observe(max(0.0, time.time() - arrived))

    async def enrich_batch(events: Sequence[faust.EventT]) -> None:
        metrics.consumed.inc(len(events))
        accepted: list[tuple[faust.EventT, Article]] = []
        for event in events:
            parsed = parse(event)
            if isinstance(parsed, Rejection):
                await dead_letter(event, parsed.reason, parsed.detail)
            else:
                clock.observe(parsed.published_at)
                accepted.append((event, parsed))
        pending = iter(accepted)  # batches are consecutive runs of it, in order
        # one NLP call per word-bounded batch, published before the next one starts
        for batch in nlp.batches([article for _, article in accepted]):
            started = time.perf_counter()
            enrichments = await nlp.enrich(batch)
            metrics.batch_seconds.observe(time.perf_counter() - started)
            metrics.batch_size.observe(len(batch))
            for enrichment in enrichments:
                event, article = next(pending)
                if enrichment.error is not None:
                    await dead_letter(event, "processing_error", enrichment.error, article.id)
                    continue
                try:
                    await publish(event, enrichment)
                except Exception as exc:  # noqa: BLE001 - e.g. an enriched record too large to publish
                    await dead_letter(event, "processing_error", f"publish: {_describe(exc)}", article.id)

    @cw.app.agent(undecoded(cw, topics.raw), name="enrich")
    async def enrich(stream: faust.StreamT[bytes]) -> AsyncIterable[None]:
        async for events in stream.take_events(settings.batch_size, within=settings.batch_wait):
            with held(events):
                try:
                    await enrich_batch(events)
                except Exception as exc:  # noqa: BLE001 - see fail_fast
                    fail_fast("enrich", exc)
            yield None

    records = KeyRecordView(table)

    async def detect_one(event: faust.EventT) -> None:
        try:
            claim = Claim.from_wire(ClaimRecord.from_data(orjson.loads(event.value)).asdict())
            clock.observe(claim.published_at)
            staged = StagedRecords(records)
            alerts = observe_all([claim], staged, policy, now=datetime.now(timezone.utc))
        except Exception as exc:  # noqa: BLE001 - one bad claim must not stop its partition
            await dead_letter(event, "processing_error", f"detect: {_describe(exc)}")
            return
        deliveries = []
        for alert in alerts:
            log.info("alert %s type=%s key=%s claims=%s,%s: %s", alert.alert_id, alert.type,
                     alert.key, alert.claim_a.claim_id, alert.claim_b.claim_id, alert.explanation)
            try:
                deliveries.append(await topics.alerts.send(
                    key=alert.key, value=AlertRecord.from_data(alert.to_wire())))
            except Exception as exc:  # noqa: BLE001 - e.g. an alert too large to publish
                # the claim stays off the record: it is dead-lettered, not processed
                await dead_letter(event, "processing_error", f"publish alert: {_describe(exc)}")
                return
        if deliveries:
            await asyncio.gather(*deliveries)  # acknowledged by the broker before the table says "raised"
        staged.apply()
        for alert in alerts:
            metrics.alerts.labels(alert.type).inc()
            metrics.alert_latency.observe(max(0.0, time.time() - event.message.timestamp))

    @cw.app.agent(undecoded(cw, topics.claims), name="detect")
    async def detect(stream: faust.StreamT[bytes]) -> AsyncIterable[None]:
        async for event in stream.events():
            with held((event,)):
                try:
                    await detect_one(event)
                except Exception as exc:  # noqa: BLE001 - see fail_fast
                    fail_fast("detect", exc)
            yield None

    @cw.app.timer(interval=max(settings.sweep_interval, 0.1))
    async def sweep_expired_keys() -> None:
        """Delete keys whose newest claim is older than retention before the watermark."""
        watermark = clock.watermark
        if watermark is None or cw.app.rebalancing or not cw.app.tables.recovery.completed.is_set():
            return
        started = time.perf_counter()
        try:
            removed = sweep(ActiveRecords(table), watermark=watermark, retention=policy.retention)
        except Exception:  # noqa: BLE001 - the next sweep tries again
            log.exception("sweep of %s failed", table.name)
            return
        if removed:
            log.info("sweep: removed %d keys older than %s (watermark %s) in %.3fs", len(removed),
                     iso(watermark - policy.retention), iso(watermark), time.perf_counter() - started)

    return clock
