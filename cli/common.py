"""What every `imw` subcommand shares: the error type, the exit code for bad input and the value types."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import click

EXIT_BAD_INPUT = 2


class UsageError(click.UsageError):
    """Bad input from the user: the message names the field, the value and what is allowed (exit code 2)."""


class Day(click.DateTime):
    """A day written YYYY-MM-DD (click's DateTime, which gives a datetime, narrowed to a date)."""

    name = "date"

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        try:
            return super().convert(value, param, ctx).date()
        except click.BadParameter:
            raise UsageError(
                f"{_option(param)} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-04-15", ctx
            ) from None

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "YYYY-MM-DD"


class Amount(click.ParamType[Decimal, Any]):
    """A finite decimal number; a decimal comma is read as a point (3500,50). click has no Decimal type."""

    name = "number"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Decimal):
            return value
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            raise UsageError(f"{_option(param)} {value!r} is not a number; e.g. 3500.50", ctx) from None
        if not number.is_finite():
            raise UsageError(f"{_option(param)} {value!r} is not a finite number", ctx)
        return number


class Whole(click.IntRange):
    """A whole number in a range (click's IntRange), refused with the message the CLI has always given."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise UsageError(
                f"{_option(param)} {value}: use a whole number from {self.min} to {self.max}", ctx
            ) from None


class InOrder(click.Group):
    """A group that lists its commands in the order they were added (click sorts them by name)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


def _option(param: click.Parameter | None) -> str:
    """The option as the user typed it: --draws."""
    if param is None:
        return "value"
    return param.opts[0] if param.opts else str(param.name)
