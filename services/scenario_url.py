"""A scenario in a link: ``?s=<state>``, compact and validated.

The state is the scenario file's mapping (name, horizon, draws, seed, the parameters that differ from the
baseline, distributions, and ``computed_with``) plus the format version ``v``, as compact JSON, compressed with
zlib and written in URL-safe base64 without padding. The description is left out to keep links short: a link to a
preset gets its description back from the preset. Whatever is wrong with a link (two states, too long, cut off,
tampered with, a value out of range) gives the baseline and a problem to show; reading a link never raises.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass
from typing import Any, Final

from data.parameter_store import ParameterSet
from data.scenario.presets import BASELINE_PRESET, as_preset, load_presets
from data.scenario.schema import Scenario, ScenarioError, parse_scenario
from services.simulation import check_page_scenario

URL_FORMAT_VERSION: Final = 1
#: The longest state accepted, in characters (a scenario that changes every parameter needs about 1,500).
MAX_STATE_CHARS: Final = 4096
#: The most bytes the state may inflate to: a compressed 'bomb' stops here.
MAX_JSON_BYTES: Final = 32_768
_URL_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class LinkProblem:
    """Why a link's state was not used: its kind (multiple, too_long, corrupt,
    version or invalid) and, for an invalid value, its field."""

    kind: str
    field: str = ""
    message: str = ""


@dataclass(frozen=True)
class DecodedLink:
    """The scenario a link holds (the baseline when it holds none or a bad one) and what was wrong, if anything."""

    scenario: Scenario
    problem: LinkProblem | None = None


def state_document(scenario: Scenario, computed_with: dict[str, str] | None = None) -> dict[str, Any]:
    """The mapping a link carries."""
    return {"v": URL_FORMAT_VERSION, **scenario.document(computed_with, described=False, named=False)}


def encode_scenario(scenario: Scenario, computed_with: dict[str, str] | None = None) -> str:
    """The value of ``s`` for a scenario."""
    text = json.dumps(
        state_document(scenario, computed_with), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    packed = zlib.compress(text.encode("utf-8"), 9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def baseline() -> Scenario:
    """The scenario of a link without state: the baseline preset."""
    return load_presets()[BASELINE_PRESET].scenario


def _inflate(state: str) -> bytes:
    packed = base64.urlsafe_b64decode(state + "=" * (-len(state) % 4))
    inflater = zlib.decompressobj()
    data = inflater.decompress(packed, MAX_JSON_BYTES)
    if inflater.unconsumed_tail:
        raise OverflowError
    if not inflater.eof:
        raise zlib.error("the state is cut off")
    return data


def decode_scenario(raw: object, parameters: ParameterSet | None = None) -> DecodedLink:
    """The scenario of a link's ``s`` (None: the baseline, no problem); never raises."""
    if raw is None or raw == "":
        return DecodedLink(baseline())
    if isinstance(raw, list | tuple):
        return DecodedLink(baseline(), LinkProblem("multiple"))
    if not isinstance(raw, str):
        return DecodedLink(baseline(), LinkProblem("corrupt"))
    if len(raw) > MAX_STATE_CHARS:
        return DecodedLink(baseline(), LinkProblem("too_long"))
    if not _URL_SAFE.match(raw):
        return DecodedLink(baseline(), LinkProblem("corrupt"))
    try:
        document = json.loads(_inflate(raw).decode("utf-8"))
    except OverflowError:
        return DecodedLink(baseline(), LinkProblem("too_long"))
    except (binascii.Error, ValueError, zlib.error, UnicodeDecodeError, RecursionError):
        return DecodedLink(baseline(), LinkProblem("corrupt"))
    if not isinstance(document, dict):
        return DecodedLink(baseline(), LinkProblem("corrupt"))
    if document.pop("v", None) != URL_FORMAT_VERSION:
        return DecodedLink(baseline(), LinkProblem("version"))
    try:
        scenario = parse_scenario(document, parameters)
    except ScenarioError as error:
        return DecodedLink(baseline(), LinkProblem("invalid", error.field, error.message))
    except (TypeError, ValueError, ArithmeticError):  # a value of a type no check expected
        return DecodedLink(baseline(), LinkProblem("invalid", "", "a value has a type no field takes"))
    try:
        check_page_scenario(scenario)  # only what the page offers: more draws are refused, not cut
    except ScenarioError as error:
        return DecodedLink(baseline(), LinkProblem("invalid", error.field, error.message))
    return DecodedLink(as_preset(scenario))


def is_baseline(scenario: Scenario) -> bool:
    """Whether a link for `scenario` needs no state at all."""
    base = baseline()
    return scenario.name == base.name and scenario.canonical() == base.canonical()
