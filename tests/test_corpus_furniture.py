"""Wire and page furniture kept out of sentences; metadata only where the article states it."""

from __future__ import annotations

from assistant.corpus import ParsedArticle, display_text, parse_article

WIRE = (
    "OPEC OUTPUT RISES IN FEBRUARY\n"
    "    VIENNA, March 3, 1987 - OPEC crude oil output rose to 16.5 mln\n"
    "barrels per day in February from 15.8 mln in January, a survey\n"
    "showed.\n"
    "    The rise came from Saudi Arabia, the survey said.\n"
    "    MARKET OUTLOOK\n"
    "    Traders expect prices to hold near 18 dlrs a barrel.\n"
    "    (Reporting by Jane Doe; Editing by\n"
    "John Roe)\n"
    "    Copyright 1987 Reuters Ltd. All rights reserved.\n"
    " Reuter\n"
)


def _sentences(article: ParsedArticle) -> list[str]:
    return [display_text(article.text, s.start, s.end) for s in article.sentences]


def test_wire_furniture_is_left_out_and_an_all_capitals_subheading_kept() -> None:
    article = parse_article("opec.txt", WIRE)
    assert article.meta.title == "OPEC Output Rises in February"  # as a newsroom titles it
    assert _sentences(article) == [
        "OPEC crude oil output rose to 16.5 mln barrels per day in February from 15.8 mln in January, "
        "a survey showed.",
        "The rise came from Saudi Arabia, the survey said.",
        "MARKET OUTLOOK",
        "Traders expect prices to hold near 18 dlrs a barrel.",
    ]


def test_a_dated_dateline_gives_the_date_and_stays_out_of_the_first_sentence() -> None:
    article = parse_article("opec.txt", WIRE)
    assert article.meta.date == "1987-03-03"
    span = article.meta_spans["date"]
    assert WIRE[span.start : span.end] == "March 3, 1987"
    first = article.sentences[0]
    assert WIRE[first.start : first.start + 4] == "OPEC"
    # The paragraph still holds the dateline, so the source view shows it.
    assert WIRE[article.paragraphs[0].start :].startswith("VIENNA, March 3, 1987 -")


def test_a_dateline_without_a_year_gives_no_date() -> None:
    text = "Bank cuts rate\n    LONDON, March 9 - National Westminster Bank said it cut its\nbase rate.\n"
    article = parse_article("natwest.txt", text)
    assert article.meta.date is None
    assert _sentences(article) == ["National Westminster Bank said it cut its base rate."]


def test_a_dateline_on_a_line_of_its_own_is_no_paragraph() -> None:
    text = (
        "Acme dividend\n    COSTA MESA, Calif., March 9 -\n    Semi-annual dividend 4 cts\n    Pay May 29\n"
    )
    article = parse_article("acme.txt", text)
    assert _sentences(article) == ["Semi-annual dividend 4 cts", "Pay May 29"]


def test_an_agency_dateline_is_left_out_of_the_first_sentence() -> None:
    text = "Talks resume\n\nWASHINGTON (Reuters) - Negotiators met again on Monday. They made progress.\n"
    article = parse_article("talks.txt", text)
    assert _sentences(article) == ["Negotiators met again on Monday.", "They made progress."]


def test_an_ordinary_sentence_with_a_dash_is_not_a_dateline() -> None:
    text = "Budget\n\nThe Mayor, March 9 - a busy day - signed the budget.\n"
    article = parse_article("budget.txt", text)
    assert _sentences(article) == ["The Mayor, March 9 - a busy day - signed the budget."]


def test_a_long_all_capitals_promo_is_furniture_but_a_short_subheading_is_text() -> None:
    text = (
        "Zoo news\nThe zoo opened a new enclosure.\n"
        "TRUMP LOOKING FORWARD TO 2024 GENERAL ELECTION, PAST THE PRIMARIES\n"
        "NEW ARRIVALS\nTwo lions arrived on Friday.\n"
    )
    assert _sentences(parse_article("zoo.txt", text)) == [
        "The zoo opened a new enclosure.",
        "NEW ARRIVALS",
        "Two lions arrived on Friday.",
    ]


def test_a_byline_names_the_author() -> None:
    text = "Diner closes\nBy Jane Doe\nThe diner closed on Friday after 40 years.\n"
    article = parse_article("diner.txt", text)
    assert article.meta.author == "Jane Doe"
    assert _sentences(article) == ["The diner closed on Friday after 40 years."]


def test_a_bare_name_under_the_title_is_the_author() -> None:
    text = "Diner closes\nMike Brest\nThe diner closed on Friday after 40 years.\n"
    assert parse_article("diner.txt", text).meta.author == "Mike Brest"


def test_a_stadium_line_at_the_top_of_a_sports_preview_is_no_author() -> None:
    for venue in (
        "Stamford Bridge",
        "Millennium Stadium, Cardiff",
        "Murrayfield, Edinburgh",
        "Chelsea v Arsenal",
    ):
        text = f"Preview: derby day\n{venue}\nChelsea will be without their captain on Sunday.\n"
        article = parse_article("preview.txt", text)
        assert article.meta.author is None, venue
    # A ground no word gives away, known by the fixture lines under it.
    text = "Manchester United v Chelsea\nOld Trafford\nSunday, 12 March\n1600 GMT\nUnited are unbeaten.\n"
    assert parse_article("preview.txt", text).meta.author is None


def test_html_entities_are_decoded_in_the_title_and_byline() -> None:
    text = "Tom&#39;s &amp; Jerry&#39;s diner closes\nBy Ren&eacute;e O&#39;Hara\nThe diner closed.\n"
    article = parse_article("diner.txt", text)
    assert article.meta.title == "Tom's & Jerry's diner closes"
    assert article.meta.author == "Renée O'Hara"


def test_html_entities_are_decoded_in_front_matter() -> None:
    text = '---\ntitle: "Pier &amp; promenade"\nsource: Bob&#39;s Weekly\n---\n\nThe pier reopened.\n'
    article = parse_article("pier.md", text, markdown=True)
    assert (article.meta.title, article.meta.source) == ("Pier & promenade", "Bob's Weekly")


def test_the_end_of_a_wrapped_title_is_no_byline() -> None:
    text = (
        "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be\nCriminally Investigated.’\n"
        "    Sen. Elizabeth Warren on Tuesday told the chief executive of\n"
        "Wells Fargo that he should resign and be criminally investigated\n"
        "over the bank's sales practices, in a hearing of the Senate\n"
        "banking committee.\n"
    )
    article = parse_article("warren.txt", text)
    assert article.meta.author is None
    assert (
        article.meta.title
        == "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’"
    )
