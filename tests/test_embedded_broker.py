"""Tests for the embedded Tansu broker and its Faust transport.

Async tests run their body with :func:`asyncio.run` (no pytest-asyncio).
"""

from __future__ import annotations

import asyncio
import errno
import os
import time
from pathlib import Path
from typing import cast

import faust
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from faust.transport import by_url
from faust.transport.consumer import ThreadDelegateConsumer
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.transport.drivers.aiokafka import Transport as StockTransport

from streams import tansu_transport
from streams.embedded_broker import EmbeddedBroker
from streams.tansu_transport import (
    HighwaterError,
    TansuConsumerThread,
    Transport,
    _fetch_highwater_marks,
    fetch_highwaters,
    register,
)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError as exc:
        return exc.errno != errno.ESRCH
    return True


async def _create_topic(bootstrap: str, topic: str, partitions: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, partitions, 1)])
    finally:
        await admin.close()


async def _produce_batches(
    bootstrap: str, topic: str, partition: int, batch_sizes: list[int]
) -> list[int]:
    """Send each batch as one record batch; return the batches' base offsets."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=0)
    await producer.start()
    try:
        bases: list[int] = []
        for n, size in enumerate(batch_sizes):
            batch = producer.create_batch()
            for i in range(size):
                assert batch.append(key=None, value=f"{n}-{i}".encode(), timestamp=None)
            batch.close()
            metadata = await (
                await producer.send_batch(batch, topic, partition=partition)
            )
            bases.append(metadata.offset)
        return bases
    finally:
        await producer.stop()


def test_round_trip(embedded_broker: EmbeddedBroker) -> None:
    assert embedded_broker.running
    assert embedded_broker.url == f"kafka://127.0.0.1:{embedded_broker.port}"
    assert embedded_broker.bootstrap == f"127.0.0.1:{embedded_broker.port}"
    topic = "round-trip"
    values = [f"record-{i}".encode() for i in range(25)]

    async def run() -> list[bytes]:
        producer = AIOKafkaProducer(bootstrap_servers=embedded_broker.bootstrap)
        await producer.start()
        try:
            for value in values:
                await producer.send(topic, value, partition=0)
            await producer.flush()
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(
            bootstrap_servers=embedded_broker.bootstrap, enable_auto_commit=False
        )
        await consumer.start()
        try:
            tp = TopicPartition(topic, 0)
            consumer.assign([tp])
            await consumer.seek_to_beginning(tp)
            received: list[bytes] = []
            deadline = time.monotonic() + 15
            while len(received) < len(values) and time.monotonic() < deadline:
                batches = await consumer.getmany(tp, timeout_ms=500)
                received += [
                    r.value for r in batches.get(tp, []) if r.value is not None
                ]
            return received
        finally:
            await consumer.stop()

    assert asyncio.run(run()) == values


def test_start_stop_lifecycle(tmp_path: Path) -> None:
    log_path = tmp_path / "tansu.log"
    with EmbeddedBroker(log_path=log_path) as broker:
        pid = broker.pid
        assert broker.running and _pid_alive(pid)
        assert "listening on: tcp://127.0.0.1:" in log_path.read_text()
    assert not broker.running
    assert not _pid_alive(pid)
    broker.stop()  # idempotent

    # Without log_path a temporary log is used and removed on stop.
    broker = EmbeddedBroker().start()
    try:
        temp_log = broker.log_path
        assert temp_log is not None and temp_log.exists()
    finally:
        broker.stop()
    assert not temp_log.exists()
    assert not _pid_alive(broker.pid)


def test_register_selects_transport() -> None:
    register()
    register()  # idempotent
    assert by_url("tansu://127.0.0.1:9092") is Transport
    assert by_url("kafka://127.0.0.1:9092") is StockTransport
    assert Transport.Consumer is tansu_transport.Consumer


def test_listoffsets_latest_defect_and_fix(embedded_broker: EmbeddedBroker) -> None:
    """Fetch high-water marks are right where ListOffsets(LATEST) is not."""
    bootstrap = embedded_broker.bootstrap
    topic, other, empty = "hw-batches", "hw-single", "hw-empty"

    async def run() -> None:
        await _create_topic(bootstrap, topic, 2)
        await _create_topic(bootstrap, empty, 1)
        bases = await _produce_batches(bootstrap, topic, 0, [10, 10, 10])
        assert bases == [0, 10, 20]
        await _produce_batches(bootstrap, topic, 1, [7, 7, 7, 7])
        await _produce_batches(bootstrap, other, 0, [1, 1, 1, 1, 1])
        tps = {
            TopicPartition(topic, 0): 30,
            TopicPartition(topic, 1): 28,
            TopicPartition(other, 0): 5,
            TopicPartition(empty, 0): 0,
        }
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, request_timeout_ms=10_000
        )
        await consumer.start()
        try:
            assert await fetch_highwaters(consumer, tps) == tps
            assert await consumer.beginning_offsets(list(tps)) == dict.fromkeys(tps, 0)
            end_offsets = await consumer.end_offsets(list(tps))
        finally:
            await consumer.stop()
        # The Tansu defect: base offset of the last batch + 1. If this starts
        # failing, Tansu got fixed: revisit streams/tansu_transport.py.
        assert end_offsets == {
            TopicPartition(topic, 0): 21,
            TopicPartition(topic, 1): 22,
            TopicPartition(other, 0): 5,
            TopicPartition(empty, 0): 0,
        }, "Tansu ListOffsets(LATEST) defect no longer reproduces"

    asyncio.run(run())


def test_faust_consumer_thread_highwaters(
    embedded_broker: EmbeddedBroker, tmp_path: Path
) -> None:
    """Faust's recovery entry point (Consumer.highwaters) uses the fix."""
    register()
    topic = "hw-faust"
    tp = TopicPartition(topic, 0)

    async def highwaters(broker_url: str, app_id: str) -> tuple[type, int, int]:
        app = faust.App(
            app_id,
            broker=broker_url,
            store="memory://",
            datadir=tmp_path,
            web_enabled=False,
        )
        # Only the consumer thread is started (no group join): that is all
        # highwaters()/earliest_offsets() need.
        consumer = cast(ThreadDelegateConsumer, app.consumer)
        await consumer._thread.start()
        try:
            high = (await consumer.highwaters(tp))[tp]
            low = (await consumer.earliest_offsets(tp))[tp]
        finally:
            await consumer._thread.stop()
        return type(consumer._thread), high, low

    async def run() -> None:
        await _produce_batches(embedded_broker.bootstrap, topic, 0, [10, 10, 10])
        thread_type, high, low = await highwaters(embedded_broker.tansu_url, "hw-fixed")
        assert thread_type is TansuConsumerThread
        assert (high, low) == (30, 0)
        thread_type, high, _ = await highwaters(embedded_broker.url, "hw-stock")
        assert thread_type is AIOKafkaConsumerThread
        assert high == 21, "stock Faust highwater now correct: Tansu defect fixed?"

    asyncio.run(run())


def test_unknown_partition_raises(embedded_broker: EmbeddedBroker) -> None:
    async def run() -> None:
        consumer = AIOKafkaConsumer(bootstrap_servers=embedded_broker.bootstrap)
        await consumer.start()
        try:
            deadline = time.monotonic() + 0.5
            with pytest.raises(HighwaterError, match=r"no-such-topic\[3\]"):
                await _fetch_highwater_marks(
                    consumer._client, {TopicPartition("no-such-topic", 3): 0}, deadline
                )
        finally:
            await consumer.stop()

    asyncio.run(run())
