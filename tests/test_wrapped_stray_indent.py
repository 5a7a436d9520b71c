"""Wire copy whose wrapped line was set in a stray space reads as one sentence, as its writer meant.

Reuters opens paragraphs with four spaces; now and then a wrapped line carries one space ("selling
its" / " Seafirst Corp Subsidiary in Washington."). Read as a new paragraph it cut a statement in
two: the quote shown ended at "selling its".
"""

from __future__ import annotations

from assistant.corpus import display_text, parse_article

STORY = (
    "BANKAMERICA ASKS JAPANESE BANKS TO BUY NOTES\n"
    "    TOKYO, June 16 - BankAmerica Corp asked Japanese commercial\n"
    "banks today to buy 350 mln dlrs in subordinated capital notes,\n"
    "a company spokesman said.\n"
    "    But vice chairman Frank Newman said the company had no intention of selling its\n"
    " Seafirst Corp Subsidiary in Washington.\n"
    "    Rates on the notes will be set by market conditions, he\n"
    "said.\n"
    " Reuter\n"
)


def _sentences(text: str) -> list[str]:
    article = parse_article("wire.txt", text)
    return [display_text(article.text, s.start, s.end) for s in article.sentences]


def test_a_wrapped_line_with_a_stray_space_carries_on_its_sentence() -> None:
    assert (
        "But vice chairman Frank Newman said the company had no intention of selling its Seafirst "
        "Corp Subsidiary in Washington."
    ) in _sentences(STORY)
    assert "Seafirst Corp Subsidiary in Washington." not in _sentences(STORY)


def test_a_heading_over_a_dateline_indented_less_stays_apart() -> None:
    text = (
        "NORTHROP GETS 469.6 MLN DLRS CONTRACT\n"
        "   ROLLING MEADOWS, Ill., March 4 - Northrop Corp said it won a\n"
        "contract from the Air Force worth 469.6 mln dlrs for radar units.\n"
        "    The company said work would be done at its plant in Illinois\n"
        "over the next four years.\n"
    )
    article = parse_article("northrop.txt", text)
    assert article.meta.title.upper() == "NORTHROP GETS 469.6 MLN DLRS CONTRACT"
    assert all("NORTHROP GETS" not in s for s in _sentences(text))


def test_table_rows_set_in_one_space_stay_rows() -> None:
    text = (
        "BANK OF JAPAN SETS RATES\n"
        "    TOKYO, April 7 - The Bank of Japan set these rates on bills\n"
        "bought in the market for the days shown, in the week ahead\n"
        "    5-14 days  5.75 pct    5.65 pct     5-14 days\n"
        " 15-85 days  5.00 pct    5.00 pct    15-78 days\n"
        " 86-91 days  5.80 pct    5.83 pct    79-85 days\n"
    )
    rows = [s for s in _sentences(text) if "days" in s and "pct" in s]
    assert len(rows) == 3
