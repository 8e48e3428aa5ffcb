"""``eval``'s summary arithmetic and case isolation (with a fake enricher: no NLP)."""

from __future__ import annotations

from processors.contradictions import DetectionPolicy
from processors.enrichment import Enrichment
from processors.evaluation import evaluate, summarize
from tests.factories import T0, claim


class FakeEnricher:
    """Gives each article the claims listed under its id."""

    def __init__(self, claims_by_article):
        self.claims_by_article = claims_by_article

    def enrich(self, articles):
        return [Enrichment(a, claims=self.claims_by_article.get(a.id, [])) for a in articles]


def case(case_id, label, *article_ids):
    return {"id": case_id, "label": label, "articles": [
        {"id": i, "source": f"s-{i}", "body": "text", "published_at": "2024-11-09T12:00:00Z"} for i in article_ids]}


def test_cases_start_from_empty_state_and_summary_counts():
    fifty = claim("x1", value_low=50000, value_high=50000)
    eleven = claim("x2", value_low=11000, value_high=11000)
    enricher = FakeEnricher({"a1": [fifty], "a2": [eleven], "b1": [eleven], "c1": [fifty]})
    cases = [case("A", "conflict", "a1", "a2"), case("B", "neutral", "b1"), case("C", "consistent", "c1"),
             case("D", "conflict", "d1"), {"id": "E", "label": "neutral", "articles": [{"source": "x"}]}]
    results = evaluate(cases, enricher, DetectionPolicy(), now=T0)
    assert [r.flagged for r in results] == [True, False, False, False, False]
    assert results[4].rejected == ["missing_field: 'body' is required"]
    assert results[0].to_json()["alerts"][0]["articles"] == ["article-x1", "article-x2"]
    summary = summarize(results, seconds=2.0, articles=7)
    assert summary["precision"] == 1.0 and summary["recall"] == 0.5
    assert summary["per_label"]["conflict"] == {"cases": 2, "flagged": 1}
    assert summary["articles_per_second"] == 3.5
