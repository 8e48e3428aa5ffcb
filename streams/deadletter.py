"""Dead-letter records: the original bytes of a rejected input, its origin and the reason.

A dead letter must always be publishable, whatever the input was: the copy of the payload
is cut to ``MAX_PAYLOAD_BYTES`` (``payload_truncated`` says so, ``payload_size`` keeps the
original size, and ``topic``/``partition``/``offset`` point at the untruncated original),
and the detail to ``MAX_DETAIL_CHARS``. Even JSON-escaped (6 bytes per byte at worst) the
record stays far below the producer's and the broker's 1 MB message limit.
"""

from __future__ import annotations

import base64
from datetime import datetime, timezone

from processors.model import iso
from schemas.records import DeadLetterRecord

MAX_PAYLOAD_BYTES = 64 * 1024
MAX_DETAIL_CHARS = 2000


def payload_text(raw: bytes | None, limit: int = MAX_PAYLOAD_BYTES) -> tuple[str, str, bool]:
    """The payload as text: UTF-8 when it decodes, base64 otherwise; cut to ``limit``
    bytes (never inside a UTF-8 character). Returns (text, encoding, truncated)."""
    raw = raw or b""
    truncated = len(raw) > limit
    if not truncated:
        try:
            return raw.decode("utf-8"), "utf-8", False
        except UnicodeDecodeError:
            return base64.b64encode(raw).decode("ascii"), "base64", False
    for cut in range(limit, max(limit - 4, -1), -1):  # a UTF-8 character has at most 4 bytes
        try:
            return raw[:cut].decode("utf-8"), "utf-8", True
        except UnicodeDecodeError:
            continue
    return base64.b64encode(raw[:limit]).decode("ascii"), "base64", True


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
    payload, encoding, truncated = payload_text(raw)
    if len(detail) > MAX_DETAIL_CHARS:
        detail = detail[: MAX_DETAIL_CHARS - 1] + "…"
    return DeadLetterRecord(
        reason=reason,
        detail=detail,
        topic=topic,
        partition=partition,
        offset=offset,
        timestamp=iso(datetime.fromtimestamp(timestamp, timezone.utc)) if timestamp else None,
        payload=payload,
        payload_encoding=encoding,
        payload_truncated=truncated,
        payload_size=len(raw or b""),
        article_id=article_id,
        dead_lettered_at=iso(datetime.now(timezone.utc)),
    )
