"""The layers of the portal, read from the imports themselves (docs/architecture.md explains them).

Every project module's imports are parsed with `ast` (function-level imports included: they run too). A package
may import only the packages below it; the composition root `app.py` may import anything and nothing imports it.
Where today's code breaks a rule, the edge is listed in KNOWN_EXCEPTIONS with its reason. That list only shrinks:
the test fails on a new violation and on a listed one that has gone (remove it from the list then).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("simulation", "i18n", "data", "services", "components", "pages", "cli")

#: What each package may import of the project, besides itself.
ALLOWED: dict[str, frozenset[str]] = {
    "simulation": frozenset(),
    "i18n": frozenset(),
    "data": frozenset({"simulation", "i18n"}),
    "services": frozenset({"data", "simulation", "i18n"}),
    "components": frozenset({"services", "data", "simulation", "i18n"}),
    "pages": frozenset({"components", "services", "i18n"}),
    "cli": frozenset({"simulation", "i18n", "data", "services"}),
}

#: (importing module, imported module) -> why it is allowed for now. Only ever remove entries.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}

#: Modules whose source may not read the process environment: everything below services/.
NO_ENVIRONMENT = ("simulation", "i18n", "data")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


@cache
def project_modules() -> dict[str, Path]:
    """Every module of the project (tests and benchmarks aside), by dotted name."""
    modules = {
        _module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
    }
    modules["app"] = ROOT / "app.py"
    return modules


def _resolve(name: str) -> str | None:
    """The project module an import names (its longest prefix that is a module), or None when not ours."""
    modules = project_modules()
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


@cache
def imported_modules(module: str) -> frozenset[str]:
    """The project modules `module` imports, wherever in the file the import statement is."""
    path = project_modules()[module]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            # `from package import module` imports the module
            names = [f"{target}.{alias.name}" for alias in node.names] + [target]
        else:
            continue
        found |= {resolved for name in names if (resolved := _resolve(name)) is not None}
    found.discard(module)
    return frozenset(found)


def _package(module: str) -> str:
    return module.split(".")[0]


def import_edges() -> Iterator[tuple[str, str]]:
    for module in project_modules():
        for target in sorted(imported_modules(module)):
            yield module, target


def layer_violations() -> set[tuple[str, str]]:
    violations = set()
    for module, target in import_edges():
        source, destination = _package(module), _package(target)
        if destination == "app" or (
            source != "app" and source != destination and destination not in ALLOWED[source]
        ):
            violations.add((module, target))
    return violations


def test_every_import_follows_the_layers_or_is_a_recorded_exception():
    violations = layer_violations()
    new = sorted(violations - set(KNOWN_EXCEPTIONS))
    assert not new, (
        "these imports break the layers (docs/architecture.md); import through the layer in between: "
        + ", ".join(f"{a} -> {b}" for a, b in new)
    )


#: The wings of components/: each may use the shell, neither the other; the shell uses neither.
WINGS: dict[str, frozenset[str]] = {
    "components.shell": frozenset(),
    "components.monitoring": frozenset({"components.shell"}),
    "components.simulator": frozenset({"components.shell"}),
}


def _wing(module: str) -> str | None:
    return next((wing for wing in WINGS if module == wing or module.startswith(wing + ".")), None)


def test_the_wings_of_components_share_only_the_shell():
    crossing = sorted(
        (module, target)
        for module, target in import_edges()
        if (source := _wing(module)) is not None
        and (destination := _wing(target)) not in (None, source)
        and destination not in WINGS[source]
    )
    assert not crossing, "a wing of components/ imports another: " + ", ".join(
        f"{a} -> {b}" for a, b in crossing
    )


def test_every_module_of_components_is_in_a_wing_or_the_shell():
    loose = [m for m in project_modules() if m.startswith("components.") and _wing(m) is None]
    assert loose == []


#: What registers a Dash callback: the decorator or call by these names (dash.callback, app.callback, ...).
CALLBACK_REGISTRARS = frozenset({"callback", "clientside_callback"})


def callback_registrations(path: Path) -> list[int]:
    """The lines of `path` that register a Dash callback (a call of `callback`/`clientside_callback`, bare or as
    an attribute, decorators included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
            if name in CALLBACK_REGISTRARS:
                lines.append(node.lineno)
    return sorted(lines)


def test_components_are_builders_only_and_register_no_callback():
    registering = {
        module: lines
        for module, path in project_modules().items()
        if module.startswith("components.") and (lines := callback_registrations(path))
    }
    assert registering == {}, f"callbacks belong in pages/, not in components/: {registering}"


def test_the_callback_finder_finds_a_decorator_and_a_clientside_call(tmp_path):
    source = tmp_path / "page.py"
    source.write_text(
        "from dash import callback, clientside_callback\n"
        "@callback(1)\n"
        "def f(): ...\n"
        "clientside_callback('x')\n"
        "app.callback(2)(f)\n"
    )
    assert callback_registrations(source) == [2, 4, 5]


def test_the_recorded_exceptions_are_exact():
    gone = sorted(set(KNOWN_EXCEPTIONS) - layer_violations())
    assert not gone, "these exceptions no longer occur; remove them from KNOWN_EXCEPTIONS: " + ", ".join(
        f"{a} -> {b}" for a, b in gone
    )
    assert all(reason.strip() for reason in KNOWN_EXCEPTIONS.values())


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_modules_import_each_other_in_a_circle():
    graph = {module: set(imported_modules(module)) for module in project_modules()}
    assert _cycles(graph) == []


def test_no_packages_import_each_other_in_a_circle():
    graph: dict[str, set[str]] = {}
    for module, target in import_edges():
        if _package(module) != _package(target):
            graph.setdefault(_package(module), set()).add(_package(target))
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_below_services_reads_the_environment():
    readers = []
    for module, path in project_modules().items():
        if _package(module) not in NO_ENVIRONMENT:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "environb"}) or (
                isinstance(node, ast.ImportFrom)
                and node.module == "os"
                and {alias.name for alias in node.names} & {"environ", "getenv", "environb"}
            ):
                readers.append(f"{module}:{node.lineno}")
    assert readers == [], "settings are read at create_app or the CLI's entry and passed down: " + ", ".join(
        readers
    )


def test_the_layer_rules_name_every_package_and_the_finder_sees_them_all():
    assert set(ALLOWED) == set(PACKAGES)
    assert {_package(module) for module in project_modules()} == {*PACKAGES, "app"}
    assert ("cli.model", "i18n.formats") in set(import_edges())
