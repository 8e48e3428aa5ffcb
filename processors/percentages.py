"""Percentage claims: a rate or share that outlets can disagree on ("turnout was 59
percent", "inflation stood at 48%", "an approval rating of 41 percent").

Only a whitelist of measures counts, and only with a scope (a country or place in the
measure's phrase or its clause): "59 percent" of anything else is too often a poll detail,
a discount or a change, and "turnout" alone would lump every election together. A share of
the vote is its winner's ("Maduro won 51.2 percent of the vote": `quantity|maduro|vote share|-`),
told as a result: not a poll's, a projection's or a partial count's, which differ by design.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from processors.claimctx import ClaimContext, ClaimParts, quantity_key
from processors.entities import country_of, key_name, person_key
from processors.model import Claim
from processors.numbers import NumberMatch

#: Measure noun lemma → canonical measure ("unemployment rate" → unemployment).
MEASURES = {
    **dict.fromkeys("turnout participation".split(), "turnout"),
    **dict.fromkeys("inflation".split(), "inflation"),
    **dict.fromkeys("unemployment joblessness jobless".split(), "unemployment"),
    **dict.fromkeys("approval".split(), "approval"),
}
#: Measures of a country's economy, which a country's own body tells of its own.
_NATIONAL = frozenset({"inflation", "unemployment"})
#: Verbs that state a measure's level ("stood at", "reached", "hit").
_LEVEL_VERBS = frozenset("be stand reach hit come total".split())
_CHANGE_WORDS = frozenset("by from rise fall increase decrease drop climb jump decline ease edge slip".split())


def percentage_claims(sentence: Span, numbers: list[NumberMatch], ctx: ClaimContext) -> list[Claim]:
    """The percentage claims in one sentence, given its ``find_numbers``."""
    found = [p for m in numbers if m.percent and (p := _percentage(sentence, m, ctx))]
    return [ctx.build(p, sentence) for p in found]


def _percentage(sentence: Span, match: NumberMatch, ctx: ClaimContext) -> ClaimParts | None:
    start, end = sentence.start_char + match.start, sentence.start_char + match.end
    number = ctx.doc.char_span(start, end, alignment_mode="expand")
    if number is not None and (share := _vote_share(number.root, sentence, ctx)) is not None:
        key, winner, verb = share
        votes = [o for p in number.root.children if p.lower_ == "of" for o in p.children]
        place = ctx.place_of([verb, number.root, *votes])  # "the CDU won 32 percent in Saxony", not Thuringia's
        return ClaimParts(kind="quantity", key=quantity_key(key, "vote share", place), predicate="vote share",
                          anchor=number.root, span=(start, end), speaker=ctx.attributor.speaker_of(verb, sentence),
                          subject=winner, place=place, value_low=match.low, value_high=match.high, unit="percent",
                          date_scope=verb)
    measure = _measured(number.root) if number is not None else None
    if number is None or measure is None:
        return None
    name = _measure_name(measure)
    holders = sorted(ctx.country_modifiers(measure) | {h for t in measure.subtree if t.i != measure.i
                                                      if (h := ctx.holder_name(t)) is not None})
    place = ctx.place_of([measure, number.root, measure.head])
    holder = holders[0] if len(holders) == 1 else None
    speaker = ctx.attributor.speaker_of(measure, sentence)
    if holder is None and place is None and name in _NATIONAL and speaker is not None and speaker.side:
        holder = country_of(speaker.side)  # "Russia's central bank said inflation was 8.5%": Russia's
    if name is None or (holder is None and place is None):
        return None
    country = country_of(place) if place is not None else None
    if country is not None and holder in (None, country):
        holder, place = country, None  # "unemployment in Germany" is Germany's rate
    return ClaimParts(
        kind="quantity",
        key=quantity_key(holder, name, place),
        predicate=name,
        anchor=measure,
        span=(start, end),
        speaker=speaker,
        subject=holder,
        place=place,
        value_low=match.low,
        value_high=match.high,
        unit="percent",
        date_scope=measure.head if measure.head.pos_ in ("VERB", "AUX") else measure,
    )


#: Verbs by which a candidate or party gets a share of the vote.
_WINNING_VERBS = frozenset("win get receive take secure garner obtain".split())
#: Words of a share that is no result: a poll's, a projection's, a count still running.
_NOT_A_RESULT = frozenset("""poll survey projection project forecast predict expect exit count preliminary partial
    early estimate could would might may""".split())


def _vote_share(number: Token, sentence: Span, ctx: ClaimContext) -> tuple[str, str, Token] | None:
    """ "Maduro won 51.2 percent of the vote", "Gonzalez received 67% of the ballots": the
    winner's key form (a person's family name, a party's name), name and verb."""
    winner = _winner_of(number)
    if winner is None or not any(o.lemma_.lower() in ("vote", "ballot") for p in number.children if p.lower_ == "of"
                                 for o in p.children if o.dep_ == "pobj"):
        return None
    if any(t.lemma_.lower() in _NOT_A_RESULT for t in sentence):
        return None
    verb, subject = winner
    entity = ctx.index.entity_at(subject) if subject is not None else None
    if entity is None and subject is not None:  # "its candidate Edmundo Gonzalez won"
        entity = next((e for c in subject.children if c.dep_ == "appos" and (e := ctx.index.entity_at(c))), None)
    if entity is None or entity.label not in ("PERSON", "ORG", "NORP"):  # "the Social Democrats won"
        return None
    key = person_key(entity.canonical) if entity.label == "PERSON" else key_name(entity.canonical)
    return key, entity.canonical, verb


def _winner_of(number: Token) -> tuple[Token, Token | None] | None:
    """The verb that gives the share ``number`` and who gets it: "Maduro won 51.2 percent",
    "Gonzalez won the election with 67 percent", "declared Maduro the winner with 51 percent",
    "Maduro was declared the winner with 51 percent"; None when no one wins it."""
    head = number.head
    if number.dep_ == "dobj" and head.lemma_.lower() in _WINNING_VERBS:
        return head, _dep(head, ("nsubj",))
    if number.dep_ != "pobj" or head.lower_ != "with":
        return None
    holder = head.head
    if holder.pos_ == "VERB" and holder.lemma_.lower() in _WINNING_VERBS:
        return holder, _dep(holder, ("nsubj",))
    if holder.lemma_.lower() == "winner" and holder.dep_ in ("oprd", "attr", "ccomp", "dobj", "xcomp"):
        return holder.head, _dep(holder.head, ("dobj", "nsubjpass", "nsubj"), besides=holder)
    return None


def _dep(token: Token, deps: tuple[str, ...], *, besides: Token | None = None) -> Token | None:
    """The first child of ``token`` (other than ``besides``) with one of ``deps``, in their order."""
    return next((c for d in deps for c in token.children if c.dep_ == d and c != besides), None)


def _measured(number: Token) -> Token | None:
    """The measure whose level ``number`` states: the subject of "was 59 percent" / "stood
    at 5%", or the noun of "a turnout of 59 percent"; None for changes ("rose by 2%")."""
    node, level = number, _LEVEL_VERBS
    if node.dep_ == "pobj":
        prep = node.head
        if prep.lower_ in _CHANGE_WORDS:
            return None
        if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
            return prep.head
        if prep.lower_ == "to":
            level = _LEVEL_VERBS | _CHANGE_WORDS  # "rose to 6.1%" states the new level
        node = prep
    verb = node.head
    if node.dep_ not in ("attr", "acomp", "dobj", "prep") or verb.lemma_.lower() not in level:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _measure_name(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in ("rate", "rating", "level"):
        inner = next((c for c in noun.children if c.dep_ in ("compound", "amod") and c.lemma_.lower() in MEASURES), None)
        return MEASURES[inner.lemma_.lower()] if inner is not None else None
    return MEASURES.get(lemma)
