"""The `imw` command line: single cases, projections, scenarios and the monitoring data.

Every subcommand returns an exit code; bad input prints one clear message to stderr and exits with 2, without a
traceback and without writing any output file. The commands are click commands (cli/model.py, cli/data.py);
`main(argv)` runs one and returns its exit code instead of leaving the process, so that tests call it in-process.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from cli.common import EXIT_BAD_INPUT, InOrder, UsageError
from data.bounded_load import excerpt


@click.group(
    name="imw",
    cls=InOrder,
    help="Individueel maatwerk: calculator, projection and monitoring data.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
def imw() -> None:
    """The `imw` group; its subcommands are registered below."""


def _register() -> None:
    from cli import data as data_commands
    from cli import model as model_commands

    for command in (*model_commands.COMMANDS, data_commands.data):
        imw.add_command(command)


_register()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `imw` command; return its exit code."""
    try:
        code = imw.main(list(argv) if argv is not None else None, prog_name="imw", standalone_mode=False)
        return int(code or 0)
    except click.exceptions.NoArgsIsHelpError as error:  # `imw data`: the help, and exit code 2
        click.echo(error.format_message(), err=True)
        return EXIT_BAD_INPUT
    except click.UsageError as error:
        # Our own messages name the option already; click's own name the command (as argparse's did).
        if error.ctx is not None:
            where = f"{error.ctx.command_path}: "
        else:
            where = "" if isinstance(error, UsageError) else "imw: "
        message = "; ".join(line.strip() for line in error.format_message().splitlines() if line.strip())
        print(f"error: {where}{message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except click.ClickException as error:
        print(f"error: {error.format_message()}", file=sys.stderr)
        return error.exit_code
    except click.Abort:  # click's form of KeyboardInterrupt (Ctrl-C) and of EOF at a prompt
        return 130
    except BrokenPipeError:
        # The reader went away (`imw project ... | head`): not an error of ours.
        sys.stderr.close()
        return 0
    except OSError as error:  # a path that cannot be written or read: bad input too, said in one line
        where = f"{excerpt(str(error.filename))}: " if error.filename else ""
        print(f"error: {where}{error.strerror or type(error).__name__}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
