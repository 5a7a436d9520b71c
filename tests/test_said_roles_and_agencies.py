"""Whose words a "what did X say" question finds (issue 9), in three shapes of news story: "the
agency said" after "X, the government agency which manages ..., said" is X's; "the statement said"
after "X said in a statement" is X's; and where "one analyst" speaks, the traders who open the story
did not say what "an analyst" said.
Stories written for these tests in the wire's shape; real corpus folders on disk, the real index."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, first_quote, write_stories

AGENCY = (
    "Corvane Fund Reports Gain\n"
    "QUEBEC CITY, March 2 - Corvane Pension Fund, the government agency which manages the province's "
    "pension funds, said its portfolio earned a net profit of almost three billion dlrs last year.\n"
    "The agency said in its annual statement that its assets had a book value of 25 billion dlrs.\n"
    "Its holding of U.S. Treasury bills yielded a return of 20.7 pct for the year.\n"
    '"These highly liquid securities, held on a temporary basis, have been efficient," the agency '
    "said of the Treasury bills.\n"
)
TAKEOVER = (
    "Halvorsen Shares Jump On Offer\n"
    "NEW YORK, March 3 - Halvorsen Freight stock jumped 5-3/8 above the 40 dlr per share offer "
    "price from Brandt Air, traders said.\n"
    '"There is probably some speculation out there that there might be a higher bid," said one '
    "analyst.\n"
    "Brandt Air said its offer expires on April 2.\n"
)

STATEMENT = (
    "Velmar And Ostrand Sign Letter Of Intent\n"
    "PARIS, March 9 - Velmar said it and Ostrand Corp have signed a letter of intent on Ostrand buying "
    "Velmar's stake in Arden Motors.\n"
    "Velmar President Ada Quist said in a statement issued by the group that the agreement was an "
    'important stage. "It will allow Velmar to continue its export programme to the U.S.," the '
    "statement said.\n"
    "Arden shares rose 1/2 to 4-1/8 on the news.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    stories = {"corvane.txt": AGENCY, "halvorsen.txt": TAKEOVER, "velmar.txt": STATEMENT, **filler_stories()}
    return Engine.open(write_stories(tmp_path_factory.mktemp("roles") / "corpus", stories))


def test_the_agency_is_the_body_described_as_one(engine: Engine) -> None:
    view = engine.article("corvane.txt")
    named = {
        " ".join(view.text[s.start : s.end].split())[:24]: [a.name for a in found]
        for s, found in zip(view.sentences, view.attributions, strict=False)
        if found
    }
    assert named["The agency said in its a"] == ["Corvane Pension Fund"], named
    answer = engine.ask("What did Corvane Pension Fund say about the Treasury bills?")
    assert answer.answered, answer.message
    assert "have been efficient" in answer.quotes[0].text, [q.text for q in answer.quotes]
    assert getattr(answer.quotes[0].speaker, "name", None) == "Corvane Pension Fund", answer.quotes[0]


def test_the_statement_is_whoever_spoke_in_it(engine: Engine) -> None:
    answer = engine.ask("What did Ada Quist say the deal with Ostrand would let Velmar keep doing?")
    assert answer.answered, answer.message
    assert "continue its export programme" in answer.quotes[0].text, [q.text for q in answer.quotes]
    assert getattr(answer.quotes[0].speaker, "name", None) == "Ada Quist", answer.quotes[0]


def test_the_analyst_asked_is_not_the_traders_of_the_lead(engine: Engine) -> None:
    question = (
        "What did an analyst suggest the traders buying Halvorsen above the offer price are betting on?"
    )
    assert "might be a higher bid" in first_quote(engine, question)
