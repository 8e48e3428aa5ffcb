"""The ``claimwatch`` command: run, worker, produce, tail, eval.

Flags and ``CLAIMWATCH_*`` variables become one ``Settings`` (``streams.settings``) right
after parsing; everything below works from that object.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from streams.settings import ConfigError, Settings

log = logging.getLogger("claimwatch")

SAMPLE_CORPUS = Path(__file__).resolve().parent / "sample_corpus"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--broker", help="broker URL, e.g. kafka://host:9092 (env CLAIMWATCH_BROKER)")
    parser.add_argument("--topic-prefix", help="prefix for every topic name")
    parser.add_argument("--partitions", type=int, help="partitions per topic (default 4)")
    parser.add_argument("--log-level", help="debug, info, warning, error (default info)")
    parser.add_argument("--log-format", choices=("text", "json"), help="log lines on stderr")


def _pipeline(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch-size", type=int, help="most articles taken per batch (default 32)")
    parser.add_argument("--batch-words", type=int, help="most words per nlp.pipe call (default 6000)")
    parser.add_argument("--batch-wait", type=float, help="max seconds to fill a batch (default 0.05)")
    parser.add_argument("--retention-days", type=float, help="claims stay on record this long in event time")
    parser.add_argument("--stall-seconds", type=float,
                        help="fetch an input partition again and report it stalled after this long without progress (default 60; 0: off)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimwatch", description="Contradiction alerts from a news stream.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="publish articles, run worker(s), print alerts")
    run.add_argument("paths", nargs="*", type=Path, help=".jsonl/.json/.txt files or folders (default: the sample corpus)")
    run.add_argument("--workers", type=int, help="worker processes (default: number of cores)")
    run.add_argument("--until-idle", type=float, metavar="SECONDS",
                     help="exit 0 once all input is processed and nothing happened for SECONDS")
    run.add_argument("--json", action="store_true", help="one JSON alert per line on stdout")
    run.add_argument("--data-dir", type=Path, help="where workers keep their tables")
    run.add_argument("--web-port", type=int, help="first worker's web port (next ones +1)")
    _common(run)
    _pipeline(run)

    worker = sub.add_parser("worker", help="a worker against the configured broker")
    worker.add_argument("--data-dir", type=Path, help="table storage (env CLAIMWATCH_DATA_DIR)")
    worker.add_argument("--web-port", type=int, help="web server port (env CLAIMWATCH_WEB_PORT, default 6066)")
    worker.add_argument("--web-host", help="web server bind address (default 127.0.0.1)")
    _common(worker)
    _pipeline(worker)

    produce = sub.add_parser("produce", help="publish articles to articles.raw")
    produce.add_argument("paths", nargs="+", type=Path)
    _common(produce)

    tail = sub.add_parser("tail", help="follow a topic (default: alerts)")
    tail.add_argument("topic", nargs="?", default="alerts.contradictions")
    tail.add_argument("--from-beginning", action="store_true")
    tail.add_argument("--json", action="store_true", help="raw JSON records")
    _common(tail)

    evaluate = sub.add_parser("eval", help="run labelled cases through the processors")
    evaluate.add_argument("cases", type=Path)
    evaluate.add_argument("--json", action="store_true", help="one line per case, then a summary line")
    _common(evaluate)
    _pipeline(evaluate)
    return parser


_NOT_SETTINGS = {"command", "paths", "until_idle", "json", "topic", "from_beginning", "cases"}


def settings_from(args: argparse.Namespace, env: dict[str, str] | None = None) -> Settings:
    flags = {k: v for k, v in vars(args).items() if k not in _NOT_SETTINGS}
    return Settings.load(flags, env)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from(args)
    except ConfigError as exc:
        print(f"claimwatch: configuration error: {exc}", file=sys.stderr)
        return 2
    from streams import logs

    logs.configure(settings.log_level, settings.log_format)
    try:
        return _dispatch(args, settings)
    except KeyboardInterrupt:
        return 130
    except (FileNotFoundError, ConfigError) as exc:
        print(f"claimwatch: {exc}", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "worker":
        from streams.worker import run_worker

        return run_worker(settings)
    if args.command == "run":
        from streams.runner import run

        paths = args.paths or [SAMPLE_CORPUS]
        workers = settings.workers or os.cpu_count() or 1
        return asyncio.run(run(settings, paths, workers=workers, until_idle=args.until_idle,
                               as_json=args.json))
    if args.command == "produce":
        from streams.runner import produce_command

        return asyncio.run(produce_command(settings, args.paths))
    if args.command == "tail":
        from streams.runner import tail

        return asyncio.run(tail(settings, args.topic, from_beginning=args.from_beginning,
                                as_json=args.json))
    from streams.evaluate import eval_command

    return eval_command(settings, args.cases, as_json=args.json)


def entrypoint() -> Any:
    raise SystemExit(main())


if __name__ == "__main__":
    entrypoint()
