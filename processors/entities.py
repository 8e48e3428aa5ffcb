"""Canonical entity names and the per-document entity index.

Canonicalisation folds the surface variants one outlet or another uses for the same party:
demonyms to countries ("North Korean" → North Korea), aliases ("U.S." → United States),
titles ("Gen. Oleksandr Syrskyy" → Oleksandr Syrskyy), a leading "the", a possessive "'s",
and a surname alone to the full name used earlier in the article ("Putin" → Vladimir Putin).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from processors.countries import CAPITALS, COUNTRY_NAMES, DEMONYMS, PLACE_SPELLINGS
from processors.docwords import DocWords
from processors.model import Entity

#: Entity labels kept as named entities (numbers and dates are handled elsewhere).
NAMED_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_TITLES = frozenset(
    """president president-elect vice gen. gen general lt. lt col. col colonel maj. major
    adm. admiral sgt. capt. captain cmdr. commander commander-in-chief prime minister mr. mr
    mrs. mrs ms. ms dr. dr sen. sen senator rep. rep representative gov. gov governor
    secretary chancellor king queen prince princess pope judge justice mayor sir lord dame
    sheikh ayatollah premier chairman chief spokesman spokeswoman spokesperson foreign
    defense defence deputy former leader ambassador marshal""".split()
)
#: Words that only make up a title with another ("Crown Prince", "Prime Minister", "President-elect",
#: "Air Marshal").
_COMPOUND_TITLES = frozenset("crown prime elect air marshal".split())
#: Armed groups by the names outlets give them → one name, so that "ISIS", "ISIL" and "Islamic
#: State" key one party, and "Boko Haram" stays a group when the model tags it as a person.
_GROUP_ALIASES = {
    "Islamic State": ("isis", "isil", "daesh", "islamic state", "islamic state of iraq",
                      "islamic state of iraq and syria", "islamic state of iraq and the levant",
                      "islamic state of iraq and al-sham", "islamic state in iraq", "islamic state in iraq and syria",
                      "islamic state in iraq and the levant", "isis/isil", "isil/isis"),
    "Boko Haram": ("boko haram",),
    "al-Shabaab": ("al-shabaab", "al shabaab", "al-shabab", "al shabab", "shabaab", "shabab"),
    "al-Qaeda": ("al-qaeda", "al qaeda", "al-qaida", "al qaida", "alqaeda"),
    "Hezbollah": ("hezbollah", "hizbollah", "hizballah", "hizbullah"),
    "Hamas": ("hamas",),
    "Taliban": ("taliban",),
    "Houthis": ("houthis", "houthi", "ansar allah"),
}
_GROUPS = {alias: name for name, aliases in _GROUP_ALIASES.items() for alias in aliases}
#: The first words of the group names of more than one token, and the longest such name's length.
_GROUP_STARTS = frozenset(alias.replace("-", " - ").split()[0] for alias in _GROUPS if " " in alias or "-" in alias)
_LONGEST_GROUP = max(len(alias.replace("-", " - ").replace("/", " / ").split()) for alias in _GROUPS)
#: Words that make a name an organisation's, whatever its shape ("Goldman Sachs Group").
_ORG_WORDS = frozenset(
    """inc corp co ltd llc group bank party news times post journal university institute
    council committee agency ministry company association foundation fund league union""".split()
)
#: Nouns before a name that make it a person's ("actor Morgan Freeman").
_PERSON_NOUNS = frozenset("actor actress singer rapper star journalist activist lawyer".split())
#: Nouns that, as the head of "Kursk region", make the proper-noun modifier a place.
PLACE_NOUNS = frozenset(
    """region province oblast city town village district county state area border coast shore outskirts
    outskirt streets street""".split()
)
#: Nouns of a named site that, as the head of "the Nuseirat camp" or "the Hmeimim air base", make
#: the proper-noun modifier a place, unless it is a person's name ("the Trump camp").
SITE_NOUNS = frozenset("camp base airbase".split())
_ADMINISTRATIVE_NOUNS = frozenset({"region", "oblast", "province"})
_LOCATIVE_PREPS = frozenset("in near into outside around inside".split())
#: Nouns of an attack whose "on" names what it struck ("a strike on Rafah").
_ATTACK_NOUNS = frozenset("attack strike airstrike air-strike raid assault bombing shelling offensive".split())
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_SPACES = re.compile(r"\s+")


_EDGE_PUNCT = ",;:\"'“”‘’ "


def clean_surface(text: str) -> str:
    """Whitespace collapsed, a leading "the" and a trailing possessive removed."""
    text = _SPACES.sub(" ", text).strip().strip(_EDGE_PUNCT)
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].strip()  # "Islamic State (Isis" cut by the tagger
    text = _POSSESSIVE.sub("", text).strip(_EDGE_PUNCT)  # "Kim’s ‘" tagged with its quote
    if text.lower().startswith("the "):
        text = text[4:]
    return text


def country_of(text: str) -> str | None:
    """The country a name, alias or demonym denotes ("Russian" → Russia; "the Federal
    Government of Nigeria" → Nigeria, as "the Nigerian government" is), else None."""
    key = clean_surface(text).lower()
    if governed := _GOVERNMENT_OF.match(key):
        key = governed.group(1)
    return COUNTRY_NAMES.get(key) or DEMONYMS.get(key)


_GOVERNMENT_OF = re.compile(r"^(?:the )?(?:federal |national |central )?government of (?:the )?(.+)$")


def is_title(word: str) -> bool:
    """Whether ``word`` is one of the titles ``strip_titles`` removes ("Minister", "Defence")."""
    return word.lower() in _TITLES


def strip_titles(name: str) -> str:
    """Leading titles removed from a person's name ("Gen. Oleksandr Syrskyy" → ...)."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in _TITLES or len(words) > 2 and words[0].lower() in _COMPOUND_TITLES
                              and words[1].lower() in _TITLES | _COMPOUND_TITLES):  # "Air Marshal", "Crown Prince"
        words.pop(0)
    return " ".join(words)


def key_name(name: str | None) -> str:
    """The form used inside claim keys: lower-cased, without diacritics, a place in the spelling
    ``PLACE_SPELLINGS`` gives ("Kiev" → kyiv); "-" for an unknown name."""
    if not name:
        return "-"
    folded = _fold(name)
    return PLACE_SPELLINGS.get(folded, folded).lower()


def _fold(text: str) -> str:
    """``text`` lower-cased, without diacritics ("Erdoğan" → erdogan, "São Paulo" → sao paulo)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


#: Family names written first (Chinese, Korean, Vietnamese, Cambodian naming order): in
#: "Xi Jinping" or "Kim Jong Un" the first word is what other outlets write alone.
_FAMILY_NAMES_FIRST = frozenset(
    """xi hu wen li wang zhang liu chen yang huang zhao wu zhou sun ma zhu jiang deng mao
    kim park lee choi moon yoon jung kang cho han hun nguyen lai tsai""".split()
)
#: A given name written after the family name, hyphenated with a small second part:
#: "Lai Ching-te", "Moon Jae-in", "Kim Jong-un".
_GIVEN_AFTER = re.compile(r"^[A-Z][a-z]+-[a-z]{1,3}$")
#: Transliterations of one Slavic ending: Zelenskyy, Zelenskiy, Zelensky; Syrskyi, Syrsky.
_SLAVIC_ENDING = re.compile(r"(?<=[a-z]{3})(?:yy|yi|iy|ij)$")  # a Polish "-ski" stays as it is
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_NAME_PARTICLES = re.compile(r"^(?:al|el|ad|as|ash|an|ar)-")


def person_key(name: str) -> str:
    """The form of a person's name that survives how outlets write it: the family name,
    lower-cased ("Vladimir Putin", "Putin", "Mr. Putin" → putin; "Xi Jinping", "Xi" → xi;
    "Abdel Fattah al-Sisi", "Sisi" → sisi)."""
    words = [w for w in strip_titles(clean_surface(name)).split() if w.lower() not in _NAME_SUFFIXES]
    return _name_word(family_name(words)) or "-" if words else "-"  # "Abu Bakr al-", cut off


def family_name(words: list[str]) -> str:
    """Which of a name's words is the family name: the last, or the first where it comes first."""
    family_first = words[0].lower() in _FAMILY_NAMES_FIRST or len(words) == 2 and _GIVEN_AFTER.match(words[1])
    return words[0] if family_first and len(words) <= 3 else words[-1]


def _name_word(word: str) -> str:
    """One word of a name as keys compare it: lower-cased, without diacritics ("Erdoğan",
    "Erdogan"), an Arabic article ("al-Sisi") or a transliteration's ending ("Zelenskyy")."""
    return _SLAVIC_ENDING.sub("y", _NAME_PARTICLES.sub("", _fold(word)))


def same_person(a: str, b: str) -> bool:
    """Whether two participant names keyed alike can be one party: "Putin" and "Vladimir
    Putin" can, "Abu Bakr al-Baghdadi" and "Baghdadi" can, "Mohammed Deif" and "Mohammad
    Deif" can (words compared by their consonants: transliterations differ in vowels and
    doubled letters), "Judd Nelson" and "Willie Nelson" cannot (neither's words hold the other's)."""
    def words(name: str) -> set[str]:
        return {_consonants(part) for w in strip_titles(clean_surface(name)).split() if w.lower() not in _NAME_SUFFIXES
                for part in _name_word(w).split("-") if part}  # "Kim Jong-un" as "Kim Jong Un"

    words_a, words_b = words(a), words(b)
    return words_a <= words_b or words_b <= words_a


_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")


def _consonants(word: str) -> str:
    """A folded name word's first letter and its consonants, doubled ones once: "mohammed",
    "muhammad", "mohamed" → mhmd."""
    return _DOUBLED.sub(r"\1", word[:1] + _VOWELS.sub("", word[1:]))


@dataclass
class EntityIndex:
    """The article's entities with canonical names, and token → entity lookups.

    Built once per doc in one pass; ``surnames`` maps a surname to the first full name seen
    so that later bare surnames resolve to it.
    """

    doc: Doc
    entities: list[Entity] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    surnames: dict[str, str] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)
    token_entity: list[int] = field(default_factory=list)
    #: person canonical name → lower-cased title words seen with it ("crown", "prince")
    titles: dict[str, set[str]] = field(default_factory=dict)
    #: surnames the model tags PERSON somewhere in the document
    person_surnames: set[str] = field(default_factory=set)
    #: place canonical name → the country the document puts it in ("Russia's Kursk region")
    within: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, words: DocWords | None = None) -> EntityIndex:
        """The index of ``doc``; ``words`` is ``DocWords.of(doc)`` when the caller has it."""
        words = words or DocWords.of(doc)
        index = cls(doc=doc, token_entity=[-1] * len(doc))
        ents = doc.ents
        index.places = _known_places(doc, ents, words)
        surnames = {clean_surface(e.text).split()[-1] for e in ents
                    if e.label_ == "PERSON" and clean_surface(e.text) and not _holds_possessive(e)}
        # "al-Baghdadi" is "Baghdadi" in a headline
        index.person_surnames = surnames | {bare for s in surnames if (bare := _NAME_PARTICLES.sub("", s)) != s and bare}
        spans = _merged_spans(doc, ents, words, index.places, index.person_surnames)
        # a headline names people by surname before the body gives their full names
        for span in spans:
            name = strip_titles(clean_surface(span.text)) if span.label_ == "PERSON" else ""
            if len(name.split()) > 1 and _GROUPS.get(name.lower()) is None:
                index.surnames.setdefault(name.split()[-1], name)
        for span in spans:
            index._add(span)
        index.within = _places_within(index)
        return index

    def _add(self, span: Span) -> None:
        label = span.label_
        surface = clean_surface(span.text)
        if not surface or not any(c.isalpha() for c in surface):
            return
        group = _GROUPS.get(surface.lower())
        if group is not None:
            label, surface = "ORG", group  # "Boko Haram" tagged PERSON, "ISIL" for "ISIS"
        elif label == "ORG" and (surface in self.surnames or self._person_shaped(surface)):
            label = "PERSON"  # the small model often tags a person ("Freeman", "Morgan Freeman") ORG
        elif label in ("ORG", "GPE") and _after_title(span) and country_of(surface) is None:
            label = "PERSON"  # "Chancellor Olaf Scholz" tagged GPE
        if label == "PERSON":
            canonical = self._person(surface)
            self.titles.setdefault(canonical, set()).update(_title_words(span))
        elif label in PLACE_LABELS or label == "NORP":
            canonical = country_of(surface) or _strip_place_noun(surface)
            canonical = PLACE_SPELLINGS.get(canonical.lower(), canonical)  # "Kiev" → Kyiv
        else:
            canonical = surface
        position = len(self.entities)
        self.entities.append(Entity(span.text, label, canonical, span.start_char, span.end_char))
        self.spans.append(span)
        for i in range(span.start, span.end):
            self.token_entity[i] = position

    def _person(self, surface: str) -> str:
        name = strip_titles(surface)
        words = name.split()
        if len(words) == 1:
            return self.surnames.get(name, name)
        self.surnames.setdefault(family_name(words), name)  # "Putin", "Kim" (of "Kim Jong Un")
        return name

    def _person_shaped(self, surface: str) -> bool:
        """Two or three capitalised words whose last is a surname the model tags PERSON
        elsewhere in the document ("Morgan Freeman" as ORG, "Freeman" as PERSON)."""
        words = surface.split()
        return (
            1 < len(words) <= 3
            and all(w[:1].isupper() and w.isalpha() for w in words)
            and words[-1] in self.person_surnames
            and not _ORG_WORDS & {w.lower() for w in words}
        )

    def entity_at(self, token: Token) -> Entity | None:
        """The entity covering ``token``, if any."""
        position = self.token_entity[token.i]
        return self.entities[position] if position >= 0 else None

    def last_before(self, char: int, labels: frozenset[str]) -> Entity | None:
        """The last entity with one of ``labels`` ending before ``char``."""
        best = None
        for entity, span in zip(self.entities, self.spans):
            if entity.end_char > char:
                break
            if entity.label in labels and not (entity.label == "PERSON" and _named_as_place(span)):
                best = entity
        return best


def _named_as_place(span: Span) -> bool:
    """ "arrested Sonko in Dakar" with Dakar tagged PERSON: a one-word name after "in" (or
    struck by missiles, or fled from) is a place, and no antecedent for "his" or "the governor"."""
    root = span.root
    return len(span) == 1 and (after_place_preposition(root) or object_is_place(root) or
                               root.dep_ == "pobj" and left_from(root.head))


def after_place_preposition(token: Token) -> bool:
    """A name after "in", "near" or "outside": where a one-word name the small model tags as
    a person is most often a place."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "near", "outside")


#: Verbs whose "from" is the place of the people counted: "3,000 were evacuated from Rhodes".
_LEAVING_VERBS = frozenset("evacuate rescue abduct kidnap flee".split())


def left_from(prep: Token) -> bool:
    """ "evacuated from Rhodes", "abducted from a school in Kuriga", "fled from Kherson": where
    people were taken out of is where the count is."""
    return prep.lower_ == "from" and prep.head.lemma_.lower() in _LEAVING_VERBS


#: Arms: what a supply of arms moves, and what strikes when "hit" is an attack.
WEAPONS = frozenset("""weapon ammunition munition missile rocket drone shell artillery tank jet warplane
    howitzer bomb grenade rifle""".split())
#: What strikes when "hit" is an attack: arms, strikes, and the forces that fire them.
STRIKERS = WEAPONS | frozenset("""strike airstrike air-strike attack shelling bombardment barrage salvo
    warship force troop army military""".split())
#: Verbs by which arms or an attack strike what is their object ("missiles struck Kharkiv").
STRUCK_VERBS = frozenset("strike hit shell bomb bombard pound".split())


def object_is_place(token: Token) -> bool:
    """ "missiles struck Kharkiv", "100,000 people fled Rafah": what arms or an attack struck,
    or people fled, is a place, when a one-word name is, whatever the model tagged it as."""
    verb = token.head
    if token.dep_ != "dobj":
        return False
    return verb.lemma_.lower() == "flee" or verb.lemma_.lower() in STRUCK_VERBS and \
        any(c.dep_ == "nsubj" and c.lemma_.lower() in STRIKERS for c in verb.children)


def side_of_name(name: str) -> str | None:
    """The country a seat of government or capital speaks for ("Kremlin" → Russia)."""
    key = clean_surface(name).lower()
    return CAPITALS.get(key)


def _after_title(span: Span) -> bool:
    """Whether a personal title ("Chancellor", "Mr.", "actor") comes right before ``span``."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in _TITLES | _PERSON_NOUNS


def _title_words(span: Span) -> set[str]:
    """Title words inside ``span`` or right before it ("Saudi Crown Prince Mohammed bin
    Salman" → {crown, prince}): what "the crown prince" later refers back with."""
    words: set[str] = set()
    for token in span:
        if token.lower_ not in _TITLES and token.lower_ not in _COMPOUND_TITLES:
            break
        words.add(token.lower_)
    for token in reversed(span.doc[max(span.start - 4, 0) : span.start]):
        if token.text == "-" and not token.whitespace_:
            continue  # "President-elect", split by the tokenizer
        if token.lower_ not in _TITLES | _PERSON_NOUNS | _COMPOUND_TITLES:
            break
        words.add(token.lower_)
    return words


def _strip_place_noun(surface: str) -> str:
    """ "Kursk region" → "Kursk" ("New York City" and "Texas City" keep their "City")."""
    words = surface.split()
    if len(words) > 1 and words[-1].lower() in _ADMINISTRATIVE_NOUNS:
        words = words[:-1]
    return " ".join(words)


def _known_places(doc: Doc, ents: tuple[Span, ...], words: DocWords) -> set[str]:
    """Surface forms the article uses as places: GPE/LOC/FAC entities, and the proper
    noun in "Kursk region" or "in Kursk" even when the model mislabels it."""
    places = {clean_surface(e.text) for e in ents if e.label_ in PLACE_LABELS}
    # the small model calls unfamiliar towns PRODUCT; "in Kursk" says what it is. It calls
    # some ORG or PERSON ("in Herat", "in Khan Younis"): those only when the article never
    # uses the name otherwise ("Hamas said", "in Hamas" stays an organisation)
    located = [e for e in ents if e.root.dep_ == "pobj" and e.root.head.lower_ in _LOCATIVE_PREPS]
    # a product is no person: "troops were moved to Kursk" too
    places |= {clean_surface(e.text) for e in ents if e.label_ == "PRODUCT" and e.root.dep_ == "pobj"
               and e.root.head.lower_ in _LOCATIVE_PREPS | {"to"}}
    struck = [e for e in ents if _struck_name(e)]
    spans = {(e.start, e.end) for e in located + struck}
    elsewhere = {clean_surface(e.text) for e in ents if e.label_ in ("ORG", "PERSON") and (e.start, e.end) not in spans}
    places |= {clean_surface(e.text) for e in located if e.label_ in ("ORG", "PERSON")} - elsewhere
    # "the strike on Rafah" (Rafah tagged PERSON): a one-word "person" an attack struck is the
    # town, unless the article names a person so ("an attack on Trump" after "Donald Trump")
    full_names = {clean_surface(e.text).split()[-1] for e in ents if e.label_ == "PERSON" and len(e) > 1}
    places |= {clean_surface(e.text) for e in struck} - elsewhere - full_names
    # a country's name is a place whatever the model tagged it ("the Nepal earthquake", Nepal as
    # PERSON), unless it is part of a person's name the article gives ("Chad Smith", "Michael Jordan")
    name_words = {w for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in clean_surface(e.text).split()}
    places |= {surface for e in ents if e.label_ not in PLACE_LABELS | {"NORP"}
               and (surface := clean_surface(e.text)).lower() in COUNTRY_NAMES and surface not in name_words}
    for token in (doc[i] for i, lower in enumerate(words.lower) if lower in PLACE_NOUNS):
        if token.pos_ == "NOUN":
            names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names and names[-1].i == token.i - 1:
                places.add(names[-1].text)
    for token in (doc[i] for i, lower in enumerate(words.lower) if lower in SITE_NOUNS):
        site = site_name(token)
        if site is not None and (site.label_ != "PERSON" and clean_surface(site.text) not in full_names
                                 or _named_as_site(token)):
            places.add(clean_surface(site.text))
    return {p for p in places if p}


def site_name(noun: Token) -> Span | None:
    """The name before a site noun: "the Nuseirat camp", "the Nuseirat refugee camp", "the
    Hmeimim air base" → the name's entity (or its one proper noun, when the model tagged none);
    None for a site no name comes before, or a name of people ("the Republican base")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SITE_NOUNS:
        return None
    before = noun.i - 1
    while before >= 0 and noun.doc[before].pos_ == "NOUN" and noun.doc[before].dep_ == "compound":
        before -= 1  # "refugee", "air"
    word = noun.doc[before] if before >= 0 else None
    if word is None or word.pos_ != "PROPN" or word.dep_ not in ("compound", "amod") or \
            not any(t.i == word.i for t in noun.subtree) or word.ent_type_ in ("NORP", "DATE", "CARDINAL"):
        return None
    if word.ent_iob_ in ("B", "I"):
        return next(e for e in noun.doc.ents if e.start <= word.i < e.end)
    return noun.doc[word.i : word.i + 1]


def _named_as_site(noun: Token) -> bool:
    """ "the Nuseirat refugee camp", "the Ain al-Asad air base": a name, even one the model calls
    a person's, with a site's kind between it and the site noun (no one's camp is a "refugee camp")."""
    return noun.i > 0 and noun.doc[noun.i - 1].pos_ == "NOUN" and noun.doc[noun.i - 1].dep_ == "compound"


def _places_within(index: EntityIndex) -> dict[str, str]:
    """Places the document puts in a country: "Russia's Kursk region", "the Russian region of
    Kursk", "the Kursk region of Russia", "Kursk, Russia". A place put in two countries is in
    neither."""
    within: dict[str, str] = {}
    clashing: set[str] = set()
    for entity, span in zip(index.entities, index.spans):
        named_place = span.root.pos_ == "PROPN" and _place_noun_of(span.root) is not None  # "the region of Kursk"
        if entity.label not in PLACE_LABELS and not named_place or country_of(entity.canonical) is not None:
            continue
        country = _country_around(span, index)
        if country is None or country == entity.canonical:
            continue
        if within.setdefault(entity.canonical, country) != country:
            clashing.add(entity.canonical)
    return {place: country for place, country in within.items() if place not in clashing}


def _country_around(span: Span, index: EntityIndex) -> str | None:
    """The country named around a place's name: a possessive or national adjective on the
    place noun it names ("Russia's Kursk region", "the Russian region of Kursk"), that noun's
    "of"/"in" ("the Kursk region of Russia"), or a country after a comma ("Kursk, Russia")."""
    root = span.root
    noun = _place_noun_of(root) or root
    for child in noun.children:
        country = None
        if child.dep_ in ("poss", "amod", "compound") and child.i not in range(span.start, span.end):
            country = country_of(child.text)  # "Russia's", "Russian"
        elif child.dep_ == "prep" and child.lower_ in ("of", "in"):  # not the "of" of the place itself
            country = next((c for o in child.children if o.dep_ == "pobj" and o.i != root.i
                            and (c := country_of(o.text))), None)
        if country is not None:
            return country
    after = span.end
    doc = span.doc
    if after + 1 < len(doc) and doc[after].text == "," and (other := index.entity_at(doc[after + 1])) is not None \
            and other.label in PLACE_LABELS and other.start_char == doc[after + 1].idx \
            and doc[after + 1].dep_ not in ("nsubj", "nsubjpass"):  # not "in Kursk, Ukraine puts ..."
        return country_of(other.canonical)  # "Kursk, Russia"
    return None


def _place_noun_of(name: Token) -> Token | None:
    """The place noun a name names: "the Kursk region", "the region of Kursk"."""
    if name.dep_ == "compound" and name.head.lemma_.lower() in PLACE_NOUNS:
        return name.head
    if name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.lemma_.lower() in PLACE_NOUNS:
        return name.head.head
    return None


def _struck_name(ent: Span) -> bool:
    """ "a strike on Rafah", "the attack against Kherson": a one-word PERSON, untitled, as
    what an attack noun was on."""
    prep = ent.root.head
    return ent.label_ == "PERSON" and len(ent) == 1 and ent.root.dep_ == "pobj" and \
        prep.lower_ in ("on", "against") and prep.head.lemma_.lower() in _ATTACK_NOUNS and not _after_title(ent)


def _merged_spans(
    doc: Doc, ents: tuple[Span, ...], words: DocWords, places: set[str], people: set[str]
) -> list[Span]:
    """Named entities, with model labels fixed for known places (PRODUCT "Kursk" → GPE),
    "Trump-Putin" split in two, and "Kursk" of "Kursk region", a surname tagged PERSON
    elsewhere in the document or a name coordinated with a person added where the model
    missed them."""
    spans = _group_spans(doc, words)  # "Islamic State" whole, where the model tagged "Islamic" alone
    covered = {i for span in spans for i in range(span.start, span.end)}
    for ent in ents:
        if covered.intersection(range(ent.start, ent.end)):
            continue
        surface = clean_surface(ent.text)
        if surface in places and ent.label_ not in PLACE_LABELS and (ent.label_ != "NORP" or _no_people(surface)):
            ent = Span(doc, ent.start, ent.end, label="GPE")  # "the Belgorod region", Belgorod tagged NORP
        if ent.label_ in NAMED_LABELS:
            for part in _name_parts(ent):
                spans += _hyphen_pair(part, people) or [part]
                covered.update(range(part.start, part.end))
    person_tokens = {i for s in spans if s.label_ == "PERSON" for i in range(s.start, s.end)}
    for i, (text, pos) in enumerate(zip(words.text, words.pos)):
        if i in covered or pos != "PROPN" and not (pos == "NOUN" and _misread_surname(doc[i], people)):
            continue
        token = doc[i]
        if text in places or text.lower() in CAPITALS and not text.isupper():  # "Kyiv denied ...", untagged
            spans.append(Span(doc, i, i + 1, label="GPE"))
        elif text in people:  # "Trump spoke with ..." untagged, where "Donald Trump" was tagged
            spans.append(Span(doc, i, i + 1, label="PERSON"))
        elif any(c.dep_ == "conj" and c.i in person_tokens for c in token.children):
            spans.append(Span(doc, i, i + 1, label="PERSON"))  # "Trump and [Putin]" tags only Putin
    spans.sort(key=lambda s: s.start)
    return spans


#: Nouns of what two parties hold together, which a hyphenated pair before them names both of.
_BETWEEN_NOUNS = frozenset("call phonecall meeting summit talks agreement deal accord".split())


def _no_people(surface: str) -> bool:
    """Whether a name the model tagged NORP names no people or creed it knows of."""
    return surface.lower() not in DEMONYMS and country_of(surface) is None


def _misread_surname(token: Token, people: set[str]) -> bool:
    """ "Trump spoke with Putin": the small model tags a capitalised surname common noun at
    the start of a sentence (lemma "trump"); it is the person when the document tags that
    surname PERSON elsewhere and it modifies no noun ("the Rose Garden")."""
    return token.pos_ == "NOUN" and token.text[:1].isupper() and token.text in people and token.dep_ != "compound"


def _group_spans(doc: Doc, words: DocWords) -> list[Span]:
    """The armed groups of more than one word, named by any of their names, as ORG spans."""
    spans: list[Span] = []
    for i, word in enumerate(words.lower):
        if word not in _GROUP_STARTS or spans and i < spans[-1].end:
            continue
        longest = min(_LONGEST_GROUP, len(doc) - i)
        end = next((i + n for n in range(longest, 1, -1) if doc[i : i + n].text.lower() in _GROUPS), None)
        if end is not None:
            spans.append(Span(doc, i, end, label="ORG"))
    return spans


#: What follows a dateline's place, or the agency in brackets after it.
_DASHES = frozenset({"-", "--", "–", "—"})


def is_dateline(token: Token) -> bool:
    """ "BAGHDAD — Three hundred soldiers died ...", "Abuja (AFP) - Nigeria claimed ...": the
    place a report is filed from, which the parser often takes for the sentence's subject: a
    place opening the sentence before a dash or the agency's brackets, or an untagged name
    doing so before brackets or in capitals ("SANAA —")."""
    doc, start, end = token.doc, token.i, token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < len(doc) and (doc[end + 1].ent_iob_ == "I" or doc[end].is_upper and doc[end + 1].is_upper):
        end += 1
    if start != token.sent.start or end + 1 >= len(doc):
        return False
    after = doc[end + 1].text
    if after == "(":  # "Abuja (AFP) -", not "Islamic State (ISIS) claimed"
        closing = next((t.i for t in doc[end + 2 : end + 6] if t.text == ")"), None)
        return closing is not None and closing + 1 < len(doc) and doc[closing + 1].text in _DASHES
    return after in _DASHES and (token.ent_type_ in ("GPE", "LOC") or token.pos_ == "PROPN" and token.is_upper)


def behind_dateline(token: Token) -> Token | None:
    """``token``, or for a dateline the name set beside it ("Abuja (AFP) - Nigeria claimed ...":
    the parser's subject is the dateline, Nigeria its apposition), None if there is none."""
    if not is_dateline(token):
        return token
    return ([c for c in token.children if c.dep_ == "appos"] or [None])[-1]


#: Words no name holds: a span across one is two names the model ran together.
_CLAUSE_WORDS = frozenset({"that", "who", "which", "whom", ","})


def _holds_possessive(ent: Span) -> bool:
    """ "Rapper's Delight": a possessive inside a span, which no person's name has."""
    return any(t.tag_ == "POS" for t in ent[:-1])


def _name_parts(ent: Span) -> list[Span]:
    """``ent`` cut at a clause word or a comma it runs across ("U.S. officials tell [the Associated
    Press that Islamic State] had threatened ...", "sources tell [Variety that Bale] had talks", a
    headline's "40 dead in strike on [Rafah school, health ministry] says"), a person's without the
    verbs it starts with; none for a "person" holding a possessive ("Rapper's Delight" is a song)."""
    if ent.label_ == "PERSON" and _holds_possessive(ent):
        return []
    parts, start = [], ent.start
    while ent.label_ == "PERSON" and start < ent.end - 1 and ent.doc[start].tag_ in ("VBG", "VB", "VBD"):
        start += 1  # "Taking Thomas to eat ...": a verb the model took for a first name
    for token in ent.doc[start : ent.end]:
        if token.text in _CLAUSE_WORDS:  # lower-case: "That" may begin a title
            if token.i > start:
                parts.append(Span(ent.doc, start, token.i, label=ent.label_))
            start = token.i + 1
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return parts


def _hyphen_pair(ent: Span, people: set[str]) -> list[Span]:
    """ "Trump-Putin", "US-China" as two names, when each part is a country or a surname the
    model tags as a person elsewhere in the document, or the pair names who held a call,
    meeting, talks or agreement ("a Trump-Putin call"); "Coca-Cola", "Zehaf-Bibeau" stay one."""
    parts = [t for t in ent if t.text != "-"]
    if len(parts) != 2 or len(ent) != 3 or ent[1].text != "-":
        return []
    between = ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in _BETWEEN_NOUNS
    labels = ["GPE" if country_of(t.text) else "PERSON" if t.text in people or between and t.text[:1].isupper()
              else None for t in parts]
    if None in labels:
        return []
    return [Span(ent.doc, t.i, t.i + 1, label=label) for t, label in zip(parts, labels)]


def untagged_name(head: Token) -> str | None:
    """A person's full name the small model left untagged, as the one an event happens to, its
    subject or a speaker: the capitalised proper nouns ending in ``head`` ("Cesar Millan died",
    "Elon Musk denied ..."; of more than three, the last two: "Dog Whisperer Cesar Millan"), none
    tagged, none an institution's word, no country. One word is no name: "Vine died", "Apple
    fired" name no one."""
    if head.pos_ != "PROPN" or head.ent_type_:
        return None
    doc, start = head.doc, head.i
    # back over the untagged proper nouns, and the titles before them ("Defence Minister", "Defence" tagged ORG)
    while start > 0 and head in doc[start - 1].ancestors and doc[start - 1].pos_ == "PROPN" \
            and (not doc[start - 1].ent_type_ or is_title(doc[start - 1].text)):
        start -= 1
    if start > 0 and head in doc[start - 1].ancestors and doc[start - 1].ent_type_:
        return None  # a tagged word before it: part of a name the model did see
    parts = strip_titles(doc[start : head.i + 1].text).split()
    if len(parts) > 3:
        parts = parts[-2:]  # "Dog Whisperer Cesar Millan": epithets before the name
    if len(parts) < 2 or not all(w.isalpha() and w[0].isupper() and not w.isupper() for w in parts):
        return None
    name = " ".join(parts)
    if INSTITUTION_WORDS.intersection(w.lower() for w in parts) or country_of(name) is not None:
        return None
    return name


#: Words no person's name has: "Islamic State", "Boko Haram group", "Labour Party", "Human Rights Watch".
INSTITUTION_WORDS = frozenset(
    """state states group party army front council ministry department agency company corp inc
    bank university committee union forces police court government office rights watch international
    institute foundation association organization organisation commission network news times""".split())
