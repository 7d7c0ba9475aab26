"""The `imw` group as click runs it: help, usage errors with exit code 2, the commands in their order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from click.testing import CliRunner

from cli import imw, main
from cli.common import Amount, Day, UsageError, Whole


def test_help_lists_every_command_in_the_order_they_were_written():
    result = CliRunner().invoke(imw, ["--help"])
    assert result.exit_code == 0
    listed = [
        line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line[:3].strip()
    ]
    assert listed == ["case", "project", "scenario", "calibrate", "backtest", "data"]


@pytest.mark.parametrize(
    "argv",
    [["nosuch"], ["case"], ["project", "--scenario"], ["scenario"], ["data", "restore"], ["backtest", "--x"]],
)
def test_a_usage_error_exits_with_2_as_click_runs_it_and_through_main(argv, capsys):
    assert CliRunner().invoke(imw, argv).exit_code == 2
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: imw") and err.count("\n") == 1 and "Traceback" not in err


def test_a_group_without_its_subcommand_shows_its_help_on_stderr_with_exit_2(capsys):
    assert main(["data"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "validate" in captured.err and "restore" in captured.err


def test_the_value_types_read_what_the_cli_has_always_read():
    assert Day().convert("2026-04-15", None, None) == dt.date(2026, 4, 15)
    assert Amount().convert("3500,50", None, None) == Decimal("3500.50")
    assert Whole(0, 10).convert("7", None, None) == 7
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        Day().convert("15/04/2026", None, None)
    with pytest.raises(UsageError, match="not a finite number"):
        Amount().convert("NaN", None, None)
    with pytest.raises(UsageError, match="from 0 to 10"):
        Whole(0, 10).convert("11", None, None)
