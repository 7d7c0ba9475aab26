"""`imw case`, `imw project`, `imw scenario` (to be written)."""

from __future__ import annotations

import argparse


def add_parsers(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the model subcommands."""
