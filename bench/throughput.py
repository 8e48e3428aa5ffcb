"""Throughput, latency and memory of claimwatch against its ceiling, spaCy alone.

    python -m bench.throughput [--articles N] [--quick] [--repeat R] [--profile]

All on this machine, in one run, over the same texts (default corpus:
``/work/shared/corpus/fnc1-train-articles.jsonl``):

1. spaCy alone: ``nlp.pipe`` with the pipeline of ``processors.nlp.load_nlp()``, in 1 process
   and in 2 independent processes (each half of the texts, started together) — the ceiling;
   ``nlp.pipe(n_process=2)`` as a reference.
2. The processors alone (no Kafka): ``Enricher`` + ``observe_all`` over a ``dict``, plus what
   the stream adds per record in Python (record construction, validation, orjson).
3. The full stream on the embedded broker with 1 and 2 ``claimwatch worker`` processes:
   articles/s and words/s from the first produce to the last enriched record (Kafka
   timestamps), and the naive pattern (``bench.naive_app``: ``nlp()`` per message) likewise.
4. Latency at 50 % of the measured 1-worker capacity: corpus articles (fresh ids) paced for
   ``--latency-seconds`` on the warm 1-worker stream, plus contradiction "probe" pairs (short
   articles that the current extractors turn into an alert, each pair in its own reference
   period) every ``--probe-interval`` s; p50/p95/p99 from an article's Kafka timestamp to its
   enriched record's and to its alert's Kafka timestamp (the corpus itself raises no alerts).
5. Peak RSS (``VmHWM``) of every worker.

Prints a table and writes ``bench/results/throughput-<time>.json``. Words are
``len(article.text.split())``. Each spawned process's CPU time is read from ``/proc`` so the
table shows how many cores a configuration really used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing as mp
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import orjson

from streams.settings import Settings

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "fnc1-train-articles.jsonl"
PARTITIONS = 4
CLK_TCK = os.sysconf("SC_CLK_TCK")

# Contradiction probes: (source, body) pairs; the ones the current extractors actually turn
# into an alert are used (checked at start-up with the processors, in a child process).
PROBE_CANDIDATES: list[tuple[tuple[str, str], tuple[str, str]]] = [
    (("Reuters", "About 50,000 Russian troops are deployed in the Kursk region, a senior U.S. "
                 "official told reporters on Monday."),
     ("TASS", "Russia's defence ministry said on Monday that 20,000 Russian troops are deployed "
              "in the Kursk region.")),
    (("Associated Press", "Ukrainian officials said Russia had about 11,000 troops in the Kursk "
                          "region."),
     ("BBC", "Russia has 60,000 troops in the Kursk region, Ukrainian officials said.")),
    (("Washington Post", "Donald Trump held a phone call with Vladimir Putin on Thursday, "
                         "according to people familiar with the conversation."),
     ("Interfax", "Kremlin spokesman Dmitry Peskov denied that Vladimir Putin and Donald Trump "
                  "had a phone call on Thursday.")),
    (("Ukrinform", "Ukraine's interior ministry said 12 people were killed in a Russian missile "
                   "strike on Zaporizhzhia on Monday."),
     ("RIA Novosti", "Russian-installed officials said 3 people were killed in the strike on "
                     "Zaporizhzhia on Monday.")),
]
PROBE_EPOCH = datetime(2001, 1, 1, tzinfo=timezone.utc)
PROBE_SPACING = timedelta(days=8)  # pairs never share a reference period (slack 1 day)


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Item:
    id: str
    payload: bytes
    words: int
    row: dict[str, Any]


def load_corpus(path: Path, limit: int | None) -> list[Item]:
    from processors.articles import Rejection, article_from_dict

    now = datetime.now(timezone.utc)
    items = []
    with path.open("rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = orjson.loads(line)
            article = article_from_dict(row, fallback_time=now)
            if isinstance(article, Rejection):
                continue
            items.append(Item(article.id, line.strip(), len(article.text.split()), row))
            if limit and len(items) >= limit:
                break
    return items


def texts_of(items: Sequence[Item]) -> list[str]:
    from processors.articles import article_from_dict

    now = datetime.now(timezone.utc)
    return [article_from_dict(i.row, fallback_time=now).text for i in items]  # type: ignore[union-attr]


# --------------------------------------------------------------------------- /proc


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def vm_kb(pid: int, name: str = "VmHWM") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def self_peak_rss_mb() -> float:
    return vm_kb(os.getpid()) / 1024


# --------------------------------------------------------------------------- children (spawned)


def _warm(nlp: Any, texts: Sequence[str]) -> None:
    for _ in nlp.pipe(list(texts[:8]), batch_size=8):
        pass


def _child_spacy(texts: list[str], batch_size: int, n_process: int, barrier: Any, queue: Any) -> None:
    from processors.nlp import load_nlp

    nlp = load_nlp()
    _warm(nlp, texts)
    if barrier is not None:
        barrier.wait()
    cpu0, started = time.process_time(), time.time()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    finished = time.time()
    queue.put({"start": started, "end": finished, "cpu": time.process_time() - cpu0,
               "rss_mb": self_peak_rss_mb()})


def _child_processors(rows: list[dict[str, Any]], batch_size: int, queue: Any) -> None:
    """Enricher + observe_all over a dict, then the stream's per-record Python work."""
    import processors.enrichment as enrichment
    from processors.articles import article_from_dict
    from processors.contradictions import DetectionPolicy, observe_all
    from processors.model import Claim
    from processors.nlp import load_nlp

    now = datetime.now(timezone.utc)
    articles = [article_from_dict(r, fallback_time=now) for r in rows]
    nlp = load_nlp()
    _warm(nlp, [a.text for a in articles])  # type: ignore[union-attr]
    extract_seconds = [0.0]
    original = enrichment.extract

    def timed_extract(doc: Any, article: Any) -> Any:
        t = time.perf_counter()
        try:
            return original(doc, article)
        finally:
            extract_seconds[0] += time.perf_counter() - t

    enrichment.extract = timed_extract  # type: ignore[assignment]
    enricher = enrichment.Enricher(nlp, batch_size=batch_size)
    records: dict[str, Any] = {}
    policy = DetectionPolicy()
    results, alerts, detect_seconds = [], 0, 0.0
    cpu0, started = time.process_time(), time.time()
    for i in range(0, len(articles), batch_size):
        batch = enricher.enrich(articles[i:i + batch_size])  # type: ignore[arg-type]
        t = time.perf_counter()
        for result in batch:
            alerts += len(observe_all(result.claims, records, policy, now=now))
        detect_seconds += time.perf_counter() - t
        results.extend(batch)
    finished = time.time()
    cpu = time.process_time() - cpu0
    enrichment.extract = original

    # What the stream adds per record in Python, outside spaCy: the enriched record
    # (Faust Record, validated + coerced) and its orjson bytes, each claim's record and bytes,
    # and on the detect side: decode, Claim.from_wire, the table record through its wire form.
    from schemas.records import ClaimRecord
    from streams.agents import enriched_record
    from streams.tables import KeyRecordView

    t = time.perf_counter()
    encoded_bytes = 0
    claim_payloads = []
    for result in results:
        if result.error is None:
            encoded_bytes += len(enriched_record(result).dumps())
            for claim in result.claims:
                claim_payloads.append(ClaimRecord.from_data(claim.to_wire()).dumps())
    produce_side = time.perf_counter() - t
    t = time.perf_counter()
    table: dict[str, Any] = {}
    view = KeyRecordView(table)
    for payload in claim_payloads:
        claim = Claim.from_wire(ClaimRecord.from_data(orjson.loads(payload)).asdict())
        observe_all([claim], view, policy, now=now)
        orjson.dumps(table[claim.key])
    detect_side = time.perf_counter() - t
    enriched_ok = sum(1 for r in results if r.error is None)
    queue.put({
        "start": started, "end": finished, "cpu": cpu, "rss_mb": self_peak_rss_mb(),
        "extract_seconds": extract_seconds[0], "detect_seconds": detect_seconds,
        "claims": sum(len(r.claims) for r in results), "alerts": alerts,
        "errors": sum(1 for r in results if r.error is not None), "enriched": enriched_ok,
        "serialize_produce_seconds": produce_side, "serialize_detect_seconds": detect_side,
        "enriched_bytes": encoded_bytes, "key_records": len(records),
    })


def _child_probes(queue: Any) -> None:
    """Which probe pairs raise an alert with the processors as they are now."""
    from processors.articles import article_from_dict
    from processors.contradictions import DetectionPolicy, observe_all
    from processors.enrichment import Enricher
    from processors.nlp import load_nlp

    enricher = Enricher(load_nlp())
    good = []
    for index, pair in enumerate(PROBE_CANDIDATES):
        records: dict[str, Any] = {}
        alerts = 0
        for k in range(2):  # two consecutive pairs: alerts only within a pair
            for side, (source, body) in enumerate(pair):
                row = probe_row(index, k, side, source, body)
                article = article_from_dict(row, fallback_time=PROBE_EPOCH)
                (result,) = enricher.enrich([article])  # type: ignore[list-item]
                alerts += len(observe_all(result.claims, records, DetectionPolicy(),
                                          now=PROBE_EPOCH))
        if alerts == 2:
            good.append(index)
    queue.put(good)


def probe_row(index: int, k: int, side: int, source: str, body: str) -> dict[str, Any]:
    return {"id": f"probe-{index}-{k}-{'ab'[side]}", "source": source, "body": body,
            "published_at": (PROBE_EPOCH + PROBE_SPACING * k).strftime("%Y-%m-%dT%H:%M:%SZ")}


def run_children(target: Callable[..., None], argsets: list[tuple[Any, ...]],
                 barrier: bool = False, timeout: float = 3600) -> list[Any]:
    """Run ``target(*args, [barrier,] queue)`` in spawned processes; their queue results."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    shared = ctx.Barrier(len(argsets)) if barrier else None
    procs = []
    for args in argsets:
        full = (*args, shared, queue) if target is _child_spacy else (*args, queue)
        proc = ctx.Process(target=target, args=full)
        proc.start()
        procs.append(proc)
    results = []
    try:
        for _ in procs:
            results.append(queue.get(timeout=timeout))
    finally:
        for proc in procs:
            proc.join(30)
            if proc.is_alive():
                proc.terminate()
                proc.join()
    return results


# --------------------------------------------------------------------------- phases 1-2


def phase_spacy(texts: list[str], words: int, batch_size: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    (one,) = run_children(_child_spacy, [(texts, batch_size, 1)])
    out["1p"] = _rate(len(texts), words, one["end"] - one["start"], cpu=one["cpu"],
                      rss_mb=[one["rss_mb"]])
    halves = [texts[0::2], texts[1::2]]
    two = run_children(_child_spacy, [(h, batch_size, 1) for h in halves], barrier=True)
    wall = max(r["end"] for r in two) - min(r["start"] for r in two)
    out["2p"] = _rate(len(texts), words, wall, cpu=sum(r["cpu"] for r in two),
                      rss_mb=[r["rss_mb"] for r in two])
    out["2p"]["per_process_wall"] = [round(r["end"] - r["start"], 2) for r in two]
    (mpipe,) = run_children(_child_spacy, [(texts, batch_size, 2)])
    out["n_process2"] = _rate(len(texts), words, mpipe["end"] - mpipe["start"], cpu=None,
                              rss_mb=[mpipe["rss_mb"]])
    return out


def phase_processors(items: Sequence[Item], words: int, batch_size: int) -> dict[str, Any]:
    (res,) = run_children(_child_processors, [([i.row for i in items], batch_size)])
    wall = res["end"] - res["start"]
    out = _rate(len(items), words, wall, cpu=res["cpu"], rss_mb=[res["rss_mb"]])
    out.update({k: res[k] for k in ("extract_seconds", "detect_seconds", "claims", "alerts",
                                    "errors", "serialize_produce_seconds",
                                    "serialize_detect_seconds", "enriched_bytes")})
    return out


def _rate(articles: int, words: int, wall: float, *, cpu: float | None,
          rss_mb: list[float] | None = None, **extra: Any) -> dict[str, Any]:
    return {"articles": articles, "words": words, "seconds": round(wall, 3),
            "articles_per_s": articles / wall if wall > 0 else 0.0,
            "words_per_s": words / wall if wall > 0 else 0.0,
            "cores": (cpu / wall) if cpu is not None and wall > 0 else None,
            "words_per_cpu_s": (words / cpu) if cpu else None,
            "rss_mb": [round(r) for r in rss_mb or []], **extra}


# --------------------------------------------------------------------------- workers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class WorkerProc:
    """A ``claimwatch worker`` (or ``bench.naive_app``) child with its own web port."""

    def __init__(self, kind: str, broker_url: str, prefix: str, tmp: Path, index: int,
                 env: dict[str, str]) -> None:
        self.port = free_port()
        self.log_path = tmp / f"{kind}-worker-{index}.log"
        data_dir = tmp / f"{kind}-data-{index}"
        base = {**os.environ, "PYTHONPATH": str(REPO)}  # env may override it
        if kind == "claimwatch":
            cmd = [sys.executable, "-m", "streams.cli", "worker"]
            base.update({
                "CLAIMWATCH_BROKER": broker_url, "CLAIMWATCH_APP_ID": f"{prefix}app",
                "CLAIMWATCH_TOPIC_PREFIX": prefix, "CLAIMWATCH_PARTITIONS": str(PARTITIONS),
                "CLAIMWATCH_SESSION_TIMEOUT": "10", "CLAIMWATCH_DATA_DIR": str(data_dir),
                "CLAIMWATCH_WEB_PORT": str(self.port),
            })
        else:
            cmd = [sys.executable, "-m", "bench.naive_app"]
            base.update({
                "BENCH_NAIVE_BROKER": broker_url, "BENCH_NAIVE_PREFIX": prefix,
                "BENCH_NAIVE_APP_ID": f"{prefix}naive", "BENCH_NAIVE_DATA_DIR": str(data_dir),
                "BENCH_NAIVE_WEB_PORT": str(self.port), "BENCH_NAIVE_PARTITIONS": str(PARTITIONS),
            })
        base.update(env)
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(cmd, env=base, stdout=log, stderr=subprocess.STDOUT,
                                         cwd=REPO)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def get(self, path: str, timeout: float = 5) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except OSError:
            return 0, b""

    def ready(self) -> bool:
        if self.proc.poll() is not None:
            raise RuntimeError(f"worker exited ({self.proc.returncode}):\n{self.log_tail()}")
        return self.get("/ready")[0] == 200

    def stop(self, timeout: float = 60) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def log_tail(self, size: int = 3000) -> str:
        return self.log_path.read_bytes()[-size:].decode("utf-8", "replace")


def wait_settled(workers: Sequence[WorkerProc], timeout: float = 180) -> float:
    """Until every worker is ready (group joined, model loaded) and idle; returns seconds."""
    started = time.monotonic()
    deadline = started + timeout
    calm = 0
    last = {w.pid: cpu_seconds(w.pid) for w in workers}
    while True:
        time.sleep(1.0)
        now = {w.pid: cpu_seconds(w.pid) for w in workers}
        idle = all(now[p] - last[p] < 0.15 for p in now)
        last = now
        calm = calm + 1 if all(w.ready() for w in workers) and idle else 0
        if calm >= 2:
            return time.monotonic() - started
        if time.monotonic() > deadline:
            tails = "\n".join(w.log_tail() for w in workers)
            raise RuntimeError(f"workers not ready and idle after {timeout:.0f}s:\n{tails}")


# --------------------------------------------------------------------------- Kafka I/O


class Collector:
    """Reads output topics from the beginning with a plain aiokafka consumer (no group).

    Keeps (key, Kafka timestamp) per record; values only for ``keep_values`` topics."""

    def __init__(self, bootstrap: str, topics: list[str], keep_values: Iterable[str] = ()) -> None:
        self.bootstrap, self.topics, self.keep = bootstrap, topics, set(keep_values)
        self.records: dict[str, list[tuple[bytes | None, int, bytes | None]]] = {t: [] for t in topics}
        self._task: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()

    async def start(self) -> None:
        from aiokafka import AIOKafkaConsumer, TopicPartition

        self._consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False,
                                          fetch_max_wait_ms=100, auto_offset_reset="earliest",
                                          max_partition_fetch_bytes=8 * 1024 * 1024)
        await self._consumer.start()
        await self._consumer.topics()
        parts = [TopicPartition(t, p) for t in self.topics
                 for p in self._consumer.partitions_for_topic(t) or ()]
        self._consumer.assign(parts)
        await self._consumer.seek_to_beginning(*parts)  # never seek_to_end on Tansu
        self._task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            batch = await self._consumer.getmany(timeout_ms=200)
            for tp, messages in batch.items():
                keep = tp.topic in self.keep
                sink = self.records[tp.topic]
                for m in messages:
                    sink.append((m.key, m.timestamp, m.value if keep else None))
            if batch:
                self._changed.set()

    async def wait(self, condition: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if self._task is not None and self._task.done():
                self._task.result()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self._changed.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 1.0))
        return True

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self._consumer.stop()


def new_producer(bootstrap: str) -> Any:
    from aiokafka import AIOKafkaProducer

    return AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5,
                            max_request_size=8 * 1024 * 1024)


async def produce_all(bootstrap: str, topic: str, items: Sequence[tuple[str, bytes]]) -> dict[str, int]:
    """Publish as fast as possible; article id → Kafka timestamp (ms)."""
    producer = new_producer(bootstrap)
    await producer.start()
    try:
        futures = [(key, await producer.send(topic, value, key=key.encode())) for key, value in items]
        await producer.flush()
        return {key: (await fut).timestamp for key, fut in futures}
    finally:
        await producer.stop()


# --------------------------------------------------------------------------- phase 3 (+4, 5)


def percentiles(values: Sequence[float]) -> dict[str, float | int | None]:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "max": None, "mean": None}
    ordered = sorted(values)

    def rank(q: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered) + 0.5)) - 1))]

    return {"n": len(ordered), "p50": rank(0.50), "p95": rank(0.95), "p99": rank(0.99),
            "max": ordered[-1], "mean": statistics.fmean(ordered)}


def parse_histograms(text: str, names: Iterable[str]) -> dict[str, dict[str, float]]:
    """``name`` → {le: cumulative count, '_sum': s, '_count': n} from a Prometheus text page."""
    out: dict[str, dict[str, float]] = {n: {} for n in names}
    for line in text.splitlines():
        for name in out:
            if line.startswith(name + "_bucket{"):
                le = re.search(r'le="([^"]+)"', line)
                if le:
                    out[name][le.group(1)] = float(line.rsplit(" ", 1)[1])
            elif line.startswith(name + "_sum ") or line.startswith(name + "_count "):
                key, value = line.split(" ", 1)
                out[name]["_" + key.rsplit("_", 1)[1]] = float(value)
    return out


def histogram_quantiles(before: dict[str, float], after: dict[str, float]) -> dict[str, Any]:
    """Upper bucket bounds of p50/p95/p99 over the records observed between two scrapes."""
    buckets = sorted(((float(le), after.get(le, 0) - before.get(le, 0))
                      for le in after if not le.startswith("_")), key=lambda b: b[0])
    total = after.get("_count", 0) - before.get("_count", 0)
    result: dict[str, Any] = {"n": int(total)}
    if total <= 0:
        return result
    result["mean"] = (after.get("_sum", 0) - before.get("_sum", 0)) / total
    for q in (0.5, 0.95, 0.99):
        result[f"p{int(q * 100)}_le"] = next((le for le, c in buckets if c >= q * total), None)
    return result


async def stream_phase(kind: str, n_workers: int, items: Sequence[Item], args: argparse.Namespace,
                       *, latency: dict[str, Any] | None = None,
                       profile_dir: Path | None = None) -> dict[str, Any]:
    """Start a broker and ``n_workers`` workers; burst the corpus, measure; optionally the
    paced latency run on the same warm worker(s)."""
    from streams.embedded_broker import EmbeddedBroker
    from streams.kafka_io import ensure_topics

    words = sum(i.words for i in items)
    tag = f"{kind}-{n_workers}w"
    with tempfile.TemporaryDirectory(prefix=f"bench-{tag}-") as tmpname:
        tmp = Path(tmpname)
        with EmbeddedBroker(log_path=tmp / "broker.log") as broker:
            prefix = f"bench-{tag}-{uuid.uuid4().hex[:6]}."
            names = {t: prefix + t for t in ("articles.raw", "articles.enriched", "claims",
                                              "alerts.contradictions", "articles.deadletter")}
            await ensure_topics(broker.tansu_url, list(names.values()), PARTITIONS)
            env = dict(kv.split("=", 1) for kv in args.worker_env)
            if kind == "claimwatch":
                env.update({f"CLAIMWATCH_{k.upper()}": str(v) for k, v in
                            (("batch_size", args.batch_size), ("batch_wait", args.batch_wait))
                            if v is not None})
            workers = [WorkerProc(kind, broker.tansu_url, prefix, tmp, i, env)
                       for i in range(n_workers)]
            collector = Collector(broker.bootstrap, [names["articles.enriched"],
                                                     names["articles.deadletter"],
                                                     names["alerts.contradictions"]],
                                  keep_values=[names["alerts.contradictions"]])
            spies: list[subprocess.Popen[bytes]] = []
            try:
                settle = await asyncio.to_thread(wait_settled, workers)
                await collector.start()
                enriched = collector.records[names["articles.enriched"]]
                dead = collector.records[names["articles.deadletter"]]
                if profile_dir is not None:
                    spies = start_profilers(workers, profile_dir, tag)
                pids = [w.pid for w in workers] + [broker.pid]
                batch_names = ("claimwatch_nlp_batch_seconds", "claimwatch_nlp_batch_size")
                scrape0 = ([parse_histograms(w.get("/metrics")[1].decode(), batch_names) for w in workers]
                           if kind == "claimwatch" else [])
                cpu0 = {p: cpu_seconds(p) for p in pids}
                bench_cpu0 = time.process_time()
                wall0 = time.time()
                stamps = await produce_all(broker.bootstrap, names["articles.raw"],
                                           [(i.id, i.payload) for i in items])
                timeout = 120 + words / 1000
                done = await collector.wait(lambda: len(enriched) + len(dead) >= len(items), timeout)
                wall1 = time.time()
                cpu1 = {p: cpu_seconds(p) for p in pids}
                bench_cpu = time.process_time() - bench_cpu0
                for spy in spies:
                    stop_profiler(spy)
                profiles = summarize_profiles(profile_dir, tag, len(workers)) if spies else None
                spies = []
                first = min(stamps.values()) / 1000
                last = max([ts for _, ts, _ in enriched] or [0]) / 1000
                wall = last - first if done else float("nan")
                cpu_total = sum(cpu1[p] - cpu0[p] for p in pids)
                result = _rate(len(items), words, wall, cpu=None,
                               enriched=len(enriched), deadlettered=len(dead), complete=done,
                               settle_seconds=round(settle, 1),
                               cpu_seconds={"workers": [round(cpu1[w.pid] - cpu0[w.pid], 1)
                                                        for w in workers],
                                            "broker": round(cpu1[broker.pid] - cpu0[broker.pid], 1),
                                            "bench": round(bench_cpu, 1)},
                               observed_wall=round(wall1 - wall0, 2))
                result["cores"] = cpu_total / (wall1 - wall0)
                result["words_per_cpu_s"] = words / cpu_total if cpu_total and done else None
                if scrape0:
                    scrape1 = [parse_histograms(w.get("/metrics")[1].decode(), batch_names) for w in workers]
                    busy = [b["claimwatch_nlp_batch_seconds"].get("_sum", 0) - a["claimwatch_nlp_batch_seconds"].get("_sum", 0)
                            for a, b in zip(scrape0, scrape1)]
                    batches = [b["claimwatch_nlp_batch_size"].get("_count", 0) - a["claimwatch_nlp_batch_size"].get("_count", 0)
                               for a, b in zip(scrape0, scrape1)]
                    result["nlp_seconds"] = [round(x, 1) for x in busy]
                    result["nlp_busy_share"] = [round(x / wall, 3) if wall == wall and wall > 0 else None
                                                for x in busy]
                    result["nlp_batches"] = batches
                if profiles:
                    result["profile"] = profiles
                if latency is not None and done:
                    rate = args.latency_rate or latency["fraction"] * result["articles_per_s"]
                    result["latency"] = await latency_phase(workers, broker, names, collector,
                                                            latency.get("items") or items, rate, args)
                result["rss_mb"] = [round(vm_kb(w.pid) / 1024) for w in workers]
                result["rss_now_mb"] = [round(vm_kb(w.pid, "VmRSS") / 1024) for w in workers]
                if not done:
                    result["log_tail"] = workers[0].log_tail()
                return result
            finally:
                for spy in spies:
                    stop_profiler(spy)
                with contextlib.suppress(Exception):
                    await collector.stop()
                for w in workers:
                    w.stop()


async def latency_phase(workers: Sequence[WorkerProc], broker: Any, names: dict[str, str],
                        collector: Collector, items: Sequence[Item], rate: float,
                        args: argparse.Namespace) -> dict[str, Any]:
    """Paced articles (fresh ids) + probe pairs on the warm stream; per-record latencies."""
    seconds = args.latency_seconds
    count = max(1, int(rate * seconds))
    schedule: list[tuple[float, str, bytes, bool]] = []  # (offset s, id, payload, is probe)
    words: dict[str, int] = {}
    for n in range(count):
        item = items[n % len(items)]
        words[f"{item.id}~lat{n // len(items)}"] = item.words
        row = dict(item.row, id=f"{item.id}~lat{n // len(items)}")
        schedule.append((n / rate, row["id"], orjson.dumps(row), False))
    probes = args.probe_pairs_ok
    pairs = 0
    if probes:
        k = 0
        while k * args.probe_interval < seconds:
            index = probes[k % len(probes)]
            for side, (source, body) in enumerate(PROBE_CANDIDATES[index]):
                row = probe_row(index, k, side, source, body)
                words[row["id"]] = len(body.split())
                schedule.append((k * args.probe_interval + 0.01 * side, row["id"],
                                 orjson.dumps(row), True))
            k += 1
        pairs = k
    schedule.sort(key=lambda s: s[0])
    ids = {s[1] for s in schedule}

    scrape_names = ("claimwatch_enrich_latency_seconds", "claimwatch_alert_latency_seconds",
                    "claimwatch_nlp_batch_size", "claimwatch_nlp_batch_seconds")
    before = [parse_histograms(w.get("/metrics")[1].decode(), scrape_names) for w in workers]

    enriched = collector.records[names["articles.enriched"]]
    alerts = collector.records[names["alerts.contradictions"]]
    enriched_start, alerts_start = len(enriched), len(alerts)
    producer = new_producer(broker.bootstrap)
    await producer.start()
    futures = []
    try:
        started = time.monotonic()
        for offset, key, payload, _ in schedule:
            delay = started + offset - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            futures.append((key, await producer.send(names["articles.raw"], payload, key=key.encode())))
        await producer.flush()
        stamps = {key: (await fut).timestamp for key, fut in futures}
        send_seconds = time.monotonic() - started
        corpus_stamps = sorted(ts for key, ts in stamps.items() if not key.startswith("probe-"))
        corpus_rate = ((len(corpus_stamps) - 1) / ((corpus_stamps[-1] - corpus_stamps[0]) / 1000)
                       if len(corpus_stamps) > 1 and corpus_stamps[-1] > corpus_stamps[0] else None)
    finally:
        await producer.stop()

    def enriched_ids() -> set[str]:
        return {k.decode() for k, _, _ in enriched[enriched_start:] if k and k.decode() in ids}

    def alerted_pairs() -> int:
        found = set()
        for _, _, value in alerts[alerts_start:]:
            a = orjson.loads(value or b"{}")
            for claim in (a.get("claim_a") or {}, a.get("claim_b") or {}):
                if str(claim.get("article_id", "")).startswith("probe-"):
                    found.add(claim["article_id"].rsplit("-", 1)[0])
        return len(found)

    await collector.wait(lambda: len(enriched_ids()) >= len(ids) and alerted_pairs() >= pairs, 120)
    after = [parse_histograms(w.get("/metrics")[1].decode(), scrape_names) for w in workers]

    enrich_lat: dict[str, float] = {}
    for key, ts, _ in enriched[enriched_start:]:
        name = key.decode() if key else ""
        if name in stamps and name not in enrich_lat:
            enrich_lat[name] = (ts - stamps[name]) / 1000
    alert_lat: dict[str, float] = {}
    for _, ts, value in alerts[alerts_start:]:
        a = orjson.loads(value or b"{}")
        linked = [stamps[c["article_id"]] for c in (a["claim_a"], a["claim_b"])
                  if c["article_id"] in stamps]
        if linked and a["alert_id"] not in alert_lat:
            alert_lat[a["alert_id"]] = (ts - max(linked)) / 1000
    corpus_ids = [k for k in enrich_lat if not k.startswith("probe-")]
    metrics = {}
    for name in scrape_names:
        merged_before: dict[str, float] = {}
        merged_after: dict[str, float] = {}
        for b, a in zip(before, after):
            for k, v in b[name].items():
                merged_before[k] = merged_before.get(k, 0) + v
            for k, v in a[name].items():
                merged_after[k] = merged_after.get(k, 0) + v
        metrics[name] = histogram_quantiles(merged_before, merged_after)
    return {
        "target_rate": rate, "seconds": seconds, "sent": len(schedule),
        "achieved_rate": corpus_rate, "send_seconds": send_seconds,
        "corpus_articles": count, "probe_pairs": pairs,
        "enriched": len(enrich_lat), "alerts": len(alert_lat),
        "article_to_enriched": percentiles(list(enrich_lat.values())),
        "article_to_enriched_corpus_only": percentiles([enrich_lat[k] for k in corpus_ids]),
        "article_to_alert": percentiles(list(alert_lat.values())),
        "metrics": metrics,
        "per_article": sorted([[k, words.get(k), round(v, 3)] for k, v in enrich_lat.items()],
                              key=lambda r: stamps[r[0]]),
        "per_alert": sorted(round(v, 3) for v in alert_lat.values()),
    }


# --------------------------------------------------------------------------- profiling


def start_profilers(workers: Sequence[WorkerProc], directory: Path, tag: str) -> list[subprocess.Popen[bytes]]:
    directory.mkdir(parents=True, exist_ok=True)
    exe = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    spies = []
    for i, w in enumerate(workers):
        out = directory / f"{tag}-worker{i}.raw.txt"
        spies.append(subprocess.Popen([exe, "record", "-p", str(w.pid), "-f", "raw", "-r", "50",
                                       "--threads", "-o", str(out)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    time.sleep(1.0)
    return spies


def stop_profiler(spy: subprocess.Popen[bytes]) -> None:
    if spy.poll() is None:
        spy.send_signal(signal.SIGINT)
        try:
            spy.wait(30)
        except subprocess.TimeoutExpired:
            spy.kill()
            spy.wait()


def summarize_profiles(directory: Path | None, tag: str, count: int) -> list[dict[str, Any]]:
    """Per worker: share of samples per thread, the top functions by inclusive and by self
    share (py-spy ``raw`` output: one collapsed stack and its sample count per line)."""
    out = []
    for i in range(count):
        path = (directory or RESULTS) / f"{tag}-worker{i}.raw.txt"
        if not path.exists():
            continue
        threads: dict[str, int] = {}
        inclusive: dict[str, int] = {}
        own: dict[str, int] = {}
        total = 0
        for line in path.read_text(errors="replace").splitlines():
            stack, _, n = line.rpartition(" ")
            if not stack or not n.isdigit():
                continue
            samples = int(n)
            total += samples
            frames = stack.split(";")
            thread = re.sub(r"^thread \(\d+\): ", "", frames[0].strip('"'))
            threads[thread] = threads.get(thread, 0) + samples
            funcs = [re.sub(r" \((.*?):\d+\)$", r" (\1)", f) for f in frames[1:]]
            for func in set(funcs):
                inclusive[func] = inclusive.get(func, 0) + samples
            if funcs:
                own[funcs[-1]] = own.get(funcs[-1], 0) + samples

        def top(table: dict[str, int], n: int) -> list[tuple[str, float]]:
            return [(f, round(c / total, 3)) for f, c in sorted(table.items(), key=lambda kv: -kv[1])[:n]]

        out.append({"file": str(path), "samples": total,
                    "threads": {t: round(n / total, 3) for t, n in threads.items()} if total else {},
                    "top_inclusive": top(inclusive, 40) if total else [],
                    "top_self": top(own, 25) if total else []})
    return out


# --------------------------------------------------------------------------- report


def _fmt(x: float | None, spec: str = ",.0f") -> str:
    return "–" if x is None or x != x else format(x, spec)


def _agg(runs: list[dict[str, Any]], key: str) -> tuple[float | None, float | None, float | None]:
    values = [r[key] for r in runs if r.get(key) is not None and r[key] == r[key]]
    if not values:
        return None, None, None
    return statistics.median(values), min(values), max(values)


def _row(label: str, runs: list[dict[str, Any]]) -> str:
    med_w, lo_w, hi_w = _agg(runs, "words_per_s")
    med_a, _, _ = _agg(runs, "articles_per_s")
    med_s, _, _ = _agg(runs, "seconds")
    cores, _, _ = _agg(runs, "cores")
    spread = f"{_fmt(lo_w)}–{_fmt(hi_w)}" if len(runs) > 1 else ""
    per_cpu, _, _ = _agg(runs, "words_per_cpu_s")
    rss = max((max(r.get("rss_mb") or [0]) for r in runs), default=0)
    return (f"  {label:<44}{_fmt(med_a, '.2f'):>8} {_fmt(med_w):>10} {spread:>13} "
            f"{_fmt(med_s, '.1f'):>8} {_fmt(cores, '.2f'):>6} {_fmt(per_cpu):>11} {rss or '–':>8}")


def render(report: dict[str, Any]) -> str:
    lines = []
    meta = report["meta"]
    lines.append(f"claimwatch throughput — {meta['corpus']}: {meta['articles']} articles, "
                 f"{meta['words']:,} words (mean {meta['words'] / max(1, meta['articles']):.0f}/article)")
    lines.append(f"machine: {meta['cores']} cores, {meta['cpu']}; python {meta['python']}; "
                 f"spaCy {meta['spacy']}; nlp.pipe batch {meta['batch_size']} (spaCy, processors); stream "
                 f"batch {meta['stream_batch_size']}, wait {meta['stream_batch_wait']} s; repeats {meta['repeat']}; load avg at start {meta['loadavg']}")
    if meta.get("worker_env"):
        lines.append(f"worker env: {' '.join(meta['worker_env'])}")
    lines.append("")
    lines.append(f"  {'configuration':<44}{'art/s':>8} {'words/s':>10} {'(min–max)':>13} "
                 f"{'wall s':>8} {'cores':>6} {'words/CPU-s':>11} {'RSS MB':>8}")
    ph = report["phases"]
    labels = [("spacy", "1p", "1 spaCy nlp.pipe, 1 process"),
              ("spacy", "2p", "  spaCy nlp.pipe, 2 processes (halves)"),
              ("spacy", "n_process2", "  spaCy nlp.pipe(n_process=2), reference"),
              ("processors", None, "2 processors: Enricher + observe_all"),
              ("stream", "claimwatch-1", "3 stream, 1 worker"),
              ("stream", "claimwatch-2", "  stream, 2 workers"),
              ("stream", "naive-1", "  naive agent (nlp() per message), 1 worker"),
              ("stream", "naive-2", "  naive agent, 2 workers")]
    for phase, key, label in labels:
        runs = ph.get(phase, [])
        runs = [r[key] if key else r for r in runs if (r.get(key) if key else r)]
        if runs:
            lines.append(_row(label, runs))
    lines.append("")
    lines.append("ratios (medians of words/s):")
    for text, (value, target) in report["ratios"].items():
        verdict = "" if target is None or value is None else ("  OK" if value >= target else "  MISSED")
        goal = f"   target ≥ {target:.2f}" if target is not None else ""
        lines.append(f"  {text:<60}{_fmt(value, '.3f'):>6}{goal}{verdict}")
    proc = ph.get("processors")
    if proc:
        p = proc[-1]
        lines.append("")
        lines.append(f"processors: {p['claims']} claims, {p['alerts']} alerts, {p['errors']} errors; "
                     f"extraction {p['extract_seconds']:.1f} s ({p['extract_seconds'] / p['seconds'] * 100:.1f} % "
                     f"of the run), detection {p['detect_seconds'] * 1000:.0f} ms")
        n = max(1, p["articles"])
        lines.append(f"stream-side Python per record (outside spaCy): produce side "
                     f"{p['serialize_produce_seconds'] / n * 1000:.2f} ms/article "
                     f"({p['serialize_produce_seconds'] / p['seconds'] * 100:.1f} % of processors time), "
                     f"detect side {p['serialize_detect_seconds'] * 1000:.0f} ms total; "
                     f"enriched records {p['enriched_bytes'] / n / 1024:.1f} KiB/article")
    for rep, run in enumerate(ph.get("stream", []), 1):
        for key, res in run.items():
            cpu = res.get("cpu_seconds")
            if cpu:
                lines.append(f"  [{rep}] {key}: {_fmt(res['words_per_s'])} words/s; CPU s workers {cpu['workers']}, broker {cpu['broker']}, "
                             f"bench {cpu['bench']}; wall {res['observed_wall']} s; "
                             + (f"NLP busy {res['nlp_busy_share']} of the wall in {res['nlp_batches']} batches; "
                                if res.get("nlp_busy_share") else "") +
                             f"ready+idle after {res['settle_seconds']} s; enriched {res['enriched']}, "
                             f"dead {res['deadlettered']}{'' if res['complete'] else ', INCOMPLETE'}")
    lat = next((r["claimwatch-1"].get("latency") for r in ph.get("stream", [])
                if r.get("claimwatch-1", {}).get("latency")), None)
    lines.append("")
    if lat:
        lines.append(f"4 latency at 50 % load, 1 worker: paced {lat['target_rate']:.2f} articles/s "
                     f"(achieved {_fmt(lat['achieved_rate'], '.2f')}) for {lat['seconds']:.0f} s: "
                     f"{lat['corpus_articles']} corpus articles + {lat['probe_pairs']} probe pairs")
        for name, label in (("article_to_enriched", "article → enriched"),
                            ("article_to_enriched_corpus_only", "  (corpus articles only)"),
                            ("article_to_alert", "article → alert")):
            s = lat[name]
            lines.append(f"  {label:<28} n={s['n']:<5} p50 {_fmt(s['p50'], '.3f')} s  p95 "
                         f"{_fmt(s['p95'], '.3f')} s  p99 {_fmt(s['p99'], '.3f')} s  max "
                         f"{_fmt(s['max'], '.3f')} s")
        m = lat["metrics"]
        bs, bsec = m["claimwatch_nlp_batch_size"], m["claimwatch_nlp_batch_seconds"]
        lines.append(f"  /metrics over the same window: enrich p99 ≤ "
                     f"{m['claimwatch_enrich_latency_seconds'].get('p99_le')} s, alert p99 ≤ "
                     f"{m['claimwatch_alert_latency_seconds'].get('p99_le')} s "
                     f"(n={m['claimwatch_alert_latency_seconds'].get('n')}); NLP batches "
                     f"{bs.get('n')}, mean size {_fmt(bs.get('mean'), '.1f')}, mean "
                     f"{_fmt(bsec.get('mean'), '.3f')} s")
        p99 = lat["article_to_alert"]["p99"]
        verdict = "–" if p99 is None else ("OK" if p99 <= 1.0 else "MISSED")
        lines.append(f"  target p99 article → alert ≤ 1 s: {verdict}")
    else:
        lines.append("4 latency: not measured")
    rss = report.get("rss_mb", {})
    if rss:
        lines.append("")
        lines.append("5 peak RSS (VmHWM) per worker, MB: " + "; ".join(
            f"{k}: {v}" for k, v in rss.items()) + f"   target ≤ 400: "
            f"{'OK' if all(max(v) <= 400 for k, v in rss.items() if k.startswith('claimwatch')) else 'MISSED'}")
    for run in ph.get("stream", []):
        for key, res in run.items():
            for prof in res.get("profile") or []:
                lines.append("")
                lines.append(f"profile {key} ({prof['samples']} samples, {prof['file']}):")
                lines.append("  threads: " + ", ".join(f"{t} {s:.0%}" for t, s in prof["threads"].items()))
                lines.append("  top inclusive:")
                for func, share in prof["top_inclusive"][:15]:
                    lines.append(f"    {share:6.1%}  {func[-110:]}")
                lines.append("  top self:")
                for func, share in prof["top_self"][:10]:
                    lines.append(f"    {share:6.1%}  {func[-110:]}")
    return "\n".join(lines)


def ratios(phases: dict[str, Any]) -> dict[str, tuple[float | None, float | None]]:
    def med(phase: str, key: str | None) -> float | None:
        runs = [r.get(key) if key else r for r in phases.get(phase, [])]
        values = [r["words_per_s"] for r in runs if r and r.get("words_per_s") == r.get("words_per_s")
                  and r.get("complete", True)]
        return statistics.median(values) if values else None

    def med_cpu(phase: str, key: str | None) -> float | None:
        runs = [r.get(key) if key else r for r in phases.get(phase, [])]
        values = [r["words_per_cpu_s"] for r in runs if r and r.get("words_per_cpu_s")]
        return statistics.median(values) if values else None

    def div(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    s1, s2, np2 = med("spacy", "1p"), med("spacy", "2p"), med("spacy", "n_process2")
    c1, c2 = med("stream", "claimwatch-1"), med("stream", "claimwatch-2")
    n1, n2 = med("stream", "naive-1"), med("stream", "naive-2")
    return {
        "stream(1 worker) / spaCy(1 process)": (div(c1, s1), 0.9),
        "stream(2 workers) / spaCy(2 processes)": (div(c2, s2), 0.9),
        "stream(2 workers) / spaCy(n_process=2)": (div(c2, np2), None),
        "stream(2 workers) / naive(1 worker)": (div(c2, n1), 1.6),
        "stream(2 workers) / naive(2 workers)": (div(c2, n2), None),
        "stream(1 worker) / naive(1 worker)": (div(c1, n1), None),
        "processors / spaCy(1 process)": (div(med("processors", None), s1), None),
        "spaCy 2 processes / 1 process": (div(s2, s1), None),
        "CPU efficiency: stream(1w) / spaCy(1p), words per CPU-s": (
            div(med_cpu("stream", "claimwatch-1"), med_cpu("spacy", "1p")), None),
        "CPU efficiency: stream(2w) / spaCy(2p), words per CPU-s": (
            div(med_cpu("stream", "claimwatch-2"), med_cpu("spacy", "2p")), None),
    }


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.throughput", description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--articles", type=int, help="use the first N articles (default: all; --quick: 200)")
    p.add_argument("--quick", action="store_true", help="200 articles, 20 s latency run, no 2-worker naive")
    p.add_argument("--repeat", type=int, default=1, help="repeat phases 1-3 (spread is printed)")
    p.add_argument("--phases", default="spacy,processors,stream,naive,latency",
                   help="comma list of spacy, processors, stream, naive, latency")
    p.add_argument("--workers", default="1,2", help="worker counts for the stream (default 1,2)")
    p.add_argument("--naive-workers", help="worker counts for the naive agent (default 1,2; --quick 1)")
    p.add_argument("--batch-size", type=int, help="CLAIMWATCH_BATCH_SIZE and nlp.pipe batch (default: the Settings default)")
    p.add_argument("--batch-wait", type=float, help="CLAIMWATCH_BATCH_WAIT (default: the worker's)")
    p.add_argument("--latency-seconds", type=float, help="paced run length (default 60; --quick 20)")
    p.add_argument("--latency-fraction", type=float, default=0.5, help="load as a share of capacity")
    p.add_argument("--latency-rate", type=float,
                   help="paced rate in articles/s instead of --latency-fraction × 1-worker capacity")
    p.add_argument("--latency-articles", type=int,
                   help="articles of the corpus the paced run cycles through (default: all loaded)")
    p.add_argument("--probe-interval", type=float, default=1.0, help="seconds between probe pairs")
    p.add_argument("--worker-env", action="append", default=[], metavar="NAME=VALUE",
                   help="extra environment for every worker process (repeatable), e.g. "
                        "MALLOC_ARENA_MAX=2 or PYTHONPATH=/dir/with/sitecustomize:/repo to try a change")
    p.add_argument("--profile", action="store_true", help="py-spy every stream worker (bench extra)")
    p.add_argument("--output", type=Path, help="JSON result path (default bench/results/...)")
    args = p.parse_args(argv)
    if args.articles is None and args.quick:
        args.articles = 200
    if args.latency_seconds is None:
        args.latency_seconds = 20.0 if args.quick else 60.0
    if args.naive_workers is None:
        args.naive_workers = "1" if args.quick else "1,2"
    return args


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    phases_wanted = set(args.phases.split(","))
    items = load_corpus(args.corpus, args.articles)
    words = sum(i.words for i in items)
    batch_size = args.batch_size or 32
    import spacy

    report: dict[str, Any] = {"meta": {
        "worker_env": args.worker_env,
        "corpus": str(args.corpus), "articles": len(items), "words": words,
        "cores": os.cpu_count(), "cpu": _cpu_model(), "python": platform.python_version(),
        "spacy": spacy.__version__, "batch_size": batch_size,
        "stream_batch_size": args.batch_size or Settings.batch_size,
        "stream_batch_wait": args.batch_wait if args.batch_wait is not None else Settings.batch_wait,
        "repeat": args.repeat, "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "started": datetime.now(timezone.utc).isoformat(), "argv": sys.argv[1:],
    }, "phases": {}}
    phases: dict[str, list[Any]] = report["phases"]
    texts = texts_of(items)
    latency_items = load_corpus(args.corpus, args.latency_articles) if args.latency_articles else items
    profile_dir = RESULTS / f"profile-{time.strftime('%Y%m%d-%H%M%S')}" if args.profile else None

    args.probe_pairs_ok = []
    if "latency" in phases_wanted and "stream" in phases_wanted:
        args.probe_pairs_ok = run_children(_child_probes, [()])[0]
        log(f"probe pairs that raise an alert with the current extractors: {args.probe_pairs_ok}")

    for rep in range(args.repeat):
        if "spacy" in phases_wanted:
            log(f"[{rep + 1}/{args.repeat}] spaCy alone …")
            phases.setdefault("spacy", []).append(phase_spacy(texts, words, batch_size))
            log(f"  {phases['spacy'][-1]['1p']['words_per_s']:,.0f} / "
                f"{phases['spacy'][-1]['2p']['words_per_s']:,.0f} / "
                f"{phases['spacy'][-1]['n_process2']['words_per_s']:,.0f} words/s")
        if "processors" in phases_wanted:
            log(f"[{rep + 1}/{args.repeat}] processors alone …")
            phases.setdefault("processors", []).append(phase_processors(items, words, batch_size))
            log(f"  {phases['processors'][-1]['words_per_s']:,.0f} words/s")
        runs: dict[str, Any] = {}
        configs = []
        if "stream" in phases_wanted:
            configs += [("claimwatch", int(n)) for n in args.workers.split(",") if n]
        if "naive" in phases_wanted:
            configs += [("naive", int(n)) for n in args.naive_workers.split(",") if n]
        for kind, n in configs:
            log(f"[{rep + 1}/{args.repeat}] stream {kind}, {n} worker(s) …")
            want_latency = (kind == "claimwatch" and n == 1 and rep == args.repeat - 1
                            and "latency" in phases_wanted)
            res = await stream_phase(kind, n, items, args,
                                     latency={"fraction": args.latency_fraction,
                                              "items": latency_items} if want_latency else None,
                                     profile_dir=profile_dir)
            runs[f"{kind}-{n}"] = res
            log(f"  {res['words_per_s']:,.0f} words/s, complete={res['complete']}, RSS {res['rss_mb']} MB")
            report.setdefault("rss_mb", {}).setdefault(f"{kind}-{n}w", [])
            report["rss_mb"][f"{kind}-{n}w"] = sorted(set(report["rss_mb"][f"{kind}-{n}w"]) | set(res["rss_mb"]))
        if runs:
            phases.setdefault("stream", []).append(runs)
    report["ratios"] = ratios(phases)
    report["meta"]["finished"] = datetime.now(timezone.utc).isoformat()
    return report


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("PYTHONPATH", str(REPO))
    report = asyncio.run(main_async(args))
    text = render(report)
    print(text, flush=True)
    out = args.output or RESULTS / f"throughput-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    report["ratios"] = {k: {"value": v, "target": t} for k, (v, t) in report["ratios"].items()}
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"\nJSON: {out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
