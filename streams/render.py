"""Output for people: alerts as plain text (``run``) and as ``rich`` panels (``tail``), and
the progress bar of ``produce``.

Both show the type, the claim key, both claims (source, speaker, stance, reference period,
the sentence with the claim's span marked) and the explanation. A claim's offsets are into
its article's text, so the span within the sentence is ``span_start - sentence_start``.
"""

from __future__ import annotations

import contextlib
from typing import Any, Callable, Iterator, TextIO

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn,
                           TransferSpeedColumn)
from rich.text import Text

TYPE_STYLES = {"numeric": "dark_orange", "polarity": "magenta"}
POLARITY_STYLES = {"asserted": "green", "denied": "red", "noncommittal": "grey50"}
SPAN_STYLE = "bold black on yellow"


def span_in_sentence(claim: dict[str, Any]) -> tuple[int, int] | None:
    """Where the claim's span is in its sentence, or None when the offsets do not fit it (then
    the span's text is looked up instead)."""
    sentence = claim.get("sentence") or ""
    start = claim.get("span_start", -1) - claim.get("sentence_start", 0)
    end = claim.get("span_end", -1) - claim.get("sentence_start", 0)
    if 0 <= start < end <= len(sentence):
        return start, end
    text = claim.get("span_text") or ""
    at = sentence.find(text) if text else -1
    return (at, at + len(text)) if at >= 0 else None


def _number(value: Any) -> str:
    number = float(value)
    return f"{number:,.0f}" if abs(number - round(number)) < 0.005 else f"{number:,.2f}"


def stance(claim: dict[str, Any]) -> str:
    """What the claim says: ``45,000–55,000 troops``, ``disputes 90 killed`` (a figure called
    false) or ``denied call``."""
    if claim["kind"] == "quantity":
        low, high = claim.get("value_low"), claim.get("value_high")
        if low is None and high is None:
            value = "?"
        elif high is None:
            value = f"≥{_number(low)}"
        elif low is None:
            value = f"≤{_number(high)}"
        else:
            value = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
        unit = "" if claim.get("unit") in (None, "count") else f" {claim['unit']}"
        disputes = "disputes " if claim.get("polarity") == "denied" else ""
        return f"{disputes}{value}{unit} {claim['predicate']}"
    return claim["polarity"] + (" (hedged)" if claim.get("hedged") else "") + f" {claim['predicate']}"


def period(claim: dict[str, Any]) -> str:
    start, end = claim["ref_start"][:10], claim["ref_end"][:10]
    return start if start == end else f"{start}..{end}"


def speaker(claim: dict[str, Any]) -> str:
    return claim.get("speaker") or "unattributed"


def _claim_line(label: str, claim: dict[str, Any]) -> str:
    span = span_in_sentence(claim)
    sentence = claim["sentence"]
    if span is not None:  # the span in [brackets]
        sentence = f"{sentence[:span[0]]}[{sentence[span[0]:span[1]]}]{sentence[span[1]:]}"
    return (f"  {label}: {speaker(claim)} in {claim['source']} [{claim['article_id']}] — {stance(claim)}, "
            f"about {period(claim)}\n     \"{sentence.strip()}\"")


def render_alert(alert: dict[str, Any]) -> str:
    """A few lines: type, key, both claims with speaker, source and sentence, the explanation."""
    return "\n".join([
        f"!! {alert['type'].upper()} contradiction {alert['alert_id'][:12]} on {alert['key']}",
        _claim_line("A", alert["claim_a"]),
        _claim_line("B", alert["claim_b"]),
        f"  why: {alert['explanation']}",
    ])


def _claim_block(label: str, claim: dict[str, Any]) -> Group:
    head = Text.assemble((f" {label} ", "bold reverse"), " ", (claim["source"], "bold"),
                         (f"  according to {speaker(claim)}" if claim.get("speaker") else "  unattributed", "dim"))
    body = Text()
    body.append(stance(claim), style=POLARITY_STYLES.get(claim["polarity"], "") if claim["kind"] == "event" else "bold")
    body.append(f"  about {period(claim)}\n", style="dim")
    sentence, span = claim["sentence"], span_in_sentence(claim)
    lead = len(sentence) - len(sentence.lstrip())
    sentence = sentence.strip()
    if span:
        span = (max(0, span[0] - lead), min(len(sentence), span[1] - lead))
    body.append("“" + sentence[:span[0]] if span else "“" + sentence)
    if span:
        body.append(sentence[span[0]:span[1]], style=SPAN_STYLE)
        body.append(sentence[span[1]:])
    body.append("”\n")
    body.append(f"article {claim['article_id']} · published {claim['published_at']}", style="dim")
    return Group(head, Padding(body, (0, 0, 0, 4)))


def alert_panel(alert: dict[str, Any]) -> Panel:
    """One alert as a ``rich`` panel, coloured by type, the claims' spans highlighted."""
    colour = TYPE_STYLES.get(alert["type"], "cyan")
    title = Text.assemble((f" {alert['type'].upper()} ", f"bold white on {colour}"), " ", (alert["key"], "bold"))
    body = Group(Text(alert["explanation"], style="italic"), Text(""),
                 _claim_block("A", alert["claim_a"]), Text(""), _claim_block("B", alert["claim_b"]))
    return Panel(body, title=title, title_align="left", border_style=colour, padding=(0, 1),
                 subtitle=Text(f"{alert['detected_at']} · alert {alert['alert_id']}", style="dim"),
                 subtitle_align="right")


@contextlib.contextmanager
def progress_bar(total_bytes: int, stream: TextIO, label: str
                 ) -> Iterator[Callable[[int, str], None] | None]:
    """A ``rich`` progress bar over ``total_bytes`` on ``stream``, only when it is a terminal:
    yields ``update(bytes_done_since_last, status)``, or None (no bar) otherwise."""
    if not stream.isatty():
        yield None
        return
    columns = (TextColumn(f"[bold]{label}[/]"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
               TextColumn("{task.description}"), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as bar:
        task = bar.add_task("", total=total_bytes)
        yield lambda step, status: bar.update(task, advance=step, description=status)
