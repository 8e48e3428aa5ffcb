"""JSON Schema (draft 2020-12) for the records, generated from their type hints.

``python -m schemas.jsonschema --write`` rewrites the ``*.schema.json`` files beside this
module; ``python -m schemas.jsonschema --check`` exits 1 when they are stale. The article
input schema is written by hand (``articles.raw.schema.json``): the input is parsed by
``processors.articles``, not by a Record.
"""

from __future__ import annotations

import argparse
import sys
import typing
from pathlib import Path
from typing import Any

import orjson

from schemas.records import TOPIC_RECORDS, WireRecord

SCHEMA_DIR = Path(__file__).parent
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}
_TIME_FIELDS = {"published_at", "ref_start", "ref_end", "detected_at", "enriched_at",
                "dead_lettered_at", "timestamp"}


def _type_schema(hint: Any, name: str) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return {"anyOf": [_type_schema(inner[0], name), {"type": "null"}]}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in (list, typing.List):
        return {"type": "array", "items": _type_schema(args[0], name)}
    if isinstance(hint, type) and issubclass(hint, WireRecord):
        return record_schema(hint, top_level=False)
    schema = dict(_SCALARS[hint])
    if hint is str and name in _TIME_FIELDS:
        schema["format"] = "date-time"
    return schema


def record_schema(record: type[WireRecord], *, top_level: bool = True) -> dict[str, Any]:
    """The JSON Schema of one record class (nested records inline)."""
    hints = typing.get_type_hints(record)
    fields = [f for f in record._options.fields if not f.startswith("_")]
    schema: dict[str, Any] = {}
    if top_level:
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"claimwatch/{record.__name__}.schema.json"
    schema.update(
        title=record.__name__,
        type="object",
        properties={name: _type_schema(hints[name], name) for name in fields},
        required=[name for name in fields if name not in record._options.defaults],
        additionalProperties=False,
    )
    if top_level:
        # The version is pinned: a consumer validating with this file rejects records of
        # another major version instead of misreading them.
        schema["properties"]["schema_version"] = {"type": "integer", "const": 1}
        schema["required"] = sorted(set(schema["required"]) | {"schema_version"})
    return schema


def schema_path(topic: str) -> Path:
    return SCHEMA_DIR / f"{topic}.schema.json"


def rendered() -> dict[Path, bytes]:
    """Every generated schema file and its content."""
    return {
        schema_path(topic): orjson.dumps(record_schema(record), option=orjson.OPT_INDENT_2) + b"\n"
        for topic, record in TOPIC_RECORDS.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the schema files")
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    args = parser.parse_args(argv)
    stale = [path for path, content in rendered().items()
             if not path.exists() or path.read_bytes() != content]
    if args.write:
        for path, content in rendered().items():
            path.write_bytes(content)
        return 0
    for path in stale:
        print(f"stale: {path.name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
