"""Allegation claims: who is accused of something, and who says it is so or not.

"A accused B of X", "B was accused of X", "B is alleged to have ...", "A made allegations that
B ..." assert an allegation against B; "B denied the allegations", "B rejected the accusations
as baseless", "the allegations against B are false", "B called the allegations a witch hunt",
"denied that B had ...", "found no evidence that B ..." deny it. Either way the claim is keyed
by the accused party (``event|allegation|<accused>``, the accused keyed like any event
participant: a person's family name, a canonical country or organisation), so an alert needs
the same accused on both sides. What B is accused of is not part of the key: outlets word it
too differently. One distinction is kept: an allegation that B *said or wrote* something ("B
is alleged to have written that ...", "B denied saying ...") is keyed apart
(``event|allegation-of-words|<B>``), so a denial of a deed is not matched against a report of
words, nor the other way round.

Blame and responsibility are allegations too: "A blamed B for X", "A holds B responsible",
"B is responsible for the attack", "B was behind the bombing" assert one; "A absolved B of
responsibility", "B is not responsible for the deaths", "A does not think B is responsible"
deny it. Responsibility counts only for a harm ("responsible for the attack", not
"responsible for education").

The accused may be a name the small model left untagged ("Prosecutors accused Glencore"): a
proper noun in the accused's place is taken as the organisation it almost always is there.

A misdeed told of someone is an allegation against them: "prosecutors said Smith stole $2
million", "nine women came forward to say Trump acted inappropriately with them". The deed
must be one of a short list of crimes and misconduct (war events such as strikes and
killings are claims of their own, ``processors.events``), its doer must be named, and the
teller must be someone other than the doer: a person who says they did it has confessed.

The bare denial forms ("denied that B had ...", "B denied taking ...") count only in an
article that speaks of an accusation somewhere, or when what is denied is a misdeed ("denied
that he had incited the riot"); otherwise every denial of anything would be an allegation
claim.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from processors.attribution import Speaker
from processors.claimctx import ClaimContext, ClaimParts, event_parts, participant_keys
from processors.contradictions import ALLEGATION, STATEMENT_ALLEGATION
from processors.entities import country_of, key_name, person_key, side_of_name
from processors.events import attack_target, denying_aside, names_of, of_objects
from processors.model import Claim
from processors.polarity import DENIAL_VERBS, FALSITY_WORDS, NAMING_VERBS, negated, read

#: Verbs of saying and writing: an alleged act that is one of these is an allegation of words.
_STATEMENT_VERBS = frozenset("say write tell post tweet email text".split())
#: Nouns that name an accusation: "denied the allegations", "accusations against B".
ALLEGATION_NOUNS = frozenset("allegation accusation charge claim account indictment".split())
#: Allegation nouns that as often name any statement ("rejected claims that Putin had spoken
#: with Erdogan"): an allegation only in an article about an accusation; "account" only as
#: someone's ("dismissed the women's accounts as fiction"; "the story" is too often a hoax's).
_LOOSE_NOUNS = frozenset("charge claim account".split())
#: Words whose presence makes an article one about an accusation (so does a charging verb,
#: ``_charges``).
_ACCUSATION_CUES = frozenset("accuse allege allegation accusation indict indictment".split())
#: Verbs by which someone puts an allegation forward: "made allegations that B ...", "pressed
#: charges against B".
_MAKING_VERBS = frozenset("make level raise repeat file bring press".split())
#: What someone denies of themselves when accused: "the company denied any wrongdoing", "denies
#: bias" (so is any offence: "denies fraud").
_DENIED_DEEDS = frozenset("wrongdoing involvement guilt misconduct bias discrimination".split())
#: Verbs that put a deed at someone's door, the accused as object: "A accused/blamed B".
_ACCUSING_VERBS = frozenset("accuse allege blame".split())
#: Accusing and charging verbs that always take the accused as object ("alleged that ..." does not).
_OBJECT_VERBS = frozenset("accuse blame charge indict".split())
#: Verbs of a verdict, passive when a headline gives them no object: "Menendez found guilty".
_VERDICT_VERBS = frozenset("convict acquit clear find absolve exonerate".split())
#: Verbs of a formal charge, accusing verbs when they charge someone with an offence (``_charges``).
_CHARGING_VERBS = frozenset("charge indict".split())
#: What one is charged with when it is an offence ("charged with murder", "with two counts of
#: fraud"), not a duty ("charged with the city's recovery", "with protecting the president").
_OFFENCES = frozenset(
    """murder manslaughter homicide assault battery rape abuse fraud theft robbery burglary larceny
    embezzlement bribery corruption extortion blackmail kidnapping abduction trafficking smuggling
    terrorism treason sedition espionage spying conspiracy obstruction perjury contempt arson
    vandalism trespass harassment stalking possession racketeering laundering forgery incitement
    insurrection rioting hacking sabotage crime felony misdemeanor misdemeanour offence offense
    count violation negligence endangerment""".split()
)
#: Verbs that take the blame off someone: "A absolved B of responsibility".
_ABSOLVING_VERBS = frozenset("absolve exonerate acquit".split())
#: What one is cleared of, for "clear" to be a verdict: "cleared of all charges".
_CLEARED_OF = frozenset("charge count allegation accusation wrongdoing crime murder".split())
_RESPONSIBLE = frozenset("responsible accountable culpable".split())
_VERDICT_WORDS = _RESPONSIBLE | {"guilty"}
#: Harms that someone can be held responsible for (the head noun after "responsible for").
_HARMS = frozenset(
    """death deaths killing killings murder murders attack attacks bombing bombings shooting
    shootings strike strikes crash crashes explosion blast fire poisoning abuse abuses torture
    violence riot riots massacre genocide leak leaks hack hacks hacking breach collapse outbreak
    disappearance assassination shelling invasion war crime crimes""".split()
)
#: Subordinate clauses in which an unattributed accusation is the story's background, not news.
_BACKGROUND_CLAUSES = frozenset("relcl acl advcl pcomp".split())
#: Nouns for the people of a party: "members of X's team", "X's soldiers".
_MEMBER_NOUNS = frozenset("member employee staff staffer official soldier troop personnel officer team unit".split())
#: Verbs of opinion whose negation denies the clause under them: "does not think B is ...".
_OPINION_VERBS = frozenset("think believe".split())
#: Pronouns by which a speaker speaks of itself in a reported clause: "Moscow says it was not ...".
_SELF_PRONOUNS = frozenset("it we".split())
#: Words by which the accused calls an accusation false, beyond ``FALSITY_WORDS``.
_SMEAR_WORDS = FALSITY_WORDS | frozenset("smear slander setup set-up defamatory concocted conspiracy".split())
#: Who, said to be lying, are the accusers: "Trump said the women were lying".
_ACCUSERS = frozenset("accuser woman man she they girl".split())
#: What an accusation is called when called a partisan move: "a political attack".
_PARTISAN_NOUNS = frozenset("attack persecution stunt vendetta hit-job".split())
#: Verbs of making a story up: "the stories were made up", "fabricated".
_INVENTING_VERBS = frozenset("fabricate invent concoct".split())
#: Verbs that deny an accusation as their object ("disputed the allegations", "contested the
#: charges"), though not any report ("disputed the figures" is no denial of an event).
_CONTESTING_VERBS = frozenset("dispute contest rebuff".split())
#: Misdeeds whose telling accuses the doer: "women said the senator groped them".
_MISDEEDS = frozenset(
    """assault rape abuse harass grope molest fondle steal embezzle bribe defraud launder
    extort blackmail kidnap abduct torture murder poison hack plagiarize incite""".split()
)
#: Misdeeds always done to someone: without an object the verb is a passive participle.
_DONE_TO_SOMEONE = frozenset("kidnap abduct torture murder rape grope molest fondle assault blackmail".split())
#: "acted inappropriately", "behaved improperly": misconduct by manner.
_MISCONDUCT_VERBS = frozenset("act behave".split())
_MISCONDUCT_MANNERS = frozenset("inappropriately improperly illegally unlawfully".split())
#: A misdeed told by a light verb and its noun: "took bribes", "committed fraud".
_MISDEED_OBJECTS = {
    **dict.fromkeys("take accept receive solicit".split(), frozenset("bribe kickback".split())),
    "commit": frozenset("fraud crime murder rape perjury treason theft assault atrocity".split()),
}
#: What one says one did nothing of: "did nothing wrong", "did not do anything illegal".
_WRONG = frozenset("wrong illegal improper unlawful criminal".split())
#: What an accusation one faces must be of to be one of a misdeed.
_MISDOINGS = _OFFENCES | _DENIED_DEEDS | _HARMS
#: Charges not (yet) brought: "faces potential charges".
_UNBROUGHT = frozenset("potential possible likely prospective".split())
#: Verbs by which someone keeps to their innocence: "maintained his innocence".
_PROTESTING_VERBS = frozenset("maintain proclaim protest assert declare insist".split())
#: Every lemma ``_allegation`` can make a claim of.
_TRIGGERS = frozenset({
    *_ACCUSING_VERBS, *_CHARGING_VERBS, *_ABSOLVING_VERBS, *_RESPONSIBLE, *ALLEGATION_NOUNS, *DENIAL_VERBS,
    *_MISDEEDS, *_MISCONDUCT_VERBS, *_MISDEED_OBJECTS, "clear", "hold", "find", "plead", "convict", "behind",
    "innocent", "innocence", "do", "lie", "claim",
})


def accusation_context(ctx: ClaimContext) -> bool:
    """Whether the article speaks of accusing anyone of anything, or of charging them."""
    lemmas = ctx.words.lemma
    return not _ACCUSATION_CUES.isdisjoint(lemmas) or \
        any(lemma == "charge" and _charges(ctx.doc[i]) for i, lemma in enumerate(lemmas))


def allegation_claims(sentence: Span, ctx: ClaimContext, *, accusing_article: bool) -> list[Claim]:
    claims = []
    for token in ctx.cues(sentence, _TRIGGERS):
        parts = _allegation(token, sentence, ctx, accusing_article)
        if parts is not None:
            claims.append(ctx.build(parts, sentence))
            if (attack := _alleged_attack(token, parts, ctx)) is not None:
                claims.append(ctx.build(attack, sentence))
            denial = denying_aside(token, parts, sentence, ctx)
            if denial is not None:
                claims.append(ctx.build(denial, sentence))
    return claims


def _allegation(token: Token, sentence: Span, ctx: ClaimContext, accusing: bool) -> ClaimParts | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and (lemma in _ACCUSING_VERBS or lemma in _CHARGING_VERBS and _charges(token)):
        return _accusing_verb(token, sentence, ctx)
    if token.pos_ == "VERB" and (lemma in _ABSOLVING_VERBS or lemma == "clear" and _cleared_of_charges(token)):
        return _verdict(token, sentence, ctx, "denied")
    if token.pos_ == "VERB" and (lemma == "hold" and _responsible_held(token) or lemma == "convict"):
        return _verdict(token, sentence, ctx, "asserted")
    if token.pos_ == "VERB" and lemma in ("find", "plead") and (guilty := _guilty(token)) is not None:
        return _verdict(token, sentence, ctx, guilty)
    if lemma in _RESPONSIBLE and token.dep_ == "acomp" and _for_harm(token) or _behind_harm(token):
        return _responsible(token, sentence, ctx)
    if lemma == "innocence" or lemma == "innocent" and accusing:
        return _innocent(token, sentence, ctx)
    if token.pos_ == "NOUN" and lemma in ALLEGATION_NOUNS and (accusing or lemma not in _LOOSE_NOUNS or
                                                              _offence_charge(token)) and \
            (lemma != "account" or _deps(token, ("poss",))):
        return _allegation_noun(token, sentence, ctx)
    if token.pos_ == "VERB" and lemma in DENIAL_VERBS and not negated(token):
        if any(c.dep_ == "dobj" and (c.lemma_.lower() in _DENIED_DEEDS or c.lemma_.lower() in _OFFENCES or
                                     c.lemma_.lower() == "responsibility"
                                     and _for_harm(c) or c.lemma_.lower() == "role" and _in_harm(c))
               for c in token.children):
            return _denied_deed(token, ctx)
        return _bare_denial(token, ctx) if accusing or _denies_misdeed(token) else None
    if token.pos_ == "VERB" and lemma == "find":
        return _no_evidence(token, ctx)
    if token.pos_ == "VERB" and lemma == "claim" and \
            any(c.lemma_.lower() == "responsibility" and _for_harm(c) for c in _deps(token, ("dobj",))):
        return _claimed_responsibility(token, sentence, ctx)
    if lemma == "do" and token.dep_ == "ccomp":
        return _nothing_wrong(token, sentence, ctx)
    if lemma == "lie" and accusing and token.tag_ == "VBG" and token.dep_ == "ccomp":
        return _lying(token, sentence, ctx)
    if token.pos_ == "VERB" and _misdeed(token):
        return _told_misdeed(token, sentence, ctx)
    return None


def _accusing_verb(verb: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "A accused B of X", "B was accused of X", "A alleged that B ...", "B is alleged to have"."""
    if negated(verb) or verb.i > 0 and verb.doc[verb.i - 1].tag_ in ("POS", "DT", "PRP$"):
        return None  # "Comcast's alleged bad service", "the accused man": an adjective, whatever the parse
    reading = read(verb, sentence)
    if reading is None or reading.polarity != "asserted":
        return None  # "denied accusing B", "may accuse": no allegation made
    headline = _headline_passive(verb, ctx)
    if headline:
        accused = headline  # "Santos accused of fraud", "Netanyahu charged with bribery": the outlet's
    elif verb.lemma_.lower() != "allege":
        accused = _deps(verb, ("dobj", "nsubjpass"))
    else:
        # "It is alleged that B ...": the expletive "it" is nobody
        accused = [s for s in _deps(verb, ("nsubjpass",)) if s.lower_ != "it"] or \
            [d for c in _deps(verb, ("ccomp",)) for d in _doers(c)]
    speaker = ctx.attributor.speaker_of(verb, sentence)
    if headline and speaker is not None and person_key(speaker.name) in {person_key(h.text) for h in headline}:
        speaker = None  # "Santos accused of ...", parsed with Santos as the head: not his own word
    # "A blamed B" ("blame" is no reporting verb), "A pushed back, blaming B": A
    # "women came forward to accuse B": the subject of the verb whose purpose the accusing is
    subjects = [] if headline else \
        _deps(verb, ("nsubj",)) or (_deps(verb.head, ("nsubj",)) if verb.dep_ == "conj" or _purpose(verb) else [])
    if speaker is None and subjects:
        speaker = ctx.attributor._name(_of_group(subjects[0]))
        if speaker is None:
            return None  # "he blames Obama" with no one named for "he": not the outlet's word
    if speaker is None and verb.dep_ in _BACKGROUND_CLAUSES and not headline:
        return None  # "the man B is accused of sleeping with", "after B was accused of ...": background
    if speaker is None or (headline or _deps(verb, ("nsubjpass",))) and not _deps(verb, ("agent",)):
        # "B was accused of X" in the reporter's own voice
        speaker = speaker or Speaker(ctx.article.source, None)
    acts = [c for c in _deps(verb, ("xcomp", "ccomp")) if c.i > verb.i] + \
        [o for p in _deps(verb, ("prep",)) if p.lower_ == "of" for o in _deps(p, ("pcomp",))]
    parts = _parts(verb, verb, accused, ctx, speaker, "asserted", reading.hedged, predicate=_predicate(acts))
    return None if parts is None or _own_deed(parts, speaker) else parts  # "he alleged he was detained"


def _headline_passive(verb: Token, ctx: ClaimContext) -> list[Token]:
    """The accused of a headline's bare participle: "Santos accused of fraud" (parsed as a name
    with a clause on it), "Netanyahu charged with bribery", "Menendez found guilty" (parsed as
    an active verb with no object, which accusing, charging and verdict verbs never have)."""
    if verb.lemma_.lower() not in _OBJECT_VERBS | _VERDICT_VERBS or verb.tag_ not in ("VBN", "VBD") or \
            _deps(verb, ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp")):
        return []  # an accusing verb with no object is no active one: one accuses, charges someone
    named = ctx.index.entity_at(verb.head)
    if verb.dep_ == "acl" and verb.head.i == verb.i - 1 and named is not None and named.label in ("PERSON", "ORG") \
            and ctx.attributor.in_headline(verb):  # in a body, "a man accused of ..." is background
        return [verb.head]
    return _deps(verb, ("nsubj",)) if verb.dep_ == "ROOT" else []


def _doers(clause: Token) -> list[Token]:
    """Who does what ``clause`` says: its subject, or the agent of a passive ("alleged he was
    detained by police": the police, not he)."""
    if subjects := _deps(clause, ("nsubj",)):
        return subjects
    return [o for a in _deps(clause, ("agent",)) for o in _deps(a, ("pobj",))]


def _own_deed(parts: ClaimParts, speaker: Speaker) -> bool:
    """Whether the speaker is the one accused: nobody accuses themselves."""
    doer_keys = participant_keys(parts.key)
    return speaker.name in parts.participants or speaker.side in doer_keys


def _charges(verb: Token) -> bool:
    """A criminal charge: "B was indicted", "police charged B with battery", "charged with two
    counts of fraud"; not a duty ("charged with protecting the president") nor a price or a
    rush ("charged $5", "charged into the crowd")."""
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() == "indict":
        return True
    return any(p.lower_ == "with" and any(o.lemma_.lower() in _OFFENCES for o in _deps(p, ("pobj",)))
               for p in _deps(verb, ("prep",)))


def _offence_charge(noun: Token) -> bool:
    """A charge noun that names a criminal charge: "charges of fraud", "fraud charges",
    "criminal charges"."""
    return noun.lemma_.lower() == "charge" and (
        any(c.dep_ == "amod" and c.lower_ in ("criminal", "federal") for c in noun.children) or
        any(o.lemma_.lower() in _OFFENCES for o in of_objects(noun) + _deps(noun, ("compound",))))


def _predicate(acts: list[Token]) -> str:
    """The allegation's predicate by the alleged act: words ("to have written") or a deed."""
    return STATEMENT_ALLEGATION if acts and all(a.lemma_.lower() in _STATEMENT_VERBS for a in acts) else ALLEGATION


def _misdeed(verb: Token) -> bool:
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return False  # "she had been kidnapped": the subject is the victim, not the doer
    lemma = verb.lemma_.lower()
    if lemma in _MISDEED_OBJECTS:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _MISDEED_OBJECTS[lemma] for c in verb.children)
    if lemma in _DONE_TO_SOMEONE and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False  # "shows hostage Luke Somers, 33, kidnapped a year ago": a passive the parser made active
    return lemma in _MISDEEDS or lemma in _MISCONDUCT_VERBS and any(
        c.dep_ == "advmod" and c.lower_ in _MISCONDUCT_MANNERS for c in verb.children)


def _told_misdeed(verb: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "A said B stole ...", "women came forward to say B acted inappropriately": A's
    allegation against B, for a deed told in a clause reported by someone other than B."""
    if verb.dep_ != "ccomp" or verb.tag_ == "VBG" or verb.head.lemma_.lower() in _ACCUSING_VERBS:
        return None  # "A alleged that B stole" is the accusing verb's claim
    if negated(verb):
        return _misdeed_denied(verb, sentence, ctx)
    doers = _deps(verb, ("nsubj",))
    if not doers or any(d.pos_ == "PRON" for d in doers):
        return None  # "he said he stole": whose deed it is rests on a pronoun
    reading = read(verb, sentence)
    if reading is None or reading.polarity != "asserted":
        return None
    teller = verb.head
    speaker = ctx.attributor.speaker_of(verb, sentence)
    if speaker is None and _purpose(teller) and (subjects := _deps(teller.head, ("nsubj",))):
        speaker = ctx.attributor._name(_of_group(subjects[0]))  # "women came forward to say"
    if speaker is None:
        return None
    parts = _parts(verb, verb, doers, ctx, speaker, "asserted", reading.hedged)
    return None if parts is None or _own_deed(parts, speaker) else parts  # the doer telling their own deed


def _misdeed_denied(verb: Token, sentence: Span, ctx: ClaimContext, *, read_as: str = "denied") -> ClaimParts | None:
    """ "Trump's lawyers argued that he did not incite the riot", "Smith said he never stole
    anything": a denial of the deed, by the doer's side when the doer is a pronoun. ``read_as``
    is how the clause reads when it denies ("he did nothing wrong" reads as asserted)."""
    reading = read(verb, sentence)
    speaker = ctx.attributor.speaker_of(verb, sentence)
    if reading is None or reading.polarity != read_as or speaker is None:
        return None
    doers = [d for d in _deps(verb, ("nsubj",)) if d.pos_ != "PRON"]
    return _parts(verb, verb, doers, ctx, speaker, "denied", False, fallback=speaker)


def _nothing_wrong(verb: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "Menendez said he had done nothing wrong", "insists he did not do anything illegal": a
    denial of any misdeed, by the doer's side when the doer is a pronoun."""
    wrong = any(a.dep_ == "advmod" and a.lower_ in _WRONG for a in verb.children)  # as parsed in quotes
    wrongs = [c for c in _deps(verb, ("dobj",)) if c.lower_ in ("nothing", "anything") and
              (wrong or any(a.dep_ == "amod" and a.lower_ in _WRONG for a in c.children))]
    if not wrongs:
        return None
    # not "did nothing wrong, he may argue", nor in the outlet's own voice
    return _misdeed_denied(verb, sentence, ctx, read_as="asserted" if wrongs[0].lower_ == "nothing" else "denied")


def _lying(verb: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "Trump said the women were lying" (his accusers, or "she", "they"), in an article about
    an accusation: the speaker's denial (not "lying in a ditch", nor "it may be lying")."""
    if any(c.dep_ == "prep" and c.lower_ != "about" for c in verb.children) or \
            any(c.dep_ == "prt" or c.lower_ in ("low", "dormant", "still") for c in verb.children):
        return None
    speaker = ctx.attributor.speaker_of(verb, sentence)
    reading = read(verb, sentence)
    liars = _deps(verb, ("nsubj",))
    if speaker is None or reading is None or reading.polarity != "asserted" or reading.hedged or \
            not liars or liars[0].lemma_.lower() not in _ACCUSERS:
        return None  # "suggested it may be lying": the agency's word, whoever's it is
    return _parts(verb, verb, [], ctx, speaker, "denied", False, fallback=speaker)


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose: "stepped forward to accuse B"."""
    return verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _of_group(noun: Token) -> Token:
    """ "a number of women", "a group of lawmakers": the members, not the count."""
    if noun.lemma_.lower() in ("number", "group", "handful", "dozen", "couple"):
        for prep in _deps(noun, ("prep",)):
            if prep.lower_ == "of" and (members := _deps(prep, ("pobj",))):
                return members[0]
    return noun


def _verdict(verb: Token, sentence: Span, ctx: ClaimContext, polarity: str) -> ClaimParts | None:
    """ "A holds B responsible", "B was convicted" (asserted), "A absolved B of responsibility",
    "B was acquitted", "B was cleared of all charges", "B was found not guilty" (denied), "B was
    found guilty" (asserted); "B pleaded not guilty" is B's own denial, "B pleaded guilty" B's
    admission."""
    verdict = verb.lemma_.lower() in ("find", "plead")  # its negation is the verdict: "not guilty"
    if negated(verb) and not verdict:
        return None
    reading = read(verb, sentence)
    if reading is None or reading.polarity == "noncommittal" or reading.polarity == "denied" and not verdict:
        return None
    if headline := _headline_passive(verb, ctx):  # "Menendez found guilty of bribery": the outlet's word
        return _parts(verb, verb, headline, ctx, Speaker(ctx.article.source, None), polarity, reading.hedged)
    speaker = ctx.attributor.speaker_of(verb, sentence) or ctx.attributor.subject_speaker(verb)
    if verb.lemma_.lower() == "plead":
        return _parts(verb, verb, _deps(verb, ("nsubj",)), ctx, speaker, polarity, reading.hedged)
    if speaker is None and _deps(verb, ("nsubjpass",)):
        speaker = Speaker(ctx.article.source, None)  # "B was acquitted" in the reporter's voice
    # "holds B responsible", "found B guilty": B as the object or as the adjective's subject
    accused = _deps(verb, ("dobj", "nsubjpass")) + [s for c in verb.children if c.lemma_.lower() in _VERDICT_WORDS
                                                     for s in _deps(c, ("nsubj",))]
    return _parts(verb, verb, accused, ctx, speaker, polarity, reading.hedged)


def _responsible(adjective: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "B is (not) responsible for the attack", "B was behind the bombing", "A does not think B
    is responsible for ...", "Moscow says it was not behind the attack" (it: Moscow)."""
    copula = adjective.head
    accused = _deps(copula, ("nsubj",))
    if accused and all(a.lower_ in _SELF_PRONOUNS for a in accused) and copula.dep_ == "ccomp":
        accused = _deps(copula.head, ("nsubj",))  # "X says it/we ...": X
    opinion = copula.head if copula.dep_ == "ccomp" else None
    if opinion is not None and opinion.lemma_.lower() in _OPINION_VERBS and negated(opinion):
        thinker = ctx.attributor._name(s[0]) if (s := _deps(opinion, ("nsubj",))) else None
        speaker = thinker or ctx.attributor.speaker_of(opinion, sentence)
        return _parts(adjective, copula, accused, ctx, speaker, "denied", False)
    reading = read(copula, sentence)
    if reading is None or reading.polarity == "noncommittal":
        return None
    polarity = "denied" if negated(copula) or negated(adjective) else reading.polarity
    speaker = ctx.attributor.speaker_of(copula, sentence) or Speaker(ctx.article.source, None)
    return _parts(adjective, copula, accused, ctx, speaker, polarity, reading.hedged)


def _innocent(word: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "B has maintained his innocence", and in an article about an accusation "B says he is
    innocent", "B's lawyer said B is innocent": a denial of the allegations against B (an
    "innocent bystander" is no claim)."""
    if word.lemma_.lower() == "innocent":
        if word.dep_ != "acomp" or negated(word.head) or negated(word):
            return None
        verb, accused = word.head, _deps(word.head, ("nsubj",))
    else:
        verb = word.head
        if word.dep_ == "pobj" and verb.lower_ == "on":
            verb = verb.head  # "insisted on his innocence"
        if verb.lemma_.lower() not in _PROTESTING_VERBS or negated(verb):
            return None
        accused = _deps(verb, ("nsubj",))
    reading = read(verb, sentence)
    speaker = ctx.attributor.speaker_of(verb, sentence) or ctx.attributor.subject_speaker(verb)
    if reading is None or reading.polarity != "asserted" or speaker is None:
        return None
    named = [a for a in accused if a.pos_ != "PRON"]
    if named:  # "the boy was innocent, prosecutor John Doe said" is no denial by Doe of his own
        return _parts(word, verb, named, ctx, speaker, "denied", False)
    return _parts(word, verb, [], ctx, speaker, "denied", False, fallback=speaker)  # "he is innocent"


def _responsible_held(verb: Token) -> list[Token]:
    """The adjective by which "hold" holds someone responsible: "held B responsible", also
    parsed as the object's modifier."""
    return [c for c in [*verb.children, *(a for o in _deps(verb, ("dobj",)) for a in _deps(o, ("amod",)))]
            if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "amod") and c.lemma_.lower() in _RESPONSIBLE]


def _cleared_of_charges(verb: Token) -> bool:
    return any(p.lower_ == "of" and any(o.lemma_.lower() in _CLEARED_OF for o in _deps(p, ("pobj",)))
               for p in _deps(verb, ("prep",)))


def _guilty(verb: Token) -> str | None:
    """ "found/pleaded guilty" → asserted, "found/pleaded not guilty" → denied, else None."""
    for child in verb.children:
        if child.lower_ == "guilty" and child.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod", "dobj"):
            return "denied" if negated(child) or negated(verb) else "asserted"
    return None


def _behind_harm(token: Token) -> bool:
    """ "behind" a harm, said of the subject of "be": "B was behind the bombing"."""
    return token.lower_ == "behind" and token.dep_ == "prep" and token.head.lemma_ == "be" and _names_harm(token)


def _in_harm(role: Token) -> bool:
    """ "denied any role in the attack" (not "a role in the film")."""
    return any(p.lower_ == "in" and _names_harm(p) for p in _deps(role, ("prep",)))


def _for_harm(adjective: Token) -> bool:
    """ "responsible for the attack", "responsible for inciting the mob" (or "responsibility
    for the attack")."""
    return any(p.lower_ == "for" and (_names_harm(p) or
                                      any(v.lemma_.lower() in _MISDEEDS for v in _deps(p, ("pcomp",))))
               for p in _deps(adjective, ("prep",)))


def _names_harm(prep: Token) -> bool:
    """Whether the object of ``prep`` is a harm ("behind [the bombing]", "a role in [the attack]")."""
    return any(o.lemma_.lower() in _HARMS for o in _deps(prep, ("pobj",)))


def _allegation_noun(noun: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "B denied the allegations", "rejected the accusations against B as baseless",
    "allegations that B ... are false", "A made allegations that B ..."."""
    head = noun.head
    accused = _content_subjects(noun) + _against(noun)
    pushed_back = noun.dep_ == "pobj" and head.lower_ == "on" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in head.head.children)
    if pushed_back:
        noun, head = head, head.head  # "pushed back on the allegations": as "rejected the allegations"
    contested = pushed_back or head.lemma_.lower() in _CONTESTING_VERBS
    if noun.dep_ in ("dobj", "nsubjpass", "prep") and head.pos_ == "VERB" and \
            (head.lemma_.lower() in DENIAL_VERBS or contested):
        if negated(head) or any(c.dep_ == "conj" and c.lemma_.lower() in ("confirm",) for c in head.children):
            return None
        speaker = ctx.attributor.speaker_of(head, sentence) or _participle_subject(head, ctx) or \
            (ctx.attributor.subject_speaker(head) if contested else None)
        if speaker is None:
            return None
        if not accused:
            accused = _deps(head, ("nsubj",))
            if not accused:
                return None
            return _parts(head, head, accused, ctx, speaker, "denied", False, fallback=speaker)
        # "the army dismissed the accusations against its soldiers": the army's own
        own = all(any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in a.children) for a in accused)
        return _parts(head, head, accused, ctx, speaker, "denied", False, fallback=speaker if own else None)
    if noun.dep_ in ("nsubj", "nsubjpass") and _false(head):
        # "the allegations against B are false"; "X said the allegations were lies": X's own
        speaker = ctx.attributor.speaker_of(head, sentence)
        return _parts(noun, head, accused, ctx, speaker, "denied", False, fallback=speaker)
    if noun.dep_ == "dobj" and head.lemma_.lower() in NAMING_VERBS and not negated(head) and \
            (_false(head) or any(c.dep_ in ("amod", "conj", "appos") and _smear(c) for c in noun.children)):
        # "X called the allegations a witch hunt", "X labelled the claims false": X's own
        speaker = ctx.attributor.speaker_of(head, sentence) or ctx.attributor.subject_speaker(head)
        return _parts(noun, head, accused, ctx, speaker, "denied", False, fallback=speaker)
    if noun.dep_ == "dobj" and head.lemma_.lower() == "face" and head.pos_ == "VERB" and not negated(head):
        return _faced(noun, sentence, ctx)
    if not accused:
        return None
    if noun.dep_ == "dobj" and head.lemma_.lower() in _MAKING_VERBS and not negated(head):
        reading = read(head, sentence)
        speaker = ctx.attributor.speaker_of(head, sentence) or ctx.attributor.subject_speaker(head)
        if reading is None or reading.polarity != "asserted" or speaker is None:
            return None
        return _parts(noun, head, accused, ctx, speaker, "asserted", reading.hedged)
    return None


def _faced(noun: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "B faces allegations of sexual assault from 80 women", "B is facing charges of fraud":
    an allegation against B, by those it comes from, else in the outlet's voice (as "B was
    accused of"). Background in a subordinate clause when nobody is named as making it."""
    verb = noun.head
    reading = read(verb, sentence)
    accused = [verb.head if s.tag_ == "WP" and verb.dep_ == "relcl" else s for s in _deps(verb, ("nsubj",))]
    if reading is None or reading.polarity != "asserted" or not accused or \
            any(c.dep_ == "amod" and c.lower_ in _UNBROUGHT for c in noun.children):
        return None  # "may face charges", "faces potential charges": none brought yet
    named = of_objects(noun) + [c for c in noun.children if c.dep_ in ("compound", "amod")]  # "rape allegations"
    if not (_content_subjects(noun) or _offence_charge(noun) or any(o.lemma_.lower() in _MISDOINGS for o in named)):
        return None  # "faced accusations of confusion over its strategy": criticism, no misdeed
    accusers = [o for p in _deps(noun, ("prep",)) if p.lower_ in ("from", "by") for o in _deps(p, ("pobj",))]
    speaker = ctx.attributor.speaker_of(verb, sentence)
    if speaker is None and accusers:
        speaker = ctx.attributor._name(_of_group(accusers[0]))
    if speaker is None and verb.dep_ in _BACKGROUND_CLAUSES:
        return None
    speaker = speaker or Speaker(ctx.article.source, None)
    parts = _parts(noun, verb, accused, ctx, speaker, "asserted", reading.hedged)
    return None if parts is None or _own_deed(parts, speaker) else parts


def _bare_denial(verb: Token, ctx: ClaimContext) -> ClaimParts | None:
    """ "denied that B had ...", "B denied taking ..." in an article about an accusation."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None  # "denied the allegations" is the noun's; "denied reports of a call" no accusation
    if any(c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in _ACCUSATION_CUES for c in verb.children):
        return None  # "denied accusing the minister": a denial of the accusation itself
    speaker = ctx.attributor.speaker_of(verb, verb.sent)
    if speaker is None:
        return None
    clauses = [c for c in _deps(verb, ("ccomp",)) if c.i > verb.i]  # what is denied follows "denied"
    if clauses:
        accused = [s for c in clauses for s in _deps(c, ("nsubj", "nsubjpass"))]
        predicate = _predicate(clauses)
        if accused and all(a.pos_ == "PRON" for a in accused):
            # "officials denied they were to blame", "Russia denied it was behind the attack"
            return _parts(verb, verb, [], ctx, speaker, "denied", False, fallback=speaker, predicate=predicate)
        return _parts(verb, verb, accused, ctx, speaker, "denied", False, predicate=predicate)
    if (acts := _deps(verb, ("xcomp",))) and (subjects := _deps(verb, ("nsubj",))):
        return _parts(verb, verb, subjects, ctx, speaker, "denied", False, fallback=speaker,
                      predicate=_predicate(acts))
    return None


def _denies_misdeed(verb: Token) -> bool:
    """ "denied that he had incited the riot", "denied stealing": a denial of a misdeed answers
    an accusation whether or not the article speaks of one."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and _misdeed(c) for c in verb.children)


def _claimed_responsibility(verb: Token, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """ "The Pakistani Taliban claimed responsibility for the attack": B says it is so of itself
    ("no group has claimed responsibility" says nothing of anyone)."""
    reading = read(verb, sentence)
    if negated(verb) or reading is None or reading.polarity != "asserted":
        return None
    subjects = _deps(verb, ("nsubj",))
    speaker = ctx.attributor.speaker_of(verb, sentence) or ctx.attributor.subject_speaker(verb)
    return _parts(verb, verb, subjects, ctx, speaker, "asserted", reading.hedged)


def _denied_deed(verb: Token, ctx: ClaimContext) -> ClaimParts | None:
    """ "B denied any wrongdoing", "the ministry denied involvement", "B denied responsibility
    for the attack", "B denied any role in the attack": B is the accused."""
    subjects = _deps(verb, ("nsubj",))
    speaker = ctx.attributor.speaker_of(verb, verb.sent) or _participle_subject(verb, ctx)
    if not subjects and speaker is None:
        return None
    return _parts(verb, verb, subjects, ctx, speaker, "denied", False, fallback=speaker)


#: What one denies having had in an attack: "denied any involvement in (role in,
#: responsibility for) the attack on Moscow".
_SHARES = frozenset("involvement role responsibility".split())


def _alleged_attack(trigger: Token, parts: ClaimParts, ctx: ClaimContext) -> ClaimParts | None:
    """An allegation over a named attack also tells that attack, keyed as an event between the
    accused's party and its target, as "Ukrainian drones attacked Moscow" is: "Ukraine denied any
    involvement in the drone attack on Moscow" denies it; "Kyiv blamed Moscow for the attack on the
    plant", "held Moscow responsible for ...", "Moscow was behind the attack on ..." assert it."""
    if len(parts.participants) != 1 or parts.polarity not in ("asserted", "denied"):
        return None
    accused = (participant_keys(parts.key)[0], parts.participants[0])
    for attack in _attacks_named(trigger):
        target = attack_target(attack, ctx)
        if target is not None and target[0] != accused[0]:
            return event_parts("attack", sorted({accused, target}), anchor=attack, cue=parts.anchor,
                               speaker=parts.speaker, polarity=parts.polarity, hedged=parts.hedged,
                               date_scope=attack)
    return None


def _attacks_named(trigger: Token) -> list[Token]:
    """The nouns of the harm an allegation's trigger is about: "denied any involvement in [the
    attack]", "blamed B for [the attack]", "held B responsible for [the attack]", "B is
    responsible for [the attack]", "B was behind [the attack]"."""
    lemma = trigger.lemma_.lower()
    if lemma == "behind":
        return _deps(trigger, ("pobj",))
    if lemma in DENIAL_VERBS or lemma == "claim":  # "claimed responsibility for the attack"
        preps = [p for d in _deps(trigger, ("dobj",)) if d.lemma_.lower() in _SHARES
                 for p in _deps(d, ("prep",)) if p.lower_ in ("in", "for")]
    elif lemma == "blame" or lemma in _RESPONSIBLE:
        preps = [p for p in _deps(trigger, ("prep",)) if p.lower_ == "for"]
    elif lemma == "hold":
        preps = [p for r in _responsible_held(trigger) for p in _deps(r, ("prep",)) if p.lower_ == "for"]
    else:
        return []
    return [o for p in preps for o in _deps(p, ("pobj",))]


def _no_evidence(verb: Token, ctx: ClaimContext) -> ClaimParts | None:
    """ "investigators found no evidence that B ...", "... of wrongdoing by B"."""
    for obj in _deps(verb, ("dobj",)):
        if obj.lemma_.lower() != "evidence" or not (negated(obj) or negated(verb)):
            continue
        accused = _content_subjects(obj)
        speaker = ctx.attributor.subject_speaker(verb) or ctx.attributor.speaker_of(verb, verb.sent)
        # "found no evidence that the allegations are true": the allegations against the finder
        charges = [a for a in accused if a.lemma_.lower() in ALLEGATION_NOUNS]
        if charges:
            against = [o for c in charges for o in _against(c)]
            return _parts(verb, verb, against, ctx, speaker, "denied", False, fallback=speaker)
        if accused and speaker is not None:
            return _parts(verb, verb, accused, ctx, speaker, "denied", False)
        # "found no evidence of wrongdoing by Menendez": the one the misdeed is put on
        doers = [o for deed in of_objects(obj) if deed.lemma_.lower() in _MISDOINGS
                 for p in _deps(deed, ("prep",)) + _deps(obj, ("prep",)) if p.lower_ == "by"
                 for o in _deps(p, ("pobj",))]  # "by B" on the deed, or hung on "evidence"
        if doers and speaker is not None:
            return _parts(verb, verb, doers, ctx, speaker, "denied", False)
    return None


def _parts(cue: Token, scope: Token, accused: list[Token], ctx: ClaimContext, speaker: Speaker | None,
           polarity: str, hedged: bool, fallback: Speaker | None = None,
           predicate: str = ALLEGATION) -> ClaimParts | None:
    if speaker is None:
        return None
    accused = [_party_of(a) for a in accused]
    names = names_of(accused, ctx, None) or _untagged_names(accused, ctx)
    if not names and fallback is not None:
        names = _speaker_party(fallback, ctx)
    # a seat of government stands for its country: "Riyadh dismissed the accusations"
    names = {key_name(seat) if (seat := side_of_name(name)) else key: seat or name for key, name in names.items()}
    if not names or len(names) > 2:
        return None
    return event_parts(predicate, sorted(names.items()), anchor=cue, cue=cue, speaker=speaker,
                       polarity=polarity, hedged=hedged, date_scope=scope)  # type: ignore[arg-type]


def _party_of(token: Token) -> Token:
    """The party whose people are accused: "members of Facebook's team" → Facebook,
    "the ministry's officials" → the ministry ("its soldiers" is left to the denier)."""
    node = token
    while node.lemma_.lower() in _MEMBER_NOUNS:
        owners = [c for c in node.children if c.dep_ == "poss" and c.pos_ != "PRON"] + \
            of_objects(node)
        if not owners:
            break
        node = owners[0]
    return node


def _untagged_names(tokens: list[Token], ctx: ClaimContext) -> dict[str, str]:
    """Proper names the small model left untagged ("Prosecutors accused Glencore of ..."): the
    accused is named, just not recognised. Keyed as an organisation would be ("glencore")."""
    names = {}
    for token in tokens:
        if token.pos_ == "PROPN" and ctx.index.entity_at(token) is None and token.text[:1].isupper():
            words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
            name = " ".join(t.text for t in [*words, token])
            names[key_name(name)] = name
    return names


def _speaker_party(speaker: Speaker, ctx: ClaimContext) -> dict[str, str]:
    """The denier as the accused: "the minister denied the allegations"."""
    for entity in ctx.index.entities:
        if entity.canonical == speaker.name:
            if entity.label == "PERSON":
                return {person_key(entity.canonical): entity.canonical}
            if entity.label in ("ORG", "GPE", "NORP"):
                name = country_of(entity.canonical) or entity.canonical
                return {key_name(name): name}
    if speaker.side and "+" not in speaker.side and country_of(speaker.side):
        name = country_of(speaker.side)
        return {key_name(name): name}  # "Nigeria army" speaks for Nigeria
    heads = [t for t in ctx.doc if t.text == speaker.name.split()[-1] and t.pos_ == "PROPN"]
    return _untagged_names(heads[:1], ctx)  # an untagged "Facebook said it had found no evidence"


def _participle_subject(verb: Token, ctx: ClaimContext) -> Speaker | None:
    """Who does what a participle says: "Trump was at a rally, rejecting the allegations"."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or _deps(verb, ("nsubj",)):
        return None
    return ctx.attributor.subject_speaker(verb.head)


def _content_subjects(noun: Token) -> list[Token]:
    """The subject of a noun's content clause: "allegations that B had ..."."""
    return [s for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and
            any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for s in _deps(c, ("nsubj", "nsubjpass"))]


def _against(noun: Token) -> list[Token]:
    """Whom an allegation noun is against: "accusations against B"."""
    return [o for p in _deps(noun, ("prep",)) if p.lower_ == "against" for o in _deps(p, ("pobj",))]


def _false(verb: Token) -> bool:
    """ "are lies", "called them a witch hunt", "were made up", "were fabricated"."""
    lemma = verb.lemma_.lower()
    return any(c.dep_ in ("acomp", "attr", "oprd") and _smear(c) for c in verb.children) or \
        verb.tag_ == "VBN" and (lemma in _INVENTING_VERBS or lemma == "make" and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in verb.children))


def _smear(word: Token) -> bool:
    """A word calling an accusation false: "lies", "baseless", "a witch hunt", "part of a
    conspiracy", "a political attack", "politically motivated"."""
    lemma = word.lemma_.lower()
    if lemma == "part":
        return any(_smear(o) for o in of_objects(word))
    modifiers = {c.lower_ for c in word.children}
    return lemma in _SMEAR_WORDS or lemma == "hunt" and "witch" in modifiers or \
        lemma in _PARTISAN_NOUNS and bool(modifiers & {"political", "partisan"}) or \
        lemma == "motivated" and "politically" in modifiers  # "a political attack", "politically motivated"


def _deps(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]
