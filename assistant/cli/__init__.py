"""The command line: `assistant ask/list/show/index/speakers/add/remove/history/chat`."""

from assistant.cli.main import main

__all__ = ["main"]
