"""The claims table seen through the domain model.

The Faust table stores each key's record in its wire form (JSON in the changelog);
``KeyRecordView`` lets the detector treat it as the ``MutableMapping[str, KeyRecord]`` it
also gets from ``eval`` and the tests as a plain ``dict``.

``StagedRecords`` holds the detector's writes back until the alerts they remember have been
delivered; ``ActiveRecords`` is what the periodic sweep deletes from, outside of any stream
event (where Faust's own ``del table[key]`` cannot tell which partition a key lives in).
"""

from __future__ import annotations

from typing import Any, Iterator, MutableMapping

from faust.types import TP

from processors.contradictions import KeyRecord


class KeyRecordView(MutableMapping[str, KeyRecord]):
    def __init__(self, table: MutableMapping[str, Any]) -> None:
        self._table = table

    def __getitem__(self, key: str) -> KeyRecord:
        data = self._table.get(key)
        if data is None:
            raise KeyError(key)
        return KeyRecord.from_wire(data)

    def __setitem__(self, key: str, record: KeyRecord) -> None:
        self._table[key] = record.to_wire()

    def __delitem__(self, key: str) -> None:
        del self._table[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


class StagedRecords(MutableMapping[str, KeyRecord]):
    """Reads go through to ``records``; writes wait in a stage until ``apply()``.

    The detector records "alert raised" in a key's record. That write must not reach the
    table (and its changelog) before the alert itself is acknowledged by the broker: after a
    crash in between, the restored record would say "raised" for an alert nobody got, and the
    replayed claim would not raise it again. So the agent observes into a stage, publishes
    and awaits the alerts, then applies the stage.
    """

    def __init__(self, records: MutableMapping[str, KeyRecord]) -> None:
        self._records = records
        self._staged: dict[str, KeyRecord] = {}

    def __getitem__(self, key: str) -> KeyRecord:
        if key in self._staged:
            return self._staged[key]
        return self._records[key]

    def __setitem__(self, key: str, record: KeyRecord) -> None:
        self._staged[key] = record

    def __delitem__(self, key: str) -> None:
        raise NotImplementedError("the detector never deletes a key")

    def __iter__(self) -> Iterator[str]:
        yield from self._staged
        yield from (k for k in self._records if k not in self._staged)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def apply(self) -> None:
        for key, record in self._staged.items():
            self._records[key] = record
        self._staged.clear()


class ActiveRecords(MutableMapping[str, KeyRecord]):
    """The records on this worker's active partitions of a RocksDB-backed Faust table,
    deletable outside of stream iteration.

    Faust's ``del table[key]`` takes the changelog partition from the current stream event,
    so a timer cannot use it. A key lives in the store of exactly one partition (the table is
    co-partitioned with the claims topic); iteration notes it, and ``del`` writes the
    tombstone to that changelog partition and deletes the key from the local store — what
    ``Table.__delitem__`` does, with the partition known. Standbys and a restarted worker
    replay the tombstone. Only keys seen by an iteration can be deleted.
    """

    def __init__(self, table: Any) -> None:
        self._table = table
        self._partitions: dict[str, int] = {}

    def _items(self) -> Iterator[tuple[int, bytes, bytes]]:
        store = self._table.data
        actives = self._table.app.assignor.assigned_actives()
        topic = self._table.changelog_topic_name
        for partition, db in sorted(store._dbs.items()):
            if TP(topic, partition) in actives:
                for key, value in store._visible_items(db):
                    yield partition, key, value

    def __iter__(self) -> Iterator[str]:
        store = self._table.data
        for partition, raw_key, _ in self._items():
            key = store._decode_key(raw_key)
            self._partitions[key] = partition
            yield key

    def __getitem__(self, key: str) -> KeyRecord:
        data = self._table.get(key)
        if data is None:
            raise KeyError(key)
        return KeyRecord.from_wire(data)

    def items(self) -> Iterator[tuple[str, KeyRecord]]:  # type: ignore[override]
        """One pass over the stores (no lookup per key)."""
        store = self._table.data
        for partition, raw_key, raw_value in self._items():
            key = store._decode_key(raw_key)
            self._partitions[key] = partition
            yield key, KeyRecord.from_wire(store._decode_value(raw_value))

    def __setitem__(self, key: str, record: KeyRecord) -> None:
        raise NotImplementedError("records are written by the detect agent only")

    def __delitem__(self, key: str) -> None:
        partition = self._partitions.pop(key)
        self._table.send_changelog(partition, key, None, value_serializer="raw")
        del self._table.data[key]

    def __len__(self) -> int:
        return sum(1 for _ in self._items())
