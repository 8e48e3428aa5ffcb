"""The stall watch: records waiting on a partition whose position does not move."""

from __future__ import annotations

from streams.stall import Offsets, StallWatch


def test_a_partition_that_moves_or_has_nothing_waiting_is_never_stalled() -> None:
    watch = StallWatch(after=60)
    assert watch.update({"raw-0": Offsets(next=10, end=20), "raw-1": Offsets(next=5, end=5)}, now=0) == []
    assert watch.update({"raw-0": Offsets(next=15, end=30), "raw-1": Offsets(next=5, end=5)}, now=50) == []
    assert watch.update({"raw-0": Offsets(next=30, end=30), "raw-1": Offsets(next=5, end=5)}, now=200) == []
    assert watch.stalled == {}


def test_records_waiting_without_progress_stall_once_and_clear_when_it_moves() -> None:
    watch = StallWatch(after=60)
    assert watch.update({"raw-0": Offsets(next=10, end=20)}, now=0) == []
    assert watch.update({"raw-0": Offsets(next=10, end=25)}, now=59) == []          # not yet
    assert watch.update({"raw-0": Offsets(next=10, end=25)}, now=61) == ["raw-0"]   # newly stalled
    assert watch.stalled == {"raw-0": (15, 61)}
    assert "raw-0 (15 waiting, no progress for 61 s)" == watch.describe()
    assert watch.update({"raw-0": Offsets(next=10, end=25)}, now=90) == []          # reported once
    assert watch.stalled["raw-0"] == (15, 90)
    assert watch.update({"raw-0": Offsets(next=11, end=25)}, now=95) == []          # it moved
    assert watch.stalled == {}


def test_a_partition_no_longer_assigned_is_forgotten_and_a_reset_restarts_every_wait() -> None:
    watch = StallWatch(after=60)
    watch.update({"raw-0": Offsets(next=0, end=9), "claims-2": Offsets(next=3, end=4)}, now=0)
    assert sorted(watch.update({"raw-0": Offsets(next=0, end=9), "claims-2": Offsets(next=3, end=4)}, now=70)) \
        == ["claims-2", "raw-0"]
    assert watch.update({"raw-0": Offsets(next=0, end=9)}, now=80) == []
    assert list(watch.stalled) == ["raw-0"]
    watch.reset()                                   # a rebalance: waits start again
    assert watch.stalled == {}
    assert watch.update({"raw-0": Offsets(next=0, end=9)}, now=100) == []
    assert watch.update({"raw-0": Offsets(next=0, end=9)}, now=159) == []


def test_after_zero_turns_the_watch_off() -> None:
    watch = StallWatch(after=0)
    watch.update({"raw-0": Offsets(next=0, end=9)}, now=0)
    assert watch.update({"raw-0": Offsets(next=0, end=9)}, now=10_000) == []
