"""The chat, the command line and --json give the same speaker for the same quote."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from rich.text import Text
from tui_helpers import ask

from assistant.cli import main
from assistant.tui.app import AssistantApp
from assistant.tui.widgets.transcript import QuoteCard

SIZE = (100, 32)
QUESTION = "What did the mayor say about the wall?"


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


async def test_same_speaker_in_the_chat_the_cli_and_json(app: AssistantApp, corpus: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, QUESTION)
        cards = list(app.screen.query(QuoteCard))
        shown: dict[str, str] = {}
        for card in cards:
            content = card.content
            assert isinstance(content, Text)
            if card.quote.speaker is not None:
                shown[card.quote.text] = card.quote.speaker.name
                assert f"— {card.quote.speaker.name} (" in content.plain
    assert "Helen Okafor" in shown.values()

    as_json = json.loads(_cli("ask", "--json", QUESTION, "--corpus", str(corpus)))
    by_text = {q["text"]: q["speaker"] for q in as_json["quotes"]}
    plain = _cli("ask", QUESTION, "--corpus", str(corpus))
    for text, name in shown.items():
        assert by_text[text] is not None and by_text[text]["name"] == name
        assert f"— {name}, " in plain
