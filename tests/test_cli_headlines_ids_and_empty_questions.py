"""Rough edges a daily user met on a Reuters archive: wire headlines as titles, short article
ids, a question with no words to search for. Each through the real CLI on a real corpus folder."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.corpus import read_article

REUTERS = Path("/work/shared/eval/reuters21578")

SRD_BODY = (
    "CLEVELAND, Feb 26 - Standard Oil Co and BP North America Inc said they plan to form a venture "
    "to manage the money market borrowing and investment activities of both companies.\n"
    "BP North America is a subsidiary of British Petroleum Co Plc, which also owns a 55 pct "
    "interest in Standard Oil.\n"
)
TAIWAN_BODY = (
    "TAIPEI, March 2 - A Taiwan mission will leave next week for Washington to renegotiate an "
    "agreement limiting the growth of the island's textile exports to the U.S., a Board of Foreign "
    "Trade official said.\n"
    "The official said the pact was unfair to Taiwan.\n"
)
OPEC_BODY = (
    "VIENNA, March 4 - OPEC said the EC plan to tax vegetable oil and fish oil was unfair to "
    "producers, and GM said it agreed.\n"
    "OPEC ministers will meet the EC in April.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--no-history"] if args[0] == "ask" else list(args))
    return result.exit_code, result.stdout, result.stderr


def listed_titles(corpus: Path) -> dict[str, str]:
    code, out, err = run("list", "--json", "--corpus", str(corpus))
    assert code == 0, err
    return {row["id"]: row["title"] for row in json.loads(out)}


def write(corpus: Path, name: str, text: str) -> None:
    path = corpus / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_wire_headlines_are_titled_as_a_newsroom_titles_them(tmp_path: Path) -> None:
    # "Standard OIL <srd> TO Form Financial Unit" was shown half re-cased with its ticker, and a
    # headline ending in "U.S." was taken for a sentence: the article was titled "00429".
    corpus = tmp_path / "wire"
    write(corpus, "c000/reut2-000/00002.txt", "Standard OIL <srd> TO Form Financial Unit\n" + SRD_BODY)
    write(corpus, "raw/00002.txt", "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT\n" + SRD_BODY)
    write(corpus, "c000/reut2-000/00429.txt", "Taiwan TO Seek Higher Textile Exports TO U.S.\n" + TAIWAN_BODY)
    write(corpus, "raw/00429.txt", "TAIWAN TO SEEK HIGHER TEXTILE EXPORTS TO U.S.\n" + TAIWAN_BODY)
    write(corpus, "raw/opec.txt", "OPEC SAYS EC OIL TAX PLAN UNFAIR TO PRODUCERS\n" + OPEC_BODY)
    write(
        corpus,
        "raw/range.txt",
        "<RANGE ROVER> TO SELL VEHICLES IN U.S.\n" + "LONDON - Range Rover said it will sell cars.\n",
    )
    # A headline in capitals over a first line that starts in lower case is still the title.
    write(
        corpus,
        "raw/citrus.txt",
        "CITRUS ESTIMATES TO BE CUT\nthe Agriculture Department said it\nwill cut its estimates.\n",
    )
    titles = listed_titles(corpus)
    assert titles["raw/citrus.txt"] == "Citrus Estimates to Be Cut"
    assert titles["c000/reut2-000/00002.txt"] == "Standard Oil to Form Financial Unit"
    assert titles["raw/00002.txt"] == "Standard Oil to Form Financial Unit"
    assert titles["c000/reut2-000/00429.txt"] == "Taiwan to Seek Higher Textile Exports to U.S."
    assert titles["raw/00429.txt"] == "Taiwan to Seek Higher Textile Exports to U.S."
    assert titles["raw/opec.txt"] == "OPEC Says EC Oil Tax Plan Unfair to Producers"  # acronyms as written
    assert titles["raw/range.txt"] == "Range Rover to Sell Vehicles in U.S."  # a name in brackets stays
    # The citation of an answer carries the same title; the title quote stays the line as written.
    code, out, err = run("ask", "Who will renegotiate the textile agreement?", "--json", "--top", "1",
                         "--article", "c000/reut2-000/00429.txt", "--corpus", str(corpus))  # fmt: skip
    assert code == 0, err
    (quote,) = json.loads(out)["quotes"]
    assert "“Taiwan to Seek Higher Textile Exports to U.S.”" in quote["citation"]


def test_titles_in_ordinary_case_are_left_as_written(seed_corpus: Path) -> None:
    write(
        seed_corpus,
        "local/bridge.txt",
        "NASA and the EU agree on a US launch pad\n\nThe EU said NASA and the US agreed.\n",
    )
    titles = listed_titles(seed_corpus)
    assert titles["local/bridge.txt"] == "NASA and the EU agree on a US launch pad"
    seed_title = "Zelensky’s US trip ends without public ATACMS commitment despite mounting speculation"
    assert titles["000_7834a3842ba03b39.txt"] == seed_title


@pytest.mark.skipif(not REUTERS.is_dir(), reason="Reuters-21578 not found under /work/shared/eval")
def test_every_reuters_story_of_one_file_gets_its_headline_without_tickers_or_capitals(
    tmp_path: Path,
) -> None:
    # Read in place, written as the wire sent them: headline in capitals, then dateline and body.
    sgm = (REUTERS / "reut2-001.sgm").read_text(encoding="latin-1")
    stories = 0
    for block in re.findall(r"<REUTERS\b.*?</REUTERS>", sgm, re.DOTALL):
        title = re.search(r"<TITLE>(.*?)</TITLE>", block, re.DOTALL)
        body = re.search(r"<BODY>(.*?)</BODY>", block, re.DOTALL)
        if not title or not body:
            continue
        headline = " ".join(html.unescape(title.group(1)).split())
        path = tmp_path / f"{stories:05d}.txt"
        path.write_text(f"{headline}\n{html.unescape(body.group(1))}", encoding="utf-8")
        shown = read_article(tmp_path, path).meta.title
        stories += 1
        assert shown != path.stem and "<" not in shown, (headline, shown)
        lower_in_body = {w for w in re.findall(r"[a-z]{2,}", body.group(1))}
        shouting = [w for w in re.findall(r"[A-Z]{2,}", shown) if w.lower() in lower_in_body
                    and w not in re.findall(r"[A-Z]{2,}", body.group(1))]  # fmt: skip
        assert not shouting, (headline, shown)
    assert stories > 900


def article_ids_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "archive"
    write(
        corpus,
        "c000/reut2-000/00001.txt",
        "Bahia Cocoa Review\nSALVADOR, Feb 26 - Showers continued throughout the week in the Bahia zone.\n",
    )
    write(corpus, "c000/reut2-000/00002.txt", "Standard Oil to Form Financial Unit\n" + SRD_BODY)
    write(corpus, "c001/reut2-000/00002.txt", "Standard Oil to Form Financial Unit (copy 1)\n" + SRD_BODY)
    return corpus


def test_a_unique_file_name_or_tail_selects_the_article(tmp_path: Path) -> None:
    # `ask --article 00001.txt` said "no article" although c000/reut2-000/00001.txt was the only one.
    corpus = article_ids_corpus(tmp_path)
    for typed in ("00001.txt", "reut2-000/00001.txt", "./c000/reut2-000/00001.txt"):
        code, out, err = run("ask", "Where did showers continue?", "--json", "--article", typed,
                             "--corpus", str(corpus))  # fmt: skip
        assert code == 0, (typed, err)
        assert json.loads(out)["quotes"][0]["article"]["id"] == "c000/reut2-000/00001.txt"
    code, out, err = run("show", "00001.txt", "--corpus", str(corpus))
    assert code == 0 and "Bahia Cocoa Review" in out, err
    copy = "c001/reut2-000/00002.txt"
    code, out, err = run(
        "ask", "What will the venture manage?", "--json", "--article", copy, "--corpus", str(corpus)
    )
    assert code == 0 and json.loads(out)["quotes"][0]["article"]["id"] == copy


def test_an_ambiguous_file_name_names_the_ids_it_could_mean(tmp_path: Path) -> None:
    corpus = article_ids_corpus(tmp_path)
    for typed in ("00002.txt", "reut2-000/00002.txt"):
        code, out, err = run(
            "ask", "What will the venture manage?", "--article", typed, "--corpus", str(corpus)
        )
        assert code == 4 and out == ""
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "could be any of 2 articles" in err
        assert "c000/reut2-000/00002.txt" in err and "c001/reut2-000/00002.txt" in err
    code, _, err = run(
        "ask", "What will the venture manage?", "--article", "00003.txt", "--corpus", str(corpus)
    )
    assert code == 4 and "no article '00003.txt'" in err
    code, _, err = run("ask", "What will the venture manage?", "--article", "000/reut2-000/00001.txt",
                       "--corpus", str(corpus))  # fmt: skip
    assert code == 4  # a tail is whole folder and file names, not any end of the string


def test_a_question_with_no_words_to_search_for_is_a_bad_question(seed_corpus: Path) -> None:
    # `ask "what"` exited 1 with a refusal, where README calls it a bad question (exit 2).
    for question in ("what", "What is it?", "who are they"):
        code, out, err = run("ask", question, "--corpus", str(seed_corpus))
        assert code == 2 and out == "", (question, out)
        assert err.strip() == (
            "assistant: the question has no words to search for (only words like “what”, “is”, “the”): "
            "say what it is about"
        )
        code, out, _ = run("ask", question, "--json", "--corpus", str(seed_corpus))
        assert code == 2 and out == ""
    batch = seed_corpus.parent / "questions.txt"
    batch.write_text("what\nWhat does ATACMS stand for?\n", encoding="utf-8")
    code, out, _ = run("ask", "--batch", str(batch), "--corpus", str(seed_corpus))
    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 2 and first["line"] == 1 and "no words to search for" in first["error"]
    assert second["answered"] is True
    # A question whose words the corpus lacks is still the corpus holding no answer: exit 1.
    code, out, _ = run("ask", "What is a zymurgist?", "--corpus", str(seed_corpus))
    assert code == 1 and "no answer" in out


def test_remove_takes_a_unique_file_name_and_refuses_an_ambiguous_one(tmp_path: Path) -> None:
    corpus = article_ids_corpus(tmp_path)
    code, _, err = run("remove", "00002.txt", "--corpus", str(corpus))
    assert code == 4 and "could be any of 2 articles" in err
    assert (corpus / "c000/reut2-000/00002.txt").exists() and (corpus / "c001/reut2-000/00002.txt").exists()
    code, _, err = run("remove", "00001.txt", "--corpus", str(corpus))
    assert code == 0, err
    assert not (corpus / "c000/reut2-000/00001.txt").exists()
    assert set(listed_titles(corpus)) == {"c000/reut2-000/00002.txt", "c001/reut2-000/00002.txt"}
