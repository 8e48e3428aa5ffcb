"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from streams.embedded_broker import EmbeddedBroker


@pytest.fixture(scope="module")
def embedded_broker(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[EmbeddedBroker]:
    """A Tansu broker shared by one test module; its log lands in a tmp dir."""
    log_path = tmp_path_factory.mktemp("tansu") / "broker.log"
    with EmbeddedBroker(log_path=log_path) as broker:
        yield broker


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The claimwatch pipeline, loaded once per test session."""
    from processors.nlp import load_nlp

    return load_nlp()
