"""The whole stream against the embedded broker, with real worker processes."""

from __future__ import annotations

import base64
import shutil
import uuid
from datetime import timedelta
from pathlib import Path

import jsonschema
import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

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


def scrape(worker: Worker) -> dict[tuple[str, tuple], float]:
    """``GET /metrics`` parsed with prometheus-client's own parser: (name, labels) → value."""
    status, body = worker.get("/metrics")
    assert status == 200
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(body.decode())
            for sample in family.samples}


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
        samples = scrape(worker)
        assert samples[("claimwatch_alerts_raised_total", (("type", "numeric"),))] == 2
        assert samples[("claimwatch_alerts_raised_total", (("type", "polarity"),))] == 1
        assert samples[("claimwatch_alert_latency_seconds_count", ())] == 3
        assert samples[("claimwatch_table_keys", (("table", prefix + "claims-by-key"),))] == 2
    finally:
        assert worker.stop() == 0


def test_restart_with_empty_data_dir_restores_the_table_exactly(embedded_broker, prefix, tmp_path):
    first = start_worker(embedded_broker, prefix, tmp_path).wait_ready()
    # all agree; each from a speaker of its own, so each is a party to its own dispute later
    claims = [claim(f"c{i}", key=f"quantity|holder{i % 7}|troops|-", value_low=100, value_high=100,
                    speaker=f"Speaker {i}", side=f"speaker {i}", published_at=T0 + timedelta(minutes=i))
              for i in range(60)]
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


SEED = Path(__file__).resolve().parent.parent / "streams" / "sample_corpus" / "seed-kursk-newstrack.txt"


def test_enrich_agent_publishes_valid_articles_and_dead_letters_malformed_ones(
        embedded_broker, prefix, tmp_path):
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    valid = [
        {"id": "seed", "source": "NewsTrack", "title": title, "body": body,
         "published_at": "2024-11-09T12:00:00Z"},
        {"id": "short", "source": "Reuters", "body": "About 50,000 Russian troops are in Kursk, a U.S. official said."},
        {"source": "AP", "body": "No id here: it is derived from the content.", "unknown": [1, 2]},
    ]
    bad = [
        (b"{not json", "invalid_json"),
        (orjson.dumps({"id": "nobody", "source": "X"}), "missing_field"),
        (orjson.dumps({"id": "typed", "source": "X", "body": 12}), "wrong_type"),
        (b'{"source": "X", "body": "caf\xe9"}', "invalid_utf8"),
    ]
    items = [(None, orjson.dumps(valid[0])), (None, bad[0][0]), (None, orjson.dumps(valid[1])),
             (None, bad[1][0]), (None, bad[2][0]), (None, orjson.dumps(valid[2])), (None, bad[3][0])]
    worker = start_worker(embedded_broker, prefix, tmp_path).wait_ready()
    try:
        run(produce(embedded_broker.bootstrap, prefix + RAW_TOPIC, items))
        topics = [prefix + ENRICHED_TOPIC, prefix + DEADLETTER_TOPIC, prefix + CLAIMS_TOPIC]
        records = run(collect(embedded_broker.bootstrap, topics,
                              lambda r: len(r[topics[0]]) >= 3 and len(r[topics[1]]) >= 4, timeout=90))
    finally:
        assert worker.stop() == 0
    enriched, dead = records[topics[0]], records[topics[1]]
    ids = {e["id"] for e in enriched}
    assert len(enriched) == 3 and len(dead) == 4 and {"seed", "short"} < ids
    assert any(i.startswith("sha256-") for i in ids)
    assert sorted(d["reason"] for d in dead) == sorted(reason for _, reason in bad)
    for letter in dead:
        assert letter["topic"] == prefix + RAW_TOPIC and letter["offset"] >= 0 and letter["detail"]
    non_utf8 = next(d for d in dead if d["reason"] == "invalid_utf8")
    assert non_utf8["payload_encoding"] == "base64"
    assert base64.b64decode(non_utf8["payload"]) == bad[3][0]
    seed = next(e for e in enriched if e["id"] == "seed")
    assert any(e["canonical"] == "Russia" for e in seed["entities"]) and seed["claims"]
    for topic, name in ((topics[0], ENRICHED_TOPIC), (topics[1], DEADLETTER_TOPIC), (topics[2], CLAIMS_TOPIC)):
        check = validator(name)
        for record in records[topic]:
            check.validate({k: v for k, v in record.items() if not k.startswith("_")})
    assert all(c["_key"] == c["key"].encode() for c in records[topics[2]])
