"""What quantity and event extraction share for one document: the entity index, the
speaker lookup, place and date resolution, and the ``Claim`` builder."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from processors.attribution import Attributor, Speaker
from processors.countries import COUNTRY_NAMES, DEMONYMS
from processors.docwords import DocWords
from processors.entities import (
    INSTITUTION_WORDS, PLACE_NOUNS, EntityIndex, after_place_preposition, country_of, key_name, left_from,
    object_is_place, site_name,
)
from processors.model import Article, Claim, ClaimKind, Entity, Polarity
from processors.timeexpr import default_range, resolve

#: Prepositions that put something somewhere ("troops in Kursk", "sent to the region"), or
#: in an event that happened somewhere ("arrested during protests in Tehran").
PLACE_PREPS = frozenset("in into to near at inside across within around on off during amid through over".split())
#: How many nested place phrases to look through: "in [an airstrike] on [a market] in Idlib".
_PLACE_DEPTH = 3
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_COUNTRY_NOUNS = frozenset({"country", "nation"})
#: Incidents whose "in X" is where they happened ("the floods in Valencia").
INCIDENT_NOUNS = frozenset("""flood flooding earthquake quake blast explosion bombing attack strike airstrike
    shooting fighting clash clashes protest protests rally march riot fire wildfire storm battle war violence
    crash collapse landslide eruption outbreak""".split())
#: Incident nouns that name the same kind of incident, by the one that stands for them.
_INCIDENT_KINDS = {
    **dict.fromkeys("earthquake quake".split(), "quake"),
    **dict.fromkeys("blast explosion bombing attack strike airstrike shooting".split(), "attack"),
    **dict.fromkeys("flood flooding".split(), "flood"),
    **dict.fromkeys("fire wildfire".split(), "fire"),
    **dict.fromkeys("protest protests rally march".split(), "protest"),
    **dict.fromkeys("clash clashes fighting battle".split(), "clash"),
}
#: Incident nouns for an attack, of which a place may see several in a day.
ATTACK_NOUNS = frozenset(noun for noun, kind in _INCIDENT_KINDS.items() if kind == "attack")
#: Verbs that tell an incident of a kind, as an antecedent ("thousands protested in Tbilisi").
_INCIDENT_VERBS = {**dict.fromkeys("protest rally march demonstrate".split(), "protest"), "explode": "attack"}
#: Nouns that point back at an incident with "the": the incidents, and "the crowd" (a protest's).
_POINTING_BACK = INCIDENT_NOUNS | {"crowd"}
#: Incidents nobody does, so a country named before them is where they struck ("the Morocco quake").
_NATURAL_KINDS = frozenset({"quake", "flood", "fire"})
#: The kinds of incident whose dead "the death toll" counts.
_DEADLY_KINDS = frozenset({"quake", "attack", "flood", "fire", "clash"})
#: Verbs by which an incident hits the place named as their object ("the quake struck Turkey").
_HITTING_VERBS = frozenset("strike hit rock shake devastate ravage flood".split())
#: Nouns whose "for"/"of" names the place fought over ("the battle for Avdiivka").
_CONTESTED_NOUNS = frozenset("battle fight fighting siege defence defense capture fall".split())


def quantity_key(holder: str | None, measure: str, place: str | None) -> str:
    """``quantity|<holder>|<measure>|<place>`` (``-`` for an unknown part): the README's format."""
    return f"quantity|{key_name(holder)}|{measure}|{key_name(place)}"


def event_key(predicate: str, participant_keys: Iterable[str]) -> str:
    """``event|<predicate>|<participant keys joined by +>``, keys in the order given (sorted)."""
    return f"event|{predicate}|{'+'.join(participant_keys)}"


def participant_keys(key: str) -> list[str]:
    """The participant keys of an ``event_key``, in its order."""
    return key.split("|", 2)[2].split("+")


def claim_id(article_id: str, kind: str, start: int, end: int, key: str) -> str:
    """Deterministic id: a replayed article yields the same ids."""
    return hashlib.sha1(f"{article_id}|{kind}|{start}|{end}|{key}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ClaimParts:
    """The kind-specific parts of a claim; ``ClaimContext.build`` adds the rest."""

    kind: ClaimKind
    key: str
    predicate: str
    anchor: Token
    span: tuple[int, int]
    speaker: Speaker | None
    subject: str | None = None
    place: str | None = None
    value_low: float | None = None
    value_high: float | None = None
    unit: str | None = None
    polarity: Polarity = "asserted"
    hedged: bool = False
    participants: tuple[str, ...] = ()
    date_scope: Token | None = None
    one_attack: bool = False
    #: an undated denial of any time before publication, as its reference text: "never" ("had never
    #: met", "denied ever meeting"), "until now" ("X is alive": one dies once)
    reach_back: str | None = None


#: The reference texts of undated denials that reach back (``ClaimParts.reach_back``).
_REACHING_BACK = frozenset({"never", "until now"})


def dates_the_event(ref_text: str | None) -> bool:
    """Whether a claim's reference text is a date of the event it tells: not "never", "until now"
    or "since Monday", which bound a denial's reach."""
    return ref_text is not None and ref_text not in _REACHING_BACK and not ref_text.startswith("since ")


#: How far back "never" reaches: all the past a story can be about.
_NEVER_REACH = timedelta(days=100 * 365)


def event_parts(predicate: str, participants: Iterable[tuple[str, str]], *, anchor: Token, cue: Token,
                speaker: Speaker | None, polarity: Polarity, hedged: bool, date_scope: Token,
                place: str | None = None, reach_back: str | None = None) -> ClaimParts:
    """The parts of an event claim: keyed by ``predicate`` and the participants' key forms
    (``participants`` are sorted (key form, display name) pairs), its span the polarity cue;
    ``place`` is where the event is said to be, when that is not part of its key. A denied
    death reaches back "until now" when undated ("X is alive", "denied that X had died"): one
    dies once, so it denies a death at any time before."""
    pairs = tuple(participants)
    if predicate == "death" and polarity == "denied" and reach_back is None:
        reach_back = "until now"
    return ClaimParts(
        kind="event",
        key=event_key(predicate, (key for key, _ in pairs)),
        predicate=predicate,
        anchor=anchor,
        span=(cue.idx, cue.idx + len(cue.text)),
        speaker=speaker,
        polarity=polarity,
        hedged=hedged,
        participants=tuple(name for _, name in pairs),
        date_scope=date_scope,
        place=place,
        reach_back=reach_back,
    )


@dataclass
class ClaimContext:
    """Per-document state for claim extraction."""

    doc: Doc
    article: Article
    words: DocWords
    index: EntityIndex
    attributor: Attributor

    @classmethod
    def for_doc(cls, doc: Doc, article: Article) -> ClaimContext:
        words = DocWords.of(doc)
        index = EntityIndex.build(doc, words)
        return cls(doc, article, words, index, Attributor.for_doc(doc, index, words, len(article.title)))

    def cues(self, sentence: Span, lemmas: frozenset[str]) -> list[Token]:
        """The tokens of ``sentence`` whose lemma is one of ``lemmas``: the only ones a
        cue-triggered extractor needs to look at."""
        doc = self.doc
        return [doc[i] for i in self.words.with_lemma(sentence.start, sentence.end, lemmas)]

    def build(self, parts: ClaimParts, sentence: Span) -> Claim:
        text = self.article.text
        start, end = self.sentence_bounds(sentence)
        ref_text, (ref_start, ref_end) = self.reference_time(
            parts.date_scope or parts.anchor, since=parts.kind == "event" and parts.polarity == "denied")
        if parts.reach_back and ref_text is None:  # "X had never met Y": at no time before publication
            ref_text, ref_start, ref_end = parts.reach_back, self.article.published_at - _NEVER_REACH, \
                self.article.published_at
        return Claim(
            claim_id=claim_id(self.article.id, parts.kind, parts.span[0], parts.span[1], parts.key),
            key=parts.key,
            kind=parts.kind,
            article_id=self.article.id,
            source=self.article.source,
            speaker=parts.speaker.name if parts.speaker else None,
            side=parts.speaker.side if parts.speaker else None,
            subject=parts.subject,
            predicate=parts.predicate,
            place=parts.place,
            sentence=text[start:end],
            sentence_start=start,
            sentence_end=end,
            span_start=parts.span[0],
            span_end=parts.span[1],
            span_text=text[parts.span[0] : parts.span[1]],
            ref_start=ref_start,
            ref_end=ref_end,
            ref_text=ref_text,
            published_at=self.article.published_at,
            value_low=parts.value_low,
            value_high=parts.value_high,
            unit=parts.unit,
            polarity=parts.polarity,
            hedged=parts.hedged,
            participants=parts.participants,
            place_country=self.index.within.get(parts.place) if parts.place else None,
            one_attack=parts.one_attack,
        )

    def sentence_bounds(self, sentence: Span) -> tuple[int, int]:
        """``sentence``'s offsets in the article text, trailing whitespace left out."""
        text, start, end = self.article.text, sentence.start_char, sentence.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def reference_time(self, scope: Token, *, since: bool = False) -> tuple[str | None, tuple[datetime, datetime]]:
        """The first resolvable date expression inside ``scope``'s subtree, else the day
        before publication. "since October 7" is where a running total starts, not when
        the claim is about: such a claim is about the day it is reported; with ``since``
        (a denied event: "have not spoken since Monday") it is the time from then to
        publication, when no other date is given. A date inside a
        clause that describes a participant dates that clause, not the claim ("Salman, widow
        of the gunman who opened fire in 2016, was found not guilty", "agreed to free the
        girls kidnapped in April"); one that describes the event itself dates it ("the
        attack, which took place on Monday")."""
        published = self.article.published_at
        left, right = scope.left_edge.i, scope.right_edge.i
        ents = list(scope.sent.ents)
        start_of_span: tuple[str, tuple[datetime, datetime]] | None = None
        for ent, after in zip(ents, ents[1:] + [None]):
            if ent.label_ not in ("DATE", "TIME") or not left <= ent.start or not ent.end - 1 <= right or \
                    _describes_participant(ent.root, scope):
                continue
            if ent.start > 0 and self.doc[ent.start - 1].lower_ == "since" or ent.text.lower().startswith("since"):
                interval = resolve(ent.text, published) if since and start_of_span is None else None
                if interval is not None and interval[0] <= published:
                    start_of_span = f"since {ent.text.removeprefix('since ')}", (interval[0], published)
                continue
            span = _bounded_by_two(ent, after)
            interval = resolve(span.text, published)
            if interval is not None:
                return span.text, interval
        if start_of_span is not None:
            return start_of_span
        if (when := self._when_date(scope)) is not None:
            return when
        if scope.dep_ == "pcomp" and scope.head.lower_ == "by" and scope.head.head.pos_ == "VERB":
            return self.reference_time(scope.head.head)  # "sparked outrage in April by abducting 219 girls"
        return None, default_range(published)

    def _when_date(self, verb: Token) -> tuple[str, tuple[datetime, datetime]] | None:
        """The date a "when" clause hangs on: "on Oct. 7, when Hamas-led militants attacked
        Israel", "In February 2022, when Russia invaded Ukraine" (the date right before it)."""
        when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < verb.i), None)
        if when is None or when.i < 2:
            return None
        before = self.doc[when.i - 2] if self.doc[when.i - 1].text == "," else self.doc[when.i - 1]
        date = next((e for e in verb.sent.ents if e.label_ == "DATE" and e.end - 1 == before.i), None)
        interval = resolve(date.text, self.article.published_at) if date is not None else None
        return (date.text, interval) if interval is not None else None

    def place_of(self, tokens: list[Token]) -> str | None:
        """The place named by a place preposition attached to any of ``tokens``, or nested
        in such a phrase ("killed in an airstrike on a market in Idlib"), or on a preposition the
        parser took for a particle ("capsized off Libya")."""
        for token in tokens:
            frontier = [token]
            for _ in range(_PLACE_DEPTH):
                objects = [
                    obj
                    for node in frontier
                    for carrier in _with_participle_objects(node)
                    for prep in carrier.children
                    if prep.dep_ in ("prep", "dative", "prt") and (prep.lower_ in PLACE_PREPS or left_from(prep))
                    or _by_incident(prep) or _over_a_time(prep)
                    for obj in prep.children
                    if obj.dep_ == "pobj"
                ]
                for obj in objects:
                    place = self.place_name(obj)
                    if place:
                        return place
                frontier = objects
            if _points_back(token):
                # "the quake killed 50,000", "the death toll rose to 44,218": where the quake was
                place = self._incident_place(token)
                if place:
                    return place
        return None

    def place_name(self, token: Token) -> str | None:
        """ "Kursk", "Russia's Kursk region", "the region of Kursk", "the Kursk offensive" →
        Kursk; "the region" → the last place named before that is not a country; "the
        country" → the last country."""
        entity = self.index.entity_at(token)
        if entity is not None and entity.label in _PLACE_LABELS and entity.text.lower() not in DEMONYMS:
            return entity.canonical  # not "killed in Ukrainian shelling", "Ukrainian" misread as a place
        if entity is not None and any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in token.children):
            return entity.canonical  # "in Gava, a hilly town" whatever the model tagged Gava as
        if entity is not None and _misread_place(token, entity):
            return entity.canonical
        if entity is None and (untagged := _untagged_place(token, self.index)) is not None:
            return untagged
        if entity is None and token.pos_ == "NOUN":  # "in the Kabul blast"; "a U.S. airstrike" names
            natural = _INCIDENT_KINDS.get(token.lemma_.lower()) in _NATURAL_KINDS  # its attacker, not where it
            for child in token.children:  # struck; "the Morocco quake" has no attacker
                inner = self.index.entity_at(child) if child.dep_ == "compound" else None
                if inner is not None and inner.label in _PLACE_LABELS and \
                        (natural or inner.canonical.lower() not in COUNTRY_NAMES):
                    return inner.canonical
                if natural and inner is not None and inner.label == "PERSON" and " " not in inner.canonical:
                    return inner.canonical  # "the Valencia floods", the model tagging Valencia a person
        lemma = token.lemma_.lower()
        if lemma in PLACE_NOUNS:
            for child in token.children:
                named = [child] if child.dep_ == "compound" else []
                if child.dep_ == "prep" and child.lower_ == "of":  # "the village of Shaffa"
                    named = [c for c in child.children if c.dep_ == "pobj"]
                for name in named:
                    inner = self.index.entity_at(name)
                    # "the town of Kidal" says Kidal is a place whatever the model tagged it
                    of_name = child.dep_ == "prep" and name.pos_ == "PROPN"
                    if inner is not None and (inner.label in _PLACE_LABELS or of_name):
                        return inner.canonical
            if _is_bare_definite(token):
                return self._last_place(token.idx, countries=False)
        if (site := site_name(token)) is not None:  # "the Nuseirat camp", "the Hmeimim air base"
            inner = self.index.entity_at(site.root)
            if inner is not None and inner.label in _PLACE_LABELS:
                return inner.canonical
        if lemma in _CONTESTED_NOUNS:  # "the battle for Avdiivka", whatever the model tagged it
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
                    for name in prep.children:
                        inner = self.index.entity_at(name)
                        if name.dep_ == "pobj" and name.pos_ == "PROPN" and inner is not None:
                            return inner.canonical
        if lemma in _COUNTRY_NOUNS and _is_bare_definite(token):
            return self._last_place(token.idx, countries=True)
        if lemma in _POINTING_BACK and _is_bare_definite(token):
            return self._incident_place(token)
        return None

    def _incident_place(self, token: Token) -> str | None:
        """The place of the incident ``token`` points back at (``incident_before``)."""
        found = self.incident_before(token)
        return found[1] if found else None

    def pointed_incident(self, tokens: list[Token]) -> Token | None:
        """The earlier mention of the incident that one of ``tokens``, or the object of a place
        phrase on one, points back at: "the crowd", "the death toll", "killed in the quake"."""
        for token in tokens:
            for candidate in (token, *(o for p in token.children if p.dep_ == "prep" for o in p.children
                                       if o.dep_ == "pobj")):
                if _points_back(candidate) and (found := self.incident_before(candidate)) is not None:
                    return found[0]
        return None

    def incident_before(self, token: Token) -> tuple[Token, str] | None:
        """ "killed in the quake" after "An earthquake struck southern Turkey": the place of the
        latest earlier sentence's mention of the same kind of incident (for "the death toll",
        of any deadly kind) that names one, on the noun ("the blast in Kabul") or on the verb it
        is the subject or object of ("the quake struck Turkey"), or on a verb that tells it
        ("thousands protested in Tbilisi" for "the crowd", "the rally"; "a bomb exploded in
        Kabul" for "the blast"), or named with it ("the Morocco quake"): that mention and its place."""
        lemma = token.lemma_.lower()
        kind = "protest" if lemma == "crowd" else _INCIDENT_KINDS.get(lemma, lemma)
        kinds = _DEADLY_KINDS if lemma == "toll" else {kind}
        for earlier in reversed(self.doc[: token.sent.start]):
            said = earlier.lemma_.lower()
            if (_INCIDENT_KINDS.get(said, said) if earlier.pos_ == "NOUN" else
                    _INCIDENT_VERBS.get(said) if earlier.pos_ == "VERB" else None) not in kinds:
                continue
            anchors = [earlier, earlier.head] if earlier.dep_ in ("nsubj", "nsubjpass", "dobj") else [earlier]
            hit = earlier.dep_ == "nsubj" and earlier.head.lemma_.lower() in _HITTING_VERBS
            struck = [c for c in earlier.head.children if hit and c.dep_ == "dobj"]  # "hit a building in Jabalia"
            place = self.place_of(anchors) or next((name for c in struck if (name := self.place_name(c))), None) \
                or self.place_of(struck) or (self.place_name(earlier) if earlier.pos_ == "NOUN" else None)
            if place and self._only_a_place(place):
                return earlier, place
        return None

    def _only_a_place(self, name: str) -> bool:
        """Whether ``name`` is tagged as a place and is no person's name ("Godane", tagged a
        place once among four mentions as a person)."""
        entities = self.index.entities
        return any(e.canonical == name and e.label in _PLACE_LABELS for e in entities) and not any(
            e.label == "PERSON" and e.canonical.split()[-1] == name for e in entities)

    def _last_place(self, char: int, *, countries: bool) -> str | None:
        best = None
        for entity in self.index.entities:
            if entity.end_char > char:
                break
            if entity.label in _PLACE_LABELS and (entity.canonical.lower() in COUNTRY_NAMES) == countries:
                best = entity.canonical
        return best

    def country_modifiers(self, token: Token) -> set[str]:
        """Countries (or organisations) named by the modifiers of a noun:
        "Russian and North Korean forces" → {Russia, North Korea}; "Ukraine's forces" →
        {Ukraine}; "Hamas fighters" → {Hamas}."""
        holders: set[str] = set()
        for child in token.children:
            if child.dep_ not in ("amod", "compound", "poss", "nmod", "npadvmod"):
                continue
            for member in [child, *(c for c in child.children if c.dep_ == "conj")]:
                holder = self.holder_name(member)
                if holder:
                    holders.add(holder)
        return holders

    def holder_name(self, token: Token) -> str | None:
        """A country or organisation that a token names, canonical."""
        entity = self.index.entity_at(token)
        if entity is not None and entity.label in ("GPE", "NORP", "ORG"):
            return country_of(entity.canonical) or entity.canonical
        return country_of(token.text) if token.pos_ in ("ADJ", "PROPN") else None


def _with_participle_objects(node: Token) -> list[Token]:
    """``node`` and the participle clause on it with its object: "a strike on a school
    sheltering families in Deir al-Balah" is in Deir al-Balah, however the parser hung "in";
    and what it hit: "a strike that hit a school in Gaza City" is in Gaza City."""
    carriers = [node]
    for clause in node.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBG" or \
                clause.dep_ == "relcl" and clause.lemma_.lower() in _HITTING_VERBS:
            carriers += [clause, *(o for o in clause.children if o.dep_ == "dobj")]
    return carriers


def _describes_participant(token: Token, scope: Token) -> bool:
    """Whether ``token`` sits in a clause or an apposition that describes something below
    ``scope`` (not ``scope`` itself), or in a bare date on a noun below it ("the schoolgirls
    whose abduction last spring ...", "last spring" parsed on "schoolgirls")."""
    while token.i != scope.i and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl", "appos") and token.head.i != scope.i:
            return True
        if token.dep_ == "npadvmod" and token.head.pos_ == "NOUN" and token.head.i != scope.i:
            return True
        token = token.head
    return False


def _by_incident(prep: Token) -> bool:
    """ "destroyed by the fire in Maui", "dead after the blast in Kabul", "the death toll from the
    quake": the incident that did it leads to its place."""
    return prep.dep_ in ("agent", "prep") and prep.lower_ in ("by", "after", "following", "from") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in INCIDENT_NOUNS for o in prep.children)


def _misread_place(token: Token, entity: Entity) -> bool:
    """ "killed in Valencia", "the floods in Valencia" with Valencia tagged as a person: a
    one-word name that is where something happened (never "confidence in Musk"), or that
    missiles struck or people fled ("missiles struck Kharkiv", "fled Rafah"); what people were
    evacuated from, whatever the model tagged it as."""
    if token.dep_ == "pobj" and token.pos_ == "PROPN" and left_from(token.head):
        return True
    if entity.label != "PERSON" or " " in entity.canonical:
        return False
    if object_is_place(token):
        return True
    if not after_place_preposition(token):
        return False
    prep = token.head
    if prep.head.i == prep.i:
        return False
    return prep.head.pos_ == "VERB" or prep.head.lemma_.lower() in INCIDENT_NOUNS


def _over_a_time(prep: Token) -> bool:
    """ "killed over the past three days in Kursk": a time phrase the model hangs the place on."""
    return prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def _points_back(token: Token) -> bool:
    """ "the quake", "the crowd", "the death toll": a mention of an incident told before."""
    return token.lemma_.lower() in _POINTING_BACK and _is_bare_definite(token) or _bare_toll(token)


def _bare_toll(token: Token) -> bool:
    """ "the death toll", "the toll": an incident's toll that names neither incident nor place."""
    children = list(token.children)
    return token.lemma_.lower() == "toll" and any(c.dep_ == "det" and c.lower_ == "the" for c in children) and \
        all(c.dep_ == "det" or c.dep_ in ("compound", "amod") and c.lower_ in ("death", "official") for c in children)


def _is_bare_definite(token: Token) -> bool:
    """ "the region" with no name attached, so it points back to an earlier place; a day's
    ("Friday's earthquake") points back as "the" does."""
    children = list(token.children)
    dated = [c for c in children if c.dep_ == "poss" and c.ent_type_ == "DATE"]
    return (bool(dated) or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children)) and not any(
        c.dep_ in ("compound", "poss", "prep", "amod") and c not in dated for c in children
    )


#: Capitalised words after "in" that name no place: times, bodies and faiths.
_NO_PLACE_WORDS = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday congress parliament senate house assembly islam christianity
    judaism christ god heaven hell""".split()
)


def _untagged_place(token: Token, index: EntityIndex) -> str | None:
    """ "killed in Kharkiv this morning", the model tagging no Kharkiv: an untagged proper noun
    (with the untagged proper nouns before it: "in Kryvyi Rih") as the object of "in", "near" or
    "outside", no time, body or faith, and no word of a name the article gives someone or something."""
    if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ != "pobj" or \
            token.head.lower_ not in ("in", "near", "outside"):
        return None
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head.i == token.i and \
            token.doc[start - 1].pos_ == "PROPN" and not token.doc[start - 1].ent_type_:
        start -= 1
    words = [t.text for t in token.doc[start : token.i + 1]]
    if not all(w.isalpha() and w[0].isupper() and not w.isupper() for w in words):
        return None
    lowered = {w.lower() for w in words}
    if lowered & (_NO_PLACE_WORDS | INSTITUTION_WORDS) or " ".join(lowered) in DEMONYMS:
        return None
    named = {w for e in index.entities if e.label in ("PERSON", "ORG", "NORP") for w in key_name(e.canonical).split()}
    return None if {key_name(w) for w in words} & named else " ".join(words)


def _bounded_by_two(date: Span, after: Span | None) -> Span:
    """ "between August 12 and August 18", "from Monday to Wednesday" as one span, however the
    model cut it into dates; else ``date``."""
    doc = date.doc
    opening = date.start - 1 if date.start > 0 and doc[date.start - 1].lower_ in ("between", "from") else date.start
    if after is None or after.label_ != "DATE" or doc[opening].lower_ not in ("between", "from"):
        return date
    gap = [t.lower_ for t in doc[date.end : after.start]] or [doc[date.end - 1].lower_]
    return doc[opening : after.end] if gap in (["and"], ["to"], ["until"], ["through"]) else date
