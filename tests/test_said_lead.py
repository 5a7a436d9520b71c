""" "What did X say about Y" in a reader's words: X's own statement on Y comes before the news lead
that restates the topic, and a question asking for X's "message" or "advice" asks for X's words.

A real corpus folder on disk, the real index and the engine as the CLI calls it.
"""

from __future__ import annotations

import pytest

from assistant.answer.question_class import analyse_question
from assistant.engine import Engine

ARTICLES = {
    "steel.txt": (
        "Minister Sees Steel Output Steady\n"
        "BONN, March 3 - West German Economics Minister Karl Brandt said steel output would hold steady "
        "this year despite weak exports of steel to the United States.\n"
        "Brandt told reporters that orders from carmakers remained strong in the first quarter.\n"
        "Brandt said the mills would need no new state subsidies once steel exports to the United States "
        "recovered in the autumn.\n"
        "Steel shares were little changed in Frankfurt.\n"
    ),
    "crash.txt": (
        "Chancellor Urges Calm After Crash\n"
        "LONDON, Oct 20 - Share prices in London fell sharply for a second day as small shareholders sold "
        "after the global stock market crash.\n"
        '"Do not panic and do not sell in a hurry," Chancellor of the Exchequer Nigel Lawson told '
        "parliament.\n"
        "Dealers said turnover was the heaviest since the Big Bang reforms.\n"
    ),
    "aid.txt": (
        "Sri Lanka Hopeful On Aid\n"
        "COLOMBO, April 2 - Sri Lanka expects donor countries to pledge 700 mln dlrs of aid this year.\n"
        "Finance Minister Ronnie De Mel said in an interview that Sri Lanka was likely to obtain all of the "
        "aid promised by donors.\n"
        '"But there is many a slip between the cup and the lip," De Mel said.\n'
        "Officials said talks with donors would begin in Paris in June.\n"
    ),
    "grain.txt": (
        "Wheat Exports Rise\n"
        "CHICAGO, March 3 - U.S. wheat exports rose in the latest week as buyers in Asia took more grain, "
        "the Agriculture Department said.\n"
        "Traders said corn prices were steady on the news.\n"
    ),
    "bank.txt": (
        "Central Bank Holds Rates\n"
        "LONDON, March 3 - The Bank of England left its lending rate unchanged on Tuesday.\n"
        "Dealers said sterling was firm against the dollar in quiet trading.\n"
        '"We see no reason for a cut this month," a senior dealer at a large bank said.\n'
    ),
    "autos.txt": (
        "Carmaker Sales Climb\n"
        "DETROIT, March 3 - General Motors Corp said its car sales climbed 12 pct in February from a year "
        "earlier.\n"
        "The company said truck sales were flat.\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("said-lead") / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Engine.open(folder)


def test_x_on_the_topic_later_in_the_article_comes_before_the_lead_restating_it(engine: Engine) -> None:
    # The lead (Brandt's too) names the topic in the question's words; what he said about it in
    # detail is further down, and that is what a reader asking about his words wants first.
    answer = engine.ask(
        "What did Economics Minister Karl Brandt say about steel exports to the United States?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith("Brandt said the mills would need no new state subsidies")
    assert first.speaker is not None and first.speaker.name == "Karl Brandt"
    assert first.article.id == "steel.txt"


def test_a_question_asking_for_someones_message_is_answered_by_their_words(engine: Engine) -> None:
    # "What was X's message" asks what X said: the lead, which nobody is reported saying, restates
    # the question's topic, and X's quoted words are the answer.
    answer = engine.ask(
        "What was Chancellor Nigel Lawson's message to small shareholders after the stock market crash?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith('"Do not panic and do not sell in a hurry,"')
    assert first.speaker is not None and first.speaker.name == "Nigel Lawson"


def test_a_saying_asked_for_is_answered_by_the_quotation_not_the_account_of_it(engine: Engine) -> None:
    # The reporter's account covers the question's topic; only the quotation holds the saying.
    question = (
        "What saying did finance minister Ronnie De Mel use to warn that promised aid could fall through?"
    )
    answer = engine.ask(question)
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith('"But there is many a slip between the cup and the lip,"')
    assert first.speaker is not None and first.speaker.name == "Ronnie De Mel"


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("What was Chancellor Nigel Lawson's message to small shareholders?", "Chancellor Nigel Lawson"),
        ("What is the Fed's view on interest rates?", "Fed"),
        ("What saying did finance minister Ronnie De Mel use to warn that aid could fall through?",
         "finance minister Ronnie De Mel"),
        ("What weakness did an Economic Planning Agency official highlight?",
         "Economic Planning Agency official"),
        ("How did economist Martin Feldstein characterise Brazil's bid?", "economist Martin Feldstein"),
        ("What was the reaction of Wall Street analysts to the bid?", "Wall Street analysts"),
        ("What was the position of the union on the strike?", "union"),
        ("What reasons did Chase-AMP give for trimming its prime rate?", "Chase-AMP"),
        ("What concerns did Senator Dole raise about the bill?", "Senator Dole"),
    ],
)  # fmt: skip
def test_statement_nouns_and_verbs_ask_for_someones_words(question: str, who: str) -> None:
    info = analyse_question(question)
    assert info.asks_statement
    assert info.subject == who


@pytest.mark.parametrize(
    "question",
    [
        "What is Exxon's profit this year?",
        "What was the result of the vote?",
        # a statement noun of a thing, not of someone who speaks
        "What is the position of the ship?",
        "What was the forecast of inflation for next year?",
        "What was the reason of the crash?",
    ],
)
def test_other_possessives_ask_for_no_statement(question: str) -> None:
    assert analyse_question(question).subject is None
