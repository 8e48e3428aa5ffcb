"""Event claims: an attributed statement that something happened (or did not).

A trigger word names the event, normalised to a predicate ("phone call", "phone
conversation" → call; "summit", "met" → meeting; "sent ... troops", "presence of ... troops"
→ deployment); its participants are the named parties it links ("between Trump and Putin",
"Trump's call with Putin", "North Korean troops" → North Korea). A definite mention without
participants ("The call, first reported by ...") takes them from the article's previous
mention of the same predicate. Only attributed mentions become claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from processors.claimctx import ClaimContext, ClaimParts
from processors.entities import key_name
from processors.model import Claim
from processors.polarity import read
from processors.quantities import COUNTED

_NOUN_PREDICATES = {
    **dict.fromkeys("call phonecall".split(), "call"),
    **dict.fromkeys("meeting summit".split(), "meeting"),
    **dict.fromkeys("deployment".split(), "deployment"),
    **dict.fromkeys("attack strike airstrike air-strike bombing shelling raid assault".split(), "attack"),
    **dict.fromkeys("invasion".split(), "invasion"),
}
_VERB_PREDICATES = {
    **dict.fromkeys("phone telephone".split(), "call"),
    **dict.fromkeys("meet".split(), "meeting"),
    **dict.fromkeys("deploy send station dispatch".split(), "deployment"),
    **dict.fromkeys("attack bomb shell raid".split(), "attack"),
    **dict.fromkeys("invade".split(), "invasion"),
}
#: Prepositions that introduce a participant, per predicate ("a call with Putin", "an
#: attack on Kobani").
_PARTICIPANT_PREPS = {
    "call": frozenset({"between", "with", "to"}),
    "meeting": frozenset({"between", "with"}),
    "attack": frozenset({"on", "against"}),
    "invasion": frozenset({"of"}),
}
#: A deployment names one party (whose troops); every other event needs two, or its key
#: would lump together every call, meeting or attack that one party was in.
_MIN_PARTICIPANTS = {"deployment": 1}
_PHONE_WORDS = frozenset({"phone", "telephone"})
_PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PRONOUNS = frozenset({"he", "she", "him", "her"})


@dataclass
class EventMemory:
    """Participants of the article's latest mention of each predicate."""

    last: dict[str, tuple[str, ...]] = field(default_factory=dict)


def event_claims(sentence: Span, ctx: ClaimContext, memory: EventMemory) -> list[Claim]:
    """The event claims in one sentence; updates ``memory`` with every mention seen."""
    claims = []
    for token in sentence:
        predicate = _predicate(token)
        if predicate is None:
            continue
        participants = _participants(token, predicate, ctx)
        if not participants and _is_anaphoric(token):
            participants = memory.last.get(predicate, ())
        if len(participants) < _MIN_PARTICIPANTS.get(predicate, 2):
            continue
        memory.last[predicate] = participants
        parts = _event(token, sentence, predicate, participants, ctx)
        if parts is not None:
            claims.append(ctx.build(parts, sentence))
    return claims


def _event(
    trigger: Token, sentence: Span, predicate: str, participants: tuple[str, ...], ctx: ClaimContext
) -> ClaimParts | None:
    reading = read(trigger, sentence)
    speaker = ctx.attributor.speaker_of(trigger, sentence)
    if reading is None or speaker is None:
        return None
    cue = reading.cue
    # "the call took place on Thursday", "held a phone conversation on Tuesday"
    light_verb = trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass", "dobj")
    date_scope = trigger.head if light_verb and trigger.head.pos_ == "VERB" else trigger
    return ClaimParts(
        kind="event",
        key=f"event|{predicate}|{'+'.join(key_name(p) for p in participants)}",
        predicate=predicate,
        anchor=trigger,
        span=(cue.idx, cue.idx + len(cue.text)),
        speaker=speaker,
        polarity=reading.polarity,
        hedged=reading.hedged,
        participants=participants,
        date_scope=date_scope,
    )


def _predicate(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    children = list(token.children)
    if token.pos_ == "NOUN":
        if lemma in ("conversation", "talk", "talks"):
            phone = any(c.lower_ in _PHONE_WORDS for c in children)
            return "call" if phone else None
        if lemma == "presence":
            return "deployment" if _troops_of(token) is not None else None
        return _NOUN_PREDICATES.get(lemma)
    if token.pos_ != "VERB":
        return None
    if lemma in ("speak", "talk") and any(
        c.dep_ == "prep" and any(g.lower_ in _PHONE_WORDS for g in c.children) for c in children
    ):
        return "call"
    predicate = _VERB_PREDICATES.get(lemma)
    if predicate == "deployment" and _troops_object(token) is None:
        return None
    return predicate


def _participants(trigger: Token, predicate: str, ctx: ClaimContext) -> tuple[str, ...]:
    """Canonical participant names, sorted."""
    if predicate == "deployment":
        troops = _troops_object(trigger) if trigger.pos_ == "VERB" else _troops_of(trigger)
        names = ctx.country_modifiers(troops) if troops is not None else set()
        if not names and trigger.pos_ == "VERB":
            names = _names_of(_deps(trigger, ("nsubj",)), ctx)
        return tuple(sorted(names))
    anchors = _deps(trigger, ("nsubj", "dobj", "poss", "compound", "amod", "nmod"))
    for prep in _deps(trigger, ("prep",)):
        if prep.lower_ in _PARTICIPANT_PREPS[predicate]:
            anchors += _deps(prep, ("pobj",))
    names = _names_of(anchors, ctx)
    if len(names) < 2 and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":  # "X held talks with Y"
        names |= _names_of(_deps(trigger.head, ("nsubj",)), ctx)
    return tuple(sorted(names))


def _names_of(tokens: list[Token], ctx: ClaimContext) -> set[str]:
    """Named parties in ``tokens`` and their conjuncts; inside a phrase like "Trump and
    Russian President Vladimir Putin" people win over the nationalities in their titles."""
    names: set[str] = set()
    for token in tokens:
        people, parties = set(), set()
        for member in _phrase(token):
            entity = ctx.index.entity_at(member)
            if member.lower_ in _PRONOUNS and member.i == token.i:
                entity = ctx.attributor.antecedent(member)
            if entity is None or entity.label not in _PARTICIPANT_LABELS:
                continue
            if entity.label == "PERSON":
                people.add(entity.canonical)
            else:
                parties.add(ctx.holder_name(member) or entity.canonical)
        names |= people or parties
    return names


def _phrase(token: Token) -> list[Token]:
    """``token`` and its subtree without clauses and prepositional phrases."""
    tokens, stack = [], [token]
    while stack:
        node = stack.pop()
        tokens.append(node)
        stack.extend(c for c in node.children if c.dep_ not in ("relcl", "acl", "prep", "appos", "punct"))
    return tokens


def _deps(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _troops_of(noun: Token) -> Token | None:
    """The troops-class object of "presence/deployment of ... troops"."""
    for prep in _deps(noun, ("prep",)):
        if prep.lower_ == "of":
            for obj in _deps(prep, ("pobj",)):
                if COUNTED.get(obj.lemma_.lower()) == "troops":
                    return obj
    return None


def _troops_object(verb: Token) -> Token | None:
    """The troops sent or deployed by ``verb`` (object, or passive subject)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and COUNTED.get(child.lemma_.lower()) == "troops":
            return child
    return None


def _is_anaphoric(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "such") for c in token.children)
