"""``eval``: labelled cases through the same enrichment and detection the stream uses.

Each case starts from empty state (its own ``dict`` of key records); the NLP is batched
across cases, which shares no state between them (``nlp.pipe`` is stateless per text).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Sequence

from processors.articles import Rejection, article_from_dict
from processors.contradictions import DetectionPolicy, KeyRecord, observe_all
from processors.enrichment import Enricher, Enrichment
from processors.model import Alert, Article

CHUNK = 256


@dataclass(frozen=True, slots=True)
class CaseResult:
    id: str
    label: str | None
    alerts: list[Alert]
    rejected: list[str]

    @property
    def flagged(self) -> bool:
        return bool(self.alerts)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "alerts": [
                {"alert_id": a.alert_id, "type": a.type,
                 "articles": [a.claim_a.article_id, a.claim_b.article_id],
                 "explanation": a.explanation}
                for a in self.alerts
            ],
        }


def _articles(case: dict[str, Any], now: datetime) -> tuple[list[Article], list[str]]:
    articles, rejected = [], []
    for data in case.get("articles", []):
        parsed = article_from_dict(data, fallback_time=now) if isinstance(data, dict) else Rejection("not_an_object", "")
        if isinstance(parsed, Rejection):
            rejected.append(f"{parsed.reason}: {parsed.detail}")
        else:
            articles.append(parsed)
    return articles, rejected


def evaluate(
    cases: Sequence[dict[str, Any]],
    enricher: Enricher,
    policy: DetectionPolicy,
    *,
    now: datetime,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> list[CaseResult]:
    """Run every case; ``progress(done, total)`` is called as article chunks are enriched."""
    parsed = [_articles(case, now) for case in cases]
    flat = [article for articles, _ in parsed for article in articles]
    enriched: list[Enrichment] = []
    for start in range(0, len(flat), CHUNK):
        enriched.extend(enricher.enrich(flat[start:start + CHUNK]))
        progress(len(enriched), len(flat))
    by_case = iter(enriched)
    results = []
    for case, (articles, rejected) in zip(cases, parsed):
        records: dict[str, KeyRecord] = {}
        alerts: list[Alert] = []
        for _ in articles:
            enrichment = next(by_case)
            alerts.extend(observe_all(enrichment.claims, records, policy, now=now))
        results.append(CaseResult(str(case.get("id")), case.get("label"), alerts, rejected))
    return results


def summarize(results: Sequence[CaseResult], *, seconds: float, articles: int) -> dict[str, Any]:
    """Counts per label, precision/recall on ``conflict``, throughput."""
    labelled = [r for r in results if r.label is not None]
    flagged = Counter(r.label for r in labelled if r.flagged)
    totals = Counter(r.label for r in labelled)
    flagged_labelled = sum(flagged.values())
    summary: dict[str, Any] = {
        "cases": len(results),
        "alerts": sum(len(r.alerts) for r in results),
        "articles": articles,
        "articles_per_second": round(articles / seconds, 1) if seconds > 0 else None,
    }
    if labelled:
        summary["per_label"] = {label: {"cases": totals[label], "flagged": flagged[label]}
                                for label in sorted(totals)}
        summary["precision"] = round(flagged["conflict"] / flagged_labelled, 3) if flagged_labelled else None
        summary["recall"] = round(flagged["conflict"] / totals["conflict"], 3) if totals["conflict"] else None
    return summary
