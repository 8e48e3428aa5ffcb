"""Small builders for domain objects used across tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from processors.model import Claim

T0 = datetime(2024, 11, 9, 12, 0, tzinfo=timezone.utc)


def claim(claim_id: str = "c1", **overrides: Any) -> Claim:
    """A quantity claim about Russia's troops in Kursk, published at ``T0``; override anything."""
    published = overrides.pop("published_at", T0)
    values: dict[str, Any] = dict(
        claim_id=claim_id, key="quantity|russia|troops|kursk", kind="quantity",
        article_id=f"article-{claim_id}", source="outlet", speaker="Speaker", side="speaker",
        subject="Russia", predicate="troops", place="Kursk", sentence="Some sentence.",
        sentence_start=0, sentence_end=14, span_start=0, span_end=4, span_text="Some",
        ref_start=published - timedelta(days=1), ref_end=published, ref_text=None,
        published_at=published, value_low=50000.0, value_high=50000.0,
    )
    values.update(overrides)
    return Claim(**values)


def event(claim_id: str, polarity: str, **overrides: Any) -> Claim:
    """An event claim call(Vladimir Putin, Donald Trump) with the given polarity."""
    values: dict[str, Any] = dict(
        kind="event", key="event|call|putin+trump", predicate="call", subject=None, place=None,
        value_low=None, value_high=None, polarity=polarity, participants=("Vladimir Putin", "Donald Trump"),
    )
    return claim(claim_id, **(values | overrides))
