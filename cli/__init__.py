"""The `imw` command line: single cases, projections, scenarios and the monitoring data.

Every subcommand returns an exit code; bad input prints one clear message to stderr and exits with 2, without a
traceback and without writing any output file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cli.common import EXIT_BAD_INPUT, Parser, UsageError
from data.bounded_load import excerpt


def build_parser() -> argparse.ArgumentParser:
    from cli import data as data_commands
    from cli import model as model_commands

    parser = Parser(
        prog="imw", description="Individueel maatwerk: calculator, projection and monitoring data."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    model_commands.add_parsers(subparsers)
    data_commands.add_parsers(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `imw` command; return its exit code."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.func(args))
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:  # a path that cannot be written or read: bad input too, said in one line
        where = f"{excerpt(str(error.filename))}: " if error.filename else ""
        print(f"error: {where}{error.strerror or type(error).__name__}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`imw project ... | head`): not an error of ours.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
