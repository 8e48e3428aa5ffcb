"""Nothing lost, nothing invented: real faults against real workers on the embedded broker.

* worker crash: SIGKILL one of two workers mid-stream, compare with an undisturbed run;
* graceful stop: SIGTERM mid-stream, restart with the same data dir, then with an empty one;
* bad input: a flood of malformed records (and injected spaCy/extraction failures);
* bounded state: a burst with short retention and a fast sweep (table keys, RSS, group).
* stalls: a partition whose records Faust drops unread is fetched again; a hung agent is
  reported on /ready, /health and the metrics.

The long forms are ``@pytest.mark.slow`` (``pytest -m slow``); the default suite runs short
ones. Every wait polls with a deadline. Figures go to stdout (``-s`` shows them) and to
``$CLAIMWATCH_FAULT_REPORT`` (JSON lines) when that is set.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Sequence

import jsonschema
import orjson
import pytest

from processors.contradictions import DetectionPolicy, KeyRecord, expired_keys, observe_all, sweep
from processors.enrichment import Enricher
from processors.model import Article, Claim
from schemas.jsonschema import schema_path
from streams.app import ALERTS_TOPIC, CLAIMS_TOPIC, DEADLETTER_TOPIC, ENRICHED_TOPIC, RAW_TOPIC
from streams.deadletter import MAX_PAYLOAD_BYTES, dead_letter_record
from streams.embedded_broker import EmbeddedBroker
from streams.kafka_io import ensure_topics
from streams.settings import Settings
from tests.factories import T0, claim
from tests.harness import (CORPUS, HOLDERS, PLACES, REPO, SPEAKERS, Worker, article_items, collect,
                           conflict_mix, corpus_articles, proc_status_kb, produce_tracked, read_all, run,
                           troop_report, wait_for)

TOPICS = (RAW_TOPIC, ENRICHED_TOPIC, CLAIMS_TOPIC, ALERTS_TOPIC, DEADLETTER_TOPIC)
START = datetime(2024, 11, 1, tzinfo=timezone.utc)
MINUTE = timedelta(minutes=1)
BATCH_SIZE = Settings().batch_size  # the default CLAIMWATCH_BATCH_SIZE


def report(name: str, **figures: Any) -> None:
    """Print the figures a test measured (and append them to $CLAIMWATCH_FAULT_REPORT)."""
    line = orjson.dumps({"test": name, **figures}).decode()
    print(f"\nFIGURES {line}")
    target = os.environ.get("CLAIMWATCH_FAULT_REPORT")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(line + "\n")


def new_prefix(broker: EmbeddedBroker) -> str:
    name = f"f{uuid.uuid4().hex[:8]}-"
    run(ensure_topics(broker.url, [name + t for t in TOPICS], 4))
    return name


@pytest.fixture()
def prefix(embedded_broker: EmbeddedBroker) -> str:
    return new_prefix(embedded_broker)


def strip(record: dict) -> dict:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def validator(topic: str) -> jsonschema.Draft202012Validator:
    schema = orjson.loads(schema_path(topic).read_bytes())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def start_all(workers: Sequence[Worker], timeout: float = 120.0) -> None:
    """Start ``workers`` and wait until all of them are ready at the same time (one group
    generation with every member in it)."""
    for worker in workers:
        worker.start()
    wait_for(lambda: all(w.get("/ready")[0] == 200 for w in workers if _alive(w)) and
             all(_alive(w) for w in workers), timeout, "all workers ready", interval=0.5)


def _alive(worker: Worker) -> bool:
    if worker.proc is None or worker.proc.poll() is not None:
        raise AssertionError(f"worker {worker.pid} exited:\n{worker.log_tail()}")
    return True


def table_union(workers: Sequence[Worker]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for worker in workers:
        table.update(worker.claims_table())
    return table


def wait_processed(broker: EmbeddedBroker, prefix: str, workers: Sequence[Worker],
                   valid_ids: set[str], timeout: float, *, dead: int = 0) -> dict[str, list[dict]]:
    """Poll until every id in ``valid_ids`` has an enriched record, ``dead`` dead letters are
    out, and every claim of those records is on record in the workers' table (the detector
    writes a key's record only after its alerts were acknowledged: then every alert is out).
    Returns the enriched and dead-letter records."""
    topics = [prefix + ENRICHED_TOPIC, prefix + DEADLETTER_TOPIC]
    state: dict[str, Any] = {}

    def done() -> bool:
        for worker in workers:
            _alive(worker)
        records = run(read_all(broker.bootstrap, topics))
        state["records"] = records
        ids = {e["id"] for e in records[topics[0]]}
        state["missing"] = len(valid_ids - ids)
        if valid_ids - ids or len(records[topics[1]]) < dead:
            return False
        claim_ids = {c["claim_id"] for e in records[topics[0]] for c in e["claims"]}
        on_record = {cid for ids in table_union(workers).values() for cid in ids}
        state["undetected"] = len(claim_ids - on_record)
        return claim_ids <= on_record

    try:
        wait_for(done, timeout, "all input processed", interval=1.0)
    except AssertionError as exc:
        raise AssertionError(f"{exc}: missing={state.get('missing')} undetected={state.get('undetected')}"
                             f"\n{workers[-1].log_tail()}") from None
    return state["records"]


def expected_alert_ids(enriched: list[dict], policy: DetectionPolicy = DetectionPolicy()) -> set[str]:
    """The alerts the detector raises over the unique claims of ``enriched`` (in event-time
    order, against a dict): what an undisturbed stream raises."""
    claims = {c["claim_id"]: Claim.from_wire(c) for e in enriched for c in e["claims"]}
    ordered = sorted(claims.values(), key=lambda c: (c.published_at, c.claim_id))
    return {a.alert_id for a in observe_all(ordered, {}, policy, now=START)}


def rejoins(log: str) -> int:
    return log.count("(Re-)joining group")


def late_timers(log: str) -> int:
    return len(re.findall(r"Timer \S+ woke up too late", log))


# --- 1. worker crash -------------------------------------------------------------------------


@dataclass
class Outcome:
    enriched: list[dict]
    alerts: list[dict]
    table: dict[str, list[str]]
    partition_of: dict[str, int]
    killed_at: float | None = None
    survivor_log: str = ""
    figures: dict[str, Any] = field(default_factory=dict)


def two_worker_run(broker: EmbeddedBroker, tmp_path: Path, name: str, articles: list[dict],
                   kill_after: float | None, timeout: float) -> Outcome:
    """Two workers in one group process ``articles``; with ``kill_after``, the second is
    SIGKILLed once that fraction of the articles is enriched. The stall watch acts after 20 s
    (not the default 60) so that a stalled takeover is fetched again within the test's wait."""
    prefix = new_prefix(broker)
    workers = [Worker(broker.tansu_url, prefix, tmp_path / f"{name}-w{i}", tmp_path / f"{name}-w{i}.log",
                      CLAIMWATCH_STALL_SECONDS="20")
               for i in (1, 2)]
    try:
        start_all(workers)
        placed = run(produce_tracked(broker.bootstrap, prefix + RAW_TOPIC, article_items(articles)))
        partition_of = {a["id"]: p for a, (p, _) in zip(articles, placed)}
        killed_at, survivors = None, workers
        if kill_after is not None:
            enriched_topic = prefix + ENRICHED_TOPIC

            def far_enough() -> bool:
                _alive(workers[0]) and _alive(workers[1])
                done = run(read_all(broker.bootstrap, [enriched_topic]))[enriched_topic]
                return len({e["id"] for e in done}) >= kill_after * len(articles)

            wait_for(far_enough, timeout, f"{kill_after:.0%} enriched", interval=0.5)
            victim = workers[1]
            assert victim.proc is not None
            victim.proc.send_signal(signal.SIGKILL)
            killed_at = time.time()
            victim.proc.wait(10)
            survivors = workers[:1]
        records = wait_processed(broker, prefix, survivors, {a["id"] for a in articles}, timeout)
        table = table_union(survivors)
        alerts = run(read_all(broker.bootstrap, [prefix + ALERTS_TOPIC]))[prefix + ALERTS_TOPIC]
    finally:
        codes = [w.stop() for w in workers if w.proc is not None and w.proc.poll() is None]
    assert all(code == 0 for code in codes), codes
    return Outcome(records[prefix + ENRICHED_TOPIC], alerts, table, partition_of, killed_at,
                   workers[0].log_text())


def takeover_seconds(outcome: Outcome) -> float:
    """From the kill until every partition with input left has output again (enriched
    records' Kafka timestamps): the survivor's rebalance pauses its own partitions too."""
    assert outcome.killed_at is not None
    first: dict[int, float] = {}
    for record in outcome.enriched:
        if record["_timestamp"] > outcome.killed_at:
            partition = outcome.partition_of[record["id"]]
            first[partition] = min(first.get(partition, float("inf")), record["_timestamp"])
    assert first, "nothing was processed after the kill"
    return max(first.values()) - outcome.killed_at


def check_crash_against_undisturbed(tmp_path: Path, broker: EmbeddedBroker, count: int, keys: int,
                                    timeout: float, name: str) -> None:
    articles = conflict_mix(count, run_id=uuid.uuid4().hex[:6], start=START, step=MINUTE, keys=keys)
    calm = two_worker_run(broker, tmp_path, "calm", articles, None, timeout)
    crash = two_worker_run(broker, tmp_path, "crash", articles, 0.4, timeout)

    valid = {a["id"] for a in articles}
    calm_ids = Counter(a["alert_id"] for a in calm.alerts)
    crash_ids = Counter(a["alert_id"] for a in crash.alerts)
    lost_articles = valid - {e["id"] for e in crash.enriched}
    lost_alerts = set(calm_ids) - set(crash_ids)
    invented = set(crash_ids) - set(calm_ids)
    duplicates = sum(crash_ids.values()) - len(crash_ids)
    per_article = Counter(e["id"] for e in crash.enriched)
    takeover = takeover_seconds(crash)
    figures = dict(articles=count, alerts=len(calm_ids), lost_articles=len(lost_articles),
                   lost_alerts=len(lost_alerts), invented_alerts=len(invented),
                   duplicate_alert_deliveries=duplicates,
                   duplicate_ratio=round(duplicates / max(1, len(crash_ids)), 4),
                   reprocessed_articles=sum(n - 1 for n in per_article.values()),
                   takeover_s=round(takeover, 1), calm_duplicates=sum(calm_ids.values()) - len(calm_ids),
                   rejoins_survivor=rejoins(crash.survivor_log),
                   stall_reseeks_survivor=crash.survivor_log.count("claimwatch.stall: stalled "))
    report(name, **figures)

    assert calm_ids, "the undisturbed run raised no alert: the input proves nothing"
    assert set(calm_ids) == expected_alert_ids(calm.enriched)   # the stream = the detector
    assert not lost_articles
    assert not lost_alerts and not invented
    # Duplicates come from the claims in flight at the kill (alert acknowledged, changelog
    # write not yet): in a short run one claim's alerts can exceed 5 % on their own.
    per_claim = Counter(cid for a in calm.alerts for cid in (a["claim_a"]["claim_id"], a["claim_b"]["claim_id"]))
    assert duplicates < max(0.05 * len(crash_ids), max(per_claim.values()) + 1)
    # the table (claims on record per key) is the same: a replayed claim is stored once
    calm_table = {(k, c) for k, ids in calm.table.items() for c in ids}
    crash_table = {(k, c) for k, ids in crash.table.items() for c in ids}
    assert crash_table == calm_table, (f"only after the crash: {sorted(crash_table - calm_table)[:10]}, "
                                       f"only undisturbed: {sorted(calm_table - crash_table)[:10]}")
    assert sum(len(ids) for ids in crash.table.values()) == len(crash_table)   # no claim twice
    # an article processed twice gave the same claims both times (no new claim ids to pair)
    claims_of: dict[str, set[str]] = {}
    for record in crash.enriched:
        ids = {c["claim_id"] for c in record["claims"]}
        assert claims_of.setdefault(record["id"], ids) == ids
    assert takeover < 30


def test_worker_crash_short(tmp_path, embedded_broker):
    check_crash_against_undisturbed(tmp_path, embedded_broker, count=200, keys=8, timeout=180,
                                    name="crash-200")


@pytest.mark.slow
@pytest.mark.timeout(2400)
def test_worker_crash_2000(tmp_path, embedded_broker):
    check_crash_against_undisturbed(tmp_path, embedded_broker, count=2000, keys=20, timeout=900,
                                    name="crash-2000")


# --- 2 + 5. graceful stop, restart with the same and with an empty data dir ---------------------


def test_sigterm_commits_and_restarts_rebuild_the_table_and_the_alerts(embedded_broker, prefix, tmp_path):
    run_id = uuid.uuid4().hex[:6]
    articles = conflict_mix(120, run_id=run_id, start=START, step=MINUTE, every=2, keys=6, seed=1)
    first, later = articles[:80], articles[80:]
    broker, raw = embedded_broker, prefix + RAW_TOPIC
    enriched_topic = prefix + ENRICHED_TOPIC

    def worker(name: str, data_dir: str) -> Worker:
        return Worker(broker.tansu_url, prefix, tmp_path / data_dir, tmp_path / f"{name}.log")

    w1 = worker("w1", "d1")
    start_all([w1])
    run(produce_tracked(broker.bootstrap, raw, article_items(first)))
    wait_for(lambda: _alive(w1) and len(run(read_all(broker.bootstrap, [enriched_topic]))[enriched_topic]) >= 30,
             120, "30 articles enriched", interval=0.5)
    stopped_at = time.monotonic()
    assert w1.stop(signal.SIGTERM) == 0
    stop_seconds = time.monotonic() - stopped_at
    enriched_before = len(run(read_all(broker.bootstrap, [enriched_topic]))[enriched_topic])

    w1b = worker("w1b", "d1")  # same data dir
    start_all([w1b])
    records = wait_processed(broker, prefix, [w1b], {a["id"] for a in first}, 120)
    per_article = Counter(e["id"] for e in records[enriched_topic])
    reprocessed = sum(n - 1 for n in per_article.values())
    table = w1b.claims_table()
    assert w1b.stop() == 0

    shutil.rmtree(tmp_path / "d1")
    w2 = worker("w2", "d2")  # empty data dir: everything comes from the changelog
    start_all([w2])
    try:
        restored = w2.claims_table()
        run(produce_tracked(broker.bootstrap, raw, article_items(later)))
        records = wait_processed(broker, prefix, [w2], {a["id"] for a in articles}, 120)
        alerts = run(read_all(broker.bootstrap, [prefix + ALERTS_TOPIC]))[prefix + ALERTS_TOPIC]
    finally:
        assert w2.stop() == 0
    raised = Counter(a["alert_id"] for a in alerts)
    expected = expected_alert_ids(records[enriched_topic])
    report("sigterm-restart", enriched_at_sigterm=enriched_before, sigterm_exit_s=round(stop_seconds, 1),
           reprocessed_after_restart=reprocessed, alerts=len(raised),
           duplicate_alert_deliveries=sum(raised.values()) - len(raised),
           table_keys=len(table), restored_equal=restored == table)

    assert reprocessed <= BATCH_SIZE                       # at most the last uncommitted batch
    assert restored == table and table                     # rebuilt from the changelog
    assert expected and set(raised) == expected            # alerts after the restart: as without it
    assert sum(raised.values()) == len(raised)             # and none raised twice
    assert "Crashed" not in w1.log_text() + w1b.log_text() + w2.log_text()


# --- 3. bad input ------------------------------------------------------------------------------

FAIL_NLP, FAIL_EXTRACT = "FAIL-NLP-7f3a", "FAIL-EXTRACT-7f3a"

INJECT = f"""
import functools, sys
import processors.nlp as nlp_module
import processors.enrichment as enrichment

_load = nlp_module.load_nlp


class FailingNlp:
    '''The real pipeline, failing on texts that carry a marker (a spaCy failure).'''

    def __init__(self, nlp):
        self._nlp = nlp

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def __call__(self, text, *args, **kwargs):
        if {FAIL_NLP!r} in text:
            raise RuntimeError("injected spaCy failure")
        return self._nlp(text, *args, **kwargs)

    def pipe(self, texts, *args, **kwargs):
        texts = list(texts)
        if any({FAIL_NLP!r} in t for t in texts):
            raise RuntimeError("injected spaCy failure in nlp.pipe")
        return self._nlp.pipe(texts, *args, **kwargs)


@functools.lru_cache(maxsize=1)
def load_nlp():
    return FailingNlp(_load())


_extract = enrichment.extract


def extract(doc, article):
    if {FAIL_EXTRACT!r} in article.text:
        raise ValueError("injected extraction failure")
    return _extract(doc, article)


nlp_module.load_nlp = load_nlp
enrichment.extract = extract
from streams.cli import main
sys.exit(main(["worker"]))
"""


class FaultyWorker(Worker):
    """``claimwatch worker`` with faults patched in from outside (``python -c``; the product
    has no test hooks). By default spaCy / extraction fail on marked articles."""

    code = INJECT

    def start(self) -> Worker:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-c", self.code], env=self.env, stdout=log,
                                     stderr=subprocess.STDOUT, cwd=REPO)
        return self


class FatalWorker(FaultyWorker):
    """Publishing the dead letter of a record containing ``FATAL`` fails: an error outside
    per-record handling."""

    code = """
import sys
import streams.agents as agents

_record = agents.dead_letter_record


def dead_letter_record(**fields):
    if b"FATAL" in (fields.get("raw") or b""):
        raise RuntimeError("injected failure publishing a dead letter")
    return _record(**fields)


agents.dead_letter_record = dead_letter_record
from streams.cli import main
sys.exit(main(["worker"]))
"""


def test_a_failure_outside_record_handling_ends_the_worker_without_committing(
        embedded_broker, prefix, tmp_path):
    """The worker exits (70) at once; its batch was not committed, so the next worker
    processes all of it: nothing lost (Faust alone would ack the batch and stall)."""
    tag = uuid.uuid4().hex[:6]
    articles = [troop_report(f"{tag}-{i}", HOLDERS[i % 3], PLACES[i], 50_000, SPEAKERS[0], START)
                for i in range(10)]
    items = [(0, a["id"].encode(), orjson.dumps(a)) for a in articles]
    items.insert(5, (0, None, b"FATAL: not JSON"))
    broken = FatalWorker(embedded_broker.tansu_url, prefix, tmp_path / "w1", tmp_path / "w1.log")
    start_all([broken])
    run(produce_tracked(embedded_broker.bootstrap, prefix + RAW_TOPIC, items))
    assert broken.proc is not None
    wait_for(lambda: broken.proc.poll() is not None, 60, "the worker to exit")
    assert broken.proc.returncode == 70 and "injected failure" in broken.log_text()
    healthy = Worker(embedded_broker.tansu_url, prefix, tmp_path / "w2", tmp_path / "w2.log")
    start_all([healthy])
    try:
        records = wait_processed(embedded_broker, prefix, [healthy], {a["id"] for a in articles}, 60, dead=1)
        dead = records[prefix + DEADLETTER_TOPIC]
        assert [(d["reason"], d["partition"], d["offset"]) for d in dead] == [("invalid_json", 0, 5)]
        # a malformed claim is dead-lettered too, and its partition goes on
        key = "quantity|russia|troops|kursk"
        good = [claim(f"{tag}-a"), claim(f"{tag}-b", value_low=11000, value_high=11000)]
        claims = [(0, key.encode(), b"{garbage"), (0, b"\xff", orjson.dumps({"claim_id": "half"})),
                  *((0, key.encode(), orjson.dumps(c.to_wire())) for c in good)]
        placed = run(produce_tracked(embedded_broker.bootstrap, prefix + CLAIMS_TOPIC, claims))
        out = run(collect(embedded_broker.bootstrap, [prefix + ALERTS_TOPIC, prefix + DEADLETTER_TOPIC],
                          lambda r: len(r[prefix + ALERTS_TOPIC]) >= 1 and len(r[prefix + DEADLETTER_TOPIC]) >= 3,
                          timeout=60))
    finally:
        assert healthy.stop() == 0
    bad_claims = [d for d in out[prefix + DEADLETTER_TOPIC] if d["topic"] == prefix + CLAIMS_TOPIC]
    assert sorted((d["partition"], d["offset"]) for d in bad_claims) == placed[:2]
    assert all(d["reason"] == "processing_error" for d in bad_claims)
    assert len(out[prefix + ALERTS_TOPIC]) == 1


@dataclass
class Item:
    key: bytes | None
    value: bytes | None
    reason: str | None = None        # expected dead-letter reason; None: a valid article
    ident: str | None = None         # valid: article id
    body: str | None = None


NON_ENGLISH = (
    "Etwa 50.000 russische Soldaten sind in Kursk, sagte ein US-Beamter.",
    "据美国官员称，约有5万名俄罗斯军队在库尔斯克。",
    "Около 50 000 российских военных находятся в Курске, сообщил американский чиновник.",
    "قال مسؤول أمريكي إن نحو 50 ألف جندي روسي موجودون في كورسك.",
    "Environ 50 000 soldats russes sont à Koursk, a déclaré un responsable américain.",
)


def flood(total: int, *, huge: int, heavy: bool = False, seed: int = 7) -> list[Item]:
    """``total`` records, about one in five a valid article, the rest malformed in every way
    the parser knows, plus ``huge`` records of 5 MB and two articles whose NLP / extraction
    fails (injected); ``heavy`` adds a valid article whose enriched record (thousands of
    claims, each with its sentence) is too large to publish. Every article is dated 2024-11-09:
    an undated one would be dated by its Kafka timestamp (now), move the event-time watermark
    two years on, and the sweep would rightly expire every 2024 claim from the table."""
    import random

    rng = random.Random(seed)
    tag = uuid.uuid4().hex[:6]
    dumps = orjson.dumps
    bad_makers = [
        lambda i: (b"{not json " + str(i).encode(), "invalid_json"),
        lambda i: (b"", "invalid_json"),
        lambda i: (None, "invalid_json"),                                   # a tombstone
        lambda i: (f"plain text {i}".encode(), "invalid_json"),
        lambda i: (dumps([i, 2]), "not_an_object"),
        lambda i: (dumps(f"string {i}"), "not_an_object"),
        lambda i: (b"null", "not_an_object"),
        lambda i: (dumps({"id": f"{tag}-m{i}", "source": "X"}), "missing_field"),
        lambda i: (dumps({"id": f"{tag}-m{i}", "body": "Text."}), "missing_field"),
        lambda i: (dumps({"source": None, "body": "Text."}), "missing_field"),
        lambda i: (dumps({"source": "  ", "body": "Text."}), "missing_field"),
        lambda i: (dumps({"source": "X", "body": i}), "wrong_type"),
        lambda i: (dumps({"source": ["X"], "body": "Text."}), "wrong_type"),
        lambda i: (dumps({"source": "X", "body": "Text.", "title": {"t": i}}), "wrong_type"),
        lambda i: (dumps({"id": i, "source": "X", "body": "Text."}), "wrong_type"),
        lambda i: (dumps({"source": "X", "body": "Text.", "published_at": 1731150000}), "wrong_type"),
        lambda i: (dumps({"source": "X", "body": ""}), "empty_body"),
        lambda i: (dumps({"source": "X", "body": " \n\t "}), "empty_body"),
        lambda i: (dumps({"source": "X", "body": "Text.", "published_at": "yesterday"}), "invalid_published_at"),
        lambda i: (b'{"source": "X", "body": "caf\xe9 ' + str(i).encode() + b'"}', "invalid_utf8"),
        lambda i: (b"\xff\xfe\x00" + bytes(rng.randrange(256) for _ in range(40)), "invalid_utf8"),
    ]
    items: list[Item] = []
    for i in range(total):
        kind = rng.random()
        if kind < 0.8:
            value, reason = bad_makers[i % len(bad_makers)](i)
            key = b"\xff\xfe" if i % 13 == 0 else None                          # invalid UTF-8 key
            if value is None and key is None:
                key = f"{tag}-tombstone{i}".encode()                             # a tombstone has a key
            items.append(Item(key, value, reason))
            continue
        n, ident = 50_000, f"{tag}-v{i}"                  # all agree: few alerts
        body = f"About {n:,} {HOLDERS[i % len(HOLDERS)]} troops are in {PLACES[i % len(PLACES)]}, " \
               f"{SPEAKERS[i % len(SPEAKERS)]}. Dispatch {i}."
        article: dict[str, Any] = {"id": ident, "source": f"wire-{i % 5}", "body": body,
                                   "published_at": "2024-11-09T12:00:00Z"}
        variant = i % 5
        if variant == 1:
            article.update(extra={"nested": [1, 2, {"x": None}]}, tags=["a"], lang="en")   # unknown fields
        elif variant == 2:
            article["body"] = f"{NON_ENGLISH[i % len(NON_ENGLISH)]} ({i})"
        elif variant == 3:
            first = Item(ident.encode(), orjson.dumps(article), None, ident, article["body"])
            items.append(first)                                                    # the same id twice
            article["body"] = body + " Updated."
        key = b"\xff\xfe" if i % 17 == 0 else ident.encode()
        items.append(Item(key, orjson.dumps(article), None, ident, article["body"]))
    for j in range(huge):
        body = "5 MB of body. " * (5_000_000 // 14)
        items.insert(rng.randrange(len(items)), Item(f"{tag}-huge{j}".encode(),
                     orjson.dumps({"id": f"{tag}-huge{j}", "source": "X", "body": body}), "too_large"))
    too_long = orjson.dumps({"id": f"{tag}-long", "source": "X", "body": "word " * 40_001})
    items.insert(rng.randrange(len(items)), Item(None, too_long, "body_too_long"))
    if heavy:
        body = "About 50,000 Russian troops are in Kursk, officials said. " * 3300  # 195,000 chars
        items.insert(rng.randrange(len(items)), Item(None, orjson.dumps(
            {"id": f"{tag}-heavy", "source": "X", "body": body, "published_at": "2024-11-09T12:00:00Z"}),
            "processing_error"))
    for marker in (FAIL_NLP, FAIL_EXTRACT):
        ident = f"{tag}-{marker}"
        value = orjson.dumps({"id": ident, "source": "X", "published_at": "2024-11-09T12:00:00Z",
                              "body": f"About 50,000 Russian troops are in Kursk, officials said. {marker}"})
        items.insert(rng.randrange(len(items)), Item(ident.encode(), value, "processing_error"))
    return items


def check_flood(embedded_broker: EmbeddedBroker, prefix: str, tmp_path: Path, total: int, huge: int,
                timeout: float, name: str, heavy: bool = False) -> None:
    items = flood(total, huge=huge, heavy=heavy)
    worker = FaultyWorker(embedded_broker.tansu_url, prefix, tmp_path / "w", tmp_path / "w.log")
    start_all([worker])
    rss_ready = worker.rss_kb()
    try:
        started = time.monotonic()
        placed = run(produce_tracked(embedded_broker.bootstrap, prefix + RAW_TOPIC,
                                     [(None, item.key, item.value) for item in items]))
        bad = [(item, where) for item, where in zip(items, placed) if item.reason]
        valid = [item for item in items if item.reason is None]
        records = wait_processed(embedded_broker, prefix, [worker], {item.ident for item in valid},
                                 timeout, dead=len(bad))
        seconds = time.monotonic() - started
        _alive(worker)
        ready = worker.get("/ready")[0]
        rss_end = worker.rss_kb()
    finally:
        assert worker.stop() == 0
    enriched, dead = records[prefix + ENRICHED_TOPIC], records[prefix + DEADLETTER_TOPIC]
    by_origin = {(d["partition"], d["offset"]): d for d in dead}
    check = validator(DEADLETTER_TOPIC)
    reasons: Counter[str] = Counter()
    for item, (partition, offset) in bad:
        letter = by_origin.get((partition, offset))
        assert letter is not None, f"no dead letter for {item.reason} at {partition}@{offset}"
        assert letter["topic"] == prefix + RAW_TOPIC and letter["reason"] == item.reason, (letter, item.reason)
        assert letter["detail"] and letter["payload_size"] == len(item.value or b"")
        check.validate(strip(letter))
        assert len(orjson.dumps(strip(letter))) < 1_000_000
        payload = letter["payload"].encode() if letter["payload_encoding"] == "utf-8" \
            else base64.b64decode(letter["payload"])
        original = item.value or b""
        if letter["payload_truncated"]:
            assert len(original) > MAX_PAYLOAD_BYTES and original.startswith(payload) and payload
        else:
            assert payload == original
        reasons[item.reason] += 1
    assert len(dead) == len(bad)                                    # nothing valid dead-lettered
    seen = Counter((e["id"], e["body"]) for e in enriched)
    wanted = Counter((item.ident, item.body) for item in valid)
    assert not wanted - seen                                        # every valid article processed
    assert ready == 200 and "Crashed" not in worker.log_text()
    report(name, records=len(items), dead_letters=len(dead), valid=len(valid), enriched=len(enriched),
           reasons=dict(reasons), seconds=round(seconds, 1), rss_ready_mb=rss_ready // 1024,
           rss_end_mb=rss_end // 1024)


def test_flood_of_malformed_input_short(embedded_broker, prefix, tmp_path):
    check_flood(embedded_broker, prefix, tmp_path, total=1000, huge=1, timeout=240, name="flood-1000")


@pytest.mark.slow
@pytest.mark.timeout(2400)
def test_flood_of_malformed_input_10000(embedded_broker, prefix, tmp_path):
    check_flood(embedded_broker, prefix, tmp_path, total=10_000, huge=3, timeout=900, name="flood-10000",
                heavy=True)


class BrokenNlp:
    """A stand-in for spaCy that fails on some texts, in ``pipe`` and alone."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def memory_zone(self) -> Any:
        return self.nlp.memory_zone()

    def pipe(self, texts: Any, batch_size: int = 32) -> Any:
        texts = list(texts)
        if any("boom" in t for t in texts):
            raise RuntimeError("spaCy fell over")
        return self.nlp.pipe(texts, batch_size=batch_size)

    def __call__(self, text: str) -> Any:
        if "boom" in text:
            raise RuntimeError("spaCy fell over")
        return self.nlp(text)


def test_enricher_isolates_a_failing_article():
    from processors.nlp import load_nlp

    nlp = load_nlp()
    articles = [Article(id=f"a{i}", source="S", published_at=T0,
                        body=("boom. " if i == 2 else "") + "About 50,000 Russian troops are in Kursk, officials said.")
                for i in range(5)]
    results = Enricher(BrokenNlp(nlp)).enrich(articles)
    assert [r.article.id for r in results] == [a.id for a in articles]
    assert [r.error is not None for r in results] == [False, False, True, False, False]
    assert "RuntimeError" in (results[2].error or "")
    assert all(r.claims for i, r in enumerate(results) if i != 2)


def test_dead_letter_of_a_huge_record_is_truncated_and_points_at_the_original():
    raw = ("é" * 3_000_000).encode()                     # 6 MB of 2-byte characters
    letter = dead_letter_record(raw=raw, reason="too_large", detail="x" * 10_000, topic="t",
                                partition=3, offset=42, timestamp=1.7e9)
    data = letter.asdict()
    assert data["payload_truncated"] and data["payload_size"] == len(raw)
    assert data["payload_encoding"] == "utf-8" and raw.startswith(data["payload"].encode())
    assert len(data["payload"].encode()) <= MAX_PAYLOAD_BYTES and len(data["detail"]) <= 2000
    assert (data["partition"], data["offset"]) == (3, 42)
    assert len(letter.dumps()) < 200_000
    binary = dead_letter_record(raw=b"\xff" * 100_000, reason="invalid_utf8", detail="d", topic="t",
                                partition=0, offset=0, timestamp=None).asdict()
    assert binary["payload_encoding"] == "base64" and binary["payload_truncated"]
    assert base64.b64decode(binary["payload"]) == b"\xff" * MAX_PAYLOAD_BYTES


# --- 4. bounded state ----------------------------------------------------------------------


def test_sweep_deletes_keys_whose_newest_claim_is_older_than_retention_before_the_watermark():
    policy = DetectionPolicy(retention=timedelta(days=30))
    records = {
        "old": KeyRecord({"a": claim("a", key="old", published_at=T0 - timedelta(days=45)),
                          "b": claim("b", key="old", published_at=T0 - timedelta(days=31))}),
        "mixed": KeyRecord({"c": claim("c", key="mixed", published_at=T0 - timedelta(days=90)),
                            "d": claim("d", key="mixed", published_at=T0 - timedelta(days=29))}),
        "edge": KeyRecord({"e": claim("e", key="edge", published_at=T0 - timedelta(days=30))}),
        "empty": KeyRecord(),
        "new": KeyRecord({"f": claim("f", key="new", published_at=T0)}),
    }
    assert sorted(expired_keys(records, watermark=T0, retention=policy.retention)) == ["empty", "old"]
    removed = sweep(records, watermark=T0, retention=policy.retention)
    assert sorted(removed) == ["empty", "old"] and sorted(records) == ["edge", "mixed", "new"]
    assert sweep(records, watermark=T0, retention=policy.retention) == []           # idempotent
    assert sweep(records, watermark=T0 + timedelta(days=60), retention=policy.retention) and not records


def test_sweep_changes_no_alert_for_claims_arriving_in_event_time_order():
    """Sweeping before every claim (at the watermark) raises exactly the alerts of never
    sweeping, while it removes keys that went quiet for longer than retention."""
    policy = DetectionPolicy(retention=timedelta(days=10))
    period = dict(ref_start=T0, ref_end=T0 + timedelta(days=120))     # all about the same time
    days = {"steady": range(0, 100, 5), "bursty": [0, 4, 8, 40, 44, 48, 90], "once": [3]}
    claims = sorted((claim(f"{key}{d}", key=key, value_low=100 + 800 * (d % 2), value_high=100 + 800 * (d % 2),
                           published_at=T0 + timedelta(days=d), **period)
                     for key, ds in days.items() for d in ds), key=lambda c: c.published_at)
    plain: dict[str, KeyRecord] = {}
    swept: dict[str, KeyRecord] = {}
    alerts_plain, alerts_swept, removed = set(), set(), []
    for c in claims:
        alerts_plain |= {a.alert_id for a in observe_all([c], plain, policy, now=T0)}
        removed += sweep(swept, watermark=c.published_at, retention=policy.retention)
        alerts_swept |= {a.alert_id for a in observe_all([c], swept, policy, now=T0)}
    assert alerts_plain and alerts_plain == alerts_swept
    assert sorted(removed) == ["bursty", "bursty", "once"]
    assert len(swept) < len(plain) == 3


def burst_articles(count: int, run_id: str, step: timedelta) -> list[dict]:
    """Corpus articles, every other one replaced by a troop report on a new key."""
    articles = corpus_articles(count, run_id=run_id, start=START, step=step)
    combos = [(h, p) for p in PLACES for h in HOLDERS]
    for i in range(1, count, 2):
        holder, place = combos[(i // 2) % len(combos)]
        articles[i] = troop_report(articles[i]["id"], holder, place, 10_000 + i, SPEAKERS[i % len(SPEAKERS)],
                                   START + i * step)
    return articles


def test_burst_keeps_table_memory_and_group_bounded(embedded_broker, prefix, tmp_path):
    """The short soak and back-pressure run: 300 articles at once into one worker, one hour
    of event time apart, retention 2 days, a sweep every second."""
    retention, step = timedelta(days=2), timedelta(hours=1)
    articles = burst_articles(300, uuid.uuid4().hex[:6], step)
    env = {"CLAIMWATCH_RETENTION_DAYS": "2", "CLAIMWATCH_SWEEP_INTERVAL": "1"}
    worker = Worker(embedded_broker.tansu_url, prefix, tmp_path / "w", tmp_path / "w.log", **env)
    start_all([worker])
    enriched_topic = prefix + ENRICHED_TOPIC
    samples: list[tuple[int, int, int]] = []       # (articles enriched, RSS kB, table keys)
    try:
        rss_ready = worker.rss_kb()
        run(produce_tracked(embedded_broker.bootstrap, prefix + RAW_TOPIC, article_items(articles)))

        def sample() -> bool:
            _alive(worker)
            done = len({e["id"] for e in run(read_all(embedded_broker.bootstrap, [enriched_topic]))[enriched_topic]})
            samples.append((done, worker.rss_kb(), worker.table_keys()))
            return done == len(articles)

        wait_for(sample, 300, "the burst enriched", interval=1.0)
        enriched = run(read_all(embedded_broker.bootstrap, [enriched_topic]))[enriched_topic]
        newest: dict[str, datetime] = {}
        for record in enriched:
            for c in record["claims"]:
                moment = datetime.fromisoformat(c["published_at"].replace("Z", "+00:00"))
                newest[c["key"]] = max(newest.get(c["key"], moment), moment)
        watermark = START + (len(articles) - 1) * step
        live = {key for key, moment in newest.items() if moment >= watermark - retention}
        wait_for(lambda: set(worker.claims_table()) == live, 60, "the sweep to reach the watermark", 0.5)
        table = worker.claims_table()
        keys_metric = worker.table_keys()
        rss_end = worker.rss_kb()
        log = worker.log_text()
    finally:
        assert worker.stop() == 0
    # the sweep's tombstones are in the changelog: an empty data dir restores the swept table
    again = Worker(embedded_broker.tansu_url, prefix, tmp_path / "w2", tmp_path / "w2.log")
    start_all([again])
    try:
        restored = again.claims_table()
    finally:
        assert again.stop() == 0

    warm = [rss for done, rss, _ in samples if done >= len(articles) // 3]
    rss_warm = warm[0] if warm else rss_ready
    figures = dict(articles=len(articles), keys_seen=len(newest), table_keys_end=len(table),
                   table_keys_max=max(k for _, _, k in samples), rss_ready_mb=rss_ready // 1024,
                   rss_warm_mb=rss_warm // 1024, rss_max_mb=max(r for _, r, _ in samples) // 1024,
                   rss_end_mb=rss_end // 1024, rejoins=rejoins(log), late_timers=late_timers(log),
                   samples=len(samples))
    report("burst-soak-300", **figures)
    assert len(newest) >= 100 and len(table) <= len(newest) // 3   # keys left with their retention
    assert keys_metric == len(table) and restored == table
    assert all(len(ids) <= DetectionPolicy().max_claims_per_key for ids in table.values())
    # RSS swings by ~100 MB with the batch in flight (see the 5,000-article test below): one
    # sample against another says little in a run this short (a full CI run ended at 322 MB
    # after a warm 243, the same test alone at 243), so this run holds the per-worker bound
    # of the performance issue and growth over time is the slow test's to find
    assert max(r for _, r, _ in samples) <= 400 * 1024
    assert rejoins(log) == 1                                        # the group never rebalanced


@pytest.mark.slow
@pytest.mark.timeout(2400)
def test_burst_of_5000_articles_two_workers(embedded_broker, prefix, tmp_path):
    """5,000 corpus articles at once into two workers: memory stays flat once every corpus
    text has been seen, the group stable. RSS swings by ~100 MB with the batch in flight (which
    long articles meet in one ``nlp.pipe`` batch), so single samples, window peaks and
    ``VmHWM`` all jump by 10-15 % without any growth (they are reported); the test compares the
    median RSS of the last quarter of the samples after warm-up with the first quarter's."""
    articles = corpus_articles(5000, run_id=uuid.uuid4().hex[:6], start=START, step=MINUTE)
    workers = [Worker(embedded_broker.tansu_url, prefix, tmp_path / f"w{i}", tmp_path / f"w{i}.log")
               for i in (1, 2)]
    start_all(workers)
    enriched_topic = prefix + ENRICHED_TOPIC
    samples: list[tuple[int, list[int], list[int]]] = []   # (enriched, VmRSS kB, VmHWM kB) per worker
    try:
        rss_ready = [w.rss_kb() for w in workers]
        joins_before = [rejoins(w.log_text()) for w in workers]
        started = time.monotonic()
        run(produce_tracked(embedded_broker.bootstrap, prefix + RAW_TOPIC, article_items(articles)))
        produced_s = time.monotonic() - started

        def sample() -> bool:
            for w in workers:
                _alive(w)
            done = len({e["id"] for e in run(read_all(embedded_broker.bootstrap, [enriched_topic]))[enriched_topic]})
            samples.append((done, [w.rss_kb() for w in workers], [proc_status_kb(w.pid, "VmHWM") for w in workers]))
            return done == len(articles)

        wait_for(sample, 1800, "the burst enriched", interval=5.0)
        seconds = time.monotonic() - started
        logs = [w.log_text() for w in workers]
    finally:
        codes = [w.stop() for w in workers]
    corpus = len(CORPUS.read_bytes().splitlines())
    _, rss_warm, hwm_warm = next(s for s in samples if s[0] >= corpus)   # every text seen once
    _, rss_end, hwm_end = samples[-1]
    warm = [rss for done, rss, _ in samples if done >= corpus]
    quarter = max(1, len(warm) // 4)
    first_peak = [max(rss[i] for rss in warm[:quarter]) for i in range(2)]
    last_peak = [max(rss[i] for rss in warm[-quarter:]) for i in range(2)]
    first_median = [statistics.median(rss[i] for rss in warm[:quarter]) for i in range(2)]
    last_median = [statistics.median(rss[i] for rss in warm[-quarter:]) for i in range(2)]
    report("burst-5000", produced_s=round(produced_s, 1), processed_s=round(seconds, 1),
           articles_per_s=round(len(articles) / seconds, 1),
           rss_ready_mb=[r // 1024 for r in rss_ready], rss_warm_mb=[r // 1024 for r in rss_warm],
           rss_end_mb=[r // 1024 for r in rss_end], hwm_warm_mb=[r // 1024 for r in hwm_warm],
           hwm_end_mb=[r // 1024 for r in hwm_end], rss_first_quarter_peak_mb=[r // 1024 for r in first_peak],
           rss_last_quarter_peak_mb=[r // 1024 for r in last_peak],
           rss_first_quarter_median_mb=[int(r // 1024) for r in first_median],
           rss_last_quarter_median_mb=[int(r // 1024) for r in last_median],
           rebalances=[rejoins(log) - before for log, before in zip(logs, joins_before)],
           late_timers=[late_timers(log) for log in logs])
    assert codes == [0, 0]
    assert [rejoins(log) for log in logs] == joins_before           # no rebalance during the burst
    assert all(last_median[i] <= first_median[i] * 1.15 for i in range(2))  # no growth once warm


# --- stalls: records dropped unread are fetched again; a hung agent is reported ----------------

def patched_worker(tmp_path: Path, broker: EmbeddedBroker, prefix: str, patch: str, *,
                   stall_seconds: float) -> Worker:
    """A started, ready worker with ``patch`` run at its start-up (as ``sitecustomize``)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(patch)
    worker = Worker(broker.tansu_url, prefix, tmp_path / "data", tmp_path / "w.log",
                    PYTHONPATH=f"{hook}{os.pathsep}{REPO}", CLAIMWATCH_STALL_SECONDS=str(stall_seconds))
    start_all([worker])
    return worker


HANG_ENRICH = '''
import asyncio
from streams import agents

async def _hang(self, articles):
    await asyncio.Event().wait()   # an NLP call that never returns

agents.NlpRunner.enrich = _hang
'''


def test_a_worker_whose_input_stops_moving_reports_a_stall(tmp_path, embedded_broker, prefix):
    """The stall watch (streams/stall.py), driven by a real stall: the enrich agent hangs
    (injected through ``sitecustomize``), so the raw partitions' committed offsets stop."""
    worker = patched_worker(tmp_path, embedded_broker, prefix, HANG_ENRICH, stall_seconds=3)
    try:
        assert worker.get("/health")[0] == 200
        articles = conflict_mix(12, run_id=uuid.uuid4().hex[:6], start=START, step=MINUTE, keys=2)
        run(produce_tracked(embedded_broker.bootstrap, prefix + RAW_TOPIC, article_items(articles)))

        def stalled() -> bool:
            status, body = worker.get("/ready")
            return status == 503 and b"input stalled" in body
        wait_for(stalled, 60, "/ready to report the stall", interval=0.5)
        reason = orjson.loads(worker.get("/ready")[1])["reason"]
        assert re.fullmatch(r"input stalled: .*\(\d+ waiting, no progress for \d+ s\).*", reason), reason
        assert prefix + RAW_TOPIC in reason
        status, body = worker.get("/health")
        assert status == 503 and orjson.loads(body)["status"] == "stalled"
        assert worker.metrics()[("claimwatch_stalled_partitions", ())] >= 1
        assert "ERROR" in worker.log_text() and "input stalled" in worker.log_text()
        # the seek was tried and could not help: the agent itself hangs
        assert worker.metrics()[("claimwatch_stall_reseeks_total", ())] >= 1
        assert worker.get("/ready")[0] == 503
    finally:
        worker.stop(signal.SIGKILL)   # a hung batch blocks a graceful stop (streams/agents.py)


SKIP_RAW_0 = '''
import os
from faust.transport import consumer
from faust.types import TP

_perform_seek = consumer.Consumer.perform_seek
_skipped = []

async def perform_seek(self):
    """After the first assignment, Faust believes it has read far into articles.raw[0]:
    the way a rebalance leaves a partition whose records are fetched and dropped unseen."""
    await _perform_seek(self)
    if not _skipped:
        tp = TP(os.environ["CLAIMWATCH_TOPIC_PREFIX"] + "articles.raw", 0)
        self._read_offset[tp] = 10**9
        _skipped.append(tp)

consumer.Consumer.perform_seek = perform_seek
'''


def test_a_partition_whose_records_are_dropped_unread_is_fetched_again(tmp_path, embedded_broker, prefix):
    """The stall watch's first step, driven by a real fetch-side stall: Faust's read offset of
    one partition is pushed past its records (injected through ``sitecustomize``), so it drops
    them as already read. The watch seeks the partition back to its committed offset and every
    article comes out."""
    worker = patched_worker(tmp_path, embedded_broker, prefix, SKIP_RAW_0, stall_seconds=8)
    try:
        articles = conflict_mix(16, run_id=uuid.uuid4().hex[:6], start=START, step=MINUTE, keys=2)
        placed = run(produce_tracked(embedded_broker.bootstrap, prefix + RAW_TOPIC, article_items(articles)))
        assert any(partition == 0 for partition, _ in placed)
        wait_processed(embedded_broker, prefix, [worker], {a["id"] for a in articles}, 90)
        log = worker.log_text()
        assert f"stalled {prefix}{RAW_TOPIC}[0]: read offset 1000000000" in log
        assert worker.metrics()[("claimwatch_stall_reseeks_total", ())] >= 1
        wait_for(lambda: worker.get("/ready")[0] == 200, 30, "the stall to clear", interval=0.5)
        assert worker.metrics()[("claimwatch_stalled_partitions", ())] == 0
    finally:
        assert worker.stop() == 0
