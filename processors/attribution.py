"""Who says it: the speaker of a clause, and the side that speaker speaks for.

The speaker is found on the dependency path from the claim's anchor token up to the root:
the subject of the first reporting verb ("X said", "said X", "X, citing officials, reported"),
the agent of a passive report ("first reported by X"), the source of "reports from X", or
"according to X" anywhere in the sentence. "He" and "she" continue the person the text was
about (``_continued_person``); role nouns ("the President", "the ministry", "the paper")
resolve to the nearest earlier compatible named entity.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from processors.clauses import (
    CONTENT_NOUNS, REPORTING_VERBS, bare_participle, carrier, clause_path, in_opening_source, is_rumour, noun_source,
)
from processors.countries import CAPITALS
from processors.docwords import DocWords
from processors.entities import (
    EntityIndex, behind_dateline, clean_surface, country_of, person_key, side_of_name, untagged_name,
)
from processors.model import Entity
from processors.polarity import (
    DENIAL_VERBS, IRREALIS_HEADS, answered, dismissing_phrase, naming_as_false, speaking_participle,
)

#: Reports as nouns: "reports from X indicate", "a statement by X".
REPORT_NOUNS = frozenset("report reports statement statements account accounts".split())
#: How many sentences after its own a quotation may run on to the words that say whose it is.
_QUOTE_SENTENCES = 2
#: Nouns for what an outlet published, whose reporter says what it says.
_STORY_NOUNS = REPORT_NOUNS | frozenset({"story", "article"})
#: Nouns for a case someone puts, whose possessor holds what follows ("his argument that ...").
_POSITION_NOUNS = frozenset("argument assertion contention insistence".split())
#: What is said, not who says it: a report or a story may "say", a claim may not.
_MUTE_CONTENT = CONTENT_NOUNS - {"report", "story", "news"}
#: A department's word the model tags ORG on its own: "Defense officials" are officials of some
#: country's defence department, not an organisation called "Defense".
_DEPARTMENTS = frozenset("defense defence state justice interior treasury health commerce energy".split())
#: Subjects that name no one an editor could ask: "Others have refuted rumours of ...".
_NOBODY_IN_PARTICULAR = frozenset({"other", "others"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
QUOTE_MARKS = frozenset('"“”‘')  # not ’ or ', which are mostly apostrophes
PERSON_ROLES = frozenset(
    """president minister premier chancellor general commander spokesman spokeswoman
    spokesperson leader secretary governor mayor senator ambassador official""".split()
)
_ORG_ROLES = frozenset(
    """ministry paper newspaper agency department institute company group organisation
    organization office outlet network broadcaster daily think-tank bank""".split()
)
#: Bodies of a state, which "the ministry" refers back to only when it names one.
_STATE_ROLES = frozenset("ministry department office".split())
#: People who speak for someone else: "Trump's lawyers", "Netanyahu's office", "his family",
#: "a publicist for the singer" speak for Trump, Netanyahu, him and the singer.
_AGENT_NOUNS = frozenset(
    """lawyer attorney counsel representative rep publicist agent spokesman spokeswoman spokesperson aide
    campaign office party family team camp""".split()
)
#: Things that happen, which may "indicate" or "show" but never speak.
_INCIDENTS = frozenset("attack strike airstrike bombing raid fighting clash violence incident killing shelling".split())
#: Nouns that count a group: the speakers are who they count.
_PARTITIVE_NOUNS = frozenset("number lot couple dozen dozens handful majority minority host score scores".split())
#: Collective speakers that need a named owner ("New York police", "Iraqi authorities").
_GROUP_NOUNS = frozenset(
    "police authorities government military army navy officials force forces intelligence command staff".split()
)
_GOVERNMENT_WORDS = frozenset(
    """ministry government army military force forces embassy office defense defence parliament
    officials official spokesman spokeswoman spokesperson president foreign staff command navy
    intelligence service guard police cabinet""".split()
)
_REPORT_WORDS = REPORTING_VERBS | REPORT_NOUNS
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PARTY_LABELS = frozenset({"ORG", "GPE"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks, and for which party (None for an unnamed source: "two diplomats")."""

    name: str
    side: str | None


#: How many words before a name its titles may reach back: "Nigeria's armed forces chief Air Chief Marshal".
_TITLE_REACH = 8


def affiliations(doc: Doc, index: EntityIndex) -> dict[str, str]:
    """Person → country from the titles before a full mention, or an official's apposition after it.

    "Ukrainian President Volodymyr Zelensky" → Ukraine; "Kremlin spokesman Dmitry Peskov" →
    Russia; "White House spokeswoman Karoline Leavitt" → United States; "Russia's foreign
    minister Sergei Lavrov" → Russia; "Dmitry Peskov, the Kremlin spokesman" → Russia.
    """
    found: dict[str, str] = {}
    for entity, span in zip(index.entities, index.spans):
        if entity.label != "PERSON" or entity.canonical in found:
            continue
        for token in reversed(doc[max(span.start - _TITLE_REACH, 0) : span.start]):
            if token.is_punct and token.text not in ("'s", "’s") or token.pos_ in ("VERB", "AUX") or \
                    token.pos_ == "ADP" and not _in_title(token):
                break
            country = country_of(token.text) or CAPITALS.get(token.lower_)
            if country is None and (neighbour := index.entity_at(token)) is not None:
                country = country_of(neighbour.canonical) or side_of_name(neighbour.canonical)  # "White House"
            if country:
                found[entity.canonical] = country
                break
        if entity.canonical not in found and (country := _official_of(span, index)):
            found[entity.canonical] = country  # "Alex Badeh, Nigeria's top military officer"
    return found


def _in_title(token: Token) -> bool:
    """ "of" inside a capitalised title: "U.S. Secretary of State Mike Pompeo", "Minister of Defence"."""
    doc = token.doc
    return token.lower_ == "of" and 0 < token.i < len(doc) - 1 and \
        doc[token.i - 1].is_title and doc[token.i + 1].is_title


def _official_of(span: Span, index: EntityIndex) -> str | None:
    """The country a person's apposition names them an official of: "Alex Badeh, Nigeria's top
    military officer", "Dmitry Peskov, the Kremlin spokesman", "Maria Zakharova, the spokeswoman
    for Russia's foreign ministry" (not "a British tourist"), or the role they are the apposition
    of: "Nigeria's army chief, Alex Badeh"."""
    head = span.root.head
    if span.root.dep_ == "appos" and head.lemma_.lower() in _OFFICIAL_ROLES and (country := _modifier_country(head)):
        return country
    for role in span.root.children:
        if role.dep_ != "appos" or role.lemma_.lower() not in _OFFICIAL_ROLES:
            continue
        country = _modifier_country(role) or next(  # "Nigeria's ... officer"; "the Kremlin spokesman"
            (seat for c in role.children if c.dep_ == "compound" and (named := index.entity_at(c)) is not None
             and (seat := side_of_name(named.canonical))), None)
        if country:
            return country
        for body in (o for p in role.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                     for o in p.children if o.dep_ == "pobj"):  # "the spokeswoman for Russia's foreign ministry"
            named = index.entity_at(body)
            country = _modifier_country(body) or (named and (country_of(named.canonical) or
                                                             side_of_name(named.canonical)))
            if country:
                return country
    return None


#: Roles whose holder speaks for the country their apposition names: "X, Russia's foreign minister".
_OFFICIAL_ROLES = frozenset("""minister officer spokesman spokeswoman spokesperson chief commander president
    ambassador envoy official general secretary adviser advisor premier""".split())
#: How many words a closing ", X said" may take for X ("the governor of South Kivu").
_TRAILING_SOURCE_WORDS = 8
#: How many words a headline's source may take before its colon ("Ukraine's defence ministry:").
_HEADLINE_SOURCE_WORDS = 5
#: Common nouns that name a body that speaks, before a headline's colon ("Police: ..."), or the
#: unnamed report or sources the outlet passes on ("Report: X arrested", as "X arrested, reports say").
_HEADLINE_BODIES = PERSON_ROLES | _ORG_ROLES | _AGENT_NOUNS | frozenset("police military army government report source".split())


@dataclass
class Attributor:
    """Speaker lookup for one document (holds the entity index and affiliations)."""

    doc: Doc
    index: EntityIndex
    person_sides: dict[str, str]
    named_speakers: list[tuple[int, Entity]]
    #: where the article's title ends in the text (0 without one)
    headline_end: int = 0

    @classmethod
    def for_doc(cls, doc: Doc, index: EntityIndex, words: DocWords, headline_end: int = 0) -> Attributor:
        return cls(doc, index, affiliations(doc, index), _named_speakers(doc, index, words), headline_end)

    def in_headline(self, token: Token) -> bool:
        """Whether ``token`` is in the article's title, which has a shorthand of its own."""
        return token.idx < self.headline_end

    def speaker_of(self, anchor: Token, sentence: Span) -> Speaker | None:
        """The speaker of the clause containing ``anchor``."""
        path = clause_path(anchor)[0]
        if path[-1].dep_ == "acl" and path[-1].head.lemma_.lower() in _POSITION_NOUNS:
            path = [*path, path[-1].head]  # "his argument that the claims are false"
        for node in path:
            denier = carrier(node)
            if node.lemma_.lower() in REPORT_NOUNS and (denier.lemma_.lower() in DENIAL_VERBS or
                                                         dismissing_phrase(denier) or naming_as_false(denier)):
                # "the Kremlin denied (called, dismissed as false) reports by the Post that ...": the Kremlin speaks
                continue
            agent = _reported_agent(node)
            if agent is not None:
                agent = behind_dateline(agent)  # "Abuja (AFP) - Nigeria claimed ...": Nigeria
            if agent is not None and agent.lemma_.lower() in _INCIDENTS:
                continue  # "X said attacks indicated that ...": what happened is evidence, X speaks
            if agent is not None and agent.i != anchor.i:  # "The ceasefire claims ...", "claims" read as a verb
                if is_rumour(agent):
                    return None  # "a hoax claiming that ...", "reported by X, a hoax website": nobody vouches for it
                speaker = self._name(agent)
                if speaker is not None:
                    return speaker
        for token in sentence:
            if token.lower_ == "according":
                source = next((c for c in token.children if c.lower_ == "to"), None)
                objects = [c for c in source.children if c.dep_ == "pobj"] if source is not None else []
                # "According to Peskov, Putin and Trump did not meet", Peskov parsed as a subject
                objects = objects or [t for t in sentence if in_opening_source(t) and t.pos_ in ("PROPN", "NOUN")
                                      and not in_opening_source(t.head)]
                if objects and not is_rumour(objects[0]):  # "according to the latest death hoax"
                    return self._name(objects[0])
        if (answer := answered(anchor)) is not None:
            return self.subject_speaker(answer[0])  # 'Asked whether ..., Peskov replied: "No."'
        return self._quote_closed_later(anchor, sentence) or self._headline_source(anchor, sentence) or \
            self._headline_closing_source(anchor, sentence) or self._closing_source(path[-1], anchor) or \
            self._trailing_source(anchor, sentence) or _reportedly(anchor)

    def _quote_closed_later(self, anchor: Token, sentence: Span) -> Speaker | None:
        """ '"North Korean troops are in Kursk. We have seen them," Zelensky said.': a quotation
        opened before ``anchor`` and closed in one of the next sentences by a closing mark
        that a verb of saying and its subject follow."""
        marks = [t for t in sentence if t.text in QUOTE_MARKS]
        if len([t for t in marks if t.i < anchor.i]) % 2 == 0 or any(t.i > anchor.i for t in marks):
            return None  # not inside a quotation, or one that closes in this sentence
        end = sentence.end
        for _ in range(_QUOTE_SENTENCES):
            if end >= len(self.doc):
                return None
            following = self.doc[end].sent
            closing = next((t for t in following if t.text in QUOTE_MARKS), None)
            if closing is not None:
                if not closes_quotation(closing):
                    return None  # the mark opens a quotation of its own ('He called it "nonsense"')
                verb = following.root
                subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > closing.i]
                saying = verb.lemma_.lower() in REPORTING_VERBS and verb.i > closing.i
                return self._name(subjects[0]) if saying and subjects else None
            end = following.end
        return None

    def subject_speaker(self, verb: Token) -> Speaker | None:
        """The speaker named by the verb's subject: "Menendez called the allegations ...",
        "Ukraine put the number of troops at 12,000"; of two, the one after the verb ("Shekau alive,
        says new video")."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return self._name(subjects[-1]) if subjects else None

    def _headline_source(self, anchor: Token, sentence: Span) -> Speaker | None:
        """ "Kremlin: Putin not dead", "Pentagon: North Korean troops in Russia": a headline
        whose first words, before a colon, name who says the rest."""
        if not self.in_headline(anchor):
            return None
        colon = next((t for t in sentence[:_HEADLINE_SOURCE_WORDS + 1] if t.text == ":"), None)
        if colon is None or colon.i == 0 or anchor.i < colon.i:
            return None
        source = sentence.doc[colon.i - 1]
        entity = self.index.entity_at(source)
        named = entity is not None and entity.label in _SPEAKER_LABELS
        # a party or a body that speaks; not a kicker ("Exclusive:", "Live updates:", "Opinion:")
        return self._name(source) if named or source.lemma_.lower() in _HEADLINE_BODIES else None

    def _closing_source(self, top: Token, anchor: Token) -> Speaker | None:
        """ "Trump spoke with Putin on Thursday, the Washington Post reported on Sunday": a
        closing ", X said" the parser hung on the clause it reports (``top``, the top of the
        anchor's clause) instead of the other way round; or as a conjunct of it ("Umerov has not
        resigned and remains minister, a spokesman said")."""
        for verb in top.children:
            if verb.dep_ not in ("ccomp", "parataxis", "conj") or verb.i < anchor.i or \
                    verb.lemma_.lower() not in SPEAKING_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
            if subjects and _after_comma(subjects[0]):
                return self._name(subjects[0])
        # "Tom Jones has died, a celebrity news site reported on Tuesday": the closing subject
        # parsed as the clause's object (or as an apposition of the object: "has sacked army chief
        # Kenneth Minimah, local media reported"), and its verb of saying as a clause of it
        closing = [n for c in top.children if c.dep_ in ("dobj", "npadvmod", "appos")
                   for n in (c, *(a for a in c.children if a.dep_ == "appos"))]
        for noun in closing:
            if noun.i > anchor.i and _after_comma(noun) and any(_closing_acl(c) for c in noun.children):
                return self._name(noun)
        return None

    def _trailing_source(self, anchor: Token, sentence: Span) -> Speaker | None:
        """ "A ferry capsized on Lake Kivu, killing at least 78 people, the governor of South Kivu
        said.": a sentence that closes on ", X said" (or ", X said, as ...") is said on X's word
        however the parser hung X (here an apposition of "people", and "ferry" the subject of "said")."""
        root = sentence.root
        # what may follow the verb: ", as mediators resumed talks" (a clause of its own, after a comma)
        aside = {t.i for c in root.children if c.dep_ == "advcl" and c.i > root.i and _after_comma(c.left_edge)
                 for t in c.subtree}
        if root.lemma_.lower() not in REPORTING_VERBS or root.i < anchor.i or \
                any(t.i > root.i and not (t.is_punct or t.is_space) and t.i not in aside for t in sentence):
            return None
        comma = next((t for t in reversed(sentence[: root.i - sentence.start]) if t.text == ","), None)
        if comma is None or comma.i < anchor.i or not 0 < root.i - comma.i - 1 <= _TRAILING_SOURCE_WORDS:
            return None
        return self._name(self.doc[comma.i + 1 : root.i].root)

    def _headline_closing_source(self, anchor: Token, sentence: Span) -> Speaker | None:
        """ "Putin, Trump held phone call, Washington Post reports": a headline that closes on
        ", X says" says the rest on X's word, however the parse hung the rest on it."""
        root = sentence.root
        if not self.in_headline(anchor):
            return None
        if root.lemma_.lower() not in REPORTING_VERBS and sentence.end < len(self.doc):
            # "At least 40 dead in strike on Rafah, health ministry says", cut in two at the comma
            sentence = self.doc[sentence.end].sent
            root = sentence.root
            if sentence[0].text != "," or not self.in_headline(root):
                return None
        if root.lemma_.lower() not in REPORTING_VERBS or root.i < anchor.i:
            return None
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.left_edge.i > anchor.i]
        closing = [t for t in sentence if t.i > root.i and not (t.is_punct or t.is_space)]
        return self._name(subjects[0]) if subjects and _after_comma(subjects[0]) and not closing else None

    def _name(self, token: Token) -> Speaker | None:
        """The speaker a subject/agent token denotes, following "reports from X",
        "a spokesperson for X", pronouns and role nouns."""
        entity = self.index.entity_at(token)
        if entity is not None and entity.label in _SPEAKER_LABELS:
            return self._speaker(entity.canonical, entity.label, token)
        lemma = token.lemma_.lower()
        if lemma in _PARTITIVE_NOUNS or token.pos_ == "NUM":  # "a number of other women", "two of his aides"
            members = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if o.dep_ == "pobj"]
            if members:
                return self._name(members[0])
        principal = self._principal(token) if lemma in _AGENT_NOUNS else None
        if principal is not None:
            return principal
        if lemma in _STORY_NOUNS:  # "the story, first reported by TMZ, claimed ...": TMZ's
            reporters = [o for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in REPORTING_VERBS
                         for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if reporters and (reporter := self._name(reporters[0])) is not None:
                return reporter
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"] if lemma in REPORT_NOUNS else []
        if owners and (owner := self._name(owners[0])) is not None:
            return owner  # "the Kremlin's statement said ...": the Kremlin's
        for child in token.children:
            named = self.index.entity_at(child)
            if child.dep_ in ("compound", "appos", "nmod") and named is not None and named.label in ("PERSON", "ORG") \
                    and not (child.dep_ == "compound" and (_former(token) or named.canonical.lower() in _DEPARTMENTS)):
                return self._speaker(named.canonical, named.label, child)  # "the newspaper Al-Sabah"
            if child.dep_ == "prep" and child.lower_ in ("from", "for", "of", "by", "at"):
                inner = [c for c in child.children if c.dep_ == "pobj"]
                if inner and (lemma in REPORT_NOUNS or lemma in PERSON_ROLES or lemma in _ORG_ROLES
                              or lemma in _AGENT_NOUNS):
                    return self._name(inner[0])
        if lemma in _PERSON_PRONOUNS or lemma == "his":  # "his argument that ..."
            return self._nearest(token, frozenset({"PERSON"}))
        grouped = lemma in PERSON_ROLES | _ORG_ROLES | _GROUP_NOUNS or _state_media(token)
        group = self._group(token) if grouped else None
        if group is not None and _state_media(token):
            return Speaker(_with_modifiers(token), group.side)  # "North Korean state media": North Korea's
        referent = None
        definite = _is_definite(token) or self._bare_in_headline(token)
        if lemma in PERSON_ROLES and definite:
            referent = self._nearest(token, frozenset({"PERSON"}))
        elif lemma in _ORG_ROLES and definite:
            referent = self._nearest(token, frozenset({"ORG"}))
            if referent is not None and lemma in _STATE_ROLES and referent.side == referent.name.lower() and \
                    not _GOVERNMENT_WORDS & set(referent.name.lower().split()):
                referent = None  # "the defence ministry" is no "Vuhledar" (a town tagged ORG) before it
        # "the Russian defence ministry" names its own country: an earlier organisation is
        # what it refers to only when it speaks for that country too
        if referent is not None and (group is None or referent.side == group.side):
            return referent
        if group is None and entity is None and token.pos_ in ("PROPN", "ADJ") and token.dep_ == "nsubj":
            country = self._owner(token)
            if country:  # "Kyiv estimates", whatever the model tagged Kyiv as
                return Speaker(token.text, country.lower())
        if entity is None and (name := untagged_name(token)) is not None:
            return self._speaker(name, "PERSON", token)  # "Elon Musk denied ...", the model tagging nothing
        return group or _unnamed(token)

    def _bare_in_headline(self, token: Token) -> bool:
        """ "Israel says it killed Karaki; group denies": a headline drops the article its body
        would give ("the group")."""
        return self.in_headline(token) and token.tag_ == "NN" and not any(c.dep_ in ("det", "poss")
                                                                          for c in token.children)

    def _principal(self, token: Token) -> Speaker | None:
        """Whom a lawyer or spokesman speaks for: "Trump's lawyers", "his publicist"."""
        for child in token.children:
            if child.dep_ != "poss":
                continue
            if child.lower_ in ("his", "her"):
                return self._nearest(child, frozenset({"PERSON"}))
            if child.lower_ == "its":
                return self._nearest(child, _PARTY_LABELS)
            if self.index.entity_at(child) is not None:
                return self._name(child)
        return None

    def _group(self, token: Token) -> Speaker | None:
        """ "U.S. and Ukrainian officials", "Russia's foreign ministry", "New York police":
        a group named by the places or organisations before it, which are also its side."""
        owners = sorted({o for t in token.subtree if t.i < token.i and (o := self._owner(t))})
        if not owners:
            return None
        name = f"{' and '.join(owners)} {token.lower_}"
        return Speaker(name, "+".join(o.lower() for o in owners))

    def _owner(self, token: Token) -> str | None:
        entity = self.index.entity_at(token)
        if entity is None:
            return country_of(token.text) or CAPITALS.get(token.lower_)
        if entity.label in ("GPE", "NORP", "ORG") and entity.canonical.lower() not in _DEPARTMENTS:
            return country_of(entity.canonical) or CAPITALS.get(entity.canonical.lower()) or entity.canonical
        return None

    def antecedent(self, token: Token) -> Entity | None:
        """The person "he"/"she"/"the actor" at ``token`` most likely refers to, or for
        "it"/"its" the country or organisation."""
        labels = _PARTY_LABELS if token.lower_ in ("it", "its") else frozenset({"PERSON"})
        return self._antecedent(token, labels)

    def _nearest(self, token: Token, labels: frozenset[str]) -> Speaker | None:
        entity = self._antecedent(token, labels)
        return self._speaker(entity.canonical, entity.label, token) if entity is not None else None

    def _antecedent(self, token: Token, labels: frozenset[str]) -> Entity | None:
        """For "he"/"she"/"his", the person the text was last about (``_continued_person``);
        else the latest earlier speaker with one of ``labels``, else the latest such entity."""
        if token.lower_ in _CONTINUING_PRONOUNS and labels == frozenset({"PERSON"}):
            decided, person = _continued_person(token, self.index)
            if decided:
                return person
        if token.lower_ in ("it", "its") and (party := _reporting_party(token, self.index)) is not None:
            return party
        entity = None
        for char, speaker in self.named_speakers:
            if char >= token.idx:
                break
            if speaker.label in labels:
                entity = speaker
        return entity or self.index.last_before(token.idx, labels)

    def _speaker(self, name: str, label: str, token: Token) -> Speaker:
        return Speaker(name, self._side(name, label, token).lower())

    def _side(self, name: str, label: str, token: Token) -> str:
        seat = side_of_name(name)
        if seat:
            return seat
        if label in ("GPE", "NORP"):
            return country_of(name) or name
        if label == "PERSON":  # a person for no one else is their own side, "Peskov" as "Dmitry Peskov"
            # "Kyrylo Budanov, Ukraine's military intelligence chief", the model tagging no Budanov
            return self.person_sides.get(name) or _modifier_country(token) or \
                _official_of(token.doc[token.i : token.i + 1], self.index) or person_key(name)
        if label == "ORG" and _GOVERNMENT_WORDS & set(name.lower().split()):
            for word in clean_surface(name).split():
                country = country_of(word)
                if country:
                    return country
            return _modifier_country(token) or name  # "Russia's [defence ministry]"
        return name


#: Pronouns that continue the person a text is about.
_CONTINUING_PRONOUNS = _PERSON_PRONOUNS | {"his"}
#: How many sentences back ``_continued_person`` looks.
_CONTINUATION_REACH = 3
#: "He said", "he added": the speaker goes on ("he denied" may be anyone the text is about).
SPEAKING_VERBS = REPORTING_VERBS - DENIAL_VERBS
#: Nouns of one person, named or not: "the archbishop said ... He also dismissed ...".
_UNNAMED_PEOPLE = PERSON_ROLES | frozenset(
    """man woman boy girl child actor actress singer rapper star player coach manager owner founder
    chairman chairwoman chief director executive officer detective sheriff judge prosecutor lawyer
    attorney doctor nurse teacher student journalist reporter correspondent writer author witness victim
    suspect gunman attacker soldier fighter militant priest bishop archbishop cardinal pope imam cleric
    rabbi nun monk king queen prince princess father mother son daughter wife husband brother sister
    friend neighbour neighbor resident worker employee activist customer client passenger driver
    pilot patient fan""".split()
)


def said_by_agent(token: Token) -> bool:
    """Whether the nearest verb of saying or denying above ``token`` has a lawyer, publicist or
    spokesman for its subject ("Banksy's publicist said the artist ...", "Putin's spokesman dismissed
    reports that the president ..."): one who speaks for someone else."""
    subject = next((c for a in token.ancestors if a.lemma_.lower() in REPORTING_VERBS | DENIAL_VERBS
                    for c in a.children if c.dep_ == "nsubj"), None)  # past "reports" that has none
    return subject is not None and subject.lemma_.lower() in _AGENT_NOUNS


def closes_quotation(mark: Token) -> bool:
    """Whether a quotation mark closes a quotation: a right one, or one after punctuation
    ('... killed him," X added'; not 'He called it "nonsense"')."""
    return mark.text == "”" or mark.i > 0 and mark.doc[mark.i - 1].text in (",", ".", "?", "!")


def _closing_acl(verb: Token) -> bool:
    """A verb of saying hung on the noun before it that says nothing of its own, and closes the
    sentence but for a participle ("reported on Tuesday" in ", a news site reported on Tuesday,
    citing a friend.")."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in SPEAKING_VERBS and verb.i > verb.head.i and \
        not any(c.dep_ in ("dobj", "ccomp", "agent", "nsubj", "nsubjpass", "xcomp") for c in verb.children) and \
        all(t.is_punct or any(a.tag_ == "VBG" and a.dep_ == "advcl" for a in (t, *t.ancestors))
            for t in verb.doc[verb.right_edge.i + 1 : verb.sent.end])


def _after_comma(subject: Token) -> bool:
    """Whether a comma comes right before ``subject``'s phrase: ", the Washington Post reported"."""
    start = subject.left_edge.i
    return start > 0 and subject.doc[start - 1].text == ","


def _continued_person(pronoun: Token, index: EntityIndex) -> tuple[bool, Entity | None]:
    """The person a "he"/"she" continues: the subject of the latest main clause, before the
    pronoun, whose subject is a person (else its object), looking back up to three sentences.

    A sentence-initial "He denied the accusation" after "BBC correspondent Lucy Manning says
    Emwazi is 27 ... Emwazi then flew to Amsterdam, where agents accused him ..." is Emwazi,
    the subject the text went on about, not the reporter quoted paragraphs before. A subject
    that is itself "he"/"she" continues further back; an unnamed person ("the local archbishop
    said ...") is who "He also dismissed ..." means, and has no name: ``(True, None)``.
    ``(False, None)``, undecided, when no sentence in reach has a person as a main subject or object.
    """
    sentence = pronoun.sent
    # "..., a senior official told Reuters. He said ...": who goes on speaking is the speaker
    speaking = pronoun.dep_ == "nsubj" and pronoun.head.lemma_.lower() in SPEAKING_VERBS
    for _ in range(_CONTINUATION_REACH + 1):
        for n, verb in enumerate(_main_verbs(sentence, speaking)):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i < pronoun.i:
                entity = index.entity_at(subject) or next(  # "his sister, Lucy Somers, told AP"
                    (e for c in subject.children if c.dep_ == "appos" and (e := index.entity_at(c))), None) or next(
                    # a headline's "Paul Manafort strikes deal ...", its verb read as a noun the name qualifies
                    (e for c in subject.children if c.dep_ == "compound" and (e := index.entity_at(c))
                     and e.label == "PERSON"), None)
                person = _as_person(entity, index) if entity is not None else None
                if person is not None:
                    return True, person
                if subject.lower_ in ("he", "she"):
                    break  # a continuation itself: its person is named further back
                if entity is None and subject.tag_ == "NN" and subject.lemma_.lower() in _UNNAMED_PEOPLE and \
                        (subject.text.islower() or subject.i == sentence.start):  # not "The Hollywood Reporter"
                    return True, _named_as(verb, subject, index)  # "the local archbishop said ...": someone, unnamed
            # with no person as its subject, the first clause is about its object ("Police arrested John Jones")
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < pronoun.i] if n == 0 else []
            entity = index.entity_at(objects[0]) if objects else None
            if entity is not None and entity.label == "PERSON":
                return True, entity
        if sentence.start == 0:
            break
        sentence = sentence.doc[sentence.start - 1].sent
    return False, None


def _reporting_party(pronoun: Token, index: EntityIndex) -> Entity | None:
    """ "The Nigerian government said it had reached a ceasefire": "it" in what a party
    reports is that party, named by the reporting verb's subject or the country or
    organisation that qualifies it."""
    node = pronoun
    while node.head.i != node.i and node.lemma_.lower() not in REPORTING_VERBS:
        node = node.head
    subject = next((c for c in node.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
    if node.lemma_.lower() not in REPORTING_VERBS or subject is None:
        return None
    for token in (subject, *(c for c in subject.children if c.dep_ in ("amod", "compound", "poss"))):
        entity = index.entity_at(token)
        if entity is not None and entity.label in ("ORG", "GPE", "NORP"):
            return entity
    return None


def _as_person(entity: Entity, index: EntityIndex) -> Entity | None:
    """``entity`` if a person, or the person of the same name the model tagged as one elsewhere
    in the article ("Emwazi" tagged NORP in one sentence, "Mohammed Emwazi" PERSON in another)."""
    if entity.label == "PERSON":
        return entity
    key = person_key(entity.canonical)
    return next((e for e in index.entities if e.label == "PERSON" and person_key(e.canonical) == key
                 and len(e.canonical.split()) > 1), None)  # a full name, not one more mistagged word


def _named_as(verb: Token, subject: Token, index: EntityIndex) -> Entity | None:
    """The person a clause names its subject as: "The woman was identified as Saja al-Dulaimi",
    "a customer identified as Conal claims ..."."""
    named = [verb, *(c for c in subject.children if c.dep_ == "acl")]
    for prep in (p for n in named for p in n.children):
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for obj in prep.children:
                entity = index.entity_at(obj) if obj.dep_ == "pobj" else None
                if entity is not None and entity.label == "PERSON":
                    return entity
    return None


def _main_verbs(sentence: Span, speaking: bool) -> list[Token]:
    """A sentence's root and the verbs of its main clauses (conjoined, or reported by it),
    what is reported first when the attribution trails it without quotes ("B was charged
    with fraud, police said": the text is about B, not the police) unless the pronoun is
    ``speaking`` ("He added ...")."""
    root = sentence.root
    clauses = [c for c in root.children if c.dep_ in ("conj", "ccomp") and c.pos_ in ("VERB", "AUX")]
    trailing = [c for c in clauses if c.dep_ == "ccomp" and c.i < root.i]
    if trailing and not speaking and root.lemma_.lower() in REPORTING_VERBS and \
            not any(t.text in QUOTE_MARKS for t in sentence):
        return [*trailing, root, *(c for c in clauses if c not in trailing)]
    return [root, *clauses]


def _named_speakers(doc: Doc, index: EntityIndex, words: DocWords) -> list[tuple[int, Entity]]:
    """(offset, entity) of every named subject of a reporting verb or report noun, in order:
    the antecedents that "he", "the President" or "the paper" refer back to."""
    found = []
    for i in words.with_lemma(0, len(doc), _REPORT_WORDS):
        agent = _reported_agent(doc[i])
        entity = index.entity_at(agent) if agent is not None else None
        if entity is not None and entity.label in ("PERSON", "ORG"):
            found.append((agent.idx, entity))
    return found


def _reported_agent(node: Token) -> Token | None:
    """The subject or agent of ``node`` if it is a reporting verb or a report noun,
    and of a passive reporting participle attached to it ("X, first reported by Y")."""
    if node.pos_ in ("VERB", "AUX") and (node.lemma_.lower() in REPORTING_VERBS or dismissing_phrase(node)
                                         or naming_as_false(node)):
        subject = _subject(node)
        if subject is not None:
            return subject
    if node.lemma_.lower() in REPORT_NOUNS and (source := noun_source(node)) is not None:
        return source
    if node.lemma_.lower() in _POSITION_NOUNS:  # "his argument that the claims are ...": his
        return next((c for c in node.children if c.dep_ == "poss"), None)
    for child in node.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in REPORTING_VERBS:
            agent = _subject(child)
            if agent is not None:
                return agent
    if node.dep_ == "acl" and node.lemma_.lower() in REPORTING_VERBS and node.head.pos_ == "NOUN":
        return node.head  # "a post announcing his death", "a rumour claiming he had died"
    return None


def _subject(verb: Token) -> Token | None:
    """nsubj of ``verb`` (or of the verb it is coordinated with), or the passive agent, or
    the noun phrase between a comma and the verb that the parser hung elsewhere."""
    found = _parsed_subject(verb)
    if found is not None:
        return found
    # "... a ceasefire in Gaza, Qatar's foreign ministry said": "ministry" parsed as Gaza's appos;
    # "..., the Syrian Observatory for Human Rights said": the phrase ends right before the verb
    if verb.i <= verb.sent.start:
        return None
    phrase = verb.doc[verb.i - 1]
    while phrase.dep_ not in ("appos", "conj") and phrase.head.i < verb.i and phrase.head.i != phrase.i:
        phrase = phrase.head
    if phrase.pos_ in ("NOUN", "PROPN") and phrase.dep_ in ("appos", "conj") and phrase.right_edge.i == verb.i - 1:
        edge = phrase.left_edge.i
        if edge > 0 and verb.doc[edge - 1].text == ",":
            return phrase
    return None


def _parsed_subject(verb: Token) -> Token | None:
    # "X said ... and denied", "X took to social media to deny", "X was quick to deny",
    # "X dismissed the report, saying ...", "X appeared in a video, saying ...", "X has been forced to confirm"
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    infinitive = to and (verb.dep_ == "advcl" or verb.dep_ == "xcomp" and verb.head.dep_ == "acomp")
    head = verb.head.head if infinitive and verb.head.dep_ == "acomp" else verb.head  # "was quick to"
    # a participle of saying with no subject of its own is its head's: of any head with a named
    # subject ("Shekau appeared in a video, saying ..."), of others only on a verb of saying ("they
    # have lied that our pilot is alive, claiming he is alive": neither "they" nor the pilot say it)
    speaking = speaking_participle(verb) or bare_participle(verb) and head.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in head.children)
    if speaking and verb.head.lemma_.lower() == "quote":
        # "X quoted YPG fighters familiar with the situation, saying that ...": the fighters say it
        return next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if to and verb.dep_ == "xcomp" and head.lemma_.lower() not in IRREALIS_HEADS and \
            not any(c.dep_ == "nsubj" for c in head.children):  # not "is expected to say"
        passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return passive  # "Judd Nelson has been forced to confirm that he is alive": Nelson confirms
    for candidate in (verb, head if verb.dep_ == "conj" or infinitive or speaking else None):
        if candidate is None:
            continue
        subjects = [c for c in candidate.children if c.dep_ == "nsubj"]
        if subjects:
            # "Origins: an online rumor claimed ...": a heading parsed as a second subject
            return next((s for s in subjects if is_rumour(s)), subjects[-1])
        for child in candidate.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


#: Outlets of a state's own ("North Korean state media", "Pyongyang's state news agency").
_MEDIA = frozenset("medium media tv television broadcaster agency newspaper".split())
_STATE_RUN = frozenset("state state-run state-owned state-controlled".split())


def _state_media(token: Token) -> bool:
    """ "North Korean state media", "Russian state TV", "Pyongyang's state news agency": a
    state's own outlet, which speaks for the state it is named by (``Attributor._group``)."""
    return token.lemma_.lower() in _MEDIA and any(
        t.lower_ in _STATE_RUN for t in token.subtree if t.i < token.i)


def _reportedly(anchor: Token) -> Speaker | None:
    """ "X was reportedly killed in an airstrike": the unnamed reports the outlet passes on (a
    hedged claim, "reportedly" being a hedge), as "X was killed, reports say"."""
    for node in (anchor, *anchor.ancestors):
        if any(c.dep_ == "advmod" and c.lower_ == "reportedly" for c in node.children):
            return Speaker("reports", None)
        if node.dep_ not in ("conj", "xcomp", "ccomp"):
            return None
    return None


def _unnamed(token: Token) -> Speaker | None:
    """An unnamed source ("two diplomats familiar with the talks", "opposition websites",
    "police"): attributed, but speaking for no known side."""
    if token.pos_ not in ("NOUN", "PROPN") or is_rumour(token):
        return None  # "according to a death hoax": a rumour is no source
    if token.lemma_.lower() in _MUTE_CONTENT or token.lower_ in _NOBODY_IN_PARTICULAR:
        return None  # "claims" as the subject of "denied": a misparse, claims say nothing
    return Speaker(_with_modifiers(token), None)


def _with_modifiers(token: Token) -> str:
    """A noun with the words before it that modify it, and theirs: "North Korean state media",
    "IS-affiliated websites"."""
    first = min((c.left_edge.i for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i),
                default=token.i)
    return token.doc[first : token.i + 1].text


def _former(token: Token) -> bool:
    """ "a former PGA Tour player": no longer one of the organisation, so not its voice."""
    return any(c.dep_ == "amod" and c.lower_ in ("former", "ex") for c in token.children)


def _is_definite(token: Token) -> bool:
    return token.pos_ == "PRON" or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _modifier_country(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss"):
            country = country_of(child.text) or CAPITALS.get(child.lower_)
            if country:
                return country
    return None
