"""Contradiction detection between claims that share a claim key.

``observe`` compares a new claim with the record of its key (``KeyRecord``) and returns the
new alerts and the key's new record. It is pure: the stream keeps the records in a Faust
table, ``eval`` and the tests in a plain ``dict``.

The verdict on a pair is symmetric and the alert id depends only on the two claim ids:
whichever claim of a pair arrives second raises the alert, and a replayed claim is never
compared with its own copy. One alert is raised per dispute (two parties' stances, ``stance``),
not per pair of claims: the same denial carried by five outlets against the same report makes
one alert. So the set of disputes alerted does not depend on arrival order or on replays;
which pair of claims stands for a dispute is the first to meet, and a replay in the
partition's order meets the same one. This holds within retention and the per-key cap (see
``DetectionPolicy``): a claim that arrives more than ``retention`` behind the newest claim of
its key, or after more than ``max_claims_per_key`` newer ones, may miss a pair, and a dispute
whose alerted pair has left the record may be alerted again.

State is bounded: ``observe`` keeps a key's claims within ``retention`` of its newest claim
and at most ``max_claims_per_key`` of them, and drops the dedup state with its claims;
``sweep`` removes keys whose newest claim is older than ``retention`` before the event-time
watermark, so keys that are never touched again leave the table too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Iterable, Mapping, MutableMapping

from processors.entities import key_name, same_person
from processors.model import Alert, Claim


@dataclass(frozen=True, slots=True)
class DetectionPolicy:
    """Knobs of the detector.

    ``relative_tolerance`` absorbs rounding ("about 11,000" vs "10,500"); ``time_slack`` is
    how far apart two reference periods may be and still count as the same time;
    ``retention`` is how long (in event time) a claim stays on record; ``max_claims_per_key``
    caps one key's record (the oldest claims go first).
    """

    relative_tolerance: float = 0.1
    time_slack: timedelta = timedelta(days=1)
    retention: timedelta = timedelta(days=30)
    max_claims_per_key: int = 64


def alert_id_for(claim_a: Claim, claim_b: Claim) -> str:
    """Same pair of claims → same id, in either order."""
    first, second = sorted((claim_a.claim_id, claim_b.claim_id))
    return hashlib.sha256(f"{first}|{second}".encode()).hexdigest()[:32]


#: Periods longer than this (a month, a quarter, a year) are told by their own bounds: the slack
#: that lets "on Monday" meet "last week" would make September meet October.
_SLACK_REACH = timedelta(days=8)


def same_time(a: Claim, b: Claim, slack: timedelta) -> bool:
    """Whether the two claims' reference periods overlap (within ``slack`` when one of them is
    a matter of days)."""
    if min(a.ref_end - a.ref_start, b.ref_end - b.ref_start) > _SLACK_REACH:
        slack = timedelta(0)
    return a.ref_start <= b.ref_end + slack and b.ref_start <= a.ref_end + slack


def within_retention(a: Claim, b: Claim, retention: timedelta) -> bool:
    return abs(a.published_at - b.published_at) <= retention


def _bounds(claim: Claim, tolerance: float) -> tuple[float, float]:
    low = claim.value_low if claim.value_low is not None else float("-inf")
    high = claim.value_high if claim.value_high is not None else float("inf")
    return low * (1 - tolerance), high * (1 + tolerance)


def _tolerance(claim: Claim, policy: DetectionPolicy) -> float:
    """The rounding a count may carry: none for an exact count that is no round number ("all 72
    people on board" against "68 people died"), the policy's for "11,000", "about 500" or a share."""
    value = claim.value_low
    exact = claim.unit == "count" and value is not None and value == claim.value_high and value == int(value)
    return 0.0 if exact and int(value) % 10 else policy.relative_tolerance


def _range_text(claim: Claim) -> str:
    def text(value: float) -> str:
        return f"{value:g}%" if claim.unit == "percent" else f"{value:,.0f}"

    low, high = claim.value_low, claim.value_high
    if low is not None and high is not None:
        return text(low) if low == high else f"{text(low)}–{text(high)}"
    if low is not None:
        return f"≥{text(low)}"
    return f"≤{text(high)}" if high is not None else "?"


def _who(claim: Claim) -> str:
    speaker = claim.speaker or "unattributed"
    return speaker if speaker == claim.source else f"{speaker} (via {claim.source})"


def _about(claim: Claim) -> str:
    if claim.kind == "event":
        within = f" ({claim.place_country})" if claim.place_country else ""
        place = f" in {claim.place}{within}" if claim.place else ""
        return f"{claim.predicate}({', '.join(claim.participants)}){place}"
    holder = f"{claim.subject} " if claim.subject else ""
    place = f" in {claim.place}" if claim.place else ""
    return f"{holder}{claim.predicate}{place}"


def _period(claim: Claim) -> str:
    start, end = claim.ref_start.date().isoformat(), claim.ref_end.date().isoformat()
    return start if start == end else f"{start}..{end}"


#: How far back a denial that names no date reaches: "the Kremlin on Monday denied that Putin
#: had spoken with Trump" denies last Thursday's reported call too.
_UNDATED_DENIAL_REACH = timedelta(days=7)


def _undated_denial_covers(a: Claim, b: Claim) -> bool:
    """Whether one event claim is a denial with no date of its own and the other asserts
    the event in the week before that denial was published, or was published in that week
    about an earlier time ("denied reports that Kim had undergone surgery" five days after
    "had surgery last month")."""
    if a.kind != "event" or {a.polarity, b.polarity} != {"asserted", "denied"}:
        return False
    asserting, denying = (a, b) if a.polarity == "asserted" else (b, a)
    since = denying.published_at - _UNDATED_DENIAL_REACH
    return denying.ref_text is None and asserting.ref_start <= denying.published_at and \
        (since <= asserting.ref_start or since <= asserting.published_at <= denying.published_at)


#: Tolls of people in general, which only grow as a story unfolds: 12 killed in the morning
#: and 30 in the evening is an update; 30 in the morning and 12 in the evening is a
#: discrepancy. Counts of one side's losses ("troops killed") are what sides dispute, so a
#: higher later figure there still alerts.
GROWING_TOLLS = frozenset("killed injured casualties arrested displaced evacuated hospitalised sickened".split())


#: The suffix of a count since some start ("35,000 killed since the war began"): a running
#: total, compared only with other running totals (never with one day's count) as of the
#: day it is reported.
TO_DATE = " to date"


def _grows(claim: Claim) -> bool:
    return claim.predicate.removesuffix(TO_DATE) in GROWING_TOLLS


def _spans_more(wide: Claim, narrow: Claim) -> bool:
    """Whether ``wide`` is dated (as ``narrow`` is) by a period that holds ``narrow``'s and more."""
    return wide.ref_text is not None and narrow.ref_text is not None and \
        wide.ref_start <= narrow.ref_start and narrow.ref_end <= wide.ref_end and \
        (wide.ref_start, wide.ref_end) != (narrow.ref_start, narrow.ref_end)


#: The predicates of allegation claims: of a deed ("A accused B", "B denied the allegations")
#: and of words ("B is alleged to have written that ...", "B denied saying ...").
ALLEGATION, STATEMENT_ALLEGATION = "allegation", "allegation-of-words"
_ALLEGATIONS = frozenset({ALLEGATION, STATEMENT_ALLEGATION})


def compare(a: Claim, b: Claim, policy: DetectionPolicy) -> tuple[str, str] | None:
    """The (alert type, explanation) if ``a`` and ``b`` contradict each other, else None.

    Symmetric in its arguments up to the wording of the explanation.
    """
    if a.key != b.key or a.claim_id == b.claim_id or a.kind != b.kind:
        return None
    if not within_retention(a, b, policy.retention):
        return None
    allegation = a.kind == "event" and a.predicate in _ALLEGATIONS
    if allegation and a.article_id == b.article_id:
        return None  # one story giving the accusation and the denial is no contradiction
    if not allegation and not same_time(a, b, policy.time_slack) and not _undated_denial_covers(a, b):
        return None  # an allegation is about a past act: its date is when it was voiced
    if a.kind == "quantity":
        if a.unit != b.unit:
            return None
        if "denied" in (a.polarity, b.polarity):
            return _disputed_count(a, b, policy)
        a_low, a_high = _bounds(a, _tolerance(a, policy))
        b_low, b_high = _bounds(b, _tolerance(b, policy))
        if a_high >= b_low and b_high >= a_low:
            return None
        lower, higher = (a, b) if a_high < b_low else (b, a)
        if lower.one_attack and not higher.one_attack:
            return None  # "a strike on a house killed five" against "strikes killed 30" there that day: a part
        if _grows(a) and lower.published_at < higher.published_at:
            return None  # a toll that rose between two reports is an update
        if _grows(a) and _spans_more(higher, lower):
            return None  # 12 killed "on the night of August 17-18" against 5 "on August 18": that day a part
        return "numeric", (
            f"{_who(a)} puts {_about(a)} at {_range_text(a)}, {_who(b)} at {_range_text(b)} "
            f"for the same period ({_period(a)} / {_period(b)})"
        )
    polarities = {a.polarity, b.polarity}
    if polarities != {"asserted", "denied"}:
        return None
    asserting, denying = (a, b) if a.polarity == "asserted" else (b, a)
    if not allegation and asserting.ref_start >= denying.published_at:
        return None  # "X remains in custody" on Monday, "X was released on Tuesday": told after it, an update
    if a.place and b.place and key_name(a.place) != key_name(b.place) and asserting.place_country != denying.place:
        # troops sent to Belarus, denied in Ukraine: two deployments; troops said to be in
        # "Russia's Kursk region" against none in Russia: one
        return None
    if a.predicate == "capture" and a.subject is not None and a.subject == b.subject:
        return None  # "Russian forces captured X" and "X remains under Russian control": one holder
    if not all(same_person(x, y) for x, y in zip(a.participants, b.participants)):
        return None  # "Judd Nelson" and "Willie Nelson" share a key, not a person
    if a.side is not None and a.side == b.side:
        return None
    hedge = " (hedged)" if asserting.hedged else ""
    # "denies it", or what it denies when that is elsewhere: "denies deployment(North Korea) in Russia"
    denied = "it" if denying.place in (None, asserting.place) else _about(denying)
    return "polarity", (
        f"{_who(asserting)} reports {_about(asserting)}{hedge}; "
        f"{_who(denying)} denies {denied} ({_period(asserting)})"
    )


def _disputed_count(a: Claim, b: Claim, policy: DetectionPolicy) -> tuple[str, str] | None:
    """A count one party gives and another calls false ("the figure was exaggerated"): the
    denial carries the figure it disputes, so it answers a count of that size only."""
    if {a.polarity, b.polarity} != {"asserted", "denied"} or a.side is not None and a.side == b.side:
        return None
    asserting, denying = (a, b) if a.polarity == "asserted" else (b, a)
    a_low, a_high = _bounds(asserting, policy.relative_tolerance)
    d_low, d_high = _bounds(denying, policy.relative_tolerance)
    if a_high < d_low or d_high < a_low:
        return None  # the figure disputed is another one
    return "polarity", (
        f"{_who(asserting)} puts {_about(asserting)} at {_range_text(asserting)}; "
        f"{_who(denying)} disputes that figure ({_period(asserting)})"
    )


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """What is on record for one claim key: its claims by id, and the alerts already raised
    (alert id → the two claim ids), so a replayed claim does not raise its alerts twice.
    Alert ids leave the record with their claims, so this dedup state is bounded too."""

    claims: dict[str, Claim] = field(default_factory=dict)
    alerted: dict[str, tuple[str, str]] = field(default_factory=dict)

    def to_wire(self) -> dict[str, Any]:
        return {
            "claims": [c.to_wire() for c in self.claims.values()],
            "alerted": {alert_id: list(pair) for alert_id, pair in self.alerted.items()},
        }

    @classmethod
    def from_wire(cls, data: dict[str, Any] | None) -> KeyRecord:
        if not data:
            return cls()
        claims = (Claim.from_wire(c) for c in data.get("claims", ()))
        return cls(
            claims={c.claim_id: c for c in claims},
            alerted={k: (v[0], v[1]) for k, v in data.get("alerted", {}).items()},
        )


def detect(
    claim: Claim, record: Iterable[Claim], policy: DetectionPolicy, *, now: datetime
) -> list[Alert]:
    """Alerts between ``claim`` and ``record`` (claims with its key), raised or not before."""
    alerts = []
    for stored in record:
        verdict = compare(claim, stored, policy)
        if verdict is None:
            continue
        alert_type, explanation = verdict
        claim_a, claim_b = sorted((claim, stored), key=lambda c: c.claim_id)
        alerts.append(
            Alert(
                alert_id=alert_id_for(claim_a, claim_b),
                type=alert_type,  # type: ignore[arg-type]
                key=claim.key,
                claim_a=claim_a,
                claim_b=claim_b,
                detected_at=now,
                explanation=explanation,
            )
        )
    return alerts


def _retained(claims: Iterable[Claim], policy: DetectionPolicy) -> dict[str, Claim]:
    """Drop claims older than ``retention`` before the newest, then keep the newest
    ``max_claims_per_key``."""
    ordered = sorted(claims, key=lambda c: (c.published_at, c.claim_id))
    if not ordered:
        return {}
    horizon = ordered[-1].published_at - policy.retention
    kept = [c for c in ordered if c.published_at >= horizon][-policy.max_claims_per_key :]
    return {c.claim_id: c for c in kept}


def stance(claim: Claim) -> tuple[Any, ...]:
    """Who says what about when: the same party's claim restated through any outlet has the
    same stance. The party is the claim's side, else its speaker (an outlet's own voice is
    the outlet); what is said is a polarity (and place) or a value range."""
    who = claim.side or (claim.speaker or claim.source).casefold()
    said = (claim.polarity, claim.place) if claim.kind == "event" else \
        (claim.polarity, claim.unit, claim.value_low, claim.value_high)
    return (who, *said, claim.ref_start.date(), claim.ref_end.date())


def dispute(a: Claim, b: Claim) -> frozenset[tuple[Any, ...]]:
    """The disagreement a pair of claims stands for: their two stances, in either order."""
    return frozenset((stance(a), stance(b)))


def observe(
    claim: Claim, record: KeyRecord, policy: DetectionPolicy, *, now: datetime
) -> tuple[list[Alert], KeyRecord]:
    """Compare ``claim`` with its key's record: the alerts not raised before, and the new
    record (claim added idempotently, retention and cap applied, dedup state pruned).

    One alert per dispute: a pair that only restates a disagreement already alerted on
    this key (the Kremlin's denial against the same report, carried by another outlet) raises
    nothing, so a story asserted by n outlets and denied by m does not raise n × m alerts.
    The first pair to meet stands for the dispute (the record's claims are in time order).
    """
    others = (c for c in record.claims.values() if c.claim_id != claim.claim_id)
    raised = {dispute(record.claims[a], record.claims[b]) for a, b in record.alerted.values()}
    alerts = []
    for alert in detect(claim, others, policy, now=now):
        disagreement = dispute(alert.claim_a, alert.claim_b)
        if alert.alert_id not in record.alerted and disagreement not in raised:
            raised.add(disagreement)
            alerts.append(alert)
    claims = _retained([*record.claims.values(), claim], policy)
    alerted = {**record.alerted, **{a.alert_id: (a.claim_a.claim_id, a.claim_b.claim_id) for a in alerts}}
    alerted = {k: pair for k, pair in alerted.items() if pair[0] in claims and pair[1] in claims}
    return alerts, KeyRecord(claims, alerted)


def observe_all(
    claims: Iterable[Claim],
    records: MutableMapping[str, KeyRecord],
    policy: DetectionPolicy,
    *,
    now: datetime,
) -> list[Alert]:
    """Observe ``claims`` in order against ``records`` (claim key → record), updating it.

    The one entry point of detection: the stream passes its table (behind a ``KeyRecord``
    view), ``eval`` and the tests a plain ``dict``.
    """
    alerts: list[Alert] = []
    for claim in claims:
        new, records[claim.key] = observe(claim, records.get(claim.key) or KeyRecord(), policy, now=now)
        alerts.extend(new)
    return alerts


def newest_claim_time(record: KeyRecord) -> datetime | None:
    """When the newest claim of ``record`` was published (None for an empty record)."""
    return max((c.published_at for c in record.claims.values()), default=None)


def expired_keys(
    records: Mapping[str, KeyRecord], *, watermark: datetime, retention: timedelta
) -> list[str]:
    """Keys whose newest claim was published more than ``retention`` before ``watermark``
    (and keys with no claims at all).

    ``watermark`` is the event time the caller has reached (the newest ``published_at`` it
    has seen). ``observe`` bounds the claims of a key each time the key is touched; this also
    bounds the number of keys, including keys never touched again. Dropping such a key
    changes no alert for a claim published at or after ``watermark - retention``: it could
    not be within ``retention`` of any claim the key held. Only a claim that arrives more than
    ``retention`` behind the watermark can miss a pair, as with ``observe``'s own retention.
    """
    horizon = watermark - retention
    expired = []
    for key, record in records.items():
        newest = newest_claim_time(record)
        if newest is None or newest < horizon:
            expired.append(key)
    return expired


def sweep(
    records: MutableMapping[str, KeyRecord], *, watermark: datetime, retention: timedelta
) -> list[str]:
    """Delete ``expired_keys`` from ``records``; return them. The stream passes its table's
    active partitions (``streams.tables.ActiveRecords``), the tests a plain ``dict``."""
    expired = expired_keys(records, watermark=watermark, retention=retention)
    for key in expired:
        del records[key]
    return expired
