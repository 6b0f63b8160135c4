"""The layers of audit/ point one way (README, "Layout"): every import of a module of the package, at
the top of a file or inside a function, goes to its own layer or one below, and no modules import
each other in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "audit"

# Bottom first. A module belongs to the layer of the longest prefix listed for it ("audit" itself, the
# package's facade, names only the package: a new top-level module must be given its layer here).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("text", ("audit.text", "audit.version", "audit.atomic", "audit.sources", "audit.output", "audit.safe_text",
              "audit.spans")),
    ("model", ("audit.finding", "audit.config", "audit.document", "audit.hits", "audit.limits")),
    ("rules", ("audit.rules",)),
    ("producers", ("audit.checks", "audit.fidelity")),
    ("engine", ("audit.engine", "audit.suppression", "audit.registry")),
    ("scoring", ("audit.scoring",)),
    ("library", ("audit", "audit.report", "audit.runner", "audit.fixing", "audit.parallel", "audit.changed_lines",
                 "audit.config_file", "audit.baseline", "audit.tally", "audit.progress", "audit.examples",
                 "audit.docs", "audit.streaming", "audit.dask", "audit.precompile")),
    ("reporters", ("audit.reporters",)),
    ("cli", ("audit.cli", "audit.commands", "audit.__main__")),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_package(name: str) -> bool:
    return (ROOT / Path(*name.split(".")) / "__init__.py").is_file()


def exists(name: str) -> bool:
    return is_package(name) or (ROOT / Path(*name.split("."))).with_suffix(".py").is_file()


def imports_of(path: Path, name: str | None = None) -> set[str]:
    """The modules of the package that a file (module `name`) imports, anywhere in it."""
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "audit")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "audit":
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if exists(candidate) else target)
    found.discard(name)
    return found


def layer_of(name: str) -> int:
    best, layer = -1, None
    for index, (_label, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            within = name.startswith(prefix + ".") and prefix != "audit"
            if (name == prefix or within) and len(prefix) > best:
                best, layer = len(prefix), index
    assert layer is not None, f"{name} is in no layer: add it to LAYERS (and to the README's layout table)"
    return layer


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{name} ({LAYERS[layer_of(name)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for name, targets in graph.items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(name)
    ]


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return cycles


GRAPH = {module_name(path): imports_of(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer():
    for name in GRAPH:
        layer_of(name)


def test_no_import_goes_up_a_layer():
    assert upward_imports(GRAPH) == []


def test_no_import_cycle():
    assert import_cycles(GRAPH) == []


def test_an_upward_import_inside_a_function_and_a_cycle_are_caught(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from ..runner import run\n    import audit.cli\n", encoding="utf-8")
    planted = dict(GRAPH, **{"audit.checks.probe": imports_of(probe, "audit.checks.probe")})
    assert planted["audit.checks.probe"] == {"audit.runner", "audit.cli"}
    assert len(upward_imports(planted)) == 2
    looped = dict(GRAPH, **{"audit.finding": GRAPH["audit.finding"] | {"audit.config"}})
    assert import_cycles(looped) == [["audit.config", "audit.finding", "audit.config"]]
