"""Property-based tests of the input parser: whatever the bytes, ``parse_article`` returns an
``Article`` or a ``Rejection`` with a known reason, and never raises."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from typing import Any

import orjson
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from processors.articles import REJECT_REASONS, InputLimits, Rejection, parse_article
from processors.model import Article, iso, parse_iso
from schemas.records import EnrichedArticleRecord

KAFKA_TIME = datetime(2024, 11, 9, 12, 0, tzinfo=timezone.utc)
EXAMPLES = int(os.environ.get("CLAIMWATCH_FUZZ_EXAMPLES", "600"))  # more: a longer search
FIELDS = ("id", "source", "title", "body", "url", "published_at")

json_scalars = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | \
    st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4) |
                           st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)

# Times as a producer might write them: ISO in every shape, edge years, offsets, garbage.
time_texts = (
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59),
                 timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=14)),
                                            timezone(timedelta(hours=-12)), None])).map(datetime.isoformat)
    | st.sampled_from(["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2024-11-09",
                       "2024-11-09T12:00:00z", "2024-02-30T00:00:00Z", "yesterday", "", " ",
                       "2024-11-09T25:00:00Z", "+2024-11-09", "2024-W45-6", "20241109T120000Z"])
    | st.text(max_size=30)
)
field_values = st.one_of(json_values, time_texts, st.text(max_size=200))


@st.composite
def article_objects(draw: Any) -> dict[str, Any]:
    """Objects with some of the known fields, any of them possibly of the wrong type, plus
    unknown fields."""
    data = {name: draw(field_values) for name in FIELDS if draw(st.booleans())}
    if draw(st.booleans()):
        data["published_at"] = draw(time_texts)
    data.update(draw(st.dictionaries(st.text(max_size=10), json_values, max_size=3)))
    return data


@st.composite
def valid_articles(draw: Any) -> dict[str, Any]:
    text = st.text(min_size=1, max_size=300).filter(lambda s: s.strip())
    data: dict[str, Any] = {"source": draw(text), "body": draw(text)}
    for name in ("id", "title", "url"):
        if draw(st.booleans()):
            data[name] = draw(st.text(max_size=50))
    if draw(st.booleans()):
        moment = draw(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1),
                                   timezones=st.just(timezone.utc)))
        data["published_at"] = moment.isoformat()
    return data


def dumps(value: Any) -> bytes:
    """JSON as any producer may write it (integers beyond 64 bits, non-ASCII escaped)."""
    return json.dumps(value).encode()


def mutate(raw: bytes, cuts: list[tuple[int, int]]) -> bytes:
    """Flip or drop bytes of ``raw`` at the given positions."""
    data = bytearray(raw)
    for position, value in cuts:
        if not data:
            break
        index = position % len(data)
        if value < 256:
            data[index] = value
        else:
            del data[index]
    return bytes(data)


limits = st.builds(InputLimits, max_record_bytes=st.integers(1, 2_000), max_body_chars=st.integers(1, 300)) | \
    st.just(InputLimits())

inputs = (
    st.binary(max_size=300)
    | article_objects().map(dumps)
    | valid_articles().map(dumps)
    | st.tuples(valid_articles().map(dumps),
                st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 300)), max_size=5)).map(lambda t: mutate(*t))
    | json_values.map(dumps)
)


def check(result: Any, raw: bytes, limit: InputLimits) -> None:
    assert isinstance(result, (Article, Rejection))
    if isinstance(result, Rejection):
        assert result.reason in REJECT_REASONS and isinstance(result.detail, str) and result.detail
        if len(raw) > limit.max_record_bytes:
            assert result.reason == "too_large"
        return
    assert len(raw) <= limit.max_record_bytes
    assert result.id and result.source and result.source == result.source.strip()
    assert result.body and len(result.body) <= limit.max_body_chars
    assert result.published_at.tzinfo is not None and result.published_at.utcoffset() == timedelta(0)
    assert parse_iso(iso(result.published_at)) == result.published_at.replace(microsecond=0)
    # what the agent builds from it is a valid, serialisable record
    record = EnrichedArticleRecord.from_data({**result.to_wire(), "entities": [], "claims": [],
                                              "enriched_at": iso(KAFKA_TIME)})
    assert orjson.loads(record.dumps())["id"] == result.id


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=inputs, limit=limits)
@example(raw=b'{"source": "X", "body": "x", "published_at": "0001-01-01T00:00:00+01:00"}', limit=InputLimits())
@example(raw=b'{"source": "X", "body": "x", "published_at": "9999-12-31T23:59:59-01:00"}', limit=InputLimits())
@example(raw=b'{"source": "\\ud800", "body": "x"}', limit=InputLimits())
@example(raw=b'{"source": "X", "body": "x", "id": "\\udfff"}', limit=InputLimits())
@example(raw=b'{"source": "X", "body": "' + b"[" * 3000 + b'"}', limit=InputLimits())
@example(raw=b"[" * 5000, limit=InputLimits())
@example(raw=b'{"source": "X", "body": 123456789012345678901234567890}', limit=InputLimits())
@example(raw=b"\xef\xbb\xbf{}", limit=InputLimits())
def test_parse_article_never_raises_and_always_answers(raw: bytes, limit: InputLimits) -> None:
    result = parse_article(raw, fallback_time=KAFKA_TIME, limits=limit)
    check(result, raw, limit)
    assert parse_article(raw, fallback_time=KAFKA_TIME, limits=limit) == result  # deterministic


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(data=valid_articles())
def test_valid_articles_are_accepted_as_given(data: dict[str, Any]) -> None:
    result = parse_article(orjson.dumps(data), fallback_time=KAFKA_TIME)
    assert isinstance(result, Article), result
    assert result.source == data["source"].strip() and result.body == data["body"].strip()
    if "published_at" not in data:
        assert result.published_at == KAFKA_TIME
    if (data.get("id") or "").strip():
        assert result.id == data["id"].strip()
    unknown = {**data, "x-unknown": {"nested": [1, None]}, "tags": ["a"]}
    assert parse_article(orjson.dumps(unknown), fallback_time=KAFKA_TIME) == result  # ignored
