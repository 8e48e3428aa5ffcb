"""Polarity of an event mention: asserted, denied or noncommittal, plus hedging.

Cues are read on the dependency path from the event trigger up to the root and on the
children of that path: denial verbs ("the Kremlin denied reports of a call"), negation
("the call did not happen", "no call took place"), falsity predicates ("reports of a call
are pure fiction"), non-committal forms ("neither confirmed nor denied", "declined to
comment", "could not confirm") and hedges ("allegedly", "reportedly"). Irrealis contexts
(modals, plans, conditionals, questions) make the mention no claim at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from processors.clauses import (
    CONTENT_NOUNS, REPORTING_VERBS, about_rumour, bare_participle, clause_path, is_rumour, pushes_back,
)
from processors.model import Polarity

DENIAL_VERBS = frozenset("deny reject dismiss refute rebut debunk disprove".split())
#: Verbs that deny with a particle: "laughed off reports that he had died", "brushed aside".
#: The present-tense forms of a headline ("Kremlin denies ...", "Israel rejects ...").
_DENIES = frozenset(v[:-1] + "ies" if v.endswith("y") else v + "es" if v.endswith("ss") else v + "s"
                    for v in DENIAL_VERBS)
_DISMISSING_PHRASES = frozenset({("laugh", "off"), ("laugh", "away"), ("shrug", "off"), ("brush", "off"),
                                 ("brush", "aside"), ("wave", "away"), ("wave", "off")})
#: Phrases that deny only what is told: "shot down claims", "knocked down reports".
_DISMISSING_OF_TOLD = frozenset({("shoot", "down"), ("knock", "down"), ("swat", "down"), ("shut", "down")})
#: What one who knows nothing of an event denies: "denied any knowledge of the meeting".
_KNOWING = frozenset("knowledge know awareness".split())
#: Verbs that deny what is told, or a clause: "disputed reports that", "contradicted claims".
DISPUTING_VERBS = frozenset("dispute contradict contest".split())
_CONFIRM_VERBS = frozenset("confirm verify comment corroborate".split())
_REFUSAL_VERBS = frozenset("decline refuse".split())
FALSITY_WORDS = frozenset(
    "false untrue fiction fake baseless groundless nonsense fabricated fabrication lie lies "
    "hoax unfounded inaccurate incorrect erroneous bogus premature exaggerated inflated overstated propaganda "
    "disinformation misinformation absurd ridiculous laughable nonsensical".split()
)
#: What a false report has none of: "there is no truth to (no basis for) the report".
NO_GROUNDS = frozenset({"truth", "basis", "foundation"})
#: Verbs by which someone names a thing for what they say it is, their subject the speaker:
#: "called the allegations a witch hunt", "labelled the claims false".
NAMING_VERBS = frozenset("call label brand describe denounce".split())
#: What is told, which a falsity word before it calls false: "fake news", "a false story".
_TOLD_NOUNS = frozenset("news story report claim information rumour rumor".split())
HEDGES = frozenset(
    "allegedly reportedly purportedly supposedly apparently rumoured rumored unconfirmed unverified".split()
)
#: Nouns of a report no one puts a name to: "reports said ...", "unconfirmed reports said ...".
_REPORTS = frozenset("report rumour rumor".split())
#: Words before "reports" that name no one: "media reports", "news reports".
_NO_ONES = frozenset("media news press online internet".split())
#: Passives that hedge the clause they raise: "X is believed to have been killed", "is thought to".
_RAISING_HEDGES = frozenset("believe think say understand presume suspect fear".split())


def _reports_said(node: Token) -> bool:
    """Whether ``node`` is a verb of saying whose subject is reports no one is named for ("reports
    said", "media reports said"; not "the Post's report said") or hedged ones ("unconfirmed
    reports said")."""
    return node.lemma_.lower() in REPORTING_VERBS and any(
        s.dep_ == "nsubj" and (_unnamed_reports(s) or any(c.lower_ in HEDGES for c in s.children))
        for s in node.children)


def _unnamed_reports(noun: Token) -> bool:
    return noun.lemma_.lower() in _REPORTS and not any(
        c.dep_ == "poss" or c.dep_ == "compound" and c.lower_ not in _NO_ONES for c in noun.children)


def _raised_hedge(node: Token) -> bool:
    """Whether ``node`` is a hedging passive with a clause under it ("is believed to have been")."""
    children = list(node.children)
    return node.lemma_.lower() in _RAISING_HEDGES and node.tag_ == "VBN" and \
        any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "xcomp" for c in children)


#: Heads that put the event in a non-factual world: plans, wishes, proposals, questions.
IRREALIS_HEADS = frozenset(
    """plan hope expect want seek propose agree prepare invite urge appeal beg implore consider discuss ask
    request schedule intend wish offer aim try attempt threaten demand call need require may
    might could would should will can possible likely potential future planned proposed
    upcoming expected prevent avert forestall thwart foil avoid cancel postpone""".split()
)
#: Adjectives that weigh a clause instead of stating it: "it is unlikely that ...".
_EPISTEMIC = frozenset(
    "likely unlikely possible impossible probable improbable doubtful unclear uncertain plausible implausible "
    "conceivable inconceivable".split())
#: Adjectives that judge an event rather than say it happened: "the ceasefire is promising".
_EVALUATIVE = frozenset(
    """promising encouraging welcome fragile shaky tenuous precarious important significant positive
    historic good great hopeful""".split())
#: Negation words by their norm: spaCy norms "n't" and the typographic "n’t" alike to "not".
_NEGATIONS = frozenset({"not", "never", "no"})


#: One-word answers: 'Asked whether Putin and Trump had spoken, Peskov said: "No."'
_ANSWERS: dict[str, Polarity] = {"no": "denied", "not": "denied", "never": "denied", "yes": "asserted"}
#: Verbs of answering beside the verbs of saying: "Peskov replied: 'Of course not.'"
_REPLYING_VERBS = frozenset("reply answer respond".split())


def answered(trigger: Token) -> tuple[Token, Token] | None:
    """The verb of the reply and the one-word answer to the question an event is asked in:
    'Asked whether Putin and Trump had spoken, Peskov said: "No."' (said, No); "... replied:
    'Of course not.'", "... said yes" too; None when the event is asked of in no such way (a
    question answered otherwise stays no claim)."""
    node = trigger
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head  # "Asked if North Korean troops were in Kursk": the clause of the troops
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    question, asked = node, node.head
    if question.dep_ != "ccomp" or asked.lemma_.lower() != "ask" or asked.dep_ != "advcl" or \
            not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in question.children):
        return None
    reply = asked.head
    if reply.lemma_.lower() not in REPORTING_VERBS | _REPLYING_VERBS:
        return None
    answers = [c for c in reply.children if c.i > reply.i and c.dep_ in ("intj", "neg", "dobj", "ccomp")
               and c.lower_ in _ANSWERS]
    return (reply, answers[0]) if len(answers) == 1 else None


@dataclass(frozen=True, slots=True)
class Reading:
    """The polarity reading of one mention and the token that carries its cue."""

    polarity: Polarity
    hedged: bool
    cue: Token


def read(trigger: Token, sentence: Span) -> Reading | None:
    """The polarity of the event mention at ``trigger``; None in irrealis contexts."""
    if sentence.text.rstrip().endswith("?"):
        return None
    if (answer := answered(trigger)) is not None:
        return Reading(_ANSWERS[answer[1].lower_], False, answer[1])
    if any(c.dep_ == "amod" and c.lemma_.lower() in IRREALIS_HEADS for c in trigger.children):
        return None  # "the planned deployment", "a possible meeting"
    if trigger.dep_ == "nsubj" and trigger.head.lemma_ == "be" and \
            any(c.dep_ == "acomp" and c.lemma_.lower() in _EVALUATIVE for c in trigger.head.children):
        return None  # "this ceasefire is incredibly promising": a comment on what others announced
    path, outside = clause_path(trigger)
    if speaking_participle(path[-1]) and (outside[0].lemma_.lower() in DENIAL_VERBS or dismissing_phrase(outside[0])):
        outside = outside[1:]  # "X dismissed the report, saying Y had not met Z": X's own words
    if any(node.lemma_.lower() in DENIAL_VERBS or negated(node) for node in outside):
        return None  # a denial outside the event's clause: whose denial of what is unclear
    if any(about_rumour(node) for node in outside):
        return None  # "a memorial page announcing his death sparked the rumours"
    hedged = any(c.lower_ in HEDGES for node in path for c in node.children) or any(map(_raised_hedge, path)) or \
        any(map(_reports_said, path))
    rumoured = False
    for depth, node in enumerate(path):
        children = list(node.children)
        lemma = node.lemma_.lower()
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in children):
            return None
        if any(c.dep_ == "advcl" and _conditional(c) for c in children):
            return None  # "if a player tested positive, they were required to announce the suspension"
        if lemma in DENIAL_VERBS or dismissing_phrase(node):
            committal = _noncommittal(node)
            return Reading("noncommittal" if committal else "denied", hedged, node)
        if lemma in _CONFIRM_VERBS and (negated(node) or node.head.lemma_.lower() in _REFUSAL_VERBS):
            return Reading("noncommittal", hedged, node)
        if lemma in _CONFIRM_VERBS and _noncommittal(node):
            return Reading("noncommittal", hedged, node)
        if lemma == "unaware" or lemma == "aware" and negated(node):
            return Reading("noncommittal", hedged, node)  # "said it was not aware of any call"
        falsity = falsity_cue(node)
        if falsity is not None:  # before irrealis: "called reports of a call untrue"
            return Reading("denied", hedged, falsity)
        if lemma in _POSITION_VERBS and node.pos_ == "VERB" and node.i != trigger.i:
            # "Democrats will argue that he incited the mob": a side's case, held now
            if negated(node):
                return None
            break
        if depth < 3 and (lemma in IRREALIS_HEADS and node.pos_ in ("VERB", "AUX", "ADJ") and node.i != trigger.i
                          or lemma == "go" and node.tag_ == "VBG" and node.i != trigger.i  # "is going to meet"
                          or any(c.dep_ == "aux" and c.lemma_.lower() in IRREALIS_HEADS for c in children)
                          or node.i != trigger.i and any(c.dep_ == "acomp" and _weighs(c, node) for c in children)):
            return None  # "it is unlikely that the ceasefire extends to ...", "it is possible that"
        if node.pos_ == "VERB" and lemma in _REPORT_BOUNDARY and node.i != trigger.i and not _nominal(node):
            if (falsity := _misread_falsity(node, path[depth - 1])) is not None:
                return Reading("denied", hedged, falsity)
            if (denial := _headline_denial(node)) is not None:
                return Reading("denied", hedged, denial)
            if negated(node):
                return None  # "did not say that ..." asserts nothing either way
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in IRREALIS_HEADS:
                return None  # "plans to announce his suspension", "was required to announce it"
            break
        if node.i == trigger.i and node.pos_ == "VERB" and any(
                c.dep_ in ("nsubj", "nsubjpass") and (negated(c) or c.lower_ == "none") for c in children):
            return Reading("denied", hedged, node)  # "no U.S. ship was hit", "none of its ships was struck"
        if node.pos_ in ("VERB", "AUX", "NOUN") and negated(node) and depth < 3:
            if any(c.lower_ in ("until", "till") for c in node.children):
                return None  # "did not meet until Friday": they met, on Friday
            # "did not hold the meeting" denies it; "never took the ceasefire seriously" neither
            # denies nor vouches for it
            return Reading("denied", hedged, node) if _states_occurrence(node, trigger) else None
        rumoured = rumoured or node.i != trigger.i and (is_rumour(node) or about_rumour(node))
    return None if rumoured else Reading("asserted", hedged, trigger)


def falsity_cue(node: Token) -> Token | None:
    """The word by which ``node`` calls its subject or object false: "are false", "is not
    true", "called it a lie", "does not correspond to reality"."""
    children = list(node.children)
    falsity = _falsity(children)
    if falsity is not None and falsity.lemma_.lower() not in NO_GROUNDS and (negated(node) or negated(falsity)):
        return None  # "his death was no hoax", "the reports were not false": the opposite
    return falsity or _not_true(node, children) or _named_false_inside(node) or against_reality(node)


#: What a report that is false does not match: "does not correspond to reality".
_REALITY = frozenset("reality truth fact facts".split())


def against_reality(verb: Token) -> Token | None:
    """The "reality" of "the reports do not correspond to reality" ("do not reflect the facts")."""
    if verb.lemma_.lower() not in ("correspond", "reflect") or not negated(verb):
        return None  # the cheap test first: this runs on every token of every sentence without events
    objects = [o for c in verb.children
               for o in ([c] if c.dep_ == "dobj" else c.children if c.dep_ == "prep" and c.lower_ == "to" else [])]
    return next((o for o in objects if o.lemma_.lower() in _REALITY), None)


def _named_false_inside(verb: Token) -> Token | None:
    """ "called the report of a Putin-Trump call pure fiction": the name a naming verb gives
    its object (as the object of its "of", an apposition, the complement of a clause in it)
    when the verb has no other complement: it is the object phrase's last word."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS:
        return None
    complements = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "acomp", "xcomp", "ccomp")]
    if len(complements) != 1 or complements[0].dep_ not in ("dobj", "oprd"):
        return None  # "called the report fiction" has its name as a complement of its own
    obj = complements[0]
    last = [t for t in obj.subtree if not t.is_punct][-1]
    return last if last.i != obj.i and _false_name(last) else None


def _false_name(word: Token) -> bool:
    """ "fiction", "a hoax", "fake news": a word that calls what it names false."""
    return word.lemma_.lower() in FALSITY_WORDS or false_tale(word)


def false_tale(word: Token) -> bool:
    """ "fake news", "a false story", "false rumours": something told that a word before it
    calls false."""
    return word.lemma_.lower() in _TOLD_NOUNS and any(
        a.dep_ == "amod" and a.lemma_.lower() in FALSITY_WORDS for a in word.children)


def naming_as_false(verb: Token) -> bool:
    """ "The Kremlin called reports of a call pure fiction": a naming verb whose subject
    speaks, and denies what its object tells."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in NAMING_VERBS and falsity_cue(verb) is not None


def _not_true(node: Token, children: list[Token]) -> Token | None:
    """ "reports of his death are not true", "the claims were not accurate", 'it was "not
    true" that ...' (the negation parsed on the adjective inside the quotes)."""
    return next((c for c in children if c.dep_ == "acomp" and c.lemma_.lower() in ("true", "accurate", "correct")
                 and (negated(node) or negated(c))), None)


def _weighs(adjective: Token, copula: Token) -> bool:
    """ "it is unlikely that", "it was not immediately clear how long ...": a clause weighed."""
    lemma = adjective.lemma_.lower()
    return lemma in _EPISTEMIC or lemma in ("clear", "certain", "known") and negated(copula)


def _falsity(children: list[Token]) -> Token | None:
    """ "is false", "were a hoax", "called it fake", "described it as fiction", "turned out
    to be a hoax", "there is no truth to"."""
    for child in children:
        # 'branded reports of a meeting "fake news"': the name parsed as a second object
        second_object = child.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < child.i for c in children)
        if (child.dep_ in ("acomp", "attr", "oprd") or second_object) and child.lemma_.lower() in FALSITY_WORDS:
            return child
        if (child.dep_ in ("attr", "oprd") or second_object) and child.lemma_.lower() in _TOLD_NOUNS and \
                _false_name(child):
            return child  # "called the report fake news", "was a false story"
        if child.dep_ == "attr" and child.lemma_.lower() in NO_GROUNDS and negated(child):
            return child  # "there is no truth to reports that ...", "no basis for"
        if child.dep_ == "prep" and child.lower_ == "as":
            # "described it as fiction"; "denounced as false reports that ...", the object after the "as"
            inner = next((c for c in child.children if c.dep_ == "pobj" and (c.lemma_.lower() in FALSITY_WORDS or
                                                                              _false_name(c))), None)
            if inner is not None:  # the word calling it false: "fiction", "false"
                return next((a for a in inner.children if a.dep_ == "amod" and a.lemma_.lower() in FALSITY_WORDS),
                            inner)
        if child.dep_ in ("xcomp", "oprd"):
            inner = next((c for c in child.children if c.dep_ in ("acomp", "attr")
                          and c.lemma_.lower() in FALSITY_WORDS), None)
            if inner is not None:
                return inner
    return None


#: Reporting verbs that end the search: cues above them belong to another clause.
_REPORT_BOUNDARY = frozenset("say tell report state announce confirm claim add write".split())
#: Verbs by which a side puts its case: what they argue is their claim even when the
#: arguing is yet to come ("will argue that", "plan to argue that"), unlike "will announce".
_POSITION_VERBS = frozenset("argue contend insist maintain".split())


#: Verbs whose negation with an event noun says the event did not happen: "did not hold a
#: meeting", "no deal was reached", "the call did not take place". Others do not: "never took
#: the ceasefire seriously", "did not discuss the call".
_OCCURRENCE_VERBS = frozenset("""be have hold reach sign make strike conclude agree happen occur exist
    conduct carry launch stage order seal broker""".split())


#: Modifiers under which a negated event noun still happened: "not the first attack".
_ORDINALS = frozenset("first second third last only latest".split())


def _states_occurrence(node: Token, trigger: Token) -> bool:
    """Whether a negation on ``node`` denies the event at ``trigger``: it is on the trigger
    itself or on a verb that says the event happened."""
    if any(c.dep_ in ("amod", "advmod") and c.lower_ in _ORDINALS for c in trigger.children):
        return False  # "it was not his first detention": there was one, and others before
    if node.lemma_ == "be" and any(c.dep_ == "attr" and c.i != trigger.i for c in node.children):
        return False  # "his death was not retaliation": what it was, not whether it was
    if node.i == trigger.i or node.pos_ != "VERB" or trigger.pos_ != "NOUN":
        return True
    lemma = node.lemma_.lower()
    if lemma == "take":  # "take place", not "take seriously"
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in node.children)
    return lemma in _OCCURRENCE_VERBS


def _conditional(clause: Token) -> bool:
    """ "if a player tests positive", "unless talks resume": a condition on the clause above."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)


def _misread_falsity(node: Token, below: Token) -> Token | None:
    """ "said that reports that X had been suspended were false (did not correspond to reality)",
    with "reports" read as a verb and the verdict hung beside the clause, or 'called reports that X had resigned "fake
    news"', "reports" read as the verb the name is given to: the falsity of the reports it names."""
    if node.tag_ != "VBZ":
        return None
    if node.dep_ in ("oprd", "dobj") and naming_as_false(node.head):
        return falsity_cue(node.head)
    # the verdict hung on "reports" or, "did not correspond to reality", beside it on the verb above
    clauses = [*node.children, *(c for c in node.head.children if c.i > node.i and node.dep_ == "ccomp")]
    for clause in clauses:
        if clause.i > below.i and clause.lemma_ in ("be", "correspond", "reflect") and \
                clause.dep_ in ("ccomp", "conj", "advcl"):
            falsity = falsity_cue(clause)
            if falsity is not None:
                return falsity
    return None


def _headline_denial(node: Token) -> Token | None:
    """ "Kremlin rejects report that Putin met Xi", "Israel rejects claims that ...": a
    headline the small model reads as "[Kremlin rejects] reported that ...", the denial verb
    taken for the subject of "report" or "claim"."""
    return next((c for c in node.children if c.dep_ == "nsubj" and c.lower_ in _DENIES), None)


def _nominal(node: Token) -> bool:
    """A verb form in a noun's place: "reports" tagged VERB in "reports of his death were a
    hoax", in "Reports that he had been arrested are untrue, his lawyer said", in "said
    reports that Putin had met Trump were false", and in 'dismissed as "pure fiction" claims
    that Putin had met Trump' (read as a second verb with the denier as its subject, the
    denial would be an assertion)."""
    if node.tag_ != "VBZ" or not any(
            c.dep_ == "prep" and c.lower_ == "of" or
            c.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in node.children):
        return False
    return node.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") or _dismissed_conjunct(node)


def _dismissed_conjunct(node: Token) -> bool:
    """ "dismissed as fiction claims that ...": a present-tense "claims" with no subject of its
    own, conjoined to a past-tense denial."""
    head = node.head
    return node.dep_ == "conj" and head.tag_ == "VBD" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in node.children) and (
        head.lemma_.lower() in DENIAL_VERBS or dismissing_phrase(head))


def dismissing_phrase(verb: Token) -> bool:
    """ "laughed off", "brushed aside": a denial made with a particle or a figure of speech;
    some only of what is told ("shot down claims that ...", "pushed back on reports",
    "poured cold water on the report", "disputed claims", not "shot down a drone", "pushed
    back the troops", "disputed the border")."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if any(c.dep_ == "prt" and (lemma, c.lower_) in _DISMISSING_PHRASES for c in children):
        return True
    told = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    told += [o for p in children if p.dep_ == "prep" and p.lower_ in ("on", "against") for o in p.children
             if o.dep_ == "pobj"]
    if not any(t.lemma_.lower() in CONTENT_NOUNS for t in told):
        return lemma in DISPUTING_VERBS and verb.pos_ == "VERB" and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in children)
    return lemma in DISPUTING_VERBS and verb.pos_ == "VERB" or pushes_back(verb) or \
        any(c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in _DISMISSING_OF_TOLD for c in children)


#: Verbs whose bare participle of saying speaks for their subject (or, for "quote", object).
_SPEAKING_HEADS = REPORTING_VERBS | DENIAL_VERBS | {"quote"}


def speaking_participle(participle: Token) -> bool:
    """ "X dismissed the report, saying ...", "X said ..., adding that ...": a participle of
    saying with no subject of its own, on a verb of saying, denying or quoting, is its
    subject's (or, for quoting, its object's)."""
    head = participle.head
    return bare_participle(participle) and \
        (head.lemma_.lower() in _SPEAKING_HEADS or dismissing_phrase(head))


def negated(node: Token) -> bool:
    """ "did not", "didn't", "didn’t", "never", "no deal"."""
    return any(c.dep_ in ("neg", "det") and c.norm_ in _NEGATIONS for c in node.children)


def _noncommittal(node: Token) -> bool:
    """ "neither confirmed nor denied", "did not deny", "would not confirm or deny", "denied any
    knowledge of" (one who knows nothing of an event does not say it did not happen)."""
    if negated(node):
        return True
    if any(c.dep_ in ("dobj", "xcomp", "pcomp") and c.lemma_.lower() in _KNOWING for c in node.children):
        return True  # "denied any knowledge of the meeting", "denied knowing about the meeting"
    if any(g.dep_ == "dobj" and g.lemma_.lower() in _KNOWING for c in node.children if c.dep_ in ("xcomp", "pcomp")
           for g in c.children):
        return True  # "denied having any knowledge of"
    pair = [node, node.head] if node.dep_ == "conj" else [node]
    pair += [c for c in node.children if c.dep_ == "conj"]
    lemmas = {t.lemma_.lower() for t in pair}
    if lemmas & DENIAL_VERBS and lemmas & _CONFIRM_VERBS:
        return any(c.lower_ in ("neither", "nor") or c.dep_ == "neg" for t in pair for c in t.children)
    return False
