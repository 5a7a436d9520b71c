"""Answers a reader of the bundled article would ask for, each checked against the quote that answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Conversation
from assistant.engine import Engine
from assistant.errors import ArticleNotFound, BadQuestion

SEED_ID = "000_7834a3842ba03b39.txt"


@pytest.fixture(scope="module")
def seed_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    import shutil

    from tests.conftest import SEED

    folder = tmp_path_factory.mktemp("seed") / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return Engine.open(folder)


QUESTIONS = [
    (
        "How much military aid did the Biden administration announce?",
        "new military aid valued at $325 million",
    ),
    ("What did Sullivan say?", "Biden “has determined that he would not provide ATACMS"),
    ("Where did the defense officials meet?", "met at Ramstein Air Base in Germany"),
    ("Who is the new defence minister?", "Rustem Umerov took over as Ukraine’s minister of defense"),
    ("What does ATACMS stand for?", "Army Tactical Missile Systems, or ATACMS"),
    ("What could these weapons allow Ukraine to strike?", "These weapons could allow Ukraine to strike"),
    (
        "What have Ukrainian leaders asked the U.S. to provide?",
        "to provide them with the long-range missiles",
    ),
    ("What did Austin say about air defense?", "which he said were air defense systems"),
    (
        "How many countries sent defense officials to the meeting?",
        "defense officials from roughly 50 countries",
    ),
    ("What did three U.S. officials tell NBC?", "reportedly told NBC that Biden had assured Zelensky"),
    ("Which requests has Biden denied before?", "Biden has denied several Ukrainian requests"),
    ("What do critics argue about the routine?", "critics argue that this routine only holds up"),
    ("Where did Zelensky speak in New York?", "spoke at the U.N. General Assembly in New York City"),
    ("Who was removed as Ukraine's minister of defense?", "the removal of Oleksii Reznikov"),
    (
        "What is U.S. policy on strikes within Russian territory?",
        "U.S. policy has been not to enable strikes",
    ),
]


@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_the_first_quote_answers_the_question(seed_engine: Engine, question: str, expected: str) -> None:
    answer = seed_engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text


def test_every_quote_is_the_article_text_at_its_offsets(seed_engine: Engine) -> None:
    file_text = (seed_engine.corpus_dir / SEED_ID).read_text(encoding="utf-8")
    for question, _ in QUESTIONS:
        for quote in seed_engine.ask(question).quotes:
            assert file_text[quote.start : quote.end] == quote.text
            assert quote.article.id == SEED_ID
            assert quote.article.author == "Mike Brest"
            assert quote.article.source == "Washington Examiner"
            assert quote.paragraph >= 1


def test_quotes_of_one_answer_do_not_repeat_each_other(seed_engine: Engine) -> None:
    answer = seed_engine.ask("ATACMS", top=5)
    texts = [q.text for q in answer.quotes]
    assert len(texts) == len(set(texts))


def test_quoted_statements_carry_their_speaker(seed_engine: Engine) -> None:
    answer = seed_engine.ask("What did Sullivan say?")
    assert answer.quotes[0].speaker is not None
    assert answer.quotes[0].speaker.name == "Jake Sullivan"


def test_question_words_are_marked_in_the_quote(seed_engine: Engine) -> None:
    quote = seed_engine.ask("Where did the defense officials meet?").quotes[0]
    marked = {quote.text[a:b].lower() for a, b in quote.highlights}
    assert {"defense", "officials", "met"} <= marked


def test_nothing_in_the_corpus_is_said_plainly_with_close_words(seed_engine: Engine) -> None:
    answer = seed_engine.ask("What did Zelensky eat for breakfast?")
    assert not answer.answered and answer.quotes == ()
    assert "no answer" in (answer.message or "")
    misspelt = seed_engine.ask("What are ATACMS missles?")
    assert misspelt.answered or "missil" in misspelt.suggestions or misspelt.suggestions
    unknown = seed_engine.ask("Ukranian ammunitoin stores")
    assert not unknown.answered or unknown.quotes
    off_topic = seed_engine.ask("What is the recipe for banana bread?")
    assert not off_topic.answered


def test_unknown_words_get_close_corpus_words(seed_engine: Engine) -> None:
    answer = seed_engine.ask("Tell me about the Ramstien contct groop")
    assert not answer.answered
    assert "ramstein" in answer.suggestions


def test_a_dictionary_word_the_corpus_lacks_gets_no_lookalikes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "harbour.md").write_text(
        "# Harbour ferry resumes\n\nThe ferry will sail again on Monday, the operator said.\n\n"
        "Passengers on the upper deck saw a duck land beside the pier.\n",
        encoding="utf-8",
    )
    engine = Engine.open(folder)
    real_word = engine.ask("Where will the ferry dock?")
    assert not real_word.answered
    assert not {"duck", "deck", "dick"} & set(real_word.suggestions)
    misspelt = engine.ask("Where did the pasengers stand?")
    assert "passeng" in misspelt.suggestions


def test_questions_about_the_article_itself_come_from_its_metadata(seed_engine: Engine) -> None:
    author = seed_engine.ask("Who wrote the article about ATACMS?")
    assert author.answered and author.quotes[0].kind == "metadata"
    assert author.quotes[0].text == "Mike Brest" and author.quotes[0].field == "author"
    source = seed_engine.ask("Which publication published the article?")
    assert source.quotes[0].text == "WASHINGTON EXAMINER"
    date = seed_engine.ask("When was the article published?")
    assert not date.answered and "does not state" in (date.message or "")


def test_context_shows_the_neighbouring_sentences(seed_engine: Engine) -> None:
    answer = seed_engine.ask("What did Sullivan say?", context=1)
    quote = answer.quotes[0]
    neighbour = "I don’t have anything to announce about that today.”"
    # The next sentence is on the screen once: as context, or as a quote of its own.
    assert (quote.after == (neighbour,)) != (neighbour in [q.text for q in answer.quotes])
    assert quote.before and "These weapons could allow Ukraine" in quote.before[0]


def test_empty_and_overlong_questions_are_refused(seed_engine: Engine) -> None:
    with pytest.raises(BadQuestion, match="empty"):
        seed_engine.ask("   ")
    with pytest.raises(BadQuestion, match="tokens long"):
        seed_engine.ask("missiles " * 2000)


def test_an_unknown_article_id_is_an_error(seed_engine: Engine) -> None:
    with pytest.raises(ArticleNotFound, match=r"no-such\.txt"):
        seed_engine.ask("ATACMS", article="no-such.txt")


def test_speaker_filter_keeps_only_their_statements(seed_engine: Engine) -> None:
    answer = seed_engine.ask("Ukraine needs", speaker="Austin", top=5)
    assert answer.answered
    assert all(q.speaker is not None and "Austin" in q.speaker.name for q in answer.quotes)


def test_follow_up_questions_stay_with_the_previous_article_and_speaker(seed_engine: Engine) -> None:
    chat = Conversation()
    first = seed_engine.ask("What did Sullivan say about ATACMS?", conversation=chat, top=1)
    assert "Sullivan" in first.quotes[0].text
    follow = seed_engine.ask("What else did he say?", conversation=chat)
    assert follow.answered and follow.followed
    assert "Sullivan" in follow.followed
    assert follow.quotes[0].speaker is not None and "Sullivan" in follow.quotes[0].speaker.name
    other = seed_engine.ask("And Austin?", conversation=chat)
    assert other.answered and other.quotes[0].speaker is not None
    assert "Austin" in other.quotes[0].speaker.name
    more = seed_engine.ask("What else did he say?", conversation=chat)
    assert not more.answered and "nothing more" in (more.message or "")
    fresh = seed_engine.ask("Where did the defense officials meet?", conversation=chat)
    assert fresh.followed is None
    assert "Ramstein" in fresh.quotes[0].text


class TestScopes:
    def test_a_question_can_be_limited_to_one_article(self, news_corpus: Path) -> None:
        engine = Engine.open(news_corpus)
        everywhere = engine.ask("What did officials say?", top=5)
        assert len({q.article.id for q in everywhere.quotes}) > 1
        scoped = engine.ask("What did officials say?", article="wildfire-evacuations.txt", top=5)
        assert scoped.scope == "wildfire-evacuations.txt"
        assert {q.article.id for q in scoped.quotes} == {"wildfire-evacuations.txt"}

    def test_metadata_of_a_markdown_article_is_quoted_from_its_front_matter(self, news_corpus: Path) -> None:
        engine = Engine.open(news_corpus)
        answer = engine.ask("Who wrote the article about the harbor bridge?")
        quote = answer.quotes[0]
        assert quote.text == "Dana Whitfield"
        assert (news_corpus / quote.article.id).read_text()[quote.start : quote.end] == "Dana Whitfield"
        when = engine.ask("When was the article about the bridge repair published?")
        assert when.quotes[0].text == "2024-03-14"

    def test_answers_come_from_the_right_article(self, news_corpus: Path) -> None:
        engine = Engine.open(news_corpus)
        fire = engine.ask("How many acres did the wildfire burn?")
        assert "12,000 acres" in fire.quotes[0].text
        pay = engine.ask("What pay rise is the union seeking?")
        assert "9% pay rise" in pay.quotes[0].text
        cost = engine.ask("How much will the bridge repair cost?")
        assert "$48 million" in cost.quotes[0].text
        chief = engine.ask("What did Brennan warn?")
        assert "stronger winds" in chief.quotes[0].text


def test_a_metadata_question_about_a_missing_subject_is_refused(seed_engine: Engine) -> None:
    answer = seed_engine.ask("Who wrote Hamlet?")
    assert not answer.answered and answer.quotes == ()
    assert "no answer" in (answer.message or "")


def test_matching_one_word_of_a_two_word_question_is_no_answer(seed_engine: Engine) -> None:
    answer = seed_engine.ask("What is the population of Germany?")
    assert not answer.answered and answer.quotes == ()
