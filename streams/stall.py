"""Stall watch: an input partition with records waiting and no progress for too long.

A Faust consumer can stop fetching some of its partitions after a rebalance while everything
else looks healthy (faust-streaming issue #629, open; a crash takeover in our fault tests
once left articles unprocessed that way). Nothing fails, so nothing alerts: input just piles
up. The watch turns that into signals an operator and an orchestrator act on: ``GET /ready``
answers 503 naming the partitions, the log says so at ERROR (once per stall), and the gauge
``claimwatch_stalled_partitions`` counts them. Restarting the worker (a Kubernetes liveness
probe on ``/health`` does; plain Compose only marks the container unhealthy) hands its
partitions to a fresh consumer.

``StallWatch`` is plain logic over offsets and clock readings, so tests drive it with numbers;
``register`` feeds it from the worker's consumer on a timer.
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
    """Read the agents' input partitions' committed offsets and log ends every few seconds."""
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
        if watch.update(offsets, time.monotonic()):
            log.error("input stalled: %s; restart this worker if it persists (see streams/stall.py)",
                      watch.describe())
