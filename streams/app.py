"""``create_app``: the Faust app, its topics and tables, built from one ``Settings``.

Nothing is created at import time; a process calls ``create_app`` once at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass

import faust

from schemas.records import AlertRecord, ClaimRecord, DeadLetterRecord, EnrichedArticleRecord
from streams.settings import Settings

RAW_TOPIC = "articles.raw"
ENRICHED_TOPIC = "articles.enriched"
CLAIMS_TOPIC = "claims"
ALERTS_TOPIC = "alerts.contradictions"
DEADLETTER_TOPIC = "articles.deadletter"
CLAIMS_TABLE = "claims-by-key"


@dataclass(frozen=True)
class Topics:
    raw: faust.TopicT
    enriched: faust.TopicT
    claims: faust.TopicT
    alerts: faust.TopicT
    deadletter: faust.TopicT


@dataclass(frozen=True)
class Claimwatch:
    """A configured app with its topics and its table (what agents and views need)."""

    settings: Settings
    app: faust.App
    topics: Topics
    claims_by_key: faust.types.TableT


#: RocksDB memory of each table partition's store. Faust's defaults (64 MB write buffers, up
#: to 3 of them, and a 2 GB block cache, per partition) let a worker's RSS climb by tens of MB
#: as the table is written, although the claims table holds a few MB of small JSON records.
#: Measured with the 300-article burst of ``tests/test_faults.py``: RSS at the end 302 MB with
#: the defaults, 223 MB with these.
TABLE_STORE_OPTIONS = {"write_buffer_size": 4 << 20, "max_write_buffer_number": 2, "block_cache_size": 8 << 20}


def broker_url(settings: Settings) -> str:
    """The URL Faust gets: the embedded broker's ``tansu://`` selects the patched transport."""
    if settings.embedded:
        from streams import tansu_transport

        tansu_transport.register()
    return settings.broker


def create_app(settings: Settings) -> Claimwatch:
    """Build the app; ``streams.agents.register`` adds the agents, ``streams.web`` the views."""
    app = faust.App(
        settings.app_id,
        broker=broker_url(settings),
        store="rocksdb://",
        datadir=str(settings.data_dir),
        topic_partitions=settings.partitions,
        topic_replication_factor=1,
        key_serializer="raw",
        value_serializer="orjson",
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=min(3.0, settings.session_timeout / 3),
        web_enabled=settings.web_enabled,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        autodiscover=False,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        table_cleanup_interval=60.0,
    )

    def topic(name: str, value_type: type | None) -> faust.TopicT:
        if value_type is None:
            return app.topic(settings.topic(name), key_type=str, value_type=bytes,
                             value_serializer="raw", partitions=settings.partitions)
        return app.topic(settings.topic(name), key_type=str, value_type=value_type,
                         partitions=settings.partitions)

    topics = Topics(
        raw=topic(RAW_TOPIC, None),
        enriched=topic(ENRICHED_TOPIC, EnrichedArticleRecord),
        claims=topic(CLAIMS_TOPIC, ClaimRecord),
        alerts=topic(ALERTS_TOPIC, AlertRecord),
        deadletter=topic(DEADLETTER_TOPIC, DeadLetterRecord),
    )
    claims_by_key = app.Table(
        settings.topic(CLAIMS_TABLE),
        default=None,
        key_type=str,
        partitions=settings.partitions,
        help="Claim key → its KeyRecord (claims on record and alerts raised).",
        options=dict(TABLE_STORE_OPTIONS),  # Faust pops keys from the dict it is given
    )
    return Claimwatch(settings, app, topics, claims_by_key)
