"""The right sentence for "who" and "where" questions, and a headline as the answer when only it holds
the kind asked: real corpus folders on disk, the real index, the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine

OTHERS = {
    "harvest.txt": (
        "Grain Harvest\n"
        "Farmers in the region expect a record wheat harvest after heavy rains.\n"
        "Prices for wheat have fallen for three weeks.\n"
    ),
    "crime.txt": (
        "City Crime Report\n"
        "The police said the homicide rate in the city fell last year.\n"
        "The mayor praised the department at a press conference.\n"
    ),
}

FARM = (
    "EC Considers New Proposals to End Farm Deadlock\n"
    "LUXEMBOURG, June 16 - The European Community executive Commission will today consider a new "
    "initiative to break the deadlock over reform of the bloc's farm policy.\n"
    "The Commission will meet in Strasbourg following what diplomats described as a largely fruitless "
    "joint meeting of farm and finance ministers in Luxembourg Monday.\n"
    "West German delegation sources said there would be a chance of agreement on other aspects of the "
    "package.\n"
    "Belgian finance minister Mark Eyskens, who chaired yesterday's joint meeting of ministers, said "
    "afterwards some aspects of the farm price package will have to be referred to the summit.\n"
)

SMELTER = (
    "Reynolds Metals to Restart Potline\n"
    "Reynolds Metals Co said it plans to restart the last idle potline at its Troutdale, Ore., primary "
    "aluminum plant.\n"
    "With the restart of this 22,700 tonne a year production line, Reynolds said it will be operating at "
    "100 pct of its consolidated primary aluminum capacity.\n"
    "Reynolds said work on the restart will begin in the near future and that actual metal production "
    "will begin September 1.\n"
)

BRIDGE = """---
title: Bridge repairs to close river crossing for two months
author: Lena Brandt
date: '2026-10-02'
source: Riverside Gazette
---

The Old Mill bridge will close to all traffic from October 20, the county said.

"The bearings are sixty years old and have reached the end of their life," said county engineer Paul Hart.

Drivers face a detour of about 9 kilometres through Eastfield.

The work is expected to cost 2.4 million pounds and to be finished before Christmas.
"""

LOAN = (
    "U.S. Treasury Part of Argentine Bridge Loan\n"
    "In announcing a four-month wage and price freeze, Argentine officials said the country needed a "
    "calmer climate to carry out structural changes in the economy.\n"
    "The Treasury said it would take part in a 500 mln dlr loan to Argentina.\n"
)

FERRY = (
    "Harbour ferry service to resume\n"
    "The harbour ferry, suspended for six weeks while its pier was rebuilt, will carry passengers again "
    "from Monday, the port said.\n"
    "Tickets will cost the same as before the repairs.\n"
)


def _corpus(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in {**OTHERS, **files}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_who_is_answered_by_the_sentence_naming_someone_new(tmp_path: Path) -> None:
    # The second sentence repeats most of the question, but its only capitalised words ("Luxembourg
    # Monday") are the question's own: it names nobody who could have chaired the meeting.
    engine = Engine.open(_corpus(tmp_path, {"farm.txt": FARM}))
    answer = engine.ask("Who chaired Monday's joint session of EC farm and finance ministers in Luxembourg?")
    assert answer.answered, answer.message
    assert "Mark Eyskens" in answer.quotes[0].text


def test_where_is_answered_by_the_place_after_its(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path, {"smelter.txt": SMELTER}))
    answer = engine.ask(
        "Where is the Reynolds Metals smelter whose remaining shut production line is being restarted?"
    )
    assert answer.answered, answer.message
    assert "Troutdale, Ore." in answer.quotes[0].text


def test_a_fact_only_the_headline_states_is_quoted_as_the_headline(tmp_path: Path) -> None:
    # The bridge story's sentences give only dates; its headline says how long. Another story, whose
    # title lends "bridge" to its "four-month freeze", must not answer instead.
    folder = _corpus(tmp_path, {"bridge.md": BRIDGE, "loan.txt": LOAN})
    question = "How long will the bridge be closed?"
    run = [sys.executable, "-m", "assistant", "ask", "--corpus", str(folder)]
    shown = subprocess.run([*run, question], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    first = shown.stdout.split("\n\n")[0]
    assert "“Bridge repairs to close river crossing for two months”" in first.splitlines()[0]
    assert "headline of the article" in first
    assert "four-month" not in first
    as_json = subprocess.run([*run, "--json", question], capture_output=True, text=True, timeout=120)
    quote = json.loads(as_json.stdout)["quotes"][0]
    assert (quote["kind"], quote["field"]) == ("metadata", "headline")
    text = (folder / "bridge.md").read_text(encoding="utf-8")
    assert text[quote["start"] : quote["end"]] == quote["text"]  # verbatim, where it stands
    assert quote["article"]["id"] == "bridge.md"


@pytest.mark.parametrize("question", ["How long was the harbour ferry suspended?"])
def test_a_body_sentence_holding_the_kind_asked_comes_before_any_headline(
    tmp_path: Path, question: str
) -> None:
    engine = Engine.open(_corpus(tmp_path, {"ferry.txt": FERRY, "bridge.md": BRIDGE}))
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert answer.quotes[0].kind == "sentence"
    assert "six weeks" in answer.quotes[0].text
    assert all(q.field != "headline" for q in answer.quotes)
