"""Claim extraction: the seed article's acceptance cases and targeted behaviours."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from processors.extraction import extract
from processors.model import Article, Claim

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed-kursk-newstrack.txt"
PUBLISHED = datetime(2024, 11, 9, 12, tzinfo=timezone.utc)


def article(body: str, title: str = "", article_id: str = "a1") -> Article:
    return Article(id=article_id, source="outlet", body=body, title=title, published_at=PUBLISHED)


def claims_of(nlp, art: Article) -> list[Claim]:  # type: ignore[no-untyped-def]
    return extract(nlp(art.text), art)[1]


def one(claims: list[Claim], **expected: object) -> Claim:
    found = [c for c in claims if all(getattr(c, k) == v for k, v in expected.items())]
    assert len(found) == 1, f"{expected} matched {[(c.key, c.speaker, c.polarity) for c in claims]}"
    return found[0]


@pytest.fixture(scope="module")
def seed_claims(nlp) -> list[Claim]:  # type: ignore[no-untyped-def]
    if not SEED.exists():
        pytest.skip("shared/ corpus not available")
    title, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    return claims_of(nlp, article(body.strip(), title.strip(), "seed"))


class TestSeedArticle:
    def test_kremlin_denies_the_call_the_post_reports(self, seed_claims: list[Claim]) -> None:
        key = "event|call|putin+trump"  # people keyed by family name, shown in full
        denial = one(seed_claims, key=key, polarity="denied")
        assertion = one(seed_claims, key=key, polarity="asserted")
        assert (denial.speaker, denial.side) == ("Kremlin", "russia")
        assert denial.participants == ("Vladimir Putin", "Donald Trump")  # in key order
        assert assertion.speaker == "Washington Post" and assertion.hedged
        assert assertion.ref_text == "Thursday"
        assert assertion.ref_start.date().isoformat() == "2024-11-07"

    def test_troop_numbers_in_kursk_at_two_times(self, seed_claims: list[Claim]) -> None:
        key = "quantity|russia|troops|kursk"
        zelensky = one(seed_claims, key=key, speaker="Volodymyr Zelensky")
        isw = one(seed_claims, key=key, speaker="Institute for the Study of War")
        assert zelensky.value_low == zelensky.value_high == 50000
        assert zelensky.side == "ukraine"
        assert zelensky.ref_start <= PUBLISHED <= zelensky.ref_end
        assert isw.value_low == isw.value_high == 11000
        assert isw.ref_text == "early August"
        assert isw.ref_end < zelensky.ref_start  # early August is disjoint from November

    def test_north_korean_troops_confirmed_and_not_denied(self, seed_claims: list[Claim]) -> None:
        key = "event|deployment|north korea"
        confirmed = one(seed_claims, key=key, polarity="asserted", side="ukraine+united states")
        moscow = one(seed_claims, key=key, polarity="noncommittal")
        assert (moscow.speaker, moscow.side) == ("Moscow", "russia")
        assert confirmed.speaker == "Ukraine and United States officials"
        count = one(seed_claims, key="quantity|north korea|troops|kursk")
        assert (count.value_low, count.value_high) == (10000, None)  # "over 10,000", "the region"

    def test_offsets_point_into_the_article_text(self, seed_claims: list[Claim]) -> None:
        title, body = SEED.read_text(encoding="utf-8").split("\n", 1)
        text = article(body.strip(), title.strip()).text
        for claim in seed_claims:
            assert text[claim.span_start : claim.span_end] == claim.span_text
            assert text[claim.sentence_start : claim.sentence_end] == claim.sentence

    def test_hypothetical_numbers_are_not_claims(self, seed_claims: list[Claim]) -> None:
        assert not [c for c in seed_claims if "would have been storming" in c.sentence]


def test_claim_ids_are_deterministic(nlp) -> None:  # type: ignore[no-untyped-def]
    art = article("Officials said 300 Russian troops were in Kursk.")
    first, second = claims_of(nlp, art), claims_of(nlp, art)
    assert [c.claim_id for c in first] == [c.claim_id for c in second]
    assert all(len(c.claim_id) == 16 for c in first)


@pytest.mark.parametrize(
    ("body", "key", "low", "high"),
    [
        ("The ministry said about 2,000 Ukrainian soldiers were stationed in Donetsk.",
         "quantity|ukraine|troops|donetsk", 1800, 2200),
        ("At least 30 people were killed in Gaza, the health ministry said.", "quantity|-|killed|gaza", 30, None),
        ("Reports from Reuters indicate that thousands of Russian servicemen are in Belgorod.",
         "quantity|russia|troops|belgorod", 2000, 9999),
        # a region's name the model tags as a people (NORP) is the region
        ("Russia said it shot down 12 Ukrainian drones over the Belgorod region on Monday.",
         "quantity|ukraine|drones lost|belgorod", 12, 12),
        ("At least 30 people were hospitalised in Izmir on Monday after a chemical leak, the governor said.",
         "quantity|-|hospitalised|izmir", 30, None),
        ("At least 50 pupils fell ill in Patna on Monday after eating a school lunch, police said.",
         "quantity|-|sickened|patna", 50, None),
        ("About 40 people became ill in Patna on Monday, a doctor said.", "quantity|-|sickened|patna", 36, 44),
    ],
)
def test_quantity_keys_and_bounds(nlp, body: str, key: str, low: float, high: float | None) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert claim.key == key
    assert claim.value_low == pytest.approx(low)
    assert claim.value_high == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the place said once for two conjoined counts is the place of both
        ("At least 37 people were killed and more than 100 wounded in the blast in Kabul, police said.",
         [("quantity|-|injured|kabul", 100, None), ("quantity|-|killed|kabul", 37, None)]),
        # not the place of a clause about something else
        ("Twelve people were killed, and the army later raided a village in Kabul, officials said.", []),
        # the incident's "when" clause, which the model hangs on the last of the counts
        ("At least 25 people died and dozens were injured when a bus plunged into a ravine in Ayacucho on "
         "Monday, police said.", [("quantity|-|killed|ayacucho", 25, None)]),
    ],
)
def test_conjoined_counts_share_their_place(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    found = [(c.key, c.value_low, c.value_high) for c in claims_of(nlp, article(body)) if c.kind == "quantity"]
    assert sorted(found) == expected


def test_an_organisation_named_outside_in_phrases_stays_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Hamas said on Monday that 40 of its fighters were killed. Support in Hamas for the truce is falling."
    assert all(c.place != "Hamas" for c in claims_of(nlp, article(body)))


def test_different_holders_and_places_get_different_keys(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Kyiv said 20,000 Ukrainian troops were fighting in Donetsk. "
            "Moscow said 30,000 Russian troops were deployed in Kursk.")
    keys = {c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"}
    assert keys == {"quantity|ukraine|troops|donetsk", "quantity|russia|troops|kursk"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("President-elect Donald Trump urged Vladimir Putin not to escalate the war, the Post reported. "
         "The call took place on Thursday.", [("event|call|putin+trump", "asserted")]),
        # spoken with, and no call anywhere: perhaps in person
        ("President-elect Donald Trump urged Vladimir Putin not to escalate the war, the Post reported.", []),
    ],
)
def test_a_headlines_spoke_with_over_a_story_of_the_call(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body, "Trump spoke with Putin, sources say") == expected


def test_a_count_said_in_a_statement_is_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Gaza's health ministry said in a statement that 40 people were killed in Rafah."
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.key, claim.speaker) == ("quantity|-|killed|rafah", "health ministry")


@pytest.mark.parametrize(
    "body",
    [
        "The company reported revenue of $50 million in Kursk.",
        "He turned 50 in 2022 in Moscow.",
        "Two soldiers were run over in Quebec on Monday.",  # an incident, not a count
        "Without Ukraine's forces, 5,000 Russian troops would have been storming Donetsk.",
        "Officials said 20,000 troops were involved.",  # no holder-place anchor: no place
        # weighed, not stated
        "\"It's implausible given the way the criminal-justice system works to have 10 ISIS fighters arrested at "
        "the border and never charged,\" said Daveed Gartenstein-Ross.",
    ],
)
def test_numbers_that_are_not_quantity_claims(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == []


@pytest.mark.parametrize(
    ("body", "polarity", "speaker"),
    [
        ("The Kremlin said no meeting between Putin and Trump took place.", "denied", "Kremlin"),
        ("The White House dismissed reports of a meeting between Biden and Xi Jinping.", "denied", "White House"),
        ("The Kremlin brushed aside reports that Putin had met Trump.", "denied", "Kremlin"),  # a phrasal denial
        # figures of speech and verbs that deny what is told
        ("The White House pushed back on reports that Biden had met Xi Jinping.", "denied", "White House"),
        ("The Kremlin poured cold water on reports that Putin had met Trump.", "denied", "Kremlin"),
        ("Peskov knocked down reports that Putin had met Trump.", "denied", "Peskov"),
        ("The White House disputed reports that Biden had met Xi Jinping.", "denied", "White House"),
        ("The White House disputed that Biden had met Xi Jinping.", "denied", "White House"),
        ("The Kremlin said reports that Putin had met Trump did not correspond to reality.", "denied", "Kremlin"),
        # "reports" read as a verb, the verdict hung on "said" beside it
        ("Peskov said on Tuesday that reports that Putin had met Trump in Sochi did not correspond to reality.",
         "denied", "Peskov"),
        ("The ministry declined to confirm the meeting between Putin and Erdogan, Reuters reported.",
         "noncommittal", "Reuters"),
        ("Reuters reported that Putin met Erdogan in Ankara on Monday.", "asserted", "Reuters"),
        # one who left an organisation no longer speaks for it
        ("A former Kremlin official said Putin met Erdogan in Ankara on Monday.", "asserted",
         "former Kremlin official"),
        # the clause parsed as the statement's: still what the speaker says
        ("The Kremlin said in a statement that Putin had not met Erdogan.", "denied", "Kremlin"),
        ("The Kremlin denied in a statement on Monday that Putin had met Erdogan.", "denied", "Kremlin"),
        ("The Kremlin's statement said Putin had not met Erdogan in Ankara.", "denied", "Kremlin"),
    ],
)
def test_event_polarity(nlp, body: str, polarity: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert claim.polarity == polarity
    assert claim.speaker == speaker
    assert claim.predicate == "meeting"


@pytest.mark.parametrize(
    "body",
    [
        "Reuters reported that Putin might meet Erdogan next week.",  # irrealis
        "Putin met Erdogan in Ankara.",  # unattributed
        "Will Putin meet Erdogan, Reuters asked?",  # question
        "Putin met Erdogan in Ankara on Monday, if Turkish media reports are true.",  # a condition
        "Officials said it is possible that Putin met Erdogan in Ankara.",  # weighed, not stated
        "It was not immediately clear how long the talks between Boko Haram and Saudi Arabia have been taking "
        "place, officials said.",
        "It is clear Joshua Smith's death was not retaliation for grand jury testimony, police said.",  # what, not whether
        "There's no London Police force, the paper said.",  # a police force is no troops
        # an observer's doubt that a named party agreed is not the observer's own agreement
        "Martin Ewi said he didn't think Boko Haram had agreed to a truce.",
        # "not his first detention" says there were others
        "James Foley was held in Syria, the paper said. It was not his first detention while reporting: in 2011, "
        "he was taken in Libya.",
        # "fire" as to shoot dismisses no one
        "The sound of 10 or 11 shots from the gun of Ferguson police officer Darren Wilson being fired at "
        "Michael Brown were recorded by a man, according to the man's attorney.",
        # "it" is no person: a battery that dies is no death (the model reads "Apple Watch" as a name)
        "Apple unveiled the Apple Watch on Monday. According to a new report from 9 to 5 Mac, the Apple Watch "
        "battery is looking at just 2.5 to 4 hours of use before it dies.",
        "A source said that it is unlikely that the ceasefire between Boko Haram and Nigeria extends to all factions.",
        # an obligation under a condition, and a claim noun read as the speaker of "denied"
        "Marco Bellini played on Sunday. The league told reporters that if a player failed a doping test, "
        "it was required to announce his suspension.",
        "Journeyman golfer Dan Olsen retracted claims Tiger Woods had been suspended by the PGA Tour for using "
        "performance-enhancing drugs after both the PGA Tour and Woods' agent, Mark Steinberg, vehemently "
        "denied the claims.",  # FNC-1; the parser makes "claims" the subject of "denied"
        # a dateline the parser takes for the subject is no one who died
        "BAGHDAD — Three hundred Iraqi soldiers died in a chlorine gas attack in Fallujah, said Ali al-Budairi, an Iraqi MP.",
        # a private person's nationality is no state met
        "Gill Rosenberg said she met an American friend in Tel Aviv.",
        # what is to be prevented has not happened
        "The Pentagon said airstrikes alone will not be enough to prevent the fall of Kobane.",
    ],
)
def test_mentions_that_are_not_event_claims(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c in claims_of(nlp, article(body)) if c.kind == "event"] == []


def test_white_house_speaks_for_the_united_states(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The White House denied reports of a phone call between Biden and Putin."
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert claim.side == "united states"
    assert claim.key == "event|call|biden+vladimir putin" or claim.key.startswith("event|call|")


def test_pronoun_speaker_resolves_to_earlier_named_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Kremlin spokesman Dmitry Peskov spoke to reporters on Friday. "
            "He said that 5,000 Ukrainian troops remained in Kursk.")
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.speaker, claim.side) == ("Dmitry Peskov", "russia")


@pytest.mark.parametrize(
    "body, key, speaker",
    [
        # "He" continues the person the text went on about, not a reporter quoted before
        ("BBC correspondent Lucy Manning says Emwazi is understood to be 27. Emwazi then flew to "
         "Amsterdam, where agents accused him of trying to travel to Somalia. He denied the accusation.",
         "event|allegation|emwazi", "Emwazi"),
        # a trailing attribution is not what the text is about: the man arrested is
        ("Police arrested John Jones on Monday on fraud charges, Sergeant Mark Smith said. "
         "He denied the allegations through his lawyer.", "event|allegation|jones", "John Jones"),
        # through "he" after "he": the chain's head
        # past a subordinate mention ("after Cirillo was killed") to the main subject before it
        ("Michael Zehaf-Bibeau was charged in 2004, court records show. Police secured the scene after "
         "Nathan Cirillo was killed. He pleaded guilty to both charges.",
         "event|allegation|zehaf-bibeau", "Michael Zehaf-Bibeau"),
    ],
)
def test_he_continues_the_person_the_text_is_about(nlp, body: str, key: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    denials = [c for c in claims_of(nlp, article(body)) if c.key == key and c.speaker == speaker]
    assert denials, [(c.key, c.speaker) for c in claims_of(nlp, article(body))]


@pytest.mark.parametrize(
    "body",
    [
        ("According to Corriere Adriatico, the nun had no idea that she was pregnant. Asked about it, "
         "the local archbishop said it was up to the sister. He also denied that Pope Francis had met the nun."),
        # "He said" goes on with the speaker, here unnamed, not with the man the report is about
        ("Luke Somers was killed in a rescue operation on Saturday, a senior official told Reuters. "
         "He said that Somers had been arrested by the militants in 2013."),
    ],
)
def test_he_after_an_unnamed_person_names_nobody(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    speakers = {c.speaker for c in claims_of(nlp, article(body)) if c.kind == "event"}
    assert not speakers & {"Corriere Adriatico", "Pope Francis", "Luke Somers"}


def test_she_is_the_person_a_sentence_names_its_subject_as(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The woman was identified as Saja al-Dulaimi by a security official. "
            "The newspaper As-Safir reported she had been detained by the army.")
    assert [c.key for c in claims_of(nlp, article(body)) if c.predicate == "arrest"] == ["event|arrest|dulaimi"]


def test_an_allegation_of_being_wronged_accuses_the_wrongdoer(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Emwazi alleged that he was detained by Tanzanian police and held overnight."
    keys = [c.key for c in claims_of(nlp, article(body)) if c.predicate == "allegation"]
    assert "event|allegation|emwazi" not in keys


def test_an_apposition_names_the_common_noun_it_follows(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The Guardian reported that the minister Mike Dunn had taken bribes."
    one(claims_of(nlp, article(body)), key="event|allegation|dunn", speaker="Guardian")


def test_undated_event_claim_takes_the_date_of_the_same_event(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The Kremlin denied reports of a phone call between Biden and Putin. "
            "The call, first reported by Reuters, took place on Thursday.")
    claims = [c for c in claims_of(nlp, article(body)) if c.kind == "event"]
    assert {c.polarity for c in claims} == {"denied", "asserted"}
    assert {(c.ref_text, c.ref_start.date().isoformat()) for c in claims} == {("Thursday", "2024-11-07")}


@pytest.mark.parametrize(
    ("body", "key", "polarity", "ref_text"),
    [
        ("Putin and Erdogan held a phone conversation on Tuesday, the Kremlin said.",
         "event|call|erdogan+putin", "asserted", "Tuesday"),
        ("Peskov rejected claims that Putin had spoken by phone with Erdogan.", "event|call|erdogan+putin", "denied", None),
        # a name for the reports parsed as a second object of the naming verb
        ('The Kremlin branded reports of a meeting between Putin and Erdogan on Monday "fake news".',
         "event|meeting|erdogan+putin", "denied", "Monday"),
        ("Kremlin spokesman Dmitry Peskov said reports of a meeting between Putin and Erdogan were pure fiction.",
         "event|meeting|erdogan+putin", "denied", None),
        ("The Pentagon could not confirm that North Korean troops had been deployed to Kursk.",
         "event|deployment|north korea", "noncommittal", None),
        # a date in a clause about a participant dates that clause, not the event
        ("Police said Noor Salman, widow of the gunman who opened fire on a nightclub in 2016, was arrested on Monday.",
         "event|arrest|salman", "asserted", "Monday"),
        ("Police said John Smith, who fled to Spain in 2019, was arrested.", "event|arrest|smith", "asserted", None),
        # "he" after a person named earlier in its sentence is that person, not the last one who spoke
        ("Julia Belluz, a reporter, said the hoax began on Twitter. As for Axl Rose, he is alive and well and "
         "touring Europe.", "event|death|rose", "denied", "until now"),
        # ... and the one named as a subject before an alias named after it
        ("The Washington Post reported Mr Emwazi - who has also been known as Muhammad ibn Muazzam - then moved to "
         "his native Kuwait, but he was detained on a visit to London in 2010.", "event|arrest|emwazi", "asserted", "2010"),
        # an organisation's name is no person's, whatever the model tagged: the leader named after it is
        ("A spokesman said Islamic State of Iraq and Syria leader Abu Bakr al-Baghdadi is not dead.",
         "event|death|baghdadi", "denied", "until now"),
        # a creed beside a named group describes the group; it is no party of its own
        ("The Islamist militant group Boko Haram has agreed to a ceasefire with Nigeria, according to Nigerian officials.",
         "event|agreement|boko haram+nigeria", "asserted", None),
    ],
)
def test_event_phrasings(nlp, body: str, key: str, polarity: str, ref_text: str | None) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity, claim.ref_text) == (key, polarity, ref_text)


def test_spokesperson_for_an_organisation_speaks_for_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "A spokesperson for the Russian Defense Ministry said 2,000 Ukrainian soldiers were killed in Kursk last week."
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert claim.key == "quantity|ukraine|troops killed|kursk"
    assert claim.side == "russia"
    assert claim.ref_text == "last week"


@pytest.mark.parametrize(
    ("body", "side"),
    [
        ("The IDF said it had killed 20 Hamas fighters in Rafah on Sunday.", "israel"),
        ("Iran fired missiles at Israel on Tuesday, the Israel Defense Forces said.", "israel"),
        ("KCNA said North Korea had not sent troops to Russia.", "north korea"),
    ],
)
def test_a_state_organ_speaks_for_its_country(nlp, body: str, side: str) -> None:  # type: ignore[no-untyped-def]
    assert {c.side for c in claims_of(nlp, article(body))} == {side}


@pytest.mark.parametrize(
    ("body", "key", "polarity"),
    [
        ("Police arrested opposition leader Ousmane Sonko in Dakar on Friday, his party said.",
         "event|arrest|sonko", "asserted"),
        ("The police denied that Ousmane Sonko had been arrested.", "event|arrest|sonko", "denied"),
        ("The Treasury dismissed reports of Lindiwe Mokoena's resignation as fake news.",
         "event|resignation|mokoena", "denied"),
        ("Reports of Paul Biya's death are a hoax, the government said.", "event|death|biya", "denied"),
        ("Rumours of Paul Biya's death have been revealed to be a hoax, officials said.", "event|death|biya", "denied"),
        # injuries: the one hurt, whoever did it; "unhurt" denies one as "alive" denies a death
        ("Iraqi officials said al-Baghdadi was badly injured in a US airstrike.", "event|injury|baghdadi", "asserted"),
        ("Police said the blast wounded Ahmed Khan and two others.", "event|injury|khan", "asserted"),
        ("The club said Messi suffered an injury to his knee.", "event|injury|messi", "asserted"),
        ("The group said al-Baghdadi was unhurt.", "event|injury|baghdadi", "denied"),
        # "not harmed" denies an injury
        ("Hassan Nasrallah was not harmed in the strike, Hezbollah said.", "event|injury|nasrallah", "denied"),
        ("Reports of Joshua Smith's death are not true, police said.", "event|death|smith", "denied"),
        ("ISIS denied reports that al-Baghdadi had been injured.", "event|injury|baghdadi", "denied"),
        ("Iran and Saudi Arabia have reached an agreement, Iraqi officials said.",
         "event|agreement|iran+saudi arabia", "asserted"),
        ("German Chancellor Olaf Scholz spoke by phone with Russian President Vladimir Putin, two diplomats said.",
         "event|call|putin+scholz", "asserted"),
    ],
)
def test_events_that_happen_to_people_and_agreements(nlp, body: str, key: str, polarity: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity) == (key, polarity)


def test_safe_now_denies_a_death_the_article_speaks_of(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Israel said it had killed Hezbollah leader Hassan Nasrallah. Hezbollah said Nasrallah was safe."
    one(claims_of(nlp, article(body)), key="event|death|nasrallah", polarity="denied", speaker="Hezbollah")


@pytest.mark.parametrize(
    "body",
    ["Officials said Joe Biden was harmed by the report.", "Analysts said the scandal hurt Donald Trump.",
     "Experts said the vaccine was safe.", "Prime Minister Stephen Harper is safe, his office said.",
     "Gunmen opened fire in Ottawa, killing a soldier. Kevin Vickers called his family to tell them he is safe."],
)
def test_hurt_in_a_figure_of_speech_and_safe_things_are_no_events(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Macaulay Culkin has died, according to a death hoax spreading online.",  # a rumour is no source
        # nor is an outlet called a hoax site
        "Judd Nelson's 'death' was reported by Foxnews.es, a hoax website which has no affiliation with the "
        "television news network.",
        "Police said they detained her in Dakar on Friday.",  # object pronoun: whom is unclear
        "Police said Tom Baker injured a cyclist on Friday.",  # the one hurt is unnamed
        "No one was injured, police said.",
    ],
)
def test_person_events_that_are_not_claims(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c in claims_of(nlp, article(body)) if c.kind == "event"] == []


def test_unnamed_sources_attribute_a_claim_without_a_side(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Emmanuel Macron and Xi Jinping spoke by phone on Tuesday, two diplomats told Reuters."
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.speaker, claim.side, claim.ref_text) == ("event|call|macron+xi", "diplomats", None, "Tuesday")


def test_an_event_noun_is_not_its_own_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Nigeria announced a ceasefire between Nigeria and Boko Haram on Friday, officials said. The ceasefire "
            "claims, and Boko Haram's subsequent actions, have left people in Nigeria scratching their heads.")
    claims = claims_of(nlp, article(body))  # "claims" read as a verb whose subject is "ceasefire"
    assert [(c.key, c.speaker) for c in claims] == [("event|agreement|boko haram+nigeria", "Nigeria")]


def test_a_count_of_people_speaks_as_those_people(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "A number of women have come forward to accuse Donald Trump of groping them."
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.speaker, claim.side) == ("event|allegation|trump", "women", None)


@pytest.mark.parametrize(
    ("body", "key", "low", "high"),
    [
        ("Between 30 and 40 people were injured in Marseille on Sunday, the fire service said.",
         "quantity|-|injured|marseille", 30, 40),
        ("Officials said 1.5 million refugees from Ukraine were in Poland.", "quantity|ukraine|refugees|poland",
         1_500_000, 1_500_000),
        ("Twelve people were killed in the explosion in Kabul on Friday, police said.", "quantity|-|killed|kabul", 12, 12),
        ("Turnout in the Georgian election was 59 percent, the commission said.", "quantity|georgia|turnout|-", 59, 59),
        # a consequence clause counts in the voice and at the place of the clause it hangs on
        ("An airstrike hit a convoy in Gaza on Monday, killing 30 people, officials said.", "quantity|-|killed|gaza",
         30, 30),
        ("A suicide bomber blew himself up at a mosque in Kabul on Friday, killing at least 20 worshippers, "
         "police said.", "quantity|-|killed|kabul", 20, None),
        ("Gunmen abducted 276 schoolgirls in Chibok in April, officials said.", "quantity|-|abducted|chibok", 276, 276),
        ("More than 200 schoolgirls were kidnapped from Chibok in April, officials said.", "quantity|-|abducted|chibok",
         200, None),
        # a town the small model tags ORG or PERSON is a place when the article only ever has it after "in"
        ("A strong earthquake hit western Afghanistan on Saturday. The death toll in Herat stood at 12, officials "
         "said.", "quantity|-|killed|herat", 12, 12),
        ("The strike in Khan Younis killed 12 civilians, local authorities said.", "quantity|-|killed|khan younis",
         12, 12),
        # a proper noun after "in" the model tagged nothing is a place
        ("Twelve people were killed in Kharkiv this morning, officials said.", "quantity|-|killed|kharkiv", 12, 12),
        # a named camp or base is a place, whatever the model tagged its name
        ("The Gaza health ministry said 30 people were killed in the strike on the Nuseirat camp on Monday.",
         "quantity|-|killed|nuseirat", 30, 30),
        ("At least 30 people were killed in an Israeli strike on the Nuseirat refugee camp in central Gaza on "
         "Monday, the health ministry said.", "quantity|-|killed|nuseirat", 30, None),
        ("Eleven US soldiers were wounded in the rocket attack on Ain al-Asad air base on Sunday, the Pentagon "
         "said.", "quantity|united states|troops injured|ain al-asad", 11, 11),
        # a range with a hyphen, the second number parsed as a preposition on the first
        ("Zelensky said on Monday that 11,000-12,000 North Korean troops were fighting in Kursk.",
         "quantity|north korea|troops|kursk", 11_000, 12_000),
        # "around" read as a preposition on "is"; a town the model tags a product, troops moved to it
        ("The number of North Korean soldiers in Kursk is around 12,000, the Pentagon said.",
         "quantity|north korea|troops|kursk", 10_800, 13_200),
        ("Ukraine said on Monday that 7,000 North Korean troops had been moved to Kursk.",
         "quantity|north korea|troops|kursk", 7_000, 7_000),
        # who puts the number at a figure says it, and the place on "put" is the count's
        ("Ukraine put the number of North Korean troops in Kursk at 12,000.", "quantity|north korea|troops|kursk",
         12_000, 12_000),
        ("Organisers said 100,000 people took part in the protest in Tbilisi.", "quantity|-|protesters|tbilisi",
         100_000, 100_000),
        # "left N dead"; the place of the incident the dead are told after
        ("The blast in Kabul left 20 people dead, police said.", "quantity|-|killed|kabul", 20, 20),
        ("At least 20 people were dead after the blast in Kabul, police said.", "quantity|-|killed|kabul", 20, None),
        # or as what an attack was on
        ("The ministry said 45 people were killed in the strike on Rafah on Sunday.", "quantity|-|killed|rafah",
         45, 45),
        # "the quake" is the incident named before, with its place
        ("A powerful earthquake struck southern Turkey on Monday. More than 5,000 people were killed in the quake, "
         "officials said.", "quantity|-|killed|turkey", 5_000, None),
        ("A strong earthquake hit Turkey on Monday. The quake killed 2,300 people, the disaster agency said.",
         "quantity|-|killed|turkey", 2_300, 2_300),
        ("A bombing at a market in Kabul shook the city. Police said 32 people died in the blast.",
         "quantity|-|killed|kabul", 32, 32),
        # a protest told by its verb: "the crowd", "the protest" it drew are there
        ("Thousands of people protested in Tbilisi on Sunday. Police estimated the crowd at 5,000.",
         "quantity|-|protesters|tbilisi", 5_000, 5_000),
        ("Thousands of people protested in Tbilisi on Sunday. The ministry said 12,000 people joined the protest.",
         "quantity|-|protesters|tbilisi", 12_000, 12_000),
        # "the death toll" is the toll of the deadly incident told before, of whatever kind
        ("A powerful earthquake struck southern Turkey on Monday. Turkey's disaster agency said the death toll "
         "had climbed to 44,218.", "quantity|-|killed|turkey", 44_218, 44_218),
        ("A bomb exploded at a market in Kabul on Friday. The toll rose to 32, police said.",
         "quantity|-|killed|kabul", 32, 32),
        # through a place, off its coast; the drowned are killed
        ("Organisers said more than 200,000 people marched through Paris on Saturday.",
         "quantity|-|protesters|paris", 200_000, None),
        ("The UN said at least 300 migrants had drowned off the coast of Greece.",
         "quantity|-|migrants killed|greece", 300, None),
    ],
)
def test_more_quantity_shapes(nlp, body: str, key: str, low: float, high: float) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.key, claim.value_low, claim.value_high) == (key, low, high)


def test_a_death_toll_after_no_incident_with_a_place_has_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Thousands of people protested in Tbilisi on Sunday. Health officials said the death toll from the "
            "virus had climbed to 4,000.")
    assert [c.key for c in claims_of(nlp, article(body)) if "killed|tbilisi" in c.key] == []  # a protest kills no one


def test_who_puts_the_number_at_a_figure_says_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Ukraine put the number of North Korean troops in Kursk at 12,000."
    assert one(claims_of(nlp, article(body)), kind="quantity").speaker == "Ukraine"


def test_a_consequence_clause_takes_the_date_of_the_clause_it_hangs_on(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "An airstrike hit a convoy in Gaza on Monday, killing 30 people, officials said."
    assert one(claims_of(nlp, article(body)), kind="quantity").ref_text == "Monday"


def test_percentages_of_other_things_or_changes_are_not_claims(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Inflation in Turkey rose by 3 percent. Shares in Apple were 5 percent higher."
    assert [c for c in claims_of(nlp, article(body)) if c.unit == "percent"] == []


def events(nlp, body: str, title: str = "") -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(c.key, c.polarity) for c in claims_of(nlp, article(body, title)) if c.kind == "event"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a call: the sentence mentions one, or two heads of state "spoke" with no place given
        ("Donald Trump spoke with Vladimir Putin on Thursday, according to people familiar with the call.",
         [("event|call|putin+trump", "asserted")]),
        ("German Chancellor Olaf Scholz spoke with Russian President Vladimir Putin on Friday, officials said.",
         [("event|call|putin+scholz", "asserted")]),
        # neither: not leaders, or leaders together somewhere
        ("Olaf Scholz spoke with Vladimir Putin on Friday, officials said.", []),
        ("President Joe Biden spoke with President Xi Jinping in Bali on Monday, officials said.", []),
    ],
)
def test_spoke_with_is_a_call_only_by_phone_or_between_leaders(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted(set(events(nlp, body))) == expected


_LEADERS = "U.S. President Joe Biden and Ukrainian President Volodymyr Zelensky met in Kyiv in February. "


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "called X" with one named object is a phone call, however the model parses the object
        (_LEADERS + "Biden called Zelensky on Monday, the White House said.", ("event|call|biden+zelensky", "asserted")),
        (_LEADERS + "The White House said Biden phoned Zelensky on Monday.", ("event|call|biden+zelensky", "asserted")),
        (_LEADERS + "Zelensky's office denied that Biden had called Zelensky.", ("event|call|biden+zelensky", "denied")),
        # a capitalised surname the model tags as a common noun at the start of a sentence
        (_LEADERS + "Biden held a phone call with Zelensky, sources said.", ("event|call|biden+zelensky", "asserted")),
        # a conversation between two leaders, or the two of them speaking, with no place given
        (_LEADERS + "Kyiv said there had been no conversation between Zelensky and Biden.",
         ("event|call|biden+zelensky", "denied")),
        (_LEADERS + "The White House said Zelensky and Biden had spoken.", ("event|call|biden+zelensky", "asserted")),
        # "the two leaders" of a call the article named before
        ("Joe Biden and Volodymyr Zelensky spoke by phone in March, officials said. Kyiv denied that the two "
         "leaders held a phone call on Monday.", ("event|call|biden+zelensky", "denied")),
    ],
)
def test_calls_told_as_verbs_and_conversations(nlp, body: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in events(nlp, body)


@pytest.mark.parametrize(
    "body",
    [
        "Joe Biden called Vladimir Putin a killer, officials said.",  # a name for him
        "Joe Biden called on Vladimir Putin to withdraw his troops, officials said.",  # a demand
        "Joe Biden called off the talks with Vladimir Putin, officials said.",
        "The group called Hamas said Joe Biden was wrong.",  # a name, no caller
        "Joe Biden said he had a conversation with Senator John Smith about the bill.",  # no leaders, no phone
        "Joe Biden and Vladimir Putin had a long conversation in Geneva, officials said.",  # in one place
    ],
)
def test_call_words_that_are_no_phone_call(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [key for key, _ in events(nlp, body) if key.startswith("event|call|")] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Israeli warplanes struck targets near Damascus International Airport on Sunday, the Syrian army said.",
         [("event|attack|damascus+israel", "asserted")]),
        ("Israeli forces attacked an aid convoy in Gaza on Thursday, the charity said.",
         [("event|attack|gaza+israel", "asserted")]),
        ("The Israeli military denied carrying out an attack on Damascus on Sunday.",
         [("event|attack|damascus+israel", "denied")]),
        ("Iran and Saudi Arabia struck a deal in Beijing, officials said.", []),
    ],
)
def test_attacks_on_a_place(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in events(nlp, body) if "|attack|" in e[0]] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a name the small model leaves untagged (here with an epithet before it) is still the
        # person the event happens to; one untagged word is no one
        ("Dog Whisperer Cesar Millan died on Monday, his wife said.", [("event|death|millan", "asserted")]),
        ("Vine died on Monday, analysts said.", []),
        # a passive conjunct happens to the subject it shares
        ("ISIS claimed Kayla Mueller had been inside the building at the time and had been killed.",
         [("event|death|mueller", "asserted")]),
        ("PGA golfer Dan Olsen told WVFN that he has learned that Tiger Woods failed a drug test for performance "
         "enhancing drugs and has been suspended by the PGA.", [("event|suspension|woods", "asserted")]),
        ("Police said John Smith fled the scene and was arrested on Monday.", [("event|arrest|smith", "asserted")]),
        # a beheading is a death; who did it, denied, is not the death denied
        ("Militants with the Islamic State group have beheaded American journalist James Foley, U.S. officials say.",
         [("event|death|foley", "asserted")]),
        ("Islamic State denied that its fighters had beheaded James Foley.", []),
        # "agreed a ceasefire with Y": the partner hangs on the agreement's object
        ("Nigeria's military said it had agreed a ceasefire with Boko Haram.",
         [("event|agreement|boko haram+nigeria", "asserted")]),
        # "it" for a group described by its creed is no party called "Islamist"
        ("The Islamist group denied that it had agreed a truce with Nigeria.", []),
        # reports called propaganda or disinformation are denied, not asserted by who calls them so
        ("The Kremlin said reports that Putin had met Trump in Helsinki were Western propaganda.",
         [("event|meeting|putin+trump", "denied")]),
        ("Kurdish officials said reports that Rosenberg had been captured were disinformation.",
         [("event|capture|rosenberg", "denied")]),
        # who was taken, by a possessive: a person or a known place, never the captor
        ("Kurdish officials denied reports of Rosenberg's capture.", [("event|capture|rosenberg", "denied")]),
        ("The army denied reports of Kobani's fall.", [("event|capture|kobani", "denied")]),
        ("Kurdish officials denied reports of ISIS's capture.", []),
        # a town taken back is captured; "took" a place only with its noun ("the village of X")
        ("The army said its troops had recaptured the town of Bakhmut.", [("event|capture|bakhmut", "asserted")]),
        ("Russia denied that Ukrainian forces had retaken Kherson.", [("event|capture|kherson", "denied")]),
        ("Russia's defence ministry said its forces had taken the village of Avdiivka.",
         [("event|capture|avdiivka", "asserted")]),
        ("Syrian state media said government forces had regained control of Aleppo.",
         [("event|capture|aleppo", "asserted")]),
        ("Trump took Pennsylvania by a wide margin, the Associated Press said.", []),
        ("Russian forces retook the village of Robotyne, the Ukrainian military said.",  # not "retook" as a lemma
         [("event|capture|robotyne", "asserted")]),
        # a town that "fell", tagged an organisation, in an article about fighting; no share price, no person
        ("Russian forces pressed their offensive. Ukraine denied that Bakhmut had fallen.",
         [("event|capture|bakhmut", "denied")]),
        ("Russian forces pressed their offensive. Officials said Bakhmut fell to Russian forces on Saturday.",
         [("event|capture|bakhmut", "asserted")]),
        ("Russian forces pressed their offensive. Tesla fell 5 percent on Monday, traders said.", []),
        ("Russian forces pressed their offensive. Analysts said Apple had fallen sharply.", []),
        ("The war went on. Officials said Trump fell on the stairs.", []),
        # a capital that acts is its country; weapons fired at a party attack it
        ("Kyiv denied attacking the Zaporizhzhia nuclear plant.", [("event|attack|ukraine+zaporizhzhia", "denied")]),
        ("Iran fired missiles at Israel on Tuesday, the Israeli military said.", [("event|attack|iran+israel", "asserted")]),
        ("Iran denied firing missiles at Israel.", [("event|attack|iran+israel", "denied")]),
        ("Police fired tear gas at protesters in Tbilisi, witnesses said.", []),
        ("Some witnesses have said Wilson fired several shots at Brown as he ran away.", []),  # a shooting
        # a capital in a dateline is no participant
        ("SANAA, Dec 6 (Reuters) - U.S. journalist Luke Somers was killed during a rescue operation in Shabwa "
         "on Saturday, a senior official said.", [("event|death|somers", "asserted")]),
        # the subject up a chain of control
        ("Ukraine denied using ATACMS missiles to strike Bryansk.", [("event|attack|bryansk+ukraine", "denied")]),
        # "not true" in quotes, the negation parsed on the adjective; parties named on "took place"
        ('Peskov said it was "not true" that Putin had met Trump.', [("event|meeting|putin+trump", "denied")]),
        ("Peskov said no such meeting had taken place between Putin and Trump.",
         [("event|meeting|putin+trump", "denied")]),
        ('Peskov said there was "no truth" to reports that Putin had met Trump.',
         [("event|meeting|putin+trump", "denied")]),
        # a captive freed is released; a statement, a patient or a player is not
        ("Hamas released Israeli hostage Edan Alexander on Monday, Israeli officials said.",
         [("event|release|alexander", "asserted")]),
        ("Hamas denied that it had released Edan Alexander, one of the hostages it holds.",
         [("event|release|alexander", "denied")]),
        ("The Taliban freed American hostage Mark Frerichs, the State Department said.",
         [("event|release|frerichs", "asserted")]),
        ("Officials said former hostage Edan Alexander had been released from hospital.", []),
        ("The ministry released a statement on the hostages on Monday, officials said.", []),
        ("Apple has not yet released its WatchKit SDK, the company said.", []),  # in no article about captives
        ("Yasir Abdulla said the woman had appealed to the kidnappers to release her son.", []),  # an appeal
        # reports confirmed, or news told, are the teller's
        ("The army confirmed reports of Shekau's death.", [("event|death|shekau", "asserted")]),
        ("News of Shekau's death spread on Sunday, the army said.", [("event|death|shekau", "asserted")]),
    ],
)
def test_event_shapes(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted(set(events(nlp, body))) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Iran denied sending drones to Russia.", [("event|arms|iran+russia", "denied")]),
        ("Iran has supplied Russia with hundreds of drones, U.S. officials say.", [("event|arms|iran+russia", "asserted")]),
        ("Tehran rejected reports that it had transferred missiles to Russia.", [("event|arms|iran+russia", "denied")]),
        ("North Korea has shipped more than a million artillery shells to Russia, South Korea's spy agency said.",
         [("event|arms|north korea+russia", "asserted")]),
        ("China denied providing lethal aid to Russia.", [("event|arms|china+russia", "denied")]),
        ("Russia has received drones from Iran, the White House said.", [("event|arms|iran+russia", "asserted")]),
        ("Moscow denied receiving weapons from Pyongyang.", [("event|arms|north korea+russia", "denied")]),
        # not arms, or not (yet) sent
        ("Iran sent a delegation to Moscow, officials said.", []),
        ("The government sent aid to the flood victims in Libya, officials said.", []),
        ("Germany will not send Taurus missiles to Ukraine, Scholz said.", []),
    ],
)
def test_arms_supplies(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Pentagon confirmed that North Korean troops were in Kursk.", ("event|deployment|north korea", "asserted")),
        ("Zelensky said North Korean soldiers were fighting in Kursk.", ("event|deployment|north korea", "asserted")),
        ("Peskov denied that North Korean troops were in Kursk.", ("event|deployment|north korea", "denied")),
    ],
)
def test_troops_somewhere_are_deployed_there(nlp, body: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert ((claim.key, claim.polarity), claim.place) == (expected, "Kursk")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # troops that go into a place are deployed there, counted or not
        ("Russian troops entered the Luhansk region on Friday, Ukraine said.",
         ("event|deployment|russia", "asserted", "Luhansk")),
        ("Ukraine said Russian troops crossed into the Sumy region.", ("event|deployment|russia", "asserted", "Sumy")),
        ("Ukrainian forces crossed the border into Russia's Kursk region in August, officials said.",
         ("event|deployment|ukraine", "asserted", "Kursk")),
        ("The Pentagon said thousands of North Korean soldiers had entered Russia's Kursk region.",
         ("event|deployment|north korea", "asserted", "Kursk")),
        ("South Korea said the first North Korean soldiers arrived in the Kursk region on Monday.",
         ("event|deployment|north korea", "asserted", "Kursk")),
        # "its troops" are the subject's, "our troops" a state spokesman's state's
        ("Moscow has repeatedly denied that its troops are in Ukraine.",
         ("event|deployment|russia", "denied", "Ukraine")),
        ("Russia said its troops had pushed into the Donetsk region.",
         ("event|deployment|russia", "asserted", "Donetsk")),
        ("Russia's defence ministry said its troops had entered the Kharkiv region.",
         ("event|deployment|russia", "asserted", "Kharkiv")),
        ('"Our troops are not in Ukraine," Kremlin spokesman Dmitry Peskov said.',
         ("event|deployment|russia", "denied", "Ukraine")),
    ],
)
def test_troops_that_go_somewhere_or_are_a_partys_own(nlp, body: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity, claim.place) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a place still held denies its capture, held by whom the sentence says
        ("Ukraine's military said Robotyne remained under Ukrainian control.",
         ("event|capture|robotyne", "denied", "ukraine")),
        ("Ukraine said the town of Avdiivka was still in Ukrainian hands.",
         ("event|capture|avdiivka", "denied", "ukraine")),
        # a capture asserted keeps its captor
        ("Russia's defence ministry said its forces had captured the village of Robotyne.",
         ("event|capture|robotyne", "asserted", "russia")),
        ("Ukraine said it had retaken Kherson.", ("event|capture|kherson", "asserted", "ukraine")),
        # a plain denial names nobody as holding it
        ("Ukraine denied that Russian forces had captured Robotyne.", ("event|capture|robotyne", "denied", None)),
    ],
)
def test_who_holds_a_place_after_a_capture_or_a_denial_of_one(  # type: ignore[no-untyped-def]
        nlp, body: str, expected: tuple[str, str, str | None]) -> None:
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity, claim.subject) == expected


@pytest.mark.parametrize(
    "body",
    ["Kherson, which remains under Russian control, was shelled.", "The situation remained under control, police said.",
     "The company is in good hands, Musk said.",
     "The ministries in the capital Tripoli are no longer under its control, a government statement said."],
)
def test_what_the_outlet_says_is_held_or_no_place_held_is_no_claim(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == []


@pytest.mark.parametrize(
    "body",
    ["Russian troops entered the war in 2022, officials said.", "Russian forces moved into positions near the river.",
     "Protesters entered the parliament building, police said.", "The company said its workers were in Texas.",
     "The troops arrived in good spirits, officials said."],
)
def test_going_into_no_place_is_no_deployment(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the other party of an agreement, named on the verb that made (or did not make) it
        ("Hamas said no agreement had been reached with Israel.", [("event|agreement|hamas+israel", "denied")]),
        ("Ukraine denied it had signed any deal with Russia.", [("event|agreement|russia+ukraine", "denied")]),
    ],
)
def test_agreements_made_with_a_party(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    "body", ["Officials said the troops were in good spirits.", "Our troops are in Ukraine, Zelensky said."],
)
def test_troops_of_no_named_party_are_no_deployment(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == []


@pytest.mark.parametrize(
    "title",
    ["Kremlin rejects report that Putin met Xi in secret", "Kremlin dismisses report that Putin met Xi",
     "Kremlin denies report that Putin met Xi"],
)
def test_a_headline_denial_read_as_a_report_is_a_denial(nlp, title: str) -> None:  # type: ignore[no-untyped-def]
    # the small model parses "rejects" as the subject of the verb "report"
    assert events(nlp, "The story is developing.", title) == [("event|meeting|putin+xi", "denied")]


_NAMED = ("U.S. President-elect Donald Trump, Russian President Vladimir Putin, Hamas commander Mohammed Deif, "
          "Israeli Prime Minister Benjamin Netanyahu and Saudi Crown Prince Mohammed bin Salman were in the news "
          "this week.")


def test_a_headline_kicker_before_a_colon_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, article(_NAMED, "Exclusive: Putin met Netanyahu in secret"))
    assert [c for c in claims if c.kind == "event"] == []


def test_a_dateline_before_a_colon_in_the_body_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    # an article without a title: its first sentence is no headline
    assert events(nlp, "New Delhi: AK Verma, an engineer at the Public Works Department, was fired on Monday.") == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the headline's surnames are the people the body names in full after it (with their titles)
        ("Kremlin denies Trump spoke with Putin", ("event|call|putin+trump", "denied")),
        ("Trump spoke to Putin, Washington Post reports", ("event|call|putin+trump", "asserted")),
        # a headline's bare participle is a passive; a denial of sending troops is the subject's
        ("Hamas denies Deif killed in Israeli strike", ("event|death|deif", "denied")),
        # an accusing verb with no object is a passive: the headline's own accusation
        ("Netanyahu charged with bribery", ("event|allegation|netanyahu", "asserted")),
        ("Trump accused of groping former contestant", ("event|allegation|trump", "asserted")),
        ("Hamas denies role in Majdal Shams rocket attack", ("event|allegation|hamas", "denied")),
        # a verdict's bare participle too; an offence denied is an allegation denied
        ("Netanyahu found guilty of bribery", ("event|allegation|netanyahu", "asserted")),
        ("Netanyahu cleared of all charges", ("event|allegation|netanyahu", "denied")),
        ("Netanyahu denies fraud", ("event|allegation|netanyahu", "denied")),
        ("North Korea denies sending troops to Russia", ("event|deployment|north korea", "denied")),
        # a role without its article is the person the body gives that title
        ("Saudi Arabia denies Netanyahu met crown prince", ("event|meeting|netanyahu+salman", "denied")),
        # who speaks, before a colon
        ("Kremlin: Putin is not dead", ("event|death|putin", "denied")),
        ("Pentagon: North Korea has sent troops to Russia", ("event|deployment|north korea", "asserted")),
        # an unnamed report passed on, as "..., reports say"
        ("Report: Netanyahu arrested in Jerusalem", ("event|arrest|netanyahu", "asserted")),
    ],
)
def test_headline_shapes(nlp, title: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in events(nlp, _NAMED, title)


def test_a_headline_participle_on_an_untagged_surname_is_told_by_who_reports_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Iraqi state television said Islamic State leader Abu Bakr al-Baghdadi had been wounded in an air "
            "strike on Sunday.")
    claims = claims_of(nlp, article(body, "Baghdadi killed in US strike, Iraqi TV reports"))
    one(claims, key="event|death|baghdadi", polarity="asserted", speaker="Iraqi TV")


def test_the_person_named_beside_an_organisation_is_who_died(nlp) -> None:  # type: ignore[no-untyped-def]
    # parsed as "killed Hamas", with "military chief" beside Hamas and Deif beside that
    body = ("Israel said on Thursday that it had killed Hamas military chief Mohammed Deif in an air strike in "
            "Khan Younis in July.")
    deaths = [e for e in events(nlp, body, "Israel says it killed Hamas military chief Deif") if "|death|" in e[0]]
    assert deaths == [("event|death|deif", "asserted")]


def test_a_wife_beside_her_husbands_title_is_not_him(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The Lebanese army says it has detained the wife of Islamic State of Iraq and Syria (ISIS) leader Abu "
            "Bakr al-Baghdadi close to the country's border with Syria, the BBC reported.")
    assert "event|arrest|baghdadi" not in [key for key, _ in events(nlp, body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Kremlin denied reports of a Trump-Putin call.", [("event|call|putin+trump", "denied")]),
        ("Donald Trump and Vladimir Putin met in June. The Washington Post reported a Trump-Putin phone call "
         "on Thursday.", [("event|call|putin+trump", "asserted")]),
        ("Michael Zehaf-Bibeau was killed by Kevin Vickers, police said.", [("event|death|zehaf-bibeau", "asserted")]),
    ],
)
def test_two_names_joined_by_a_hyphen_are_two_parties(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in events(nlp, body) if "|meeting|" not in e[0]] == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a participle with no auxiliary in a headline is a passive, for arrests too
        ("Kremlin says Navalny arrested", ("event|arrest|navalny", "asserted")),
        ("Police say Navalny detained in Moscow", ("event|arrest|navalny", "asserted")),
        # "al-Baghdadi" of the body is a headline's "Baghdadi"
        ("Kurds say Baghdadi wounded in air strike", ("event|injury|baghdadi", "asserted")),
    ],
)
def test_headline_participles(nlp, title: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    body = "Islamic State leader Abu Bakr al-Baghdadi and opposition leader Alexei Navalny were in the news."
    assert expected in events(nlp, body, title)


def test_a_count_in_a_headline_denial_is_nobodys(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "Israel rejects claims that its troops killed 40 people in Rafah"
    assert [c for c in claims_of(nlp, article("The story is developing.", title)) if c.kind == "quantity"] == []


def test_a_propaganda_headline_does_not_make_the_story_a_hoax(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "A video posted online on Tuesday claimed that Moaz al-Kasasbeh had been killed."
    assert events(nlp, body, "Islamic State propaganda video shows pilot") == [("event|death|kasasbeh", "asserted")]
    assert events(nlp, body, "Islamic State fake video shows pilot") == []


def test_role_noun_refers_to_the_person_with_that_title(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Crown Prince Mohammed bin Salman spent the weekend in Neom. Saudi Foreign Minister Prince "
            "Faisal bin Farhan denied that any meeting between the crown prince and Netanyahu had taken place.")
    assert events(nlp, body) == [("event|meeting|netanyahu+salman", "denied")]


def test_report_tagged_as_verb_still_carries_the_falsity(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("A representative for Morgan Freeman said on Monday that reports of the actor's death were a hoax. "
            "Freeman is alive and well, the representative said.")
    # both sentences deny it: "the actor" is Freeman, of whom his representative speaks
    assert events(nlp, body) == [("event|death|freeman", "denied")] * 2


@pytest.mark.parametrize(
    "body",
    [
        # a rumour as the subject of the reporting verb, even after a heading read as a subject
        "Origins: On 6 November 2014, an online rumor claimed actor Macaulay Culkin had died.",
        # a sentence about the rumour, not an assertion of what it says
        "Actor Macaulay Culkin is 34. A Facebook memorial page announcing the actor's death sparked the rumors, "
        "according to Snopes.com.",
        "A fake report claiming that Vladimir Putin had been arrested spread on Monday, officials said.",
        # reports that surfaced or emerged are vouched for by no one, not by who tells of them
        "The Jerusalem Post says reports of Shekau's death surfaced Sunday on websites close to the group.",
        "Reports emerged on Sunday that Shekau had been killed, the Post said.",
        # several people's deaths, or a relative's arrest, are not the last-named person's
        "Abu Bakr al-Baghdadi was wounded, officials said. A senior Iraqi official confirmed the deaths on Thursday.",
        "Abu Bakr al-Baghdadi has died, officials said. Analysts said the arrest of the wife of the leader was a blow.",
    ],
)
def test_rumours_and_relatives_assert_nothing(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [k for k, _ in events(nlp, body) if "baghdadi" not in k or "arrest" in k] == []


def test_content_of_a_hoax_story_is_no_assertion(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Some pranksters set up a Facebook page and post a message claiming the star had died."
    assert events(nlp, body, title="Macaulay Culkin killed off in another internet hoax") == []
    assert events(nlp, body, title="Macaulay Culkin news") == [("event|death|culkin", "asserted")]


@pytest.mark.parametrize(
    ("body", "key", "polarity"),
    [
        # a relative is a participant of her own: her arrest is not her husband's
        ("An Islamic State fighter denied that al-Baghdadi's wife had been arrested.",
         "event|arrest|wife of baghdadi", "denied"),
        ("Iraqi police arrested the wife of Abu Bakr al-Baghdadi on Monday, officials said.",
         "event|arrest|wife of baghdadi", "asserted"),
    ],
)
def test_relatives_are_keyed_as_such(nlp, body: str, key: str, polarity: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity) == (key, polarity)


@pytest.mark.parametrize(
    ("body", "key", "polarity"),
    [
        ("Prosecutors on Tuesday accused former minister Peter Otieno of taking bribes.",
         "event|allegation|otieno", "asserted"),
        ("Former minister Peter Otieno has been accused of taking bribes from a contractor.",
         "event|allegation|otieno", "asserted"),
        ("Peter Otieno was accused of bribery. Otieno on Wednesday denied the allegations.",
         "event|allegation|otieno", "denied"),
        ("The Nigerian army rejected the accusations as baseless.", "event|allegation|nigeria", "denied"),
        ("Lawyers for Peter Otieno were accused of delays. The court denied that Otieno had taken bribes.",
         "event|allegation|otieno", "denied"),
        ("Russia blamed Ukraine for the attack on the bridge.", "event|allegation|ukraine", "asserted"),
        ("Russia holds Ukraine responsible for the bombing.", "event|allegation|ukraine", "asserted"),
        ("The family said North Korea was responsible for his death.", "event|allegation|north korea", "asserted"),
        ("Ukraine is not responsible for the blast, Zelensky said.", "event|allegation|ukraine", "denied"),
        ("Donald Trump says he doesn't think Kim Jong Un is responsible for Otto Warmbier's death.",
         "event|allegation|kim", "denied"),
        ("U.S. prosecutors accused Boeing of misleading regulators. The company denied any wrongdoing.",
         "event|allegation|boeing", "denied"),
        ("Hezbollah denied responsibility for the rocket attack on Majdal Shams.", "event|allegation|hezbollah",
         "denied"),
        # a conspiracy is a smear; what follows "his argument that" is his
        ("A woman accused Donald Trump of groping her. Trump said the allegations were part of a conspiracy.",
         "event|allegation|trump", "denied"),
        ("A woman accused Donald Trump of groping her on Friday. Trump spoke at a rally later. He continued to "
         "expand on his argument that the claims are part of a conspiracy.", "event|allegation|trump", "denied"),
        # formal charges and verdicts
        ("Police charged Daniel Reyes with assault on Saturday.", "event|allegation|reyes", "asserted"),
        ("A federal grand jury indicted Mark Kellner on bribery charges.", "event|allegation|kellner", "asserted"),
        ("A jury convicted Paulo Mendes of embezzlement on Thursday.", "event|allegation|mendes", "asserted"),
        ("Ramon Cruz has maintained his innocence.", "event|allegation|cruz", "denied"),
        ("Police charged Daniel Reyes with assault. Reyes says he is innocent.", "event|allegation|reyes", "denied"),
        ("Ramon Cruz is accused of taking bribes from a contractor, which he denies.",
         "event|allegation|cruz", "denied"),
        # allegations one faces, from those who make them or in the outlet's voice
        ("Harvey Weinstein faces allegations of sexual assault from more than 80 women.",
         "event|allegation|weinstein", "asserted"),
        ("Senator Bob Menendez is facing federal charges of bribery.", "event|allegation|menendez", "asserted"),
        ("Harvey Weinstein faces new sexual assault allegations.", "event|allegation|weinstein", "asserted"),
        ("Bob Menendez faces bribery charges.", "event|allegation|menendez", "asserted"),
        ("Jessica Mann said Weinstein raped her in 2013.", "event|allegation|weinstein", "asserted"),  # not "rap"
        # having done nothing wrong is a denial by the doer's side
        ("Police charged Daniel Reyes with assault. Reyes insisted he had done nothing wrong.",
         "event|allegation|reyes", "denied"),
        ('"I did nothing wrong," Daniel Reyes told reporters.', "event|allegation|reyes", "denied"),
        ("Daniel Reyes said he did not do anything illegal.", "event|allegation|reyes", "denied"),
        # disputed, contested, rebuffed, pushed back on
        ("Prosecutors accused Senator Bob Menendez of taking bribes. Menendez contested the charges.",
         "event|allegation|menendez", "denied"),
        ("Prosecutors accused Senator Bob Menendez of taking bribes. Menendez pushed back on the allegations.",
         "event|allegation|menendez", "denied"),
        # an indictment called partisan is an accusation denied
        ("Prosecutors accused Senator Bob Menendez of taking bribes. Menendez called the indictment a political "
         "attack.", "event|allegation|menendez", "denied"),
        ("Prosecutors accused Senator Bob Menendez of taking bribes. Menendez said the charges were politically "
         "motivated.", "event|allegation|menendez", "denied"),
        # saying the accusers lie, or that their stories are made up, denies
        ("Several women have accused Donald Trump of groping them. Trump said the women were lying.",
         "event|allegation|trump", "denied"),
        ("Several women have accused Donald Trump of groping them. Trump dismissed the women's accounts as fiction.",
         "event|allegation|trump", "denied"),
        ("Several women have accused Donald Trump of groping them. Trump said the allegations were made up.",
         "event|allegation|trump", "denied"),
        # the expletive "it" of "it is alleged" is nobody (not the organisation named before)
        ("The Washington Post spoke to his friends. It is alleged that Emwazi had links to al-Shabab.",
         "event|allegation|emwazi", "asserted"),
    ],
)
def test_allegation_phrasings(nlp, body: str, key: str, polarity: str) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.predicate == "allegation" and c.polarity == polarity]
    assert [c.key for c in claims] == [key]


@pytest.mark.parametrize(
    "body",
    [
        "The Kremlin denied that Putin had spoken with Trump.",  # no accusation in the article
        "Prosecutors did not accuse Otieno of anything.",  # no allegation made
        "Otieno denied accusing the minister of bribery.",  # a denial of accusing, not of the act
        "Kenya's ministry is responsible for education policy.",  # a duty, not a harm
        "The minister denied responsibility for the delays, the ministry said.",  # no harm
        "The actor denied any role in the film, his agent said.",  # no harm
        "A MAN accused of trying to rob a shop is in critical condition.",  # background, not a headline
        "Kenya is not responsible for the debts of former counties, the treasury said.",
        "United Airlines blamed the weather for the cancellations.",  # nobody named is blamed
        "Russia did not blame Ukraine for the attack.",  # no allegation made
        "The Secret Service agents charged with protecting the president were sent home.",  # a duty
        "Prosecutors said they would not press charges against Daniel Reyes.",  # no charge, no denial
        # an innocent victim named by a prosecutor is not the prosecutor's own denial
        "Police charged a man with murder. Prosecutor John Doe said the boy was innocent.",
        # a hostage "kidnapped a year ago", which the parser reads as an active verb, is the victim
        "A video purportedly shows US hostage Luke Somers, 33, kidnapped more than a year ago in Sanaa, "
        "saying that his life is in danger.",
        # an unattributed accusation in a relative clause is the story's background
        "Local reports say the attack was carried out by the wife of the man Josh Lin is accused of sleeping with.",
        # charges not brought, and accusations of no misdeed, are no allegation one faces
        "Bowe Bergdahl is facing potential charges of desertion.",
        "Trump could face charges over the documents.",
        "London has faced accusations of confusion over its strategy.",
        "The referee did nothing wrong.",  # in nobody's voice
    ],
)
def test_not_allegations(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.predicate == "allegation"]
    assert claims == []


@pytest.mark.parametrize(
    "second",
    [
        "Officers said Reyes was lying in the road when they arrived.",  # where he lay
        "Reyes said he was not lying.",  # no one called a liar
        "Reyes said the story was about his childhood.",  # a story, not called false
        "Sean Hannity said the agency could not be trusted and suggested it may be lying.",  # not his accusers
        "Reyes's indictment was unsealed on Friday.",  # an accusation told, not called anything
        "Critics said the attack on Reyes was political.",  # no accusation called partisan
    ],
)
def test_lying_and_stories_that_deny_nothing(nlp, second: str) -> None:  # type: ignore[no-untyped-def]
    body = "Police accused Daniel Reyes of robbery on Friday. " + second
    assert [c for c in claims_of(nlp, article(body)) if c.polarity == "denied"] == []


def test_an_article_saying_the_same_thing_twice_makes_one_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, article(
        "The Kremlin denied that Putin had spoken with Trump by phone. Reports of a phone call "
        "between Putin and Trump are false, Kremlin spokesman Dmitry Peskov said."))
    denials = [c for c in claims if c.key == "event|call|putin+trump"]
    assert [(c.polarity, c.speaker) for c in denials] == [("denied", "Kremlin")]


@pytest.mark.parametrize(
    "body, title, key, speaker, side",
    [
        # a lawyer, an office, a family speak for the person they work for
        ("Netanyahu's office denied that he had met Mohammed bin Salman in Riyadh.", "",
         "event|meeting|netanyahu+salman", "Netanyahu", "netanyahu"),
        ("Trump's lawyers, David Schoen and Bruce Castor, denied that he had incited the riot.", "",
         "event|allegation|trump", "Trump", "trump"),
        # a ministry that names its own country is not the organisation of the headline
        ("Russia has lost 50 tanks near Avdiivka in October, the Russian defence ministry said.", "MoD on Avdiivka",
         "quantity|russia|tanks lost|avdiivka", "Russia ministry", "russia"),
        # a participle of saying speaks for whom the verb it hangs on quotes; a consequence
        # clause is told by whoever tells the clause it hangs on
        ("Eran Cicurel, an editor at Voice of Israel, quoted YPG fighters in Kobani, saying that Gill Rosenberg "
         "was not captured.", "", "event|capture|rosenberg", "YPG", "ypg"),
        ("Oliver said Vickers unloaded a lot of shots, killing Zehaf-Bibeau.", "", "event|death|zehaf-bibeau",
         "Oliver", "oliver"),
        # the passive subject of the verb an infinitive of saying completes
        ("Actor Judd Nelson, 55, has been forced to confirm that he is alive and well after rumors swept the "
         "internet on Sunday morning that he had died overnight.", "", "event|death|nelson", "Judd Nelson",
         "nelson"),
        # an official's apposition names the country they speak for (not a tourist's)
        ("Sergei Lavrov, Russia's foreign minister, said no meeting with Blinken had taken place.", "",
         "event|meeting|blinken+russia", "Sergei Lavrov", "russia"),
        ("John Smith, a British tourist, said Putin had met Trump in Helsinki.", "", "event|meeting|putin+trump",
         "John Smith", "smith"),
        # a state's own outlet speaks for it; an unnamed source is named with all the words before
        # it that modify it
        ("North Korean state media said on Tuesday that Putin had met Trump in Helsinki.", "",
         "event|meeting|putin+trump", "North Korean state media", "north korea"),
        ("Russian state TV said on Tuesday that Putin had met Trump in Helsinki.", "",
         "event|meeting|putin+trump", "Russian state TV", "russia"),
        ("IS-affiliated websites claimed over the weekend that Gill Rosenberg was captured.", "",
         "event|capture|rosenberg", "IS-affiliated websites", None),
        # a speaker after a comma that the parser hung on the count as an apposition
        ("Russian jets struck a market in Idlib on Tuesday, killing at least 40 civilians, the Syrian Observatory "
         "for Human Rights said.", "", "quantity|-|killed|idlib", "Syrian Observatory for Human Rights",
         "syrian observatory for human rights"),
    ],
)
def test_who_speaks_for_whom(nlp, body: str, title: str, key: str, speaker: str, side: str | None) -> None:  # type: ignore[no-untyped-def]
    one(claims_of(nlp, article(body, title)), key=key, speaker=speaker, side=side)


def test_a_state_body_is_no_town_the_model_tagged_as_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    body = '"The Russian army has taken full control of Vuhledar," the defence ministry said.'
    claim = one(claims_of(nlp, article(body)), key="event|capture|vuhledar")
    assert claim.speaker == "defence ministry"


@pytest.mark.parametrize(
    ("body", "key", "speaker"),
    [
        ("The Kremlin dismissed the report on Tuesday, saying Putin had not met Trump.", "event|meeting|putin+trump",
         "Kremlin"),
        ("Boko Haram laughed off the reports, saying it had not agreed a ceasefire with Nigeria.",
         "event|agreement|boko haram+nigeria", "Boko Haram"),
    ],
)
def test_a_denial_glossed_by_a_participle_of_saying_is_the_deniers(nlp, body: str, key: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    one(claims_of(nlp, article(body)), key=key, polarity="denied", speaker=speaker)


def test_a_person_denying_her_own_capture(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Gillian Rosenberg, the Canadian-Israeli woman fighting ISIS with Kurdish forces in Syria, has updated her "
            "Facebook page to say that, contrary to reports, she has not been captured by militant forces.")
    one(claims_of(nlp, article(body)), key="event|capture|rosenberg", polarity="denied", speaker="Gillian Rosenberg")
    # "he" reporting on "she": resolving both blind to gender could make her deny her own capture
    body = "Gill Rosenberg is a Canadian. \u201cShe was never in Kobane, that's not reasonable that she was captured,\u201d he said."
    assert [c for c in claims_of(nlp, article(body)) if "capture" in c.key] == []


def test_a_participle_of_saying_is_its_own_subjects_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    # "claiming he is alive" is what "they" claimed, not the minister who calls it a lie
    body = ("\u201cThey have lied that our pilot is alive and tried to negotiate, claiming he is alive while they "
            "had killed him weeks before,\u201d al-Momani added.")
    assert [c for c in claims_of(nlp, article(body)) if c.polarity == "denied"] == []


def test_his_refers_to_a_person_not_to_a_place_tagged_as_one(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, article("Police arrested opposition leader Ousmane Sonko in Dakar on Monday, his lawyer said."))
    one(claims, key="event|arrest|sonko", speaker="Ousmane Sonko")


def test_a_role_named_by_its_complement_is_no_earlier_person(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("President Barack Obama spoke on Monday. Last week the US announced it had killed the leader of "
            "Somalia's al-Shabaab terror group.")
    assert [c.key for c in claims_of(nlp, article(body)) if c.predicate == "death"] == []


def test_the_two_are_the_pair_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The Washington Post reported that President-elect Donald Trump spoke by phone with Russian President "
            "Vladimir Putin. Peskov said the two had not spoken.")
    one(claims_of(nlp, article(body)), key="event|call|putin+trump", polarity="denied", speaker="Peskov")


def test_what_happened_is_evidence_not_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Officials said the attacks showed that Russia had sent troops to Belarus."
    one(claims_of(nlp, article(body)), key="event|deployment|russia", speaker="Officials")


def test_he_after_a_sentence_initial_unnamed_person_is_not_the_person_named_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Woman says Beyonce lied to her. She's alive!"
    assert [c.key for c in claims_of(nlp, article(body)) if "beyonce" in c.key] == []


def test_it_in_what_a_party_reports_is_that_party(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Officials in Washington welcomed the news. The Nigerian government said Friday that it reached "
            "a cease-fire agreement with Boko Haram.")
    one(claims_of(nlp, article(body)), key="event|agreement|boko haram+nigeria", speaker="Nigeria government")


def test_a_judgement_of_an_agreement_is_no_claim_that_it_was_made(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Part of the deal between Boko Haram and Nigeria includes the release of the girls, government "
            "spokesman Mike Omeri said. “This ceasefire is incredibly promising, but we aren’t there yet,” said "
            "Hussaini Abdu, a charity director.")
    assert [c.speaker for c in claims_of(nlp, article(body)) if c.kind == "event"] == ["Mike Omeri"]


@pytest.mark.parametrize(
    ("body", "polarity"),
    [
        # "reports" tagged a verb, its clause hung on it: the reports are what is false
        ('Peskov said reports that Putin had met Trump were "completely false".', "denied"),
        ("Peskov said there was no truth in reports that Putin had met Trump.", "denied"),
        ("Peskov called reports that Putin had met Trump absurd.", "denied"),
        # evidence that it happened, or none
        ("The Pentagon said there was evidence that Putin had met Trump.", "asserted"),
        ("The Pentagon said there was no evidence that Putin had met Trump.", "denied"),
        # not knowing of a meeting says nothing either way
        ('The Kremlin said it was "not aware" of any meeting between Putin and Trump.', "noncommittal"),
    ],
)
def test_how_a_side_answers_reports_of_an_event(nlp, body: str, polarity: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == [("event|meeting|putin+trump", polarity)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a naming verb that calls what a report tells false: its subject denies it
        ('The Kremlin called reports of a phone call between Putin and Trump "pure fiction".',
         ("event|call|putin+trump", "denied", "Kremlin")),
        ("Peskov called the reports of a meeting between Putin and Erdogan pure fiction.",
         ("event|meeting|erdogan+putin", "denied", "Peskov")),
        # the name hung inside the object by the parse: "the groping allegations 'total fiction'"
        ('Trump called the groping allegations "total fiction".', ("event|allegation|trump", "denied", "Trump")),
    ],
)
def test_a_report_called_false_is_denied_by_who_calls_it(  # type: ignore[no-untyped-def]
        nlp, body: str, expected: tuple[str, str, str]) -> None:
    assert [(c.key, c.polarity, c.speaker) for c in claims_of(nlp, article(body)) if c.kind == "event"] == [expected]


@pytest.mark.parametrize(
    ("body", "key", "denier"),
    [
        ("Reuters reported that Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday. "
         "The Kremlin denied the report.", "event|meeting|erdogan+putin", "Kremlin"),
        ("Reuters reported that Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday. "
         "The Kremlin denied Reuters' report.", "event|meeting|erdogan+putin", "Kremlin"),
        ("Two officials said Ousmane Sonko had been arrested in Dakar. The government on Tuesday "
         "rejected these claims as baseless.", "event|arrest|sonko", "government"),
        ("Local media reported that the minister Peter Mokoena had resigned. “These claims are absolutely "
         "false,” a spokesman for the ministry said.", "event|resignation|mokoena", None),
        ("Witnesses said Israel carried out an air strike on Damascus overnight. An Israeli army "
         "spokesman denied it.", "event|attack|damascus+israel", "Israel spokesman"),
        # who calls the report false, by a naming verb: "fake news" is a falsity too
        ("The Washington Post reported that President-elect Donald Trump spoke by phone with Russian President "
         "Vladimir Putin. Peskov called the reports \"pure fiction.\"", "event|call|putin+trump", "Peskov"),
        ("The Washington Post reported that President-elect Donald Trump spoke by phone with Russian President "
         "Vladimir Putin. Trump called the report \"fake news.\"", "event|call|putin+trump", "Donald Trump"),
    ],
)
def test_a_denial_of_what_the_sentence_before_told_denies_that_claim(  # type: ignore[no-untyped-def]
        nlp, body: str, key: str, denier: str | None) -> None:
    claims = [c for c in claims_of(nlp, article(body)) if c.key == key]
    asserted = one(claims, polarity="asserted")
    denied = one(claims, polarity="denied")
    assert denied.speaker != asserted.speaker and denied.sentence_start > asserted.sentence_end
    if denier is not None:
        assert denied.speaker == denier


@pytest.mark.parametrize(
    "body",
    [
        # "it" from someone who speaks for no party: a mother's "lie" is hers to mean
        "Police said Joshua Smith had been arrested. “It is a lie,” his mother said.",
        # the denier is the one who told it
        "The Kremlin said Putin met Erdogan on Monday. The Kremlin later denied reports of a call.",
        # "the report" with content of its own is another report
        "Reuters reported that Putin met Erdogan on Monday. The Kremlin denied the report about the ruble.",
        # a ruling, not a denial, and a denial that says what it denies
        "Prosecutors said Ousmane Sonko had been arrested. The judge dismissed it.",
        # the denier's gloss says what was denied: reports about Rosenberg, not the attacks
        "Islamist blogs reported that Gill Rosenberg had been captured. According to the report, Islamic State "
        "fighters made three suicide attacks against Kurdish outposts. Kurdish sources denied the reports, saying "
        "that Rosenberg wasn't in the area when it was attacked.",
        # the arrested deny the suspicion, not the arrest
        "Police said John Smith had been arrested on suspicion of fraud. He denied it.",
        # too far back for "it"
        "Witnesses said Israel carried out an air strike on Damascus. Residents fled. "
        "Officials in Syria counted the dead. An Israeli army spokesman denied it.",
    ],
)
def test_what_is_not_a_denial_by_reference(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, article(body))
    rebutted = [c for c in claims if c.kind == "event" and c.polarity == "denied" and
                c.span_text.lower() in ("denied", "lie", "dismissed")]
    assert [(c.key, c.speaker) for c in rebutted if "call" not in c.key] == []


def test_reports_that_something_happened_called_untrue_deny_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Reports that John Smith had been arrested are untrue, his lawyer said."
    assert events(nlp, body) == [("event|arrest|smith", "denied")]
    assert events(nlp, body, title="News") == [("event|arrest|smith", "denied")]  # "Reports" tagged VBZ


def test_she_in_a_speakers_words_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Charlie Winter, a researcher, spoke on Monday. \u201cNo photos of her have been circulated by Isis,\u201d "
            "Mr Winter said, \u201cwhich means there is no hard evidence that she has actually been captured.\u201d")
    assert [key for key, _ in events(nlp, body) if "winter" in key] == []


def test_no_evidence_of_a_misdeed_by_someone_denies_the_allegation_against_them(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Prosecutors accused Menendez of taking bribes. Menendez's lawyer said on Saturday that an internal review "
            "had found no evidence of wrongdoing by Menendez.")
    one(claims_of(nlp, article(body)), key="event|allegation|menendez", polarity="denied")


@pytest.mark.parametrize(
    "denial", ['Peskov told reporters: "There was no call."', '"No such call took place," Peskov said.'],
)
def test_no_call_after_one_was_told_denies_that_call(nlp, denial: str) -> None:  # type: ignore[no-untyped-def]
    body = "The Washington Post reported that Donald Trump spoke with Vladimir Putin by phone on Thursday. " + denial
    one(claims_of(nlp, article(body)), key="event|call|putin+trump", polarity="denied", speaker="Peskov")


def test_no_call_with_none_told_before_is_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, 'Peskov told reporters: "There was no call."') == []


def test_no_information_of_such_an_event_asserts_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("National Report said Banksy had been arrested in London. A Met spokesperson said the force did not have "
            "any information of such arrest.")
    assert [c.speaker for c in claims_of(nlp, article(body)) if c.key == "event|arrest|banksy"] == ["National Report"]


@pytest.mark.parametrize(
    "body",
    ["A ministry spokesman said Peter Mokoena remained in his post.", "The club said Jose Mourinho remains in charge."],
)
def test_staying_in_post_denies_a_resignation_and_a_dismissal(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert sorted(polarity for key, polarity in events(nlp, body)) == ["denied", "denied"]
    assert {key.split("|")[1] for key, _ in events(nlp, body)} == {"resignation", "dismissal"}


@pytest.mark.parametrize(
    "body",
    ["Officials said Peter Mokoena remained in office until 2019.", "Protesters stayed in the square, police said.",
     "The minister did not remain in his post, officials said.", "OpenAI said Sam Altman would stay on as chief."],
)
def test_staying_anywhere_else_or_not_now_denies_nothing(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == []


def test_they_in_a_denial_are_the_pair_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The Washington Post reported that Donald Trump met Vladimir Putin on Friday. "
            "\"They have never met,\" Peskov said.")
    one(claims_of(nlp, article(body)), key="event|meeting|putin+trump", polarity="denied", speaker="Peskov")
    asserted = "Donald Trump met Vladimir Putin in Helsinki, officials said. \"They met for two hours,\" an aide said."
    meetings = [c.speaker for c in claims_of(nlp, article(asserted)) if c.key == "event|meeting|putin+trump"]
    assert meetings == ["officials"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # negotiations are talks; a capital that is a party to them is its country
        ("Iran denied it was holding secret negotiations with the United States.",
         [("event|meeting|iran+united states", "denied")]),
        ("Kyiv said it had not negotiated with Moscow.", [("event|meeting|russia+ukraine", "denied")]),
        ("Talks between Kyiv and Moscow resumed on Monday, Turkish officials said.",
         [("event|meeting|russia+ukraine", "asserted")]),
        # negotiations through mediators are not talks between the two
        ("Iran said it was holding indirect negotiations with the United States.", []),
    ],
)
def test_negotiations_are_talks_between_the_parties(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_any_talks_denied_are_no_denial_of_the_last_pair_told(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("President Joe Biden met Israeli Prime Minister Benjamin Netanyahu on Monday, the White House said. "
            "Iran said it had not held any talks.")
    assert [polarity for key, polarity in events(nlp, body) if key == "event|meeting|biden+netanyahu"] == ["asserted"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ousmane Sonko is in police custody, his lawyer said.", [("event|arrest|sonko", "asserted")]),
        ("Ousmane Sonko is not in custody, his lawyer said.", [("event|arrest|sonko", "denied")]),
        # in the outlet's own voice a denial, as "X is not dead." is
        ("Ousmane Sonko is not in custody.", [("event|arrest|sonko", "denied")]),
        # still held: not released either
        ("Police said Ousmane Sonko remains in detention.",
         [("event|arrest|sonko", "asserted"), ("event|release|sonko", "denied")]),
        ("Ousmane Sonko is still in police custody, his lawyer said.",
         [("event|arrest|sonko", "asserted"), ("event|release|sonko", "denied")]),
        # custody of no one named, or of a child
        ("The company said the data was in safe custody.", []),
        ("The children remain in the custody of their mother, the court said.", []),
    ],
)
def test_someone_in_custody_is_arrested(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ukraine says it recaptured Kupiansk; Russia denies",
         [("event|capture|kupiansk", "asserted"), ("event|capture|kupiansk", "denied")]),
        ("Israel says it killed Hezbollah commander Ali Karaki; group denies",
         [("event|death|karaki", "asserted"), ("event|death|karaki", "denied")]),
        ("Ukraine says it recaptured Kupiansk, Russia denies it",
         [("event|capture|kupiansk", "asserted"), ("event|capture|kupiansk", "denied")]),
        # a denial with a complement of its own denies that, not the report before it
        ("Ukraine says it recaptured Kupiansk; Russia denies losing Vovchansk", [("event|capture|kupiansk", "asserted")]),
    ],
)
def test_a_trailing_denial_denies_the_report_before_it(nlp, title: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted(events(nlp, "Fighting continued.", title=title)) == expected


def test_a_trailing_denial_is_no_captors_word(nlp) -> None:  # type: ignore[no-untyped-def]
    art = article("Fighting continued.", title="Ukraine says it recaptured Kupiansk; Russia denies")
    denial = one(claims_of(nlp, art), polarity="denied")
    assert (denial.speaker, denial.subject) == ("Russia", None)


def test_a_place_parsed_as_an_adverb_is_still_what_was_captured(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "Ukraine said on Monday it had recaptured Kupiansk.") == [("event|capture|kupiansk", "asserted")]


@pytest.mark.parametrize(
    ("body", "title", "key"),
    [
        # "we" who have the troops are the speaker's country
        ('"We have tens of thousands of troops in Kursk," a spokesperson for the Russian defence ministry told '
         "reporters.", "", "quantity|russia|troops|kursk"),
        # a headline's report of a count, with no verb of its own
        ("Fighting continued.", "Pentagon says 10,000 North Korean troops in Russia", "quantity|north korea|troops|russia"),
    ],
)
def test_counts_in_first_person_and_in_headlines(nlp, body: str, title: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body, title=title)) if c.kind == "quantity"] == [key]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ukraine's army denied on Monday that it had lost the village of Novodmytrivka to Russian troops.",
         [("event|capture|novodmytrivka", "denied")]),
        ("Ukrainian forces lost Novodmytrivka on Sunday, the Russian defence ministry said, as fighting raged on "
         "the front.", [("event|capture|novodmytrivka", "asserted")]),
        # a place lost in an election, or by a margin, was taken by no one
        ("Kamala Harris lost Pennsylvania, the Associated Press said on Wednesday.", []),
        ("Kamala Harris lost Pennsylvania by two points in the race, the Associated Press said.", []),
    ],
)
def test_a_place_lost_in_a_war_is_captured(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_who_lost_a_place_does_not_hold_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Ukrainian forces lost Novodmytrivka to Russian troops, the Russian defence ministry said, in the war."
    assert one(claims_of(nlp, article(body)), kind="event").subject == "russia"
    body = "Ukrainian forces lost Novodmytrivka on Sunday, the Russian defence ministry said, in the war."
    assert one(claims_of(nlp, article(body)), kind="event").subject is None


def test_a_headlines_bare_group_is_the_one_named_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    art = article("The strike hit a building.", title="Israel says it killed Hezbollah commander Ali Karaki; group denies")
    assert one(claims_of(nlp, art), polarity="denied").speaker == "Hezbollah"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Apple is in talks with Perplexity about a takeover, Bloomberg reported on Friday.",
         [("event|meeting|apple+perplexity", "asserted")]),
        ("Apple denied on Friday a report that it was in talks with Perplexity about an acquisition.",
         [("event|meeting|apple+perplexity", "denied")]),
        ("Israel and Hamas are in talks in Doha, Qatari officials said.", [("event|meeting|hamas+israel", "asserted")]),
        # talks with no other party named are no meeting of two
        ("Oscar-winning actor Christian Bale is in talks to play Steve Jobs, Variety reported.", []),
    ],
)
def test_being_in_talks_is_a_meeting(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_a_countrys_general_staff_speaks_for_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Ukraine's General Staff said on Tuesday that 50 of its soldiers were killed in the Kursk region."
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.side, claim.key) == ("ukraine", "quantity|ukraine|troops killed|kursk")


def test_a_time_of_hours_dates_the_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Russia said it had killed 500 Ukrainian troops in Kursk in the past 24 hours."
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert claim.ref_text == "the past 24 hours"


@pytest.mark.parametrize(
    "denial",
    [
        'Peskov said there was "no truth" to the report.',
        '"There is no truth in it," Kremlin spokesman Dmitry Peskov said.',
        # "the two leaders" of the call just told
        "Kremlin spokesman Dmitry Peskov said the two leaders had not spoken since the election.",
    ],
)
def test_denials_of_a_call_told_just_before(nlp, denial: str) -> None:  # type: ignore[no-untyped-def]
    body = "The Washington Post reported that Trump and Putin spoke by phone on Thursday. " + denial
    assert sorted(events(nlp, body)) == [("event|call|putin+trump", "asserted"), ("event|call|putin+trump", "denied")]


@pytest.mark.parametrize(
    "follow_up",
    [
        # no truth to something else
        "There is no truth to the idea that sanctions work, Peskov said.",
        # the two leaders together somewhere is no phone call
        "The two leaders spoke again at a summit in Helsinki in July, officials said.",
    ],
)
def test_what_follows_a_call_without_denying_or_repeating_it(nlp, follow_up: str) -> None:  # type: ignore[no-untyped-def]
    body = "The Washington Post reported that Trump and Putin spoke by phone in March. " + follow_up
    assert events(nlp, body) == [("event|call|putin+trump", "asserted")]


@pytest.mark.parametrize(
    ("body", "side"),
    [
        ('"There are no North Korean soldiers in Kursk," said Maria Zakharova, the spokeswoman for Russia\'s foreign '
         "ministry, on Thursday.", "russia"),
        ('"There are no North Korean soldiers in Kursk," said Maria Zakharova, spokeswoman of the Kremlin.', "russia"),
        # a spokesman for nothing that speaks for a country speaks for himself
        ('"There are no North Korean soldiers in Kursk," said John Smith, a spokesman for the hospital.', "smith"),
    ],
)
def test_an_official_for_a_countrys_body_speaks_for_it(nlp, body: str, side: str) -> None:  # type: ignore[no-untyped-def]
    assert one(claims_of(nlp, article(body)), kind="event").side == side


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russia's foreign ministry on Thursday rejected reports of North Korean troops in Kursk.",
         [("event|deployment|north korea", "denied")]),
        ("The Pentagon confirmed reports of North Korean troops in Kursk on Monday.",
         [("event|deployment|north korea", "asserted")]),
        # "his country" is the speaker's, and "Kim" alone is the Kim Jong Un named before
        ("North Korean leader Kim Jong Un spoke on Friday. Kim denied that his country had sent any troops to Russia.",
         [("event|deployment|north korea", "denied")]),
        ('North Korean leader Kim Jong Un spoke on Friday. "We never sent troops to Russia," Kim said.',
         [("event|deployment|north korea", "denied")]),
    ],
)
def test_troops_reported_and_denied(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_a_story_reported_by_an_outlet_is_the_outlets(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The story, first reported by TMZ, claimed that singer Justin Bieber had been arrested in Miami on Friday."
    assert one(claims_of(nlp, article(body)), kind="event").speaker == "TMZ"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a quotation whose words of saying come at the end of a later sentence
        ('"North Korean troops are in Kursk. We have seen them," Zelensky told reporters on Monday.',
         [("event|deployment|north korea", "asserted")]),
        ("“North Korean troops are in Kursk. We have seen them,” Zelensky said.",
         [("event|deployment|north korea", "asserted")]),
        # a character written out of a show is nobody's death
        ('"When we killed Opie off, it was like the thing turned real," Kurt Sutter said.', []),
    ],
)
def test_quotations_over_two_sentences(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("title", "expected", "speaker"),
    [
        ("Hezbollah says commander Ibrahim Aqil alive", [("event|death|aqil", "denied")], "Hezbollah"),
        ("Russia says Wagner chief Yevgeny Prigozhin dead in plane crash", [("event|death|prigozhin", "asserted")],
         "Russia"),
        # the saying after what is said
        ("Boko Haram leader Abubakar Shekau alive, says Nigerian army", [("event|death|shekau", "denied")],
         "Nigeria army"),
    ],
)
def test_a_headlines_verbless_dead_or_alive(nlp, title: str, expected: list, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "Fighting continued.", title=title) == expected
    assert one(claims_of(nlp, article("Fighting continued.", title=title)), kind="event").speaker == speaker


@pytest.mark.parametrize(
    "body",
    [
        "A blog may have sparked rumors that claimed Fidel Castro dead because he had not been seen in months.",
        "The army said dead soldiers were buried near Kupiansk on Monday.",
    ],
)
def test_dead_said_by_nobody_or_before_its_noun(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == []


def test_troops_sent_to_a_place_the_model_mistags(nlp) -> None:  # type: ignore[no-untyped-def]
    art = article("Fighting continued.", title="Ukraine denies sending troops to Kursk")
    claim = one(claims_of(nlp, art), kind="event")
    assert (claim.key, claim.polarity, claim.place) == ("event|deployment|ukraine", "denied", "Kursk")


def test_a_place_hung_on_a_time_phrase_is_the_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The army said 20 soldiers were killed over the past three days in Kursk."
    assert [c.key for c in claims_of(nlp, article(body))] == ["quantity|-|troops killed|kursk"]


@pytest.mark.parametrize(
    ("denial", "expected"),
    [
        # a party denying a deal it does not name denies its own, told before
        ("Hamas denied that any deal had been agreed.",
         [("event|agreement|hamas+israel", "asserted"), ("event|agreement|hamas+israel", "denied")]),
        # a third party's is not that deal
        ("Egypt denied that any deal had been agreed.", [("event|agreement|hamas+israel", "asserted")]),
    ],
)
def test_a_party_denying_an_unnamed_deal_denies_its_own(nlp, denial: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    body = "Qatari mediators said on Thursday that Israel and Hamas had agreed to a ceasefire. " + denial
    assert sorted(events(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Defence Minister Rustem Umerov quit on Tuesday, two government sources told Reuters.",
         [("event|resignation|umerov", "asserted")]),
        ("Defence Minister Rustem Umerov tendered his resignation on Tuesday, officials said.",
         [("event|resignation|umerov", "asserted")]),
        ("Defence Minister Rustem Umerov was removed from his post on Tuesday, officials said.",
         [("event|dismissal|umerov", "asserted")]),
        ("General Valery Zaluzhny was relieved of his duties on Thursday, the president's office said.",
         [("event|dismissal|zaluzhny", "asserted")]),
        ("Finance Minister Peter Mokoena was forced out on Monday, party officials said.",
         [("event|dismissal|mokoena", "asserted")]),
        # whose resignation protesters demand is not theirs to give; a job quit is no post left
        ("Protesters demanded his resignation on Tuesday, officials said of Defence Minister Rustem Umerov.", []),
        ("Thomas told reporters he had quit his job to look after his parents.", []),
    ],
)
def test_ways_of_leaving_a_post(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Opposition leader Ousmane Sonko was jailed on Friday, his lawyer said.", [("event|arrest|sonko", "asserted")]),
        ("The court jailed Imran Khan for three years on Saturday, his party said.", [("event|arrest|khan", "asserted")]),
        ("Jailed opposition leader Imran Khan said on Saturday that he would appeal.", []),
    ],
)
def test_someone_jailed_is_held(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_a_place_on_the_object_of_a_participle_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("An Israeli air strike on a school sheltering displaced families in Deir al-Balah killed at least "
            "30 people on Saturday, Palestinian health officials said.")
    assert [c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == ["quantity|-|killed|deir al-balah"]


def test_who_revises_a_toll_says_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Floods swept through Derna on Sunday. The UN later revised the death toll in Derna to 4,000."
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.key, claim.speaker, claim.value_low) == ("quantity|-|killed|derna", "UN", 4000)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        # a place's toll with no single incident told, or a war's: the total to date
        ("The death toll in Gaza rose to 40,005 on Thursday, the health ministry said.",
         "quantity|-|killed to date|gaza"),
        ("The Gaza death toll rose to 40,005 on Thursday, the health ministry said.", "quantity|-|killed to date|gaza"),
        ("Israeli strikes killed 30 people in Gaza on Thursday. The death toll in Gaza rose to 40,005, the ministry "
         "said.", "quantity|-|killed to date|gaza"),
        ("The death toll from the fighting in Khartoum rose to 3,000 on Sunday, officials said.",
         "quantity|-|killed to date|khartoum"),
        # one incident's toll: named by it, or told before it
        ("The death toll from the earthquake in Herat rose to 2,053 on Sunday, officials said.",
         "quantity|-|killed|herat"),
        ("The Ebola death toll in Liberia rose to 2,705 on Sunday, officials said.", "quantity|-|killed to date|liberia"),
        ("An Israeli strike hit a school in Gaza City on Thursday. The death toll in Gaza City rose to 30, medics said.",
         "quantity|-|killed|gaza city"),
        ("The quake toll in Herat rose to 2,053 on Sunday, officials said.", "quantity|-|killed|herat"),
    ],
)
def test_a_places_toll_is_a_total_unless_it_counts_one_incident(nlp, body: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"][-1] == key  # the toll's, told last


@pytest.mark.parametrize("noun", ["number", "figure"])
def test_a_figure_put_on_the_number_just_given(nlp, noun: str) -> None:  # type: ignore[no-untyped-def]
    body = f"Organisers said 100,000 people marched through Tbilisi on Sunday. Police put the {noun} at 30,000."
    claims = claims_of(nlp, article(body))
    police = one(claims, speaker="Police")
    assert (police.key, police.value_low, police.ref_text) == ("quantity|-|protesters|tbilisi", 30000, "Sunday")
    assert one(claims, speaker="Organisers").value_low == 100000


@pytest.mark.parametrize(
    "body",
    [
        # two counts before: which one "the number" is, is not said
        "The ministry said 32 people were killed and 50 injured in Jabalia on Tuesday. "
        "The military put the number at 12.",
        # no count before
        "Thousands of people marched through Tbilisi on Sunday. Police put the number at 30,000.",
    ],
)
def test_the_number_of_no_single_count(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in claims_of(nlp, article(body)) if c.value_low in (12, 30000)]


def test_a_figure_on_the_crowd_or_toll_told_before_is_of_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Organisers said 100,000 people marched through Tbilisi on Sunday. Police estimated the crowd at 30,000."
    assert one(claims_of(nlp, article(body)), speaker="Police").ref_text == "Sunday"
    body = ("An Israeli strike hit a building in Jabalia on Tuesday, the Palestinian Red Crescent said. "
            "The Israeli military put the death toll at 12.")
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.key, claim.ref_text, claim.side) == ("quantity|-|killed|jabalia", "Tuesday", "israel")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Shell is in advanced talks to buy BG Group, people familiar with the matter said.",
         [("event|meeting|bg group+shell", "asserted")]),
        ("Microsoft is in talks to acquire TikTok's U.S. operations, people familiar with the matter said.",
         [("event|meeting|microsoft+tiktok", "asserted")]),
        # talks to make no deal with another party
        ("Christian Bale is in talks to play Steve Jobs, sources said.", []),
        ("The union said it was in talks to buy time for its members.", []),
    ],
)
def test_talks_to_buy_a_company_are_talks_with_it(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("French police picked up Salah Abdeslam on Friday, officials said.", [("event|arrest|abdeslam", "asserted")]),
        ("Salah Abdeslam was picked up by police in Brussels on Friday, officials said.",
         [("event|arrest|abdeslam", "asserted")]),
        # picked up by no police, or nobody picked up
        ("Salah Abdeslam picked up the award on Friday, officials said.", []),
        ("Police picked up the pace of the investigation, officials said.", []),
    ],
)
def test_picked_up_by_police_is_an_arrest(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("Ukraine said its forces destroyed 12 Russian tanks near Avdiivka on Tuesday.",
         "quantity|russia|tanks lost|avdiivka"),
        ("The Russian defence ministry said Ukraine lost 3 tanks near Avdiivka on Tuesday.",
         "quantity|ukraine|tanks lost|avdiivka"),
        ("Ukraine's air force said 62 Russian drones were shot down over Kyiv overnight.",
         "quantity|russia|drones lost|kyiv"),
    ],
)
def test_arms_destroyed_are_their_holders_losses(nlp, body: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body))] == [key]


def test_a_person_for_no_one_else_is_one_side_however_named(nlp) -> None:  # type: ignore[no-untyped-def]
    full = one(claims_of(nlp, article("Dmitry Peskov told reporters there had been no call between Putin and Trump.")))
    bare = one(claims_of(nlp, article("Peskov said Putin had not spoken with Trump by phone on Thursday.")))
    assert full.side == bare.side == "peskov"


def test_a_countrys_air_force_speaks_for_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Ukraine's air force said 62 Russian drones were shot down over Kyiv overnight."
    assert one(claims_of(nlp, article(body)), kind="quantity").side == "ukraine"


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # a comma for "and" between the two names a headline opens with, the source after a closing comma
        ("Putin, Trump held phone call, Washington Post reports", "The Kremlin denied the report.",
         [("event|call|putin+trump", "asserted", "Washington Post"), ("event|call|putin+trump", "denied", "Kremlin")]),
        ("Israel, Hamas agree ceasefire deal, mediators say", "Talks went on into the night.",
         [("event|agreement|hamas+israel", "asserted", "mediators")]),
        # the outlet's own headline: nobody named says it
        ("Putin, Trump discuss Ukraine in phone call", "The Kremlin denied the report.", []),
    ],
)
def test_a_headlines_pair_of_names_and_closing_source(nlp, title: str, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, article(body, title))
    assert [(c.key, c.polarity, c.speaker) for c in claims if c.kind == "event"] == expected


def test_who_says_an_attack_happened_is_no_party_to_it(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, article("Body.", title="U.S. says ransomware attack on meatpacker JBS likely from Russia"))
    assert not [c.key for c in claims if "united states" in c.key]


def test_he_after_a_headline_whose_verb_was_read_as_a_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    title = "Paul Manafort strikes deal with Mueller team, pleads guilty to two felony charges"
    body = "He also pleaded guilty to obstructing the special counsel investigation he has now promised to assist."
    assert events(nlp, body, title) == [("event|allegation|manafort", "asserted")]


@pytest.mark.parametrize(
    ("body", "low", "high"),
    [
        # a range the parser hangs on the verb of saying
        ("Ukraine said between 10,000 and 12,000 North Korean troops were in Kursk.", 10000, 12000),
        ("Ukraine said 12 000 North Korean troops were in Kursk.", 12000, 12000),
        ("Ukraine said 11K North Korean troops were in Kursk.", 11000, 11000),
        # a range read as the verb's preposition, the troops its object
        ("Ukraine's military intelligence said Russia has deployed between 11,000 and 12,000 North Korean troops "
         "in Kursk.", 11000, 12000),
    ],
)
def test_counts_written_other_ways(nlp, body: str, low: float, high: float) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.key, claim.value_low, claim.value_high) == ("quantity|north korea|troops|kursk", low, high)


@pytest.mark.parametrize(
    "body",
    [
        # a long title between the country and the name, or the name an apposition of the role
        "Nigeria's armed forces chief Air Chief Marshal Alex Badeh announced the ceasefire with Boko Haram on Friday.",
        "Nigeria's army chief, Alex Badeh, announced the ceasefire with Boko Haram on Friday.",
        "Nigeria's government announced a truce with Boko Haram on Friday.",
    ],
)
def test_who_announces_a_truce_with_a_party_is_the_other(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity, claim.side) == ("event|agreement|boko haram+nigeria", "asserted", "nigeria")


@pytest.mark.parametrize(
    ("body", "hedged"),
    [
        ("Hezbollah commander Ibrahim Aqil is believed to have been killed in the strike, Lebanese sources said.", True),
        ("Israeli officials said Hamas leader Yahya Sinwar was thought to have been killed in Rafah.", True),
        ("Israeli officials said Hamas leader Yahya Sinwar had been killed in Rafah.", False),
        # reports no one is named for, or called unconfirmed
        ("Reports said Hamas leader Yahya Sinwar had been killed in Rafah.", True),
        ("Unverified reports on social media said Hamas leader Yahya Sinwar had been killed in Rafah.", True),
        ("Israel's Channel 12 report said Hamas leader Yahya Sinwar had been killed in Rafah.", False),
    ],
)
def test_believed_or_thought_to_have_hedges(nlp, body: str, hedged: bool) -> None:  # type: ignore[no-untyped-def]
    assert one(claims_of(nlp, article(body)), kind="event").hedged is hedged


def test_the_toll_from_a_days_quake_named_in_the_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Morocco's interior ministry said the death toll from Friday's earthquake had risen to 2,012. "
            "Rescue workers said more than 3,000 people were killed in the quake.")
    claims = claims_of(nlp, article(body, title="Death toll from Morocco quake"))
    # "the quake" is Friday's, told the sentence before
    assert {(c.key, c.value_low, c.ref_text) for c in claims} == {
        ("quantity|-|killed|morocco", 2012, "Friday"), ("quantity|-|killed|morocco", 3000, "Friday")}


@pytest.mark.parametrize(
    ("body", "key"),
    [
        # a country's own body tells of its economy
        ("Russia's central bank said annual inflation in October was 8.5%.", "quantity|russia|inflation|-"),
        ("Turkey's statistics office said annual inflation was 61.4% in October.", "quantity|turkey|inflation|-"),
        # a bank of no country, a forecast: no claim
        ("Economists at Goldman Sachs said inflation was 10%.", None),
        ("The IMF said inflation would reach 9%.", None),
    ],
)
def test_a_national_rate_told_by_the_countrys_body(nlp, body: str, key: str | None) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body))] == ([key] if key else [])


@pytest.mark.parametrize(
    "body",
    [
        "While Russia says 50,000 of its troops are in Kursk, Ukraine puts the figure at 11,000.",
        "Russia says 50,000 of its troops are in Kursk; Ukraine puts the number at 11,000.",
    ],
)
def test_the_other_sides_figure_for_a_count_in_the_same_sentence(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    counts = [c for c in claims_of(nlp, article(body)) if c.kind == "quantity"]
    assert [(c.key, c.side, c.value_low) for c in counts] == [
        ("quantity|russia|troops|kursk", "russia", 50000), ("quantity|russia|troops|kursk", "ukraine", 11000)]
    assert counts[0].place_country is None  # "Kursk, Ukraine puts ..." puts Kursk in no country


def test_a_part_of_a_group_counted_is_no_count(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not claims_of(nlp, article("Officials said 5 of the 12 soldiers in Kursk were wounded."))


def test_a_closing_source_hung_on_the_clause_it_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("President-elect Donald Trump spoke with Russian President Vladimir Putin on Thursday, the Washington "
            "Post reported on Sunday, citing people familiar with the call.")
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.speaker, claim.ref_text) == ("event|call|putin+trump", "Washington Post", "Thursday")


def test_a_nationality_of_a_named_town_is_no_party(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Jihadists launched an attack on the Syrian border town of Kobani on Saturday, a Kurdish official said."
    assert not [c.key for c in claims_of(nlp, article(body)) if "syria" in c.key]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a killing its doer claims, denied by the other side: the death is denied
        ("Hezbollah denied on Tuesday an Israeli claim that it had killed Hashem Safieddine in an airstrike.",
         [("event|death|safieddine", "denied")]),
        # the alleged doer's own denial is of the killing, not of the death
        ("Russia denied on Monday that it had killed Sergei Skripal.", []),
    ],
)
def test_a_killing_claimed_by_its_doer_and_denied(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('Asked whether Putin and Trump had held a phone call, Peskov said: "No."',
         [("event|call|putin+trump", "denied")]),
        ('Asked if North Korean troops were in Kursk, Peskov replied: "Of course not."',
         [("event|deployment|north korea", "denied")]),
        ("Asked whether Putin and Trump had spoken by phone, Peskov said yes.",
         [("event|call|putin+trump", "asserted")]),
        # a question answered otherwise is no claim
        ("Asked whether Putin and Trump had spoken by phone, Peskov said he could not comment.", []),
        ("Asked whether North Korean troops were in Kursk, Peskov said the Kremlin had nothing to add.", []),
    ],
)
def test_a_question_answered_in_one_word(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_its_jets_struck_is_the_speakers_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The Israeli military said its jets struck a Hezbollah weapons depot in southern Lebanon on Monday."
    assert events(nlp, body) == [("event|attack|hezbollah+israel", "asserted")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russia's defence ministry said it had struck Kharkiv on Monday.", [("event|attack|kharkiv+russia", "asserted")]),
        ("Russia's defence ministry said it had not struck Kharkiv.", [("event|attack|kharkiv+russia", "denied")]),
    ],
)
def test_it_that_a_countrys_organ_says_struck_is_the_country(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_what_is_retaken_is_a_place_whatever_its_tag(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model tags "Wad Madani" a person in the headline, a place after "the city of"
    claims = claims_of(nlp, article("Sudan's army said on Saturday it had retaken the city of Wad Madani.",
                                    title="Sudan's army says it retook Wad Madani"))
    assert {c.key for c in claims} == {"event|capture|wad madani"}


@pytest.mark.parametrize(
    "rebuttal",
    [
        "The Kremlin said there was no basis to the report.",
        "Peskov said the report did not correspond to reality.",
        # the negation on the copula
        "The reports are not true, Kremlin spokesman Dmitry Peskov said.",
        "Kremlin spokesman Dmitry Peskov said the reports were not true.",
    ],
)
def test_more_ways_to_call_a_report_false(nlp, rebuttal: str) -> None:  # type: ignore[no-untyped-def]
    body = "Reuters reported on Monday that Putin met Erdogan in Sochi. " + rebuttal
    assert sorted(events(nlp, body)) == [("event|meeting|erdogan+putin", "asserted"),
                                         ("event|meeting|erdogan+putin", "denied")]


def test_alive_said_in_a_video_denies_a_death(nlp) -> None:  # type: ignore[no-untyped-def]
    # the clause parsed as the video's
    assert events(nlp, "Boko Haram said in a video that Shekau was alive.") == [("event|death|shekau", "denied")]


def test_an_event_befalling_several_people_is_each_ones(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Hamas denied that Mohammed Deif and Rafa Salama had been killed."
    assert sorted(events(nlp, body)) == [("event|death|deif", "denied"), ("event|death|salama", "denied")]
    body = "Israeli officials said Mohammed Deif was killed in the strike on Saturday."
    assert events(nlp, body) == [("event|death|deif", "asserted")]


def test_no_such_conversation_after_a_call_denies_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The Washington Post reported that Trump and Putin spoke by phone on Thursday. "
            "The Kremlin said there had been no such conversation.")
    assert sorted(events(nlp, body)) == [("event|call|putin+trump", "asserted"), ("event|call|putin+trump", "denied")]
    # no call told before: a conversation is no call
    assert events(nlp, "The Kremlin said there had been no such conversation.") == []


def test_a_report_that_corresponds_to_reality_is_no_denial(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Reuters reported on Monday that Putin met Erdogan in Sochi. Peskov said the report corresponded to reality."
    assert events(nlp, body) == [("event|meeting|erdogan+putin", "asserted")]


@pytest.mark.parametrize(
    ("body", "key", "low"),
    [
        ("Police said three people died in clashes in Nairobi on Tuesday. "
         "Rights groups said at least 23 protesters had been killed.", "quantity|-|killed|nairobi", 23),
        ("Police said they arrested 200 people during Saturday's protest in Tbilisi. "
         "Organisers said more than 500 demonstrators had been detained.", "quantity|-|arrested|tbilisi", 500),
        ("South Korea's spy agency said about 10,000 North Korean soldiers were in Russia. "
         "The Pentagon said 3,000 North Korean troops had been sent.", "quantity|north korea|troops|russia", 3000),
        # in the same sentence, the first count's place named before it
        ("Police said three people died in clashes in Nairobi on Tuesday, while Amnesty International said at "
         "least 23 protesters had been killed.", "quantity|-|killed|nairobi", 23),
    ],
)
def test_a_count_told_against_the_count_just_given(nlp, body: str, key: str, low: float) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.kind == "quantity"]
    answer = one(claims, value_low=low)
    given = next(c for c in claims if c is not answer)
    assert (answer.key, given.key) == (key, key)
    assert (answer.ref_start, answer.ref_end) == (given.ref_start, given.ref_end)


@pytest.mark.parametrize(
    "body",
    [
        # the same voice: a second figure of its own, not an answer
        "Police said three people died in clashes in Nairobi on Tuesday. Police said 23 protesters had been killed.",
        # somewhere else, or a larger whole
        "Police said three people died in clashes in Nairobi on Tuesday. "
        "Rights groups said 23 protesters had been killed across the country.",
        "Police said three people died in clashes in Nairobi on Tuesday. "
        "Rights groups said 23 protesters had been killed in Mombasa.",
        "Police said three people died in clashes in Nairobi on Tuesday, while rights groups said 23 protesters "
        "had been killed in Mombasa.",
        # another group, or another outcome
        "Police said three people died in clashes in Nairobi on Tuesday. Rights groups said 23 soldiers had been killed.",
        "Police said three people died in clashes in Nairobi on Tuesday. Rights groups said 23 protesters were injured.",
        # told in the outlet's voice: no second opinion to answer
        "Three people died in clashes in Nairobi on Tuesday. Rights groups said 23 protesters had been killed.",
    ],
)
def test_a_count_with_no_place_answers_only_another_voices_count_of_the_same(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body))].count("quantity|-|killed|nairobi") == 1


@pytest.mark.parametrize(
    "body",
    [
        "Three people were killed in the blast in Kabul, officials initially said. Police later said 12 people were "
        "killed in Kabul.",
        "According to initial reports, three people were killed in the blast in Kabul. Police said 12 people were "
        "killed in Kabul.",
        "The Pentagon had said that 3,000 North Korean troops were in Kursk. Seoul said 10,000 North Korean troops "
        "were in Kursk.",
    ],
)
def test_a_figure_told_as_superseded_is_no_claim(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.value_low for c in claims_of(nlp, article(body)) if c.kind == "quantity"] in ([12], [10000])


def test_an_earlier_figure_of_its_own_time_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The Institute for the Study of War initially reported that Russia had 11,000 troops in Kursk when "
            "Ukraine began its offensive in early August.")
    assert one(claims_of(nlp, article(body)), kind="quantity").ref_text is not None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Yemen's Houthi rebels said on Tuesday they had attacked a U.S. destroyer in the Red Sea. "
         "The Pentagon said no U.S. ship was hit.",
         [("event|attack|houthis+united states", "asserted"), ("event|attack|houthis+united states", "denied")]),
        ("The Houthis said they struck a U.S. warship in the Red Sea on Tuesday. "
         "A Pentagon spokesman denied that any U.S. warship had been struck.",
         [("event|attack|houthis+united states", "asserted"), ("event|attack|houthis+united states", "denied")]),
        # what was hit is not what the attack told before struck
        ("The Houthis said they struck a U.S. warship in the Red Sea on Tuesday. The Pentagon said a British ship "
         "was not hit.", [("event|attack|houthis+united states", "asserted")]),
        # no attack told before: no one to have done it
        ("The Pentagon said no U.S. ship was hit.", []),
        # "they" in a quotation is the other side
        ('"They attacked our ship," the Pentagon said.', []),
        # other uses of "hit"
        ("Sanctions hit Russia's economy hard, the central bank said.", []),
    ],
)
def test_a_target_says_it_was_not_hit(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ukraine denied any involvement in the drone attack on Moscow on Sunday.",
         [("event|allegation|ukraine", "denied"), ("event|attack|moscow+ukraine", "denied")]),
        ("Iran denied any role in the attack on Israel.",
         [("event|allegation|iran", "denied"), ("event|attack|iran+israel", "denied")]),
        # no named target: the allegation only
        ("Ukraine denied any involvement in the attack on the bridge.", [("event|allegation|ukraine", "denied")]),
        # a role in something else
        ("The actor denied any role in the film.", []),
    ],
)
def test_involvement_in_an_attack_denied_is_the_attack_denied(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted(events(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("South Korea's spy agency said Kim Jong Un visited Moscow last week.", [("event|visit|kim+moscow", "asserted")]),
        ("Russian state media said Putin made a surprise trip to Mariupol.", [("event|visit|mariupol+putin", "asserted")]),
        ("Kremlin spokesman Dmitry Peskov denied that Kim Jong Un had visited Moscow.", [("event|visit|kim+moscow", "denied")]),
        ("Peskov said Kim Jong Un's visit to Moscow had not taken place.", [("event|visit|kim+moscow", "denied")]),
        # a visit to come, a place no one named, told in no one's voice
        ("Kim Jong Un will visit Russia next month, the Kremlin said.", []),
        ("The minister said he visited the hospital on Monday.", []),
        ("Kim Jong Un visited Moscow last week.", []),
    ],
)
def test_a_visit_of_a_party_to_a_place(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted(events(nlp, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ukraine blamed Russia for the attack on the Zaporizhzhia nuclear plant.",
         [("event|allegation|russia", "asserted"), ("event|attack|russia+zaporizhzhia", "asserted")]),
        ("The IDF held Hamas responsible for the attack on Tel Aviv.",
         [("event|allegation|hamas", "asserted"), ("event|attack|hamas+tel aviv", "asserted")]),
        ("Russia's FSB said Ukraine was behind the attack on Crocus City Hall.",
         [("event|allegation|ukraine", "asserted"), ("event|attack|crocus city hall+ukraine", "asserted")]),
        ("Hamas claimed responsibility for the rocket attack on Tel Aviv.",
         [("event|allegation|hamas", "asserted"), ("event|attack|hamas+tel aviv", "asserted")]),
        # no one has claimed it; blame for something that is no attack
        ("No group has claimed responsibility for the attack on Tel Aviv.", []),
        ("The minister blamed Russia for the rise in gas prices.", [("event|allegation|russia", "asserted")]),
    ],
)
def test_blame_for_a_named_attack_asserts_the_attack(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted(events(nlp, body)) == expected


def test_an_untagged_official_speaks_for_the_country_of_their_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Kyrylo Budanov, Ukraine's military intelligence chief, said in an interview that 11,000 North Korean "
            "troops were in Kursk.")
    assert {(c.speaker, c.side) for c in claims_of(nlp, article(body))} == {("Kyrylo Budanov", "ukraine")}


def test_a_security_service_speaks_for_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, article("Russia's FSB said Ukraine was behind the attack on Crocus City Hall."))
    assert {c.side for c in claims} == {"russia"}


def test_it_that_a_countrys_body_says_lost_troops_is_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Russia's defence ministry said it lost 50 servicemen in Kursk."
    assert one(claims_of(nlp, article(body)), kind="quantity").key == "quantity|russia|troops killed|kursk"


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("The Israeli military said two soldiers were killed in Jabalia on Wednesday.",
         "quantity|israel|troops killed|jabalia"),
        ("US officials said three soldiers were wounded in the attack in Jordan.",
         "quantity|united states|troops injured|jordan"),
        # said by no state's organ, of soldiers someone's, or taken (a side tells of the enemy it took)
        ("Witnesses said two soldiers were killed in Jabalia on Wednesday.", "quantity|-|troops killed|jabalia"),
        ("The Israeli military said two enemy soldiers were killed in Jabalia.", "quantity|-|troops killed|jabalia"),
        ("Russia's defence ministry said 23 soldiers surrendered in Kursk.", "quantity|-|troops captured|kursk"),
    ],
)
def test_soldiers_a_state_organ_says_were_harmed_are_its_own(nlp, body: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert one(claims_of(nlp, article(body)), kind="quantity").key == key


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russian missiles hit Kyiv on Tuesday, officials said.", [("event|attack|kyiv+russia", "asserted")]),
        ("A Russian missile strike hit Kyiv on Tuesday, Ukrainian officials said.",
         [("event|attack|kyiv+russia", "asserted")]),
        ("Israeli airstrikes hit the Lebanese town of Nabatieh on Wednesday, Lebanon's health ministry said.",
         [("event|attack|israel+nabatieh", "asserted")]),
        ("Russia denied that its missiles had hit Kyiv.", [("event|attack|kyiv+russia", "denied")]),
        # what hits is no weapon, or nothing is hit
        ("Sanctions hit Russia's economy hard, the central bank said.", []),
        ("The storm hit Florida on Tuesday, officials said.", []),
        ("Russian exports hit a record in October, the ministry said.", []),
        # who struck is not named: what was hit is no attacker
        ("The Israeli military said the strike hit a Hamas command centre inside a school in Nuseirat.", []),
    ],
)
def test_arms_that_hit_a_place_attack_it(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize("body", ["Officials said 40 people had died of Ebola in Congo on Friday.",
                                  "Jackson died of a heart attack on Tuesday, his family said."])
def test_what_one_dies_of_is_no_one(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert not [k for k, _ in events(nlp, body) if k in ("event|death|ebola", "event|death|attack")]


def test_the_speakers_country_is_no_other_place(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The World Health Organization said on Friday that 40 people had died of Ebola in Congo's Equateur "
            "province. Congo's health ministry said 12 people had died.")
    claims = [c for c in claims_of(nlp, article(body)) if c.kind == "quantity"]
    assert [(c.key, c.value_low) for c in claims] == [("quantity|-|killed|equateur", 40),
                                                      ("quantity|-|killed|equateur", 12)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Sudan's army and the RSF signed a ceasefire in Jeddah on Saturday, Saudi officials said. "
         "The RSF denied signing any agreement.",
         [("event|agreement|rsf+sudan", "asserted"), ("event|agreement|rsf+sudan", "denied")]),
        # the other party named: another agreement
        ("Sudan's army and the RSF signed a ceasefire in Jeddah on Saturday, Saudi officials said. "
         "The RSF denied signing any agreement with Egypt.",
         [("event|agreement|rsf+sudan", "asserted"), ("event|agreement|egypt+rsf", "denied")]),
    ],
)
def test_one_party_of_a_deal_told_before_denies_it(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Iran fired about 180 ballistic missiles at Israel on Tuesday, the Israeli military said.",
         [("quantity|iran|missiles launched|israel", "about 180")]),
        ("Russia launched 120 missiles and 90 drones at Ukraine overnight, Ukraine's air force said.",
         [("quantity|russia|missiles launched|ukraine", "120"), ("quantity|russia|drones launched|ukraine", "90")]),
        ("Russia attacked Ukraine with 96 drones overnight, Ukraine's air force said.",
         [("quantity|russia|drones launched|ukraine", "96")]),
        # the one who fires them is the speaker's party
        ("Iran's Revolutionary Guards said they had launched 200 missiles at Israel.",
         [("quantity|iran|missiles launched|israel", "200")]),
        # other things fired or launched
        ("Police fired 12 rounds of tear gas at protesters in Tbilisi, witnesses said.", []),
        ("SpaceX launched 20 satellites from Florida on Tuesday, the company said.", []),
    ],
)
def test_arms_fired_at_a_place_are_counted_per_attack(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.kind == "quantity"]
    assert [(c.key, c.span_text) for c in claims] == expected


@pytest.mark.parametrize(
    "held_on",
    ["its troops were still fighting in Novohrodivka", "its troops remain in Novohrodivka"],
)
def test_troops_still_fighting_in_a_place_deny_its_capture(nlp, held_on: str) -> None:  # type: ignore[no-untyped-def]
    body = ("Russia's defence ministry said on Sunday its forces had captured the village of Novohrodivka. "
            f"Ukraine's General Staff said {held_on}.")
    claims = claims_of(nlp, article(body))
    denial = one(claims, key="event|capture|novohrodivka", polarity="denied")
    assert (denial.side, denial.subject) == ("ukraine", "ukraine")
    assert one(claims, key="event|capture|novohrodivka", polarity="asserted").subject == "russia"


def test_a_demonym_misread_as_a_place_is_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Kursk governor Alexei Smirnov said two civilians were killed in Ukrainian shelling of Rylsk on Saturday."
    assert not [c for c in claims_of(nlp, article(body)) if c.place == "Ukraine"]


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("", "Bloomberg reported that Putin had met Trump's envoy Steve Witkoff in Moscow on Thursday.",
         [("event|meeting|putin+witkoff", "asserted")]),
        # the envoy unnamed: no one the meeting can be keyed by
        ("Kremlin denies Putin met Trump envoy", "The Kremlin said on Friday it had nothing to add.", []),
    ],
)
def test_whom_an_envoy_acts_for_is_not_who_met(nlp, title: str, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body, title) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Medics said a strike on a house in Gaza City killed five people on Tuesday. Another strike on a school in "
        "Gaza City killed 12 people on Tuesday, the civil defence agency said.",
        "Medics said a strike on a house in Gaza City killed five people on Tuesday. In a separate attack, a drone "
        "strike in Gaza City killed 12 people on Tuesday, the civil defence agency said.",
    ],
)
def test_a_count_of_another_incident_is_no_count_of_the_day(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.value_low for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == [5]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Donald Trump and Vladimir Putin discussed Ukraine, the Washington Post reported.",
         [("event|call|putin+trump", "asserted")]),
        # a family name named nowhere in full is no one to key the call by
        ("The report did not give details.", []),
    ],
)
def test_a_headlines_untagged_first_name_named_in_full_in_the_body(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body, "Trump, Putin spoke by phone last week, report says") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Journalist Evan Gershkovich was detained in Yekaterinburg on Wednesday, his newspaper said. "
         "Russian police denied detaining him.",
         [("event|arrest|gershkovich", "asserted"), ("event|arrest|gershkovich", "denied")]),
        # no arrest told before: "him" is no one known
        ("Russian police denied detaining him.", []),
    ],
)
def test_an_event_denied_of_him_is_of_the_one_told_before(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize("body", ["Trump is going to meet Putin in Alaska next week, the White House said.",
                                  '"He is not going to be suspended," a network source said of Brian Williams.'])
def test_an_event_going_to_happen_is_no_claim(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == []


@pytest.mark.parametrize(
    ("body", "one_attack"),
    [
        ("An Israeli strike on a house in Gaza City killed five people on Tuesday, medics said.", True),
        ("Twelve people were killed in an Israeli strike on a school in Gaza City on Tuesday, medics said.", True),
        ("Israeli jets struck a market in Idlib on Tuesday, killing 40 people, the Observatory said.", True),
        ("At least 20 people were killed when an Israeli strike hit a tent camp in Rafah on Tuesday, medics said.",
         True),
        ("Israeli jets struck a market in Idlib on Tuesday and 40 people were killed, the Observatory said.", True),
        ("Israeli strikes killed 30 people in Gaza City on Tuesday, the health ministry said.", False),
        ("Russian missiles struck Kharkiv on Monday and seven people were killed, the governor said.", False),
        ("Russian strikes on Kharkiv killed seven people on Monday, the governor said.", False),
        ("Russian missile strikes on Kyiv killed seven people on Monday, the mayor said.", False),
        ("The earthquake killed 300 people in Herat on Saturday, officials said.", False),
        ("Three people were killed in Nairobi on Tuesday as protesters stormed parliament, police said.", False),
    ],
)
def test_a_count_of_one_attack_is_told_from_a_places_toll(nlp, body: str, one_attack: bool) -> None:  # type: ignore[no-untyped-def]
    assert [c.one_attack for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == [one_attack]


def test_a_count_after_a_strike_has_the_strikes_place_and_day(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Russian missiles struck buildings in Kharkiv on Tuesday and 15 civilians were killed, officials said."
    [count] = [c for c in claims_of(nlp, article(body)) if c.kind == "quantity"]
    assert (count.key, count.ref_text) == ("quantity|-|killed|kharkiv", "Tuesday")


@pytest.mark.parametrize(
    ("body", "key", "speaker"),
    [
        ("Russian missiles hit Kyiv on Monday, killing seven people, the mayor said.", "quantity|-|killed|kyiv",
         "mayor"),
        # Kharkiv tagged a person by the model: still where the missiles struck, and no one "the governor" is
        ("Seven people died when Russian missiles struck Kharkiv on Monday, the governor said.",
         "quantity|-|killed|kharkiv", "governor"),
        ("Twelve people were killed as Israeli jets pounded Rafah on Tuesday, medics said.",
         "quantity|-|killed|rafah", "medics"),
        ("An Israeli strike that hit a school in Gaza City killed 12 people on Tuesday, medics said.",
         "quantity|-|killed|gaza city", "medics"),
    ],
)
def test_a_toll_is_of_the_place_the_attack_struck(nlp, body: str, key: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert [(c.key, c.speaker) for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == [(key, speaker)]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("About 40,000 people fled their homes in El Fasher on Sunday, aid agencies said.",
         "quantity|-|displaced|el fasher"),
        ("Some 3,000 residents fled from Kherson on Friday, the regional governor said.",
         "quantity|-|displaced|kherson"),
        ("At least 2,000 people were forced to flee their homes in Kharkiv region on Friday, officials said.",
         "quantity|-|displaced|kharkiv"),
        # Rafah tagged a person; "since Monday" a running total
        ("More than 100,000 people have fled Rafah since Monday, the UN said.", "quantity|-|displaced to date|rafah"),
    ],
)
def test_people_who_fled_are_counted_as_displaced(nlp, body: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == [key]


@pytest.mark.parametrize(
    "body",
    ["Kremlin spokesman Dmitry Peskov said there had been no contact between Vladimir Putin and Donald Trump.",
     "Kremlin spokesman Dmitry Peskov said there had been no contacts between Putin and Trump since the election."],
)
def test_no_contact_between_two_leaders_denies_their_call(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [(c.key, c.polarity) for c in claims_of(nlp, article(body))] == [("event|call|putin+trump", "denied")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Maduro won 51.2 percent of the vote in Sunday's election, the National Electoral Council said.",
         [("quantity|maduro|vote share|-", 51.2)]),
        ("The opposition said its candidate Edmundo Gonzalez won 67 percent of the vote on Sunday.",
         [("quantity|gonzalez|vote share|-", 67)]),
        ("The CDU won 31.9 percent of the vote in Saxony on Sunday.", [("quantity|cdu|vote share|saxony", 31.9)]),
        # the share a winner won the election "with"
        ("The opposition said its candidate Edmundo Gonzalez won the election with 67 percent of the vote.",
         [("quantity|gonzalez|vote share|-", 67)]),
        ("The electoral council declared Nicolas Maduro the winner with 51 percent of the vote.",
         [("quantity|maduro|vote share|-", 51)]),
        ("Maduro was declared the winner with 51 percent of the vote, the electoral council said.",
         [("quantity|maduro|vote share|-", 51)]),
        ("Maduro met supporters with 51 percent of the vote counted.", []),
        # a poll, a projection, a count still running: figures that differ by design
        ("Polls show Harris winning 48 percent of the vote.", []),
        ("A new survey found Harris would win 48 percent of the vote.", []),
        ("With 90 percent of ballots counted, Sheinbaum had won 59 percent of the vote.", []),
        ("Trump is expected to win 52 percent of the vote in Florida.", []),
    ],
)
def test_a_share_of_the_vote_is_its_winners(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(c.key, c.value_low) for c in claims_of(nlp, article(body)) if c.unit == "percent"] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hamas released 13 Israeli hostages on Friday, Qatar's foreign ministry said.",
         [("quantity|israel|hostages released|-", 13)]),
        ("Israel freed 33 Palestinian prisoners on Friday, the Israeli prison service said.",
         [("quantity|palestine|prisoners released|-", 33)]),
        ("Hamas freed 24 hostages on Friday, Israeli officials said.", []),  # whose: a count of no one's
    ],
)
def test_a_release_of_nationals_needs_no_place(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(c.key, c.value_low) for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == expected


@pytest.mark.parametrize(
    ("body", "side"),
    [
        ("President Donald Trump did not speak with Russian President Vladimir Putin on Thursday, White House "
         "spokeswoman Karoline Leavitt said.", "united states"),
        ("President Donald Trump spoke with Russian President Vladimir Putin on Thursday, Kremlin spokesman Dmitry "
         "Peskov said.", "russia"),
    ],
)
def test_a_spokesperson_titled_by_a_seat_of_government_speaks_for_its_country(nlp, body: str, side: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.side for c in claims_of(nlp, article(body))] == [side]


def test_soldiers_who_surrendered_are_captured(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Russia's defence ministry said 23 Ukrainian soldiers surrendered in Kursk on Tuesday."
    assert [c.key for c in claims_of(nlp, article(body))] == ["quantity|ukraine|troops captured|kursk"]


@pytest.mark.parametrize(
    ("body", "key", "speaker"),
    [
        # misparsed: "ferry" the subject of "said", the governor an apposition of "people"
        ("A ferry capsized on Lake Kivu on Thursday, killing at least 78 people, the governor of South Kivu said.",
         "quantity|-|killed|lake kivu", "South Kivu"),
        ("At least 10 people died when a building collapsed in Lagos on Monday, emergency officials said.",
         "quantity|-|killed|lagos", "emergency officials"),
        ("Wildfires in Los Angeles have destroyed more than 12,000 structures, Cal Fire said.",
         "quantity|-|homes destroyed|los angeles", "Cal Fire"),
    ],
)
def test_disaster_tolls_and_their_closing_sources(nlp, body: str, key: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert [(c.key, c.speaker) for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == [(key, speaker)]


@pytest.mark.parametrize(
    "body",
    [
        # "drowned" parsed as a participle on "migrants", the migrants as a subject (or object) of "said"
        "At least 61 migrants drowned off Libya on Saturday, the International Organization for Migration said.",
        "The International Organization for Migration said at least 61 migrants drowned when their boat capsized "
        "off Libya on Saturday.",
        # "off" parsed as a particle
        "At least 61 migrants died when their boat capsized off Libya on Saturday, the IOM said.",
    ],
)
def test_a_toll_misparsed_keeps_its_place_and_day(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.key, claim.ref_text) == ("quantity|-|migrants killed|libya", "Saturday")


def test_the_he_of_a_speakers_own_quotation_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Jordanian government spokesman Mohammed al-Momani said Jordan was looking into the claim. “It’s part of "
            "their propaganda. They have lied that our pilot is alive, claiming he is alive while they had killed "
            "him weeks before,” al-Momani added.")
    assert not [c for c in claims_of(nlp, article(body)) if "momani" in c.key]
    # a quotation opened after "she", closed in a later sentence, leaves "she" its speaker's
    body = 'Chandler says she met Phelps on the dating app Tinder and described it as "like a teenage love affair.'
    assert [c.key for c in claims_of(nlp, article(body))] == ["event|meeting|chandler+phelps"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('"I am alive and well," Judd Nelson told TMZ on Sunday.', [("event|death|nelson", "denied")]),
        ('"I was never arrested," rapper Chris Brown told reporters on Monday.', [("event|arrest|brown", "denied")]),
    ],
)
def test_the_i_of_a_persons_quotation_is_that_person(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(c.key, c.polarity) for c in claims_of(nlp, article(body))] == expected


@pytest.mark.parametrize("verb", ["are believed", "are known", "were reported", "were confirmed"])
def test_a_count_raised_to_the_outcome_after_it(nlp, verb: str) -> None:  # type: ignore[no-untyped-def]
    body = f"At least 44 people {verb} to have been killed in Israeli strikes in Gaza on Sunday, medics said."
    assert [(c.key, c.value_low) for c in claims_of(nlp, article(body))] == [("quantity|-|killed|gaza", 44)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Kabul market blast kills 30, officials say", [("quantity|-|killed|kabul", 30)]),
        ("At least 30 killed in Kabul market blast", [("quantity|-|killed|kabul", 30)]),
        # the count parsed as the adjective's; the closing source cut off at the comma
        ("40 dead in Kabul blast, officials say", [("quantity|-|killed|kabul", 40)]),
    ],
)
def test_a_headlines_toll_of_a_named_incident(nlp, title: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    art = article("Rescuers continued to search for the missing on Friday.", title=title)
    assert [(c.key, c.value_low) for c in claims_of(nlp, art)] == expected


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("Georgian police said three suspects were arrested in Tbilisi on Sunday.", "quantity|-|arrested|tbilisi"),
        ("At least 15 journalists were detained in Minsk on Sunday, the Belarusian Association of Journalists said.",
         "quantity|-|arrested|minsk"),
    ],
)
def test_suspects_and_journalists_are_people_counted(nlp, body: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == [key]


def test_a_headlines_closing_source_after_a_comma_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    art = article("The strike hit a school.", title="At least 40 dead in Israeli strike on Rafah, health ministry says")
    claims = claims_of(nlp, art)
    assert [(c.key, c.speaker) for c in claims if c.kind == "quantity"] == [("quantity|-|killed|rafah", "health ministry")]
    # an entity the model ran across the comma is two
    art = article("The strike hit a school.", title="At least 40 dead in Israeli strike on Rafah school, health ministry says")
    assert [c.participants for c in claims_of(nlp, art) if c.kind == "event"] == [("Israel", "Rafah school")]


def test_a_disaster_is_named_by_its_place_whatever_the_model_tagged_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Regional authorities said on Thursday that 95 people had died in the Valencia floods."
    assert [c.key for c in claims_of(nlp, article(body))] == ["quantity|-|killed|valencia"]


@pytest.mark.parametrize(
    ("body", "keys"),
    [
        ("Zelensky said 3,000 North Korean troops had been killed or wounded in Kursk.",
         ["quantity|north korea|troops casualties|kursk"]),
        ("The blast killed or wounded 40 people in Kabul on Friday, police said.", ["quantity|-|casualties|kabul"]),
        ("Car bombs hit Baghdad on Tuesday, killing at least seven people and injuring more.",
         ["quantity|-|killed|baghdad"]),
        # two counts, one each
        ("The strike killed 12 people and wounded 30 in Kabul on Friday, police said.",
         ["quantity|-|killed|kabul", "quantity|-|injured|kabul"]),
    ],
)
def test_killed_or_wounded_are_casualties(nlp, body: str, keys: list) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == keys


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Tens of thousands of people marched through central Tbilisi on Sunday, organisers said.",
         [("quantity|-|protesters|tbilisi", 20000)]),
        ("More than a million people took to the streets across France on Thursday, unions said.",
         [("quantity|-|protesters|france", 1_000_000)]),
        ("Police said 15,000 people demonstrated in Paris on Thursday, while the CGT union said 400,000 marched.",
         [("quantity|-|protesters|paris", 15000), ("quantity|-|protesters|paris", 400000)]),
    ],
)
def test_a_turnout_told_by_its_number(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(c.key, c.value_low) for c in claims_of(nlp, article(body))] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a denial that someone died: "died" names who died, not a killer
        ("His agent denied that Axl Rose had died, calling the report a hoax.", [("event|death|rose", "denied")]),
        ("Cuban officials dismissed rumours that Fidel Castro had died.", [("event|death|castro", "denied")]),
        # an assassination is a killing
        ("Hamas said Israel assassinated Ismail Haniyeh in Tehran on Wednesday.",
         [("event|death|haniyeh", "asserted")]),
        # denying who did it is not denying the death
        ("Israel denied that it had assassinated Ismail Haniyeh.", []),
    ],
)
def test_deaths_denied_and_assassinations(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted({e for e in events(nlp, body) if "|death|" in e[0]}) == expected


def test_of_inside_a_title_keeps_the_country_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "U.S. Secretary of State Mike Pompeo said 5,000 Iranian troops were in Syria."
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.speaker, claim.side) == ("Mike Pompeo", "united states")


@pytest.mark.parametrize(
    "body",
    [
        "Singer Tom Jones has died at his home in Wales, a celebrity news site reported on Tuesday.",
        "Singer Tom Jones has died at his home in Wales, a celebrity news site reported on Tuesday, citing a friend.",
    ],
)
def test_a_closing_source_parsed_as_an_object_still_speaks(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity, claim.speaker) == ("event|death|jones", "asserted", "celebrity news site")


def test_a_closing_source_parsed_as_an_apposition_of_the_object_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "President Jonathan has sacked army chief Kenneth Minimah, local media reported on Friday."
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity, claim.speaker) == ("event|dismissal|minimah", "asserted", "local media")


_WAR = " Fighting continued along the front line."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # forces leaving a town in a war: the town is lost, to whoever; a denial denies that
        ("Russia's defence ministry said Ukrainian troops had withdrawn from Bakhmut on Saturday." + _WAR,
         [("event|capture|bakhmut", "asserted")]),
        ("Ukraine's military denied that its forces had pulled out of Soledar." + _WAR,
         [("event|capture|soledar", "denied")]),
        ("Kyiv denied withdrawing its troops from Avdiivka." + _WAR, [("event|capture|avdiivka", "denied")]),
        ("Yevgeny Prigozhin denied that his fighters had withdrawn from Bakhmut." + _WAR,
         [("event|capture|bakhmut", "denied")]),
        # a country left whole, a race, a body, a tournament, or no war: no town lost
        ("The U.S. military said it withdrew from Afghanistan in August." + _WAR, []),
        ("Biden withdrew from the race on Sunday, his campaign said." + _WAR, []),
        ("Russia said it would withdraw from the Council of Europe." + _WAR, []),
        ("The player withdrew from Wimbledon on Monday, his coach said." + _WAR, []),
        ("The company said its staff had withdrawn from Bakhmut on Saturday.", []),
    ],
)
def test_forces_withdrawing_from_a_town_lose_it(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted({e for e in events(nlp, body) if "|capture|" in e[0]}) == expected


def test_who_withdrew_does_not_hold_the_town(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Russia's defence ministry said Ukrainian troops had withdrawn from Bakhmut on Saturday." + _WAR
    claim = one(claims_of(nlp, article(body)), key="event|capture|bakhmut")
    assert claim.subject is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Several Western media outlets reported that Putin was seriously ill with cancer.",
         [("event|illness|putin", "asserted")]),
        ("The Daily Mail reported that Vladimir Putin has cancer, citing a source close to the Kremlin.",
         [("event|illness|putin", "asserted")]),
        ("Putin fell ill on Monday, a Telegram channel said.", [("event|illness|putin", "asserted")]),
        ("South Korea's spy agency said Kim Jong Un was in poor health.", [("event|illness|kim", "asserted")]),
        ("Pope Francis was hospitalised on Wednesday, the Vatican said.", [("event|illness|francis", "asserted")]),
        ("Pope Francis was rushed to hospital in Rome on Friday, the Vatican said.",
         [("event|illness|francis", "asserted")]),
        ("Alexei Navalny was flown to a clinic in Berlin on Saturday, his spokeswoman said.",
         [("event|illness|navalny", "asserted")]),
        ("The Vatican denied that Pope Francis had been taken to hospital.", [("event|illness|francis", "denied")]),
        # who takes someone to hospital is not ill; visiting one is no illness
        ("Pope Francis took the boy to hospital on Friday, the Vatican said.", []),
        ("Pope Francis was taken to a hospital in Rome to visit patients, the Vatican said.", []),
        ("The White House said Trump had tested positive for COVID-19.", [("event|illness|trump", "asserted")]),
        ("Nina Pham has Ebola, officials said.", [("event|illness|pham", "asserted")]),
        ("Biden tested negative for the coronavirus on Friday, his doctor said.", [("event|illness|biden", "denied")]),
        # denials: dismissed rumours, "healthy" and "in good health" said of now
        ("The Kremlin dismissed rumours that Putin was seriously ill.", [("event|illness|putin", "denied")]),
        ("Peskov said Vladimir Putin was in perfect health.", [("event|illness|putin", "denied")]),
        ("The Kremlin said Putin is healthy.", [("event|illness|putin", "denied")]),
        ("The Vatican denied reports that Pope Francis had been hospitalised.", [("event|illness|francis", "denied")]),
        # not an illness, or not said of now
        ("Trump said he was sick of the investigation.", []),
        ("Tan Shen said he was off sick on Monday.", []),
        ("Trump said he was sick and tired of the investigation.", []),
        ("His doctor said Biden was healthy before the campaign began in 2019.", []),
        ("A cancer charity said it had raised 5 million dollars, the BBC reported.", []),
        ("Sprinter Mark Jones tested positive for a banned substance, the federation said.", []),
        ("Olsen said Woods did not test positive for testosterone.", []),
        # an operation one underwent is an illness; not one that is only needed, elective or of a force
        ("Kim Jong-un has undergone surgery on his ankle, South Korean lawmakers said.",
         [("event|illness|kim", "asserted")]),
        ("North Korean leader Kim Jong-un had surgery to treat fractures to both ankles, a source said.",
         [("event|illness|kim", "asserted")]),
        ("Pele is recovering from an operation to remove a kidney stone, his doctors said.",
         [("event|illness|pele", "asserted")]),
        ("North Korea's state media denied that Kim Jong-un had undergone surgery.", [("event|illness|kim", "denied")]),
        ("Taylor Chandler said she underwent surgery in her teens to become a woman.", []),
        ("Kim Kardashian had cosmetic surgery last year, her agent said.", []),
        ("Cristiano Ronaldo needs surgery on his knee, his club said.", []),
    ],
)
def test_illness_and_its_denials(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted({e for e in events(nlp, body) if "|illness|" in e[0]}) == expected


def test_a_test_result_is_of_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article("Biden tested negative for the coronavirus on Friday, his doctor said.")),
                key="event|illness|biden")
    assert claim.ref_text == "Friday"


def test_a_number_of_people_speaks_as_those_people(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Senator Mark Dalton tested positive for COVID-19 on Monday, two of his aides told reporters."
    claim = one(claims_of(nlp, article(body)), key="event|illness|dalton")
    assert claim.speaker == "Mark Dalton"  # his aides speak for him


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("South Korea's military said North Korea fired a ballistic missile into the sea on Sunday.",
         [("event|launch|north korea", "asserted")]),
        ("North Korea's foreign ministry denied on Monday that it had launched any missile on Sunday.",
         [("event|launch|north korea", "denied")]),
        ("Japan said Pyongyang launched two short-range ballistic missiles on Thursday.",
         [("event|launch|north korea", "asserted")]),
        # an offensive, drones, an engine: no missile launched
        ("Ukraine launched a counteroffensive in the south on Monday, officials said.", []),
        ("Russia launched 90 drones overnight, Ukraine's air force said.", []),
        ("The company launched a new rocket engine test on Friday, NASA said.", []),
    ],
)
def test_missiles_fired_are_a_launch_by_who_fired_them(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted({e for e in events(nlp, body) if "|launch|" in e[0]}) == expected


def test_reports_misread_as_a_verb_named_fake_news_are_denied(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The ministry called reports that Minister Olena Kovalenko had resigned "fake news".'
    assert events(nlp, body) == [("event|resignation|kovalenko", "denied")]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Putin seriously ill, reports say", [("event|illness|putin", "asserted")]),
        ("Kremlin says Putin healthy", [("event|illness|putin", "denied")]),
    ],
)
def test_a_headlines_verbless_illness(nlp, title: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "Officials spoke on Monday.", title) == expected


def test_an_untagged_full_name_speaks_for_itself_and_is_his_he(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model tags neither word of "Elon Musk" here
    claim = one(claims_of(nlp, article("Elon Musk denied that he had met Vladimir Putin.")), kind="event")
    assert (claim.key, claim.polarity, claim.speaker, claim.side) == (
        "event|meeting|musk+putin", "denied", "Elon Musk", "musk")


def test_an_untagged_full_name_is_a_party_to_the_meeting_it_is_the_subject_of(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Elon Musk met Vladimir Putin in Moscow this week, according to officials familiar with the matter."
    # after this headline the small model tags "Putin" and "Vladimir Putin", not "Elon Musk"
    assert events(nlp, body, "Musk and Putin in regular contact") == [("event|meeting|musk+putin", "asserted")]


@pytest.mark.parametrize(
    "body",
    [
        "Netanyahu's office said on Monday that he had never met Mohammed bin Salman.",
        "Mohammed bin Salman denied ever meeting Netanyahu.",
    ],
)
def test_never_denies_any_time_before(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), key="event|meeting|netanyahu+salman")
    assert (claim.polarity, claim.ref_text) == ("denied", "never")
    assert claim.ref_start.year < 1950 and claim.ref_end == PUBLISHED


def test_never_before_is_of_the_time_before_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Police arrested John Smith on Monday, officials said. His lawyer said Smith had never been arrested before."
    assert events(nlp, body) == [("event|arrest|smith", "asserted")]


def test_a_bare_date_on_a_noun_below_the_event_dates_that_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Nigeria's government has held talks with Boko Haram. The Nigerian government says negotiations are "
            "taking place to secure the release of more than 200 schoolgirls whose abduction last spring from the "
            "town of Chibok sparked international outrage.")
    claims = [c for c in claims_of(nlp, article(body)) if c.predicate == "meeting" and "negotiations" in c.sentence]
    assert [c.ref_text for c in claims] == [None]  # the talks are now; "last spring" is the abduction's


def test_a_closing_source_parsed_as_a_conjunct_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "said" on "resigned" as its conjunct ("... and remains defence minister, ... said")
    body = "Rustem Umerov has not resigned and remains defence minister, a ministry spokesman said on Monday."
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity, claim.speaker) == ("event|resignation|umerov", "denied", "ministry spokesman")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # bail says the article is about someone held
        ("Imran Khan was released on bail on Monday, his lawyer said.", [("event|release|khan", "asserted")]),
        # no custody anywhere: a release from a contract frees no one
        ("Imran Khan was released by his club on Monday, his agent said.", []),
    ],
)
def test_released_on_bail_frees_a_captive(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_a_word_with_an_article_is_no_misread_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model tags "Marine" as an organisation; "the Marine" is no one's name
    assert events(nlp, "After ascertaining that the Marine is unharmed, they regroup to consider their options.") == []


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("Kurdish officials said Islamic State fighters attacked Kobani on Wednesday, a claim the Pentagon said was "
         "false.", "false"),
        ("Kurdish officials said Islamic State fighters attacked Kobani on Wednesday, a claim the Pentagon called "
         "baseless.", "baseless"),
    ],
)
def test_an_aside_that_calls_the_claim_false_denies_it(nlp, body: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.key == "event|attack|islamic state+kobani"]
    assert sorted((c.polarity, c.speaker, c.span_text) for c in claims) == [
        ("asserted", "Kurdish officials", "attacked"), ("denied", "Pentagon", cue)]


def test_an_aside_that_says_the_claim_is_true_denies_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Kurdish officials said Islamic State fighters attacked Kobani on Wednesday, a claim the Pentagon said "
            "was true.")
    assert events(nlp, body) == [("event|attack|islamic state+kobani", "asserted")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Jeh Johnson shot down claims on Thursday that Islamic State fighters had attacked Kobani.",
         [("event|attack|islamic state+kobani", "denied")]),
        # shooting down what flies denies nothing
        ("Kurdish officials said Islamic State fighters attacked Kobani and shot down a U.S. drone.",
         [("event|attack|islamic state+kobani", "asserted")]),
    ],
)
def test_shooting_down_claims_denies_them(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("The earthquake that hit central Myanmar on Friday killed more than 1,000 people, the military government "
         "said on Saturday.", "quantity|-|killed|myanmar"),
        ("The earthquake that struck near Mandalay on Friday killed more than 1,000 people, officials said.",
         "quantity|-|killed|mandalay"),
    ],
)
def test_a_toll_takes_its_place_from_the_clause_on_the_incident(nlp, body: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == [key]


@pytest.mark.parametrize(
    "body",
    [
        # what is pushed back, shot down or disputed is no report: the meeting stands
        "Ukrainian forces pushed back Russian troops after Putin met Trump in Moscow, Reuters reported.",
        "Reuters reported that Putin met Trump in Moscow, where air defences shot down two drones.",
        "Reuters reported that Putin met Trump in Moscow to discuss the disputed border.",
    ],
)
def test_pushing_back_or_shooting_down_what_is_not_told_denies_nothing(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.polarity for c in claims_of(nlp, article(body)) if c.predicate == "meeting"] == ["asserted"]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        # who speaks for X speaks of X by role: "the actor" is Tom Hanks, not someone else
        ("Tom Hanks's publicist said the actor had not been arrested.", "event|arrest|hanks"),
        ("Banksy's publicist said the artist had not been arrested.", "event|arrest|banksy"),
    ],
)
def test_an_agent_speaks_of_the_one_it_speaks_for_by_role(nlp, body: str, key: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.key, claim.polarity) == (key, "denied")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # one who knows nothing of a meeting does not say it did not happen
        ("Peskov denied having any knowledge of a meeting between Putin and Erdogan.",
         [("event|meeting|erdogan+putin", "noncommittal")]),
        ("Peskov denied any knowledge of a meeting between Putin and Erdogan.",
         [("event|meeting|erdogan+putin", "noncommittal")]),
        # a meeting called off or put off is no meeting held
        ("Peskov said the meeting between Putin and Erdogan had been cancelled.", []),
        ("Peskov said the meeting between Putin and Erdogan had been postponed.", []),
    ],
)
def test_denied_knowledge_and_cancelled_events(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("An Iranian official said Hassan Nasrallah survived the Israeli strike on Beirut on Friday.",
         [("event|death|nasrallah", "denied")]),
        ("Hezbollah leader Hassan Nasrallah survived an assassination attempt, his aides said.",
         [("event|death|nasrallah", "denied")]),
        # an obituary's passive, and what is survived that is no attack
        ("Hassan Nasrallah is survived by his wife and three children, Hezbollah said.", []),
        ("Hassan Nasrallah survived cancer in 2010, his aides said.", []),
    ],
)
def test_who_survived_an_attack_is_not_dead(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert sorted({e for e in events(nlp, body) if "|death|" in e[0]}) == expected


def test_a_persons_team_speaks_for_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article("Trump's team denied that any call with Putin had taken place.")), kind="event")
    assert (claim.key, claim.polarity, claim.side) == ("event|call|putin+trump", "denied", "trump")


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("Gaza's civil defence said the strike on a school in Gaza City killed 90 people, but the Israeli military "
         "said the figure was exaggerated.", "exaggerated"),
        ("Gaza's civil defence agency said an Israeli strike on a school in Gaza City killed 90 people. The Israeli "
         "military disputed the toll, saying at least 19 of the dead were militants.", "disputed"),
        ("Gaza's civil defence agency said an Israeli strike on a school in Gaza City killed 90 people. The Israeli "
         "military said the figures were inflated.", "inflated"),
    ],
)
def test_a_count_called_false_by_another_side_is_disputed(nlp, body: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.kind == "quantity"]
    assert sorted((c.polarity, c.value_low, c.side) for c in claims if c.polarity == "denied") == [
        ("denied", 90.0, "israel")]
    assert [c.span_text for c in claims if c.polarity == "denied"] == [cue]


@pytest.mark.parametrize(
    "body",
    [
        # the speaker's own figure, a figure named with its content, and "it" are no dispute of a count
        "Gaza's civil defence said 90 people were killed in Gaza City. It said the figure was not exaggerated.",
        "Gaza's civil defence said 90 people were killed in Gaza City. Israel said the number of militants was "
        "inflated.",
        "Gaza's civil defence said 90 people were killed in Gaza City. Israel denied it.",
    ],
)
def test_what_disputes_no_count(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [c.polarity for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == ["asserted"]


@pytest.mark.parametrize(
    ("denial", "cue"),
    [
        ("The Kremlin denied that any such meeting had taken place.", "denied"),
        ("The Kremlin said nothing of the sort had happened.", "nothing"),
        ("The Kremlin said no such thing had happened.", "thing"),
        ("The Kremlin said this never happened.", "never"),
        ("Peskov said it did not take place.", "not"),
    ],
)
def test_what_was_just_told_said_not_to_have_happened(nlp, denial: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    body = "Reuters reported that Putin met Erdogan in Sochi on Monday. " + denial
    claim = one(claims_of(nlp, article(body)), key="event|meeting|erdogan+putin", polarity="denied")
    assert claim.span_text == cue


def test_nothing_happened_from_one_who_speaks_for_no_party_denies_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Reuters reported that Putin met Erdogan in Sochi on Monday. His neighbour said nothing like that happened."
    assert events(nlp, body) == [("event|meeting|erdogan+putin", "asserted")]


def test_a_closing_source_followed_by_an_as_clause_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Israeli air strikes killed at least 35 Palestinians across the Gaza Strip on Tuesday, Palestinian "
            "health officials said, as mediators resumed talks in Cairo.")
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.key, claim.speaker) == ("quantity|palestine|killed|gaza strip", "Palestine officials")


def test_a_conjoined_verbs_object_is_not_what_a_verb_with_its_own_phrase_did(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Hamas said in a statement that it had not agreed to any new proposal and accused Prime Minister "
            "Benjamin Netanyahu of obstructing a deal.")
    assert [k for k, _ in events(nlp, body) if k.startswith("event|agreement")] == []


def test_an_event_in_a_when_clause_is_of_the_date_it_hangs_on(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The war began on Oct. 7, when Hamas-led militants attacked Israel, killing about 1,200 people, "
            "according to Israeli officials.")
    claim = one(claims_of(nlp, article(body)), key="event|attack|hamas+israel")
    assert claim.ref_text == "Oct. 7" and claim.ref_start.month == 10


@pytest.mark.parametrize(
    "body",
    [
        "Ukrainian officials said their troops were still holding positions in Novohrodivka.",
        "Russia said its forces had captured the village of Novohrodivka. Ukrainian officials said their troops were "
        "still holding positions in the village.",
    ],
)
def test_troops_still_holding_positions_in_a_town_deny_its_capture(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.key == "event|capture|novohrodivka"]
    assert ("denied", "ukraine") in {(c.polarity, c.side) for c in claims}


def test_a_place_the_sentence_opens_on_places_the_count_told_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "In the Kursk region, Russian officials said 12,000 civilians had been evacuated."
    assert [c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == ["quantity|-|evacuated|kursk"]


def test_what_is_done_by_means_of_a_gerund_is_of_the_date_of_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The Islamist militants sparked global outrage in April by abducting 219 schoolgirls from the remote "
            "north-eastern town of Chibok, officials said.")
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.key, claim.ref_text) == ("quantity|-|abducted|chibok", "April")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Microsoft has agreed to buy LinkedIn for 26 billion dollars, Bloomberg reported.",
         [("event|agreement|linkedin+microsoft", "asserted")]),
        # "the company" of its own spokesman is Microsoft
        ("A Microsoft spokesman denied that the company had agreed to buy LinkedIn.",
         [("event|agreement|linkedin+microsoft", "denied")]),
        ("Microsoft is expected to agree to buy LinkedIn, Bloomberg reported.", []),
        ("The two sides agreed to meet again next week, officials said.", []),
    ],
)
def test_an_agreement_to_buy_a_company_is_a_deal_with_it(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


def test_a_country_the_model_tags_a_person_is_still_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The death toll in the Nepal earthquake has risen to 3,200, police said on Monday."  # Nepal tagged PERSON
    assert [c.key for c in claims_of(nlp, article(body)) if c.kind == "quantity"] == ["quantity|-|killed|nepal"]


def test_a_country_name_inside_a_persons_name_stays_the_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Chad Smith said the band would tour. Chad denied reports that he had quit."
    assert events(nlp, body) == [("event|resignation|chad", "denied")]  # not the country Chad


@pytest.mark.parametrize(
    "body",
    [
        "A WhatsApp spokesman denied on Thursday that the company was in talks with Google.",
        "WhatsApp denied on Thursday that it was in talks with Google.",
    ],
)
def test_the_company_its_spokesman_denies_talks_for_is_a_party(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == [("event|meeting|google+whatsapp", "denied")]


@pytest.mark.parametrize(
    "body",
    [
        "The Kremlin dismissed as false reports that Putin had met Trump in Helsinki.",
        "The Kremlin denounced as false reports that Putin had met Trump in Helsinki.",
        'Putin\'s spokesman dismissed as "rubbish" reports that the president had met Trump in Helsinki.',
        "Putin's spokesman dismissed reports that the president had met Trump in Helsinki.",
    ],
)
def test_reports_dismissed_as_false_are_denied_by_who_dismissed_them(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    # "the president" of the president's spokesman is Putin, not someone else than the speaker
    assert events(nlp, body) == [("event|meeting|putin+trump", "denied")]


def test_a_named_subjects_participle_of_saying_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Boko Haram leader Abubakar Shekau was killed, the army said. Shekau appeared in a new video on Thursday, "
            "saying he was alive and well.")
    claims = [c for c in claims_of(nlp, article(body)) if c.key == "event|death|shekau"]
    assert [(c.polarity, c.speaker) for c in claims] == [("asserted", "army"), ("denied", "Abubakar Shekau")]


def test_alive_on_a_day_denies_a_death_on_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The journalist James Foley was still alive on Wednesday, his family said."
    claim = one(claims_of(nlp, article(body)), key="event|death|foley")
    assert (claim.polarity, claim.ref_text) == ("denied", "Wednesday")
    # a past of its own says nothing of now
    assert not events(nlp, "James Foley was alive for two days after the strike, officials said.")
    # the date of a clause of its own, or an age, does not date it
    body = "Actor Judd Nelson has confirmed that he is alive and well after rumors swept the internet on Sunday."
    assert one(claims_of(nlp, article(body)), key="event|death|nelson").ref_text == "until now"
    body = "Sources are reporting that Axl Rose has been found dead at the age of 52."
    assert one(claims_of(nlp, article(body)), key="event|death|rose").ref_text is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Several ISIS fighters in Mosul have contracted Ebola, Iraqi media reported on Monday.",
         [("event|outbreak|ebola+mosul", "asserted")]),
        ("Three Iraqi media outlets reported that two cases of Ebola have been recorded in Mosul.",
         [("event|outbreak|ebola+mosul", "asserted")]),
        ("The WHO said the Ebola outbreak in West Africa had spread.", [("event|outbreak|ebola+west africa", "asserted")]),
        # denied: by a denial, "no cases", "ruled out"
        ("The Iraqi health ministry denied reports that militants in Mosul had Ebola.",
         [("event|outbreak|ebola+mosul", "denied")]),
        ("Iraq's Ministry of Health denied that anyone in Mosul had contracted the Ebola virus.",
         [("event|outbreak|ebola+mosul", "denied")]),
        ("A spokesman for the health ministry denied reports that two cases of Ebola virus infection were diagnosed "
         "among militants in Mosul.", [("event|outbreak|ebola+mosul", "denied")]),
        ("There are no cases of Ebola in Mosul, the ministry said.", [("event|outbreak|ebola+mosul", "denied")]),
        ('"We have ruled out any Ebola case in Kansas City," health director Rex Archer told reporters.',
         [("event|outbreak|ebola+kansas city", "denied")]),
        # a person's illness, new or suspected cases, no place, the outlet's own voice: no outbreak
        ("Nina Pham has Ebola, officials said.", [("event|illness|pham", "asserted")]),
        ("The ministry said there were no new Ebola cases in Dallas.", []),
        ("Officials said a suspected case of Ebola in Madrid was being tested.", []),
        ("Officials said two cases of Ebola had been confirmed.", []),
        ("Ebola has killed thousands in West Africa.", []),
        ("Despite reports in the Iraqi paper that two cases of Ebola had been reported in Mosul, Ahmed Rudaini, the "
         "health ministry's spokesman, dismissed the speculation.", []),
        # a denial of something said of the outbreak is no denial of it
        ("The WHO denied that the Ebola outbreak in West Africa was under control.", []),
        ("Officials rejected claims that the Ebola outbreak in Liberia had been caused by a vaccine.", []),
        ("The ministry denied that Ebola cases in Liberia had been underreported.", []),
        ("Health officials said there was no evidence that the Ebola cases in Dallas were linked to the airport.", []),
    ],
)
def test_a_disease_said_to_be_in_a_place_is_an_outbreak(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("No one was killed in the explosion in Kabul, police said on Tuesday.", ["quantity|-|killed|kabul"]),
        ("Nobody was hurt when the bomb exploded in Kabul, police said.", ["quantity|-|injured|kabul"]),
        # civilians are people in general; the harmed as object; a place on the strike it follows
        ("No civilians were killed in Kharkiv on Tuesday, Russia's defence ministry said.",
         ["quantity|-|killed|kharkiv"]),
        ("The explosion in Kabul on Monday killed no one, police said.", ["quantity|-|killed|kabul"]),
        ("Russia's defence ministry said its forces struck only military targets in Kharkiv on Tuesday and no "
         "civilians were killed.", ["quantity|-|killed|kharkiv"]),
        ("Russia's defence ministry said its forces struck military targets in Kharkiv, killing no civilians.",
         ["quantity|-|killed|kharkiv"]),
        ("Police said the bomb in Kabul on Monday killed none of the guards.", []),
        # no casualties: none killed, none injured
        ("No casualties were reported in the attack on the base in Erbil, the Pentagon said.",
         ["quantity|-|casualties|erbil", "quantity|-|killed|erbil", "quantity|-|injured|erbil"]),
        ("The blast in Kabul caused no casualties, the interior ministry said.",
         ["quantity|-|casualties|kabul", "quantity|-|killed|kabul", "quantity|-|injured|kabul"]),
        # no place, in doubt, unknown, not harm, the outlet's own voice
        ("No one was killed, police said.", []),
        ("No one may have been killed in the explosion in Kabul, police said.", []),
        ("No one knows how many people were killed in Kabul, officials said.", []),
        ("No one has been arrested in Ferguson so far, police said.", []),
        ("Miraculously, no one was hurt in the crash in Managua.", []),
        # soldiers count for the side they serve: named on them, or the state organ's own
        ("Russia's defence ministry said none of its soldiers were killed near Bakhmut on Monday.",
         ["quantity|russia|troops killed|bakhmut"]),
        ("Kyiv said no Russian soldiers were killed near Bakhmut on Monday.", ["quantity|russia|troops killed|bakhmut"]),
        ("The Israeli military said no soldiers were killed in the ambush in Gaza on Monday.",
         ["quantity|israel|troops killed|gaza"]),
        ("Witnesses said no soldiers were killed in the ambush in Gaza on Monday.", []),
        ("The Israeli military said no enemy soldiers were killed in the ambush in Gaza on Monday.", []),
        # some of those there are no count of everyone
        ("Police said none of the passengers were killed in the crash in Managua.", []),
    ],
)
def test_none_harmed_is_a_count_of_zero(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.kind == "quantity"]
    assert [c.key for c in claims] == expected
    assert all((c.value_low, c.value_high) == (0, 0) for c in claims)


@pytest.mark.parametrize(
    ("body", "expected", "speaker"),
    [
        ("Jackie Chan is the latest victim of a death hoax.", ["event|death|chan"], "outlet"),
        ("Jackie Chan has been the subject of false death rumors this week.", ["event|death|chan"], "outlet"),
        ("Fans were upset by the fake death report about Jackie Chan on Monday.", ["event|death|chan"], "outlet"),
        ("The Jackie Chan death hoax spread on Facebook on Monday.", ["event|death|chan"], "outlet"),
        ("A death hoax about Jackie Chan spread on Monday.", ["event|death|chan"], "outlet"),
        ("A death hoax involving Jackie Chan went viral.", ["event|death|chan"], "outlet"),
        ("Jackie Chan's death hoax went viral on Monday.", ["event|death|chan"], "outlet"),
        ("Jackie Chan fell victim to a death hoax on Monday.", ["event|death|chan"], "outlet"),
        ("Variety said that Jackie Chan had been the victim of another celebrity death hoax.",
         ["event|death|chan"], "Variety"),
        # one claim per person
        ("Hulk Hogan and Jackie Chan have both been victims of a death hoax.",
         ["event|death|chan", "event|death|hogan"], "outlet"),
        # questioned, only possible, denied, or of no person
        ("Was the Jackie Chan death hoax real?", [], None),
        ("The report of Jackie Chan's death may be a hoax.", [], None),
        ("The actor is the latest in a long line of Hollywood death hoaxes.", [], None),
        # what the hoax said is no one's claim
        ("A Facebook death hoax claimed that Jackie Chan had died in a car crash.", [], None),
    ],
)
def test_a_death_hoax_says_its_subject_is_not_dead(nlp, body: str, expected: list, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in claims_of(nlp, article(body)) if c.kind == "event"]
    assert [c.key for c in claims] == expected
    assert all(c.polarity == "denied" and c.speaker == speaker for c in claims)


@pytest.mark.parametrize(
    "body",
    [
        "Jackie Chan's death was no hoax, his family said.",
        "Jackie Chan's death was not a hoax.",
        "The reports of Jackie Chan's death were not false.",
    ],
)
def test_what_is_called_no_hoax_is_not_denied(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert all(c.polarity != "denied" for c in claims_of(nlp, article(body)))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Her family denied reports of Gill Rosenberg's kidnap.", [("event|capture|rosenberg", "denied")]),
        # a passive conjunct shares the subject of the verb before it
        ("Gill Rosenberg is safe and has not been captured, her family said.",
         [("event|capture|rosenberg", "denied")]),
        # "others" is no one an editor could ask
        ("Others have refuted rumours of Gill Rosenberg's kidnap.", []),
    ],
)
def test_kidnappings_told_and_denied(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(key, polarity) for key, polarity in events(nlp, body) if "capture" in key] == expected


@pytest.mark.parametrize(
    ("body", "speaker", "side"),
    [
        # a department's word the model tags ORG alone is no organisation of its own
        ("Defense officials said Russia had sent troops to Belarus on Monday.", "Defense officials", None),
        ("Pentagon officials said Russia had sent troops to Belarus on Monday.", "Pentagon", "united states"),
        ("U.S. defense officials said Russia had sent troops to Belarus on Monday.", "United States officials",
         "united states"),
    ],
)
def test_officials_named_by_a_department_word(nlp, body: str, speaker: str, side: str | None) -> None:  # type: ignore[no-untyped-def]
    one(claims_of(nlp, article(body)), key="event|deployment|russia", speaker=speaker, side=side)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "claims" read as a second verb of the denier's would make the denial an assertion
        ('Kremlin spokesman Dmitry Peskov dismissed as "pure fiction" claims that Putin had met Trump on Monday.',
         [("event|meeting|putin+trump", "denied", "Dmitry Peskov")]),
        # the opening "According to X," is the source, whatever the parser hung X on
        ("According to Kremlin spokesman Dmitry Peskov, Putin and Trump did not meet on Monday.",
         [("event|meeting|putin+trump", "denied", "Dmitry Peskov")]),
        ("According to Dmitry Peskov, the Kremlin spokesman, Putin and Trump did not meet on Monday.",
         [("event|meeting|putin+trump", "denied", "Dmitry Peskov")]),
        # "they" did not arrest: the pair a "they did not speak" recalls is for calls and meetings
        ("Police said on Monday that they had not arrested Julian Assange.",
         [("event|arrest|assange", "denied", "Police")]),
    ],
)
def test_misparsed_denials_and_sources(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(c.key, c.polarity, c.speaker) for c in claims_of(nlp, article(body))] == expected


@pytest.mark.parametrize(
    "body",
    ["Abu Bakr al-Baghdadi was reportedly killed in an airstrike near Mosul on Friday.",
     "ISIS leader Abu Bakr al-Baghdadi has reportedly been killed by a U.S. airstrike."],
)
def test_reportedly_passes_on_unnamed_reports(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), key="event|death|baghdadi")
    assert (claim.polarity, claim.hedged, claim.speaker, claim.side) == ("asserted", True, "reports", None)


def test_wounded_not_killed_denies_the_death(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Iraqi state TV said on Sunday that Abu Bakr al-Baghdadi had been wounded, not killed, in the airstrike."
    assert sorted(events(nlp, body)) == [("event|death|baghdadi", "denied"), ("event|injury|baghdadi", "asserted")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Nigerian army said on Friday that the kidnapped Chibok schoolgirls had been freed.",
         [("event|release|chibok", "asserted")]),
        ("Boko Haram said on Saturday that none of the kidnapped Chibok girls had been released.",
         [("event|release|chibok", "denied")]),
        ("Boko Haram denied on Saturday that it had freed the schoolgirls abducted from Chibok in April.",
         [("event|release|chibok", "denied")]),
        # a release agreed on or awaited has not happened; hostages are named by who holds them, not so
        ('"We have agreed on the release of the Chibok schoolgirls," the kidnapped girls\' negotiator said.', []),
        ("The Hamas hostages were freed on Friday, the kidnapped men's families said.", []),
    ],
)
def test_a_group_of_captives_is_named_by_its_town(nlp, body: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in events(nlp, body) if "|release|" in e[0]] == expected


def test_a_camp_named_for_a_person_is_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The Trump camp said on Sunday that 11 people had been hurt at the rally in Butler."
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert claim.key == "quantity|-|injured|butler"


def test_an_organisation_the_model_left_untagged_denies_its_own_talks(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article("Tesla denied on Tuesday that it was in talks with Twitter.")), kind="event")
    assert (claim.key, claim.polarity, claim.speaker) == ("event|meeting|tesla+twitter", "denied", "Tesla")


def test_an_institution_left_untagged_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Human Rights Watch said on Monday that 40 civilians were killed in the village of Kafr Nabl on Sunday."
    claim = one(claims_of(nlp, article(body)), kind="quantity")
    assert (claim.speaker, claim.side) == ("Human Rights Watch", None)  # not the side of a Mr. Watch


@pytest.mark.parametrize(
    ("body", "ref_text"),
    [
        # one dies once: an undated denial denies a death at any time before
        ("Jeff Goldblum has not died, his representative said.", "until now"),
        ("Jeff Goldblum is not dead, his representative said.", "until now"),
        ("Jeff Goldblum's publicist denied that he had died.", "until now"),
        # a report's "about" holds what it tells, as its "of" does
        ("The rumours about Jeff Goldblum's death are false, his spokesman said.", "until now"),
        ("Reports of Jeff Goldblum's death are false, his spokesman said.", "until now"),
    ],
)
def test_an_undated_denial_of_a_death_reaches_back(nlp, body: str, ref_text: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(nlp, article(body)), key="event|death|goldblum")
    assert (claim.polarity, claim.ref_text) == ("denied", ref_text)


def test_an_undated_event_takes_no_date_from_a_denial_that_reaches_back(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Sources said Jeff Goldblum had died, a news site claimed. Jeff Goldblum is not dead, his publicist said."
    claims = [c for c in claims_of(nlp, article(body)) if c.kind == "event"]
    assert {(c.polarity, c.ref_text) for c in claims} == {("asserted", None), ("denied", "until now")}


def test_a_denial_since_a_date_reaches_from_it_to_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The Kremlin said on Thursday that Putin and Trump had not spoken by phone since Monday."
    claim = one(claims_of(nlp, article(body)), kind="event")
    assert (claim.polarity, claim.ref_text) == ("denied", "since Monday")
    assert claim.ref_end == claim.published_at and claim.ref_start.date().isoformat() == "2024-11-04"
    # an undated report in the same article takes no date from it
    body = "Reports said Putin and Trump spoke by phone. " + body
    assert {c.ref_text for c in claims_of(nlp, article(body)) if c.polarity == "asserted"} == {None}
