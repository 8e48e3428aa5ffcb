"""Dead-letter records: the original bytes of a rejected input, its origin and the reason."""

from __future__ import annotations

import base64
from datetime import datetime, timezone

from processors.model import iso
from schemas.records import DeadLetterRecord


def payload_text(raw: bytes | None) -> tuple[str, str]:
    """The payload as text: UTF-8 when it decodes, base64 otherwise (with its encoding)."""
    raw = raw or b""
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return base64.b64encode(raw).decode("ascii"), "base64"


def dead_letter_record(
    *,
    raw: bytes | None,
    reason: str,
    detail: str,
    topic: str,
    partition: int,
    offset: int,
    timestamp: float | None,
    article_id: str | None = None,
) -> DeadLetterRecord:
    """``timestamp`` is the input record's Kafka timestamp in seconds (None if unknown)."""
    payload, encoding = payload_text(raw)
    return DeadLetterRecord(
        reason=reason,
        detail=detail,
        topic=topic,
        partition=partition,
        offset=offset,
        timestamp=iso(datetime.fromtimestamp(timestamp, timezone.utc)) if timestamp else None,
        payload=payload,
        payload_encoding=encoding,
        article_id=article_id,
        dead_lettered_at=iso(datetime.now(timezone.utc)),
    )
