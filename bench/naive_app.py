"""The naive pattern, for comparison: a minimal Faust agent calling ``nlp()`` per message.

No batching, no executor, no extraction: each record of ``articles.raw`` is parsed, run
through the same pipeline (``processors.nlp.load_nlp()``) on the event loop, and a small
record (id and entities) goes to ``articles.enriched``. Configured from ``BENCH_NAIVE_*``
environment variables by ``bench.throughput``::

    BENCH_NAIVE_BROKER=tansu://127.0.0.1:PORT BENCH_NAIVE_PREFIX=x. python -m bench.naive_app
"""

from __future__ import annotations

import asyncio
import os
from typing import Any, AsyncIterable

import faust
import orjson
from faust.web import Request, Response, View

from streams import tansu_transport

BROKER = os.environ.get("BENCH_NAIVE_BROKER", "")
PREFIX = os.environ.get("BENCH_NAIVE_PREFIX", "")

if BROKER.startswith("tansu://"):
    tansu_transport.register()

app = faust.App(
    os.environ.get("BENCH_NAIVE_APP_ID", PREFIX + "naive"),
    broker=BROKER,
    store="memory://",
    datadir=os.environ.get("BENCH_NAIVE_DATA_DIR", "./naive-data"),
    topic_partitions=int(os.environ.get("BENCH_NAIVE_PARTITIONS", "4")),
    topic_replication_factor=1,
    broker_session_timeout=10.0,
    broker_heartbeat_interval=3.0,
    consumer_auto_offset_reset="earliest",
    web_port=int(os.environ.get("BENCH_NAIVE_WEB_PORT", "6070")),
    web_bind="127.0.0.1",
    web_host="127.0.0.1",
    autodiscover=False,
)
raw = app.topic(PREFIX + "articles.raw", key_type=bytes, value_type=bytes, value_serializer="raw")
enriched = app.topic(PREFIX + "articles.enriched", key_type=bytes, value_type=bytes,
                     value_serializer="raw")
_nlp: list[Any] = []


@app.task
async def load_model() -> None:
    from processors.nlp import load_nlp

    _nlp.append(load_nlp())


@app.agent(raw)
async def enrich(stream: faust.StreamT[bytes]) -> AsyncIterable[None]:
    while not _nlp:  # the model loads in a task at start-up
        await asyncio.sleep(0.05)
    async for event in stream.events():
        data = orjson.loads(event.value)
        title, body = data.get("title") or "", data["body"]
        doc = _nlp[0](f"{title}\n\n{body}" if title else body)  # blocking, one message at a time
        value = {"id": data.get("id"), "entities": [[e.text, e.label_, e.start_char, e.end_char]
                                                     for e in doc.ents]}
        await enriched.send(key=event.key, value=orjson.dumps(value))
        yield None


@app.page("/ready")
class Ready(View):
    async def get(self, request: Request, **_: Any) -> Response:
        ready = bool(_nlp) and not app.rebalancing and bool(app.consumer.assignment())
        return self.json({"ready": ready}, status=200 if ready else 503)


if __name__ == "__main__":
    faust.Worker(app, loglevel=os.environ.get("BENCH_NAIVE_LOG_LEVEL", "warning"),
                 redirect_stdouts=False).execute_from_commandline()
