"""Temporal expressions: TimeML extents and TIMEX3 values on sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from reader.analysis.times import describe_value, find_times, timex_interval

# A Wednesday.
REFERENCE = date(2013, 3, 20)


def times(text: str, reference: date = REFERENCE) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_times(text, reference)]


def only(text: str, reference: date = REFERENCE) -> tuple[str, str, str]:
    found = times(text, reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The council met on March 22, 2013 to vote.", ("March 22, 2013", "date", "2013-03-22")),
        ("Ferries stopped on 4 February 2012.", ("4 February 2012", "date", "2012-02-04")),
        ("The report is dated 2011-07-09.", ("2011-07-09", "date", "2011-07-09")),
        ("Prices rose in June 2010.", ("June 2010", "date", "2010-06")),
        ("The plant opened in 1998.", ("1998", "date", "1998")),
        ("Trade grew in the 1990s.", ("1990s", "date", "199")),
        ("It was built in the 19th century.", ("the 19th century", "date", "18")),
        ("Sales fell in the third quarter.", ("the third quarter", "date", "2012-Q3")),
        (
            "Sales fell in the first quarter of 2011.",
            ("the first quarter of 2011", "date", "2011-Q1"),
        ),
        ("The harbour board met last week.", ("last week", "date", "2013-W11")),
        ("The union will strike next month.", ("next month", "date", "2013-04")),
        ("Profits doubled last year.", ("last year", "date", "2012")),
        ("The pier closed last summer.", ("last summer", "date", "2012-SU")),
        ("The talks began at 2 p.m. today.", ("2 p.m. today", "time", "2013-03-20T14:00")),
        ("The mayor spoke yesterday.", ("yesterday", "date", "2013-03-19")),
        ("The ferry runs every Tuesday.", ("every Tuesday", "set", "XXXX-WXX-2")),
        ("Inspectors visit the mill daily.", ("daily", "set", "P1D")),
        ("The strike lasted three days.", ("three days", "duration", "P3D")),
        ("Talks went on for two hours.", ("two hours", "duration", "PT2H")),
        ("He signed a two-year contract.", ("two-year", "duration", "P2Y")),
        ("Costs rose over the past three years.", ("the past three years", "duration", "P3Y")),
        ("The mill closed two years ago.", ("two years ago", "date", "2011")),
        ("The dock is now open.", ("now", "date", "PRESENT_REF")),
        ("The board recently sold the yard.", ("recently", "date", "PAST_REF")),
        ("Fares are currently frozen.", ("currently", "date", "PRESENT_REF")),
        ("Fares may rise in the future.", ("the future", "date", "FUTURE_REF")),
        ("Shops stay open on Christmas Eve.", ("Christmas Eve", "date", "2013-12-24")),
    ],
)
def test_each_form_gets_its_extent_and_value(sentence, expected):
    assert only(sentence) == expected


def test_a_weekday_follows_the_tense_of_its_sentence():
    assert only("The minister said on Tuesday that fares would stay.")[2] == "2013-03-19"
    assert only("The minister will meet the union on Tuesday.")[2] == "2013-03-26"
    # The article's own weekday is the article's day.
    assert only("The vote took place Wednesday.")[2] == "2013-03-20"


def test_a_month_without_a_year_is_the_articles_year_unless_the_tense_says_otherwise():
    assert only("The port reopened in January.")[2] == "2013-01"
    assert only("The council said the yard shut on Nov. 3.")[2] == "2012-11-03"
    article_in_december = date(2013, 12, 28)
    assert only("The ferry will resume on Jan. 5.", article_in_december)[2] == "2014-01-05"


def test_a_year_earlier_counts_from_the_quarter_under_discussion():
    found = times("Profit rose in the third quarter, from $2 million a year earlier.")
    assert found == [
        ("the third quarter", "date", "2012-Q3"),
        ("a year earlier", "date", "2011-Q3"),
    ]


def test_a_duration_before_an_event_is_a_duration():
    assert only("The pump failed ten days before the flood.") == ("ten days", "duration", "P10D")


def test_ages_names_and_modal_may_are_not_times():
    assert times("A 6-year-old girl met Jan Kavan, who may visit.") == []
    assert times("The fund holds 2,000 shares and 1998 is not a count here: $1998.") == [
        ("1998", "date", "1998")
    ]


def test_offsets_point_into_the_text():
    text = "Late on Friday night, the harbour reopened; it had closed in May 2012."
    for found in find_times(text, REFERENCE):
        assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("value", "first", "last", "words"),
    [
        ("2013-03-22T14:00", date(2013, 3, 22), date(2013, 3, 22), "Fri 22 Mar 2013, 14:00"),
        ("2013-W11", date(2013, 3, 11), date(2013, 3, 17), "week 11 of 2013"),
        ("2013-Q1", date(2013, 1, 1), date(2013, 3, 31), "Q1 2013"),
        ("2013-SU", date(2013, 6, 1), date(2013, 8, 31), "summer 2013"),
        ("201", date(2010, 1, 1), date(2019, 12, 31), "the 2010s"),
        ("20", date(2000, 1, 1), date(2099, 12, 31), "the 21st century"),
    ],
)
def test_a_dated_value_reads_back_as_days_and_words(value, first, last, words):
    assert timex_interval(value) == (first, last)
    assert describe_value(value) == words


def test_durations_sets_and_references_have_no_place_on_a_line():
    for value in ("P3D", "XXXX-WXX-2", "PAST_REF"):
        assert timex_interval(value) is None


def test_vague_stretches_around_an_event_and_the_near_future():
    assert only("Police searched the area in the weeks before the vote.") == (
        "weeks",
        "duration",
        "PXW",
    )
    assert only("The yard may reopen in the near future.") == (
        "the near future",
        "date",
        "FUTURE_REF",
    )


def test_halves_clock_times_with_zones_and_since():
    assert only("Growth slowed in the first half of 2012.") == (
        "the first half of 2012",
        "date",
        "2012-H1",
    )
    assert only("The quake struck at 2:46 p.m. local time on March 11, 2011.")[2] == (
        "2011-03-11T14:46"
    )
    assert only("Shares closed at 3:30 p.m. ET on Tuesday.")[2] == "2013-03-19T15:30"
    # "since" looks back: November before the article's March.
    assert only("It was the biggest drop since November.")[2] == "2012-11"


def test_second_as_an_ordinal_is_not_a_duration():
    assert times("It would be a second betrayal, he said.") == []
    assert only("The light flickered for a second.") == ("a second", "duration", "PT1S")


def test_the_following_month_counts_from_the_date_under_discussion():
    found = times("The port closed in June 2011. The following month, the ferry stopped.")
    assert found == [
        ("June 2011", "date", "2011-06"),
        ("The following month", "date", "2011-07"),
    ]
    assert only("Crowds gathered this past weekend.")[2] == "2013-W11-WE"


def test_a_part_of_the_day_is_kept_as_timex3_says():
    assert only("The mayor spoke on Monday night.") == ("Monday night", "time", "2013-03-18TNI")
    assert only("The ferry left this morning.") == ("this morning", "time", "2013-03-20TMO")


def test_a_month_far_ahead_without_tense_is_last_years():
    january = date(2014, 1, 6)
    assert only("The late November storm remains the talk of the town.", january)[2] == "2013-11"


def test_a_month_far_behind_is_next_years_unless_the_event_is_past():
    november = date(2013, 11, 4)
    # "reduced" and "said" date the report, not the payment.
    assert only("The board said the reduced bonus is payable Jan. 6.", november)[2] == "2014-01-06"
    assert only("The new fares take effect in February.", november)[2] == "2014-02"
    assert only("The trust bought the pier in February.", november)[2] == "2013-02"
    assert times("In the year ended Jan. 31, the yard lost money.", november)[-1][2] == "2013-01-31"


def test_until_a_weekday_looks_ahead_and_a_past_plan_looks_back():
    # REFERENCE is a Wednesday.
    assert only("Officials postponed the vote until Tuesday.")[2] == "2013-03-26"
    assert only("Until Tuesday, the crews had not been paid.")[2] == "2013-03-19"
    assert only("The lease had been due to expire Friday.")[2] == "2013-03-15"


def test_two_days_of_one_month_are_two_expressions():
    assert times("The fair runs March 25-27 in the town hall.") == [
        ("March 25", "date", "2013-03-25"),
        ("27", "date", "2013-03-27"),
    ]
    assert times("The show ran 5 to 7 March 2012.") == [
        ("5", "date", "2012-03-05"),
        ("7 March 2012", "date", "2012-03-07"),
    ]
    # A number after a date is not a second day.
    assert times("Sales rose March 5 and 7 percent later.") == [("March 5", "date", "2013-03-05")]


def test_a_weekday_range_ends_after_it_starts():
    # REFERENCE is a Wednesday: this week's Monday to this week's Friday.
    found = times("The fair is open from Monday to Friday.")
    assert [value for _text, _kind, value in found] == ["2013-03-18", "2013-03-22"]


def test_a_year_earlier_than_a_day_is_a_year():
    # TIMEX3 takes the expression's own granularity: "a year earlier" names a year.
    found = times("The plant closed on June 3, 2011. A year earlier, it had been sold.")
    assert found[-1] == ("A year earlier", "date", "2010")
    assert times("The mill shut on Nov. 2, 2012. Two days earlier, it had been sold.")[-1][2] == (
        "2012-10-31"
    )


def test_an_unknown_number_of_decades_is_years_and_of_centuries_centuries():
    assert only("The two towns ended a decades-long feud.") == ("decades-long", "duration", "PXY")
    assert only("The bridge has stood for decades.") == ("decades", "duration", "PXY")
    assert only("The abbey has stood for centuries.") == ("centuries", "duration", "PXC")
    assert only("The dockers held a day-long strike.") == ("day-long", "duration", "P1D")


def test_ahead_of_the_weekend_is_the_coming_one():
    # REFERENCE is Wednesday of week 12.
    assert only("Traders sold ahead of the weekend.")[2] == "2013-W12-WE"
    assert only("Traders sold over the weekend.")[2] == "2013-W11-WE"


def test_the_current_year_and_quarter_are_the_articles_even_after_others():
    found = times("Output fell in 2009. It should rise in the current year.")
    assert found[-1] == ("the current year", "date", "2013")
    found = times("Sales rose in the third quarter and should rise in the current quarter.")
    assert found[-1] == ("the current quarter", "date", "2013-Q1")


def test_a_spoken_year_takes_its_month_or_season():
    assert only("Prices peaked in the winter of nineteen ninety-four.") == (
        "the winter of nineteen ninety-four",
        "date",
        "1994-WI",
    )
    assert only("The flood came in March nineteen eighty-one.")[1:] == ("date", "1981-03")


def test_this_coming_and_this_past_weekdays():
    # REFERENCE is a Wednesday.
    assert only("The vote is this coming Sunday.") == ("this coming Sunday", "date", "2013-03-24")
    assert only("The vote was this past Sunday.") == ("this past Sunday", "date", "2013-03-17")


def test_would_looks_ahead_but_not_for_a_possessive_weekday():
    # REFERENCE is a Wednesday.
    assert only("The ferry line said its new boat would enter service Thursday.")[2] == (
        "2013-03-21"
    )
    # "Tuesday's ceasefire" had already happened when they spoke of it.
    assert only("The rebels said they would ignore Tuesday's ceasefire.")[2] == "2013-03-19"


def test_names_adjectives_and_participles_are_not_the_verbs_tense():
    # "United" is a name, "undisclosed" an adjective, "be paid" the modal's, "led by" a participle.
    assert only("The envoy will fly to the United Arab Emirates on Friday.")[2] == "2013-03-22"
    november = date(2013, 11, 4)
    assert only("The dividend goes out on a yet undisclosed date in January.", november)[2] == (
        "2014-01"
    )
    assert only("The bonus would be paid in February.", november)[2] == "2014-02"
    assert only("A consortium led by Nordfin is lending until February.", november)[2] == (
        "2014-02"
    )


def test_a_range_of_weekdays_is_two_days_on_one_side_of_the_article():
    # REFERENCE is a Wednesday. A stretch that is over ends on or before it.
    assert times("The folk festival ran Thursday-Saturday in the old port.") == [
        ("Thursday", "date", "2013-03-14"),
        ("Saturday", "date", "2013-03-16"),
    ]
    assert times("The harbour fair will run Thursday through Saturday.") == [
        ("Thursday", "date", "2013-03-21"),
        ("Saturday", "date", "2013-03-23"),
    ]
    # Irregular past tenses count: "ran", "fled", "spoke".
    found = times("Ferries ran Monday to Friday, then the crews fled.")
    assert [value for _text, _kind, value in found] == ["2013-03-11", "2013-03-15"]
    # On the Thursday itself, a finished Thursday-Saturday run was the week before.
    thursday = date(2013, 3, 21)
    found = times("The folk festival ran Thursday-Saturday.", thursday)
    assert [value for _text, _kind, value in found] == ["2013-03-14", "2013-03-16"]


def test_a_range_of_clock_times_is_two_times_of_one_day():
    # REFERENCE is Wednesday 20 March 2013.
    assert times("The ferry office is open 9am-5pm.") == [
        ("9am", "time", "2013-03-20T09:00"),
        ("5pm", "time", "2013-03-20T17:00"),
    ]
    # The day named after the second time is the first's day too.
    found = times("The inquiry sat from 10:00 to 12:30 on Friday.")
    assert [value for _text, _kind, value in found] == ["2013-03-15T10:00", "2013-03-15T12:30"]
    found = times("The inquiry will sit from 10:00 to 12:30 on Friday.")
    assert [value for _text, _kind, value in found] == ["2013-03-22T10:00", "2013-03-22T12:30"]
    # A bare first hour takes the second's half of the day, unless it would come after it.
    found = times("The pool is open between 2 and 4 p.m. tomorrow.")
    assert found[0] == ("2", "time", "2013-03-21T14:00")
    assert [value for _text, _kind, value in times("The stall opens 11-1 p.m.")] == [
        "2013-03-20T11:00",
        "2013-03-20T13:00",
    ]
    assert times("The scores were 2-4 and 3-1.") == []


def test_a_season_takes_its_year_from_the_tense_like_a_month():
    # REFERENCE is March 2013: a summer already past is last year's.
    assert only("The lido reopened in the summer.") == ("the summer", "date", "2012-SU")
    assert only("The lido will reopen in the autumn.")[2] == "2013-FA"
    assert only("The lido shut this past summer.") == ("this past summer", "date", "2012-SU")
    assert only("The lido will shut this coming autumn.")[2] == "2013-FA"
    assert only("The lido will reopen in summer 2014.") == ("summer 2014", "date", "2014-SU")
    assert only("Rents fell in the fall of 2012.") == ("the fall of 2012", "date", "2012-FA")
    assert times("After the fall of the old wall, rents rose.") == []


def test_a_range_of_years_is_two_years():
    assert times("The old line ran from 1921-1958.") == [
        ("1921", "date", "1921"),
        ("1958", "date", "1958"),
    ]
    assert times("The club won the cup in the 2011-12 season.") == [
        ("2011", "date", "2011"),
        ("12", "date", "2012"),
    ]
    assert times("The final score was 2012-2010.") == []


def test_business_shorthand_for_quarters_halves_and_fiscal_years():
    assert times("Q4 sales slipped; Q3 2012 had been better.") == [
        ("Q4", "date", "2012-Q4"),
        ("Q3 2012", "date", "2012-Q3"),
    ]
    assert only("Margins widened in H2 2012.") == ("H2 2012", "date", "2012-H2")
    assert only("The chain expects growth in FY2014.") == ("FY2014", "date", "2014")
    assert times("She applied for an H1 visa.") == []


def test_a_month_without_a_year_by_deadline_and_distance():
    october = date(2013, 10, 30)
    assert only("The loan must be repaid by February.", october)[2] == "2014-02"
    # With no tense, a month more than five months ahead is last year's.
    assert only("Rents have risen from the middle of September.")[2] == "2012-09"
    # "last April" in a later month is this year's; the month just gone is "last month".
    assert only("The ferry sank last April.", october)[2] == "2013-04"
    assert only("The ferry sank last February.")[2] == "2012-02"
    assert only("The new ferry arrives next April.")[2] == "2014-04"


def test_a_schedule_in_the_present_tense_looks_ahead():
    # REFERENCE is a Wednesday.
    assert only("The new speed limit takes effect at noon on Saturday.")[2] == ("2013-03-23T12:00")
    assert only("The harbour licence expires Friday.")[2] == "2013-03-22"
    assert only("The council's budget year begins on Oct. 1.")[2] == "2013-10-01"
    # The verb that governs the day wins over a nearer one that does not.
    assert only("The regatta, scheduled for Sunday, was called off.")[2] == "2013-03-24"
    assert only("The locks will stay shut until at least Thursday.")[2] == "2013-03-21"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bishop will lead a procession on Palm Sunday.", "2013-03-24"),
        ("The cathedral was full on Ash Wednesday.", "2013-02-13"),
        ("The ferry runs an extra boat on Easter Monday.", "2013-04-01"),
        ("The pipers marched on St. Patrick's Day.", "2013-03-17"),
        ("Florists expect a rush before Mother's Day.", "2013-05-12"),
        ("The markets were shut for Martin Luther King Jr. Day.", "2013-01-21"),
        ("The depot closed on Memorial Day.", "2012-05-28"),
        ("Dockers walked out on Boxing Day.", "2012-12-26"),
    ],
)
def test_holidays_of_the_church_and_the_calendar(sentence, expected):
    assert only(sentence)[1:] == ("date", expected)


def test_the_week_of_a_day_and_a_range_of_months():
    assert only("The inquiry resumes the week of April 8.") == (
        "the week of April 8",
        "date",
        "2013-W15",
    )
    assert times("The chain lost money in the October-December quarter.") == [
        ("October", "date", "2012-10"),
        ("December", "date", "2012-12"),
    ]
    assert [value for _text, _kind, value in times("Rain fell from November-January.")] == [
        "2012-11",
        "2013-01",
    ]
    # Present-tense "ends": a close ahead. REFERENCE is a Wednesday.
    assert only("The ballot ends at 8 p.m. on Sunday.")[2] == "2013-03-24T20:00"


def test_an_hour_in_the_morning_years_with_pre_and_post_and_trading_days():
    assert only("The trawler sailed at 4 in the morning.") == (
        "4 in the morning",
        "time",
        "2013-03-20T04:00",
    )
    assert only("The vigil began at eight o'clock in the evening.")[2] == "2013-03-20T20:00"
    assert times("There were 3 in the morning crew.") == []
    assert only("The post-1945 settlement is fraying.") == ("post-1945", "date", "1945")
    assert only("Five trading days after the crash, shares recovered.") == (
        "Five trading days",
        "duration",
        "P5D",
    )


def test_a_range_of_amounts_is_one_duration_at_its_lower_bound():
    assert only("The repairs will take two to three weeks.") == (
        "two to three weeks",
        "duration",
        "P2W",
    )
    assert only("The crossing took 3-4 hours.") == ("3-4 hours", "duration", "PT3H")


def test_the_year_is_not_a_target_year_named_before():
    found = times(
        "By 2016 the ferry line aims to double sailings. It expects a profit for the year."
    )
    assert found[-1] == ("the year", "date", "2013")
    found = times("Traffic fell in 2011. For the year, the line lost money.")
    assert found[-1] == ("the year", "date", "2011")
