"""The claims table seen through the domain model.

The Faust table stores each key's record in its wire form (JSON in the changelog);
``KeyRecordView`` lets the detector treat it as the ``MutableMapping[str, KeyRecord]`` it
also gets from ``eval`` and the tests as a plain ``dict``.
"""

from __future__ import annotations

from typing import Any, Iterator, MutableMapping

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
