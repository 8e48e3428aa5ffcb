"""Reading article files: .jsonl, .json, .txt and folders."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from streams.inputs import expand, read_inputs


def test_each_format_and_folders(tmp_path: Path):
    (tmp_path / "a.jsonl").write_bytes(b'{"source": "A", "body": "one"}\n\n{broken\n')
    (tmp_path / "b.json").write_bytes(orjson.dumps([{"source": "B", "body": "two"}, {"source": "B", "body": "3"}]))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("The title\nThe body\nmore body\n", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x")
    files = expand([tmp_path])
    assert [f.name for f in files] == ["a.jsonl", "b.json", "c.txt"]
    records = [r for f in files for r in read_inputs(f)]
    assert [r.payload for r in records[:2]] == [b'{"source": "A", "body": "one"}', b"{broken"]
    assert records[1].origin.endswith("a.jsonl:3")  # a bad line is passed on, to be dead-lettered
    assert len(records) == 5
    assert orjson.loads(records[4].payload) == {"source": "c", "title": "The title", "body": "The body\nmore body"}


def test_missing_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        expand([tmp_path / "nope.jsonl"])
