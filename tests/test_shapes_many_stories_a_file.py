"""Files that are not one article, dropped into the corpus folder or added: a wire file of many
stories in Reuters-21578's SGML shape, a saved web page, editor backups. Stories written here
(never Reuters text), in the wire's shape: Latin-1, entities, control bytes, hard-wrapped bodies."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

WIRE_FILE = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="101">
<DATE> 3-MAR-1987 09:15:22.11</DATE>
<TOPICS><D>ship</D></TOPICS>
<UNKNOWN>&#5;&#5;&#5;C T
&#22;&#22;&#1;f0001&#31;reute</UNKNOWN>
<TEXT>&#2;
<TITLE>HARBOR AUTHORITY &lt;HBA> TO DREDGE NORTH CHANNEL</TITLE>
<DATELINE>    PORT ALDER, March 3 - </DATELINE><BODY>The Port Alder harbor authority said it
will dredge the north channel to a depth of 14 meters this
summer so that larger grain ships can reach the new terminal.
    The work will cost about 22 mln dlrs and take five months,
the authority said, adding that the channel will stay open to
smaller vessels while the dredgers are at work.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="2" NEWID="102">
<DATE> 4-MAR-1987 11:02:40.55</DATE>
<TEXT>&#2;
<TITLE>CEDAR MILLS PLANS TO CLOSE SAWMILL</TITLE>
<AUTHOR>    by Inés Ortúzar, Reuters</AUTHOR>
<DATELINE>    LINDON, Ore., March 4 - </DATELINE><BODY>Cedar Mills Inc said it will close its
Lindon sawmill in June because of a shortage of logs, putting
about 180 people out of work.
    "We looked at every way to keep the mill running," chief
executive Paul Hardy said in a statement.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="3" NEWID="103">
<DATE> 4-MAR-1987 11:30:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>******GRAIN FUTURES CLOSE HIGHER</TITLE>
</TEXT>
</REUTERS>
"""

ARTICLE = (
    "Ferry service resumes after repairs\nBy Dana Whitfield\n\n"
    "The island ferry returned to service on Monday after three weeks of engine repairs.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _folder(tmp_path: Path, name: str = "corpus") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_a_wire_file_dropped_into_the_folder_is_named_once_with_how_to_add_it(tmp_path: Path) -> None:
    corpus = _folder(tmp_path)
    (corpus / "reut2-900.sgm").write_bytes(WIRE_FILE.encode("latin-1"))
    (corpus / "wire-as-text.txt").write_bytes(WIRE_FILE.encode("latin-1"))
    code, out, err = run("index", "--corpus", str(corpus))
    assert code == 0
    for name in ("reut2-900.sgm", "wire-as-text.txt"):
        [line] = [line for line in err.splitlines() if name in line]
        assert "a collection of 3 wire stories" in line and "`assistant add`" in line
    code, out, _ = run("list", "--corpus", str(corpus))
    assert out.splitlines()[0].startswith("ferry.txt  Ferry service resumes after repairs")
    assert len(out.splitlines()) == 1  # no "article" of tags
    code, out, _ = run("ask", "--corpus", str(corpus), "How deep will the north channel be dredged?")
    assert code == 1  # the stories were not read in place


def test_adding_a_wire_file_stores_each_story_with_its_headline_byline_and_date(tmp_path: Path) -> None:
    corpus = _folder(tmp_path)
    source = tmp_path / "reut2-900.sgm"
    source.write_bytes(WIRE_FILE.encode("latin-1"))
    code, out, err = run("add", "--corpus", str(corpus), str(source))
    assert code == 0, err
    assert out.count("stored ") == 2
    assert "1 story left out (a headline with no story text): " + f"{source} story 103" in err
    code, out, _ = run("list", "--json", "--corpus", str(corpus), "--sort", "title")
    listed = {a["title"]: a for a in json.loads(out)}
    dredge = listed["Harbor Authority to Dredge North Channel"]
    assert (dredge["source"], dredge["date"], dredge["author"]) == ("Reuters", "1987-03-03", None)
    sawmill = listed["Cedar Mills Plans to Close Sawmill"]
    assert (sawmill["author"], sawmill["date"]) == ("Inés Ortúzar", "1987-03-04")

    code, out, _ = run(
        "ask", "--json", "--corpus", str(corpus), "How deep will the north channel be dredged?"
    )
    quote = json.loads(out)["quotes"][0]
    assert quote["text"] == (
        "The Port Alder harbor authority said it will dredge the north channel to a depth of 14 meters "
        "this summer so that larger grain ships can reach the new terminal."
    )
    assert quote["paragraph"] == 1 and quote["article"]["date"] == "1987-03-03"
    code, out, _ = run("show", "--corpus", str(corpus), quote["article"]["id"])
    assert "Reuter\n" not in out and "&#3;" not in out and "<BODY>" not in out
    assert "[2] The work will cost about 22 mln dlrs and take five months" in out


def test_a_broken_wire_file_fails_alone_and_the_rest_is_stored(tmp_path: Path) -> None:
    corpus = _folder(tmp_path)
    broken = tmp_path / "cut-short.sgm"
    broken.write_text(
        '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1">\n<TITLE>NO END', encoding="latin-1"
    )
    notes = tmp_path / "notes.sgml"
    notes.write_text("<doc><p>not a wire file</p></doc>\n", encoding="ascii")
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE.replace("island ferry", "river ferry"), encoding="utf-8")
    code, out, err = run("add", "--corpus", str(corpus), str(broken), str(notes), str(story))
    assert code == 6
    assert out.count("stored ") == 1
    assert f"failed: {notes}: unknown format '.sgml'" in err
    [line] = [line for line in err.splitlines() if "cut-short.sgm" in line]
    assert line.count("\n") == 0 and "Traceback" not in err


def test_a_saved_web_page_in_the_folder_is_not_read_as_text(tmp_path: Path) -> None:
    corpus = _folder(tmp_path)
    page = (
        "<!-- saved from url=(0040)https://gazette.example/news/pier -->\n<!DOCTYPE html>\n<html><head>"
        "<title>Pier vote</title></head><body><nav>Home | News</nav><article><p>The council voted to "
        "rebuild the pier for 3.4 million dollars.</p></article></body></html>\n"
    )
    (corpus / "pier.txt").write_text(page, encoding="utf-8")
    (corpus / "pier.html").write_text(page, encoding="utf-8")
    _, out, err = run("index", "--corpus", str(corpus))
    assert "skipped pier.txt: a web page (HTML) saved as text" in err
    assert "skipped pier.html: a web page (.html)" in err and "`assistant add`" in err
    code, out, _ = run("ask", "--corpus", str(corpus), "How much will the pier cost?")
    assert code == 1 and "<nav>" not in out and "<title>" not in out


def test_editor_backups_and_system_leftovers_are_neither_read_nor_warned_about(tmp_path: Path) -> None:
    corpus = _folder(tmp_path)
    old = ARTICLE.replace("three weeks", "nine weeks")
    for name in ("ferry.txt~", "#ferry.txt#", "ferry.txt.bak", "ferry.txt.orig", "ferry.txt.part"):
        (corpus / name).write_text(old, encoding="utf-8")
    (corpus / "Thumbs.db").write_bytes(bytes(64))
    code, out, err = run("index", "--corpus", str(corpus))
    assert code == 0 and "skipped" not in err and "added 1," in out
    code, out, _ = run("ask", "--corpus", str(corpus), "How long were the ferry engine repairs?")
    assert "three weeks" in out and "nine weeks" not in out and "also in" not in out

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "tram.txt").write_text(ARTICLE.replace("island ferry", "harbor tram"), encoding="utf-8")
    (inbox / "tram.txt~").write_text(old, encoding="utf-8")
    (inbox / "desktop.ini").write_text("[.ShellClassInfo]\n", encoding="utf-8")
    (inbox / "placeholder.txt").write_bytes(b"")
    (inbox / "blank.md").write_text("  \n\t\n", encoding="utf-8")
    code, out, err = run("add", "--corpus", str(corpus), str(inbox))
    assert code == 0, err
    assert out.count("stored ") == 1 and "failed" not in err
    assert "note: 2 files left out (an empty file): " in err


def test_a_wire_file_piped_to_add_is_stored_story_by_story(tmp_path: Path) -> None:
    corpus = _folder(tmp_path)
    result = CliRunner().invoke(
        main, ["add", "--corpus", str(corpus), "-"], input=WIRE_FILE.encode("latin-1"), catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("stored ") == 2
    assert "1 story left out (a headline with no story text): stdin story 103" in result.stderr
