"""Entity and claim extraction from one parsed article: the public entry point ``extract``.

The work is split by what it holds: ``entities`` (canonical names), ``numbers`` (number
expressions and qualifier bounds), ``timeexpr`` (relative dates), ``attribution`` (speakers
and sides), ``polarity`` (denial, hedging), ``quantities``, ``nocounts``, ``percentages``,
``events``, ``allegations`` and ``outbreaks`` (the claim kinds), and ``rebuttals`` (denials of
what a sentence before told). Everything runs in a few linear passes over the already parsed
``Doc``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from processors.allegations import accusation_context, allegation_claims
from processors.claimctx import ClaimContext, dates_the_event
from processors.clauses import is_rumour
from processors.events import EventMemory, event_claims
from processors.model import Article, Claim, Entity
from processors.nocounts import no_counts
from processors.numbers import find_numbers
from processors.outbreaks import outbreak_claims
from processors.polarity import FALSITY_WORDS
from processors.percentages import percentage_claims
from processors.quantities import quantity_claims, restated_counts
from processors.rebuttals import count_rebuttals, rebuttals


def extract(doc: Doc, article: Article) -> tuple[list[Entity], list[Claim]]:
    """Entities with canonical names, and the quantity and event claims of ``article``.

    ``doc`` must be ``nlp(article.text)``: all offsets are into ``article.text``.
    """
    ctx = ClaimContext.for_doc(doc, article)
    memory = EventMemory()
    claims: dict[str, Claim] = {}
    sentences = list(doc.sents)
    text = article.text
    accusing = accusation_context(ctx)
    told: tuple[int, list[Claim]] = (-1, [])  # the latest sentence that told events, and those
    counted: tuple[int, list[Claim]] = (-1, [])  # the latest sentence that gave counts, and those
    for index, sentence in enumerate(sentences):
        numbers = find_numbers(text[sentence.start_char : sentence.end_char])  # sentence.text, cheaper
        last = counted[1] if index - counted[0] == 1 else []  # the counts of the sentence before
        counts = quantity_claims(sentence, numbers, ctx, last)
        given = counts or last
        counts += restated_counts(sentence, numbers, ctx, given)  # "Ukraine puts the number at 11,000"
        # "..., but the Israeli military said the figure was exaggerated"; "Israel disputed the toll."
        disputed = count_rebuttals(sentence, ctx, *((counts, 0) if counts else (counted[1], index - counted[0])))
        if counts:
            counted = (index, counts)
        found = counts + disputed + percentage_claims(sentence, numbers, ctx) + no_counts(sentence, ctx)
        found += event_claims(sentence, ctx, memory) + allegation_claims(sentence, ctx, accusing_article=accusing)
        found += outbreak_claims(sentence, ctx)
        events = [claim for claim in found if claim.kind == "event"]
        if events:
            told = (index, events)
        else:
            found += rebuttals(sentence, ctx, told[1], index - told[0])  # "The Kremlin denied the report."
        for claim in found:
            claims.setdefault(claim.claim_id, claim)
    kept = list(claims.values())
    if _hoax_framed(sentences[:_LEDE_SENTENCES]):
        kept = [c for c in kept if not _hoax_content(c)]
    return ctx.index.entities, _without_repeats(_share_event_dates(_named_voices_first(kept, article.source)))


#: Words by which a lede makes its story a hoax: the falsity words, less those that call a
#: story false without making it one ("nonsense", "an ISIS propaganda video", "absurd").
_HOAX_WORDS = FALSITY_WORDS - {"lie", "lies", "nonsense", "propaganda", "disinformation", "misinformation",
                                "absurd", "ridiculous", "laughable", "nonsensical", "inflated", "overstated"}
#: The title and first sentence: where a debunking story says what it is about.
_LEDE_SENTENCES = 2
#: Unnamed speakers that are pieces of content, not people: in a story about a hoax they are
#: the hoax itself ("post a message claiming the star had died").
_CONTENT_SPEAKERS = frozenset("post message page tweet video site website article story report reports news mail email e-mail".split())


def _hoax_framed(lede: list[Span]) -> bool:
    """Whether the headline or first sentence calls the story a hoax, rumour or fake."""
    return any(is_rumour(t) or t.lemma_.lower() in _HOAX_WORDS for sentence in lede for t in sentence)


def _hoax_content(claim: Claim) -> bool:
    """An assertion whose only source is an unnamed post, message or report."""
    return claim.kind == "event" and claim.polarity == "asserted" and claim.side is None and \
        claim.speaker is not None and claim.speaker.split()[-1].lower() in _CONTENT_SPEAKERS


def _share_event_dates(claims: list[Claim]) -> list[Claim]:
    """Give undated event claims the date another claim of the article gives the same event.

    "The Kremlin has denied reports of a phone call ..." is about the call that, two
    sentences later, "allegedly took place on Thursday": one article, one key, one event.
    """
    dated: dict[str, Claim] = {}
    for claim in claims:
        if claim.kind == "event" and dates_the_event(claim.ref_text):
            dated.setdefault(claim.key, claim)
    return [
        replace(claim, ref_start=source.ref_start, ref_end=source.ref_end, ref_text=source.ref_text)
        if claim.kind == "event" and claim.ref_text is None and (source := dated.get(claim.key)) is not None
        else claim
        for claim in claims
    ]


def _named_voices_first(claims: list[Claim], outlet: str) -> list[Claim]:
    """Drop what the outlet says in its own voice where someone it names says the same
    ("Reports of his death are premature." and "his agent confirmed the news was premature"):
    an editor trusts the named source."""
    named = {(c.key, c.polarity) for c in claims if c.speaker != outlet}
    return [c for c in claims if c.speaker != outlet or (c.key, c.polarity) not in named]


def _without_repeats(claims: list[Claim]) -> list[Claim]:
    """The first of claims that say the same thing again ("X denied the report ... 'Reports of
    X's death are not accurate'"): a repeat would only double the article's alerts."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for claim in claims:
        said = (claim.key, claim.polarity, claim.side, claim.value_low, claim.value_high, claim.unit,
                claim.ref_start, claim.ref_end)
        if said not in seen:
            seen.add(said)
            kept.append(claim)
    return kept
