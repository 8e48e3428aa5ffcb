"""Driving real worker processes against the embedded broker, with deadlines (no sleeps)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import random
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from prometheus_client.parser import text_string_to_metric_families

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.1) -> None:
    """Poll ``condition`` until it holds; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


class Worker:
    """``claimwatch worker`` as a child process with its own data dir and web port."""

    def __init__(self, broker_url: str, prefix: str, data_dir: Path, log_path: Path, **env: str) -> None:
        self.web_port = free_port()
        self.data_dir = data_dir
        self.log_path = log_path
        self.env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "CLAIMWATCH_BROKER": broker_url,
            "CLAIMWATCH_APP_ID": f"{prefix}app",
            "CLAIMWATCH_TOPIC_PREFIX": prefix,
            "CLAIMWATCH_PARTITIONS": "4",
            "CLAIMWATCH_SESSION_TIMEOUT": "10",
            "CLAIMWATCH_DATA_DIR": str(data_dir),
            "CLAIMWATCH_WEB_PORT": str(self.web_port),
            "CLAIMWATCH_BATCH_WAIT": "0.1",
            **env,
        }
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Worker:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], env=self.env,
                                     stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}{path}", timeout=5) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except OSError:
            return 0, b""

    def wait_ready(self, timeout: float = 90.0) -> Worker:
        def ready() -> bool:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode}:\n{self.log_tail()}")
            return self.get("/ready")[0] == 200
        wait_for(ready, timeout, f"worker on port {self.web_port} to be ready")
        return self

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"worker did not stop in {timeout}s:\n{self.log_tail()}")

    def log_tail(self, size: int = 4000) -> str:
        return self.log_path.read_bytes()[-size:].decode("utf-8", "replace")

    def log_text(self) -> str:
        return self.log_path.read_bytes().decode("utf-8", "replace")

    def rss_kb(self) -> int:
        """Resident set size now (``VmRSS`` from ``/proc/PID/status``), in kB."""
        return proc_status_kb(self.pid, "VmRSS")

    def metrics(self) -> dict[tuple[str, tuple], float]:
        """``GET /metrics`` parsed with prometheus-client's parser: (name, labels) → value."""
        status, body = self.get("/metrics")
        assert status == 200, f"/metrics answered {status}"
        return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
                for family in text_string_to_metric_families(body.decode())
                for sample in family.samples}

    def table_keys(self) -> int:
        """``claimwatch_table_keys`` of this worker (its active partitions)."""
        return int(sum(v for (name, _), v in self.metrics().items() if name == "claimwatch_table_keys"))

    def claims_table(self) -> dict[str, list[str]]:
        """``GET /tables/claims``: claim key → claim ids on record (active partitions)."""
        status, body = self.get("/tables/claims")
        return orjson.loads(body) if status == 200 else {}


def proc_status_kb(pid: int, field: str) -> int:
    """A ``kB`` field of ``/proc/PID/status`` (``VmRSS``, ``VmHWM``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


async def produce(bootstrap: str, topic: str, items: Iterable[tuple[bytes | None, bytes]]) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=16 * 1024 * 1024)
    await producer.start()
    count = 0
    try:
        for key, value in items:
            await producer.send(topic, value, key=key)
            count += 1
        await producer.flush()
    finally:
        await producer.stop()
    return count


async def collect(
    bootstrap: str,
    topics: list[str],
    until: Callable[[dict[str, list[dict]]], bool],
    timeout: float,
) -> dict[str, list[dict]]:
    """Read ``topics`` from the beginning (plain aiokafka, no group) until ``until(records)``
    holds; records are decoded JSON values with ``_key``, ``_partition``, ``_offset`` added."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                fetch_max_wait_ms=100, auto_offset_reset="earliest")
    await consumer.start()
    records: dict[str, list[dict]] = defaultdict(list)
    try:
        await consumer.topics()
        partitions = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
        assert {tp.topic for tp in partitions} == set(topics), "create the topics first"
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        deadline = time.monotonic() + timeout
        while not until(records):
            if time.monotonic() > deadline:
                counts = {t: len(v) for t, v in records.items()}
                raise AssertionError(f"timed out after {timeout:.0f}s; got {counts}")
            batch = await consumer.getmany(timeout_ms=200)
            for tp, messages in batch.items():
                for message in messages:
                    value = orjson.loads(message.value)
                    value.update(_key=message.key, _partition=tp.partition, _offset=message.offset,
                                 _timestamp=message.timestamp / 1000)
                    records[tp.topic].append(value)
    finally:
        await consumer.stop()
    return records


async def produce_tracked(
    bootstrap: str, topic: str, items: Iterable[tuple[int | None, bytes | None, bytes | None]]
) -> list[tuple[int, int]]:
    """Publish (partition, key, value) items (partition None: by key); return each item's
    (partition, offset), failing on any delivery error."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=16 * 1024 * 1024,
                                linger_ms=5)
    await producer.start()
    try:
        futures = [await producer.send(topic, value, key=key, partition=partition)
                   for partition, key, value in items]
        metadata = await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return [(m.partition, m.offset) for m in metadata]


async def read_all(bootstrap: str, topics: Sequence[str], timeout: float = 60.0) -> dict[str, list[dict]]:
    """Every record now in ``topics``, read from the beginning up to the end offsets taken
    from Fetch high-water marks (Tansu's ListOffsets(LATEST) is wrong). Records as ``collect``."""
    from streams.tansu_transport import fetch_highwaters

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                fetch_max_wait_ms=100, auto_offset_reset="earliest",
                                max_partition_fetch_bytes=8 * 1024 * 1024)
    await consumer.start()
    records: dict[str, list[dict]] = defaultdict(list)
    try:
        await consumer.topics()
        partitions = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
        ends = await fetch_highwaters(consumer, partitions)
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        position = {tp: 0 for tp in partitions}
        deadline = time.monotonic() + timeout
        while any(position[tp] < ends[tp] for tp in partitions):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out reading {list(topics)} to their ends")
            batch = await consumer.getmany(timeout_ms=200)
            for tp, messages in batch.items():
                for message in messages:
                    if message.offset >= ends[tp]:
                        continue
                    value = orjson.loads(message.value)
                    value.update(_key=message.key, _partition=tp.partition, _offset=message.offset,
                                 _timestamp=message.timestamp / 1000)
                    records[tp.topic].append(value)
                    position[tp] = message.offset + 1
    finally:
        await consumer.stop()
    return records


def run(coro):
    return asyncio.run(coro)


# --- inputs ---------------------------------------------------------------------------------

CORPUS = Path("/work/shared/corpus/fnc1-train-articles.jsonl")

PLACES = ("Kursk", "Belgorod", "Kharkiv", "Donetsk", "Luhansk", "Kherson", "Zaporizhzhia", "Bakhmut",
          "Avdiivka", "Odesa", "Crimea", "Minsk", "Grodno", "Aleppo", "Idlib", "Homs", "Damascus",
          "Mosul", "Kirkuk", "Basra", "Tripoli", "Benghazi", "Khartoum", "Darfur", "Kabul",
          "Kandahar", "Gaza", "Rafah", "Beirut", "Sanaa", "Aden", "Goma", "Mogadishu", "Niamey",
          "Caracas")
HOLDERS = ("Russian", "Ukrainian", "American", "British", "French", "Turkish", "Iranian", "Chinese",
           "Israeli", "Syrian")
SPEAKERS = ("a U.S. official said", "the Pentagon said", "Ukraine's military said", "the Kremlin said",
            "Reuters reported", "officials said")


def iso_z(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def corpus_articles(count: int, *, run_id: str, start: datetime, step: timedelta,
                    path: Path = CORPUS) -> list[dict[str, Any]]:
    """``count`` articles cycling the corpus, each with a fresh id (``{run_id}-{i}``) and a
    ``published_at`` advancing by ``step`` from ``start``."""
    lines = path.read_bytes().splitlines()
    articles = []
    for i in range(count):
        article = orjson.loads(lines[i % len(lines)])
        article.update(id=f"{run_id}-{i}", published_at=iso_z(start + i * step))
        articles.append(article)
    return articles


def troop_report(article_id: str, holder: str, place: str, number: int, speaker: str,
                 published_at: datetime) -> dict[str, Any]:
    """A one-sentence article the extractors turn into the claim
    ``quantity|<holder's country>|troops|<place>``."""
    return {"id": article_id, "source": f"wire-{SPEAKERS.index(speaker) if speaker in SPEAKERS else 0}",
            "title": "",
            "body": f"About {number:,} {holder} troops are in {place}, {speaker}.",
            "published_at": iso_z(published_at)}


def conflict_mix(count: int, *, run_id: str, start: datetime, step: timedelta, every: int = 4,
                 keys: int = 20, seed: int = 0) -> list[dict[str, Any]]:
    """Corpus articles with a troop report every ``every``-th article, on one of ``keys``
    keys: mostly the same number (they agree), sometimes far lower or higher (they contradict
    the others). All within one day of event time per 1,440 ``step``s of a minute."""
    rng = random.Random(seed)
    articles = corpus_articles(count, run_id=run_id, start=start, step=step)
    combos = [(holder, place) for place in PLACES for holder in HOLDERS[:2]][:keys]
    for i in range(0, count, every):
        holder, place = combos[rng.randrange(len(combos))]
        number = rng.choices((50_000, 20_000, 90_000), weights=(8, 1, 1))[0]
        articles[i] = troop_report(f"{run_id}-{i}", holder, place, number,
                                   SPEAKERS[rng.randrange(len(SPEAKERS))], start + i * step)
    return articles


def article_items(articles: Sequence[dict[str, Any]], partitions: int = 4
                  ) -> list[tuple[int, bytes, bytes]]:
    """(partition, key, value) items for ``produce_tracked``: article ``i`` on partition
    ``i % partitions``, keyed by its id."""
    return [(i % partitions, a["id"].encode(), orjson.dumps(a)) for i, a in enumerate(articles)]
