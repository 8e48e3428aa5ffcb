"""The readable, terminal view of an alert (``run`` and ``tail`` without ``--json``)."""

from __future__ import annotations

from typing import Any


def _claim_line(label: str, claim: dict[str, Any]) -> str:
    speaker = claim.get("speaker") or "unattributed"
    if claim["kind"] == "quantity":
        stance = f"value {claim.get('value_low')}..{claim.get('value_high')}"
    else:
        stance = claim["polarity"] + (" (hedged)" if claim.get("hedged") else "")
    when = claim["ref_start"][:10] + ("" if claim["ref_start"][:10] == claim["ref_end"][:10]
                                      else ".." + claim["ref_end"][:10])
    return (f"  {label}: {speaker} in {claim['source']} [{claim['article_id']}] — {stance}, "
            f"about {when}\n     \"{claim['sentence'].strip()}\"")


def render_alert(alert: dict[str, Any]) -> str:
    """A few lines: type, key, both claims with speaker, source and sentence, the explanation."""
    return "\n".join([
        f"!! {alert['type'].upper()} contradiction {alert['alert_id'][:12]} on {alert['key']}",
        _claim_line("A", alert["claim_a"]),
        _claim_line("B", alert["claim_b"]),
        f"  why: {alert['explanation']}",
    ])
