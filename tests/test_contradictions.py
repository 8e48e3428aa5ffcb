"""The detector over plain data: verdicts, symmetry, idempotence, retention and caps."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from processors.contradictions import DetectionPolicy, KeyRecord, alert_id_for, compare, observe
from processors.model import Claim
from tests.factories import T0, claim, event

POLICY = DetectionPolicy()
NOW = datetime(2024, 11, 10, tzinfo=timezone.utc)


def feed(*claims):
    """Observe ``claims`` in order into an empty record; return all alerts and the record."""
    record, alerts = KeyRecord(), []
    for c in claims:
        new, record = observe(c, record, POLICY, now=NOW)
        alerts.extend(new)
    return alerts, record


def test_disjoint_numbers_at_the_same_time_contradict():
    alerts, _ = feed(claim("a", value_low=50000, value_high=50000),
                     claim("b", value_low=11000, value_high=11000))
    assert [a.type for a in alerts] == ["numeric"]
    assert "50,000" in alerts[0].explanation and "11,000" in alerts[0].explanation


def test_rounding_and_consistent_bounds_do_not_contradict():
    about = claim("a", value_low=9900, value_high=12100)          # "about 11,000"
    more_than = claim("b", value_low=10000, value_high=None)      # "more than 10,000"
    close = claim("c", value_low=10500, value_high=10500)
    assert feed(about, more_than, close)[0] == []


def test_exact_counts_carry_no_rounding_round_ones_do():
    on_board = claim("a", value_low=72, value_high=72, unit="count")   # "killing all 72 people on board"
    died = claim("b", value_low=68, value_high=68, unit="count")       # "68 people died"
    assert compare(on_board, died, POLICY) is not None
    assert compare(claim("c", value_low=70, value_high=70, unit="count"), died, POLICY) is None  # may be rounded
    shares = [claim(i, value_low=v, value_high=v, unit="percent") for i, v in (("d", 53), ("e", 57))]
    assert compare(*shares, POLICY) is None  # a share is rounded whatever its digits


def test_numbers_for_different_periods_are_an_update_not_a_contradiction():
    august = claim("a", value_low=11000, value_high=11000,
                   ref_start=datetime(2024, 8, 1, tzinfo=timezone.utc),
                   ref_end=datetime(2024, 8, 10, tzinfo=timezone.utc))
    assert feed(august, claim("b"))[0] == []


def test_the_days_slack_joins_days_not_months():
    def period(claim_id: str, start: datetime, end: datetime, value: float) -> Claim:
        return claim(claim_id, value_low=value, value_high=value, ref_start=start, ref_end=end)
    day = timedelta(days=1) - timedelta(seconds=1)
    utc = timezone.utc
    september = period("a", datetime(2024, 9, 1, tzinfo=utc), datetime(2024, 9, 30, tzinfo=utc) + day, 11000)
    october = period("b", datetime(2024, 10, 1, tzinfo=utc), datetime(2024, 10, 31, tzinfo=utc) + day, 50000)
    assert compare(september, october, POLICY) is None  # adjacent months are two periods
    last_week = period("c", datetime(2024, 10, 28, tzinfo=utc), datetime(2024, 11, 3, tzinfo=utc) + day, 50000)
    monday = period("d", datetime(2024, 11, 4, tzinfo=utc), datetime(2024, 11, 4, tzinfo=utc) + day, 11000)
    assert compare(last_week, monday, POLICY) is not None  # "last week" against the Monday after: one time


def test_a_toll_that_rose_between_reports_is_an_update_one_that_fell_is_not():
    def toll(claim_id: str, value: float, hours: int, predicate: str = "killed"):
        return claim(claim_id, key=f"quantity|-|{predicate}|kabul", predicate=predicate, subject=None,
                     value_low=value, value_high=value, published_at=T0 + timedelta(hours=hours))
    assert compare(toll("a", 12, 0), toll("b", 40, 2), POLICY) is None
    assert compare(toll("a", 40, 0), toll("b", 12, 2), POLICY) is not None
    assert compare(toll("a", 12, 0), toll("b", 40, 0), POLICY) is not None  # two figures at once
    # those taken to hospital grow as any toll does
    assert compare(toll("a", 12, 0, "hospitalised"), toll("b", 80, 2, "hospitalised"), POLICY) is None
    # one side's losses are what sides dispute: a higher later figure still alerts
    assert compare(toll("a", 14, 0, "troops killed"), toll("b", 40, 2, "troops killed"), POLICY) is not None


def test_different_units_never_compare():
    assert compare(claim("a", unit="percent"), claim("b", value_low=3, value_high=3), POLICY) is None


def test_assertion_against_denial_from_another_side_is_a_polarity_alert():
    alerts, _ = feed(event("wapo", "asserted", speaker="Washington Post", side="washington post",
                           hedged=True),
                     event("kremlin", "denied", speaker="Kremlin", side="russia"))
    assert [a.type for a in alerts] == ["polarity"]
    assert "Washington Post" in alerts[0].explanation and "denies" in alerts[0].explanation


def test_agreement_noncommittal_and_same_side_are_not_alerts():
    both_deny = (event("a", "denied", side="russia"), event("b", "denied", side="ukraine"))
    noncommittal = (event("c", "asserted", side="us"), event("d", "noncommittal", side="russia"))
    same_side = (event("e", "asserted", side="russia"), event("f", "denied", side="russia"))
    for pair in (both_deny, noncommittal, same_side):
        assert feed(*pair)[0] == []


def test_alert_id_and_alert_set_do_not_depend_on_order():
    a, b, c = claim("a"), claim("b", value_low=11000, value_high=11000), claim("c", value_low=900, value_high=900)
    forward = {x.alert_id for x in feed(a, b, c)[0]}
    backward = {x.alert_id for x in feed(c, b, a)[0]}
    assert forward == backward and len(forward) == 3
    assert alert_id_for(a, b) == alert_id_for(b, a)


def report(claim_id: str, polarity: str, side: str, hours: int = 0, **overrides):
    """The Putin–Trump call as one outlet carries it, ``hours`` after T0."""
    return event(claim_id, polarity, side=side, source=f"outlet-{claim_id}", article_id=f"article-{claim_id}",
                 published_at=T0 + timedelta(hours=hours), **overrides)


def test_a_disagreement_restated_by_more_outlets_is_one_alert():
    # the Washington Post's report carried by three outlets, the Kremlin's denial by two
    reports = [report(f"wp{i}", "asserted", "washington post", hours=i) for i in range(3)]
    denials = [report(f"kr{i}", "denied", "russia", hours=3 + i) for i in range(2)]
    alerts, record = feed(reports[0], denials[0], reports[1], denials[1], reports[2])
    assert [(a.claim_a.claim_id, a.claim_b.claim_id) for a in alerts] == [("kr0", "wp0")]
    assert len(record.claims) == 5                       # every claim stays on record
    alerts, _ = feed(*reports, *denials)                 # all reports first: the earliest stands
    assert [(a.claim_a.claim_id, a.claim_b.claim_id) for a in alerts] == [("kr0", "wp0")]


def test_each_party_and_each_period_is_a_dispute_of_its_own():
    wapo = report("wp", "asserted", "washington post")
    cnn = report("cnn", "asserted", "cnn", hours=1)
    kremlin = report("kr", "denied", "russia", hours=2)
    later = dict(ref_start=T0 + timedelta(days=9), ref_end=T0 + timedelta(days=10))
    wapo_later = report("wp2", "asserted", "washington post", hours=240, **later)
    kremlin_later = report("kr2", "denied", "russia", hours=241, **later)
    alerts, _ = feed(wapo, cnn, kremlin, wapo_later, kremlin_later)
    assert sorted((a.claim_a.claim_id, a.claim_b.claim_id) for a in alerts) == [
        ("cnn", "kr"), ("kr", "wp"), ("kr2", "wp2")]


def test_an_outlets_own_voice_and_unnamed_speakers_are_parties_by_name():
    # no side: the speaker names the party ("officials"), the outlet when it speaks for itself
    own = [report(f"own{i}", "asserted", None, speaker=None) for i in range(2)]
    officials = [report(f"off{i}", "asserted", None, speaker="Officials" if i else "officials") for i in range(2)]
    denial = report("kr", "denied", "russia", hours=1)
    alerts, _ = feed(*own, *officials, denial)
    assert sorted(a.claim_a.claim_id if a.claim_b.claim_id == "kr" else a.claim_b.claim_id for a in alerts) == [
        "off0", "own0", "own1"]


def test_a_restated_figure_is_one_alert_a_different_figure_another():
    fifty = [claim(f"u{i}", speaker="Ukraine", side="ukraine", source=f"outlet-{i}") for i in range(3)]
    eleven = claim("us", value_low=11000, value_high=11000, speaker="Pentagon", side="united states")
    near = claim("u3", value_low=46000, value_high=46000, speaker="Ukraine", side="ukraine")  # agrees with 50,000
    alerts, _ = feed(*fifty, eleven, near)
    assert sorted((a.claim_a.claim_id, a.claim_b.claim_id) for a in alerts) == [("u0", "us"), ("u3", "us")]


def test_the_disputes_alerted_do_not_depend_on_order_nor_replays():
    from itertools import permutations

    from processors.contradictions import dispute
    claims = [report("wp0", "asserted", "washington post"), report("wp1", "asserted", "washington post", hours=1),
              report("cnn", "asserted", "cnn", hours=2), report("kr0", "denied", "russia", hours=3),
              report("kr1", "denied", "russia", hours=4)]
    expected = None
    for order in permutations(claims):
        alerts, record = feed(*order)
        disputes = {dispute(a.claim_a, a.claim_b) for a in alerts}
        assert len(disputes) == len(alerts) == 2
        expected = expected or disputes
        assert disputes == expected
        for c in order:                                  # a replay of any claim raises nothing
            assert observe(c, record, POLICY, now=NOW)[0] == []


def test_replayed_claim_neither_contradicts_itself_nor_realerts():
    a, b = claim("a"), claim("b", value_low=11000, value_high=11000)
    alerts, record = feed(a, b)
    assert len(alerts) == 1
    again, record2 = observe(b, record, POLICY, now=NOW)
    assert again == [] and record2 == record
    assert observe(a, KeyRecord(), POLICY, now=NOW)[0] == []


def test_retention_and_cap_bound_the_record():
    policy = DetectionPolicy(retention=timedelta(days=30), max_claims_per_key=3)
    record = KeyRecord()
    for day in range(10):
        c = claim(f"c{day}", published_at=T0 + timedelta(days=day * 10))
        _, record = observe(c, record, policy, now=NOW)
        assert len(record.claims) <= 3
    newest = max(c.published_at for c in record.claims.values())
    assert all(newest - c.published_at <= policy.retention for c in record.claims.values())


def test_claims_further_apart_than_retention_do_not_compare():
    old = claim("a", published_at=T0 - timedelta(days=40), ref_start=T0 - timedelta(days=41),
                ref_end=T0 + timedelta(days=1))
    assert compare(old, claim("b", value_low=1, value_high=1), POLICY) is None


def test_dedup_state_leaves_with_its_claims():
    policy = DetectionPolicy(max_claims_per_key=2)
    record = KeyRecord()
    alerts = []
    for i, value in enumerate((100, 900, 5000)):
        new, record = observe(claim(f"c{i}", value_low=value, value_high=value,
                                    published_at=T0 + timedelta(hours=i)), record, policy, now=NOW)
        alerts += new
    assert len(alerts) == 3
    assert set(record.claims) == {"c1", "c2"}
    assert all(set(pair) <= set(record.claims) for pair in record.alerted.values())


def test_key_record_round_trips_through_the_wire_form():
    _, record = feed(claim("a"), claim("b", value_low=11000, value_high=11000), event("e", "denied"))
    assert KeyRecord.from_wire(record.to_wire()) == record


def test_namesakes_sharing_a_key_are_not_one_party():
    putin = event("a", "asserted")  # call(Vladimir Putin, Donald Trump)
    namesake = replace(event("b", "denied", side="other"), participants=("Vera Putin", "Donald Trump"))
    bare = replace(event("c", "denied", side="other"), participants=("Putin", "Trump"))
    assert compare(putin, namesake, POLICY) is None
    assert compare(putin, bare, POLICY) is not None


def test_events_said_to_be_in_two_different_places_are_two_events():
    sent = replace(event("a", "asserted"), place="Belarus")
    denied_elsewhere = replace(event("b", "denied", side="other"), place="Kazakhstan")
    denied_there = replace(event("c", "denied", side="other"), place="Belarus")
    denied_nowhere = event("d", "denied", side="other")
    assert compare(sent, denied_elsewhere, POLICY) is None
    assert compare(sent, denied_there, POLICY) is not None
    assert compare(sent, denied_nowhere, POLICY) is not None


def test_an_event_in_a_region_contradicts_its_denial_in_the_country_the_article_puts_it_in():
    in_kursk = replace(event("a", "asserted"), place="Kursk", place_country="Russia")
    none_in_russia = replace(event("b", "denied", side="other"), place="Russia")
    in_russia = replace(event("c", "asserted"), place="Russia")
    none_in_kursk = replace(event("d", "denied", side="other"), place="Kursk", place_country="Russia")
    found = compare(in_kursk, none_in_russia, POLICY)
    assert found is not None and "reports call(Vladimir Putin, Donald Trump) in Kursk (Russia); " \
        "Speaker (via outlet) denies call(Vladimir Putin, Donald Trump) in Russia (" in found[1]
    assert compare(in_russia, none_in_kursk, POLICY) is None  # elsewhere in Russia, perhaps
    assert compare(replace(in_kursk, place_country=None), none_in_russia, POLICY) is None


def test_a_capture_and_a_place_still_held_by_the_captor_agree():
    def capture(claim_id: str, polarity: str, holder: str | None, side: str) -> Claim:
        return replace(event(claim_id, polarity, side=side), key="event|capture|avdiivka", predicate="capture",
                       participants=("Avdiivka",), subject=holder)
    taken_by_russia = capture("a", "asserted", "russia", "isw")
    held_by_russia = capture("b", "denied", "russia", "russia")
    held_by_ukraine = capture("c", "denied", "ukraine", "ukraine")
    denied_outright = capture("d", "denied", None, "ukraine")
    assert compare(taken_by_russia, held_by_russia, POLICY) is None
    assert compare(taken_by_russia, held_by_ukraine, POLICY) is not None
    assert compare(taken_by_russia, denied_outright, POLICY) is not None


def test_one_attacks_toll_below_the_places_toll_is_a_part_of_it():
    def toll(claim_id: str, value: float, one_attack: bool) -> Claim:
        return claim(claim_id, key="quantity|-|killed|gaza city", predicate="killed", subject=None,
                     value_low=value, value_high=value, one_attack=one_attack)
    assert compare(toll("a", 5, True), toll("b", 30, False), POLICY) is None  # a strike's five of the day's 30
    assert compare(toll("a", 30, False), toll("b", 5, True), POLICY) is None
    assert compare(toll("a", 40, True), toll("b", 12, False), POLICY) is not None  # one strike killed more
    assert compare(toll("a", 5, True), toll("b", 12, True), POLICY) is not None  # one strike, two tolls
    assert compare(toll("a", 5, False), toll("b", 12, False), POLICY) is not None


def test_a_figure_another_side_calls_false_is_a_polarity_alert_against_that_figure_only():
    told = claim("a", side="gaza", value_low=90.0, value_high=90.0)
    disputed = claim("b", side="israel", polarity="denied", value_low=90.0, value_high=90.0)
    other = claim("c", side="un", value_low=40.0, value_high=40.0)
    kind, explanation = compare(told, disputed, DetectionPolicy())
    assert kind == "polarity" and "disputes that figure" in explanation
    assert compare(other, disputed, DetectionPolicy()) is None  # the dispute is of 90, not of 40
    assert compare(disputed, replace(told, claim_id="d", side="israel"), DetectionPolicy()) is None  # own side


def test_an_event_dated_after_a_denial_was_published_is_an_update():
    # "Savchenko remains in custody" on Monday; "Savchenko was released on Tuesday" a day later
    held = event("a", "denied", speaker="Kremlin", side="russia")
    tuesday = T0 + timedelta(hours=12)
    released = event("b", "asserted", published_at=tuesday + timedelta(hours=6), ref_start=tuesday,
                     ref_end=tuesday + timedelta(days=1))
    assert compare(held, released, POLICY) is None
    # what was told of the day before the denial is still denied
    before = event("c", "asserted", ref_start=T0 - timedelta(hours=20), ref_end=T0 - timedelta(hours=4))
    assert compare(held, before, POLICY) is not None


def test_an_accusation_voiced_after_a_denial_still_meets_it():
    # an allegation's date is when it was voiced: "I have done nothing wrong" on Monday answers
    # the accusation repeated on Tuesday as much as the one before it
    denial = event("a", "denied", key="event|allegation|trump", predicate="allegation", speaker="Trump", side="trump")
    tuesday = T0 + timedelta(hours=12)
    accusation = event("b", "asserted", key="event|allegation|trump", predicate="allegation",
                       published_at=tuesday + timedelta(hours=6), ref_start=tuesday, ref_end=tuesday + timedelta(days=1))
    assert compare(denial, accusation, POLICY) is not None


def test_an_undated_denial_reaches_a_report_of_the_week_before_whatever_its_date():
    denial = event("a", "denied", speaker="KCNA", side="north korea")
    last_month = dict(ref_start=T0 - timedelta(days=40), ref_end=T0 - timedelta(days=20), ref_text="last month")
    recent_report = event("b", "asserted", published_at=T0 - timedelta(days=5), **last_month)
    old_report = event("c", "asserted", published_at=T0 - timedelta(days=12), **last_month)
    assert compare(denial, recent_report, POLICY) is not None
    assert compare(denial, old_report, POLICY) is None


def test_a_toll_over_a_period_holding_the_others_is_its_sum():
    def toll(claim_id: str, value: float, first: int, last: int, hours: int = 0):
        return claim(claim_id, key="quantity|-|killed|kharkiv", predicate="killed", subject=None, value_low=value,
                     value_high=value, ref_text="dated", ref_start=T0 - timedelta(days=first),
                     ref_end=T0 - timedelta(days=last), published_at=T0 + timedelta(hours=hours))
    assert compare(toll("two-days", 12, 2, 0), toll("one-day", 5, 1, 0), POLICY) is None
    assert compare(toll("two-days", 5, 2, 0), toll("one-day", 12, 1, 0), POLICY) is not None
    assert compare(toll("a", 12, 1, 0), toll("b", 5, 1, 0), POLICY) is not None  # the same period
