"""The worker's web server: /health, /ready, the live page's files and its event stream."""

from __future__ import annotations

import asyncio
import time
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Iterator

import aiohttp
import orjson
import pytest
from faust.types import TP

from processors.contradictions import DetectionPolicy, observe_all
from processors.model import Claim
from schemas.records import AlertRecord
from streams import live
from streams.app import ALERTS_TOPIC, CLAIMS_TOPIC, DEADLETTER_TOPIC, ENRICHED_TOPIC, RAW_TOPIC, create_app
from streams.embedded_broker import EmbeddedBroker
from streams.kafka_io import ensure_topics
from streams.metrics import Metrics
from streams.settings import Settings
from streams.stall import Offsets, StallWatch
from streams.web import readiness
from tests.factories import claim, event
from tests.harness import Worker, collect, produce, run, wait_for

TOPICS = (RAW_TOPIC, ENRICHED_TOPIC, CLAIMS_TOPIC, ALERTS_TOPIC, DEADLETTER_TOPIC)
READINESS_REASONS = {"rebalancing", "table recovery in progress", "no partitions assigned"}


def quoted(claim_id: str, source: str, sentence: str, span: str, *, sentence_start: int = 40,
           kind: str = "quantity", **overrides: Any) -> Claim:
    """A claim whose offsets point at ``span`` inside ``sentence`` (which starts at
    ``sentence_start`` in its article), as extraction makes them."""
    at = sentence_start + sentence.index(span)
    values: dict[str, Any] = dict(source=source, article_id=f"{claim_id.split('-')[0]}-2024-11-09-{claim_id.split('-')[-1]}",
                                  sentence=sentence, sentence_start=sentence_start,
                                  sentence_end=sentence_start + len(sentence), span_start=at,
                                  span_end=at + len(span), span_text=span)
    values.update(overrides)
    if kind == "event":
        return event(claim_id, values.pop("polarity"), **values)
    return claim(claim_id, **values)


def kursk_claims() -> list[Claim]:
    """Two numeric contradictions' worth of claims about Russian troops in Kursk."""
    return [
        quoted("reuters-1", "Reuters", "About 50,000 Russian troops are now deployed in the Kursk "
               "region, a senior U.S. official told reporters.", "About 50,000",
               speaker="a senior U.S. official", side="united states", value_low=45000.0, value_high=55000.0),
        quoted("tass-1", "TASS", "Russia's defence ministry said that no more than 20,000 Russian "
               "troops are taking part in the operation in the Kursk region.", "no more than 20,000",
               speaker="Russia's defence ministry", side="russia", value_low=20000.0, value_high=20000.0),
    ]


def call_claims() -> list[Claim]:
    """A polarity contradiction: a reported Trump–Putin call, and the Kremlin's denial."""
    return [
        quoted("wapo-1", "Washington Post", "Donald Trump held a phone call with Vladimir Putin on "
               "Thursday, according to people familiar with the conversation.", "held a phone call",
               kind="event", polarity="asserted", speaker="people familiar with the conversation",
               side="washington post"),
        quoted("interfax-1", "Interfax", "Kremlin spokesman Dmitry Peskov said the call never took "
               "place and called the report “pure fiction”.", "never took place",
               kind="event", polarity="denied", speaker="Dmitry Peskov", side="russia"),
    ]


def claim_items(claims: list[Claim]) -> list[tuple[bytes, bytes]]:
    return [(c.key.encode(), orjson.dumps(c.to_wire())) for c in claims]


def alert_items(claims: list[Claim]) -> list[tuple[bytes, bytes]]:
    """The alerts the detector raises over ``claims``, as records of the alerts topic (for
    tests of subscribers that need no worker)."""
    alerts = observe_all(claims, {}, DetectionPolicy(), now=datetime.now(timezone.utc))
    return [(a.key.encode(), AlertRecord.from_data(a.to_wire()).dumps()) for a in alerts]


def new_prefix(broker: EmbeddedBroker) -> str:
    name = f"t{uuid.uuid4().hex[:8]}-"
    run(ensure_topics(broker.url, [name + t for t in TOPICS], 4))
    return name


class EventStream:
    """A client of ``GET /live/events``: ``(event, decoded data)`` pairs, read with deadlines."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.events: list[tuple[str, Any]] = []

    async def __aenter__(self) -> EventStream:
        self._session = aiohttp.ClientSession()
        self._response = await self._session.get(self.url)
        assert self._response.status == 200
        assert self._response.headers["Content-Type"].startswith("text/event-stream")
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._response.close()
        await self._session.close()

    async def until(self, condition: Callable[[list[tuple[str, Any]]], bool],
                    timeout: float) -> list[tuple[str, Any]]:
        deadline, name = time.monotonic() + timeout, "message"
        while not condition(self.events):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out after {timeout:.0f}s; got {[e for e, _ in self.events]}")
            line = (await asyncio.wait_for(self._response.content.readline(), left)).decode()
            if not line:
                raise AssertionError(f"the stream ended; got {[e for e, _ in self.events]}")
            line = line.rstrip("\n")
            if line.startswith("event: "):
                name = line[len("event: "):]
            elif line.startswith("data: "):
                self.events.append((name, orjson.loads(line[len("data: "):])))
            elif not line:
                name = "message"
        return self.events


def named(name: str) -> Callable[[list[tuple[str, Any]]], bool]:
    return lambda events: any(n == name for n, _ in events)


def alerts_in(events: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for name, data in events:
        found.extend(data["alerts"] if name == "snapshot" else [data] if name == "alert" else [])
    return found


@pytest.fixture(scope="module")
def worker(embedded_broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    """One worker for the module, started but not waited for (the first test watches /ready)."""
    prefix = new_prefix(embedded_broker)
    tmp = tmp_path_factory.mktemp("web")
    started = Worker(embedded_broker.tansu_url, prefix, tmp / "data", tmp / "worker.log").start()
    started.prefix = prefix  # type: ignore[attr-defined]
    yield started
    assert started.stop(timeout=30) == 0, started.log_tail()


def test_ready_is_503_with_its_reason_until_the_worker_serves(worker: Worker) -> None:
    answers: list[tuple[int, dict[str, Any]]] = []

    def ready() -> bool:
        assert worker.proc is not None and worker.proc.poll() is None, worker.log_tail()
        status, body = worker.get("/ready")
        if status:
            answers.append((status, orjson.loads(body)))
        return status == 200

    # Joining the group alone takes session_timeout / 2 (5 s here): /ready answers before that.
    wait_for(ready, 90, "GET /ready to answer 200", interval=0.05)
    not_ready = [body for status, body in answers if status == 503]
    assert not_ready, f"never saw a 503 before readiness: {answers[:3]}"
    assert answers[0][0] == 503
    assert all(body["ready"] is False and body["reason"] in READINESS_REASONS for body in not_ready)
    assert answers[-1] == (200, {"ready": True})
    assert worker.get("/health") == (200, b'{"status":"ok"}')


def test_readiness_names_the_first_thing_missing() -> None:
    def app(rebalancing: bool = False, recovered: bool = True, assigned: bool = True) -> Any:
        done = asyncio.Event()
        if recovered:
            done.set()
        return SimpleNamespace(app=SimpleNamespace(
            rebalancing=rebalancing,
            tables=SimpleNamespace(recovery=SimpleNamespace(completed=done)),
            consumer=SimpleNamespace(assignment=lambda: {("t", 0)} if assigned else set())))

    assert readiness(app()) is None
    assert readiness(app(rebalancing=True, recovered=False)) == "rebalancing"
    assert readiness(app(recovered=False)) == "table recovery in progress"
    assert readiness(app(assigned=False)) == "no partitions assigned"
    watch = StallWatch(after=60)
    watch.update({TP("articles.raw", 1): Offsets(next=4, end=9)}, now=0)
    assert readiness(app(), watch) is None
    watch.update({TP("articles.raw", 1): Offsets(next=4, end=9)}, now=75)
    assert readiness(app(), watch) == "input stalled: articles.raw[1] (5 waiting, no progress for 75 s)"


def test_the_page_and_its_files_are_served_with_a_strict_policy(worker: Worker) -> None:
    worker.wait_ready()
    status, page = worker.get("/")
    assert status == 200 and b'<script src="/static/live.js" defer></script>' in page
    with urllib.request.urlopen(f"http://127.0.0.1:{worker.web_port}/") as response:
        policy = response.headers["Content-Security-Policy"]
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    for name in ("live.js", "live.css", "favicon.svg"):
        status, body = worker.get(f"/static/{name}")
        assert status == 200 and body == (Path(live.__file__).parent / "static" / name).read_bytes()
    assert worker.get("/static/web.py")[0] == 404
    assert worker.get("/static/..%2Fweb.py")[0] == 404
    assert b"innerHTML" not in worker.get("/static/live.js")[1]


def test_alerts_reach_page_clients_live_and_in_the_snapshot(embedded_broker: EmbeddedBroker,
                                                            worker: Worker) -> None:
    worker.wait_ready()
    prefix: str = worker.prefix  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{worker.web_port}/live/events"

    async def scenario() -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
        async with EventStream(url) as connected:
            await connected.until(named("stats"), timeout=30)  # snapshot, then the counters
            await produce(embedded_broker.bootstrap, prefix + CLAIMS_TOPIC,
                          claim_items(kursk_claims() + call_claims()))
            live_events = await connected.until(lambda e: len(alerts_in(e)) >= 2, timeout=60)
        # the same alert again (at-least-once delivery), then a new client: one copy, in its snapshot
        records = await collect(embedded_broker.bootstrap, [prefix + ALERTS_TOPIC],
                                lambda r: len(r[prefix + ALERTS_TOPIC]) >= 2, timeout=30)
        copy = {k: v for k, v in records[prefix + ALERTS_TOPIC][0].items() if not k.startswith("_")}
        await produce(embedded_broker.bootstrap, prefix + ALERTS_TOPIC, [(copy["key"].encode(), orjson.dumps(copy))])
        async with EventStream(url) as later:
            return live_events, await later.until(named("stats"), timeout=30)

    live_events, later = run(scenario())
    names = [name for name, _ in live_events]
    assert names[:2] == ["snapshot", "stats"] and names.count("alert") == 2
    streamed = alerts_in(live_events)
    assert {a["type"] for a in streamed} == {"numeric", "polarity"}
    snapshot = alerts_in(later)
    assert sorted(a["alert_id"] for a in snapshot) == sorted(a["alert_id"] for a in streamed)
    stats = dict(later)["stats"]
    assert stats["ready"] is True and stats["alerts"] == 2 and stats["deadlettered"] == 0
    assert {"consumed", "articles_per_second", "lag", "lag_by_topic", "deadlettered_by_reason"} <= set(stats)
    status, body = worker.get("/live/alerts")
    assert status == 200 and len(orjson.loads(body)["alerts"]) == 2


def stop_with_a_page_open(worker: Worker) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{worker.web_port}/live/events", timeout=30) as stream:
        assert stream.readline() == b"retry: %d\n" % live.RETRY_MS
        assert worker.stop(timeout=30) == 0, worker.log_tail()
        stream.read()  # the server ended the stream (else: a timeout error)


def test_a_page_open_before_readiness_does_not_hold_up_a_stop(embedded_broker: EmbeddedBroker,
                                                              tmp_path: Path) -> None:
    early = Worker(embedded_broker.tansu_url, new_prefix(embedded_broker), tmp_path / "data",
                   tmp_path / "worker.log").start()
    try:
        wait_for(lambda: early.get("/health")[0] == 200, 60, "the web server")
        stop_with_a_page_open(early)  # seconds before it is ready: the live feed has not started
    finally:
        early.stop(timeout=30)


def test_an_open_page_does_not_hold_up_shutdown(worker: Worker) -> None:
    worker.wait_ready()
    stop_with_a_page_open(worker)


def test_feed_keeps_the_newest_alerts_drops_duplicates_and_slow_clients() -> None:
    cw = create_app(Settings(broker="kafka://127.0.0.1:9", web_enabled=False))
    feed = live.LiveFeed(cw, Metrics(), keep=2)

    def alert(n: int) -> dict[str, Any]:
        return {"alert_id": f"a{n}", "detected_at": f"2024-11-09T12:00:0{n}Z", "type": "numeric"}

    client = feed.subscribe()
    assert [feed.add(alert(n)) for n in (2, 1, 3)] == [True, True, True]
    assert feed.add(alert(3)) is False and feed.add({"no": "id"}) is False
    assert [a["alert_id"] for a in feed.snapshot()] == ["a2", "a3"]  # a1 was the oldest
    frames = [client.queue.get_nowait() for _ in range(client.queue.qsize())]
    assert frames[0].startswith(b"retry: ") and frames[1].startswith(b"event: snapshot\n")
    assert [f.split(b'"alert_id":"')[1][:2] for f in frames if f.startswith(b"event: alert")] == [b"a2", b"a1", b"a3"]
    # a client that stops reading is cut off (and reconnects) rather than slowing the feed
    for n in range(live.CLIENT_QUEUE + 1):
        feed.add(alert(10 + n) | {"detected_at": f"2024-11-10T{n // 60:02d}:{n % 60:02d}:00Z"})
    assert client.queue.get_nowait() is None
    assert feed.subscribe().queue.qsize() == 3  # retry, snapshot, stats
