"""Plain aiokafka clients for the CLI: topic creation, producing inputs, reading topics."""

from __future__ import annotations

import logging
from typing import AsyncIterator, Iterable

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

log = logging.getLogger("claimwatch.kafka")


def bootstrap_servers(broker_url: str) -> str:
    """``kafka://h1:9092;h2:9092`` (Faust's form) → ``h1:9092,h2:9092`` (aiokafka's)."""
    hosts = []
    for part in broker_url.replace(",", ";").split(";"):
        hosts.append(part.split("://", 1)[-1].strip("/"))
    return ",".join(h for h in hosts if h)


async def ensure_topics(broker_url: str, names: Iterable[str], partitions: int) -> None:
    """Create the topics that do not exist yet, with ``partitions`` partitions."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers(broker_url))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(n, num_partitions=partitions, replication_factor=1)
                   for n in names if n not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:
                pass
            log.info("created topics %s", ", ".join(t.name for t in missing))
    finally:
        await admin.close()


def new_producer(broker_url: str) -> AIOKafkaProducer:
    return AIOKafkaProducer(bootstrap_servers=bootstrap_servers(broker_url), acks="all",
                            linger_ms=5, max_request_size=8 * 1024 * 1024)


async def read_topics(
    broker_url: str, topics: list[str], *, from_beginning: bool
) -> AsyncIterator[tuple[str, bytes | None, bytes | None]]:
    """Follow ``topics`` without a consumer group: (topic, key, value) as they arrive.

    Partitions are assigned by hand so that reading never joins or disturbs a group."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers(broker_url),
                                enable_auto_commit=False, fetch_max_wait_ms=200)
    await consumer.start()
    try:
        await consumer.topics()  # fetches the cluster metadata the next lines read
        partitions = []
        for topic in topics:
            for number in sorted(consumer.partitions_for_topic(topic) or ()):
                partitions.append(TopicPartition(topic, number))
        consumer.assign(partitions)
        if from_beginning:
            await consumer.seek_to_beginning(*partitions)
        else:
            await consumer.seek_to_end(*partitions)
        async for record in consumer:
            yield record.topic, record.key, record.value
    finally:
        await consumer.stop()
