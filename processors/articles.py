"""Turning raw input bytes into a validated ``Article`` or a machine-readable ``Rejection``.

The limits are part of the product contract (README, "Input limits"): a record over
``max_record_bytes`` is rejected before it is parsed, and a body over ``max_body_chars`` is
rejected rather than truncated, so an editor never sees a claim cut out of context.
Unknown fields are ignored (forward compatibility); known fields must have their types.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

import orjson

from processors.model import Article, parse_iso

RejectReason = Literal[
    "too_large",
    "invalid_utf8",
    "invalid_json",
    "not_an_object",
    "missing_field",
    "wrong_type",
    "empty_body",
    "body_too_long",
    "invalid_published_at",
    "processing_error",
]

REJECT_REASONS: tuple[str, ...] = RejectReason.__args__  # type: ignore[attr-defined]

EARLIEST = datetime(1000, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(9000, 1, 1, tzinfo=timezone.utc)
"""``published_at`` bounds: four-digit years with room for date arithmetic (a year-1 time has
no ISO form on the wire, a year-9999 one overflows a day later)."""

_REQUIRED = ("source", "body")
_OPTIONAL = ("id", "title", "url", "published_at")


@dataclass(frozen=True, slots=True)
class InputLimits:
    """Size limits for one input record (bytes on the wire, characters of body)."""

    max_record_bytes: int = 1_000_000
    max_body_chars: int = 200_000


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an input could not be processed: a reason code and a human detail."""

    reason: RejectReason
    detail: str


def content_id(source: str, title: str, body: str) -> str:
    """A stable article id from its content, so re-sending the same article is idempotent."""
    digest = hashlib.sha256("\x1f".join((source, title, body)).encode("utf-8"))
    return "sha256-" + digest.hexdigest()[:32]


def parse_article(
    raw: bytes, *, fallback_time: datetime, limits: InputLimits = InputLimits()
) -> Article | Rejection:
    """Validate one raw record. ``fallback_time`` (the Kafka timestamp) fills a missing
    ``published_at``."""
    if len(raw) > limits.max_record_bytes:
        return Rejection("too_large", f"{len(raw)} bytes > limit {limits.max_record_bytes}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection("invalid_utf8", str(exc))
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return Rejection("invalid_json", str(exc))
    if not isinstance(data, dict):
        return Rejection("not_an_object", f"expected a JSON object, got {type(data).__name__}")
    return article_from_dict(data, fallback_time=fallback_time, limits=limits)


def article_from_dict(
    data: dict[str, Any], *, fallback_time: datetime, limits: InputLimits = InputLimits()
) -> Article | Rejection:
    """Validate an already decoded article object (also used by file readers and ``eval``)."""
    for name in _REQUIRED:
        if data.get(name) is None:
            return Rejection("missing_field", f"'{name}' is required")
    for name in _REQUIRED + _OPTIONAL:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            return Rejection("wrong_type", f"'{name}' must be a string, got {type(value).__name__}")
    source, body = data["source"].strip(), data["body"].strip()
    if not source:
        return Rejection("missing_field", "'source' is empty")
    if not body:
        return Rejection("empty_body", "'body' is empty")
    if len(body) > limits.max_body_chars:
        return Rejection("body_too_long", f"{len(body)} chars > limit {limits.max_body_chars}")
    title = (data.get("title") or "").strip()
    published_at = fallback_time
    if data.get("published_at"):
        try:
            published_at = parse_iso(data["published_at"])
        except (ValueError, OverflowError) as exc:  # OverflowError: year 1 with an offset
            return Rejection("invalid_published_at", f"{data['published_at'][:100]!r}: {exc}")
        if not EARLIEST <= published_at <= LATEST:
            return Rejection("invalid_published_at",
                             f"{data['published_at'][:100]!r} is outside {EARLIEST.year}..{LATEST.year}")
    return Article(
        id=(data.get("id") or "").strip() or content_id(source, title, body),
        source=source,
        body=body,
        published_at=published_at,
        title=title,
        url=data.get("url") or None,
    )
