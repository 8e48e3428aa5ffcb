"""Dependency paths: from a token up to the root, and how far up its own clause reaches."""

from __future__ import annotations

from spacy.tokens import Token

#: Hops that stay inside the clause that states an event or a number: "denied [that] the
#: call took place", "denied reports of a call", "confirmed that soldiers were sent".
_CLAUSE_DEPS = frozenset("nsubj nsubjpass dobj ccomp xcomp conj attr pobj acomp oprd".split())

#: Verbs of saying: their subject is the speaker of the clause they govern.
REPORTING_VERBS = frozenset(
    """say tell report state announce claim confirm deny reveal add note insist acknowledge
    assert allege warn write tweet post explain stress emphasize emphasise maintain dismiss reject
    refute admit estimate indicate suggest show declare disclose testify argue contend
    accuse counter rebut dispute concede predict describe""".split()
)
#: Nouns whose clause is their content: "claims that Putin had spoken with Trump".
CONTENT_NOUNS = frozenset(
    "claim report rumor rumour allegation suggestion speculation news story hoax evidence".split()
)
#: Content nouns that hold something no one vouches for: "rumours of his death", "a hoax
#: claiming he had died". What they contain is a claim only when it is called false.
RUMOUR_NOUNS = frozenset("rumor rumour hoax speculation gossip satire prank".split())
#: Modifiers that make any report a rumour: "a fake report claiming ...", "a satirical article".
_FAKE_MODIFIERS = frozenset("fake false bogus satirical fabricated spoof phony phoney hoax".split())
#: Verbs by which reports go round with no one vouching for them: "reports of his capture
#: surfaced on websites close to the group" (not "news of his death spread": news is told).
_CIRCULATING_VERBS = frozenset("surface emerge circulate swirl".split())
_CIRCULATING_NOUNS = frozenset("claim report allegation suggestion".split())


def in_opening_source(token: Token) -> bool:
    """Whether ``token`` is inside the "According to X," a sentence opens with (with X's title
    after it: "According to Dmitry Peskov, the Kremlin spokesman,"): the source, whatever the
    parser made of it ("According to Peskov, Putin and Trump did not meet" read with Peskov
    as the first of three subjects)."""
    sentence = token.sent
    if len(sentence) < 3 or sentence[0].lower_ != "according" or sentence[1].lower_ != "to":
        return False
    commas = [t.i for t in sentence if t.text == ","]
    if not commas or token.i >= commas[-1]:
        return False
    end = commas[0]
    if len(commas) > 1 and token.doc[end + 1].lower_ in ("the", "a", "an") and not any(
            t.pos_ in ("VERB", "AUX") for t in token.doc[end + 1 : commas[1]]):
        end = commas[1]  # ", the Kremlin spokesman,"
    return token.i < end


def noun_source(noun: Token) -> Token | None:
    """Whom a report or claim comes from: "reports from X", "claims by X"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def is_rumour(token: Token) -> bool:
    """A rumour, hoax or fake report: what it says is vouched for by no one. So is what a
    fake outlet puts out: "an article from a fake MSNBC website", "a post on a satirical site"."""
    return _fake(token) or token.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ in ("from", "on", "by") and any(o.dep_ == "pobj" and _fake(o) for o in c.children)
        for c in token.children
    ) or any(c.dep_ == "appos" and _fake(c) for c in token.children)  # "Foxnews.es, a hoax website"


def _fake(token: Token) -> bool:
    """A rumour noun, anything called fake, false, satirical ..., or reports that surfaced."""
    return token.lemma_.lower() in RUMOUR_NOUNS or token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in _FAKE_MODIFIERS for c in token.children
    ) or token.lemma_.lower() in _CIRCULATING_NOUNS and token.dep_ == "nsubj" and \
        token.head.lemma_.lower() in _CIRCULATING_VERBS


def about_rumour(node: Token) -> bool:
    """A clause whose subject or object is a rumour: "a memorial page announcing his death
    sparked the rumours", "the story fuelled speculation"."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and is_rumour(c) for c in node.children)


def path_to_root(token: Token) -> list[Token]:
    """``token``, its head, its head's head, ... up to the sentence root."""
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def clause_path(token: Token) -> tuple[list[Token], list[Token]]:
    """The path to the root split where it leaves the token's clause.

    A hop through an adverbial (other than a consequence: ", killing 12 people"), relative or
    prepositional phrase (other than "of") ends the clause: in "Turkey denied that fighters
    used its territory for the raid" the denial does not reach "raid", and in "officials said
    ahead of the anniversary of the attacks" the officials do not report the attacks. The node
    making the hop is the last one inside.
    """
    path = path_to_root(token)
    for i, node in enumerate(path[:-1]):
        inside = (
            node.dep_ in _CLAUSE_DEPS
            or (node.dep_ == "prep" and (node.lower_ == "of" or _told_about(node) or i > 0 and _carried(path[i - 1])
                                         or range_between(node)))
            or (node.dep_ in ("acl", "relcl") and node.head.lemma_.lower() in CONTENT_NOUNS)
            or ((node.dep_ == "acl" or node.dep_ == "relcl" and any(c.dep_ == "mark" for c in node.children))
                and _carried(node.head))
            or is_consequence(node)
            or is_contrast(node)
        )
        if not inside or (node.dep_ == "pobj" and node.head.lower_ != "of" and not _told_about(node.head)
                          and not _carried(node) and not range_between(node.head)):
            return path[: i + 1], path[i + 1 :]
    return path, []


def range_between(prep: Token) -> bool:
    """ "deployed between 11,000 and 12,000 troops": a range the parser read as a preposition
    of the verb, the counted noun its object."""
    return prep.lower_ == "between" and any(c.dep_ == "pobj" and c.like_num for c in prep.children)


def _told_about(prep: Token) -> bool:
    """ "rumours about his death", "reports regarding the meeting": what a report tells of."""
    return prep.lower_ in ("about", "regarding", "concerning") and prep.head.lemma_.lower() in CONTENT_NOUNS


def is_contrast(node: Token) -> bool:
    """ "X had been wounded, not killed": a negated participle the parser hangs on the verb
    before it as an unlabelled dependent, in that verb's clause."""
    return node.dep_ == "dep" and node.tag_ == "VBN" and any(c.dep_ == "neg" for c in node.children)


def bare_participle(node: Token) -> bool:
    """ "..., killing 12 people", "..., saying ...": an "-ing" clause after the verb it hangs on,
    with no subject, auxiliary or conjunction of its own."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > node.head.i and \
        not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in node.children)


def is_consequence(node: Token) -> bool:
    """ "an airstrike hit the convoy, killing 12 people": a bare participle says what the clause
    it hangs on brought about, in the same voice. A participle of saying ("..., claiming he is
    alive") is a speech of its own."""
    return bare_participle(node) and node.lemma_.lower() not in REPORTING_VERBS


#: The forms a saying takes, as in "said in a statement (an interview) that ...".
_SAYING_FORMS = frozenset(
    "statement interview post tweet message letter briefing communique video speech recording".split()
)


def saying_verb(clause: Token) -> Token:
    """The word whose content ``clause`` is: its head, or for a clause the parser hung on the
    form of a saying ("said in a video that he was alive") the verb of saying past it."""
    if clause.dep_ in ("acl", "relcl") and clause.head.lemma_.lower() in _SAYING_FORMS and _carried(clause.head):
        return clause.head.head.head
    return clause.head


def _carried(node: Token) -> bool:
    """A content noun in a prepositional phrase that carries it to the verb saying what it is
    worth: "dismissed as absurd [reports that ...]", "there is no truth to (in) [reports that ...]",
    "pushed back on (poured cold water on) [reports that ...]"; or the form of a saying whose
    clause the parser hangs on it: "said in a [statement] that X had not been detained"."""
    if node.dep_ == "pobj" and node.lemma_.lower() in _SAYING_FORMS and node.head.lower_ == "in":
        return node.head.head.lemma_.lower() in REPORTING_VERBS
    if node.dep_ != "pobj" or node.lemma_.lower() not in CONTENT_NOUNS:
        return False
    prep, holder = node.head, node.head.head
    return _shifted_object(node) or prep.lower_ in ("to", "in") and holder.lemma_.lower() == "truth" or \
        prep.lower_ in ("on", "against") and pushes_back(holder)


def carrier(node: Token) -> Token:
    """The word a content noun hangs on: its head, or the verb past the preposition that carries
    it ("dismissed as false [reports that ...]": dismissed)."""
    return node.head.head if _carried(node) else node.head


def pushes_back(verb: Token) -> bool:
    """ "pushed back", "poured cold water": a verb whose "on" phrase holds what it denies."""
    lemma, children = verb.lemma_.lower(), list(verb.children)
    return verb.pos_ == "VERB" and (
        lemma == "push" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in children)
        or lemma == "pour" and any(c.dep_ == "dobj" and c.lower_ == "water" for c in children))


def _shifted_object(node: Token) -> bool:
    """ "dismissed as absurd [reports that ...]": a content noun moved after the "as" phrase,
    which the parser takes for the object of "as"; it is the verb's object."""
    return node.dep_ == "pobj" and node.head.lower_ == "as" and node.lemma_.lower() in CONTENT_NOUNS
