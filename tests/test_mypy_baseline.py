"""mypy covers the whole project; the errors not fixed yet are a recorded baseline that may only shrink.

`make lint` runs mypy with the configuration in pyproject.toml, where the modules of the baseline have
`ignore_errors = true`. This test runs mypy with the same configuration without that list, counts the errors per
file and compares them with tests/mypy_baseline.json: a file with more errors than recorded (or errors where none
are recorded) fails; a file with fewer fails too, asking to lower its count, so that the baseline stays exact.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path, PurePath

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).with_name("mypy_baseline.json")
ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+: error: ", re.MULTILINE)


def _configuration() -> dict[str, object]:
    return dict(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"])


def _ini_value(value: object) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _config_without_the_baseline(path: Path) -> None:
    """pyproject's mypy settings as a mypy.ini, without the overrides that ignore the baseline's errors."""
    settings = _configuration()
    overrides = settings.pop("overrides", [])
    lines = ["[mypy]", *(f"{key} = {_ini_value(value)}" for key, value in settings.items())]
    for override in overrides:  # type: ignore[attr-defined]
        if override.get("ignore_errors"):
            continue
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        lines.append(f"[mypy-{','.join(modules)}]")
        lines += [f"{key} = {_ini_value(value)}" for key, value in override.items() if key != "module"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _module(path: str) -> str:
    """The module name mypy gives a file (benchmarks/ is not a package: its files are top-level modules)."""
    parts = list(PurePath(path).with_suffix("").parts)
    if parts[0] == "benchmarks":
        return parts[-1]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _baseline() -> dict[str, int]:
    return {path: int(count) for path, count in json.loads(BASELINE.read_text(encoding="utf-8")).items()}


def test_the_ignored_modules_are_exactly_the_modules_of_the_baseline():
    ignored = {
        module
        for override in _configuration().get("overrides", [])  # type: ignore[attr-defined]
        if override.get("ignore_errors")
        for module in override["module"]
    }
    assert ignored == {_module(path) for path, count in _baseline().items() if count > 0}
    assert all(count > 0 for count in _baseline().values()), (
        "drop the modules that reached 0 from the baseline"
    )


def test_mypy_finds_no_more_errors_than_the_baseline_and_no_fewer(tmp_path):
    pytest.importorskip("mypy")
    config = tmp_path / "mypy.ini"
    _config_without_the_baseline(config)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(config),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 2: mypy itself failed
    found = Counter(match["path"] for match in ERROR.finditer(result.stdout))
    baseline = _baseline()
    more = {
        path: (count, baseline.get(path, 0)) for path, count in found.items() if count > baseline.get(path, 0)
    }
    assert not more, f"new mypy errors (found, recorded) per file: {more}\n{result.stdout}"
    fewer = {
        path: (found.get(path, 0), count) for path, count in baseline.items() if found.get(path, 0) < count
    }
    assert not fewer, (
        f"fewer mypy errors than recorded (found, recorded): lower tests/mypy_baseline.json: {fewer}"
    )
