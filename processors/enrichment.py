"""Batch enrichment: one ``nlp.pipe`` pass over many articles, then claim extraction.

One ``Enricher`` per process holds the loaded model. Every batch runs inside
``nlp.memory_zone()`` so the vocabulary and string store do not grow with the stream;
everything that leaves the zone is plain Python data. A failure on one article (in spaCy or
in extraction) is isolated to that article and reported, never to the batch.
Batches are bounded by articles and words (``processors.batching``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from processors.batching import BATCH_SIZE, BATCH_WORDS, word_batches

from processors.extraction import extract
from processors.model import Article, Claim, Entity


@dataclass(frozen=True, slots=True)
class Enrichment:
    """What enrichment made of one article; ``error`` is set when it could not be enriched."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    error: str | None = None


class Enricher:
    """Runs the spaCy pipeline in batches and extracts entities and claims."""

    def __init__(self, nlp: Any, *, batch_size: int = BATCH_SIZE, batch_words: int = BATCH_WORDS) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.batch_words = batch_words

    def batches(self, articles: Sequence[Article]) -> Iterator[list[Article]]:
        """``articles`` cut into the batches ``enrich`` runs one ``nlp.pipe`` call on."""
        return word_batches(articles, max_articles=self.batch_size, max_words=self.batch_words)

    def enrich(self, articles: Sequence[Article]) -> list[Enrichment]:
        """Enrich ``articles`` in order, batch by batch; one result per article."""
        return [result for batch in self.batches(articles) for result in self.enrich_batch(batch)]

    def enrich_batch(self, articles: Sequence[Article]) -> list[Enrichment]:
        """Enrich ``articles`` in one ``nlp.pipe`` call (already cut by ``batches``)."""
        if not articles:
            return []
        with self.nlp.memory_zone():
            try:
                docs = list(self.nlp.pipe((a.text for a in articles), batch_size=len(articles)))
            except Exception:  # noqa: BLE001 - isolate the failing article below
                return [self._enrich_one(article) for article in articles]
            return [self._extract(article, doc) for article, doc in zip(articles, docs)]

    def _enrich_one(self, article: Article) -> Enrichment:
        try:
            doc = self.nlp(article.text)
        except Exception as exc:  # noqa: BLE001 - reported as a dead letter
            return Enrichment(article, error=f"nlp: {type(exc).__name__}: {exc}")
        return self._extract(article, doc)

    @staticmethod
    def _extract(article: Article, doc: Any) -> Enrichment:
        try:
            entities, claims = extract(doc, article)
        except Exception as exc:  # noqa: BLE001 - reported as a dead letter
            return Enrichment(article, error=f"extract: {type(exc).__name__}: {exc}")
        return Enrichment(article, entities, claims)
