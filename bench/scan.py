"""False-positive scan: a corpus streamed as one day's news, through the processors.

    python -m bench.scan [CORPUS.jsonl] [--out ALERTS.jsonl] [--sample N]

All articles of the corpus (default: ``/work/shared/corpus/fnc1-train-articles.jsonl``) go
through ``processors.evaluation.evaluate`` as one case, in file order, so every claim meets
every earlier claim with its key, exactly as in the stream. Prints claims and alerts per 100
articles, alerts by type and predicate, and ``--sample`` alerts for review; writes every alert
(both claims in full) to ``--out`` (default ``bench/results/scan-<time>.jsonl``).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import orjson

from processors.contradictions import DetectionPolicy
from processors.enrichment import Enricher
from processors.evaluation import evaluate
from processors.model import Alert
from processors.nlp import load_nlp

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fnc1-train-articles.jsonl"
RESULTS = Path(__file__).resolve().parent / "results"


def _show(alert: Alert) -> str:
    a, b = alert.claim_a, alert.claim_b
    return (f"[{alert.type}] {alert.key}\n  {alert.explanation}\n"
            f"  A ({a.article_id}): {a.sentence[:300]}\n  B ({b.article_id}): {b.sentence[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    articles = [orjson.loads(line) for line in args.corpus.read_bytes().splitlines() if line.strip()]
    now = datetime.now(timezone.utc)
    started = time.perf_counter()
    [result] = evaluate([{"id": "scan", "articles": articles}], Enricher(load_nlp()), DetectionPolicy(), now=now)
    seconds = time.perf_counter() - started

    out = args.out or RESULTS / f"scan-{now:%Y%m%d-%H%M%S}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(b"".join(orjson.dumps(a.to_wire()) + b"\n" for a in result.alerts))

    n = len(articles)
    kinds = Counter(f"{a.type}:{a.key.split('|')[1]}" for a in result.alerts)
    print(f"{n} articles in {seconds:.1f} s ({n / seconds:.0f} articles/s)")
    print(f"alerts: {len(result.alerts)} ({100 * len(result.alerts) / n:.2f} per 100 articles), "
          f"rejected: {len(result.rejected)}")
    print("by type:predicate: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"written to {out}")
    sample = random.Random(args.seed).sample(result.alerts, min(args.sample, len(result.alerts)))
    for i, alert in enumerate(sample, 1):
        print(f"\n#{i} {_show(alert)}")


if __name__ == "__main__":
    main()
