"""Outbreaks: a disease said to be, or not to be, in a place.

"ISIS fighters in Mosul have contracted Ebola" and "the health ministry denied reports that
militants in Mosul had Ebola" are one claim, ``event|outbreak|ebola+mosul``, asserted and denied.
Only where the disease is no named person's (that is their illness, in ``events``) and the
sentence says where; "no new cases", "a suspected case" and "Ebola patients" say nothing of
whether it is there.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from processors.claimctx import ClaimContext, event_parts
from processors.clauses import CONTENT_NOUNS
from processors.entities import key_name
from processors.model import Claim
from processors.polarity import negated, read

#: Diseases of outbreaks, by lower-cased word → the name alerts use.
DISEASES = {
    **dict.fromkeys("ebola".split(), "Ebola"),
    **dict.fromkeys("cholera".split(), "cholera"),
    **dict.fromkeys("measles".split(), "measles"),
    **dict.fromkeys("plague".split(), "plague"),
    **dict.fromkeys("polio".split(), "polio"),
    **dict.fromkeys("anthrax".split(), "anthrax"),
    **dict.fromkeys("mers".split(), "MERS"),
    **dict.fromkeys("sars".split(), "SARS"),
    **dict.fromkeys("zika".split(), "Zika"),
    **dict.fromkeys("mpox monkeypox".split(), "mpox"),
    **dict.fromkeys("covid covid-19 coronavirus".split(), "COVID-19"),
}
_DISEASE_LEMMAS = frozenset(DISEASES)
#: What one has a disease by: "militants had Ebola", "contracted the virus".
_HAVING_VERBS = frozenset("have contract catch develop carry".split())
#: Nouns of a disease's presence: "cases of Ebola", "an Ebola outbreak".
_PRESENCE_NOUNS = frozenset("case outbreak infection".split())
#: Modifiers under which cases say nothing of the disease's presence as such: "no new cases"
#: denies only new ones, "a suspected case" is no case yet.
_PARTIAL = frozenset("new other more further additional fresh second third suspected possible potential".split())
_PEOPLE_PRONOUNS = frozenset("he she him her i".split())


def outbreak_claims(sentence: Span, ctx: ClaimContext) -> list[Claim]:
    """The outbreak claims of one sentence."""
    claims = []
    for token in ctx.cues(sentence, _DISEASE_LEMMAS):
        disease = DISEASES.get(token.lower_)
        if disease is None or token.pos_ not in ("NOUN", "PROPN"):
            continue
        found = _presence(token, ctx)
        if found is None:
            continue
        anchor, scope, place, told = found
        if key_name(place) in {key_name(name) for name in DISEASES.values()} or _despite_reports(anchor, sentence):
            continue  # "Ebola" tagged a place; "Despite reports that ..., X dismissed them": not X's word
        reading = read(anchor, sentence)
        speaker = ctx.attributor.speaker_of(anchor, sentence)
        if reading is None or speaker is None:
            continue  # an outbreak the outlet tells in its own voice is background
        if reading.polarity == "asserted" and (ruling := _ruled_out(anchor)) is not None:
            reading = replace(reading, polarity="denied", cue=ruling)  # "We have ruled out any Ebola case"
        if reading.polarity != "asserted" and not told:
            continue  # "denied that the outbreak in Liberia was caused by a vaccine": a denial of the cause
        participants = sorted([(key_name(disease), disease), (key_name(place), place)])
        parts = event_parts("outbreak", participants, anchor=anchor, cue=reading.cue, speaker=speaker,
                            polarity=reading.polarity, hedged=reading.hedged, date_scope=scope)
        claims.append(ctx.build(parts, sentence))
    return claims


#: Words a disease's name may come with: "the Ebola virus", "Ebola virus disease".
_DISEASE_WORDS = frozenset("virus disease fever".split())


def _presence(disease: Token, ctx: ClaimContext) -> tuple[Token, Token, str, bool] | None:
    """(the word telling the disease is there, the word its date hangs on, the place, whether the
    clause tells the presence rather than takes it for granted) or None."""
    while disease.dep_ == "compound" and disease.head.lemma_.lower() in _DISEASE_WORDS:
        disease = disease.head  # "contracted the Ebola virus"
    head = disease.head
    if disease.dep_ == "dobj" and head.lemma_.lower() in _HAVING_VERBS:
        carriers = [c for c in head.children if c.dep_ == "nsubj"]
        if not carriers or any(_a_person(c, ctx) for c in carriers):
            return None  # "Nina Pham has Ebola": her illness
        place = ctx.place_of([*carriers, head])  # "fighters in Mosul had Ebola", "contracted it in Mosul"
        return (head, head, place, True) if place else None
    noun = disease
    while noun.dep_ == "compound":
        noun = noun.head  # "Ebola cases", "an Ebola outbreak", "Ebola virus infection"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "cases of Ebola", "two cases of Ebola virus infection"
    if noun.lemma_.lower() not in _PRESENCE_NOUNS and noun is not disease:
        return None
    if any(c.lower_ in _PARTIAL for c in (*noun.children, *disease.children)):
        return None
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else noun
    among = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "among" for o in p.children]
    place = ctx.place_of([noun, *among] if verb is noun else [noun, verb, *among])
    if not place or noun is disease and not any(p.dep_ == "prep" and p.lower_ == "in" for p in noun.children):
        return None  # a bare "Ebola" is named by its place only as "Ebola in Mosul"
    return noun, verb, place, _tells_presence(noun, verb)


#: Verbs whose object or passive subject is a case there: "two cases were recorded in Mosul",
#: "we have ruled out any Ebola case"; and whose subject is: "cases have showed up in Mosul".
_RECORDING = frozenset("report record confirm diagnose detect find register identify rule".split())
_ARISING = frozenset("show emerge appear surface".split())


def _tells_presence(noun: Token, verb: Token) -> bool:
    """Whether the clause says the disease is there ("there are no cases of Ebola in Mosul",
    "cases were confirmed", "reports of Ebola in Mosul"), which a denial then denies; any
    other ("the outbreak in Liberia was caused by a vaccine") takes it for granted, and a
    denial there is of something else."""
    if verb is noun:
        return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in CONTENT_NOUNS
    lemma = verb.lemma_.lower()
    return noun.dep_ == "attr" and lemma == "be" and any(c.dep_ == "expl" for c in verb.children) or \
        noun.dep_ in ("nsubjpass", "dobj") and lemma in _RECORDING or noun.dep_ == "nsubj" and lemma in _ARISING


def _despite_reports(anchor: Token, sentence: Span) -> bool:
    """Whether the sentence opens on "Despite reports (claims) ... that", which the parser hangs
    anywhere: what follows is those reports' word, whoever the sentence's speaker is."""
    opening = sentence[0]
    return opening.lower_ == "despite" and opening.i < anchor.i and \
        any(t.lemma_.lower() in CONTENT_NOUNS for t in sentence[1 : anchor.i - sentence.start])


def _ruled_out(anchor: Token) -> Token | None:
    """The "ruled" of "we have ruled out any Ebola case in Kansas City" above ``anchor``."""
    return next((a for a in anchor.ancestors if a.lemma_.lower() == "rule" and
                 any(c.dep_ == "prt" and c.lower_ == "out" for c in a.children) and not negated(a)), None)


def _a_person(carrier: Token, ctx: ClaimContext) -> bool:
    """A person named or pointed at: whose having it is their illness, no outbreak."""
    entity = ctx.index.entity_at(carrier)
    return carrier.lower_ in _PEOPLE_PRONOUNS or entity is not None and entity.label == "PERSON"
