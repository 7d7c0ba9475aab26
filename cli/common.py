"""What every `imw` subcommand shares: the error type and the exit code for bad input."""

from __future__ import annotations

import argparse

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input from the user: the message names the field, the value and what is allowed."""


class Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of exiting, so that every error takes the same road."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")
