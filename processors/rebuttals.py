"""Denials that name what they deny only by pointing back at it.

"Reuters reported that Putin met Erdogan on Monday. The Kremlin denied the report." The
second sentence has no event of its own: "the report" (or "it", "these claims", "this")
is the event the article has just told. Such a denial is the same claim as the one it
answers, denied by whoever rebuts it:

* a denial verb whose object points back: "denied the report", "rejected these claims",
  "denied it" (a bare pronoun only with "deny", "reject", "refute", "rebut": "the judge
  dismissed it" is a ruling on something else);
* a verdict of falsity on such a subject: "These claims are absolutely false", "'This is
  completely untrue,' his lawyer said", "the report was not true", "called it a lie", "there
  was no truth to the report".

What it points back at is the asserted events of the nearest earlier sentence that told
any, told by someone else: the sentence just before for "it" and "this", up to
``_NOUN_REACH`` sentences back for "the report"; "it" and "this" are a denial only from
someone who speaks for a party (a spokesman, a lawyer, a government). A pointer with content
of its own ("denied reports of a call", "claims that ...") is the other extractors' to read.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from processors.attribution import Speaker
from processors.claimctx import ClaimContext, claim_id
from processors.clauses import REPORTING_VERBS
from processors.entities import person_key
from processors.model import Claim
from processors.polarity import (
    DENIAL_VERBS, DISPUTING_VERBS, FALSITY_WORDS, NAMING_VERBS, NO_GROUNDS, against_reality, dismissing_phrase,
    falsity_cue, negated,
)

#: Nouns that name a report as a whole: "the report", "these claims", "such allegations".
_POINTER_NOUNS = frozenset("report claim allegation accusation story rumor rumour suggestion assertion account".split())
#: Determiners that point back: "the claims", "these reports", "such allegations".
_POINTING_DETS = frozenset("the this that these those such".split())
_POINTING_PRONOUNS = frozenset("it this that these those them".split())
#: Denial verbs that may take a bare pronoun: "denied it" (but "dismissed it" is a ruling).
_PRONOUN_DENIALS = frozenset("deny reject refute rebut".split())
#: Events done to a person for a reason: the person's "I deny it" is about the reason.
_SANCTIONS = frozenset({"arrest", "suspension", "dismissal"})
#: Verbs whose subject names what it points back at as false: "called the reports fiction",
#: and "described it as", "dubbed it", "termed it".
_NAMING_VERBS = NAMING_VERBS | frozenset("dub term".split())
#: How many sentences back "the report" may point ("it" and "this" only to the one before).
_NOUN_REACH = 2
#: Nouns that name a count given before: "the figure was exaggerated", "Israel disputed the toll".
_COUNT_NOUNS = frozenset("figure toll number tally estimate count statistic".split())


def rebuttals(sentence: Span, ctx: ClaimContext, earlier: list[Claim], distance: int) -> list[Claim]:
    """The claims of ``earlier`` (the events told ``distance`` sentences before), denied by
    whoever rebuts them in ``sentence`` only by reference; [] when nobody does."""
    if not earlier or distance < 1:
        return []
    for token in sentence:
        found = _rebuttal(token, sentence, ctx)
        if found is None:
            continue
        cue, speaker, reach = found
        if distance > reach or reach < _NOUN_REACH and speaker.side is None:
            return []  # "'It is a lie,' his mother said": "it" is hers to mean, a party's denial is not
        about = _glossed(token)
        return [_denied(claim, cue, speaker, sentence, ctx) for claim in earlier
                if _answers(claim, speaker, by_pronoun=reach < _NOUN_REACH, about=about)]
    return []


def count_rebuttals(sentence: Span, ctx: ClaimContext, counts: list[Claim], distance: int) -> list[Claim]:
    """The ``counts`` (given ``distance`` sentences before, or earlier in this one) disputed by
    whoever calls "the figure" or "the toll" false in ``sentence``: "Gaza's civil defence said
    the strike killed 90 people, but the Israeli military said the figure was exaggerated"."""
    if not counts or distance > _NOUN_REACH:
        return []
    for token in sentence:
        found = _rebuttal(token, sentence, ctx, nouns=_COUNT_NOUNS)
        if found is None:
            continue
        cue, speaker, _ = found
        return [_denied(claim, cue, speaker, sentence, ctx) for claim in counts
                if claim.polarity == "asserted" and _someone_else(claim, speaker)
                and (distance > 0 or claim.span_end <= cue.idx)]
    return []


def _answers(claim: Claim, speaker: Speaker, *, by_pronoun: bool, about: set[str]) -> bool:
    """Whether ``speaker``'s rebuttal denies ``claim``: an assertion told by someone else, not
    (for "it") a sanction of the speaker, and about whom the speaker's gloss names, if any."""
    if claim.polarity != "asserted" or not _someone_else(claim, speaker):
        return False
    people = {person_key(p) for p in claim.participants}
    if by_pronoun and claim.predicate in _SANCTIONS and person_key(speaker.name) in people:
        return False  # "Police said Smith had been arrested on suspicion of fraud. He denied it."
    return not about or bool(about & people)


def _glossed(verb: Token) -> set[str]:
    """The family names the denier's own gloss is about: {"rosenberg"} in "Kurdish sources
    denied the reports, saying that Rosenberg wasn't in the area", which denies a report
    about her, whatever the sentence before told."""
    return {person_key(subject.text) for gloss in verb.children
            if gloss.dep_ == "advcl" and gloss.lemma_.lower() in REPORTING_VERBS
            for content in gloss.children if content.dep_ == "ccomp"
            for subject in content.children if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ == "PROPN"}


def _someone_else(claim: Claim, speaker: Speaker) -> bool:
    """Whether ``speaker`` is not who told ``claim`` (nobody rebuts their own report)."""
    return claim.speaker != speaker.name and (speaker.side is None or speaker.side != claim.side)


def _rebuttal(
    token: Token, sentence: Span, ctx: ClaimContext, *, nouns: frozenset[str] = _POINTER_NOUNS,
) -> tuple[Token, Speaker, int] | None:
    """(the cue, the denier, how many sentences back it may point) when ``token`` rebuts
    something by reference, by one of ``nouns`` or (for reports) a pronoun."""
    unreal = against_reality(token) is not None
    reports = nouns is _POINTER_NOUNS  # a report may be "it" or "nothing of the sort", a figure never
    if reports and token.pos_ in ("VERB", "AUX") and (nothing := _nothing_happened(token)) is not None:
        speaker = ctx.attributor.speaker_of(token, sentence)  # "The Kremlin said nothing of the sort happened"
        return (nothing, speaker, 1) if speaker is not None else None
    if token.pos_ not in ("VERB", "AUX") or negated(token) and not unreal and falsity_cue(token) is None or \
            any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in token.children):
        return None  # "denied that ...", "it is not true that ...": the content is here; "the reports are not true"
    lemma = token.lemma_.lower()
    truth = _no_truth(token)
    if unreal:  # "Peskov said the report did not correspond to reality"
        pointers = [c for c in token.children if c.dep_ == "nsubj"]
        cue, pronoun_ok = token, True
    elif lemma in DENIAL_VERBS or dismissing_phrase(token) or lemma in DISPUTING_VERBS:
        pointers = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        cue: Token | None = token
        pronoun_ok = lemma in _PRONOUN_DENIALS
    elif truth is not None:  # "there was no truth to the report", "no truth in it"
        pointers = [o for p in (*truth.children, *token.children)  # the phrase on "truth" or on "is"
                    if p.dep_ == "prep" and p.lower_ in ("to", "in", "for") for o in p.children if o.dep_ == "pobj"]
        cue, pronoun_ok = truth, True
    elif token.tag_ == "VBN" and token.lower_ in FALSITY_WORDS:  # "the figures were inflated (exaggerated)"
        pointers = [c for c in token.children if c.dep_ == "nsubjpass"]
        cue, pronoun_ok = token, True
    else:
        pointers = [c for c in token.children if c.dep_ in ("nsubj", "dobj")]
        cue = falsity_cue(token)
        pronoun_ok = True
    if cue is None:
        return None
    pronoun_ok = pronoun_ok and reports
    reach = max((_reach(p, pronoun_ok, nouns) for p in pointers), default=0)
    if not reach:
        return None
    speaker = ctx.attributor.speaker_of(token, sentence)
    if speaker is None and lemma in _NAMING_VERBS:
        speaker = ctx.attributor.subject_speaker(token)  # "Peskov called the reports pure fiction"
    return (cue, speaker, reach) if speaker is not None else None


#: Verbs by which something happens: "nothing of the sort happened", "this never took place".
_HAPPENING = frozenset("happen occur take".split())


def _nothing_happened(verb: Token) -> Token | None:
    """The word that says what was just told did not happen: "nothing of the sort (like that)
    happened", "no such thing happened", "this never happened", "it did not take place"."""
    lemma = verb.lemma_.lower()
    if lemma not in _HAPPENING or lemma == "take" and not any(c.lower_ == "place" for c in verb.children):
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.lower_ == "nothing" and any(
                p.dep_ == "prep" and (p.lower_ == "like" or p.lower_ == "of" and any(
                    o.lemma_.lower() in ("sort", "kind") for o in p.children)) for p in subject.children):
            return subject
        if subject.lemma_.lower() == "thing" and {"no", "such"} <= {c.lower_ for c in subject.children}:
            return subject
        if subject.lower_ in ("this", "that", "it") and negated(verb):
            return next((c for c in verb.children if c.dep_ == "neg"), verb)
    return None


def _no_truth(verb: Token) -> Token | None:
    """The "truth" of "there is no truth to ..." ("no basis for", "no foundation to"), or None."""
    if verb.lemma_ != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in NO_GROUNDS
                 and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)), None)


def _reach(word: Token, pronoun_ok: bool, nouns: frozenset[str]) -> int:
    """How many sentences back ``word`` may point: "the report", "these claims", "the Post's
    report" up to ``_NOUN_REACH``, "it", "this" only at the sentence before; 0 for a word that does not
    point back, or names content of its own ("reports of a call", "claims that he died")."""
    if word.pos_ == "PRON" or word.tag_ == "DT":
        return 1 if pronoun_ok and word.lower_ in _POINTING_PRONOUNS else 0
    if word.lemma_.lower() not in nouns:
        return 0
    children = list(word.children)
    if not any(c.dep_ == "det" and c.lower_ in _POINTING_DETS or c.dep_ == "poss" for c in children):
        return 0  # "the report", "these claims", "the Post's report"
    if any(c.dep_ in ("acl", "relcl", "ccomp", "appos") or c.dep_ == "prep" and c.lower_ not in ("by", "from", "in")
           for c in children):
        return 0
    return _NOUN_REACH


def _denied(claim: Claim, cue: Token, speaker: Speaker, sentence: Span, ctx: ClaimContext) -> Claim:
    """``claim`` denied by ``speaker`` at ``cue`` in ``sentence``: same key and time."""
    start, end = ctx.sentence_bounds(sentence)
    span = (cue.idx, cue.idx + len(cue.text))
    return replace(
        claim, claim_id=claim_id(claim.article_id, claim.kind, span[0], span[1], claim.key),
        speaker=speaker.name, side=speaker.side, polarity="denied", hedged=False,
        sentence=ctx.article.text[start:end], sentence_start=start, sentence_end=end,
        span_start=span[0], span_end=span[1], span_text=cue.text,
    )
