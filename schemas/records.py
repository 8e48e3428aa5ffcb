"""The records claimwatch publishes, one class per output topic (plus the claim they nest).

Every record carries ``schema_version``; the JSON Schema files beside this module are
generated from these classes (``python -m schemas.jsonschema --write``) and a test keeps them
in step. Times travel as ISO-8601 UTC strings (``2024-11-09T12:00:00Z``).
The input (``articles.raw``) is parsed by ``processors.articles`` rather than by a Record so
that a malformed input can be dead-lettered with its reason instead of crashing a stream.
"""

from __future__ import annotations

from typing import List, Literal, Optional

import faust

from schemas import codecs

codecs.register()

SCHEMA_VERSION = 1


class WireRecord(
    faust.Record,
    abstract=True,
    validation=True,
    coerce=True,
    include_metadata=False,
    serializer="orjson",
):
    """Base of every record on the wire: validated, plain JSON (no Faust metadata)."""


class EntityRecord(WireRecord):
    text: str
    label: str
    canonical: str
    start_char: int
    end_char: int


class ClaimRecord(WireRecord):
    claim_id: str
    key: str
    kind: Literal["quantity", "event"]
    article_id: str
    source: str
    speaker: Optional[str]
    side: Optional[str]
    subject: Optional[str]
    predicate: str
    place: Optional[str]
    sentence: str
    sentence_start: int
    sentence_end: int
    span_start: int
    span_end: int
    span_text: str
    ref_start: str
    ref_end: str
    ref_text: Optional[str]
    published_at: str
    value_low: Optional[float] = None
    value_high: Optional[float] = None
    unit: Optional[str] = None
    polarity: Literal["asserted", "denied", "noncommittal"] = "asserted"
    hedged: bool = False
    participants: List[str] = []
    place_country: Optional[str] = None
    one_attack: bool = False
    schema_version: int = SCHEMA_VERSION


class EnrichedArticleRecord(WireRecord):
    id: str
    source: str
    title: str
    body: str
    url: Optional[str]
    published_at: str
    entities: List[EntityRecord]
    claims: List[ClaimRecord]
    enriched_at: str
    schema_version: int = SCHEMA_VERSION


class AlertRecord(WireRecord):
    alert_id: str
    type: Literal["numeric", "polarity"]
    key: str
    claim_a: ClaimRecord
    claim_b: ClaimRecord
    detected_at: str
    explanation: str
    schema_version: int = SCHEMA_VERSION


class DeadLetterRecord(WireRecord):
    reason: str
    detail: str
    topic: str
    partition: int
    offset: int
    timestamp: Optional[str]
    payload: str
    payload_encoding: Literal["utf-8", "base64"]
    article_id: Optional[str]
    dead_lettered_at: str
    payload_truncated: bool = False  # the payload is a prefix of the original (at the origin offset)
    payload_size: Optional[int] = None  # size of the original record in bytes
    schema_version: int = SCHEMA_VERSION

TOPIC_RECORDS: dict[str, type[WireRecord]] = {
    "articles.enriched": EnrichedArticleRecord,
    "claims": ClaimRecord,
    "alerts.contradictions": AlertRecord,
    "articles.deadletter": DeadLetterRecord,
}
"""Default topic name → the record it carries (names are prefixed by configuration)."""
