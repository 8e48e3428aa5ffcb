"""Soak: memory and table size of long-running workers once retention applies.

    python -m bench.soak [--articles 20000] [--workers 1] [--step-minutes 60]
                         [--retention-days 30] [--sweep-interval 10] [--sample-seconds 10]

Cycles ``/work/shared/corpus/fnc1-train-articles.jsonl`` with fresh ids and a ``published_at``
advancing by ``--step-minutes`` per article (default: an hour, so the default 30-day retention
applies after 720 articles), feeding the embedded broker in chunks so that at most
``--ahead`` articles wait. Every ``--sample-seconds`` it reads each worker's RSS (``VmRSS``
from ``/proc/PID/status``) and table size (``claimwatch_table_keys`` from ``/metrics``), and
prints them; at the end a summary: RSS after warm-up vs at the end and at its peak, and the
table keys over the second half of the run. Warm-up ends once retention applies (the event
time has advanced by the retention) and ``--warmup`` of the articles are processed.
Writes ``bench/results/soak-<time>.json``. Figures, not assertions: the short form of this
run is ``tests/test_faults.py::test_burst_keeps_table_memory_and_group_bounded``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from streams.app import ALERTS_TOPIC, CLAIMS_TOPIC, DEADLETTER_TOPIC, ENRICHED_TOPIC, RAW_TOPIC
from streams.embedded_broker import EmbeddedBroker
from streams.kafka_io import ensure_topics
from tests.harness import (Worker, article_items, corpus_articles, produce_tracked, proc_status_kb,
                           read_all)

RESULTS = Path(__file__).resolve().parent / "results"
START = datetime(2020, 1, 1, tzinfo=timezone.utc)


def counter(worker: Worker, name: str) -> float:
    try:
        return sum(v for (n, _), v in worker.metrics().items() if n == name)
    except AssertionError:
        return 0.0


def sample(workers: list[Worker], started: float, produced: int) -> dict[str, Any]:
    return {
        "t": round(time.monotonic() - started, 1),
        "produced": produced,
        "processed": int(sum(counter(w, "claimwatch_articles_enriched_total") +
                             counter(w, "claimwatch_articles_deadlettered_total") for w in workers)),
        "rss_mb": [round(proc_status_kb(w.pid, "VmRSS") / 1024, 1) for w in workers],
        "hwm_mb": [round(proc_status_kb(w.pid, "VmHWM") / 1024, 1) for w in workers],
        "table_keys": [int(counter(w, "claimwatch_table_keys")) for w in workers],
    }


def summarize(samples: list[dict[str, Any]], warm_at: int, windows: int = 5) -> dict[str, Any]:
    """RSS and table keys per window of the run after warm-up (by articles processed).

    RSS swings by ~100 MB with the batch in flight (long articles parse into big arrays), so
    windows are compared by their maxima, not single samples: growth is the last window's
    peak over the first one's; the table "stopped growing" when the last window's maximum is
    within 10 % (+2 keys) of the first window's."""
    warm = [s for s in samples if s["processed"] >= warm_at]
    if len(warm) < windows:
        return {"warm_up": f"not reached ({len(warm)} samples after warm-up)"}
    size = len(warm) / windows
    parts = [warm[int(i * size):int((i + 1) * size)] for i in range(windows)]
    rss = [max(sum(s["rss_mb"]) for s in part) for part in parts]
    keys = [max(sum(s["table_keys"]) for s in part) for part in parts]
    return {
        "warm_up_at_articles": warm_at,
        "rss_at_warm_up_mb": round(sum(warm[0]["rss_mb"]), 1),
        "rss_window_peaks_mb": [round(r, 1) for r in rss],
        "rss_end_mb": round(sum(samples[-1]["rss_mb"]), 1),
        "rss_growth_pct": round(100 * (rss[-1] / rss[0] - 1), 1),
        "rss_within_10pct": rss[-1] <= 1.10 * rss[0],
        "vmhwm_at_warm_up_mb": round(sum(warm[0]["hwm_mb"]), 1),
        "vmhwm_end_mb": round(sum(samples[-1]["hwm_mb"]), 1),
        "table_keys_before_warm_up_max": max((sum(s["table_keys"]) for s in samples
                                              if s["processed"] < warm_at), default=0),
        "table_keys_window_max": keys,
        "table_keys_end": sum(samples[-1]["table_keys"]),
        "table_stopped_growing": keys[-1] <= 1.10 * keys[0] + 2,
    }


async def feed(bootstrap: str, topic: str, articles: list[dict], workers: list[Worker], ahead: int,
               samples: list[dict], sample_seconds: float, started: float) -> None:
    produced, next_sample = 0, 0.0
    while True:
        now = time.monotonic()
        if now >= next_sample:
            for w in workers:
                if w.proc is None or w.proc.poll() is not None:
                    raise RuntimeError(f"worker {w.pid} died:\n{w.log_tail()}")
            row = sample(workers, started, produced)
            samples.append(row)
            print(f"{row['t']:8.1f}s  processed {row['processed']:6d}/{len(articles)}  "
                  f"RSS MB {row['rss_mb']}  peak {row['hwm_mb']}  table keys {row['table_keys']}", flush=True)
            next_sample = now + sample_seconds
            if row["processed"] >= len(articles):
                return
        processed = samples[-1]["processed"] if samples else 0
        if produced < len(articles) and produced - processed < ahead:
            chunk = articles[produced:produced + ahead // 2]
            await produce_tracked(bootstrap, topic, article_items(chunk))
            produced += len(chunk)
            continue
        await asyncio.sleep(min(1.0, sample_seconds))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--step-minutes", type=float, default=60.0, help="event time between articles")
    parser.add_argument("--retention-days", type=float, default=30.0)
    parser.add_argument("--sweep-interval", type=float, default=10.0)
    parser.add_argument("--sample-seconds", type=float, default=10.0)
    parser.add_argument("--ahead", type=int, default=400, help="articles produced but not yet processed")
    parser.add_argument("--warmup", type=float, default=0.1, help="fraction of the articles")
    args = parser.parse_args(argv)

    step = timedelta(minutes=args.step_minutes)
    articles = corpus_articles(args.articles, run_id=f"soak{uuid.uuid4().hex[:6]}", start=START, step=step)
    retention_articles = int(timedelta(days=args.retention_days) / step) + 1
    warm_at = max(retention_articles, int(args.warmup * args.articles))
    prefix = f"soak{uuid.uuid4().hex[:6]}-"
    samples: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="claimwatch-soak-") as tmp:
        root = Path(tmp)
        with EmbeddedBroker(log_path=root / "broker.log") as broker:
            asyncio.run(ensure_topics(broker.url, [prefix + t for t in (
                RAW_TOPIC, ENRICHED_TOPIC, CLAIMS_TOPIC, ALERTS_TOPIC, DEADLETTER_TOPIC)], 4))
            env = {"CLAIMWATCH_RETENTION_DAYS": str(args.retention_days),
                   "CLAIMWATCH_SWEEP_INTERVAL": str(args.sweep_interval)}
            workers = [Worker(broker.tansu_url, prefix, root / f"w{i}", root / f"w{i}.log", **env)
                       for i in range(args.workers)]
            try:
                for w in workers:
                    w.start()
                for w in workers:
                    w.wait_ready(180)
                print(f"soak: {args.articles} articles, {args.workers} worker(s) (pids "
                      f"{[w.pid for w in workers]}), retention {args.retention_days} d = "
                      f"{retention_articles} articles of event time, warm-up until {warm_at}", flush=True)
                started = time.monotonic()
                asyncio.run(feed(broker.bootstrap, prefix + RAW_TOPIC, articles, workers, args.ahead,
                                 samples, args.sample_seconds, started))
                logs = [w.log_text() for w in workers]
                claims = asyncio.run(read_all(broker.bootstrap, [prefix + CLAIMS_TOPIC], timeout=300))
                claims_seen = len({c["claim_id"] for c in claims[prefix + CLAIMS_TOPIC]})
                keys_seen = {c["key"] for c in claims[prefix + CLAIMS_TOPIC]}
            finally:
                codes = [w.stop() for w in workers if w.proc is not None]
    summary = summarize(samples, warm_at)
    summary.update(keys_seen=len(keys_seen), claims_seen=claims_seen,
                   seconds=samples[-1]["t"] if samples else None, exit_codes=codes,
                   sweeps=[log.count("sweep: removed") for log in logs],
                   rebalances=[log.count("(Re-)joining group") - 1 for log in logs])
    print("\nsummary")
    for key, value in summary.items():
        print(f"  {key:32s} {value}")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"soak-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}.json"
    out.write_text(json.dumps({"args": vars(args), "summary": summary, "samples": samples}, indent=1))
    print(f"  {'results':32s} {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
