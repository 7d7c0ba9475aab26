"""Reading YAML and JSON that anyone may have written, at a bounded cost, and quoting it safely in messages.

A scenario file or upload is a few hundred bytes; what it may cost to read is bounded here, before any of it is
checked:

- the size in bytes (the limit is stated in the message);
- YAML aliases (``*name``) are refused: a few hundred bytes of nested aliases expand to billions of values (the
  'billion laughs' bomb), and a scenario never needs them; tags other than the standard ones are refused too
  (the safe loader already refuses to build objects);
- the number of nodes (mappings, lists and scalars) and the depth of nesting, in YAML and JSON alike;
- JSON's non-standard constants (``NaN``, ``Infinity``) are refused with a message, not read as numbers.

``excerpt`` quotes a value in an error message: at most a short, escaped excerpt, whatever the value is.
"""

from __future__ import annotations

import json
from typing import Any, Final

import yaml

#: The most nodes (mappings, sequences, scalars) a scenario document may hold; the baseline holds about 150.
MAX_NODES: Final = 5_000
#: The deepest nesting a scenario document may have; a scenario needs 4.
MAX_DEPTH: Final = 20
#: The longest excerpt of a value quoted in a message, in characters (before escaping).
EXCERPT_CHARS: Final = 40


class BoundedLoadError(ValueError):
    """A document that cannot be read within the bounds, or is not valid; the message says why."""


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A value as a short, escaped excerpt for a message: quoted text, control characters escaped, cut at `limit`.

    Containers are never expanded (a shared YAML structure would expand without bound): a mapping or list is
    named by its kind and size only.
    """
    if isinstance(value, dict):
        return f"a mapping of {len(value)} key{'s' if len(value) != 1 else ''}"
    if isinstance(value, list | tuple | set):
        return f"a list of {len(value)} value{'s' if len(value) != 1 else ''}"
    if value is None or isinstance(value, bool | int | float):
        text = repr(value)
        return text if len(text) <= limit else text[:limit] + "…"
    text = value if isinstance(value, str) else f"<{type(value).__name__}>"
    cut = len(text) > limit
    escaped = text[:limit].encode("unicode_escape").decode("ascii").replace('"', '\\"')
    return f'"{escaped}{"…" if cut else ""}"' + (f" ({len(text):,} characters)" if cut else "")


def key_excerpt(key: object, limit: int = EXCERPT_CHARS) -> str:
    """A key of a document as a field name in a message: itself when short and printable, else an excerpt."""
    text = str(key) if isinstance(key, str | int | float | bool) or key is None else f"<{type(key).__name__}>"
    if len(text) <= limit and text.isprintable():
        return text
    return excerpt(text, limit)


def _size_problem(text: str, max_bytes: int) -> str | None:
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return (
            f"is {size / 1000:,.0f} kB; the limit is {max_bytes / 1000:,.0f} kB (a scenario is a few lines)"
        )
    return None


class _BoundedComposer(yaml.SafeLoader):
    """The safe loader with aliases refused and a node budget: it never builds what it was not given."""

    def __init__(self, stream: str, max_nodes: int, max_depth: int) -> None:
        super().__init__(stream)
        self._nodes_left = max_nodes
        self._max_depth = max_depth
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            mark = event.start_mark
            raise BoundedLoadError(
                f"uses a YAML alias (*{excerpt(event.anchor, 20).strip(chr(34))}) at line {mark.line + 1}, "
                f"column {mark.column + 1}; aliases are not allowed: write each value out"
            )
        self._nodes_left -= 1
        if self._nodes_left < 0:
            raise BoundedLoadError("holds too many values; a scenario file holds a few hundred at most")
        self._depth += 1
        try:
            if self._depth > self._max_depth:
                raise BoundedLoadError(f"is nested more than {self._max_depth} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str, max_bytes: int, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Any:
    """The YAML document in `text` (one document), read within the bounds; BoundedLoadError says what is wrong."""
    problem = _size_problem(text, max_bytes)
    if problem:
        raise BoundedLoadError(problem)
    loader = None
    try:
        loader = _BoundedComposer(text, max_nodes, max_depth)
        return loader.get_single_data()
    except BoundedLoadError:
        raise
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise BoundedLoadError(f"is not valid YAML{where}") from None
    except (RecursionError, ValueError, TypeError, OverflowError):
        raise BoundedLoadError("is not valid YAML") from None
    finally:
        if loader is not None:
            loader.dispose()


def _refuse_constant(name: str) -> Any:
    raise BoundedLoadError(f"holds {name}, which is not a number in JSON; write a finite number")


def _count_nodes(document: Any, max_nodes: int, max_depth: int) -> None:
    stack: list[tuple[Any, int]] = [(document, 1)]
    count = 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > max_nodes:
            raise BoundedLoadError("holds too many values; a scenario file holds a few hundred at most")
        if depth > max_depth:
            raise BoundedLoadError(f"is nested more than {max_depth} levels deep")
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)


def load_json(text: str, max_bytes: int, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON document in `text`, read within the bounds; NaN and Infinity are refused."""
    problem = _size_problem(text, max_bytes)
    if problem:
        raise BoundedLoadError(problem)
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise BoundedLoadError(
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise BoundedLoadError(f"is nested more than {max_depth} levels deep") from None
    except BoundedLoadError:
        raise
    except ValueError:  # e.g. an integer of more digits than Python converts
        raise BoundedLoadError("holds a number too long to read") from None
    _count_nodes(document, max_nodes, max_depth)
    return document
