"""NLP batches bounded by articles and words (``processors.batching``)."""

from __future__ import annotations

from processors.batching import word_batches
from processors.model import Article
from tests.factories import T0


def _articles(*words: int) -> list[Article]:
    return [Article(id=f"a{i}", source="S", published_at=T0, title="", body=" ".join(["w"] * n))
            for i, n in enumerate(words)]


def _shape(batches: list[list[Article]]) -> list[list[str]]:
    return [[a.id for a in batch] for batch in batches]


def test_batches_keep_order_and_respect_both_bounds() -> None:
    articles = _articles(100, 100, 100, 100, 100)
    assert _shape(list(word_batches(articles, max_articles=2, max_words=10_000))) == \
        [["a0", "a1"], ["a2", "a3"], ["a4"]]
    assert _shape(list(word_batches(articles, max_articles=32, max_words=250))) == \
        [["a0", "a1"], ["a2", "a3"], ["a4"]]


def test_an_article_longer_than_the_budget_is_a_batch_of_its_own() -> None:
    articles = _articles(50, 5_000, 50)
    assert _shape(list(word_batches(articles, max_articles=32, max_words=1_000))) == [["a0"], ["a1"], ["a2"]]


def test_no_articles_no_batches() -> None:
    assert list(word_batches([], max_articles=8, max_words=100)) == []
