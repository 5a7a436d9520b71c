"""Near misses: the corpus has the company and the topic but not the asked fact.

A reader who asks "How many stores does Harwick Shoe plan to open in Brazil?" of wire stories that
only give Harwick's store plans for the year must be told the corpus does not say, not be shown 421
stores somewhere else; once a story gives the Brazilian plan, that story's sentence answers.
The check is off by default (`AnswerSettings.near_misses`) and turned on here.
"""

from __future__ import annotations

from pathlib import Path

from assistant.answer import AnswerSettings
from assistant.engine import Engine

PLAIN = "The corpus holds no answer to this question."
NEAR_MISSES = AnswerSettings(near_misses=True)
"""The near-miss check is off by default (it refused answerable questions written apart); on here."""

WIRE = {
    "harwick-plans.txt": (
        "Harwick Shoe plans 421 new stores\n\n"
        "CINCINNATI, March 3 - Harwick Shoe Corp said it plans to open 421 stores and close 33 units "
        "in 1987, bringing the total number of its outlets to 2,655.\n\n"
        "The company said most of the new stores would be in its women's apparel and footwear divisions.\n\n"
        "Harwick Shoe said capital spending would rise to about 120 mln dlrs this year.\n"
    ),
    "harwick-profit.txt": (
        "Harwick Shoe blames warm winter for lower profit\n\n"
        "CINCINNATI, Feb 20 - Harwick Shoe Corp said fourth quarter profit fell 22 pct, hurt by a warm "
        "winter that cut sales of boots.\n\n"
        "Net income was 18.2 mln dlrs against 23.4 mln dlrs a year earlier, the company said.\n"
    ),
    "coffee.txt": (
        "Brazil coffee exports slow\n\n"
        "RIO DE JANEIRO, March 4 - Brazil's coffee exports fell in February as growers held back "
        "supplies ahead of a new support price, trade sources said.\n\n"
        "Registrations for export totalled 1.1 mln bags, down from 1.6 mln a year earlier.\n"
    ),
    "trials.txt": (
        "National Patent to test AIDS drug\n\n"
        "NEW YORK, June 29 - National Patent Development Corp said its joint venture will begin "
        "clinical trials of an AIDS treatment in Israel in September.\n\n"
        "The company said the trials would involve about 40 patients.\n"
    ),
    "steel.txt": (
        "Allegheny steel output rises\n\n"
        "PITTSBURGH, March 5 - Allegheny Steel Corp said raw steel output rose 4.1 pct last week to "
        "1.8 mln tons, the highest level since November.\n\n"
        "The company said its mills ran at 78 pct of capacity.\n"
    ),
    "kestrel-sales.txt": (
        "Kestrel sales rise on heart drug\n\n"
        "STOCKHOLM, April 21 - Kestrel AB said first quarter sales rose 14 pct to 2.3 billion crowns, "
        "helped by strong demand for its heart drug in the United States.\n"
    ),
    "bank.txt": (
        "Bundesbank leaves rates unchanged\n\n"
        "FRANKFURT, March 5 - The Bundesbank left its discount rate unchanged at 3.0 pct after its "
        "council meeting, a spokesman said.\n\n"
        "Dealers said the decision had been widely expected.\n"
    ),
}

BRAZIL_PLAN = (
    "Harwick Shoe to expand in Brazil\n\n"
    "SAO PAULO, April 2 - Harwick Shoe Corp said it will open 40 stores in Brazil over the next two "
    "years through a joint venture with a local retailer.\n"
)

KESTREL_TRIALS = (
    "Kestrel to test AIDS treatment\n\n"
    "STOCKHOLM, May 12 - Kestrel AB said it plans to begin clinical trials of its AIDS treatment "
    "in early 1988.\n"
)


def _corpus(folder: Path, extra: dict[str, str] | None = None) -> Path:
    folder.mkdir()
    for name, text in {**WIRE, **(extra or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_fact_asked_of_the_right_company_that_no_story_gives_is_refused(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path / "wire"), settings=NEAR_MISSES)
    answer = engine.ask("How many stores does Harwick Shoe plan to open in Brazil?")
    assert not answer.answered
    assert answer.message == PLAIN


def test_the_same_question_is_answered_once_a_story_gives_the_fact(tmp_path: Path) -> None:
    engine = Engine.open(
        _corpus(tmp_path / "wire", {"harwick-brazil.txt": BRAZIL_PLAN}), settings=NEAR_MISSES
    )
    answer = engine.ask("How many stores does Harwick Shoe plan to open in Brazil?")
    assert answer.answered
    assert "open 40 stores in Brazil" in answer.quotes[0].text
    assert answer.quotes[0].article.id == "harwick-brazil.txt"


def test_a_company_no_story_names_is_not_answered_by_another_company_s_trial(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path / "wire"), settings=NEAR_MISSES)
    answer = engine.ask("When does Kestrel plan to begin clinical trials of an AIDS treatment?")
    assert not answer.answered
    assert answer.message == PLAIN


def test_the_trial_question_is_answered_by_the_company_s_own_story(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path / "wire", {"kestrel.txt": KESTREL_TRIALS}), settings=NEAR_MISSES)
    answer = engine.ask("When does Kestrel plan to begin clinical trials of an AIDS treatment?")
    assert answer.answered
    assert "in early 1988" in answer.quotes[0].text
