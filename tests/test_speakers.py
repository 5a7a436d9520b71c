"""Speaker attribution on the bundled article and on small hand-made texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import parse_article
from assistant.models import Attribution
from assistant.speakers import attribute, speaker_matches

ARTICLE = Path(__file__).resolve().parents[1] / "corpus" / "000_7834a3842ba03b39.txt"


def _by_sentence(text: str) -> list[tuple[str, tuple[Attribution, ...]]]:
    """(sentence text, its attributions) for an article's text."""
    parsed = parse_article("test.txt", text)
    found = attribute(text, parsed.sentences)
    assert len(found) == len(parsed.sentences)
    return [(text[s.start : s.end], a) for s, a in zip(parsed.sentences, found, strict=True)]


def _article(body: str) -> tuple[str, list[tuple[str, tuple[Attribution, ...]]]]:
    """A hand-made article: a headline line, then `body`."""
    text = "A headline for the test\n" + body
    return text, _by_sentence(text)


def _at(sentences: list[tuple[str, tuple[Attribution, ...]]], opening: str) -> tuple[Attribution, ...]:
    """The attributions of the one sentence that starts with `opening`."""
    matches = [found for sentence, found in sentences if sentence.startswith(opening)]
    assert len(matches) == 1, f"no single sentence starts with {opening!r}"
    return matches[0]


@pytest.fixture(scope="module")
def article() -> tuple[str, list[tuple[str, tuple[Attribution, ...]]]]:
    text = ARTICLE.read_text(encoding="utf-8")
    return text, _by_sentence(text)


class TestBundledArticle:
    def test_sullivan_is_resolved_and_quoted_directly(self, article: tuple[str, list]) -> None:
        text, sentences = article
        (found,) = _at(sentences, "National security adviser Jake Sullivan said")
        assert (found.name, found.role) == ("Jake Sullivan", "National security adviser")
        assert found.key == "jake sullivan"
        assert found.cue == "said"
        assert found.direct
        assert text[found.start : found.end] == found.as_written
        assert found.content_start is not None
        assert text[found.content_start : found.content_end].startswith("that Biden “has determined")

    def test_quote_running_into_the_next_sentence_keeps_sullivan(self, article: tuple[str, list]) -> None:
        text, sentences = article
        (found,) = _at(sentences, "I don’t have anything to announce about that today.”")
        assert found.name == "Jake Sullivan"
        assert found.direct
        assert text[found.start : found.end] == "National security adviser Jake Sullivan"

    def test_austin_first_quote(self, article: tuple[str, list]) -> None:
        text, sentences = article
        (found,) = _at(sentences, "“If they requested it")
        assert (found.name, found.role) == ("Lloyd Austin", "Defense Secretary")
        assert found.cue == "said"
        assert found.direct
        quoted = text[found.content_start : found.content_end]
        assert quoted == "“If they requested it, they believe that they need it,”"

    def test_austin_second_quote_and_which_he_said(self, article: tuple[str, list]) -> None:
        # The quotation has no cue of its own: it follows Austin's quote in the same paragraph,
        # so it is his (news style). "which he said were air defense systems" is his reported speech.
        text, sentences = article
        quoted, reported = _at(sentences, "“What we have been focused on")
        assert quoted.name == "Lloyd Austin"
        assert quoted.direct
        assert text[quoted.content_start : quoted.content_end].startswith("“What we have been focused on")
        assert reported.as_written == "he"
        assert reported.name == "Lloyd Austin"
        assert reported.cue == "said"
        assert not reported.direct
        assert text[reported.content_start : reported.content_end] == "were air defense systems"

    def test_quoted_unnamed_officials_kept_as_written(self, article: tuple[str, list]) -> None:
        text, sentences = article
        (found,) = _at(sentences, "“Three U.S. officials and a congressional official” reportedly told NBC")
        assert found.name == "Three U.S. officials and a congressional official"
        assert found.as_written == found.name
        assert found.cue == "told"
        assert text[found.content_start : found.content_end].startswith("that Biden had assured Zelensky")

    def test_anonymous_officials_reported_speech(self, article: tuple[str, list]) -> None:
        text, sentences = article
        (found,) = _at(sentences, "A day later, however, anonymous officials said that")
        assert found.name == "anonymous officials"
        assert found.cue == "said"
        assert not found.direct
        assert text[found.content_start : found.content_end].startswith("that the U.S. would provide ATACMS")

    @pytest.mark.parametrize(
        "opening",
        [
            "Ukrainian President Volodymyr Zelensky spent this week",
            "U.S. policy has been",
            "Biden has denied several Ukrainian requests",
            "Also this week, defense officials",
        ],
    )
    def test_sentences_without_a_speaker(self, article: tuple[str, list], opening: str) -> None:
        _, sentences = article
        assert _at(sentences, opening) == ()


class TestHandMade:
    def test_pronoun_resolves_to_the_last_speaker(self) -> None:
        _, sentences = _article(
            "“We will win,” Sen. Jane Doe said at the rally.\n"
            "Later she told reporters that the vote would be close.\n"
        )
        (found,) = _at(sentences, "Later she told reporters")
        assert found.as_written == "she"
        assert (found.name, found.role) == ("Jane Doe", "Sen.")
        assert found.cue == "told"
        assert not found.direct

    def test_pronoun_without_an_earlier_speaker_stays_as_written(self) -> None:
        _, sentences = _article("He said the plan would fail.\n")
        (found,) = _at(sentences, "He said")
        assert found.name == "He"

    def test_short_mention_resolves_to_the_fullest(self) -> None:
        _, sentences = _article(
            "Defense Secretary Lloyd Austin visited Kyiv on Monday.\n“We are committed,” Austin said.\n"
        )
        (found,) = _at(sentences, "“We are committed,”")
        assert found.as_written == "Austin"
        assert found.name == "Lloyd Austin"

    def test_shared_surname_is_not_guessed(self) -> None:
        _, sentences = _article(
            "Eric Trump and Donald Trump arrived together.\nTrump said that the crowd was large.\n"
        )
        (found,) = _at(sentences, "Trump said")
        assert found.name == "Trump"

    def test_quote_over_several_paragraphs_keeps_its_speaker(self) -> None:
        _, sentences = _article(
            "Mayor Ann Lee said: “The first part is done.\n"
            "“The second part starts in May. It will take a year.\n"
            "“Then we rest.”\n"
            "The council voted later.\n"
        )
        for opening in ("Mayor Ann Lee said", "“The second part", "It will take a year", "“Then we rest"):
            (found,) = _at(sentences, opening)
            assert found.name == "Ann Lee"
            assert found.direct
        assert _at(sentences, "The council voted later") == ()

    def test_straight_quotes_work_like_curly_ones(self) -> None:
        _, sentences = _article('"The first part is done. The rest waits," Mayor Ann Lee said.\n')
        for opening in ('"The first part', "The rest waits"):
            (found,) = _at(sentences, opening)
            assert found.name == "Ann Lee"
            assert found.direct

    def test_according_to_after_the_words(self) -> None:
        text, sentences = _article("The deal is done, according to two people familiar with the talks.\n")
        (found,) = _at(sentences, "The deal is done")
        assert found.cue == "according to"
        assert found.as_written == "two people familiar with the talks"
        assert text[found.content_start : found.content_end] == "The deal is done"

    def test_according_to_before_the_words(self) -> None:
        text, sentences = _article("According to the Pentagon, the strike hit a depot.\n")
        (found,) = _at(sentences, "According to the Pentagon")
        assert found.name == "Pentagon"
        assert text[found.content_start : found.content_end] == "the strike hit a depot"

    def test_said_before_the_speaker(self) -> None:
        _, sentences = _article("“It is over,” said Maria Lopez, a spokeswoman for the ministry.\n")
        (found,) = _at(sentences, "“It is over,”")
        assert found.as_written == "Maria Lopez, a spokeswoman for the ministry"
        assert found.name == "Maria Lopez"
        assert found.cue == "said"
        assert found.direct

    @pytest.mark.parametrize(
        "body",
        [
            "The senator did not say whether the bill would pass.\n",  # nothing was said
            "The so-called “peace plan” was rejected by the council.\n",  # scare quotes, no speaker
            "Officials announced new aid for the region.\n",  # an act, not words
            "“We will see,” said.\n",  # a cue with no one to say it
        ],
    )
    def test_says_nothing_when_it_cannot_tell(self, body: str) -> None:
        _, sentences = _article(body)
        assert all(found == () for _, found in sentences)

    def test_unattributed_quote_in_a_new_paragraph_is_not_guessed(self) -> None:
        _, sentences = _article(
            "“We are ready,” Lee said.\nThe vote is Tuesday.\n“Nobody knows,” one voter wrote.\n"
        )
        assert _at(sentences, "The vote is Tuesday") == ()
        (found,) = _at(sentences, "“Nobody knows,”")
        assert found.name == "one voter"


class TestSpeakerMatches:
    ATTRIBUTION = Attribution(
        name="Jake Sullivan",
        as_written="National security adviser Jake Sullivan",
        cue="said",
        direct=True,
        start=0,
        end=40,
        key="jake sullivan",
        role="National security adviser",
    )

    @pytest.mark.parametrize(
        "name",
        ["sullivan", "Jake Sullivan", "JAKE  SULLIVAN", "national security adviser", "adviser sullivan"],
    )
    def test_matches(self, name: str) -> None:
        assert speaker_matches(self.ATTRIBUTION, name)

    @pytest.mark.parametrize("name", ["Sulli", "Jake Austin", "", "van"])
    def test_does_not_match(self, name: str) -> None:
        assert not speaker_matches(self.ATTRIBUTION, name)


class TestResolution:
    def test_he_is_the_subject_before_not_the_person_spoken_of(self) -> None:
        _, sentences = _article(
            "Conservative leader Michael Howard attacked Mr Blair over the war.\n"
            "He said the prime minister had misled voters.\n"
        )
        (found,) = _at(sentences, "He said the prime minister")
        assert (found.as_written, found.name) == ("He", "Michael Howard")

    def test_a_place_is_never_taken_for_he(self) -> None:
        _, sentences = _article("In New York, the bankers met on Monday.\nHe said the talks went well.\n")
        (found,) = _at(sentences, "He said the talks")
        assert (found.name, found.key) == ("He", "")

    def test_she_is_not_the_man_who_spoke_before(self) -> None:
        _, sentences = _article(
            "“We will appeal,” said Mr John Carter.\n"
            "Ms Jane Smith, a lawyer for the firm, spoke to reporters. She said the case was strong.\n"
        )
        (found,) = _at(sentences, "She said the case")
        assert found.name == "Jane Smith"

    def test_told_gives_the_words_to_the_teller_not_the_listener(self) -> None:
        _, sentences = _article("Mr Brown told Mr Blair that the budget was ready.\n")
        (found,) = _at(sentences, "Mr Brown told")
        assert (found.name, found.cue, found.kind) == ("Brown", "told", "reported")

    @pytest.mark.parametrize(
        ("body", "opening", "name", "cue"),
        [
            ("Ellis: “I don’t get the sense she’s interested.”\n", "Ellis:", "Ellis", ":"),
            (
                "“The most unqualified child to ever run.” ― Francisco Herrero\n",
                "“The most",
                "Francisco Herrero",
                "—",
            ),
            ("“Why isn’t this clear proof?” Vitter demanded.\n", "“Why isn’t", "Vitter", "demanded"),
            ("Said Comey, “The thought is very painful to us.”\n", "Said Comey", "Comey", "said"),
        ],
    )
    def test_quotations_attributed_without_said(self, body: str, opening: str, name: str, cue: str) -> None:
        _, sentences = _article(body)
        (found,) = _at(sentences, opening)
        assert (found.name, found.cue, found.kind) == (name, cue, "direct")

    def test_a_capital_in_the_middle_of_a_sentence_is_no_reporting_word(self) -> None:
        _, sentences = _article("Obama wanted to “fundamentally transform” the United States.\n")
        assert _at(sentences, "Obama wanted") == ()


def test_a_letter_that_lower_cases_longer_leaves_speakers_where_they_are() -> None:
    """ "İ" lower-cases to two characters: the cue words are then looked for sentence by sentence,
    and a cue at the very end of a sentence is still found, the speaker where it is written."""
    quote = "“The port reopens on Monday,” Ayla Demir said.\n"
    plain_text, plain = _article(quote)
    ports = "İzmir, İstanbul, İskenderun, İnebolu, İğneada and İzmit closed their ports at noon.\n"
    text, sentences = _article(ports + quote)
    assert len(text.lower()) == len(text) + 6
    (found,) = _at(sentences, "“The port")
    (expected,) = _at(plain, "“The port")
    assert (found.name, found.cue, found.kind) == (expected.name, expected.cue, expected.kind)
    assert (found.name, found.cue, found.kind) == ("Ayla Demir", "said", "direct")
    assert text[found.start : found.end] == plain_text[expected.start : expected.end] == "Ayla Demir"
    assert found.content_start is not None and found.content_end is not None
    assert text[found.content_start : found.content_end].startswith("“The port reopens on Monday,”")


class TestCompaniesAndTheirPeople:
    """Wire-story shapes: a ticker after a company's name, a company called by its first word, and
    an analyst "of" a firm, who is then called by surname."""

    def test_a_ticker_between_company_and_cue_still_names_the_company(self) -> None:
        _, sentences = _article("Elders IXL Ltd <ELXA.S> says it is happy to leave the shares outstanding.\n")
        (found,) = _at(sentences, "Elders IXL Ltd")
        assert (found.name, found.key) == ("Elders IXL Ltd", "elders ixl")

    def test_a_company_called_by_its_first_word_is_the_company(self) -> None:
        _, sentences = _article(
            "Elders IXL Ltd <ELXA.S> says it is happy to leave the shares outstanding.\n"
            "Elders said leaving the shares outstanding will not affect its plans.\n"
            "Dome Petroleum Ltd said it would sell assets.\n"
            "“The plan is realistic,” Dome said.\n"
        )
        assert [a.name for a in _at(sentences, "Elders said")] == ["Elders IXL Ltd"]
        assert [a.key for a in _at(sentences, "“The plan")] == ["dome petroleum"]

    def test_a_first_word_two_companies_share_resolves_to_neither(self) -> None:
        _, sentences = _article(
            "Dome Petroleum Ltd said it would sell assets.\n"
            "Dome Mines Ltd said it would buy them.\n"
            "“The plan is realistic,” Dome said.\n"
        )
        assert [a.name for a in _at(sentences, "“The plan")] == ["Dome"]

    def test_an_analyst_of_a_firm_is_the_person_and_keeps_the_firm_as_role(self) -> None:
        _, sentences = _article(
            "“Scott Paper has shown growth,” said analyst Sherman Chao of Salomon Brothers.\n"
            "“They are raising their objectives,” Chao said.\n"
        )
        (first,) = _at(sentences, "“Scott Paper")
        assert (first.name, first.key, first.role) == (
            "Sherman Chao",
            "sherman chao",
            "analyst of Salomon Brothers",
        )
        (second,) = _at(sentences, "“They are")
        assert second.key == "sherman chao"

    def test_a_name_after_its_description_is_the_speaker_not_the_body(self) -> None:
        _, sentences = _article(
            "The debt crisis needs open markets, the president of the Federal Association of German Banks, "
            "Wolfgang Roeller, said.\n"
            "Roeller said the crisis could only be solved in coordination with governments.\n"
        )
        assert [(a.name, a.key) for a in _at(sentences, "The debt crisis")] == [
            ("Wolfgang Roeller", "wolfgang roeller")
        ]
        assert [a.key for a in _at(sentences, "Roeller said")] == ["wolfgang roeller"]

    def test_what_an_agency_believes_after_its_words_is_its_statement(self) -> None:
        _, sentences = _article(
            "Exxon Corp expects profits to rise this year.\n"
            "Fertiliser exports will rise, the agency believes.\n"
            "John Smith expects a gain. Analysts believe the market will fall.\n"
        )
        assert _at(sentences, "Exxon Corp") == ()  # a forecast told by the reporter
        assert [a.as_written for a in _at(sentences, "Fertiliser")] == ["the agency"]
        assert _at(sentences, "John Smith") == ()
        assert _at(sentences, "Analysts") == ()

    def test_he_after_an_unnamed_official_goes_on_quoting_the_official(self) -> None:
        _, sentences = _article(
            "Toyota will name more American suppliers, a Toyota official told Reuters.\n"
            "Toyota is studying General Motors as a supplier of motors, he said.\n"
            "Prices fell, officials said.\n"
            "Exports rose, analysts said. She said nothing more.\n"
        )
        assert [a.name for a in _at(sentences, "Toyota is studying")] == ["a Toyota official"]
        assert [a.name for a in _at(sentences, "She said")] == ["She"]  # no unnamed woman before her
