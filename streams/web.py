"""Web views on the worker's Faust web server: liveness, readiness, metrics, table contents,
and the live alert page (``GET /``, fed by ``streams.live``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from faust.web import Request, Response, View

from prometheus_client import CONTENT_TYPE_LATEST

from streams.app import Claimwatch
from streams.live import LiveFeed, event_stream
from streams.metrics import Metrics
from streams.stall import StallWatch

STATIC = Path(__file__).resolve().parent / "static"
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
PAGE_HEADERS = {
    # The page loads nothing but its own files and draws no markup from data (no innerHTML):
    # the policy is a second line of defence against a crafted alert.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def readiness(cw: Claimwatch, watch: StallWatch | None = None) -> str | None:
    """None when the worker serves traffic, else why not (for ``GET /ready``)."""
    app = cw.app
    if app.rebalancing:
        return "rebalancing"
    if not app.tables.recovery.completed.is_set():
        return "table recovery in progress"
    if not app.consumer.assignment():
        return "no partitions assigned"
    if watch is not None and watch.stalled:
        return f"input stalled: {watch.describe()}"
    return None


def static_files() -> dict[str, tuple[bytes, str]]:
    """The page's files (name → content, content type), read once: shipped in the package."""
    return {path.name: (path.read_bytes(), CONTENT_TYPES[path.suffix])
            for path in sorted(STATIC.iterdir()) if path.suffix in CONTENT_TYPES}


def register(cw: Claimwatch, metrics: Metrics, watch: StallWatch) -> LiveFeed:
    """Add ``/health``, ``/ready``, ``/metrics``, ``/tables/claims`` and the live page
    (``/``, ``/static/{name}``, ``/live/events``, ``/live/alerts``, ``/live/stats``) to the web
    server, and start the live feed with the app when the web server is enabled."""
    feed = LiveFeed(cw, metrics, status=lambda: readiness(cw, watch))
    if cw.settings.web_enabled:
        async def start_live_feed() -> None:
            if not cw.app.should_stop:  # tasks start after recovery, which a stop also ends
                await cw.app.add_runtime_dependency(feed)

        async def end_live_streams(app: Any, **_: Any) -> None:
            feed.close_clients()  # before the web server waits for its open requests

        cw.app.task(start_live_feed)
        cw.app.on_before_shutdown.connect(end_live_streams)
    files = static_files()

    @cw.app.page("/metrics")
    class MetricsView(View):
        async def get(self, request: Request, **_: Any) -> Response:
            return self.bytes(metrics.exposition(), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @cw.app.page("/health")
    class Health(View):
        async def get(self, request: Request, **_: Any) -> Response:
            if watch.stalled:  # alive but stuck: a liveness probe restarts it
                return self.json({"status": "stalled", "partitions": watch.describe()}, status=503)
            return self.json({"status": "ok"})

    @cw.app.page("/ready")
    class Ready(View):
        async def get(self, request: Request, **_: Any) -> Response:
            reason = readiness(cw, watch)
            if reason is None:
                return self.json({"ready": True})
            return self.json({"ready": False, "reason": reason}, status=503)

    @cw.app.page("/tables/claims")
    class ClaimsTable(View):
        """The claims table of this worker's partitions: key → claim ids on record."""

        async def get(self, request: Request, **_: Any) -> Response:
            return self.json({
                key: sorted(claim["claim_id"] for claim in record["claims"])
                for key, record in cw.claims_by_key.items()
            })

    def file_response(view: View, name: str) -> Response:
        body, content_type = files[name]
        return view.bytes(body, headers={**PAGE_HEADERS, "Content-Type": content_type})

    @cw.app.page("/")
    class Page(View):
        async def get(self, request: Request, **_: Any) -> Response:
            return file_response(self, "index.html")

    @cw.app.page("/static/{name}")
    class Static(View):
        async def get(self, request: Request, name: str = "", **_: Any) -> Response:
            if name not in files:
                return self.json({"error": "not found"}, status=404)
            return file_response(self, name)

    @cw.app.page("/live/events")
    class Events(View):
        """Server-sent events: ``snapshot`` (kept alerts), then ``alert`` and ``stats``."""

        async def get(self, request: Request, **_: Any) -> Response:
            return await event_stream(feed, request)  # type: ignore[arg-type, return-value]

    @cw.app.page("/live/alerts")
    class Alerts(View):
        async def get(self, request: Request, **_: Any) -> Response:
            return self.json({"topic": feed.topic, "alerts": feed.snapshot()})

    @cw.app.page("/live/stats")
    class Stats(View):
        async def get(self, request: Request, **_: Any) -> Response:
            return self.json(feed.current_stats())

    return feed
