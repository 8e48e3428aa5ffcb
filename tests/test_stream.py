"""The whole stream against the embedded broker, with real worker processes."""

from __future__ import annotations

import shutil
import uuid
from datetime import timedelta
from pathlib import Path

import jsonschema
import orjson
import pytest

from processors.model import Claim
from schemas.jsonschema import schema_path
from streams.app import ALERTS_TOPIC, CLAIMS_TOPIC, DEADLETTER_TOPIC, ENRICHED_TOPIC, RAW_TOPIC
from streams.embedded_broker import EmbeddedBroker
from streams.kafka_io import ensure_topics
from tests.factories import T0, claim, event
from tests.harness import Worker, collect, produce, run, wait_for

TOPICS = (RAW_TOPIC, ENRICHED_TOPIC, CLAIMS_TOPIC, ALERTS_TOPIC, DEADLETTER_TOPIC)


def validator(topic: str) -> jsonschema.Draft202012Validator:
    schema = orjson.loads(schema_path(topic).read_bytes())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture()
def prefix(embedded_broker: EmbeddedBroker) -> str:
    name = f"t{uuid.uuid4().hex[:8]}-"
    run(ensure_topics(embedded_broker.url, [name + t for t in TOPICS], 4))
    return name


def start_worker(broker: EmbeddedBroker, prefix: str, tmp_path: Path, name: str = "w1") -> Worker:
    return Worker(broker.tansu_url, prefix, tmp_path / name, tmp_path / f"{name}.log").start()


def claim_items(claims: list[Claim]) -> list[tuple[bytes, bytes]]:
    return [(c.key.encode(), orjson.dumps(c.to_wire())) for c in claims]


def test_detect_agent_raises_each_contradiction_once(embedded_broker, prefix, tmp_path):
    worker = start_worker(embedded_broker, prefix, tmp_path).wait_ready()
    try:
        claims = [
            claim("q1", value_low=50000, value_high=50000),
            claim("q2", value_low=11000, value_high=11000),                 # contradicts q1
            claim("q3", value_low=48000, value_high=52000),                 # agrees with q1
            claim("q4", value_low=11000, value_high=11000,                  # other period
                  ref_start=T0 - timedelta(days=100), ref_end=T0 - timedelta(days=90)),
            event("e1", "asserted", side="washington post"),
            event("e2", "denied", side="russia"),                           # contradicts e1
            event("e3", "noncommittal", side="russia"),
        ]
        sent = claims + claims[:3]  # redelivered claims must not raise anything new
        run(produce(embedded_broker.bootstrap, prefix + CLAIMS_TOPIC, claim_items(sent)))
        records = run(collect(embedded_broker.bootstrap, [prefix + ALERTS_TOPIC],
                              lambda r: len(r[prefix + ALERTS_TOPIC]) >= 3, timeout=60))
        alerts = records[prefix + ALERTS_TOPIC]
        check = validator(ALERTS_TOPIC)
        for alert in alerts:
            check.validate({k: v for k, v in alert.items() if not k.startswith("_")})
        pairs = {tuple(sorted((a["claim_a"]["claim_id"], a["claim_b"]["claim_id"]))): a["type"] for a in alerts}
        assert pairs == {("q1", "q2"): "numeric", ("q2", "q3"): "numeric", ("e1", "e2"): "polarity"}
        assert len(alerts) == 3
        assert all(a["_key"] == a["key"].encode() for a in alerts)  # keyed by claim key
    finally:
        assert worker.stop() == 0


def test_restart_with_empty_data_dir_restores_the_table_exactly(embedded_broker, prefix, tmp_path):
    first = start_worker(embedded_broker, prefix, tmp_path).wait_ready()
    claims = [claim(f"c{i}", key=f"quantity|holder{i % 7}|troops|-", value_low=100, value_high=100,
                    published_at=T0 + timedelta(minutes=i)) for i in range(60)]  # all agree
    try:
        run(produce(embedded_broker.bootstrap, prefix + CLAIMS_TOPIC, claim_items(claims)))

        def table_complete() -> bool:
            status, body = first.get("/tables/claims")
            return status == 200 and sum(len(v) for v in orjson.loads(body).values()) == len(claims)

        wait_for(table_complete, 60, "all claims in the table")
        before = orjson.loads(first.get("/tables/claims")[1])
    finally:
        assert first.stop() == 0
    shutil.rmtree(first.data_dir)
    second = start_worker(embedded_broker, prefix, tmp_path, name="w2").wait_ready()
    try:
        after = orjson.loads(second.get("/tables/claims")[1])
        assert after == before and len(after) == 7
        # the restored table still detects against what was on record before the restart
        late = claim("late", key="quantity|holder3|troops|-", value_low=10**6, value_high=10**6,
                     published_at=T0 + timedelta(minutes=61))
        run(produce(embedded_broker.bootstrap, prefix + CLAIMS_TOPIC, claim_items([late])))
        expected = len(before["quantity|holder3|troops|-"])
        records = run(collect(embedded_broker.bootstrap, [prefix + ALERTS_TOPIC],
                              lambda r: len(r[prefix + ALERTS_TOPIC]) >= expected, timeout=60))
        assert all("late" in (a["claim_a"]["claim_id"], a["claim_b"]["claim_id"])
                   for a in records[prefix + ALERTS_TOPIC])
    finally:
        assert second.stop() == 0
