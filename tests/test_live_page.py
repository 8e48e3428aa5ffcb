"""The live alert page in a real browser: Debian's chromium, headless, driven by Playwright.

Skips only where chromium is not installed (``scripts/test.sh`` installs it). The screenshot
lands in ``test-artifacts/live-page.png``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.async_api import Page, async_playwright

from processors.model import Claim
from streams.app import ALERTS_TOPIC, CLAIMS_TOPIC, RAW_TOPIC
from streams.embedded_broker import EmbeddedBroker
from tests.harness import REPO, Worker, collect, produce, run
from tests.test_web import call_claims, claim_items, kursk_claims, new_prefix, quoted

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"chromium is not installed at {CHROMIUM} (apt-get install chromium; scripts/test.sh does)")


def hostile_claims() -> list[Claim]:
    """A contradiction whose every text field is markup: the page must show it as text."""
    markup = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    return [quoted(f"x{n}", f"{markup} Source {n}", f"{markup} said {n}0 troops.", f"{n}0",
                   key="quantity|<b>x</b>|troops|-", speaker=markup, value_low=n * 10.0,
                   value_high=n * 10.0) for n in (1, 9)]


async def wait_for_cards(page: Page, count: int, timeout: float) -> list[str]:
    """Poll the page until it shows ``count`` alerts; their ids, newest first."""
    deadline = time.monotonic() + timeout
    while True:
        ids = await page.eval_on_selector_all("article.alert", "cards => cards.map(c => c.dataset.alertId)")
        if len(ids) >= count:
            return ids
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s: the page shows {len(ids)} of {count} alerts")
        await page.wait_for_timeout(100)


async def wait_for_text(page: Page, selector: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while (shown := await page.locator(selector).text_content()) != text:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s: {selector} shows {shown!r}, not {text!r}")
        await page.wait_for_timeout(100)


def test_alerts_appear_on_the_live_page(embedded_broker: EmbeddedBroker, tmp_path: Path) -> None:
    prefix = new_prefix(embedded_broker)
    worker = Worker(embedded_broker.tansu_url, prefix, tmp_path / "data", tmp_path / "worker.log").start()
    try:
        worker.wait_ready()
        run(browse(embedded_broker, prefix, worker, tmp_path / "profile"))
    finally:
        assert worker.stop(timeout=30) == 0, worker.log_tail()


async def browse(broker: EmbeddedBroker, prefix: str, worker: Worker, profile: Path) -> None:
    # one alert exists before the page opens (it comes in the snapshot) ...
    await produce(broker.bootstrap, prefix + CLAIMS_TOPIC, claim_items(kursk_claims()))
    await collect(broker.bootstrap, [prefix + ALERTS_TOPIC], lambda r: bool(r[prefix + ALERTS_TOPIC]), timeout=60)
    async with async_playwright() as playwright:
        context = await playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 860}, locale="en-GB", timezone_id="UTC",
            color_scheme="light")
        try:
            page = await context.new_page()
            problems: list[str] = []
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            await page.goto(f"http://127.0.0.1:{worker.web_port}/")
            first = await wait_for_cards(page, 1, timeout=30)
            await page.wait_for_selector('#conn[data-state="live"]', timeout=30_000)
            # ... and one arrives while it is open, on top
            await produce(broker.bootstrap, prefix + CLAIMS_TOPIC, claim_items(call_claims()))
            ids = await wait_for_cards(page, 2, timeout=30)
            assert ids[1] == first[0]
            polarity = page.locator(f'article.alert[data-alert-id="{ids[0]}"]')
            assert await polarity.get_attribute("data-type") == "polarity"
            marks = await polarity.locator("mark.span").all_text_contents()
            assert sorted(marks) == ["held a phone call", "never took place"]
            assert "Washington Post" in await polarity.inner_text()
            numeric = page.locator(f'article.alert[data-alert-id="{first[0]}"]')
            assert sorted(await numeric.locator("mark.span").all_text_contents()) == ["About 50,000", "no more than 20,000"]
            # the counters come from the worker's metrics: a malformed article is dead-lettered
            await produce(broker.bootstrap, prefix + RAW_TOPIC, [(None, b"{not json")])
            await wait_for_text(page, "#s-dead", "1", timeout=30)
            assert await page.locator("#s-dead-reasons").text_content() == "invalid_json 1"
            assert await page.locator("#s-alerts").text_content() == "2"
            assert await page.locator("#s-consumed").text_content() == "1"
            ARTIFACTS.mkdir(exist_ok=True)
            await page.screenshot(path=str(ARTIFACTS / "live-page.png"), full_page=True, animations="disabled")

            # text from records is text: markup in every field shows literally and never runs
            await produce(broker.bootstrap, prefix + CLAIMS_TOPIC, claim_items(hostile_claims()))
            ids = await wait_for_cards(page, 3, timeout=30)
            hostile = page.locator(f'article.alert[data-alert-id="{ids[0]}"]')
            assert "<script>window.__pwned=2</script>" in await hostile.inner_text()
            assert await hostile.locator("img, script, b").count() == 0
            assert await page.evaluate("window.__pwned") is None
            assert not problems, problems
        finally:
            await context.close()
