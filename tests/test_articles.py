"""Input validation: every malformed input gets a machine-readable reason."""

from __future__ import annotations

from datetime import datetime, timezone

import orjson
import pytest

from processors.articles import InputLimits, Rejection, content_id, parse_article
from processors.model import Article

KAFKA_TIME = datetime(2024, 11, 9, 12, 0, tzinfo=timezone.utc)


def parse(raw: bytes, limits: InputLimits = InputLimits()):
    return parse_article(raw, fallback_time=KAFKA_TIME, limits=limits)


def test_valid_article_with_all_fields():
    raw = orjson.dumps({"id": "a1", "source": "Reuters", "title": "T", "body": "Body.",
                        "url": "https://x", "published_at": "2024-11-08T10:00:00+02:00"})
    article = parse(raw)
    assert isinstance(article, Article)
    assert article.published_at == datetime(2024, 11, 8, 8, 0, tzinfo=timezone.utc)
    assert article.text == "T\n\nBody."


def test_missing_id_is_derived_from_content_and_missing_time_is_the_kafka_time():
    raw = orjson.dumps({"source": "AP", "body": "Body.", "extra": {"ignored": True}})
    first, second = parse(raw), parse(raw)
    assert isinstance(first, Article) and first.id == second.id == content_id("AP", "", "Body.")
    assert first.published_at == KAFKA_TIME


@pytest.mark.parametrize("raw, reason", [
    (b"\xff\xfe not utf-8", "invalid_utf8"),
    (b"{not json", "invalid_json"),
    (b"[1, 2]", "not_an_object"),
    (b'{"source": "AP"}', "missing_field"),
    (b'{"body": "x"}', "missing_field"),
    (b'{"source": "AP", "body": 42}', "wrong_type"),
    (b'{"source": "AP", "body": "x", "title": ["t"]}', "wrong_type"),
    (b'{"source": "AP", "body": "   "}', "empty_body"),
    (b'{"source": "AP", "body": "x", "published_at": "yesterday"}', "invalid_published_at"),
])
def test_malformed_inputs_are_rejected_with_their_reason(raw: bytes, reason: str):
    result = parse(raw)
    assert isinstance(result, Rejection) and result.reason == reason and result.detail


def test_size_limits():
    limits = InputLimits(max_record_bytes=100, max_body_chars=10)
    assert parse(b"{" + b" " * 200 + b"}", limits).reason == "too_large"
    assert parse(orjson.dumps({"source": "AP", "body": "x" * 11}), limits).reason == "body_too_long"
