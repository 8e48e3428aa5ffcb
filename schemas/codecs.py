"""The ``orjson`` codec: every record on the wire is encoded and decoded with orjson."""

from __future__ import annotations

from typing import Any

import orjson
from faust.serializers import codecs


def _nested(obj: Any) -> Any:
    """Nested Records (and anything else with ``__json__``) encode as their representation."""
    if hasattr(obj, "__json__"):
        return obj.__json__()
    raise TypeError(f"Type is not JSON serializable: {type(obj).__name__}")


class OrjsonCodec(codecs.Codec):
    def _dumps(self, obj: Any) -> bytes:
        return orjson.dumps(obj, default=_nested, option=orjson.OPT_NON_STR_KEYS)

    def _loads(self, s: bytes) -> Any:
        return orjson.loads(s)


def register() -> None:
    """Make ``serializer="orjson"`` available to Faust (idempotent)."""
    codecs.register("orjson", OrjsonCodec())
