"""Event claims: an attributed statement that something happened (or did not).

A trigger word names the event, normalised to a predicate ("phone call", "phone
conversation" → call; "summit", "met" → meeting; "sent ... troops", "presence of ... troops"
→ deployment; "captured the village of X", "took control of X", "X fell", "kidnapped X" →
capture, keyed by what, or whom, was taken); its participants are the named parties it links
("between Trump and Putin", "Trump's call with Putin", "North Korean troops" → North Korea).
A definite mention without participants ("The call, first reported by ...") takes them from
the article's previous mention of the same predicate. Only attributed mentions become claims,
with one exception: a denial in the outlet's own voice ("Axl Rose is NOT dead.") is the
outlet's, when no reporting, denying or believing word stands above it and no quotation
before it.

Injuries are events that happen to one person, like deaths: "X was badly injured", "the blast
wounded X", "X suffered an injury"; "X was unhurt" denies one as "X is alive" denies a death.

"X spoke with Y" is a call when the sentence mentions a call or phone, or when both are heads
of state or government and nothing puts them in one place. An attack whose target is no named
party is keyed by the place it struck ("attacked a convoy in Gaza" → Gaza). "The crown prince"
refers back to the last person named with that title. A relative named through a person
("the wife of al-Baghdadi", "al-Baghdadi's wife") is a participant of her own ("wife of
baghdadi"): her arrest and its denial meet, her husband's arrest is another key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from processors.claimctx import INCIDENT_NOUNS, ClaimContext, ClaimParts, event_key, event_parts, participant_keys
from processors.clauses import (
    CONTENT_NOUNS, REPORTING_VERBS, in_opening_source, is_contrast, is_rumour, noun_source, range_between,
    saying_verb,
)
from processors.countries import CAPITALS
from processors.attribution import (
    PERSON_ROLES, QUOTE_MARKS, SPEAKING_VERBS, Speaker, closes_quotation, said_by_agent,
)
from processors.entities import (
    INSTITUTION_WORDS, PLACE_NOUNS, STRIKERS, WEAPONS, behind_dateline, country_of, is_dateline, key_name,
    person_key, untagged_name,
)
from processors.model import Claim, Entity
from processors.polarity import DENIAL_VERBS, IRREALIS_HEADS, NAMING_VERBS, false_tale, falsity_cue, negated, read
from processors.quantities import COUNTED

_NOUN_PREDICATES = {
    **dict.fromkeys("call phonecall".split(), "call"),
    **dict.fromkeys("meeting summit".split(), "meeting"),
    **dict.fromkeys("deployment".split(), "deployment"),
    **dict.fromkeys("attack strike airstrike air-strike bombing shelling raid assault".split(), "attack"),
    **dict.fromkeys("invasion".split(), "invasion"),
    **dict.fromkeys("arrest detention".split(), "arrest"),
    **dict.fromkeys("resignation".split(), "resignation"),
    **dict.fromkeys("suspension".split(), "suspension"),
    **dict.fromkeys("dismissal ouster sacking".split(), "dismissal"),
    **dict.fromkeys("death assassination".split(), "death"),
    **dict.fromkeys("injury".split(), "injury"),
    **dict.fromkeys("illness".split(), "illness"),
    **dict.fromkeys("agreement deal accord ceasefire truce".split(), "agreement"),
    **dict.fromkeys("capture seizure fall kidnapping kidnap abduction".split(), "capture"),
    **dict.fromkeys("release".split(), "release"),
    **dict.fromkeys("visit trip".split(), "visit"),
}
_VERB_PREDICATES = {
    **dict.fromkeys("phone telephone".split(), "call"),
    **dict.fromkeys("meet".split(), "meeting"),
    **dict.fromkeys("deploy send station dispatch".split(), "deployment"),
    **dict.fromkeys("attack bomb shell raid".split(), "attack"),
    **dict.fromkeys("invade".split(), "invasion"),
    **dict.fromkeys("arrest detain jail imprison".split(), "arrest"),
    **dict.fromkeys("resign".split(), "resignation"),
    **dict.fromkeys("suspend".split(), "suspension"),
    **dict.fromkeys("fire sack oust".split(), "dismissal"),
    **dict.fromkeys("die assassinate".split(), "death"),
    **dict.fromkeys("injure wound".split(), "injury"),
    **dict.fromkeys("hospitalise hospitalize".split(), "illness"),
    **dict.fromkeys("agree".split(), "agreement"),
    **dict.fromkeys("capture recapture seize liberate retake fall kidnap abduct".split(), "capture"),
    **dict.fromkeys("release free".split(), "release"),
    **dict.fromkeys("visit".split(), "visit"),
}
#: Prepositions that introduce a participant, per predicate ("a call with Putin", "an
#: attack on Kobani", "the arrest of Sonko").
_PARTICIPANT_PREPS = {
    "call": frozenset({"between", "with", "to"}),
    "meeting": frozenset({"between", "with"}),
    "attack": frozenset({"on", "against", "at", "into"}),
    "invasion": frozenset({"of"}),
    "arrest": frozenset({"of"}),
    "resignation": frozenset({"of"}),
    "suspension": frozenset({"of"}),
    "dismissal": frozenset({"of"}),
    "death": frozenset({"of"}),
    "injury": frozenset({"to"}),
    "illness": frozenset(),
    "release": frozenset({"of"}),
    "agreement": frozenset({"between", "with"}),
    "visit": frozenset({"to"}),
}
#: Dependents of the trigger that name participants; events that happen *to* someone leave
#: out the agent ("police arrested Sonko": Sonko, not the police).
_DEFAULT_DEPS = ("nsubj", "dobj", "poss", "compound", "amod", "nmod")
_PARTICIPANT_DEPS = {
    "call": (*_DEFAULT_DEPS, "oprd"),  # "Biden called Zelensky", parsed as a predicate
    "arrest": ("dobj", "nsubjpass", "poss", "compound"),
    "resignation": ("nsubj", "poss", "compound"),
    "suspension": ("dobj", "nsubjpass", "poss", "compound"),
    "dismissal": ("dobj", "nsubjpass", "poss", "compound"),
    "death": ("nsubj", "nsubjpass", "poss", "compound"),
    "injury": ("nsubj", "nsubjpass", "dobj", "poss", "compound"),
    "illness": ("nsubj", "nsubjpass", "poss"),
    "release": ("dobj", "nsubjpass", "poss", "compound"),
}
_SUBJECTS = ("nsubj", "nsubjpass")
#: Events that happen to one person: one named person is enough to key them, and only
#: people count as participants (a country's "death" is no event).
_PERSON_EVENTS = frozenset({"arrest", "resignation", "suspension", "dismissal", "death", "injury", "illness",
                            "release"})
#: A deployment names one party (whose troops); every other event needs two, or its key
#: would lump together every call, meeting or attack that one party was in.
_MIN_PARTICIPANTS = {"deployment": 1, "capture": 1, "launch": 1, **dict.fromkeys(_PERSON_EVENTS, 1)}
#: Events between two parties, of which a denial may leave out its speaker's own side.
_BILATERAL = frozenset({"call", "meeting", "agreement"})
_PHONE_WORDS = frozenset({"phone", "telephone"})
#: Nouns that make "X spoke with Y" a call: "..., according to people familiar with the call".
_CALL_CUES = _PHONE_WORDS | frozenset({"call", "phonecall"})
#: Title words of heads of state or government: two of them who "spoke" did so by phone
#: unless the sentence puts them somewhere together.
_LEADER_TITLES = frozenset("president president-elect premier chancellor king queen emir sultan prime".split())
_DEPUTY_TITLES = frozenset("vice deputy former".split())
#: Nouns for the two parties of an event named before: "the two leaders", "both sides".
_PAIR_NOUNS = frozenset("leader president man side country government minister".split())
#: Modifiers of "talks" that say whether mediators carried them: such talks are no meeting.
_MEDIATED = frozenset("indirect direct proximity virtual".split())
#: Words that put a conversation in person: "spoke with Xi on the sidelines of the summit".
_IN_PERSON_CUES = frozenset("meet meeting summit visit sidelines sideline trip talks".split())
#: Objects of "strike" that make it no attack ("struck a deal", "struck a balance").
_NOT_STRUCK = frozenset("deal agreement accord balance tone chord note pose bargain compromise blow".split())
#: What weapons are fired at when the firing is an attack: a country, a people, a place (not
#: what the model calls an organisation: too often a person's name misread, "Brown after Brown").
_FIRED_AT = frozenset({"GPE", "LOC", "NORP", "FAC"})
#: What one is released from when the release frees no captive.
_NOT_CAPTIVITY = frozenset("hospital clinic care treatment contract rehab rehabilitation duty".split())
#: Words by which an article says someone is held: a release frees a captive only in such an article.
_CAPTIVITY = frozenset("""hostage captive prisoner detainee detain detention custody jail prison kidnap
    abduct captivity imprison imprisonment bail parole arrest kidnapped abducted""".split())  # "the kidnapped girls"
#: Words of an article about fighting, in which a town "falls" whatever the model tagged it as.
_WAR_WORDS = frozenset("troop force army soldier military offensive frontline front war battle siege".split())
#: Verbs by which troops are somewhere: "North Korean troops are (fighting) in Kursk".
_PRESENT_VERBS = frozenset("be fight operate serve remain stay".split())
#: Verbs by which someone stays in a post ("remained in his post", "remains in charge", "stayed on"),
#: which denies that they resigned or were dismissed.
_STAYING_VERBS = frozenset({"remain", "stay"})
_POSTS = frozenset("post office charge job position role power seat".split())
#: What one may quit and thereby resign: "quit the government", "quit his post".
_LEFT_BODIES = _POSTS - {"job"} | frozenset("government cabinet company board party team administration".split())
#: Verbs by which one gives in one's own resignation (not "demanded his resignation").
_SUBMITTING_VERBS = frozenset("tender hand submit announce offer present".split())
#: Verbs that take someone out of a post: "removed from his post", "relieved of his duties".
_REMOVING_VERBS = frozenset({"remove", "relieve"})
_DUTIES = frozenset({"duty", "command", "responsibility"})
#: Where someone "is" or "remains" held: an arrest ("X is in police custody").
_CUSTODY = frozenset({"custody", "detention"})
#: Verbs by which a place stays with whoever holds it: "remained under Ukrainian control".
_STILL_VERBS = frozenset("be remain stay".split())
#: Verbs by which troops go into a place: "Russian troops entered Luhansk", "crossed into Kursk".
_ENTERING_VERBS = frozenset("enter cross push advance move pour march roll storm arrive".split())
#: Possessives by which troops are their sentence's subject's: "Moscow denied its troops were in Ukraine".
_OWNING_PRONOUNS = frozenset({"its", "their"})
#: "his country", "our nation": the speaker's own.
_COUNTRY_NOUNS = frozenset({"country", "nation"})
#: Verbs of an event's happening, whose prepositions may name its parties ("took place between X and Y").
_OCCURRING = frozenset("take happen occur".split())
#: Verbs by which an agreement is made, whose "with" names the other party ("signed a deal with Y").
_CONCLUDING = frozenset("reach sign conclude strike seal".split())
#: Nouns of a place that, taken with its name ("took the village of X"), make "take" a capture.
_SETTLEMENTS = frozenset("town village city".split())
#: Words of a facility's name after the place it is named for ("Damascus International Airport").
_FACILITY_WORDS = frozenset("international airport airbase air base port station".split())
_PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "it", "its"})
#: Role nouns that, as "the actor" or "the minister", refer back to a person named before.
_ROLE_NOUNS = PERSON_ROLES | frozenset(
    """actor actress singer rapper star musician player prince king queen pope chairman chief artist comedian
    director golfer athlete footballer frontman presenter host model author writer billionaire tycoon
    entrepreneur""".split()
)
#: Adjectives of a person hurt, and of one not hurt (which deny an injury, as "alive" denies a death).
_INJURED = frozenset("injured wounded".split())
_UNHURT = frozenset("unhurt unharmed uninjured unscathed".split())
#: Adjectives by which a person said to be so now is not dead: "X is alive", "X is safe".
_ALIVE = frozenset({"alive", "safe"})
#: Adjectives that say someone is ill ("Putin is seriously ill"), and words that say they are not
#: ("X is healthy", "in good health": a denial, read in ``_event``).
_ILL = frozenset("ill sick unwell".split())
_WELL = frozenset({"healthy"})
_GOOD_HEALTH = frozenset("good perfect excellent fine full".split())
#: Illnesses one "has", "suffers from" or "is diagnosed with": "X has cancer", "X suffered a stroke".
_ILLNESSES = frozenset("illness cancer stroke disease tumour tumor ebola".split())
#: Operations one "underwent" ("X underwent heart surgery", "had surgery", "is recovering from
#: an operation"): an illness of the patient. "Had an operation" is too often a force's.
_SURGERIES = frozenset({"surgery", "operation"})
#: What one "tested": "positive" (for a disease) is an illness, "negative" a denial of one.
_TEST_RESULTS = frozenset({"positive", "negative"})
#: What a test finds that is no disease: "tested positive for a banned substance".
_NO_DISEASES = frozenset("""substance drug steroid alcohol cocaine marijuana cannabis doping meldonium testosterone
    hormone stimulant amphetamine opiate heroin epo thc nandrolone""".split())
#: Words of an article that speaks of a death, in which "X is safe" denies X's.
_DEATH_WORDS = frozenset("dead death die kill killed assassinate assassination".split())
#: Verbs of hurting that are an injury only in a passive that is denied or says where ("X was
#: not harmed", "X was hurt in the blast"; not "the scandal hurt Trump", "harmed by the report").
_HURT_PASSIVES = frozenset({"harm", "hurt"})
#: Verbs that move arms from one party to another when what they move is a weapon ("Iran
#: sent drones to Russia", "supplied Russia with shells"): an "arms" event, supplier and recipient.
_SUPPLY_VERBS = frozenset("supply send deliver transfer provide ship sell give export".split())
#: Verbs by which the recipient tells it, the supplier after "from": "Russia received drones from Iran".
_RECEIVING_VERBS = frozenset("receive obtain acquire buy purchase import".split())
#: Nouns that are arms with "lethal" or "military" before them ("lethal aid", "military equipment").
_AID_NOUNS = frozenset("aid assistance equipment hardware".split())
#: Verbs of killing whose passive subject is the person who died ("Soleimani was killed").
_KILLING_VERBS = frozenset("kill murder slay execute behead assassinate".split())
#: Words that bound a "never" to the time before what the story tells: "had never been arrested before".
_BEFORE_THEN = frozenset("before previously prior until till again".split())
#: Verbs by which forces leave a place ("withdrew from", "pulled out of", "retreated from").
_WITHDRAWING = frozenset("withdraw retreat pull".split())
#: Who withdraws from a town in a war: forces ("its troops", "the army"), not a candidate or a player.
_FORCES = frozenset("army military unit brigade".split())
#: Verbs that always take an object: with none, a headline's "Deif killed in strike" is a passive.
_ALWAYS_TRANSITIVE = _KILLING_VERBS | frozenset("wound injure arrest detain jail imprison".split())


#: Verbs by which someone is brought into hospital, and where to.
_CARRYING = frozenset("rush take admit fly airlift carry transfer transport bring".split())
_HOSPITALS = frozenset({"hospital", "clinic"})
#: What one may go to a hospital to do when not ill: "taken to a hospital to visit patients".
_VISITING = frozenset("visit meet see tour open inaugurate bless thank".split())


#: Every lemma ``_predicate`` or ``_spoke_with`` can make an event of.
_TRIGGERS = frozenset({
    *_NOUN_PREDICATES, *_VERB_PREDICATES, *_KILLING_VERBS,
    "conversation", "talk", "talks", "contact", "negotiation", "negotiate", "presence", "speak", "strike", "hit",
    "dead", *_ALIVE, "survive", *_CARRYING,
    "step", "take", "quit", "force", "pick", *_REMOVING_VERBS, *_CUSTODY,
    *_HURT_PASSIVES, "control", "hand", *_STAYING_VERBS,
    *_INJURED, *_UNHURT, *_ILL, *_WELL, "health", *_ILLNESSES, *_SURGERIES, *_TEST_RESULTS,
    "gain", "regain", "lose", *_WITHDRAWING, "fire", "launch", *_SUPPLY_VERBS, *_RECEIVING_VERBS,
    *(lemma for lemma, counted in COUNTED.items() if counted == "troops"),
})


#: An event's participants: (key form, display name) pairs, sorted by key form.
Participants = tuple[tuple[str, str], ...]


@dataclass
class EventMemory:
    """Participants of the article's latest mention of each predicate."""

    last: dict[str, Participants] = field(default_factory=dict)


def event_claims(sentence: Span, ctx: ClaimContext, memory: EventMemory) -> list[Claim]:
    """The event claims in one sentence; updates ``memory`` with every mention seen."""
    claims = []
    phone_context = any(t.pos_ == "NOUN" for t in ctx.cues(sentence, _CALL_CUES))
    for token in ctx.cues(sentence, _TRIGGERS):
        predicate = _predicate(token)
        if predicate is None and token.lemma_.lower() == "conversation" and "call" in memory.last and \
                _is_anaphoric(token, "call"):
            predicate = "call"  # "there had been no such conversation", after a call told before
        spoken = predicate is None and _spoke_with(token)
        if spoken:
            predicate = "call"
        if predicate is None or predicate == "release" and not ctx.words.has_lemma(0, len(ctx.doc), _CAPTIVITY):
            continue
        if token.lemma_.lower() == "safe" and not _safe_from_death(token, ctx) or \
                predicate == "visit" and not _visits_a_place(token, ctx):
            continue
        if predicate == "death" and (hoax := _hoax_of(token)) is not None:
            claims += [ctx.build(parts, sentence) for parts in _hoaxed_deaths(token, hoax, sentence, ctx)]
            continue
        held = _holding_verb(token, predicate)
        said_of = _said_of(token)
        if said_of is not None:  # "Hezbollah says commander Aqil alive": the subject of the verb of saying
            saying = token.head if token.dep_ == "ccomp" else said_of.head
            rumour = any(is_rumour(c) for c in _deps(saying, ("nsubj",)))  # "rumours that claimed Castro dead"
            speaker = None if rumour else ctx.attributor.subject_speaker(saying)
        else:
            speaker = ctx.attributor.speaker_of(held or token, sentence)
        if speaker is None and _participle_on_name(token) and ctx.attributor.in_headline(token):
            speaker = ctx.attributor.speaker_of(token.head, sentence)  # "Baghdadi killed in strike, TV reports"
        participants = _participants(token, predicate, ctx, speaker)
        # "they did not speak" is the pair told before; "they had not arrested X" is of X alone
        recalled = len(participants) < 2 and predicate not in _PERSON_EVENTS and _between_the_two(token) or \
            not participants and _is_anaphoric(token, predicate) and not _plural_of_one(token, predicate)
        participants = _completed(token, predicate, participants, memory.last.get(predicate, ()), recalled=recalled,
                                  speaker=speaker, sentence=sentence, ctx=ctx)
        if len(participants) < _MIN_PARTICIPANTS.get(predicate, 2):
            continue
        # "the two leaders had not spoken" after their phone call is told: of that call; a headline's
        # "Trump spoke with Putin" over a story of "the call"
        if spoken and not phone_context and not _headline_over_call(token, ctx) and \
                not (recalled and not _in_person(token, ctx)) and not _leaders_talking(token, participants, ctx):
            continue
        memory.last[predicate] = participants
        parts = _event(token, sentence, predicate, participants, speaker, _destination(token, predicate, ctx),
                       held=held, outlet=ctx.article.source)
        if parts is not None and predicate == "capture" and (parts.polarity == "asserted" or held is not None):
            parts = replace(parts, subject=_holder_after(token, held, ctx, speaker))
        if parts is not None:
            claims += [ctx.build(one, sentence) for one in _each_person(parts)]
            denial = denying_aside(token, parts, sentence, ctx)
            if denial is not None:
                claims += [ctx.build(one, sentence) for one in _each_person(denial)]
            if predicate == "deployment" and parts.polarity == "asserted" and \
                    (fought := _still_fighting_in(token, ctx)) is not None:
                # "its troops were still fighting in Novohrodivka": not taken, held by no one else yet
                keys = participant_keys(parts.key)
                country = keys[0] if len(keys) == 1 else None  # its key form
                untaken = replace(parts, key=event_key("capture", [fought[0]]), predicate="capture",
                                  participants=(fought[1],), polarity="denied", place=None, subject=country)
                claims.append(ctx.build(untaken, sentence))
            if _stays_in_post(token):  # "Mokoena remained in his post": not dismissed either
                keys = participant_keys(parts.key)
                dismissal = replace(parts, key=event_key("dismissal", keys), predicate="dismissal")
                claims.append(ctx.build(dismissal, sentence))
            if predicate == "arrest" and parts.polarity == "asserted" and held is not None and _still(held):
                # "Savchenko remains in Russian custody": not released
                keys = participant_keys(parts.key)
                kept = replace(parts, key=event_key("release", keys), predicate="release", polarity="denied")
                claims.append(ctx.build(kept, sentence))
    return claims


#: Nouns by which an aside names what the clause before it said: "..., a claim the Kremlin denied".
_ASIDE_NOUNS = frozenset("claim allegation accusation charge report assertion".split())
_ASIDE_MARKS = frozenset({",", "-", "--", "–", "—"})


def denying_aside(trigger: Token, parts: ClaimParts, sentence: Span, ctx: ClaimContext) -> ClaimParts | None:
    """The denial in an aside after an asserted claim: "a golfer said Woods had been suspended
    -- a claim that the PGA Tour denies", "Reuters reported that Putin met Erdogan, a claim the
    Kremlin denied", "Smith is accused of fraud, which he denies", "..., a claim DHS said was
    false": the same claim, denied by the aside's subject."""
    if parts.polarity != "asserted":
        return None
    for verb in ctx.cues(sentence, DENIAL_VERBS | _FALSIFYING_VERBS):
        if verb.i <= trigger.i + 1:
            continue
        if verb.lemma_.lower() in DENIAL_VERBS:
            cue, denier = verb, _trailing_denier(verb, trigger) or _aside_denier(verb, sentence)
        else:  # "..., a claim DHS said was false", "..., a claim the Pentagon called false"
            cue = _falsity_of(verb)
            denier = _aside_denier(verb, sentence) if cue is not None else None
        if denier is None:
            continue
        speaker = ctx.attributor._name(denier)
        if speaker is None:
            return None
        # the denial keeps the claim's key, not its captor: "X says it retook Y; Z denies" is no holder's word
        return replace(parts, span=(cue.idx, cue.idx + len(cue.text)), speaker=speaker,
                       polarity="denied", hedged=False, subject=None)
    return None


#: Verbs by which an aside calls the claim before it false: "a claim DHS said was false".
_FALSIFYING_VERBS = REPORTING_VERBS | NAMING_VERBS


def _falsity_of(verb: Token) -> Token | None:
    """The word by which ``verb`` calls its object false ("called false") or says it is
    ("said was false"); None when it does neither."""
    if verb.lemma_.lower() in NAMING_VERBS:
        return falsity_cue(verb)
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not any(s.dep_ == "nsubj" for s in c.children)]
    return next((cue for c in clauses if (cue := falsity_cue(c)) is not None), None)


def _aside_denier(verb: Token, sentence: Span) -> Token | None:
    """Who denies in "..., a claim the Kremlin denied", "..., which he denies"; None for any other verb."""
    if verb.dep_ not in ("relcl", "acl") or negated(verb):
        return None
    doc, head = verb.doc, verb.head
    which = any(c.dep_ == "dobj" and c.lower_ == "which" and doc[c.i - 1].text == "," for c in verb.children)
    aside = head.lemma_.lower() in _ASIDE_NOUNS and head.i - 2 >= sentence.start and \
        doc[head.i - 1].lower_ in ("a", "an") and doc[head.i - 2].text in _ASIDE_MARKS
    subjects = _deps(verb, ("nsubj",))
    return subjects[0] if (which or aside) and subjects else None


#: What a trailing denial may take as its object: the claim before it ("..., Russia denies it").
_TRAILING_OBJECTS = frozenset({"it", "this", "that", "claim", "report"})


def _trailing_denier(verb: Token, trigger: Token) -> Token | None:
    """Who denies in "Israel says it killed Karaki; group denies", "Ukraine says it retook
    Kupiansk, Russia denies it": the subject of a denial with nothing of its own to deny, after a
    mark, where the model hangs the report before it as its complement; None for any other."""
    subjects = _deps(verb, ("nsubj",))
    if verb.dep_ != "ROOT" or negated(verb) or not subjects:
        return None
    reports = [c for c in _deps(verb, ("ccomp",)) if c.i < verb.i and c.lemma_.lower() in SPEAKING_VERBS]
    if len(reports) != 1 or not reports[0].left_edge.i <= trigger.i <= reports[0].right_edge.i:
        return None
    marked = any(c.dep_ == "punct" and c.text in (";", ",", *_ASIDE_MARKS) and reports[0].i < c.i < subjects[0].i
                 for c in verb.children)
    objects_ok = all(c.lemma_.lower() in _TRAILING_OBJECTS for c in _deps(verb, ("dobj",)))
    own_clause = any(c.i > verb.i and c.dep_ in ("ccomp", "xcomp", "prep") for c in verb.children)
    return subjects[0] if marked and objects_ok and not own_clause else None


def _completed(
    trigger: Token, predicate: str, participants: Participants, told: Participants, *, recalled: bool,
    speaker: Speaker | None, sentence: Span, ctx: ClaimContext,
) -> Participants:
    """The event's participants, completed from ``told`` (the article's latest mention of the
    same predicate) where the mention points back at it: "the two presidents spoke", "the call"
    (``recalled``); "Hamas denied that any deal had been agreed", its deal; "Police denied
    detaining him"; one party, the speaker's own, of what was told: "The Houthis said they struck
    a U.S. destroyer. The Pentagon said no U.S. ship was hit", "The RSF denied signing any
    agreement". A call or meeting with one party named may take the speaker as the other."""
    if recalled or not participants and (predicate in _BILATERAL and _party_to(told, speaker) or
                                         predicate in _PERSON_EVENTS and _done_to_pronoun(trigger)):
        return told
    if len(participants) == 1 and predicate in _BILATERAL:
        participants = _with_speaker(trigger, sentence, participants, speaker, ctx)
    if len(participants) == 1 and (predicate in _BILATERAL or predicate == "attack" and _target_only(trigger)) \
            and _party_to(participants, speaker) and participants[0] in told:
        return told
    return participants


def _done_to_pronoun(trigger: Token) -> bool:
    """ "denied detaining him", "said she had not been arrested": the event happens to "him" or
    "her", the person of the same event told before (``_names_of`` leaves object pronouns out)."""
    return trigger.pos_ == "VERB" and any(
        a.lower_ in ("him", "her") and a.dep_ == "dobj" or a.lower_ in ("he", "she") and a.dep_ == "nsubjpass"
        for a in _arguments(trigger))


def _party_to(participants: Participants, speaker: Speaker | None) -> bool:
    """Whether ``speaker``'s side is one of ``participants``."""
    return speaker is not None and bool(speaker.side) and key_name(speaker.side) in {key for key, _ in participants}


def _with_speaker(
    trigger: Token, sentence: Span, participants: Participants, speaker: Speaker | None, ctx: ClaimContext,
) -> Participants:
    """ "Hamas said there was no meeting with Israeli officials": a party that denies a call,
    meeting or agreement with one named other denies its own. "Boko Haram denied claims by
    Nigeria's government that it had agreed to a ceasefire": a party denying its own, claimed
    by a country, denies it with that country."""
    reading = read(trigger, sentence)
    if speaker is None or not speaker.side or reading is None or reading.polarity != "denied":
        return participants
    own = (key_name(speaker.side), speaker.side.title())
    if own[0] != participants[0][0]:
        subjects = _deps(trigger, ("nsubj",))
        if trigger.pos_ == "VERB" and subjects and not _speakers_self(subjects, speaker, ctx):
            # "X said he didn't think Boko Haram had agreed to a truce": not X's own; "it" is only
            # a named organisation's or country's self ("the Islamist group denied that it ...": no party)
            return participants
        return tuple(sorted((*participants, own)))
    claimant = _claimant_country(trigger, ctx)
    return tuple(sorted((*participants, (key_name(claimant), claimant)))) if claimant else participants


#: What an organisation calls itself in what its spokesman says: "denied that the company had agreed".
_SELF_NOUNS = frozenset("company firm group government ministry".split())


def _itself(subject: Token) -> bool:
    """ "it", "the company": the speaker's own party as the subject of what it denies."""
    return subject.lower_ == "it" or subject.lemma_.lower() in _SELF_NOUNS and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)


def _speakers_self(subjects: list[Token], speaker: Speaker | None, ctx: ClaimContext) -> dict[str, str]:
    """The speaker's own organisation or country when ``subjects`` are its self ("A WhatsApp
    spokesman denied that the company was in talks with Google": WhatsApp), as a participant;
    empty when they are not, or the speaker's side is no organisation or country the article names."""
    if speaker is None or not subjects or not all(map(_itself, subjects)):
        return {}
    named = next((e.canonical for e in ctx.index.entities
                  if e.canonical.lower() == speaker.side and e.label in ("ORG", "GPE")), None) if speaker.side else None
    if named is None and speaker.side in (None, speaker.name.lower()) and speaker.name.isalpha() and \
            speaker.name[0].isupper() and not any(person_key(e.canonical) == person_key(speaker.name)
                                                  for e in ctx.index.entities if e.label == "PERSON"):
        named = speaker.name  # "Tesla denied that it was in talks", the model tagging no Tesla
    return {key_name(named): named} if named is not None else {}


def _claimant_country(trigger: Token, ctx: ClaimContext) -> str | None:
    """The country whose claim the event is told in: "claims by Nigeria's government that ..."."""
    for node in trigger.ancestors:
        # the content noun, or the object of the verb the content clause hangs on
        content = [n for n in (node, *_deps(node, ("dobj",))) if n.lemma_.lower() in CONTENT_NOUNS]
        for source in filter(None, map(noun_source, content)):
            holders = ctx.country_modifiers(source) or {country_of(source.text)} - {None}
            if len(holders) == 1:
                return holders.pop()
        if content:
            return None
    return None


def _destination(trigger: Token, predicate: str, ctx: ClaimContext) -> str | None:
    """Where troops are said to be sent or stationed ("sent troops to Russia", "no troops in
    Ukraine"): deployments to two different places are two events."""
    if predicate != "deployment":
        return None
    troops = _deployed_troops(trigger)
    verb = _troops_verb(trigger) if trigger.pos_ == "NOUN" else None  # "troops are in Kursk"
    entered = _entered(verb) if verb is not None else None
    if entered is not None and entered.dep_ == "dobj":
        return ctx.place_name(entered)  # "entered the Luhansk region"
    anchors = [trigger, *([troops] if troops is not None else []), *([verb, *_held_positions(verb)] if verb else [])]
    place = ctx.place_of(anchors)
    if place is None and trigger.pos_ == "VERB":  # "sending troops to Kursk", whatever the model tagged Kursk as
        place = next((o.text for p in trigger.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"
                      for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN" and
                      getattr(ctx.index.entity_at(o), "label", None) not in ("PERSON", "ORG")), None)
    return place


def _event(
    trigger: Token, sentence: Span, predicate: str, participants: Participants, speaker: Speaker | None,
    place: str | None, *, held: Token | None, outlet: str,
) -> ClaimParts | None:
    """The parts of one event mention, or None; ``held`` is its ``_holding_verb``."""
    reading = read(held or trigger, sentence)
    if reading is None or speaker is None and not _own_voice(trigger, sentence):
        return None
    if reading.polarity == "denied" and predicate == "death" and (killer := _killer(trigger)) is not None and \
            not _claimed_by_killer(trigger, killer):
        return None  # "Russia denied that its agents killed X" denies who killed X, not that X died
    if reading.polarity == "denied" and predicate == "injury" and trigger.pos_ == "VERB" and _deps(trigger, ("nsubj",)):
        return None  # "denied that its troops wounded X" denies who did it
    polarity = reading.polarity
    well = trigger.lower_ in _WELL or _in_health(trigger) == "good"  # "X is healthy", "in good health"
    if well and not _said_of_now(_copula_head(trigger) if held is None else held, trigger):
        return None  # "was healthy before the war": no word on now
    if _alive_now(trigger) or _survived(trigger) or trigger.lower_ in _UNHURT or well or \
            trigger.lower_ == "negative" or predicate == "capture" and held is not None or \
            _stays_in_post(trigger):
        if polarity != "asserted":
            return None  # "denied that X is alive", "may be alive": no claim about a death
        polarity = "denied"
    if speaker is None:
        if polarity != "denied" or predicate == "capture" and held is not None:
            # an unattributed assertion is background, not a claim anyone makes, and so is
            # "Kherson, which remains under Russian control": the outlet's word of who holds it
            return None
        speaker = Speaker(outlet, None)  # "Judd Nelson is not dead.": the outlet's own word
    cue = reading.cue
    # "the call took place on Thursday", "held a phone conversation on Tuesday"
    light_verb = trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass", "dobj")
    date_scope = trigger.head if light_verb and trigger.head.pos_ == "VERB" else trigger
    copula = _copula_head(trigger)
    if predicate == "illness" and (trigger.pos_ == "ADJ" or trigger.lower_ in _ILL) or trigger.pos_ == "ADJ" and \
            any(c.dep_ in ("prep", "npadvmod") and _a_date(c) for c in copula.children):
        # "tested negative on Friday", "fell ill on Monday", "was still alive on Wednesday", "found dead
        # yesterday"; not the date of a clause of its own ("is alive after rumours swept the internet on Sunday")
        date_scope = copula
    heads = {trigger, cue, held} - {None}
    if polarity == "denied" and any(c.lower_ in _BEFORE_THEN for t in heads for c in t.children):
        return None  # "had never been arrested before": of the time before the arrest the story tells
    # "had never met", "denied ever meeting": a denial of any time before
    never = polarity == "denied" and any(c.lower_ in ("never", "ever") for t in heads for c in t.children)
    reach_back = "never" if never else None
    return event_parts(predicate, participants, anchor=trigger, cue=cue, speaker=speaker, polarity=polarity,
                       hedged=reading.hedged, date_scope=date_scope, place=place, reach_back=reach_back)


#: Nouns for the one a hoax befell: "X is the latest victim (target) of a death hoax".
_HOAX_VICTIMS = frozenset("victim target subject".split())
#: Verbs by which a hoax names whom it is about: "a death hoax involving Jackie Chan".
_HOAX_ABOUT_VERBS = frozenset("involve target surround concern".split())
_HOAX_ABOUT_PREPS = frozenset("about of on concerning regarding".split())


def _hoax_of(death: Token) -> Token | None:
    """The hoax noun that "death" modifies ("a death hoax", "false death rumours"), or None."""
    head = death.head
    hoax = death.dep_ in ("compound", "amod", "nmod") and head.i != death.i and \
        (head.lemma_.lower() == "hoax" or false_tale(head))
    return head if hoax else None


def _hoaxed_deaths(death: Token, hoax: Token, sentence: Span, ctx: ClaimContext) -> list[ClaimParts]:
    """ "Jackie Chan is the latest victim of a death hoax", "the Axl Rose death hoax spread on
    Facebook on Monday": calling a report of someone's death a hoax says they are not dead (then:
    the hoax's clause dates it), one claim per person, in the outlet's own voice unless someone
    is said to call it that. Not when the hoax is questioned, denied or only possible ("may be a
    death hoax", "was no hoax")."""
    clause = next((a for a in hoax.ancestors if a.pos_ in ("VERB", "AUX")), hoax)
    if sentence.text.rstrip().endswith("?") or any(
            negated(t) or any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children) for t in (hoax, clause)):
        return []
    speaker = ctx.attributor.speaker_of(hoax, sentence)
    if speaker is None:
        if not _own_voice(hoax, sentence):
            return []
        speaker = Speaker(ctx.article.source, None)
    # a name before "death hoax" is a person's ("the Axl Rose death hoax"), not "Hollywood death hoaxes"
    victims = [v for v in _hoax_victims(death, hoax) if v.dep_ not in ("compound", "poss") or
               (e := ctx.index.entity_at(v)) is not None and e.label == "PERSON"]
    names = _names_of(victims, ctx, speaker, people_only=True)
    return [event_parts("death", [pair], anchor=death, cue=hoax, speaker=speaker, polarity="denied", hedged=False,
                        date_scope=clause) for pair in sorted(names.items())]


def _hoax_victims(death: Token, hoax: Token) -> list[Token]:
    """Who a death hoax is about: "the Jackie Chan death hoax", "Chan's death hoax", "a death
    hoax about (involving) Jackie Chan", "Chan is the latest victim of a death hoax", "Chan fell
    victim to a death hoax"."""
    victims = [c for t in (death, hoax) for c in t.children if c.dep_ in ("compound", "poss") and c.i != death.i]
    for child in hoax.children:
        if child.dep_ == "prep" and child.lower_ in _HOAX_ABOUT_PREPS:
            victims += _deps(child, ("pobj",))
        elif child.dep_ == "acl" and child.lemma_.lower() in _HOAX_ABOUT_VERBS:
            victims += _deps(child, ("dobj",))
    of = hoax.head
    if hoax.dep_ == "pobj" and of.lower_ in ("of", "to"):
        holder = of.head
        if holder.lemma_.lower() in _HOAX_VICTIMS and holder.dep_ in ("attr", "dobj", "oprd", "acomp"):
            victims += _deps(holder.head, ("nsubj",))  # "is the latest victim of"
        elif holder.lemma_.lower() == "fall" and any(c.lemma_.lower() in _HOAX_VICTIMS for c in holder.children):
            victims += _deps(holder, ("nsubj",))  # "fell victim to", the "to" on the verb
    return victims


#: Words that, above an event on its path to the root, make it someone's report or view
#: rather than the outlet's own statement.
_VOICE_HEADS = REPORTING_VERBS | DENIAL_VERBS | IRREALIS_HEADS | frozenset(
    "believe think know hope fear doubt suspect expect confirm verify rumour rumor".split())


def _own_voice(trigger: Token, sentence: Span) -> bool:
    """Whether the event is told in the outlet's own voice ("Banksy has not been arrested,
    despite a report stating the contrary"): no reporting, denying or believing word above it
    and no quotation before it, whose speaker we would have failed to find."""
    if any(t.text in QUOTE_MARKS for t in sentence[: trigger.i - sentence.start]):
        return False
    return not any(a.lemma_.lower() in _VOICE_HEADS for a in trigger.ancestors)


def _killer(trigger: Token) -> Token | None:
    """Who a killing verb says did it: its subject, or its agent unless that is the strike
    itself ("denied that he had been killed by an air strike" denies his death). "Died" and
    "dead" name no killer: the subject of "denied that X had died" is the one said to have died."""
    if trigger.lemma_.lower() not in _KILLING_VERBS:
        return None
    subjects = _deps(trigger, ("nsubj",))
    if subjects and not _passive_subject(trigger, subjects):  # "Deif killed in strike" is who died
        return subjects[0]
    agents = [o for a in _deps(trigger, ("agent",)) for o in _deps(a, ("pobj",))]
    return next((o for o in agents if _NOUN_PREDICATES.get(o.lemma_.lower()) != "attack"), None)


def _claimed_by_killer(trigger: Token, killer: Token) -> bool:
    """ "Hezbollah denied an Israeli claim that it had killed Safieddine": a killing that its
    doer ("it") claims, told in a claim named as someone's, which the denier denies as a death."""
    if killer.lower_ not in ("it", "they"):
        return False
    node = trigger
    while node.dep_ in ("ccomp", "acl", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in CONTENT_NOUNS:
            return any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG")
                       for c in node.children) or noun_source(node) is not None
    return False


def _safe_from_death(safe: Token, ctx: ClaimContext) -> bool:
    """ "Hezbollah said Nasrallah was safe": "safe" denies a death only of someone named, in an
    article that speaks of a death ("Harper is safe" after a shooting nobody died of says
    nothing of one; "he is safe" too often someone else)."""
    return any(s.pos_ == "PROPN" for s in _deps(safe.head, ("nsubj",))) and \
        ctx.words.has_lemma(0, len(ctx.doc), _DEATH_WORDS)


def _alive_now(token: Token) -> bool:
    """ "X is alive", "X is still alive", "X remains alive", "said that he was alive" (or
    "safe"): said now of someone, it denies their death ("X was alive when found" says
    nothing of it)."""
    head = token.head
    if token.lemma_.lower() in _ALIVE and _said_of(token) is not None:
        return True  # "Hezbollah says commander Aqil alive"
    if token.lemma_.lower() not in _ALIVE or token.dep_ not in ("acomp", "oprd") or not _deps(head, ("nsubj",)):
        return False
    return _said_of_now(head, token)


#: What one survives that could have killed: "survived the strike", "an assassination attempt".
_SURVIVED = INCIDENT_NOUNS | frozenset("attempt assassination ambush".split())


def _survived(token: Token) -> bool:
    """ "Nasrallah survived the strike on Beirut": who survived an attack is not dead ("is
    survived by his wife", an obituary's passive, says the opposite)."""
    return token.lemma_.lower() == "survive" and token.pos_ == "VERB" and bool(_deps(token, ("nsubj",))) and \
        any(o.lemma_.lower() in _SURVIVED for o in _deps(token, ("dobj",)))


def _said_of_now(verb: Token, state: Token) -> bool:
    """Whether a state is said of now: "is alive", "is in good health", or reported in a past
    that speech shifts the tense back to ("said that he was alive" is "he is alive"; "remained
    alive for two days after the strike" and "was healthy before the war" are a past of their own)."""
    # ("was still alive on Wednesday": of that day, which dates the claim)
    saying = saying_verb(verb)  # "said that he was alive", "said in a video that he was alive"
    reported = (verb.dep_ == "ccomp" or saying is not verb.head) and saying.lemma_.lower() in REPORTING_VERBS and \
        not any(c.dep_ in ("advcl", "prep", "npadvmod") and not c.is_ancestor(state) and not _a_date(c)
                for c in verb.children)
    return verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBD" and reported


def _a_date(phrase: Token) -> bool:
    """ "on Wednesday", "last week": a phrase that is a date and nothing else (not "at the age of 52")."""
    words = list(phrase.subtree)
    return all(t.ent_type_ in ("DATE", "TIME") or t.dep_ in ("prep", "det") for t in words) and \
        not any(t.lower_ in ("age", "aged", "old") for t in words)


def _said_of(adjective: Token) -> Token | None:
    """Whom a headline's verbless "dead", "alive" or "ill" is said of: "Hezbollah says commander Aqil
    alive" (a small clause with a subject of its own), "Russia says Wagner chief Prigozhin dead"
    (after the noun, as a predicate; "said dead soldiers" is no such thing)."""
    if adjective.pos_ != "ADJ" or adjective.head.i == adjective.i:
        return None
    saying = adjective.head.lemma_.lower() in REPORTING_VERBS
    if adjective.dep_ == "ccomp" and saying:
        return next(iter(_deps(adjective, ("nsubj",))), None)
    noun = adjective.head
    # "Shekau alive, says new video": the noun a subject of its own, the verb's told after it
    inverted = noun.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i > noun.head.i for c in noun.head.children)
    if adjective.dep_ == "amod" and adjective.i > noun.i and (noun.dep_ in ("dobj", "ccomp") or inverted) and \
            noun.head.lemma_.lower() in REPORTING_VERBS:
        return noun
    return None


def _predicate(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    children = list(token.children)
    if lemma == "release" and token.pos_ in ("NOUN", "VERB") or lemma == "free" and token.pos_ == "VERB":
        return "release" if _frees_captive(token) else None
    if token.pos_ in ("NOUN", "PROPN") and lemma in _ILLNESSES | _SURGERIES or _in_health(token) is not None:
        # "X has cancer", "Nina Pham has Ebola" (the disease tagged a name), "X is in poor health" ("in
        # good health" denies it); not "a cancer charity"
        return "illness" if _ill_with(token) else None
    if token.pos_ == "NOUN":
        if lemma in ("conversation", "talk", "talks"):
            if any(c.lower_ in _PHONE_WORDS for c in children):
                return "call"
            # "held talks with Y"; "indirect talks" went through mediators, and a denial of
            # "direct talks" leaves those standing
            plain = token.lower_ == "talks" and not any(c.lower_ in _MEDIATED for c in children)
            return "meeting" if plain else None
        if lemma == "negotiation" and token.tag_ == "NNS":  # "held secret negotiations with Y": talks
            return None if any(c.lower_ in _MEDIATED for c in children) else "meeting"
        if lemma == "contact":  # "no contact between Putin and Trump" denies a call; "had contact
            # with Duncan", "made contact with the Kurds" assert none that is one
            return "call" if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in children) else None
        if lemma == "fire" and any(c.lower_ == "cease" for c in children):
            return "agreement"  # "cease-fire", split by the tokenizer
        if lemma in ("call", "phonecall") and _demand(token):
            return None  # "calls for the nun to be excommunicated", "calls to resign"
        if lemma == "presence":
            return "deployment" if _troops_of(token) is not None else None
        if _still_held(token) is not None:
            return "capture"  # "Robotyne remained under Ukrainian control": a denial, read in ``_event``
        if _kept_in(token) is not None:
            return "arrest"  # "Sonko is in police custody", "remains in detention"
        if COUNTED.get(lemma) == "troops" and token.tag_ == "NNS" and token.head.lemma_ in ("be", "have") and \
                any(c.dep_ == "det" and c.lower_ == "no" for c in children):
            return "deployment"  # "there are no North Korean troops in Russia", "we have no troops in ..."
        verb = _troops_verb(token) if COUNTED.get(lemma) == "troops" and token.tag_ == "NNS" else None
        positions = _held_positions(verb) if verb is not None else []
        if verb is not None and (verb.lemma_.lower() in _PRESENT_VERBS or positions) and any(
                p.dep_ == "prep" and p.lower_ in ("in", "inside") for c in (verb, *positions) for p in c.children):
            return "deployment"  # "North Korean troops are in Kursk", "were fighting (holding positions) in Kursk"
        if verb is not None and _entered(verb) is not None:
            return "deployment"  # "Russian troops entered the Luhansk region", "crossed into Kursk"
        if COUNTED.get(lemma) == "troops" and token.tag_ == "NNS" and token.dep_ == "pobj" and \
                token.head.lower_ == "of" and token.head.head.lemma_.lower() in CONTENT_NOUNS and \
                any(p.dep_ == "prep" and p.lower_ in ("in", "inside") for p in children):
            return "deployment"  # "rejected reports of North Korean troops in Kursk"
        return _NOUN_PREDICATES.get(lemma)
    if lemma == "dead" and (token.dep_ in ("acomp", "oprd") and _deps(token.head, ("nsubj", "nsubjpass")) or
                            _said_of(token) is not None):
        return "death"  # "X was found dead", "X is dead", "Russia says Prigozhin dead"
    if _alive_now(token) or _survived(token):
        return "death"  # "X is alive", "X survived the strike": a denial of X's death, read in ``_event``
    if token.lower_ in _TEST_RESULTS and token.head.lemma_.lower() == "test" and \
            token.dep_ in ("oprd", "acomp", "dobj", "advmod") and not any(
                o.lemma_.lower() in _NO_DISEASES for p in (*_deps(token, ("prep",)), *_deps(token.head, ("prep",)))
                if p.lower_ == "for" for o in _deps(p, ("pobj",))):
        return "illness"  # "Trump tested positive for COVID-19"; "tested negative" denies it
    fell_ill = token.lower_ in _ILL and token.dep_ == "advmod" and token.head.lemma_.lower() in ("fall", "become")
    if token.lower_ in _ILL | _WELL and _said_of(token) is not None:
        return "illness"  # "Putin seriously ill, reports say", "Kremlin says Putin healthy"
    if (token.lower_ in _ILL | _WELL and token.dep_ in ("acomp", "oprd", "conj") or fell_ill) and \
            _deps(_copula_head(token), ("nsubj", "nsubjpass")) and \
            not any(t.lower_ == "of" and t.dep_ == "prep" for t in token.subtree) and \
            not (token.i > 0 and token.doc[token.i - 1].lower_ == "off"):  # "sick (and tired) of", "off sick"
        return "illness"  # "Putin is seriously ill", "fell ill"; "X is healthy" denies it
    if token.lower_ in _INJURED | _UNHURT and token.dep_ in ("acomp", "oprd", "conj") and \
            _deps(_copula_head(token), ("nsubj", "nsubjpass")):
        return "injury"  # "X was badly injured", "X is unhurt" (a denial, read in ``_event``)
    if token.pos_ != "VERB":
        return None
    if lemma in _STAYING_VERBS:
        return "resignation" if _stays_in_post(token) else None  # a denial, read in ``_event``
    if lemma in _HURT_PASSIVES:  # "was not harmed", "was hurt in the blast"; not "was harmed by the report"
        hurt = negated(token) or any(p.lower_ in ("in", "during") for p in _deps(token, ("prep",)))
        return "injury" if hurt and token.tag_ == "VBN" and _deps(token, ("nsubjpass",)) else None
    if lemma in ("speak", "talk") and any(
        c.dep_ in ("prep", "agent") and any(g.lower_ in _PHONE_WORDS for g in c.children) for c in children
    ):
        return "call"
    if lemma == "call" and _phoned(token):
        return "call"
    if lemma == "hit" and (_target_only(token) or _armed_hit(token)):
        # "Russian missiles hit Kyiv", "an Israeli airstrike hit Nabatieh"; "no U.S. ship was hit": of
        # the attack told before, if any (``event_claims``); not "sanctions hit Russia's economy"
        return "attack"
    if lemma == "strike":
        objects = _deps(token, ("dobj",))
        struck = not any(o.lemma_.lower() in _NOT_STRUCK for o in objects) and not _deps(token, ("prt",))
        return "attack" if struck and (objects or _deps(token, ("nsubjpass",))) else None
    arguments = _arguments(token)
    if lemma in _KILLING_VERBS and not any(c.dep_ == "prt" and c.lower_ == "off" for c in children) and (
            token.tag_ in ("VBN", "VBD") and _passive_subject(token, arguments) or any(a.dep_ == "dobj" for a in arguments)):
        # "Soleimani was killed in a drone strike", "the strike killed Shukr"; not a character "killed off"
        return "death"
    if lemma == "negotiate" and any(c.dep_ == "prep" and c.lower_ == "with" for c in children):
        return "meeting"  # "Kyiv said it had not negotiated with Moscow": talks held, or not
    if lemma == "step" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in children):
        return "resignation"  # "stepped down as chief executive"
    if lemma == "quit" and all(o.lemma_.lower() in _LEFT_BODIES for o in _deps(token, ("dobj",))):
        return "resignation"  # "quit on Tuesday", "quit the government" (not "quit smoking")
    if lemma in _REMOVING_VERBS and any(o.lemma_.lower() in _POSTS | _DUTIES for p in _deps(token, ("prep",))
                                        if p.lower_ in ("from", "of") for o in _deps(p, ("pobj",))) or \
            lemma == "force" and any(c.dep_ == "prt" and c.lower_ == "out" for c in children):
        return "dismissal"  # "removed from his post", "relieved of his duties", "forced out"
    if lemma == "take" and any(o.lower_ == "custody" for p in _deps(token, ("prep",)) if p.lower_ == "into"
                               for o in _deps(p, ("pobj",))):
        return "arrest"  # "was taken into custody"
    if lemma == "pick" and any(c.dep_ == "prt" and c.lower_ == "up" for c in children) and _by_police(token):
        return "arrest"  # "police picked up X", "X was picked up by police" (not "picked up the award")
    if lemma in ("take", "gain", "regain") and any(o.lemma_.lower() == "control" for o in _deps(token, ("dobj",))):
        return "capture"  # "took control of the village of X"
    if lemma == "take" and any(o.lemma_.lower() in _SETTLEMENTS and of_objects(o) for o in _deps(token, ("dobj",))):
        return "capture"  # "took the village of X" (not "took Pennsylvania", "took part")
    if lemma in _WITHDRAWING and _left_town(token) is not None:
        return "capture"  # "Ukrainian troops withdrew from Bakhmut": lost, read in a war only (``_captured``)
    if lemma == "lose" and any(o.pos_ == "PROPN" or of_objects(o) for o in _deps(token, ("dobj",))):
        return "capture"  # "Ukraine denied losing Novodmytrivka", read in a war only (``_captured``)
    if lemma == "agree" and any(c.dep_ in ("xcomp", "ccomp") for c in children) and not _deal_parties(token):
        return None  # "agreed to hold talks", "agreed that ...": a plan or an opinion; "agreed to buy X" a deal
    if lemma == "fire" and _shooting(token):
        # "Iran fired missiles at Israel" attacks the country or place it is fired at ("shots
        # fired at Brown", a person, is a shooting; "fired rockets on the town": no dismissal)
        targets = [o for p in _deps(token, ("prep",)) if p.lower_ in ("at", "on", "into") for o in _deps(p, ("pobj",))]
        if any(o.ent_type_ in _FIRED_AT for o in targets):
            return "attack"
        return "launch" if _missiles_fired(token) else None  # "North Korea fired a ballistic missile"
    if lemma == "launch" and _missiles_fired(token):
        return "launch"  # "Pyongyang launched two missiles into the sea"; not "launched an offensive"
    if (lemma in _SUPPLY_VERBS or lemma in _RECEIVING_VERBS) and _supplied_arms(token) is not None:
        return "arms"
    if lemma in _CARRYING and _carried_to_hospital(token):
        return "illness"  # "X was rushed (taken, admitted) to hospital"
    predicate = _VERB_PREDICATES.get(lemma)
    if predicate == "deployment" and _troops_object(token) is None:
        return None
    return predicate


#: What the model may tag a visited place or body as.
_VISITED = frozenset({"GPE", "LOC", "FAC", "ORG"})


def _visits_a_place(trigger: Token, ctx: ClaimContext) -> bool:
    """A visit is to a named place or body ("visited Moscow", "a trip to Mariupol", the town
    misread as an organisation), not to a person, a family or a home ("visited Nelson",
    "visited Cirillo's family")."""
    visited = _deps(trigger, ("dobj",)) if trigger.pos_ == "VERB" else \
        [o for p in _deps(trigger, ("prep",)) if p.lower_ == "to" for o in _deps(p, ("pobj",))]
    return any(ctx.place_name(v) is not None or (e := ctx.index.entity_at(v)) is not None and e.label in _VISITED
               for v in visited)


def _carried_to_hospital(verb: Token) -> bool:
    """ "X was rushed to hospital", "X has been admitted to a clinic": a passive, so the one
    taken is its subject (the active's subject is who took them); not to visit the sick there."""
    if not _deps(verb, ("nsubjpass",)) or any(t.dep_ in ("advcl", "xcomp") and t.lemma_.lower() in _VISITING
                                               for t in verb.subtree):
        return False
    return any(o.lemma_.lower() in _HOSPITALS for p in _deps(verb, ("prep",)) if p.lower_ in ("to", "into")
               for o in _deps(p, ("pobj",)))


def _armed_hit(verb: Token) -> bool:
    """ "Russian missiles hit Kyiv", "an Israeli airstrike hit Nabatieh", "Russia hit Kyiv with
    drones": arms or forces that hit something (not "sanctions hit the economy", "the storm hit
    Florida", "hit a record")."""
    if not _deps(verb, ("dobj",)):
        return False
    armed = any(s.lemma_.lower() in STRIKERS for s in _deps(verb, ("nsubj",)))
    return armed or any(o.lemma_.lower() in WEAPONS for p in _deps(verb, ("prep",)) if p.lower_ == "with"
                        for o in _deps(p, ("pobj",)))


#: Verbs of striking whose passive names what was struck ("raided" is as often the police's).
_STRIKING = frozenset("hit strike attack bomb shell".split())


def _target_only(verb: Token) -> bool:
    """A passive that names what was struck and not who struck it: "no U.S. ship was hit"."""
    return verb.tag_ == "VBN" and verb.lemma_.lower() in _STRIKING and bool(_deps(verb, ("nsubjpass",))) \
        and not _deps(verb, ("agent",))


#: Who picks someone up when that is an arrest: "police picked up X", "X was picked up by agents".
_POLICE = frozenset("police policeman officer agent authority cop".split())


def _by_police(verb: Token) -> bool:
    """Whether the doer of ``verb``, its subject or its passive's "by", is the police."""
    doers = _deps(verb, ("nsubj",)) + [o for a in _deps(verb, ("agent",)) for o in _deps(a, ("pobj",))]
    return any(d.lemma_.lower() in _POLICE for d in doers)


def _frees_captive(trigger: Token) -> bool:
    """ "Hamas released hostage X", "X was freed from detention": a person named as released, or
    pupils freed ("the kidnapped Chibok schoolgirls had been freed", ``_captive_group``)
    ("released a statement", "stills were released", "released from hospital", "the CENTCOM
    release" free no one); ``event_claims`` asks too that the article speak of someone held."""
    if any(o.lemma_.lower() in _NOT_CAPTIVITY for p in _deps(trigger, ("prep",)) if p.lower_ == "from"
           for o in _deps(p, ("pobj",))):
        return False
    released = of_objects(trigger) if trigger.pos_ == "NOUN" else _deps(trigger, ("dobj", "nsubjpass"))
    return any(r.ent_type_ == "PERSON" or any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON"
                                               for c in r.children) for r in released) or \
        trigger.pos_ == "VERB" and any(_captive_group(r) is not None for r in released)  # not "agreed on the release"


#: Those taken together whom a place names: "the Chibok schoolgirls", "the girls abducted from Chibok".
_PUPILS = frozenset("girl schoolgirl boy schoolboy student pupil".split())
_CAPTIVE_GROUPS = _PUPILS | frozenset({"hostage", "captive"})


def _captive_group(released: Token) -> Token | None:
    """The group a release frees, "none of" them too ("none of the Chibok girls"): a noun of
    captives, which ``_released_group`` names by its place."""
    if released.lower_ == "none":
        released = next(iter(of_objects(released)), released)
    return released if released.lemma_.lower() in _CAPTIVE_GROUPS and released.tag_ == "NNS" else None


def _released_group(trigger: Token, ctx: ClaimContext) -> tuple[str, str] | None:
    """ "The kidnapped Chibok schoolgirls had been freed", "none of the girls abducted from Chibok
    were released": a group of captives named by the place they were taken from, the one
    participant (key form, name) of their release."""
    released = of_objects(trigger) if trigger.pos_ == "NOUN" else _deps(trigger, ("dobj", "nsubjpass"))
    for group in filter(None, map(_captive_group, released)):
        taken_from = [o for a in group.children if a.dep_ in ("acl", "relcl") for p in _deps(a, ("prep",))
                      if p.lower_ in ("from", "in") for o in _deps(p, ("pobj",))]
        # "the Chibok girls" whatever the model tagged the town as (not "the Hamas hostages": who holds them)
        town = next((c.text for c in group.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                     and group.lemma_.lower() in _PUPILS), None)
        place = ctx.place_name(group) or town or next((name for o in taken_from if (name := ctx.place_name(o))), None)
        if place is not None:
            return key_name(place), place
    return None


def _demand(call: Token) -> bool:
    """ "calls for X to resign", "calls to resign": a demand, not a phone call."""
    return any(c.dep_ == "prep" and c.lower_ == "for" or
               c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in call.children)


#: What is fired when "fire" means to shoot.
_FIRED_THINGS = frozenset("""shot round gun weapon gas missile rocket bullet shell volley salvo warning
    mortar grenade cannon canister projectile arrow""".split())


def _missiles_fired(verb: Token) -> bool:
    """Whether what the verb fires or launches is a missile or rocket: "fired a ballistic missile",
    "launched two ICBMs", "missiles were fired"."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (COUNTED.get(c.lemma_.lower()) == "missiles" or
                                                     c.lower_ in ("icbm", "icbms")) for c in verb.children)


def _shooting(verb: Token) -> bool:
    """ "fired at the crowd", "shots were fired", "fired tear gas": to shoot, not to dismiss."""
    return any(c.dep_ == "prep" and c.lower_ in ("at", "upon", "into", "toward", "towards") or
               c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _FIRED_THINGS for c in verb.children)


def _participants(trigger: Token, predicate: str, ctx: ClaimContext, speaker: Speaker | None) -> Participants:
    """The parties the event links, as sorted (key form, display name) pairs."""
    if predicate == "release" and (group := _released_group(trigger, ctx)) is not None:
        return (group,)
    if predicate == "capture":
        taken = _captured(trigger, ctx)
        return (taken,) if taken else ()
    if predicate == "deployment":
        troops = _deployed_troops(trigger)
        holders = ctx.country_modifiers(troops) if troops is not None else set()
        names = {key_name(h): h for h in holders}
        if not names and troops is not None:  # "Moscow has denied that its troops are in Ukraine"
            names = {key_name(h): h for h in _possessors(troops, ctx, speaker)}
        if not names and (trigger.pos_ == "VERB" or troops is trigger and trigger.head.lemma_ == "have"):
            # "North Korea denied sending troops": the subject of the verb in control
            subjects = _subjects(trigger) if trigger.pos_ == "VERB" else _deps(trigger.head, ("nsubj",))
            names = _our_side(subjects, speaker) or _names_of(subjects, ctx, speaker)
            names = _capitals_as_countries(names)
        return tuple(sorted(names.items()))
    if predicate == "arms":
        return _arms_parties(trigger, ctx, speaker)
    if predicate == "launch":  # who fired: "North Korea fired", "denied that it had launched", "fired by Iran"
        firers = _subjects(trigger) + [o for a in _deps(trigger, ("agent",)) for o in _deps(a, ("pobj",))]
        names = _capitals_as_countries(_our_side(firers, speaker) or _names_of(firers, ctx, speaker))
        return tuple(sorted(names.items()))
    deps = _PARTICIPANT_DEPS.get(predicate, _DEFAULT_DEPS)
    if predicate in _PERSON_EVENTS and trigger.tag_ == "NNS":
        deps = tuple(d for d in deps if d != "compound")  # "marijuana arrests", "drug arrests": a kind, no one
    # "X was found dead", "X fell ill"
    arguments = _arguments(_copula_head(trigger) if trigger.pos_ == "ADJ" or trigger.lower_ in _ILL | _TEST_RESULTS
                           else trigger)
    if (predicate == "death" and trigger.lemma_.lower() in _KILLING_VERBS or predicate == "injury"
            and trigger.pos_ == "VERB") and not _passive_subject(trigger, arguments):
        deps = ("dobj",)  # "the strike killed Shukr", "the blast wounded X": the one hurt, not who did it
    anchors = [a for a in arguments if a.dep_ in deps]
    if predicate == "attack" and _target_only(trigger):
        anchors += _deps(trigger, ("nsubjpass",))  # "no U.S. ship was hit": what was struck
    if (said_of := _said_of(trigger)) is not None:
        anchors = [said_of]  # "says Aqil alive", "says Wagner chief Yevgeny Prigozhin dead"
    if (kept := _kept_in(trigger)) is not None:
        anchors = _deps(kept, ("nsubj",))  # "Sonko is in police custody": who is held
    if predicate in _PERSON_EVENTS and _participle_on_name(trigger):
        anchors.append(trigger.head)  # "Baghdadi killed in US strike, Iraqi TV reports"
    if predicate in _PERSON_EVENTS and "nsubj" not in deps and _bare_participle(trigger):
        anchors += _deps(trigger, ("nsubj",))  # "Kremlin says Navalny arrested": who was arrested
    if "nsubjpass" in deps and trigger.pos_ == "VERB" and _passive_subject(trigger, arguments):
        # "Woods failed a drug test and has been suspended": the subject a passive conjunct shares
        anchors += [a for a in arguments if a.dep_ == "nsubj" and a.head.i != trigger.i]
    if predicate == "injury":
        anchors += _injured_subjects(trigger)
    if predicate == "illness" and trigger.pos_ in ("NOUN", "PROPN"):
        anchors += _ill_with(trigger)  # "X has cancer", "X is in poor health"
    # "the death of X", but "died of Ebola": what one dies of is the cause
    preps = _deps(trigger, ("prep",)) if predicate != "death" or trigger.pos_ != "VERB" else []
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in _OCCURRING:
        preps += _deps(trigger.head, ("prep",))  # "no such meeting took place between X and Y"
    if predicate == "agreement" and trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubjpass", "dobj") and \
            trigger.head.lemma_.lower() in _CONCLUDING:
        preps += _deps(trigger.head, ("prep",))  # "no agreement had been reached with Israel"
    if predicate == "meeting" and trigger.pos_ == "NOUN" or predicate == "agreement" and trigger.pos_ == "VERB":
        anchors += _deal_parties(trigger)  # "Shell is in talks to buy BG Group", "Microsoft agreed to buy LinkedIn"
    for prep in preps:
        if prep.lower_ in _PARTICIPANT_PREPS[predicate]:
            anchors += _deps(prep, ("pobj",))
        elif trigger.pos_ == "VERB" and predicate in _BILATERAL and prep.lower_ in ("to", "on"):
            # "agreed to a ceasefire with Y", "agreed on a deal with Y"
            anchors += _partners(_deps(prep, ("pobj",)), predicate)
    if trigger.pos_ == "VERB" and predicate in _BILATERAL:
        anchors += _partners(_deps(trigger, ("dobj",)), predicate)  # "agreed a ceasefire with Y"
    people_only = predicate in _PERSON_EVENTS
    names = _names_of(anchors, ctx, speaker, people_only=people_only)
    if len(names) < 2 and predicate in _BILATERAL and (pair := _headline_pair(trigger, ctx, speaker)):
        names = pair  # "Putin, Trump discuss Ukraine in phone call"
    if not names and predicate == "resignation" and trigger.dep_ == "dobj" and \
            trigger.head.lemma_.lower() in _SUBMITTING_VERBS:
        names = _names_of(_subjects(trigger.head), ctx, speaker, people_only=True)  # "X tendered his resignation"
    actors = [a for a in anchors if a.dep_ == "nsubj"]
    # who tells of an event is no party to it ("U.S. says attack on JBS ..."), but one who announces a
    # truce "with" the other is its country ("Nigeria's government announced a truce with Boko Haram")
    told = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in SPEAKING_VERBS
    partnered = any(p.lower_ == "with" for p in _deps(trigger, ("prep",)))
    if len(names) == 1 and told and partnered and predicate in _BILATERAL and speaker is not None and speaker.side \
            and (country := country_of(speaker.side)) is not None:
        names.setdefault(key_name(country), country)  # "Nigeria's army chief announced a ceasefire with Boko Haram"
    done = trigger.dep_ == "dobj" and not told
    if len(names) < 2 and not people_only and trigger.pos_ == "NOUN" and (done or _in_talks(trigger)):
        # "X held talks with Y", "the military denied carrying out an attack on Damascus", "X is in talks with Y"
        actors = _subjects(trigger.head if trigger.dep_ == "dobj" else trigger.head.head)
        names |= _names_of(actors, ctx, speaker) or _speakers_self(actors, speaker, ctx)
    if predicate == "attack" and trigger.pos_ == "VERB":
        attackers: dict[str, str] = {}
        for forces in _deps(trigger, ("nsubj",)):  # "the Israeli military said its jets struck ...": Israel's
            attackers.update({key_name(p): p for p in _possessors(forces, ctx, speaker)})
            if forces.lower_ == "they" and _reported_by_speaker(forces):
                attackers.update(_speakers_party(speaker))  # "the Houthis said they had attacked ..."
        names.update(attackers)
        if trigger.lemma_.lower() == "hit" and not _target_only(trigger) and \
                not attackers and not _names_of(_deps(trigger, ("nsubj",)), ctx, speaker):
            return ()  # "the strike hit a Hamas command centre": what was hit, by no one named
    if len(names) == 1 and predicate == "attack":
        target = _target_place(trigger, ctx)
        if target is not None:
            names.setdefault(key_name(target), target)
    if not people_only and any(name.lower() in CAPITALS for name in names.values()):
        # "Kyiv denied attacking the plant", "Moscow and Beijing held talks", "negotiated with
        # Moscow": a capital that acts, or is a party to talks, is its country (one attacked or
        # visited is a place)
        parties = dict(names) if predicate in _BILATERAL else _names_of(actors, ctx, speaker)
        for key, name in parties.items():
            country = CAPITALS.get(name.lower())
            if country is not None and names.pop(key, None) is not None:
                names[key_name(country)] = country
    return tuple(sorted(names.items()))


def _headline_pair(trigger: Token, ctx: ClaimContext, speaker: Speaker | None) -> dict[str, str]:
    """The two names a headline opens with, joined by a comma where prose has "and" ("Putin,
    Trump held phone call, Washington Post reports"), whatever the parse made of them; {} for
    a body or a headline that opens otherwise. The first may be a family name the model left
    untagged ("Trump, Putin spoke by phone") when the article names that person in full."""
    if not ctx.attributor.in_headline(trigger):
        return {}
    sentence = trigger.sent
    opening = sentence[0]
    first = ctx.index.entity_at(opening)
    if first is None:
        first = _named_in_full(opening, ctx)
        end = opening.idx + len(opening.text)
    else:
        end = first.end_char
    if first is None or first.label not in _PARTICIPANT_LABELS:
        return {}
    comma = ctx.doc.char_span(end, end + 1)
    if comma is None or comma.text != "," or comma.end >= sentence.end:
        return {}
    second = ctx.index.entity_at(ctx.doc[comma.end])
    if second is None or second.label not in _PARTICIPANT_LABELS or second.start_char != ctx.doc[comma.end].idx:
        return {}
    pair = _names_of([ctx.doc[comma.end]], ctx, speaker)
    if ctx.index.entity_at(opening) is None:
        pair[person_key(first.canonical)] = first.canonical  # untagged here, named in full elsewhere
    else:
        pair |= _names_of([opening], ctx, speaker)
    return pair


def _named_in_full(word: Token, ctx: ClaimContext) -> Entity | None:
    """The person of the article whose family name an untagged proper noun is ("Trump" before
    "Donald Trump" in the body)."""
    if word.pos_ != "PROPN" or word.ent_type_:
        return None
    key = person_key(word.text)
    return next((e for e in ctx.index.entities if e.label == "PERSON" and len(e.canonical.split()) > 1
                 and person_key(e.canonical) == key), None)


def _partners(nouns: list[Token], predicate: str) -> list[Token]:
    """The parties named by the prepositions of the nouns a bilateral verb's event is told
    in: "agreed [to a ceasefire] with Y", "agreed [a deal] with Y"."""
    return [o for noun in nouns for p in _deps(noun, ("prep",))
            if p.lower_ in _PARTICIPANT_PREPS[predicate] for o in _deps(p, ("pobj",))]


def _arguments(word: Token) -> list[Token]:
    """The children of ``word``, with the subject it shares with the verb it is conjoined to
    or controlled by ("he had been injured or killed", "X denied agreeing to ...") and the
    object it shares with a verb conjoined to it ("arrested and charged Sonko")."""
    children = list(word.children)
    if word.pos_ != "VERB":
        return children
    node = word
    # "Ukraine denied using missiles to strike Bryansk": up the chain of control; "X had been
    # wounded, not killed": the contrast the parser hangs on the verb before it
    while (node.dep_ in ("conj", "xcomp") or is_contrast(node)) and node.head.i != node.i and \
            not any(c.dep_ in _SUBJECTS for c in children):
        node = node.head
        children += [c for c in node.children if c.dep_ in _SUBJECTS]
    # an object of its own, or a phrase that takes one ("had not agreed to any proposal and accused
    # Netanyahu": Netanyahu is not what was agreed), keeps the conjunct's object its own
    has_object = any(c.dep_ == "dobj" or c.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children) for c in children)
    if not has_object:
        children += [o for v in children if v.dep_ == "conj" and v.pos_ == "VERB" for o in v.children if o.dep_ == "dobj"]
    return children


def _passive_subject(verb: Token, arguments: list[Token]) -> bool:
    """Whether a passive subject is among ``verb``'s ``arguments``: its own ("X was killed"),
    the subject it shares as a passive conjunct ("X had been inside and had been killed"), or
    a headline's subject of a bare participle ("X killed in strike", also parsed as a clause on X)."""
    passive = bool(_deps(verb, ("auxpass",)))
    return _bare_participle(verb) or _participle_on_name(verb) or \
        any(a.dep_ == "nsubjpass" or passive and a.dep_ == "nsubj" and a.head.i != verb.i for a in arguments)


def _bare_participle(verb: Token) -> bool:
    """A headline's "Deif killed in Israeli strike", "Navalny arrested": a participle with a
    subject and no auxiliary (in title case, "Soldier Killed, Police Say", the model takes the
    pair for a name); tagged VBD too when the verb always takes an object and has none."""
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.lemma_.lower() in _ALWAYS_TRANSITIVE
    return participle and not verb.ent_type_ and not _deps(verb, ("aux", "auxpass", "dobj", "ccomp", "xcomp")) \
        and bool(_deps(verb, ("nsubj",)))


def _participle_on_name(verb: Token) -> bool:
    """A participle right after a name, parsed as a clause on it: a headline's "Baghdadi killed
    in US strike" (a passive: the name is who it happened to)."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.i == verb.i - 1 \
        and verb.head.text[:1].isupper() and not _deps(verb, ("dobj",))


def _our_side(subjects: list[Token], speaker: Speaker | None) -> dict[str, str]:
    """ "We have not sent any troops," the ministry said: "we" (or "our", or the speaker's "his
    country") is the speaker's country."""
    party = _speakers_party(speaker)
    # "Kim denied that his country had sent troops": the country of the one who speaks
    own_country = any(s.lemma_.lower() in _COUNTRY_NOUNS and p.lower_ in ("his", "her", "our")
                      for s in subjects for p in _deps(s, ("poss",)))
    country = speaker is not None and speaker.side is not None and country_of(speaker.side)
    return party if own_country and country or any(s.lower_ in ("we", "our") for s in subjects) else {}


def _speakers_party(speaker: Speaker | None) -> dict[str, str]:
    """The party one speaker speaks for (its country, if it has one), as names of participants."""
    if speaker is None or not speaker.side or "+" in speaker.side:
        return {}
    party = country_of(speaker.side) or speaker.side.title()
    return {key_name(party): party}


def _reported_by_speaker(pronoun: Token) -> bool:
    """Whether "they" is in what the subject of a verb of saying before it reports ("the
    rebels said they had ...", not '"They attacked us," the ministry said')."""
    node = pronoun
    while node.head.i != node.i and node.lemma_.lower() not in REPORTING_VERBS:
        node = node.head
    return node.lemma_.lower() in REPORTING_VERBS and node.i < pronoun.i and \
        any(c.dep_ == "nsubj" and c.i < node.i for c in node.children)


#: The pronouns of the other gender: a sentence with both has two people in it.
_OTHER_GENDER = {"he": frozenset({"she", "her", "hers"}), "she": frozenset({"he", "him", "his"})}
#: Titles of the other gender than a pronoun's: "she" is not "Mr Winter".
_TITLES_OF = {"he": frozenset({"mrs", "ms", "miss"}), "she": frozenset({"mr"})}


#: Verbs that take back or free only places: what they take is a place, whatever the model tagged it as.
_RETAKING = frozenset("retake recapture liberate".split())


def _captured(trigger: Token, ctx: ClaimContext) -> tuple[str, str] | None:
    """The place (or person) taken: "captured [the village of] X", "seized control of X", "X was
    captured", "kidnapped X", "X fell", "the fall of X", "X's capture". Only a named thing, and
    a place for "fell": "captured 30 soldiers", "prices fell", "Trump fell" take nothing."""
    by_possessive = False
    held = _still_held(trigger)
    if held is not None:
        taken = _deps(held, ("nsubj",))  # "Robotyne remained under Ukrainian control"
    elif trigger.pos_ == "NOUN":
        taken = of_objects(trigger)
        if not taken:  # "reports of Rosenberg's capture": a person or a known place, never the captor
            taken, by_possessive = _deps(trigger, ("poss",)), True
    elif trigger.lemma_.lower() == "fall":
        taken = _deps(trigger, ("nsubj",))
    else:
        passive = bool(_deps(trigger, ("auxpass",)))
        # "X was captured"; "X is safe and has not been captured", the subject shared by a passive conjunct
        taken = [a for a in _arguments(trigger) if a.dep_ in ("dobj", "nsubjpass") or
                 passive and a.dep_ == "nsubj" and a.head.i != trigger.i]
        # "it had recaptured Kupiansk", the place parsed as an adverb of the verb
        taken += [a for a in trigger.children if a.i == trigger.i + 1 and a.dep_ in ("advmod", "npadvmod")
                  and a.ent_type_ in ("GPE", "LOC")]
        # "seized control of X", "took control of the village of X"
        taken += [o for c in taken if c.lemma_.lower() == "control" for o in of_objects(c)]
    fell = trigger.pos_ == "VERB" and trigger.lemma_.lower() == "fall"
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in _WITHDRAWING:
        town = _left_town(trigger)
        if town is None or not ctx.words.has_lemma(0, len(ctx.doc), _WAR_WORDS):
            return None
        entity = ctx.index.entity_at(town)
        place = ctx.place_name(town) or (entity.canonical if entity is not None else town.text)
        return key_name(place), place
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() == "lose":
        # "lost Avdiivka" to an enemy, not "lost Pennsylvania" in an election: a place, in a war
        taken = [p for t in taken for p in (of_objects(t) if t.lemma_.lower() in _SETTLEMENTS else [t])]
        taken = [t for t in taken if _fell_in_war(trigger, ctx.index.entity_at(t), ctx)]
    for token in (member for t in taken for member in _conjuncts(t)):  # "the aid worker Mary Wanjiru"
        place = ctx.place_name(token)
        entity = ctx.index.entity_at(token)
        if entity is None and token.lower_ in ("he", "she") and token.dep_ == "nsubjpass" and \
                not _OTHER_GENDER[token.lower_].intersection(t.lower_ for t in token.sent):
            # "she was not captured"; with "he" in the sentence too, a reading blind to gender could
            # take the speaker for her ("'... she was captured,' he said")
            entity = _person_before_in_sentence(token, ctx) or ctx.attributor.antecedent(token)
            if entity is not None and ctx.index.titles.get(entity.canonical, set()) & _TITLES_OF[token.lower_]:
                entity = None  # "'... no evidence that she has been captured,' Mr Winter said": not him
        if place is None and entity is not None and entity.label == "PERSON" and not fell and \
                trigger.lemma_.lower() not in _RETAKING:
            return person_key(entity.canonical), entity.canonical  # "Rosenberg was captured"
        if place is None and token.pos_ == "PROPN" and not by_possessive and (not fell or _fell_in_war(
                trigger, entity, ctx)):
            # "captured Avdiivka", "the fall of Avdiivka", whatever the model tagged it as
            place = entity.canonical if entity is not None else token.text
        if place:
            return key_name(place), place
    return None


def _holder_after(trigger: Token, held: Token | None, ctx: ClaimContext, speaker: Speaker | None) -> str | None:
    """Who holds a place after what a sentence tells of it, key form: the captor of "Russian
    forces captured X", "Ukraine retook X", "its forces captured X"; the holder of "X remained
    under Ukrainian control". None when nobody, or more than one party, is named."""
    if held is not None:
        holders = {h for c in trigger.children if c.dep_ in ("amod", "poss", "compound")
                   if (h := ctx.holder_name(c))}
    elif trigger.pos_ == "VERB" and trigger.lemma_.lower() in ("fall", "lose"):
        # "Bakhmut fell to Russian forces", "Ukraine lost X to Russian troops"; who lost it does not hold it
        holders = {h for p in _deps(trigger, ("prep",)) if p.lower_ == "to" for o in _deps(p, ("pobj",))
                   for h in ctx.country_modifiers(o) | set(_names_of([o], ctx, speaker).values())}
    elif trigger.pos_ == "VERB" and trigger.lemma_.lower() in _WITHDRAWING:
        return None  # who withdrew does not hold it, and who does is not said
    elif trigger.pos_ == "VERB":
        holders = set()
        for subject in _subjects(trigger):
            holders |= ctx.country_modifiers(subject)
            holders |= set(_capitals_as_countries(_names_of([subject], ctx, speaker)).values())
            holders |= _possessors(subject, ctx, speaker)  # "its forces captured X"
    else:
        return None
    countries = {c for h in holders if (c := country_of(h))}  # "Russia's defence ministry": Russia
    keys = {key_name(h) for h in countries or holders}
    return keys.pop() if len(keys) == 1 else None


def _stays_in_post(verb: Token) -> bool:
    """ "X remained in his post", "remains in charge", "stayed on as chief executive" (not
    "remained in office until 2019", which tells when they left)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _STAYING_VERBS or not _deps(verb, ("nsubj",)) \
            or any(p.lower_ in ("until", "till") for p in verb.children):
        return False
    return any(p.lower_ == "in" and any(o.lemma_.lower() in _POSTS for o in _deps(p, ("pobj",)))
               for p in _deps(verb, ("prep",))) or any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)


def _holding_verb(trigger: Token, predicate: str) -> Token | None:
    """The verb a held place or person is told by, whose clause the polarity and the speaker
    are read on: "X remained under Ukrainian control", "X is in police custody"."""
    if predicate == "capture":
        return _still_held(trigger)
    if predicate == "meeting" and _in_talks(trigger):
        return _being_in(trigger)  # "Apple is in talks with Perplexity"
    if predicate == "illness" and _in_health(trigger) is not None:
        return trigger.head.head  # "Putin is in good health"
    return _kept_in(trigger) if predicate == "arrest" else None


def _being_in(noun: Token) -> Token | None:
    """The verb of "X is (remains) in [noun]": "in police custody", "in talks with Y"."""
    verb = noun.head.head
    in_it = noun.dep_ == "pobj" and noun.head.lower_ == "in" and verb.lemma_.lower() in _STILL_VERBS
    return verb if in_it else None


def _still(verb: Token) -> bool:
    """ "remains", "is still": a state said to go on."""
    return verb.lemma_.lower() in _STAYING_VERBS or any(c.lower_ == "still" for c in verb.children)


def _kept_in(noun: Token) -> Token | None:
    """The verb by which someone is held: "X is in police custody", "X remains in detention"."""
    verb = _being_in(noun) if noun.lemma_.lower() in _CUSTODY else None
    return verb if verb is not None and _deps(verb, ("nsubj",)) else None


def _still_held(noun: Token) -> Token | None:
    """The verb by which a place is still held by whoever held it: "X remained under Ukrainian
    control", "X is still in Ukrainian hands" (a denial of its capture); None otherwise."""
    prep, verb = noun.head, noun.head.head
    lemma = noun.lemma_.lower()
    held = noun.dep_ == "pobj" and (lemma == "control" and prep.lower_ == "under" or
                                    lemma == "hand" and noun.lower_ == "hands" and prep.lower_ == "in")
    if not held or verb.lemma_.lower() not in _STILL_VERBS or not _deps(verb, ("nsubj",)) or negated(verb) or \
            any(c.lower_ == "longer" for c in verb.children):
        return None  # "are no longer under its control", "is not in Ukrainian hands": lost, not held
    return verb if lemma == "control" or any(c.dep_ in ("amod", "poss") for c in noun.children) else None


def _fell_in_war(verb: Token, entity: Entity | None, ctx: ClaimContext) -> bool:
    """ "Bakhmut had fallen" with Bakhmut tagged an organisation: a town that falls in an
    article about fighting, by no figure ("Tesla fell 5 %"), and no person ("Trump fell")."""
    if entity is None or entity.label not in ("GPE", "LOC", "FAC", "ORG"):
        return False
    for child in verb.children:
        if child.like_num or any(g.like_num for g in child.children) or child.dep_ == "advmod" and child.pos_ == "ADV" \
                and child.lower_ not in ("finally", "already", "reportedly"):
            return False  # "fell 5 percent", "fell sharply"
        if child.dep_ == "prep" and child.lower_ not in ("to", "after", "in", "into", "on") or \
                child.dep_ == "prep" and child.lower_ == "on" and not any(g.ent_type_ == "DATE" for g in child.children):
            return False  # "fell on the stairs", "fell from the sky"; not "fell to Russian forces on Monday"
    return ctx.words.has_lemma(0, len(ctx.doc), _WAR_WORDS)


def _left_town(verb: Token) -> Token | None:
    """The town forces left: "Ukrainian troops withdrew from Bakhmut", "Kyiv denied withdrawing
    its troops from Avdiivka", "its forces pulled out of Soledar", whatever the model tagged the
    town as; not a country ("withdrew from Afghanistan", its whole), nor what a candidate or a
    state leaves ("withdrew from the race", "pulled out of the Council of Europe")."""
    lemma = verb.lemma_.lower()
    preps = [p for p in _deps(verb, ("prep",)) if p.lower_ == "from" or lemma == "pull" and p.lower_ == "out"]
    preps += [q for p in preps if p.lower_ == "out" for q in _deps(p, ("prep",)) if q.lower_ == "of"]
    towns = [o for p in preps if p.lower_ != "out" for o in _deps(p, ("pobj",))
             if o.text[:1].isupper() and not any(c.dep_ in ("prep", "det", "compound") for c in o.children)
             and country_of(o.text) is None]
    movers = _subjects(verb) + _deps(verb, ("dobj",))
    if verb.dep_ == "xcomp":  # "Kyiv denied withdrawing from Avdiivka"
        movers += _subjects(verb.head)
    forces = any(m.lemma_.lower() in _FORCES or COUNTED.get(m.lemma_.lower()) in ("troops", "fighters") or
                 country_of(m.text) is not None or m.lower_ in CAPITALS for m in movers)
    return towns[0] if towns and forces else None


def _in_talks(trigger: Token) -> bool:
    """ "Apple was in talks with Perplexity", "Apple and HBO are in talks", "Shell is in talks to
    buy BG Group": who is in them is a party (not "Bale is in talks to play Jobs", with no other
    party)."""
    verb = _being_in(trigger)
    if verb is None:
        return False
    return any(p.lower_ in ("with", "between") for p in _deps(trigger, ("prep",))) or \
        any(_deps(s, ("conj",)) for s in _deps(verb, ("nsubj",))) or bool(_deal_parties(trigger))


#: Deals talks may be "to" make, and where each names the other party: "in talks to buy BG
#: Group" (its object, or the object's owner: "to acquire TikTok's U.S. operations"), "to merge
#: with Sprint", "to sell the unit to Siemens".
_DEAL_PARTIES = {**dict.fromkeys(("acquire", "buy", "purchase"), "dobj"), "merge": "with", "sell": "to"}


def _deal_parties(talks: Token) -> list[Token]:
    """The other party of a deal that ``talks`` are to make (or an agreement is to make: "agreed
    to buy LinkedIn"); [] when they are to make none."""
    found = []
    for deal in _deps(talks, ("acl", "xcomp")):
        where = _DEAL_PARTIES.get(deal.lemma_.lower())
        objects = _deps(deal, ("dobj",)) if where == "dobj" else \
            [o for p in _deps(deal, ("prep",)) if p.lower_ == where for o in _deps(p, ("pobj",))]
        found += [owner for o in objects for owner in (_deps(o, ("poss",)) or [o])]
    return found


def _subjects(verb: Token) -> list[Token]:
    """The subject of ``verb``, or of the verb controlling it ("denied carrying out")."""
    while True:
        subjects = _deps(verb, ("nsubj",))
        if subjects or verb.dep_ not in ("xcomp", "conj", "pcomp") or verb.head.i == verb.i:
            return subjects
        verb = verb.head


def _target_place(trigger: Token, ctx: ClaimContext) -> str | None:
    """Where an attack without a named target struck: "attacked an aid convoy in Gaza" →
    Gaza, "struck targets near Damascus International Airport" → Damascus."""
    struck = _deps(trigger, ("dobj", "nsubjpass"))
    # "hit the Lebanese town of Nabatieh", the town's name tagged an organisation
    named = [o for t in struck if t.lemma_.lower() in _SETTLEMENTS for o in of_objects(t) if o.pos_ == "PROPN"]
    if named:
        entity = ctx.index.entity_at(named[0])
        return entity.canonical if entity is not None else named[0].text
    place = ctx.place_of([trigger, *struck])
    if place is None:
        return None
    words = place.split()
    while len(words) > 1 and words[-1].lower() in _FACILITY_WORDS:
        words.pop()
    return " ".join(words)


def _each_person(parts: ClaimParts) -> list[ClaimParts]:
    """An event that befalls each of several people ("Deif and Salama were killed") as one claim
    per person, keyed as each told alone would be ("Deif was killed")."""
    if parts.predicate not in _PERSON_EVENTS or len(parts.participants) < 2:
        return [parts]
    return [replace(parts, key=event_key(parts.predicate, [key]), participants=(name,))
            for key, name in zip(participant_keys(parts.key), parts.participants)]


def _headline_over_call(token: Token, ctx: ClaimContext) -> bool:
    """Whether ``token`` is in a headline over a story that tells of "the call" (or a phone)."""
    return ctx.attributor.in_headline(token) and any(t.pos_ == "NOUN" for t in ctx.cues(ctx.doc[:], _CALL_CUES))


def _spoke_with(token: Token) -> bool:
    """ "X spoke with Y", "X talked to Y", "X and Y had spoken", "a conversation between X
    and Y": a conversation, by phone or in person."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        return lemma == "conversation" and any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                                               for c in token.children)
    if token.pos_ != "VERB" or lemma not in ("speak", "talk"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children) or \
        any(s.dep_ == "nsubj" and _deps(s, ("conj",)) for s in token.children) or _between_the_two(token)


def _phoned(verb: Token) -> bool:
    """ "Trump called Putin on Thursday", "Obama called Putin to express concern": "call" with
    a subject and one named object, which the small model often reads as a predicate
    ("oprd"), is a phone call; "called Putin a killer", "called on Putin to", "called off the
    talks", "a group called Hamas" are not."""
    objects = _deps(verb, ("dobj", "oprd"))
    return len(objects) == 1 and (objects[0].ent_type_ in ("PERSON", "GPE", "ORG") or objects[0].pos_ == "PROPN"
                                  or objects[0].lower_ in ("him", "her")) \
        and bool(_deps(verb, ("nsubj",))) \
        and not _deps(verb, ("attr", "ccomp", "dative", "prt", "acomp")) and not _deps(objects[0], ("appos",)) \
        and all(any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children) for clause in _deps(verb, ("xcomp",)))


def _leaders_talking(verb: Token, participants: Participants, ctx: ClaimContext) -> bool:
    """Whether every participant is a head of state or government and nothing in the
    sentence puts them in one place: leaders who "spoke" did so by phone."""
    for _, name in participants:
        titles = ctx.index.titles.get(name, set())
        if not titles & _LEADER_TITLES or titles & _DEPUTY_TITLES:
            return False
    return not _in_person(verb, ctx)


def _in_person(verb: Token, ctx: ClaimContext) -> bool:
    """Whether the sentence puts the speakers in one place: a meeting word, or "in"/"at" a place."""
    sentence = verb.sent
    if ctx.words.has_lemma(sentence.start, sentence.end, _IN_PERSON_CUES):
        return True
    return any(e.label_ in _PLACE_LABELS and e.root.dep_ == "pobj" and e.root.head.lower_ in ("in", "at")
               for e in sentence.ents)


def _injured_subjects(trigger: Token) -> list[Token]:
    """ "X suffered an injury", "X injured his knee": the subject is the one hurt."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ("suffer", "sustain"):
        return _subjects(trigger.head)
    if trigger.pos_ == "VERB" and any(p.lower_ in ("his", "her", "their") for o in _deps(trigger, ("dobj",))
                                      for p in _deps(o, ("poss",))):
        return _subjects(trigger)
    return []


def _in_health(token: Token) -> str | None:
    """ "X is in good (poor) health": "good" or "poor", said of the copula's subject."""
    if token.lemma_.lower() != "health" or token.dep_ != "pobj" or token.head.lower_ != "in" or \
            not _deps(token.head.head, ("nsubj",)):
        return None
    return "good" if any(c.lower_ in _GOOD_HEALTH for c in token.children) else "poor"


def _ill_with(noun: Token) -> list[Token]:
    """Who has an illness: the subject of "has cancer", "suffered a stroke", "is diagnosed with
    cancer", "is in poor health", or the owner of "Putin's illness"."""
    if _in_health(noun) is not None:
        return _deps(noun.head.head, ("nsubj",))
    if noun.lemma_.lower() in _SURGERIES:
        return _operated_on(noun)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("have", "suffer", "develop"):
        return _subjects(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "from") and \
            noun.head.head.lemma_.lower() in ("diagnose", "suffer"):
        return _subjects(noun.head.head) + _deps(noun.head.head, ("nsubjpass",))
    return _deps(noun, ("poss",))


#: "undergo", whose past the small model reads as an adjective of lemma "underwent".
_UNDERGO = frozenset({"undergo", "underwent"})
#: Operations no illness calls for.
_ELECTIVE = frozenset("cosmetic plastic gender sex reassignment confirmation elective weight-loss".split())
_ELECTIVE_AIMS = frozenset("become look transition change enhance".split())


def _operated_on(noun: Token) -> list[Token]:
    """Who had the operation: the subject of "underwent surgery", "had surgery", "is recovering
    (recovered) from an operation"; not "needs surgery", "the surgery on his knee was cancelled"."""
    verb = noun.head
    if any(c.lower_ in _ELECTIVE for c in noun.children) or any(
            c.lemma_.lower() in _ELECTIVE_AIMS and c.i > noun.i for x in (noun, verb) for c in x.children):
        return []  # "cosmetic surgery", "underwent surgery to become a woman": no illness ("to treat" is)
    if noun.dep_ == "dobj" and (verb.lemma_.lower() in _UNDERGO or verb.lower_ in _UNDERGO or
                                verb.lemma_.lower() == "have" and noun.lemma_.lower() == "surgery"):
        # "X has undergone surgery on his ankle", X parsed as the subject of "has"
        return _subjects(verb) or [s for aux in _deps(verb, ("aux",)) for s in _deps(aux, ("nsubj",))]
    if noun.dep_ == "pobj" and verb.lower_ == "from" and verb.head.lemma_.lower() == "recover":
        return _subjects(verb.head)
    # "reports that X had undergone heart surgery", the verb parsed as a modifier of the noun
    # (X as the subject of its "had")
    return [s for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() in _UNDERGO
            for node in (c, *_deps(c, ("aux",))) for s in _deps(node, ("nsubj",))]


def _copula_head(adjective: Token) -> Token:
    """The verb an adjective is predicated by: "X was [injured]", "X was killed or [injured]"."""
    node = adjective
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.head


def _plural_of_one(trigger: Token, predicate: str) -> bool:
    """ "confirmed the deaths", "the arrests": several people's events, so not the one
    person the article named last."""
    return predicate in _PERSON_EVENTS and trigger.tag_ == "NNS"


def _names_of(
    tokens: list[Token], ctx: ClaimContext, speaker: Speaker | None, *, people_only: bool = False
) -> dict[str, str]:
    """Named parties in ``tokens`` and their conjuncts, key form → display name; inside a
    phrase like "Trump and Russian President Vladimir Putin" people win over the
    nationalities in their titles. People are keyed by family name ("Mr. Putin" and
    "Vladimir Putin" are one participant); "he" or "the actor" stand for the person named
    last before them (never the speaker reporting on them)."""
    names: dict[str, str] = {}
    tokens = [behind_dateline(t) or t for t in tokens]  # a dateline with no name beside it is skipped below
    for token in tokens:
        people: dict[str, str] = {}
        parties: dict[str, tuple[str, str]] = {}
        # an event that happens to one person names that person, not a possessor or
        # companion ("al-Baghdadi's wife was arrested", "the deaths of aides to X")
        kin = _kin_of(token, ctx)
        if kin is not None:
            names[kin[0]] = kin[1]  # "the wife of X", "X's wife": her, not X
            continue
        members = [m for m in (_conjuncts(token) if people_only else _phrase(token)) if not in_opening_source(m)]
        named_person = any((e := ctx.index.entity_at(m)) is not None and e.label == "PERSON" for m in members)
        for member in members:
            entity = ctx.index.entity_at(member)
            if people_only and member.lower_ in ("him", "her", "it", "its"):
                continue  # an object pronoun is too often someone else; "it" is no person ("before it dies")
            if entity is None and member.lower_ in ("i", "me") and people_only and speaker is not None and \
                    _quoted(member) and member.head.lemma_.lower() != "die":  # "I died that day": a figure
                entity = _person_named(speaker.name, ctx)  # '"I am alive and well," Judd Nelson said'
            if entity is None and member.i == token.i and _refers_back(member, ctx.attributor.in_headline(member)):
                entity = _person_before_in_sentence(member, ctx) or _titled_antecedent(member, ctx) or \
                    ctx.attributor.antecedent(member)
                if speaker is not None and entity is not None and entity.canonical == speaker.name and \
                        (member.lower_ not in _PRONOUNS or _quoted(member)) and not said_by_agent(member):
                    # "X denied meeting the crown prince": X is not the prince; nor is X the "he" of
                    # X's own quotation ('"... claiming he is alive," al-Momani added': the pilot);
                    # but "X's publicist said the artist ..." speaks of X
                    entity = None
                if entity is not None and entity.label == "NORP" and country_of(entity.canonical) is None:
                    entity = None  # "the Islamist group denied that it ...": a creed is no party
            if entity is None and member.i == token.i and (people_only or member.dep_ in ("nsubj", "nsubjpass")):
                # "Cesar Millan died", "Elon Musk met Putin": the small model tagging nothing
                name = untagged_name(member) or _headline_surname(member, ctx)
                if name is not None:
                    people[person_key(name)] = name
                    continue
            if entity is None or entity.label not in _PARTICIPANT_LABELS or is_dateline(member) or \
                    entity.label == "PERSON" and _principal_of_agent(member):
                continue
            if entity.label == "NORP" and member.head.lemma_.lower() in PLACE_NOUNS and \
                    any(p.lower_ == "of" for p in _deps(member.head, ("prep",))):
                continue  # "the Syrian border town of Kobani": where the town is, no party
            if entity.label == "PERSON" or people_only and member.i == token.i and not named_person \
                    and _misread_name(entity) and not _determined(member):
                if person_key(entity.canonical) != "-":  # "II" of "King Abdullah II", tagged alone
                    people[person_key(entity.canonical)] = entity.canonical
            elif not people_only and not _in_title_of_person(member, token, ctx) and not _private_person(member):
                party = ctx.holder_name(member) or _organ_as_country(member, entity, speaker) or entity.canonical
                parties[key_name(party)] = (party, entity.label)
        # with people in the phrase, a nationality is their title ("South Korean President
        # Yoon"), whatever the parse; a named country or organisation is a party of its own.
        # Beside a named organisation, a creed is its description ("the Islamist group Boko Haram").
        named_org = any(label == "ORG" for _, label in parties.values()) or _names_next(token)
        names |= people | {k: name for k, (name, label) in parties.items()
                           if not (label == "NORP" and (people or named_org and country_of(name) is None))}
    return names


#: People who act for another: "Trump's envoy Steve Witkoff" met Putin, Trump did not.
_AGENT_NOUNS = frozenset("""envoy emissary aide adviser advisor representative negotiator lawyer attorney
    spokesman spokeswoman spokesperson""".split())


def _organ_as_country(pronoun: Token, entity: Entity, speaker: Speaker | None) -> str | None:
    """ "Russia's defence ministry said it had struck Kharkiv": "it", the speaker, an organ of a
    country, is that country."""
    if pronoun.pos_ != "PRON" or speaker is None or not speaker.side or entity.canonical != speaker.name:
        return None
    return country_of(speaker.side)


def _principal_of_agent(name: Token) -> bool:
    """Whether ``name`` (a word of it) names whom an envoy or aide acts for: "Trump's envoy",
    "Trump envoy", "Donald Trump's lawyer"."""
    while name.dep_ == "compound" and name.head.pos_ == "PROPN":
        name = name.head
    # a headline's "Putin met Trump envoy" may parse the name as the envoy's determiner
    named = name.dep_ in ("poss", "compound") or name.dep_ == "det" and name.pos_ == "PROPN"
    return named and name.head.lemma_.lower() in _AGENT_NOUNS


def _names_next(noun: Token) -> bool:
    """ "the militant group Boko Haram" parsed as two subjects: a common noun right before a name."""
    doc = noun.doc
    return noun.pos_ == "NOUN" and noun.i + 1 < len(doc) and doc[noun.i + 1].ent_type_ in ("ORG", "PERSON")


#: Relatives named through a person: "the wife of X", "X's son" are keyed as such.
_KIN_NOUNS = frozenset("wife husband son daughter brother sister father mother widow nephew niece".split())


def _kin_of(token: Token, ctx: ClaimContext) -> tuple[str, str] | None:
    """ "the wife of al-Baghdadi", "al-Baghdadi's wife" → ("wife of baghdadi", "wife of Abu Bakr
    al-Baghdadi"): a relative is a participant of her own, distinct from the person."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _KIN_NOUNS or ctx.index.entity_at(token) is not None:
        return None
    owners = [c for c in token.children if c.dep_ == "poss"]
    owners += of_objects(token)
    for owner in owners:
        entity = ctx.index.entity_at(owner)
        if entity is None and owner.lower_ in ("his", "her"):
            entity = ctx.attributor.antecedent(owner)
        if entity is not None and (entity.label == "PERSON" or _misread_name(entity)):
            relation = token.lemma_.lower()
            return f"{relation} of {person_key(entity.canonical)}", f"{relation} of {entity.canonical}"
    return None


def attack_target(noun: Token, ctx: ClaimContext) -> tuple[str, str] | None:
    """The one named party or place an attack noun is "on" or "against" ("the drone attack on
    Moscow"), as a participant (key form, display name); None for another noun or no name."""
    if noun.pos_ != "NOUN" or _NOUN_PREDICATES.get(noun.lemma_.lower()) != "attack":
        return None
    names = _names_of([o for p in _deps(noun, ("prep",)) if p.lower_ in ("on", "against")
                       for o in _deps(p, ("pobj",))], ctx, None)
    return next(iter(names.items())) if len(names) == 1 else None


def names_of(tokens: list[Token], ctx: ClaimContext, speaker: Speaker | None) -> dict[str, str]:
    """Named parties in ``tokens``, keyed as event participants (used for allegations)."""
    return _names_of(tokens, ctx, speaker)


def _person_before_in_sentence(pronoun: Token, ctx: ClaimContext) -> Entity | None:
    """ "As for Shakira, she is alive", "Trump said he met Putin": "he" or "she" after a person
    named earlier in the same sentence is that person: the latest one named as a subject, else
    the latest one ("Mr Emwazi - also known as Muazzam - moved to Kuwait, but he was detained"
    is Emwazi). A name that modifies a common noun ("the Safari trip") is no one."""
    if pronoun.lower_ not in ("he", "she", "his", "her"):
        return None
    found = subject = None
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        entity = ctx.index.entity_at(token)
        if entity is None or entity.label != "PERSON" or person_key(entity.canonical) == "-" or \
                token.dep_ == "compound" and token.head.pos_ == "NOUN":
            continue
        found = entity
        if token.dep_ in ("nsubj", "nsubjpass"):
            subject = entity
    if subject is None and found is None:  # "Elon Musk denied that he had met Putin", Musk untagged
        subject = next((Entity(name, "PERSON", name, t.idx, t.idx + len(t.text)) for t in pronoun.sent
                        if t.i < pronoun.i and t.dep_ == "nsubj" and (name := untagged_name(t)) is not None), None)
    return subject or found


def _titled_antecedent(role: Token, ctx: ClaimContext) -> Entity | None:
    """The last person named before ``role`` with its title: "the crown prince" →
    "Crown Prince Mohammed bin Salman", not "Foreign Minister Prince Faisal"; in the
    title, the first named after it."""
    if role.lower_ in _PRONOUNS:
        return None
    wanted = {role.lower_, *(c.lower_ for c in role.children if c.dep_ in ("compound", "amod"))}
    titled = [e for e in ctx.index.entities
              if e.label == "PERSON" and wanted <= ctx.index.titles.get(e.canonical, set())]
    before = [e for e in titled if e.end_char <= role.idx]
    if before:
        return before[-1]
    # a headline's "Saudi crown prince" is the one the body then names with that title
    return titled[0] if titled and ctx.attributor.in_headline(role) else None


def _misread_name(entity: Entity) -> bool:
    """A person's name the small model tagged as an organisation or place ("Sonko", "Morgan
    Freeman" as ORG): a short proper name that is no country."""
    words = entity.canonical.lower().split()
    return entity.label in ("ORG", "GPE") and len(words) <= 3 and country_of(entity.canonical) is None \
        and entity.canonical.lower() not in CAPITALS and not INSTITUTION_WORDS.intersection(words)


def _determined(word: Token) -> bool:
    """ "the Marine is unharmed": a word with an article is a noun the model capitalised or
    tagged, no one's name."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in word.children)


def _headline_surname(word: Token, ctx: ClaimContext) -> str | None:
    """ "Baghdadi killed in US strike, Iraqi TV reports": a headline's untagged surname of a
    person the article names in full ("Abu Bakr al-Baghdadi")."""
    if word.pos_ != "PROPN" or word.ent_type_ or not ctx.attributor.in_headline(word) or \
            word.text not in ctx.index.person_surnames:
        return None
    return word.text


#: People whose nationality is no state: "she met an American friend" met no government.
_PRIVATE_PEOPLE = frozenset(
    """friend man woman boy girl child student teacher doctor nurse tourist traveller traveler journalist
    reporter photographer hostage citizen national worker businessman businesswoman activist blogger
    volunteer""".split()
)


def _private_person(member: Token) -> bool:
    """ "American" in "an American friend": a nationality describing a private person."""
    return member.dep_ in ("amod", "compound") and member.head.lemma_.lower() in _PRIVATE_PEOPLE


def _in_title_of_person(member: Token, top: Token, ctx: ClaimContext) -> bool:
    """ "Russian" in "Russian President Vladimir Putin": a nationality inside a person's title."""
    node = member
    while node.i != top.i and node.dep_ in ("amod", "compound", "nmod"):
        node = node.head
        entity = ctx.index.entity_at(node)
        if entity is not None and entity.label == "PERSON":
            return True
    return False


def _person_named(name: str, ctx: ClaimContext) -> Entity | None:
    """The person the article names ``name`` (a speaker's name), if it is a person."""
    return next((e for e in ctx.index.entities if e.label == "PERSON" and e.canonical == name), None)


def _quoted(token: Token) -> bool:
    """Whether ``token`` is inside a quotation: one opened before it in its sentence and not
    closed, or one opened in a sentence before that closes after it ('... killed him," X added';
    not 'described it as "a love affair', which opens one)."""
    marks = [t for t in token.sent if t.text in QUOTE_MARKS]
    before = [t for t in marks if t.i < token.i]
    if len(before) % 2 == 1:
        return True
    after = [t for t in marks if t.i > token.i]
    return not before and len(after) % 2 == 1 and closes_quotation(after[0])


def _refers_back(token: Token, headline: bool) -> bool:
    """ "he", "his", "the president", "the actor's" (a headline's "crown prince"): a mention of
    a person named elsewhere."""
    if token.lower_ in _PRONOUNS:
        return True
    # "the leader of Somalia's al-Shabaab" is whoever leads it, not the last person named
    named_by_complement = any(t.ent_type_ for o in of_objects(token) for t in o.subtree) or \
        token.lemma_.lower() in _AGENT_NOUNS and any(_principal_of_agent(c) for c in token.children)
    # ("Trump envoy" is whoever acts for Trump, not Trump)
    determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
    # a headline drops the article: "Netanyahu met Saudi crown prince"
    definite = any(d in ("the", "this", "that") for d in determiners) or not determiners and headline
    return token.lemma_.lower() in _ROLE_NOUNS and not named_by_complement and definite


def _conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it or naming it ("Sonko and Diomaye Faye",
    "the journalist Daniel Pearl")."""
    members = [token, *(c for c in token.children if c.dep_ in ("conj", "appos"))]
    # "Islamic State of Iraq and Syria leader Abu Bakr al-Baghdadi": the name of a conjunct;
    # "killed Hamas military chief Deif", parsed as Hamas, "chief" beside it, Deif beside that
    # (a name's, not a common noun's: "the wife, leader Abu Bakr al-Baghdadi" is still the wife)
    return members + [a for c in members[1:] if c.dep_ == "conj" or c.dep_ == "appos" and token.pos_ == "PROPN"
                      for a in c.children if a.dep_ == "appos"]


def _phrase(token: Token) -> list[Token]:
    """``token`` and its subtree without clauses and prepositional phrases; an apposition
    names a common noun that names nothing else ("the minister Mike Dunn had taken bribes")."""
    tokens, stack = [], [token]
    while stack:
        node = stack.pop()
        tokens.append(node)
        stack.extend(c for c in node.children if c.dep_ not in ("relcl", "acl", "prep", "appos", "punct"))
    if token.pos_ == "NOUN" and not any(t.ent_type_ for t in tokens):  # not "Nigeria's chief, Alex Badeh"
        tokens += [c for c in token.children if c.dep_ == "appos"]
    return tokens


def _deps(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def of_objects(token: Token) -> list[Token]:
    """The objects of ``token``'s "of": "the wife of [X]", "the fall of [X]"."""
    return [o for p in _deps(token, ("prep",)) if p.lower_ == "of" for o in _deps(p, ("pobj",))]


def _deployed_troops(trigger: Token) -> Token | None:
    """The troops a deployment trigger is about: the object of "sent", the "troops" of
    "presence of troops", or "troops" itself ("no troops in Russia")."""
    if trigger.pos_ == "VERB":
        return _troops_object(trigger)
    return trigger if COUNTED.get(trigger.lemma_.lower()) == "troops" else _troops_of(trigger)


def _supplied_arms(verb: Token) -> Token | None:
    """What a supply verb moves when it is arms: its object or passive subject ("sent drones",
    "sent hundreds of drones", "missiles were delivered"), or what it supplies someone with
    ("supplied Russia with shells"); the object itself, or the "with" phrase's."""
    moved = _deps(verb, ("dobj", "nsubjpass"))
    moved += [p for p in _deps(verb, ("prep",)) if p.lower_ == "with"]
    for item in moved:
        for noun in (*_deps(item, ("pobj",)), item) if item.dep_ == "prep" else (item,):
            if _is_weapon(noun) or any(_is_weapon(o) for o in of_objects(noun)):
                return item
    return None


def _is_weapon(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in WEAPONS or noun.lower_ == "arms" or lemma in _AID_NOUNS and any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("lethal", "military") for c in noun.children))


def _arms_parties(verb: Token, ctx: ClaimContext, speaker: Speaker | None) -> Participants:
    """Supplier and recipient of arms: "Iran denied sending drones to Russia" (the subject up
    the chain of control), "supplied Russia with shells", "sent Russia missiles", "drones
    supplied to Russia by Iran", "Russia received drones from Iran"; a capital that supplies
    is its country."""
    moved = _supplied_arms(verb)
    recipients = _deps(verb, ("dative",)) + [o for node in (verb, moved) if node is not None
                                             for p in _deps(node, ("prep",)) if p.lower_ == "to"
                                             for o in _deps(p, ("pobj",))]
    if moved is not None and moved.dep_ == "prep":  # "supplied Russia with shells": Russia got them
        recipients += _deps(verb, ("dobj",))
    suppliers = _subjects(verb) + [o for a in _deps(verb, ("agent",)) for o in _deps(a, ("pobj",))]
    if verb.lemma_.lower() in _RECEIVING_VERBS:
        recipients = suppliers
        suppliers = [o for node in (verb, moved) if node is not None
                     for p in _deps(node, ("prep",)) if p.lower_ == "from" for o in _deps(p, ("pobj",))]
    supplier = _capitals_as_countries(_names_of(suppliers, ctx, speaker) or _our_side(suppliers, speaker))
    recipient = _capitals_as_countries(_names_of(recipients, ctx, speaker))
    if len(supplier) != 1 or len(recipient) != 1 or supplier.keys() == recipient.keys():
        return ()
    return tuple(sorted({**supplier, **recipient}.items()))


def _capitals_as_countries(names: dict[str, str]) -> dict[str, str]:
    """ "Pyongyang denied sending troops": a capital that acts is its country."""
    return {key_name(country): country for country in (CAPITALS.get(k, n) for k, n in names.items())}


def _still_fighting_in(troops: Token, ctx: ClaimContext) -> tuple[str, str] | None:
    """The place troops are "still fighting in" (or "for"), "still holding (positions in)",
    "still defending" or "remain (stay) in", as a participant: a place its side says the enemy
    has not taken."""
    verb = _troops_verb(troops)
    lemma = verb.lemma_.lower() if verb is not None else None
    if verb is None or not (lemma in _HOLDING_ON and any(c.lower_ == "still" for c in verb.children) or
                            lemma in _STAYING_VERBS):
        return None
    # "still fighting in X", "still holding positions in X", "still holding (defending) X"
    carriers = [verb, *_held_positions(verb)]
    places = [o for c in carriers for p in _deps(c, ("prep",)) if p.lower_ in ("in", "for")
              for o in _deps(p, ("pobj",))]
    if verb.lemma_.lower() != "fight":
        places += [o for o in _deps(verb, ("dobj",)) if o.lemma_.lower() not in _POSITIONS]
    for place in places:
        entity = ctx.index.entity_at(place)
        name = ctx.place_name(place) or (entity.canonical if entity is not None and place.pos_ == "PROPN" else None)
        if name is not None:
            return key_name(name), name
    return None


#: Verbs by which troops "still" hold a place, and what they hold in it.
_HOLDING_ON = frozenset("fight hold defend".split())
_POSITIONS = frozenset("position positions line lines ground".split())


def _held_positions(verb: Token) -> list[Token]:
    """The positions (lines, ground) troops "hold": "holding positions in Novohrodivka"."""
    if verb.lemma_.lower() != "hold":
        return []
    return [o for o in _deps(verb, ("dobj",)) if o.lemma_.lower() in _POSITIONS]


def _troops_verb(troops: Token) -> Token | None:
    """The verb of which ``troops`` are the subject, themselves or counted ("thousands of
    North Korean soldiers had entered Kursk")."""
    if troops.dep_ == "nsubj":
        return troops.head
    count = troops.head.head
    if troops.dep_ == "pobj" and troops.head.lower_ == "of" and count.dep_ == "nsubj" and \
            (count.like_num or count.ent_type_ == "CARDINAL"):
        return count.head
    return None


def _entered(verb: Token) -> Token | None:
    """The place troops go into by ``verb``: the object of "entered", the "into" of "crossed
    (the border) into", the "in" of "arrived in"; only a place the model tagged, or a named
    region ("entered the war", "moved into positions" enter none)."""
    lemma = verb.lemma_.lower()
    if lemma not in _ENTERING_VERBS or verb.pos_ != "VERB":
        return None
    objects = _deps(verb, ("dobj",))
    places = list(objects) if lemma == "enter" else []
    into = ("in", "into") if lemma == "arrive" else ("into",)  # "arrived in Kursk"
    places += [o for node in (verb, *objects) for p in _deps(node, ("prep",)) if p.lower_ in into
               for o in _deps(p, ("pobj",))]
    return next((p for p in places if p.ent_type_ in ("GPE", "LOC") or p.lemma_.lower() in PLACE_NOUNS and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in p.children)), None)


def _possessors(noun: Token, ctx: ClaimContext, speaker: Speaker | None) -> set[str]:
    """The party whose "its", "their" or "our" ``noun`` is: the subject of the clause above
    ("Moscow has denied that its troops are in Ukraine"; the country, where that subject names
    one: "Russia's defence ministry said its forces ..."), else the speaker's country; "our"
    is a state spokesman's state ("'Our troops are not in Ukraine,' the Kremlin's spokesman
    said", not an unplaced "Zelensky")."""
    owners = _deps(noun, ("poss",))
    if not owners or owners[0].lower_ not in (*_OWNING_PRONOUNS, "our"):
        return set()
    state = country_of(speaker.side or "") if speaker is not None else None
    if owners[0].lower_ == "our":
        return set(_our_side(owners, speaker).values()) if state is not None else set()
    above = _owner_subjects(noun)
    parties = set(_capitals_as_countries(_names_of(above, ctx, speaker)).values())
    parties |= {h for a in above for h in ctx.country_modifiers(a)}
    countries = {c for p in parties if (c := country_of(p))}
    return countries or parties or ({state} if state is not None else set())


def _owner_subjects(troops: Token) -> list[Token]:
    """The subject of the first clause above ``troops`` that has one of its own: whose "its
    troops" they are ("Russia denied its troops were fighting in Ukraine")."""
    node = troops.head
    while node.head.i != node.i:
        subjects = [s for s in _deps(node, ("nsubj",)) if s.i != troops.i]
        if subjects:
            return subjects
        node = node.head
    return [s for s in _deps(node, ("nsubj",)) if s.i != troops.i]


def _troops_of(noun: Token) -> Token | None:
    """The troops-class object of "presence/deployment of ... troops"."""
    return next((o for o in of_objects(noun) if COUNTED.get(o.lemma_.lower()) == "troops"), None)


def _troops_object(verb: Token) -> Token | None:
    """The troops sent or deployed by ``verb`` (object, or passive subject; or the object of a
    range read as the verb's preposition: "deployed between 11,000 and 12,000 troops")."""
    for child in verb.children:
        objects = [child] if child.dep_ in ("dobj", "nsubjpass") else \
            _deps(child, ("pobj",)) if range_between(child) else []
        for troops in objects:
            if COUNTED.get(troops.lemma_.lower()) == "troops":
                return troops
    return None


def _between_the_two(trigger: Token) -> bool:
    """ "the two leaders had not spoken", "both presidents met", "the two men held talks", "the
    two had spoken", "they did not speak" (only denied: an asserted "they met" is too often
    others): the pair the article named for this event before."""
    parties = _deps(trigger, ("nsubj", "nsubjpass")) + \
        [o for p in _deps(trigger, ("prep",)) if p.lower_ == "between" for o in _deps(p, ("pobj",))]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        parties += _deps(trigger.head, ("nsubj",))  # "the two leaders held a phone call"
    return any(p.lemma_.lower() in _PAIR_NOUNS and any(
        c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in p.children) or
        p.lower_ == "two" and any(c.dep_ == "det" and c.lower_ == "the" for c in p.children)  # "the two had spoken"
        or p.lower_ == "they" and trigger.pos_ == "VERB" and negated(trigger)  # "'They did not speak,' he said"
        for p in parties)


def _is_anaphoric(token: Token, predicate: str) -> bool:
    """ "the call", "such a meeting", "there was no (such) call", "no such call took place": a
    definite (or denied) mention that names no participant of its own ("the arrest of the wife
    of X" names one, only not a person; "had no information of such arrest" is neither)."""
    children = list(token.children)
    own = any(c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ in _PARTICIPANT_PREPS.get(predicate, ())
              for c in children)
    # "the call", "any such meeting" ("such" parsed as a modifier after "any"; not "of such arrest")
    pointing = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "such") for c in children) or \
        any(c.dep_ == "amod" and c.lower_ == "such" for c in children) and \
        any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in children)
    # "There was no call.", "No call took place.": the one just told, said not to have happened
    none_happened = any(c.dep_ == "det" and c.lower_ == "no" for c in children) and (
        token.dep_ == "attr" and token.head.lemma_ == "be" or token.head.lemma_.lower() in _OCCURRING)
    return not own and (pointing or none_happened)
