"""``claimwatch eval CASES.jsonl``: read cases, run ``processors.evaluation``, print results."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import orjson

from processors.enrichment import Enricher
from processors.evaluation import evaluate, summarize
from processors.nlp import load_nlp
from streams.settings import Settings


def _progress(done: int, total: int) -> None:
    print(f"\renriched {done}/{total} articles", end="" if done < total else "\n",
          file=sys.stderr, flush=True)


def eval_command(settings: Settings, path: Path, *, as_json: bool) -> int:
    cases = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    enricher = Enricher(load_nlp(), batch_size=settings.batch_size, batch_words=settings.batch_words)
    started = time.perf_counter()
    results = evaluate(cases, enricher, settings.policy, now=datetime.now(timezone.utc),
                       progress=_progress)
    articles = sum(len(case.get("articles", [])) for case in cases)
    summary = summarize(results, seconds=time.perf_counter() - started, articles=articles)
    if as_json:
        for result in results:
            print(orjson.dumps(result.to_json()).decode())
        print(orjson.dumps({"summary": summary}).decode())
        return 0
    for result in results:
        for alert in result.alerts:
            print(f"{result.id} [{result.label or '-'}] {alert.type}: {alert.explanation}")
    print(f"cases {summary['cases']}, alerts {summary['alerts']}, "
          f"{summary['articles_per_second']} articles/s")
    for label, counts in summary.get("per_label", {}).items():
        print(f"  {label}: {counts['flagged']}/{counts['cases']} flagged")
    if "precision" in summary:
        print(f"precision {summary['precision']}, recall {summary['recall']}")
    return 0
