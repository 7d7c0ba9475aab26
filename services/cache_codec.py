"""Cached results as JSON data, never pickles, and checked against their declared types on the way out.

`encode` turns a value into JSON-able data: dataclasses (by their fields), pandas DataFrames (columns, dtypes,
values), numpy arrays and scalars, dates (a scenario's dated values), dicts (any hashable keys), lists, tuples,
and JSON's own types; a float that is not finite is tagged.
`decode(data, expected)` builds the value back and checks it against `expected` and, for
each dataclass, against its fields' type annotations, recursively. Only the dataclasses reachable from the
expected type's annotations can be built: a document cannot name any other class. A field the model adds later
needs nothing here, as long as its type is one of the above.

Anything that does not fit raises `CodecError`; the cache then drops the value and computes it again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd


class CodecError(ValueError):
    """A cached value that cannot be encoded, decoded, or does not have the type it should have."""


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def encode(value: Any) -> Any:
    """JSON-able data for `value`; CodecError for a type this codec does not know."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else {"$float": repr(number)}
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$date": value.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "$dataclass": _name(type(value)),
            "fields": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    if isinstance(value, pd.DataFrame):
        if not isinstance(value.index, pd.RangeIndex) or value.index.start != 0 or value.index.step != 1:
            value = value.reset_index(drop=True)
        return {
            "$frame": {
                "columns": [encode(column) for column in value.columns],
                "dtypes": [str(dtype) for dtype in value.dtypes],
                "data": [[encode(item) for item in value[column].tolist()] for column in value.columns],
            }
        }
    if isinstance(value, np.ndarray):
        return {
            "$array": {"dtype": str(value.dtype), "shape": list(value.shape), "data": encode(value.tolist())}
        }
    if isinstance(value, tuple):
        return {"$tuple": [encode(item) for item in value]}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"$map": [[encode(key), encode(item)] for key, item in value.items()]}
    raise CodecError(f"cannot encode a {type(value).__name__}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A dataclass's field annotations, resolved once per class (typing.get_type_hints re-evaluates the strings of
    `from __future__ import annotations` on every call, which was a third of reading a cached result)."""
    return typing.get_type_hints(cls)


@functools.cache
def _classes_of(expected: type) -> Mapping[str, type]:
    """The dataclasses a document of `expected` type may name, found once per type."""
    found: dict[str, type] = {}
    _dataclasses_of(expected, found)
    return types.MappingProxyType(found)


def _dataclasses_of(hint: Any, found: dict[str, type]) -> None:
    """Every dataclass reachable from a type annotation (the classes a document may name)."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = _name(hint)
        if name in found:
            return
        found[name] = hint
        for field_hint in _hints(hint).values():
            _dataclasses_of(field_hint, found)
        return
    for argument in typing.get_args(hint):
        _dataclasses_of(argument, found)


def _build(data: Any, classes: Mapping[str, type]) -> Any:
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [_build(item, classes) for item in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise CodecError("a value has an unknown form")
    if "$float" in data:
        if data["$float"] not in ("nan", "inf", "-inf"):
            raise CodecError("a float has an unknown form")
        return float(data["$float"])
    if "$date" in data:
        if not isinstance(data["$date"], str):
            raise CodecError("a date has an unknown form")
        try:
            return dt.date.fromisoformat(data["$date"])
        except ValueError:
            raise CodecError("a date has an unknown form") from None
    if "$tuple" in data:
        return tuple(_build(item, classes) for item in _list(data["$tuple"]))
    if "$map" in data:
        pairs = _list(data["$map"])
        result = {}
        for pair in pairs:
            if not isinstance(pair, list) or len(pair) != 2:
                raise CodecError("a mapping has an unknown form")
            key = _build(pair[0], classes)
            if isinstance(key, list | dict):
                raise CodecError("a mapping has a key that cannot be a key")
            result[key] = _build(pair[1], classes)
        return result
    if "$frame" in data:
        frame = data["$frame"]
        if not isinstance(frame, dict) or set(frame) != {"columns", "dtypes", "data"}:
            raise CodecError("a table has an unknown form")
        columns = [_build(c, classes) for c in _list(frame["columns"])]
        dtypes, values = _list(frame["dtypes"]), _list(frame["data"])
        if not len(columns) == len(dtypes) == len(values) or len({len(_list(v)) for v in values}) > 1:
            raise CodecError("a table's columns do not line up")
        try:
            return pd.DataFrame(
                {
                    column: pd.Series([_build(item, classes) for item in items], dtype=str(dtype))
                    for column, dtype, items in zip(columns, dtypes, values, strict=True)
                },
                columns=columns,
            )
        except (TypeError, ValueError) as error:
            raise CodecError(f"a table cannot be built ({type(error).__name__})") from None
    if "$array" in data:
        array = data["$array"]
        if not isinstance(array, dict) or set(array) != {"dtype", "shape", "data"}:
            raise CodecError("an array has an unknown form")
        try:
            result = np.array(_build(array["data"], classes), dtype=str(array["dtype"]))
        except (TypeError, ValueError) as error:
            raise CodecError(f"an array cannot be built ({type(error).__name__})") from None
        if list(result.shape) != array["shape"]:
            raise CodecError("an array has the wrong shape")
        return result
    if "$dataclass" in data:
        cls = classes.get(data["$dataclass"]) if isinstance(data["$dataclass"], str) else None
        if cls is None:
            raise CodecError("a value names a class it may not name")
        fields = data.get("fields")
        if not isinstance(fields, dict):
            raise CodecError("a value has an unknown form")
        wanted = {f.name for f in dataclasses.fields(cls) if f.init}
        if set(fields) != wanted:
            raise CodecError(f"a {cls.__name__} has other fields than this version has")
        built = {name: _build(value, classes) for name, value in fields.items()}
        hints = _hints(cls)
        for name, value in built.items():
            check(value, hints[name], f"{cls.__name__}.{name}")
        try:
            return cls(**built)
        except Exception as error:  # the class's own checks (__post_init__) refuse it
            raise CodecError(f"a {cls.__name__} cannot be built ({type(error).__name__})") from None
    raise CodecError("a value has an unknown form")


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise CodecError("a value has an unknown form")
    return value


def check(value: Any, hint: Any, where: str = "value") -> None:
    """Raise CodecError unless `value` fits the annotation `hint` (the subset of typing that results use)."""
    if hint is Any or hint is object:
        return
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        for option in arguments:
            try:
                check(value, option, where)
                return
            except CodecError:
                continue
        raise CodecError(f"{where} has the wrong type ({type(value).__name__})")
    if hint is None or hint is type(None):
        if value is not None:
            raise CodecError(f"{where} should be empty")
        return
    if hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif origin in (dict, Mapping) or hint in (dict, Mapping):
        ok = isinstance(value, dict)
        if ok and len(arguments) == 2:
            for key, item in value.items():
                check(key, arguments[0], f"{where} key")
                check(item, arguments[1], f"{where}[{key!r:.40}]")
    elif origin is tuple or hint is tuple:
        ok = isinstance(value, tuple)
        if ok and len(arguments) == 2 and arguments[1] is Ellipsis:
            for item in value:
                check(item, arguments[0], f"{where} item")
        elif ok and arguments and arguments != ((),):
            if len(arguments) != len(value):
                raise CodecError(f"{where} has {len(value)} items, not {len(arguments)}")
            for item, item_hint in zip(value, arguments, strict=True):
                check(item, item_hint, f"{where} item")
    elif origin in (list, Sequence) or hint in (list, Sequence):
        ok = isinstance(value, list | tuple)
        if ok and arguments:
            for item in value:
                check(item, arguments[0], f"{where} item")
    elif origin is typing.Literal:
        ok = value in arguments
    elif isinstance(hint, type):
        ok = isinstance(value, hint)
    else:
        ok = True  # an annotation this checker does not read (a type alias of numpy, say): the build checked it
    if not ok:
        raise CodecError(f"{where} has the wrong type ({type(value).__name__})")


def decode(data: Any, expected: type) -> Any:
    """The value of `expected` type that `encode` turned into `data`; CodecError when it does not fit."""
    try:
        value = _build(data, _classes_of(expected))
    except RecursionError:
        raise CodecError("a value is nested too deeply") from None
    check(value, expected)
    return value
