"""The live alert page's feed: alerts as they arrive, and this worker's counters.

``LiveFeed`` is a ``mode.Service`` started with the app (``streams.web.register``). It follows
the alerts topic of *all* partitions with its own plain aiokafka consumer without a group, so
it never joins or disturbs the agents' consumer group, keeps the newest ``keep`` alerts for
page clients that connect later, and fans every new alert out to the connected
server-sent-events clients (``GET /live/events``). Every ``STATS_INTERVAL`` seconds it also
sends this worker's counters (throughput, lag, dead letters), read from its ``Metrics``.

It never makes the agents wait: alerts are decoded once and handed to each client's bounded
queue without awaiting; a client that falls ``CLIENT_QUEUE`` frames behind is disconnected
(its browser reconnects and gets a fresh snapshot).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict, deque
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Callable, Iterable, Mapping

import orjson
from aiohttp import web as aiohttp_web
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError
from mode import Service
from prometheus_client import Counter

from processors.model import iso
from streams.app import ALERTS_TOPIC, Claimwatch
from streams.kafka_io import bootstrap_servers
from streams.metrics import Metrics

log = logging.getLogger("claimwatch.live")

DEFAULT_KEEP = 100
"""Alerts kept for (and sent to) a page that connects later."""
STATS_INTERVAL = 2.0
RATE_WINDOW = 10.0
"""Throughput is averaged over this many seconds."""
KEEPALIVE = 15.0
"""An SSE comment this often keeps proxies from closing an idle stream and finds dead clients."""
CLIENT_QUEUE = 256
RETRY_MS = 2000
"""How long a browser waits before reconnecting (the SSE ``retry`` field)."""


def sse_frame(event: str, data: Any) -> bytes:
    """One server-sent event; orjson never emits a newline, so ``data`` is one line."""
    return b"event: " + event.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n"


async def start_offsets(consumer: AIOKafkaConsumer, partitions: list[TopicPartition],
                        last: int) -> dict[TopicPartition, int]:
    """Where to start so that at least the ``last`` newest records of each partition are read.

    Not the log end from ``seek_to_end``: the embedded broker's ListOffsets(LATEST) answers the
    base offset of the last record batch + 1, which can be short of the end by a whole batch.
    That answer is never past the end, so ``reported end - last`` is at or before the true
    position of the ``last``-th newest record: reading from there only reads a little more.
    """
    begin = await consumer.beginning_offsets(partitions)
    end = await consumer.end_offsets(partitions)
    return {tp: max(begin[tp], end[tp] - last) for tp in partitions}


async def topic_partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition] | None:
    """The partitions of ``topic`` from fresh cluster metadata, None while it does not exist."""
    await consumer.topics()  # refreshes the metadata the next line reads
    numbers = consumer.partitions_for_topic(topic)
    return [TopicPartition(topic, n) for n in sorted(numbers)] if numbers else None


async def follow_topic(broker_url: str, topic: str, *, from_beginning: bool
                       ) -> AsyncIterator[tuple[int, bytes | None, bytes | None]]:
    """``(partition, key, value)`` of every record of ``topic`` (all partitions, no group):
    from the beginning, or only those appended from now on.

    "From now on" takes each partition's end from the high-water mark of the first Fetch
    answer for it rather than from ``seek_to_end`` (short on the embedded broker, see
    ``start_offsets``): it reads from the reported end and skips the records below that mark.
    """
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers(broker_url),
                                enable_auto_commit=False, auto_offset_reset="earliest",
                                fetch_max_wait_ms=200, client_id="claimwatch-tail")
    await consumer.start()
    try:
        partitions = await topic_partitions(consumer, topic)
        if partitions is None:
            raise KafkaError(f"no topic {topic}")
        consumer.assign(partitions)
        if from_beginning:
            await consumer.seek_to_beginning(*partitions)
            ends: dict[TopicPartition, int] = {tp: 0 for tp in partitions}
        else:
            for tp, offset in (await start_offsets(consumer, partitions, 0)).items():
                consumer.seek(tp, offset)
            ends = {}
        while True:
            batches = await consumer.getmany(timeout_ms=1000)
            for tp in partitions:
                if tp not in ends and consumer.highwater(tp) is not None:
                    ends[tp] = consumer.highwater(tp)
            for tp, records in batches.items():
                for record in records:
                    if record.offset >= ends.get(tp, 0):
                        yield tp.partition, record.key, record.value
    finally:
        await consumer.stop()


class _Client:
    """One connected page: a bounded queue of encoded frames; None ends the stream."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[bytes | None] = asyncio.Queue(CLIENT_QUEUE)

    def offer(self, frame: bytes) -> bool:
        try:
            self.queue.put_nowait(frame)
            return True
        except asyncio.QueueFull:
            return False

    def close(self) -> None:
        while not self.queue.empty():  # make room for the end marker; the client is leaving
            self.queue.get_nowait()
        self.queue.put_nowait(None)


def _counter_samples(counter: Counter) -> Iterable[tuple[Mapping[str, str], float]]:
    for family in counter.collect():
        for sample in family.samples:
            if sample.name.endswith("_total"):
                yield sample.labels, sample.value


def _total(counter: Counter) -> int:
    return int(sum(value for _, value in _counter_samples(counter)))


def _by_label(counter: Counter, label: str) -> dict[str, int]:
    return {labels[label]: int(value) for labels, value in _counter_samples(counter)}


class WorkerStats:
    """This worker's counters for the page, with the throughput over the last RATE_WINDOW s."""

    def __init__(self, cw: Claimwatch, metrics: Metrics,
                 status: Callable[[], str | None] = lambda: None) -> None:
        self.cw, self.metrics, self.status = cw, metrics, status
        self._history: deque[tuple[float, int]] = deque()

    def _rate(self, consumed: int) -> float:
        now = time.monotonic()
        self._history.append((now, consumed))
        while len(self._history) > 2 and now - self._history[1][0] >= RATE_WINDOW:
            self._history.popleft()
        then, before = self._history[0]
        return (consumed - before) / (now - then) if now > then else 0.0

    def _lag(self) -> dict[str, int]:
        """Records behind the end, per input topic of this worker's assigned partitions."""
        monitor = self.cw.app.monitor
        ends, reads = monitor.tp_end_offsets or {}, monitor.tp_read_offsets or {}
        lag: dict[str, int] = {}
        for tp, end in ends.items():
            lag[tp.topic] = lag.get(tp.topic, 0) + max(0, end - reads.get(tp, -1) - 1)
        return lag

    def sample(self) -> dict[str, Any]:
        m = self.metrics
        consumed = _total(m.consumed)
        dead = _by_label(m.deadlettered, "reason")
        lag = self._lag()
        reason = self.status()
        return {
            "at": iso(datetime.now(timezone.utc)),
            "ready": reason is None,
            "status": reason or "ready",
            "consumed": consumed,
            "enriched": _total(m.enriched),
            "articles_per_second": round(self._rate(consumed), 2),
            "claims": _total(m.claims),
            "alerts": _total(m.alerts),
            "deadlettered": sum(dead.values()),
            "deadlettered_by_reason": dict(sorted(dead.items())),
            "lag": sum(lag.values()),
            "lag_by_topic": dict(sorted(lag.items())),
        }


def _detection_order(alert: dict[str, Any]) -> tuple[str, str]:
    return str(alert.get("detected_at", "")), alert["alert_id"]


class LiveFeed(Service):
    """Follows the alerts topic and serves it to page clients (see the module docstring)."""

    def __init__(self, cw: Claimwatch, metrics: Metrics, *, keep: int = DEFAULT_KEEP,
                 status: Callable[[], str | None] = lambda: None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.bootstrap = bootstrap_servers(cw.settings.broker)
        self.topic = cw.settings.topic(ALERTS_TOPIC)
        self.keep = keep
        self.stats = WorkerStats(cw, metrics, status)
        self._alerts: dict[str, dict[str, Any]] = {}
        self._seen: OrderedDict[str, None] = OrderedDict()  # ids of recent alerts: duplicates
        self._clients: set[_Client] = set()
        self._closed = False

    # -- what clients get --------------------------------------------------------------------

    def snapshot(self) -> list[dict[str, Any]]:
        """The kept alerts, oldest first (by detection time)."""
        return sorted(self._alerts.values(), key=_detection_order)

    def current_stats(self) -> dict[str, Any]:
        return self.stats.sample()

    def subscribe(self) -> _Client:
        """A new client, its queue primed with the snapshot and the latest counters."""
        client = _Client()
        if self._closed:
            client.close()
            return client
        client.offer(b"retry: %d\n\n" % RETRY_MS)
        client.offer(sse_frame("snapshot", {"topic": self.topic, "keep": self.keep,
                                            "alerts": self.snapshot()}))
        client.offer(sse_frame("stats", self.current_stats()))
        self._clients.add(client)
        return client

    def unsubscribe(self, client: _Client) -> None:
        self._clients.discard(client)

    def close_clients(self) -> None:
        """End every open stream, and any opened later (on shutdown: a long-lived response
        must not hold it up)."""
        self._closed = True
        for client in list(self._clients):
            client.close()
        self._clients.clear()

    def _broadcast(self, frame: bytes) -> None:
        for client in list(self._clients):
            if not client.offer(frame):
                log.info("live page client fell %d events behind: disconnecting it", CLIENT_QUEUE)
                self._clients.discard(client)
                client.close()

    # -- the alerts topic ----------------------------------------------------------------------

    def add(self, alert: Any) -> bool:
        """Keep and fan out one alert record; False for a duplicate or a non-alert."""
        if not isinstance(alert, dict) or not isinstance(alert.get("alert_id"), str):
            return False
        alert_id = alert["alert_id"]
        if alert_id in self._seen:
            return False  # at-least-once delivery: the same alert can come twice
        self._seen[alert_id] = None
        if len(self._seen) > 10 * self.keep:
            self._seen.popitem(last=False)
        self._alerts[alert_id] = alert
        if len(self._alerts) > self.keep:
            oldest = min(self._alerts.values(), key=_detection_order)
            del self._alerts[oldest["alert_id"]]
        self._broadcast(sse_frame("alert", alert))
        return True

    def _on_value(self, value: bytes | None) -> None:
        try:
            alert = orjson.loads(value or b"")
        except orjson.JSONDecodeError:
            log.warning("live feed: skipping a record of %s that is not JSON", self.topic)
            return
        self.add(alert)

    @Service.task
    async def _follow(self) -> None:
        while not self.should_stop:
            try:
                await self._consume()
            except KafkaError as exc:
                log.warning("live feed: %s; reconnecting", exc)
                await self.sleep(2.0)
            except Exception:  # noqa: BLE001 - the page must never take the worker down
                log.exception("live feed failed; restarting it")
                await self.sleep(2.0)

    async def _consume(self) -> None:
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False,
                                    auto_offset_reset="earliest", fetch_max_wait_ms=250,
                                    client_id="claimwatch-live")
        await consumer.start()
        try:
            while (partitions := await topic_partitions(consumer, self.topic)) is None:
                if self.should_stop:
                    return
                await self.sleep(1.0)  # the topic does not exist yet
            consumer.assign(partitions)
            for tp, offset in (await start_offsets(consumer, partitions, self.keep)).items():
                consumer.seek(tp, offset)
            log.info("live feed follows %s (%d partitions)", self.topic, len(partitions))
            while not self.should_stop:
                batches = await consumer.getmany(timeout_ms=1000, max_records=500)
                for records in batches.values():
                    for record in records:
                        self._on_value(record.value)
        finally:
            await consumer.stop()

    @Service.timer(STATS_INTERVAL)
    async def _tick(self) -> None:
        try:
            stats = self.stats.sample()  # also when nobody listens: it keeps the rate's window
        except Exception:  # noqa: BLE001 - the page must never take the worker down
            log.exception("live feed: cannot read the counters")
            return
        if self._clients:
            self._broadcast(sse_frame("stats", stats))

    async def on_stop(self) -> None:
        self.close_clients()


async def event_stream(feed: LiveFeed, request: aiohttp_web.Request) -> aiohttp_web.StreamResponse:
    """``GET /live/events``: the snapshot, then alerts and counters as server-sent events."""
    response = aiohttp_web.StreamResponse(headers={
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache",
        "X-Accel-Buffering": "no",  # a buffering reverse proxy would hold events back
    })
    await response.prepare(request)
    client = feed.subscribe()
    try:
        while True:
            try:
                frame = await asyncio.wait_for(client.queue.get(), KEEPALIVE)
            except asyncio.TimeoutError:
                frame = b": keepalive\n\n"
            if frame is None:
                break
            await response.write(frame)
    except (ConnectionResetError, aiohttp_web.HTTPException):
        pass  # the page went away
    finally:
        feed.unsubscribe(client)
    with contextlib.suppress(ConnectionResetError):
        await response.write_eof()
    return response
