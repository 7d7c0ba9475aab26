"""Scenario files are read at a bounded cost, and messages quote values as short escaped excerpts."""

from __future__ import annotations

import time

import pytest

from data.bounded_load import BoundedLoadError, excerpt, key_excerpt, load_json, load_yaml
from data.scenario.files import parse_scenario_text
from data.scenario.schema import MAX_SCENARIO_BYTES, ScenarioError


def alias_bomb(levels: int = 8) -> str:
    """The 'billion laughs': each level a list of nine aliases of the one before (321 bytes for 8 levels)."""
    items = ["&a [" + ",".join(['"lol"'] * 9) + "]"]
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        items.append(f"&{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "parameters:\n  fallback.mode: [" + ", ".join(items) + "]\n"


def test_a_yaml_alias_bomb_is_refused_before_it_expands():
    text = alias_bomb()
    assert len(text) < 400
    start = time.process_time()
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_text(text, "yaml")
    assert (
        time.process_time() - start < 1
    )  # a bound on work, not a benchmark: expanding takes 15 s and 0.8 GB
    assert caught.value.field == "file"
    assert "aliases are not allowed" in caught.value.message and len(str(caught.value)) < 200


def test_a_single_alias_is_refused_with_its_line():
    with pytest.raises(BoundedLoadError, match=r"YAML alias \(\*n\) at line 2, column 14"):
        load_yaml("name: &n x\ndescription: *n\n", 1000)


@pytest.mark.parametrize(
    ("loader", "text", "message"),
    [
        (load_yaml, "x: [" * 30 + "]" * 30, "nested more than 20 levels deep"),
        (load_json, "[" * 30 + "]" * 30, "nested more than 20 levels deep"),
        (load_json, "[" * 100_000 + "]" * 100_000, "nested more than"),
        (load_yaml, "[" + ", ".join(["1"] * 6000) + "]", "too many values"),
        (load_json, "[" + ", ".join(["1"] * 6000) + "]", "too many values"),
        (load_json, '{"a": Infinity}', "Infinity, which is not a number in JSON"),
        (load_json, '{"a": -Infinity}', "-Infinity, which is not a number in JSON"),
        (load_json, "[1" + "0" * 5000 + "]", "number too long"),
        (load_yaml, "a: !!python/object:os.system x\n", "not valid YAML"),
        (load_yaml, "a: 1\n---\nb: 2\n", "not valid YAML"),
        (load_yaml, "a: \x1b\n", "not valid YAML"),
    ],
)
def test_a_costly_or_odd_document_is_refused_with_a_reason(loader, text, message):
    with pytest.raises(BoundedLoadError, match=message.replace("(", r"\(")):
        loader(text, 10_000_000)


def test_the_size_limit_is_stated_in_the_message():
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_text("# " + "x" * MAX_SCENARIO_BYTES, "yaml")
    assert "the limit is 200 kB" in caught.value.message and "200 kB" in caught.value.message


def test_an_excerpt_is_short_escaped_and_never_expands_a_container():
    assert excerpt("fast") == '"fast"'
    assert excerpt("\x1b[31mred\n") == '"\\x1b[31mred\\n"'
    long = excerpt("y" * 1_000_000)
    assert len(long) < 80 and long.endswith("(1,000,000 characters)")
    shared: list[object] = ["x"] * 9
    for _ in range(9):
        shared = [shared] * 9
    assert excerpt(shared) == "a list of 9 values"
    assert excerpt({"a": 1}) == "a mapping of 1 key"
    assert excerpt(10**4000 if False else 1e308) == "1e+308"
    assert key_excerpt("fallback.mode") == "fallback.mode"
    assert key_excerpt("a\nERROR:imw.server: forged") == '"a\\nERROR:imw.server: forged"'


@pytest.mark.parametrize(
    "text",
    [
        'parameters:\n  fallback.mode: "' + "\\e" * 1000 + '"\n',
        'parameters:\n  "' + "k" * 50_000 + '": 1\n',
        '"' + "k" * 50_000 + '": 1\n',
        "distributions:\n  " + "d" * 50_000 + ": {low: 0}\n",
        "draws: " + "9" * 4000 + "\n",
        "seed: -" + "9" * 300 + "\n",
    ],
)
def test_no_scenario_message_quotes_more_than_an_excerpt(text):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_text(text, "yaml")
    assert len(str(caught.value)) < 300
    assert "\x1b" not in str(caught.value)
