"""Counts of none: "no one was killed in the explosion in Kabul", "nobody was hurt in the
blast in Kabul", "there were no casualties in the attack on the base in Erbil".

Each is a count of 0 under the key a number would have had (``quantity|-|killed|kabul``), so
"at least 12 people were killed in the explosion in Kabul" on the same day contradicts it,
and a toll that grew from none between two reports is an update, as any toll's is. Only
people in general and a place told. Soldiers count for the side they serve: "none of its
soldiers were killed", "no Israeli soldiers were killed" are that side's ``troops killed``, and
so is "no soldiers were killed" said by a state's own organ ("the Israeli military said");
said by anyone else it holds no side's count.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from processors.claimctx import ClaimContext, ClaimParts, quantity_key
from processors.model import Claim
from processors.polarity import read
from processors.quantities import (COUNTED, OUTCOMES, dated_by, holder, serving_side, strike_told_before,
                                   tells_one_attack)

#: Words for no one: "no one", "nobody", "none".
_NO_ONE = frozenset({"nobody", "none"})
#: People in general, counted under no side: "no civilians were killed", as "15 civilians were
#: killed" is the place's toll.
_NO_PEOPLE = frozenset({"civilian", "people"})
#: Nouns of harm to people, as counted: "no casualties", "no deaths", "no injuries".
_HARM_NOUNS = {"casualty": "casualties", "death": "killed", "fatality": "killed", "injury": "injured"}
#: Nouns of those who serve a side: "no soldiers", "none of its servicemen".
_SERVING = frozenset(lemma for lemma, counted in COUNTED.items() if counted in ("troops", "fighters"))
#: The lemmas a count of none turns on.
_CUES = frozenset({*_NO_ONE, *_NO_PEOPLE, "one", *_HARM_NOUNS, *_SERVING})
#: No casualties is none killed and none injured either.
_IMPLIED = {"casualties": ("casualties", "killed", "injured")}
#: Verbs whose object is harm that happened: "the blast caused no casualties".
_CAUSING = frozenset("cause report suffer sustain".split())
_REPORTED = frozenset("report record confirm".split())
#: Verbs whose object is who was harmed: "the blast killed no one", "killing no civilians".
_HARMING = frozenset("kill injure wound hurt".split())


def no_counts(sentence: Span, ctx: ClaimContext) -> list[Claim]:
    """The counts of none in one sentence."""
    claims = []
    for token in ctx.cues(sentence, _CUES):
        found = _no_serving(token) or _none_harmed(token) or _no_harm(token)
        if found is None:
            continue
        verb, counted = found
        side, first = None, token.left_edge
        if token.lemma_.lower() in _SERVING:  # "no soldiers", "none of its soldiers"
            first = token.head.head.left_edge if token.dep_ == "pobj" else first
            side = _side_served(token, ctx)
            if side is None:
                continue
            counted = f"{COUNTED[token.lemma_.lower()]} {counted}"
        # "in the explosion in Kabul", "when the bomb exploded in Kabul", "the blast in Kabul caused"
        place = ctx.place_of([verb, token, *(c for c in verb.children if c.dep_ in ("advcl", "nsubj")),
                              *strike_told_before(verb)])
        reading = read(verb, sentence)
        speaker = ctx.attributor.speaker_of(verb, sentence)
        if place is None or reading is None or reading.hedged or speaker is None:
            continue  # none killed nowhere named, "may have", or in the outlet's own voice
        for measure in _IMPLIED.get(counted, (counted,)):
            parts = ClaimParts(kind="quantity", key=quantity_key(side, measure, place), predicate=measure,
                               anchor=token, span=(first.idx, token.idx + len(token.text)),
                               speaker=speaker, subject=side, place=place, value_low=0, value_high=0, unit="count",
                               date_scope=dated_by(verb, ctx), one_attack=tells_one_attack(verb))
            claims.append(ctx.build(parts, sentence))
    return claims


def _no_serving(token: Token) -> tuple[Token, str] | None:
    """ "No soldiers were killed", "none of its soldiers died" (parsed either way): (the verb,
    the outcome) with ``token`` the soldiers."""
    of_none = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "none"
    if token.lemma_.lower() not in _SERVING or not (of_none or token.dep_ != "pobj" and _no(token)):
        return None
    subject = token.head.head if of_none else token
    verb = subject.head
    outcome = OUTCOMES.get(verb.lemma_.lower())
    return (verb, outcome) if subject.dep_ in ("nsubj", "nsubjpass") and outcome in ("killed", "injured") else None


def _side_served(soldiers: Token, ctx: ClaimContext) -> str | None:
    """The side whose soldiers they are: named on them ("Israeli", "its"), or else the
    country whose own organ speaks ("the Israeli military said no soldiers were killed")."""
    return holder(soldiers, soldiers, ctx) or serving_side(soldiers, ctx)


def _no(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _none_harmed(token: Token) -> tuple[Token, str] | None:
    """ "No one was killed", "nobody died", "no civilians were hurt", "the blast killed no one":
    (the verb, the outcome); not "none of its soldiers", a side's count (``_no_serving``), nor
    "none of the passengers", who were not all there was."""
    if token.lower_ == "none" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    no_one = token.lower_ in _NO_ONE or (token.lower_ == "one" or token.lemma_.lower() in _NO_PEOPLE) and _no(token)
    verb = token.head
    outcome = OUTCOMES.get(verb.lemma_.lower())
    harmed = token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "dobj" and verb.lemma_.lower() in _HARMING
    if not no_one or not harmed or outcome not in ("killed", "injured"):
        return None
    return verb, outcome


def _no_harm(token: Token) -> tuple[Token, str] | None:
    """ "There were no casualties", "the blast caused no deaths", "no casualties were reported":
    (the verb, what is counted)."""
    counted = _HARM_NOUNS.get(token.lemma_.lower())
    if counted is None or token.tag_ != "NNS" or not _no(token):
        return None
    verb = token.head
    there = token.dep_ == "attr" and verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)
    caused = token.dep_ == "dobj" and verb.lemma_.lower() in _CAUSING or \
        token.dep_ == "nsubjpass" and verb.lemma_.lower() in _REPORTED  # "no casualties were reported"
    return (verb, counted) if there or caused else None
