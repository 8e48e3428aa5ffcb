"""Web views on the worker's Faust web server: liveness, readiness, metrics, table contents."""

from __future__ import annotations

from typing import Any

from faust.web import Request, Response, View

from prometheus_client import CONTENT_TYPE_LATEST

from streams.app import Claimwatch
from streams.metrics import Metrics


def readiness(cw: Claimwatch) -> str | None:
    """None when the worker serves traffic, else why not (for ``GET /ready``)."""
    app = cw.app
    if app.rebalancing:
        return "rebalancing"
    if not app.tables.recovery.completed.is_set():
        return "table recovery in progress"
    if not app.consumer.assignment():
        return "no partitions assigned"
    return None


def register(cw: Claimwatch, metrics: Metrics) -> None:
    """Add ``/health``, ``/ready``, ``/metrics`` and ``/tables/claims`` to the web server."""

    @cw.app.page("/metrics")
    class MetricsView(View):
        async def get(self, request: Request, **_: Any) -> Response:
            return self.bytes(metrics.exposition(), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @cw.app.page("/health")
    class Health(View):
        async def get(self, request: Request, **_: Any) -> Response:
            return self.json({"status": "ok"})

    @cw.app.page("/ready")
    class Ready(View):
        async def get(self, request: Request, **_: Any) -> Response:
            reason = readiness(cw)
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
