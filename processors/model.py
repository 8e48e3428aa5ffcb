"""The domain model: plain, immutable dataclasses shared by every processor.

Times are timezone-aware UTC ``datetime`` objects inside the processors; they become
ISO-8601 strings only at the wire edge (``to_wire`` / ``from_wire``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from typing import Any, Literal

ClaimKind = Literal["quantity", "event"]
Polarity = Literal["asserted", "denied", "noncommittal"]
AlertType = Literal["numeric", "polarity"]


def iso(moment: datetime) -> str:
    """ISO-8601 in UTC with a ``Z`` suffix, second precision."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    """Parse ISO-8601 (``Z`` or offset, or naive meaning UTC) into an aware UTC datetime."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


class WireMixin:
    """``to_wire``/``from_wire`` for dataclasses whose datetime fields travel as ISO strings."""

    def to_wire(self) -> dict[str, Any]:
        data = asdict(self)  # type: ignore[call-overload]
        return {k: iso(v) if isinstance(v, datetime) else v for k, v in data.items()}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Any:
        values = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            value = data[f.name]
            if isinstance(value, str) and "datetime" in str(f.type):
                value = parse_iso(value)
            elif isinstance(value, list) and str(f.type).startswith("tuple"):
                value = tuple(value)
            values[f.name] = value
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Article(WireMixin):
    """A validated input article. ``id`` is always set (derived from content when absent)."""

    id: str
    source: str
    body: str
    published_at: datetime
    title: str = ""
    url: str | None = None

    @property
    def text(self) -> str:
        """The text the NLP sees: the title (if any) as its own paragraph, then the body."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body


@dataclass(frozen=True, slots=True)
class Entity(WireMixin):
    """A named entity with its canonical name; offsets are into ``Article.text``."""

    text: str
    label: str
    canonical: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Claim(WireMixin):
    """One attributed claim, quantity or event, ready to be compared by ``key``.

    ``key`` identifies *what* the claim is about (kind, holder, predicate, place or
    participants): claims with equal keys are comparable. ``side`` groups speakers that speak
    for the same party (the Kremlin, Peskov and Moscow are one side). Offsets are into
    ``Article.text``: the sentence, and the span carrying the value or the polarity cue.
    ``ref_start``/``ref_end`` bound the time the claim is about.
    """

    claim_id: str
    key: str
    kind: ClaimKind
    article_id: str
    source: str
    speaker: str | None
    side: str | None
    subject: str | None
    predicate: str
    place: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    span_start: int
    span_end: int
    span_text: str
    ref_start: datetime
    ref_end: datetime
    ref_text: str | None
    published_at: datetime
    value_low: float | None = None
    value_high: float | None = None
    unit: str | None = None
    polarity: Polarity = "asserted"
    hedged: bool = False
    participants: tuple[str, ...] = field(default_factory=tuple)
    #: the country the article puts ``place`` in ("Russia's Kursk region"), when it says
    place_country: str | None = None
    #: the count is of one attack ("a strike on a house killed five"), not of a place's day
    #: ("strikes killed 30 in Gaza City"), of which one attack's toll is a part
    one_attack: bool = False


@dataclass(frozen=True, slots=True)
class Alert(WireMixin):
    """A contradiction between two claims with the same key.

    ``claim_a``/``claim_b`` are ordered by claim id, so the alert is the same whichever claim
    arrived first; ``alert_id`` is derived from the two claim ids alone.
    """

    alert_id: str
    type: AlertType
    key: str
    claim_a: Claim
    claim_b: Claim
    detected_at: datetime
    explanation: str

    def to_wire(self) -> dict[str, Any]:
        return {
            "alert_id": self.alert_id,
            "type": self.type,
            "key": self.key,
            "claim_a": self.claim_a.to_wire(),
            "claim_b": self.claim_b.to_wire(),
            "detected_at": iso(self.detected_at),
            "explanation": self.explanation,
        }
