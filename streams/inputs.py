"""Reading articles from files: ``.jsonl`` (one per line), ``.json`` (an object or a list)
and ``.txt`` (first line the title, the rest the body, the file name the source), or
folders of them (recursively, in name order)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import orjson

SUFFIXES = (".jsonl", ".json", ".txt")


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input record as bytes for ``articles.raw``, and where it came from."""

    origin: str
    payload: bytes


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to read: the given files, and the article files found in given folders."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return files


def read_inputs(path: Path) -> Iterator[RawInput]:
    """The records of one file. A malformed ``.jsonl`` line is yielded as it is: the
    worker's validation dead-letters it like any other bad input."""
    if path.suffix == ".jsonl":
        with path.open("rb") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield RawInput(f"{path}:{number}", line.rstrip(b"\r\n"))
    elif path.suffix == ".json":
        data = orjson.loads(path.read_bytes())
        items = data if isinstance(data, list) else [data]
        for number, item in enumerate(items, 1):
            yield RawInput(f"{path}#{number}", orjson.dumps(item))
    else:
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        article = {"source": path.stem, "title": title.strip(), "body": body.strip()}
        yield RawInput(str(path), orjson.dumps(article))
