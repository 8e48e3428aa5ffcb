"""Stall watch: an input partition with records waiting and no progress for too long.

A Faust consumer can stop delivering some of its partitions after a rebalance while everything
else looks healthy (faust-streaming issue #629, open; a crash takeover in our fault tests, and
once in CI, left claims unprocessed that way). Faust drops a fetched record it believes it has
already read, and a partition whose fetch position or read offset went wrong in a rebalance
never catches up by itself. Nothing fails, so nothing alerts: input just piles up.

The watch acts in two steps:

1. **Fetch it again.** A newly stalled partition is sought back to its committed offset (what
   Faust does for every partition after a rebalance), which resets both the fetch position and
   Faust's read offset. Records between the committed offset and what was already processed
   are processed again: at-least-once, and the detector is idempotent (a replayed claim is
   stored once, and the alerts its key's record already holds are not raised again). The log
   says so at ERROR, with the partition's state for a bug report.
2. **Report it.** Until the partition moves again, ``GET /ready`` and ``GET /health`` answer
   503 naming it, and the gauge ``claimwatch_stalled_partitions`` counts it
   (``claimwatch_stall_reseeks_total`` counts step 1). A stall that the seek did not clear (an
   agent that hangs) needs a restart: a Kubernetes liveness probe on ``/health`` does it;
   plain Compose only marks the container unhealthy.

``StallWatch`` is plain logic over offsets and clock readings, so tests drive it with numbers;
``register`` feeds it from the worker's consumer on a timer and does the seeking.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Hashable, Mapping

from streams.app import Claimwatch

log = logging.getLogger("claimwatch.stall")


@dataclass(frozen=True)
class Offsets:
    """Where a partition stands: its committed offset (the next record to process), and the
    log end."""

    next: int
    end: int

    @property
    def waiting(self) -> int:
        return max(0, self.end - self.next)


@dataclass
class StallWatch:
    """Partitions whose ``next`` offset has not moved for ``after`` seconds while records wait."""

    after: float
    _since: dict[Hashable, tuple[int, float]] = field(default_factory=dict)
    stalled: dict[Hashable, tuple[int, float]] = field(default_factory=dict)
    reseeks: int = 0

    def update(self, offsets: Mapping[Hashable, Offsets], now: float) -> list[Hashable]:
        """Record a reading of the assigned partitions; return those newly found stalled.

        A partition that is no longer assigned is forgotten; one that is new, or whose
        ``next`` moved, starts a fresh wait. ``stalled`` then holds every stalled partition
        with its records waiting and the seconds without progress.
        """
        since: dict[Hashable, tuple[int, float]] = {}
        for tp, at in offsets.items():
            previous = self._since.get(tp)
            since[tp] = previous if previous is not None and previous[0] == at.next else (at.next, now)
        self._since = since
        stalled = {tp: (at.waiting, now - since[tp][1]) for tp, at in offsets.items()
                   if self.after > 0 and at.waiting and now - since[tp][1] >= self.after}
        new = [tp for tp in stalled if tp not in self.stalled]
        self.stalled = stalled
        return new

    def reset(self) -> None:
        """Forget all waits (a rebalance or a table recovery is no stall)."""
        self._since.clear()
        self.stalled.clear()

    def describe(self) -> str:
        return ", ".join(f"{_name(tp)} ({waiting} waiting, no progress for {idle:.0f} s)"
                         for tp, (waiting, idle) in sorted(self.stalled.items(), key=lambda kv: _name(kv[0])))


def _name(tp: Hashable) -> str:
    topic, partition = getattr(tp, "topic", None), getattr(tp, "partition", None)
    return f"{topic}[{partition}]" if topic is not None else str(tp)


def register(cw: Claimwatch, watch: StallWatch) -> None:
    """Read the agents' input partitions' committed offsets and log ends every few seconds;
    seek a newly stalled partition back to its committed offset (see the module doc)."""
    app, settings = cw.app, cw.settings
    inputs = {cw.topics.raw.get_topic_name(), cw.topics.claims.get_topic_name()}
    if settings.stall_seconds <= 0:
        return

    @app.on_partitions_assigned.connect
    async def assigned(app: Any, assigned: Any, **_: Any) -> None:
        watch.reset()

    @app.timer(interval=max(1.0, min(15.0, settings.stall_seconds / 4)))
    async def watch_for_stalls() -> None:
        tps = sorted(tp for tp in app.consumer.assignment() if tp.topic in inputs)
        if app.rebalancing or not app.tables.recovery.completed.is_set() or not tps:
            watch.reset()
            return
        try:
            ends = await app.consumer.highwaters(*tps)
        except Exception as exc:  # noqa: BLE001 - the broker away is no stall; the next reading retries
            log.debug("stall watch: log end offsets unavailable: %s", exc)
            return
        # Faust's own record of the group's committed offsets: read from the broker at
        # assignment, advanced by every commit. A commit follows processing, so it stops both
        # when fetching stops and when processing does; never committed means from the start.
        committed = app.consumer._committed_offset
        offsets = {tp: Offsets(next=committed.get(tp) or 0, end=ends[tp]) for tp in tps if ends.get(tp) is not None}
        new = watch.update(offsets, time.monotonic())
        if not new:
            return
        log.error("input stalled: %s; fetching %s again from the committed offset (see streams/stall.py)",
                  watch.describe(), "it" if len(new) == 1 else "them")
        for tp in new:
            log.error("stalled %s: %s", _name(tp), partition_state(app, tp))
            try:
                await app.consumer.seek(tp, offsets[tp].next)
            except Exception as exc:  # noqa: BLE001 - e.g. revoked meanwhile; the watch reports on
                log.error("could not seek %s: %s", _name(tp), exc)
                continue
            watch.reseeks += 1


def partition_state(app: Any, tp: Any) -> str:
    """What Faust and aiokafka hold about ``tp``, for the stall report (private attributes of
    both, read best-effort: a version that moved them gets "unavailable", not an error)."""
    try:
        consumer = app.consumer
        kafka = consumer._thread._consumer  # the aiokafka consumer
        state = kafka._subscription.subscription.assignment.state_value(tp)
        fetching = ("paused" if tp in consumer._paused_partitions
                    else "active" if tp in (consumer._active_partitions or ()) else "inactive")
        return (f"read offset {consumer._read_offset.get(tp)}, committed {consumer._committed_offset.get(tp)}, "
                f"acked ahead {len(consumer._acked.get(tp, ()))}, fetch position {state.position} "
                f"({fetching}{', paused in aiokafka' if state.paused else ''}), "
                f"records buffered {tp in kafka._fetcher._records}")
    except Exception as exc:  # noqa: BLE001 - diagnostics only
        return f"state unavailable ({type(exc).__name__})"
