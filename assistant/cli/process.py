"""The process behaves as a Unix tool whatever happens.

Ctrl-C exits 130 quietly, and so does a closed output (exit 8): `assistant ask … | head -1`
ends as `seq … | head -1` does, without a word, since the reader chose to stop. A full
output and a terminal that cannot show a character end with one line, never a traceback;
so does any failure we did not foresee.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from contextlib import suppress
from typing import Any

import click

from assistant.cli.shared import EXIT_INDEX, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OUTPUT, warn


class DefaultChatGroup(click.Group):
    """`assistant` alone opens the chat (the group's callback sees no subcommand); failures
    of any kind end with one line on stderr and a documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as error:  # click would exit 1 without a word
            raise _OutputClosed from error

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _tolerant_streams()
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            _quiet_exit(EXIT_INTERRUPTED)
        except KeyboardInterrupt:
            _quiet_exit(EXIT_INTERRUPTED)
        except click.ClickException as error:
            # Usage errors quote what was typed (a file name, an id): escaped like everything else.
            shown = io.StringIO()
            error.show(file=shown)
            with suppress(OSError, ValueError):
                warn(shown.getvalue(), block=True)
            sys.exit(error.exit_code)
        except (BrokenPipeError, _OutputClosed):
            _quiet_exit(EXIT_OUTPUT)
        except OSError as error:
            if error.errno == errno.EPIPE:
                _quiet_exit(EXIT_OUTPUT)
            if error.errno in (errno.ENOSPC, errno.EIO) or _is_stdout_error(error):
                _output_failed(f"cannot write the output: {error.strerror or error}")
            _last_line(f"file-system error: {error.strerror or error}", EXIT_INDEX)
        except (MemoryError, RecursionError) as error:
            _last_line(f"out of resources ({type(error).__name__})", EXIT_INTERNAL)
        except Exception as error:
            if os.environ.get("ASSISTANT_DEBUG"):
                raise
            _last_line(f"unexpected error ({type(error).__name__}: {error})", EXIT_INTERNAL)
        sys.exit(code if isinstance(code, int) else 0)


class _OutputClosed(Exception):
    """stdout's reader went away (a closed pipe)."""


def _tolerant_streams() -> None:
    """A terminal whose encoding cannot show a character gets a replacement mark, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _is_stdout_error(error: OSError) -> bool:
    return error.errno == errno.EBADF


def _quiet_exit(code: int) -> None:
    """Ctrl-C (click has already closed the terminal's ^C echo with a newline) or a reader that
    went away: nothing more is said, and the interpreter's last flush raises nothing."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's last flush raises nothing more."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _output_failed(reason: str) -> None:
    """The answer could not be written: one line on stderr, and no second error at exit's flush."""
    _silence_stdout()
    _last_line(reason, EXIT_OUTPUT)


def _last_line(message: str, code: int) -> None:
    with suppress(OSError, ValueError):
        warn(message)
    sys.exit(code)
