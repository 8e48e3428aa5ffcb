"""Entity and claim extraction from one parsed article: the public entry point ``extract``.

The work is split by what it holds: ``entities`` (canonical names), ``numbers`` (number
expressions and qualifier bounds), ``timeexpr`` (relative dates), ``attribution`` (speakers
and sides), ``polarity`` (denial, hedging), ``quantities``, ``percentages`` and ``events`` (the
claim kinds). Everything runs in a few linear passes over the already parsed ``Doc``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from processors.claimctx import ClaimContext
from processors.events import EventMemory, event_claims
from processors.model import Article, Claim, Entity
from processors.percentages import percentage_claims
from processors.quantities import quantity_claims


def extract(doc: Doc, article: Article) -> tuple[list[Entity], list[Claim]]:
    """Entities with canonical names, and the quantity and event claims of ``article``.

    ``doc`` must be ``nlp(article.text)``: all offsets are into ``article.text``.
    """
    ctx = ClaimContext.for_doc(doc, article)
    memory = EventMemory()
    claims: dict[str, Claim] = {}
    for sentence in doc.sents:
        found = quantity_claims(sentence, ctx) + percentage_claims(sentence, ctx)
        for claim in found + event_claims(sentence, ctx, memory):
            claims.setdefault(claim.claim_id, claim)
    return ctx.index.entities, _share_event_dates(list(claims.values()))


def _share_event_dates(claims: list[Claim]) -> list[Claim]:
    """Give undated event claims the date another claim of the article gives the same event.

    "The Kremlin has denied reports of a phone call ..." is about the call that, two
    sentences later, "allegedly took place on Thursday": one article, one key, one event.
    """
    dated: dict[str, Claim] = {}
    for claim in claims:
        if claim.kind == "event" and claim.ref_text is not None:
            dated.setdefault(claim.key, claim)
    return [
        replace(claim, ref_start=source.ref_start, ref_end=source.ref_end, ref_text=source.ref_text)
        if claim.kind == "event" and claim.ref_text is None and (source := dated.get(claim.key)) is not None
        else claim
        for claim in claims
    ]
