"""One worker process: the app, its agents and views, run by ``faust.Worker``."""

from __future__ import annotations

import faust

from streams import agents, logs, stall, web
from streams.app import Claimwatch, create_app
from streams.metrics import Metrics
from streams.settings import ConfigError, Settings


def build(settings: Settings) -> Claimwatch:
    """The complete app a worker runs (also used by tests that drive a worker in-process)."""
    cw = create_app(settings)
    nlp = agents.NlpRunner(settings.batch_size, settings.batch_words)
    watch = stall.StallWatch(after=settings.stall_seconds)
    metrics = Metrics()
    metrics.attach(cw, watch)
    agents.register(cw, nlp, metrics)
    stall.register(cw, watch)
    web.register(cw, metrics, watch)
    cw.app.task(nlp.warm_up)
    return cw


def run_worker(settings: Settings) -> int:
    """Run until SIGTERM/SIGINT; Faust finishes the in-flight batch and commits on the way out."""
    if not settings.broker:
        raise ConfigError("no broker: pass --broker or set CLAIMWATCH_BROKER "
                          "(`claimwatch run` starts an embedded broker)")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    cw = build(settings)
    worker = faust.Worker(
        cw.app,
        loglevel=settings.log_level,
        logging_config=logs.logging_config(settings.log_level, settings.log_format),
        redirect_stdouts=False,
    )
    worker.execute_from_commandline()
    return 0
