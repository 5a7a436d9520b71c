"""Sentence splitting on news text: what a reader would call a sentence."""

from __future__ import annotations

from assistant.corpus import split_paragraph, split_sentences


def test_abbreviations_titles_and_initials_do_not_end_sentences() -> None:
    text = (
        "Sen. Elizabeth Warren met Gen. Mark Milley and Joe R. Biden in Washington, D.C. on Monday. "
        "It went well."
    )
    assert split_sentences(text) == [
        "Sen. Elizabeth Warren met Gen. Mark Milley and Joe R. Biden in Washington, D.C. on Monday.",
        "It went well.",
    ]


def test_money_decimals_and_percentages_stay_whole() -> None:
    text = "The U.S. sent $325 million. Aid rose 3.5% in 2023. The No. 2 official agreed."
    assert split_sentences(text) == [
        "The U.S. sent $325 million.",
        "Aid rose 3.5% in 2023.",
        "The No. 2 official agreed.",
    ]


def test_quotation_that_ends_a_sentence_keeps_its_closing_mark() -> None:
    text = "He said “I don’t have anything to announce about that today.” The talks ended."
    assert split_sentences(text) == [
        "He said “I don’t have anything to announce about that today.”",
        "The talks ended.",
    ]


def test_sentence_holding_a_whole_quotation_is_one_sentence() -> None:
    text = "“If they requested it, they believe that they need it,” Austin said. “Really?” she asked."
    assert split_sentences(text) == [
        "“If they requested it, they believe that they need it,” Austin said.",
        "“Really?” she asked.",
    ]


def test_acronym_at_the_end_of_a_sentence_splits_before_a_usual_starter() -> None:
    assert split_sentences("The talks were held in the U.S. The officials said so.") == [
        "The talks were held in the U.S.",
        "The officials said so.",
    ]
    # Wire copy capitalises any word after "U.S.": a joining word or a noun there carries on.
    assert split_sentences("U.S. Officials said the U.S. And Japan agreed.") == [
        "U.S. Officials said the U.S. And Japan agreed."
    ]
    assert split_sentences("He met U.S. Secretary Blinken.") == ["He met U.S. Secretary Blinken."]


def test_offsets_point_at_the_sentence_in_the_original_text() -> None:
    paragraph = "  First one here.  Second one, with “a quote.” Third?"
    spans = list(split_paragraph(paragraph, offset=100))
    full = " " * 100 + paragraph
    assert [full[s:e] for s, e in spans] == ["First one here.", "Second one, with “a quote.”", "Third?"]
