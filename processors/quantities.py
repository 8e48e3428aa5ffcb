"""Quantity claims: a number attached to a counted noun, with holder, place and speaker.

The counted noun is normalised ("soldiers", "servicemen", "army personnel" → troops); nouns
for people in general only count with a verb that says what happened to them ("30 people
were killed" → killed; "100,000 people marched" → protesters), and so do buildings ("1,200
homes were destroyed" → homes destroyed). A toll, a crowd or "the number
of X" takes its size as a value ("the death toll stood at 12", "police estimated the crowd at
20,000", "put the number of Russian troops at 11,000"). A count since some start ("killed
since the war began", "so far") is a running total, keyed apart (``killed to date``).
Numbers that are not counts of anything we know (years, money, scores, partitives like "two
of the soldiers", deltas like "rose by 300") are skipped: the whitelist of counted nouns is
what keeps this precise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from processors.attribution import Speaker
from processors.claimctx import ATTACK_NOUNS, INCIDENT_NOUNS, ClaimContext, ClaimParts, quantity_key
from processors.clauses import REPORTING_VERBS, is_consequence, range_between
from processors.contradictions import GROWING_TOLLS, TO_DATE
from processors.entities import STRUCK_VERBS, country_of
from processors.model import Claim
from processors.numbers import NumberMatch
from processors.polarity import read

#: Counted noun lemma → canonical counted noun.
COUNTED = {
    **dict.fromkeys("troop soldier serviceman servicemen servicemember marine paratrooper "
                    "conscript reservist personnel force".split(), "troops"),
    **dict.fromkeys("fighter militant insurgent rebel gunman jihadist combatant".split(), "fighters"),
    **dict.fromkeys("refugee".split(), "refugees"),
    **dict.fromkeys("migrant asylum-seeker".split(), "migrants"),
    **dict.fromkeys("prisoner pow".split(), "prisoners"),
    **dict.fromkeys("hostage captive".split(), "hostages"),
    **dict.fromkeys("protester protestor demonstrator".split(), "protesters"),
    **dict.fromkeys("tank".split(), "tanks"),
    **dict.fromkeys("drone uav".split(), "drones"),
    **dict.fromkeys("missile rocket".split(), "missiles"),
    **dict.fromkeys("warplane jet fighter-jet aircraft helicopter".split(), "aircraft"),
    **dict.fromkeys("death fatality".split(), "killed"),
    **dict.fromkeys("casualty".split(), "casualties"),
    **dict.fromkeys("toll".split(), "killed"),
    **dict.fromkeys("crowd".split(), "protesters"),
}
#: Nouns whose size is given as a value rather than a count: "the death toll stood at 12",
#: "police estimated the crowd at 20,000", "a crowd of 50,000", "the number of troops
#: rose to 11,000".
_SIZED = frozenset({"toll", "crowd", "number"})
#: Counted things that are not people: "lost 30 tanks" is a loss, "killed 3 drones" nothing.
_EQUIPMENT = frozenset({"tanks", "drones", "missiles", "aircraft"})
#: Nouns for people in general: counted only through what happened to them.
PEOPLE = frozenset("""people person civilian resident man woman child adult passenger victim girl boy schoolgirl
    schoolboy student pupil worker worshipper pilgrim tourist villager officer policeman suspect journalist
    activist supporter""".split())
#: Verb or adjective lemma saying what happened to the counted people → outcome.
OUTCOMES = {
    **dict.fromkeys("kill die dead slay murder drown".split(), "killed"),
    **dict.fromkeys("injure wound hurt injured wounded".split(), "injured"),
    **dict.fromkeys("arrest detain".split(), "arrested"),
    **dict.fromkeys("evacuate".split(), "evacuated"),
    **dict.fromkeys("hospitalise hospitalize".split(), "hospitalised"),  # "30 people were hospitalised after the leak"
    **dict.fromkeys("ill sick sicken".split(), "sickened"),  # "50 pupils fell ill", "were sickened"
    **dict.fromkeys("displace flee".split(), "displaced"),  # "40,000 people fled their homes"
    **dict.fromkeys("missing".split(), "missing"),
    **dict.fromkeys("capture surrender".split(), "captured"),  # "23 soldiers surrendered in Kursk"
    **dict.fromkeys("kidnap abduct".split(), "abducted"),
    **dict.fromkeys("release free".split(), "released"),
    **dict.fromkeys("lose".split(), "killed"),  # "Hamas lost 6,000 fighters": losses, not strength
}
#: Buildings, counted only through what happened to them ("1,200 homes were destroyed").
_BUILDINGS = frozenset("home house building dwelling structure".split())
#: Verb or adjective lemma saying what happened to the counted buildings → outcome.
_DAMAGE = {
    **dict.fromkeys("destroy flatten raze".split(), "destroyed"),
    **dict.fromkeys("damage".split(), "damaged"),
}
#: What people in general did to count as a protest's turnout ("100,000 people marched").
_TURNOUT_VERBS = frozenset("gather rally march protest demonstrate".split())
#: Events whose joiners are its turnout ("50,000 people joined the march").
_PROTESTS = frozenset("protest march rally demonstration".split())
#: Verbs whose subject holds the counted thing ("Russia had 11,000 troops").
HOLDING_VERBS = frozenset("have deploy send station mass amass field keep maintain commit lose dispatch move".split())
#: Other verbs that keep a count a statement of strength ("holding back 50,000 troops").
_STOCK_VERBS = frozenset("hold battle fight face number involve include total mobilize mobilise train "
                         "withdraw pull recruit base position gather concentrate".split())
_CHANGE_VERBS = frozenset("rise increase grow fall drop decline climb jump surge reduce cut double halve".split())
_MODALS = frozenset("would could might may should".split())
#: How a sized noun attaches to the verb that gives its value ("the toll rose to", "bringing
#: the toll to", "estimated the crowd at").
_SIZED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_CURRENCY_WORDS = frozenset("dollar euro pound yuan yen rupee usd eur gbp".split())


def quantity_claims(sentence: Span, numbers: list[NumberMatch], ctx: ClaimContext,
                    before: Sequence[Claim] = ()) -> list[Claim]:
    """The quantity claims in one sentence, given its ``find_numbers`` and the counts of the
    sentence before (``before``), which a count that names no place may answer."""
    found = [p for m in numbers if (p := _quantity(sentence, m, ctx)) is not None]
    per_noun = Counter(p.anchor.i for p in found)
    # two numbers on one noun ("killed 300 out of 400 soldiers") cannot both be its count
    found = [p for p in found if per_noun[p.anchor.i] == 1]
    claims = [ctx.build(p, sentence) for p in found if p.place is not None or _release_of_nationals(p)]
    placeless = [p for p in found if p.place is None and not _release_of_nationals(p)]
    if placeless:
        claims += _countered(placeless, claims or list(before), sentence, ctx)
    return claims


def _release_of_nationals(parts: ClaimParts) -> bool:
    """ "Hamas released 13 Israeli hostages on Friday", "Israel freed 39 Palestinian prisoners":
    a release names no place, and needs none, the day and the captives' country keying it."""
    return parts.subject is not None and parts.predicate.endswith(" released")


#: Words by which a count without a place is about some other place or a larger whole.
_ELSEWHERE = frozenset("elsewhere nationwide countrywide across another other separate additional further "
                       "overall altogether total".split())


def _names_elsewhere(tokens: Iterable[Token]) -> bool:
    """A place after a preposition ("in Mombasa", "in Equateur province"; not "Congo's health
    ministry", the speaker's) or a word of another place or a whole."""
    return any(t.lower_ in _ELSEWHERE or t.ent_type_ in ("GPE", "LOC", "FAC") and "pobj" in (t.dep_, t.head.dep_)
               for t in tokens)


#: Groups that a count of people in general may be told against: "three people died" and
#: "23 protesters were killed" are the toll of one day's clashes.
_CROWD_GROUPS = frozenset({"protesters"})


def _countered(placeless: list[ClaimParts], earlier: list[Claim], sentence: Span, ctx: ClaimContext) -> list[Claim]:
    """Counts told against a count just given: "Police said three people died in clashes in
    Nairobi on Tuesday. Rights groups said at least 23 protesters had been killed." The second
    names no place; said by another voice of the same outcome, group and holder, right after
    a count of one key, it is that count, of its place and (unless it gives its own) its time."""
    if len({c.key for c in earlier}) != 1 or earlier[0].speaker in (None, ctx.article.source):
        return []
    told = earlier[0]
    found = []
    for parts in placeless:
        voice = parts.speaker
        # the count's own clause when it answers in the same sentence ("..., while X said 23 were killed")
        same_sentence = told.span_end > sentence.start_char
        clause = list(parts.date_scope.subtree) if same_sentence and parts.date_scope is not None else sentence
        if voice is None or (voice.side or voice.name) == (told.side or told.speaker) or \
                parts.subject != told.subject or not _same_count(parts.predicate, told.predicate) or \
                parts.span[0] < told.span_end or _names_elsewhere(clause):
            continue
        claim = ctx.build(replace(parts, key=told.key, predicate=told.predicate, place=told.place), sentence)
        if claim.ref_text is None:
            claim = replace(claim, ref_start=told.ref_start, ref_end=told.ref_end, ref_text=told.ref_text)
        found.append(claim)
    return found


def _same_count(predicate: str, told: str) -> bool:
    """Whether two counted names count one thing: equal, or people in general and a crowd's
    group with the same outcome ("killed" and "protesters killed")."""
    if predicate == told:
        return True
    pair = sorted((predicate, told), key=len)
    group, _, outcome = pair[1].partition(" ")
    return outcome == pair[0] and group in _CROWD_GROUPS


def _quantity(sentence: Span, match: NumberMatch, ctx: ClaimContext) -> ClaimParts | None:
    start, end = sentence.start_char + match.start, sentence.start_char + match.end
    number = ctx.doc.char_span(start, end, alignment_mode="expand")
    if number is None or match.percent or match.low == 1 or _is_money(number) or _is_ordinal_or_age(number):
        return None  # "one" is mostly a pronoun ("one of them"), not a count anyone disputes
    noun = _counted_token(number, match)
    if noun is None or _is_hypothetical_or_delta(number, noun):
        return None
    counted = _counted_name(noun, number.root)
    if counted is None or _is_partitive(number) or counted == "troops" and (match.high or match.low or 0) < 10:
        return None  # "300 out of 400"; "two soldiers" are a story's detail, not a strength
    # without a place, "Canadian soldiers" of one story meet those of another: kept apart
    # (``quantity_claims``) unless it answers a count just given
    place = ctx.place_of(_place_anchors(number, noun)) or _crossed(noun, ctx) or _object_place(noun, ctx) or \
        _fronted_place(noun, ctx) or _toll_named(noun, ctx)
    if not _vouched_for(noun, sentence):
        return None
    scope = _misread_clause(noun) or _governing_verb(noun)
    if _another_incident(scope):
        return None  # "another strike on a school in Gaza City killed 12": not the toll of the day's strike
    one_attack = tells_one_attack(scope)
    if _running_total(noun, scope) or _total_toll(noun, ctx):
        counted += TO_DATE
    # "attacked Ukraine with 96 drones, the air force said": the voice of the attack the arms are in
    speaker = ctx.attributor.speaker_of(_launching_verb(noun) or noun, sentence) or _estimator(noun, ctx)
    if speaker is None and match.vague and counted == "protesters" and noun.lemma_.lower() in PEOPLE:
        return None  # "Thousands of people marched": the outlet's picture of a crowd, no count of it
    if speaker is not None and speaker.name.split()[0].lower() in _EARLY_REPORTS:
        return None  # "according to initial reports, three people were killed": superseded
    owner = holder(noun, number.root, ctx)
    if owner is not None and place is not None and owner == place == _toll_named(noun, ctx):
        owner = None  # "the Gaza death toll": a place's, as "killed in Gaza" is
    if owner is None and counted in _OWN_LOSSES:
        owner = serving_side(noun, ctx)  # "the Israeli military said two soldiers were killed"
    undated = ctx.reference_time(scope)[0] is None
    if _superseded(noun) and (undated or counted in GROWING_TOLLS):
        return None  # "officials initially said three people were killed": updated since
    if undated and (told := ctx.pointed_incident(_place_anchors(number, noun))):
        scope = _governing_verb(told)  # "Police estimated the crowd at 30,000": the day of the march told before
    elif undated:
        scope = dated_by(scope, ctx)
    return ClaimParts(
        kind="quantity",
        key=quantity_key(owner, counted, place),
        predicate=counted,
        anchor=noun,
        span=(start, end),
        speaker=speaker,
        subject=owner,
        place=place,
        value_low=match.low,
        value_high=match.high,
        unit="count",
        date_scope=scope,
        one_attack=one_attack,
    )


def _counted_token(number: Span, match: NumberMatch) -> Token | None:
    """The noun the number counts: its head ("11,000 troops"), or the object of "of"
    after a vague amount ("tens of thousands of troops"), or the number itself when it is
    the subject or object of an outcome verb ("killing at least 12")."""
    last = number[-1]
    if last.dep_ in ("conj", "prep") and number.start <= last.head.i < number.end and last.head.like_num:
        last = last.head  # "between 30 and 40 people", "11,000-12,000 troops": the first number carries it
    if last.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and last.head.pos_ in ("NOUN", "PROPN"):
        if last.head.i > last.i:
            return last.head
    owned = [o for p in last.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
             if o.dep_ == "pobj" and o.lemma_.lower() in COUNTED and any(c.dep_ == "poss" for c in o.children)]
    if owned:
        return owned[0]  # "50,000 of its troops are in Kursk" (not "5 of the 12 soldiers": a part)
    if match.vague or last.lower_ in ("dozen", "hundreds", "thousands", "millions", "dozens"):
        for prep in last.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects and not any(c.dep_ == "det" for c in objects[0].children):
                    return objects[0]
    if last.dep_ in ("nsubjpass", "dobj", "nsubj") and last.head.lemma_.lower() in OUTCOMES:
        # "600 of its servicemen died": the servicemen are what was counted
        counted = [o for p in last.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in COUNTED]
        return counted[0] if counted else last
    if last.dep_ == "nsubj" and last.head.lemma_.lower() in _TURNOUT_VERBS:
        return last  # "the CGT union said 400,000 marched in the capital"
    if last.dep_ == "ROOT" and any(c.dep_ in ("acl", "amod") and c.lemma_.lower() in OUTCOMES for c in last.children):
        return last  # a headline's "At least 30 killed in Kabul blast"
    if _counts_the_adjective(last):
        return last  # a headline's "At least 40 dead in strike on Rafah"
    return _sized_by(last) or _noun_phrase_after(number)


def _counts_the_adjective(number: Token) -> bool:
    """ "At least 40 dead in strike on Rafah": a headline's count parsed as the outcome's."""
    return number.dep_ == "nummod" and number.head.pos_ == "ADJ" and number.head.lemma_.lower() in OUTCOMES


def _noun_phrase_after(number: Span) -> Token | None:
    """The noun of a phrase that starts right after a range the parser left hanging ("said
    between 10,000 and 12,000 North Korean troops were in Kursk", "between" read as the verb's)."""
    if number[0].lower_ != "between" or number.end >= len(number.doc):
        return None
    noun = number.doc[number.end]
    while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i:
        noun = noun.head
    determined = any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)
    return noun if noun.pos_ == "NOUN" and noun.left_edge.i == number.end and not determined else None


#: What a toll may count other than the dead: "the injury toll", "the casualty toll".
_OTHER_HARMS = frozenset("injury casualty wounded injured case infection arrest".split())


#: Words of approximation the parser may read as a preposition: "is around 12,000".
_ABOUT = frozenset("around about over under nearly almost roughly".split())


def _sized_by(number: Token) -> Token | None:
    """The toll or crowd a number is the size of: "the death toll stood at 12", "rose to
    40", "bringing the toll to 50", "a death toll of 30", "estimated the crowd at 20,000"."""
    if number.dep_ == "pobj" and number.head.lower_ == "of":
        candidates = [number.head.head]
    elif number.dep_ == "pobj" and number.head.lower_ in ("at", "to"):
        # "estimated [the number of troops] at 11,000", the "at" on the verb or on the noun
        candidates = [number.head.head, *(c for c in number.head.head.children if c.dep_ in _SIZED_DEPS)]
    elif number.dep_ in ("dobj", "attr"):
        candidates = [c for c in number.head.children if c.dep_ in _SIZED_DEPS]
    elif number.dep_ == "pobj" and number.head.head.lemma_ == "be" and number.head.lower_ in _ABOUT:
        # "the number of troops in Kursk is around 12,000"
        candidates = [c for c in number.head.head.children if c.dep_ in _SIZED_DEPS]
    else:
        return None
    sized = next((c for c in candidates if c.lemma_.lower() in _SIZED), None)
    # "the death toll", "the Gaza death toll", "the quake toll"; not "the injury toll"
    if sized is None or any(c.dep_ == "compound" and c.lemma_.lower() in _OTHER_HARMS for c in sized.children):
        return None
    if sized.lemma_.lower() == "number":  # "put the number of Russian troops at 11,000"
        return next((o for p in sized.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), None)
    return sized


def _counted_name(noun: Token, number: Token) -> str | None:
    """Canonical counted noun, with the outcome for people ("people killed" → killed;
    "killed scores of soldiers" → troops killed)."""
    lemma = noun.lemma_.lower()
    outcome = _outcome(noun) or _outcome(number)
    if noun.pos_ in ("ADJ", "NOUN") and lemma in OUTCOMES and noun.dep_ == "pobj":
        return OUTCOMES[lemma]  # "the number of dead", "hundreds of wounded"
    if noun.like_num or lemma in PEOPLE or noun.ent_type_ == "NORP":
        return outcome or _turnout(noun) or _turnout(number)  # "Tens of thousands of people marched"
    if lemma in _BUILDINGS:
        damage = _outcome(noun, _DAMAGE)
        return f"homes {damage}" if damage else None
    counted = COUNTED.get(lemma)
    if counted is None or lemma == "force" and noun.tag_ != "NNS":
        return None
    if counted in _EQUIPMENT and _destroyed(noun):
        return f"{counted} lost"  # "destroyed 12 Russian tanks", "30 drones were shot down": their holder's losses
    if counted in _LAUNCHED and _launching_verb(noun) is not None:
        return f"{counted} launched"  # "Iran fired about 180 missiles at Israel": one attack's size
    if outcome is None and lemma not in _SIZED and _is_incident(noun):
        return None
    if outcome and counted not in ("killed", "casualties"):
        if counted in _EQUIPMENT and outcome == "killed":
            return f"{counted} lost" if noun.head.lemma_.lower() == "lose" else None
        return f"{counted} {outcome}"
    return counted


#: Verbs by which arms are destroyed ("destroyed 12 tanks", "downed 30 drones"), and "shot down".
_DESTROYING_VERBS = frozenset("destroy down intercept".split())


#: What is fired at a target, counted per attack: "launched 120 missiles and 90 drones at Ukraine".
_LAUNCHED = frozenset({"missiles", "drones"})
_LAUNCHING_VERBS = frozenset("fire launch".split())
#: Verbs of an attack "with" its arms: "Russia attacked Ukraine with 96 drones".
_ATTACKING_VERBS = frozenset("attack strike target hit".split())


def _launching_verb(noun: Token) -> Token | None:
    """The verb that fires ``noun`` (or the first of its conjuncts): "fired 180 missiles",
    "launched 120 missiles and 90 drones", "attacked Ukraine with 96 drones"; None otherwise."""
    while noun.dep_ == "conj":
        noun = noun.head
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _LAUNCHING_VERBS:
        return verb
    if noun.dep_ == "pobj" and verb.lower_ == "with" and verb.head.lemma_.lower() in _ATTACKING_VERBS:
        return verb.head
    return None


def _destroyed(noun: Token) -> bool:
    """Whether the counted arms are the object (or passive subject) of a verb that destroys them."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    shot_down = lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    return noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and (lemma in _DESTROYING_VERBS or shot_down)


def _turnout(noun: Token) -> str | None:
    """ "100,000 people marched", "50,000 people joined the march", "took part in the
    protest": a protest's turnout."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    joined = lemma in ("join", "attend") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _PROTESTS for c in verb.children)
    # "100,000 people took part in the protest", "participated in the rally"
    took_part = (lemma == "participate" or lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part"
                                                                  for c in verb.children)) and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in _PROTESTS for o in c.children)
        for c in verb.children)
    # "took to the streets"
    took_to_streets = lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
        o.lower_ == "streets" for o in c.children) for c in verb.children)
    return "protesters" if lemma in _TURNOUT_VERBS or joined or took_part or took_to_streets else None


def _is_incident(noun: Token) -> bool:
    """Whether the counted things are the object or passive subject of an incident verb
    ("two soldiers were run over", "stole seven tanks"): a story's detail, not a count of
    how many there are."""
    head = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
        return False
    # "Pentagon says 10,000 North Korean troops in Russia": a headline's report, not an incident
    return head.lemma_.lower() not in HOLDING_VERBS | _STOCK_VERBS | REPORTING_VERBS


#: Passive verbs whose subject is that of the outcome after them: "were forced to flee", "are
#: believed to have died".
_RAISING_VERBS = frozenset("force know believe report say think confirm presume understand".split())


def _outcome(noun: Token, outcomes: dict[str, str] = OUTCOMES) -> str | None:
    """What happened to the counted noun: its verb ("were killed", "killed 30 people"),
    a participle or adjective on it ("people killed", "30 dead")."""
    word = _outcome_word(noun, outcomes)
    if word is None:
        return None
    outcome = outcomes[word.lemma_.lower()]
    # "3,000 troops were killed or wounded": casualties, not the killed (but "300 were killed
    # and 2,700 wounded" are two counts)
    joined = {outcomes.get(c.lemma_.lower()) for c in word.children if c.dep_ == "conj" and not _own_count(c)}
    if word.dep_ == "conj" and not _own_count(word.head, subjects=False):  # "killed or wounded 40 people"
        joined.add(outcomes.get(word.head.lemma_.lower()))
    return "casualties" if outcome in _HARMED and joined & _HARMED - {outcome} else outcome


def _own_count(word: Token, *, subjects: bool = True) -> bool:
    """Whether an outcome word has a count (or, with ``subjects``, a subject or object) of its own
    ("killed 12 people and wounded 30", "and 2,700 wounded", "and dozens were injured", "killing
    seven people and injuring more")."""
    own = ("nsubj", "nsubjpass", "nummod", "dobj") if subjects else ("nummod",)
    return any(x.like_num or x.dep_ in own or x.dep_ in ("dobj", "nsubj", "nsubjpass") and
               any(n.like_num or n.dep_ == "nummod" for n in x.children) for x in word.children)


#: Outcomes that together are casualties.
_HARMED = frozenset({"killed", "injured"})


#: Verbs of being and becoming whose complement says what happened: "were dead", "fell ill".
_BECOMING = frozenset({"be", "fall", "become"})


def _outcome_word(noun: Token, outcomes: dict[str, str]) -> Token | None:
    """The verb or adjective that says what happened to the counted noun."""
    head = noun.head
    if noun.dep_ in ("nsubjpass", "dobj", "nsubj") and head.lemma_.lower() in outcomes or _counts_the_adjective(noun):
        return head
    for child in noun.children:
        if child.dep_ in ("acl", "amod") and child.lemma_.lower() in outcomes:
            return child
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in _RAISING_VERBS:  # "2,000 people were forced to flee",
        # "44 people are known (believed) to have been killed"
        return next((c for c in head.children if c.dep_ == "xcomp" and c.lemma_.lower() in outcomes), None)
    if noun.dep_ == "nsubj" and head.lemma_ in _BECOMING or noun.dep_ == "dobj" and head.lemma_ == "leave":
        # "20 people were dead", "50 pupils fell ill", "the blast left 20 people dead"
        return next((c for c in head.children if c.dep_ in ("acomp", "oprd", "advmod") and c.lemma_.lower() in outcomes),
                    None)  # "fell ill", "ill" parsed as an adverb
    return None


def holder(noun: Token, number: Token, ctx: ClaimContext) -> str | None:
    """Whose counted thing it is: a single country/organisation modifying the noun
    ("Russian troops", "30 Palestinians"), else the subject of a holding verb ("Russia
    had 11,000 troops"). Two holders ("Russian and North Korean forces") give none."""
    if noun.ent_type_ == "NORP":
        own = ctx.holder_name(noun)
        return own
    holders = ctx.country_modifiers(noun)
    if not holders and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in noun.children):
        # "the ministry said 600 of its servicemen died": the speaking country's own
        return _speakers_country(noun, ctx)
    if len(holders) == 1:
        return holders.pop()
    if holders:
        return None
    if (launching := _launching_verb(noun)) is not None:  # "Iran fired 180 missiles": Iran's
        subject = next((s for s in launching.children if s.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("they", "it", "we"):
            return _speakers_country(noun, ctx)  # "the Guards said they had launched 200 missiles"
        return ctx.holder_name(subject) if subject is not None else None
    for prep in noun.children:  # "refugees from Ukraine"
        if prep.dep_ == "prep" and prep.lower_ == "from":
            origin = next((country_of(o.text) for o in prep.children if o.dep_ == "pobj"), None)
            if origin:
                return origin
    for argument in (noun, number):  # "has thousands of troops": the number is the object
        verb = argument.head
        if argument.dep_ == "dobj" and verb.lemma_.lower() in HOLDING_VERBS:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].lower_ == "it":  # "Hamas said it had lost 6,000 fighters"
                # "Russia's defence ministry said it lost 50 servicemen": the country it speaks for
                if (own := _speakers_country(noun, ctx)) is not None:
                    return own
                party = ctx.attributor.antecedent(subjects[0])
                return country_of(party.canonical) or party.canonical if party is not None else None
            if subjects and subjects[0].lower_ == "we":  # "'We have 50,000 troops there,' the ministry said"
                return _speakers_country(noun, ctx)
            return ctx.holder_name(subjects[0]) if subjects else None
    return None


#: Counts of soldiers harmed that a side tells of its own when it names no other's.
_OWN_LOSSES = frozenset(f"troops {outcome}" for outcome in ("killed", "injured", "missing"))


def serving_side(soldiers: Token, ctx: ClaimContext) -> str | None:
    """The side soldiers told with no side named on them serve: the country whose own organ
    speaks ("the Israeli military said two soldiers were killed"); said by anyone else, of
    "enemy" soldiers or "the rebels' fighters", none."""
    if any(c.dep_ in ("amod", "poss", "compound") for c in soldiers.children):
        return None
    return _speakers_country(soldiers, ctx)


def _speakers_country(noun: Token, ctx: ClaimContext) -> str | None:
    """The country of the side that speaks of its own ("its servicemen", "we have")."""
    speaker = ctx.attributor.speaker_of(noun, noun.sent)
    return country_of(speaker.side) if speaker is not None and speaker.side else None


#: Verbs whose object is the place the counted went: "500 migrants crossed the Channel".
_CROSSING_VERBS = frozenset("cross enter reach".split())


def _crossed(noun: Token, ctx: ClaimContext) -> str | None:
    """The place the counted crossed into or reached, or were fired at, named as the verb's
    object ("500 migrants crossed the Channel", "attacked Ukraine with 96 drones"; the model
    tags "the Channel" as an organisation, so any name will do there)."""
    crossing = noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _CROSSING_VERBS
    verb = noun.head if crossing else _launching_verb(noun)
    if verb is None or not crossing and verb.lemma_.lower() not in _ATTACKING_VERBS:
        return None
    return next((e.canonical for c in verb.children if c.dep_ == "dobj"
                 if (e := ctx.index.entity_at(c)) is not None and e.label in ("GPE", "LOC", "FAC", "ORG")), None)


def _place_anchors(number: Span, noun: Token) -> list[Token]:
    """Tokens whose place prepositions locate the quantity, nearest first: the noun, the
    number, the noun's clauses, the verb the noun is argument of and that verb's subject."""
    anchors = [noun, number.root] + ([noun.head] if _counts_the_adjective(noun) else [])
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    # "said 61 migrants drowned when their boat capsized off Libya", "drowned" parsed as the noun's
    anchors += clauses + [i for c in clauses for i in _incident_clauses(c)]
    if (launching := _launching_verb(noun)) is not None:  # "launched 120 missiles and 90 drones at Ukraine"
        anchors += [launching, *(c for c in noun.children if c.dep_ == "conj")]
    # "the death toll from the earthquake in Turkey"
    anchors += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                for o in p.children if o.dep_ == "pobj"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _SIZED:
        sized = noun.head.head
        anchors.append(sized)  # "the number of troops in Kursk"
        if sized.dep_ in _SIZED_DEPS and sized.head.pos_ == "VERB":
            anchors.append(sized.head)  # "put the number of troops in Kursk at 12,000", "in Kursk" on "put"
    for argument in (noun, number.root):  # the number heads "thousands of troops"
        verb = argument.head
        if argument.dep_ == "pobj" and range_between(verb) and verb.head.pos_ == "VERB":
            verb = verb.head  # "deployed between 11,000 and 12,000 troops in Kursk", the range read as the verb's
        if argument.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
            anchors.append(verb)
            # "were forced to flee their homes in Kharkiv": the place of what they were made to do
            anchors += [x for c in verb.children if c.dep_ == "xcomp"
                        for x in (c, *(o for o in c.children if o.dep_ == "dobj"))]
            # "the operation in Kursk is holding back 50,000 troops": the subject's place
            anchors += [c for c in verb.children if c.dep_ == "nsubj" and c.i != argument.i]
            # "12 people died when a bus plunged into a ravine in Ayacucho": the incident's place
            # and "25 people died and dozens were injured when a bus plunged ...", the clause on the last verb
            anchors += [c for v in (verb, *(c for c in verb.children if c.dep_ == "conj" and _counts_alike(c)))
                        for c in _incident_clauses(v)]
            # "37 people were killed and more than 100 wounded in Kabul": the place said once for both
            anchors += [c for c in verb.children if c.dep_ == "conj" and _counts_alike(c)]
            # "12,000 people joined the protest (in Tbilisi)": where the protest they joined was
            anchors += [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _PROTESTS]
            anchors += strike_told_before(verb)
    return anchors


#: Verbs by which one puts a figure on a toll or crowd, and the preposition of the figure:
#: "Ukraine put the number of troops at 12,000", "the UN revised the death toll to 4,000".
_ESTIMATING = {**dict.fromkeys(("put", "place", "estimate"), "at"),
               **dict.fromkeys(("revise", "raise", "lower", "update", "adjust"), "to")}


def _estimator(noun: Token, ctx: ClaimContext) -> Speaker | None:
    """Who puts a figure on a toll or number says it: "Ukraine put the number of North Korean
    troops at 12,000", "the UN later revised the death toll to 4,000"."""
    sized = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    verb = sized.head
    prep = _ESTIMATING.get(verb.lemma_.lower())
    if sized.dep_ != "dobj" or prep is None or not any(c.dep_ == "prep" and c.lower_ == prep for c in verb.children):
        return None
    return ctx.attributor.subject_speaker(verb)


#: Nouns that stand for the count just given: "Police put the number at 30,000".
_FIGURE_NOUNS = frozenset({"number", "figure", "tally", "total"})


def restated_counts(sentence: Span, numbers: list[NumberMatch], ctx: ClaimContext, earlier: list[Claim]) -> list[Claim]:
    """ "Organisers said 100,000 people marched through Tbilisi on Sunday. Police put the
    number at 30,000.": a figure put on "the number" after a count (``earlier``: of one key,
    in this sentence or the one before) is that count, said by whoever puts it, of the same
    time unless it gives its own."""
    if len({c.key for c in earlier}) != 1:
        return []
    told = earlier[0]
    found = []
    for match in numbers:
        start, end = sentence.start_char + match.start, sentence.start_char + match.end
        number = ctx.doc.char_span(start, end, alignment_mode="expand")
        if number is None or match.percent or number.root.dep_ != "pobj" or start < told.span_end:
            continue
        verb = number.root.head.head
        if _ESTIMATING.get(verb.lemma_.lower()) != number.root.head.lower_:
            continue
        figure = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS
                       and any(d.dep_ == "det" and d.lower_ in ("the", "that", "this") for d in c.children)
                       and not any(p.dep_ == "prep" for p in c.children)), None)
        if figure is None:
            continue
        claim = ctx.build(ClaimParts(
            kind="quantity", key=told.key, predicate=told.predicate, anchor=figure, span=(start, end),
            speaker=ctx.attributor.subject_speaker(verb), subject=told.subject, place=told.place,
            value_low=match.low, value_high=match.high, unit=told.unit, date_scope=verb,
        ), sentence)
        if claim.ref_text is None:
            claim = replace(claim, ref_start=told.ref_start, ref_end=told.ref_end, ref_text=told.ref_text)
        found.append(claim)
    return found


def _incident_clauses(verb: Token) -> list[Token]:
    """The clauses on a count's verb that tell the incident it came of: "died when (as) a building
    collapsed in Lagos" (not "after": "died after being flown to a hospital in Amman")."""
    return [c for c in verb.children if c.dep_ == "advcl" and
            any(m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "as") for m in c.children)]


def _counts_alike(verb: Token) -> bool:
    """Whether a conjoined verb shares its conjunct's shape: no subject of its own, or a
    count for one ("and more than 100 wounded"); not a clause about something else."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(s.like_num or s.ent_type_ == "CARDINAL" or any(c.dep_ == "nummod" for c in s.children)
               for s in subjects)  # "and dozens were injured"


#: Words by which an incident is another than the one told ("another strike", "in a separate attack").
_OTHER_INCIDENT = frozenset("another separate second further".split())


def _another_incident(verb: Token) -> bool:
    """Whether the incident a count's verb tells is marked as one more: "Another strike ...
    killed 12", "In a separate attack, a drone killed 3" (a count of that incident alone, which
    no count of the place and day can be compared with)."""
    incidents = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    incidents += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(m.dep_ in ("det", "amod") and m.lower_ in _OTHER_INCIDENT
               for i in incidents if i.lemma_.lower() in INCIDENT_NOUNS for m in i.children)


#: Verbs by which arms or an attacker struck what they hit ("jets struck a market, killing 40").
_STRIKING_VERBS = STRUCK_VERBS | frozenset("target attack raid storm".split())


def _strikes(verb: Token) -> list[Token]:
    """A count's verb and the incident clauses on it that tell a strike: "jets struck a market,
    killing 40", "killed when a strike hit a tent camp", "missiles struck a market and 15 people
    were killed"."""
    return [v for v in (verb, *_incident_clauses(verb), *_joined_to(verb)) if v.lemma_.lower() in _STRIKING_VERBS]


def _joined_to(verb: Token) -> list[Token]:
    """The clause a count's verb is the consequence of or follows on: "struck a market, killing
    40", "struck a market and 15 people were killed"."""
    return [verb.head] if is_consequence(verb) or verb.dep_ == "conj" and verb.head.pos_ == "VERB" else []


def strike_told_before(verb: Token) -> list[Token]:
    """Where a strike a count's verb follows on was: "jets struck a market in Idlib, killing 40",
    "missiles struck buildings in Kharkiv and 15 civilians were killed": the strike and what it
    struck (for a bare participle, whatever clause it hangs on)."""
    heads = [h for h in _joined_to(verb) if is_consequence(verb) or h.lemma_.lower() in _STRIKING_VERBS]
    return [x for h in heads for x in (h, *(c for c in h.children if c.dep_ == "dobj"))]


def _fronted_place(noun: Token, ctx: ClaimContext) -> str | None:
    """The place a sentence opens on before who tells the count: "In the Kursk region,
    Russian officials said 12,000 civilians had been evacuated"."""
    saying = next((a for a in noun.ancestors if a.lemma_.lower() in REPORTING_VERBS), None)
    subject = next((c for c in saying.children if c.dep_ == "nsubj"), None) if saying is not None else None
    if subject is None:
        return None
    fronted = [p for p in saying.children if p.dep_ == "prep" and p.lower_ in ("in", "at") and p.i == p.sent.start
               and p.i < subject.i]
    return next((place for p in fronted for o in p.children if o.dep_ == "pobj" and (place := ctx.place_name(o))), None)


def _toll_named(noun: Token, ctx: ClaimContext) -> str | None:
    """The place a toll is named by: "the Gaza death toll rose to 40,005"."""
    return ctx.place_name(noun) if noun.lemma_.lower() == "toll" else None


def _object_place(noun: Token, ctx: ClaimContext) -> str | None:
    """The place a count's verb has as its object: what an attack whose toll is counted struck
    ("Russian missiles hit Kyiv, killing seven people", "seven people died when missiles struck
    Kharkiv"), what the people counted fled ("100,000 people have fled Rafah"); or the place
    named on the incident that did it ("Kabul market blast kills 30"), or on the clause that
    tells where it struck ("the earthquake that hit central Myanmar killed 1,000")."""
    verb = _governing_verb(noun)
    incident = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in INCIDENT_NOUNS), None)
    if incident is not None and (place := ctx.place_name(incident)):
        return place
    verbs = [verb] if verb.lemma_.lower() == "flee" else _strikes(verb)
    if incident is not None:
        told = [c for c in incident.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _STRIKING_VERBS]
        verbs += told
        if place := ctx.place_of(told):  # "the quake that struck off the coast of Japan"
            return place
    return next((place for v in verbs for o in v.children if o.dep_ == "dobj" and (place := ctx.place_name(o))), None)


def dated_by(verb: Token, ctx: ClaimContext) -> Token:
    """The clause whose dates date a count: its verb's own, else those of the strike it follows
    on ("missiles struck Kharkiv on Tuesday and 15 people were killed")."""
    if ctx.reference_time(verb)[0] is not None:
        return verb
    return next(iter(strike_told_before(verb)), verb)


def tells_one_attack(verb: Token) -> bool:
    """Whether the count a verb tells is of one attack: "a strike on a house killed five",
    "killed in the explosion at a market", "jets struck a market, killing 40", "killed when a
    strike hit a tent camp"; not "strikes killed 30 in Gaza City" nor "jets struck Idlib" (a
    place's toll, of which one attack's is a part), nor a quake's or flood's (the whole), nor
    what a crowd stormed."""
    incidents = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    incidents += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    strikes = _strikes(verb)
    # "killed as protesters stormed parliament": a crowd's, the day's toll
    strikes = [s for s in strikes if not any(c.dep_ == "nsubj" and (c.lemma_.lower() in PEOPLE or
                                                                    COUNTED.get(c.lemma_.lower()) == "protesters")
                                             for c in s.children)]
    incidents += [c for s in strikes for c in s.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(i.lemma_.lower() in ATTACK_NOUNS for i in incidents):
        return all(i.tag_ == "NN" for i in incidents if i.lemma_.lower() in ATTACK_NOUNS)
    return any(o.dep_ == "dobj" and o.tag_ == "NN" and o.ent_type_ not in ("GPE", "LOC", "NORP")
               for s in strikes for o in s.children)  # "struck a market", not "struck targets", "hit Idlib"


def _running_total(noun: Token, verb: Token) -> bool:
    """A count since some start: "killed since October 7", "since the war began", "so far",
    "to date", "in total"."""
    for node in (noun, verb):
        for child in node.children:
            if child.lower_ == "since" and child.dep_ in ("prep", "mark"):
                return True
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
                return True
            if child.dep_ == "advmod" and (child.lower_ in ("overall", "altogether") or
                                           child.lower_ == "far" and any(c.lower_ == "so" for c in child.children)):
                return True
            if child.dep_ == "prep" and child.lower_ in ("to", "in") and \
                    any(o.dep_ == "pobj" and o.lower_ in ("date", "total", "all") for o in child.children):
                return True
    return False


#: Incidents that go on, whose toll is a total to date: "the death toll from the war in Gaza".
_ONGOING = frozenset("war fighting battle violence outbreak clash clashes protests conflict".split())


def _total_toll(noun: Token, ctx: ClaimContext) -> bool:
    """Whether a toll is a total to date, not one incident's: one named by a war that goes on
    ("the toll from the fighting in Khartoum"), or by its place ("the death toll in Gaza rose to
    40,005", "the Gaza death toll") in an article that told no single incident before (a quake,
    floods, a blast; not "strikes"). "The death toll from the quake", "the crash toll", a place's
    toll after "Floods swept through Derna", or a bare "the death toll" counts that incident's dead,
    which a count of the dead there meets."""
    if noun.lemma_.lower() != "toll":
        return False
    named = [c for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() != "death"]
    named += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "of", "in")
              for o in p.children if o.dep_ == "pobj" and not o.like_num]
    incidents = [n for n in named if n.lemma_.lower() in INCIDENT_NOUNS or n.lower_ in INCIDENT_NOUNS]
    if incidents:
        return all(_ongoing(n) for n in incidents)
    if not named:
        return False
    told = ctx.incident_before(noun)
    return told is None or _ongoing(told[0]) or told[0].lemma_.lower() in ATTACK_NOUNS and told[0].tag_ != "NN"


def _ongoing(incident: Token) -> bool:
    return incident.lemma_.lower() in _ONGOING or incident.lower_ in _ONGOING


def _misread_clause(noun: Token) -> Token | None:
    """ "61 migrants drowned off Libya on Saturday, the IOM said", parsed as two subjects of
    "said" with "drowned" a participle on the first (or "the IOM said 61 migrants drowned ...",
    the migrants parsed as what was said): that participle is the count's clause."""
    verb = noun.head
    two_subjects = noun.dep_ == "nsubj" and sum(c.dep_ == "nsubj" for c in verb.children) > 1
    said = noun.dep_ == "dobj" and verb.lemma_.lower() in REPORTING_VERBS
    if not (two_subjects or said):
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)


def _governing_verb(token: Token) -> Token:
    """The nearest verb above ``token``: the scope in which its date expressions live (for a
    consequence, the verb it hangs on: "hit the convoy on Monday, killing 12")."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node.head if is_consequence(node) else node


def _is_partitive(number: Span) -> bool:
    """ "300 out of 400 soldiers": neither number is the count of soldiers."""
    doc = number.doc
    before = doc[max(number.start - 2, 0) : number.start].text.lower()
    after = doc[number.end : number.end + 2].text.lower()
    return before == "out of" or after == "out of"


def _is_money(number: Span) -> bool:
    doc = number.doc
    before = doc[number.start - 1] if number.start > 0 else None
    after = doc[number.end] if number.end < len(doc) else None
    return (before is not None and before.tag_ == "$") or (
        after is not None and after.lemma_.lower() in _CURRENCY_WORDS
    )


def _is_ordinal_or_age(number: Span) -> bool:
    after = number.doc[number.end : number.end + 3]
    return any(t.ent_type_ == "ORDINAL" for t in number) or (
        len(after) >= 2 and after[0].lower_ in ("year", "years") and after[1].lower_ == "old"
    )


def _vouched_for(noun: Token, sentence: Span) -> bool:
    """Whether the count is stated as so: not "denied reports that 40 people were killed",
    "a hoax claiming 500 died" or "has not lost 50,000 troops"."""
    reading = read(noun, sentence)
    return reading is not None and reading.polarity == "asserted"


#: Adverbs by which a figure is one given before the story's latest: "officials initially said
#: three people were killed", "the Pentagon said earlier that 3,000 troops had been sent".
_BEFORE_NOW = frozenset("initially originally previously earlier first".split())
#: What a superseded figure's source is called: "initial reports", "preliminary figures".
_EARLY_REPORTS = frozenset("initial early earlier preliminary previous".split())


def _superseded(noun: Token) -> bool:
    """Whether the count is told as an earlier figure ("initially said", "had said",
    "previously reported"): the article tells an update, not a second opinion, when the
    figure has no time of its own or is a toll, which grows ("initially reported 11,000
    troops in early August" keeps its month)."""
    for node in noun.ancestors:
        if any(c.dep_ == "advmod" and c.lower_ in _BEFORE_NOW for c in node.children):
            return True
        if node.lemma_.lower() in REPORTING_VERBS and node.tag_ == "VBN" and \
                any(c.dep_ == "aux" and c.lower_ == "had" for c in node.children):
            return True
    return False


def _is_hypothetical_or_delta(number: Span, noun: Token) -> bool:
    """Counterfactuals ("would have been storming"), questions, and changes ("rose by
    300", "from 200") are not statements of how many there are."""
    node: Token = noun
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in node.children):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    root = number.root
    prep = root.head if root.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("by", "from") and prep.head.lemma_.lower() in _CHANGE_VERBS
