"""The layers of docs/ARCHITECTURE.md, checked over the source: no upward import, no import cycle.

A few lines over ``ast`` rather than import-linter: every ``import`` in ``app/`` counts, also those inside
functions and under ``TYPE_CHECKING`` (a lazy import is still a dependency, only a hidden one).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"

# Most specific prefix wins. Top to bottom: edges, services, then the pipeline and the store side by side (neither
# imports the other), the language and place logic, and the foundation every layer may use.
LAYER_OF_PREFIX: dict[str, str] = {
    "app.main": "edge", "app.cli": "edge", "app.api": "edge", "app.web": "edge",
    "app.articles": "service", "app.ingest": "service", "app.gazetteer_load": "service", "app.runtime": "service",
    "app.geocoding": "service", "app.evaluation": "service", "app.merge": "service", "app.queue": "service",
    "app.pipeline": "pipeline",
    "app.store": "store",
    "app.events": "events", "app.geoparse": "geoparse", "app.gazetteer": "gazetteer", "app.text": "text",
    "app.settings": "foundation", "app.observability": "foundation", "app.bbox": "foundation",
    "app.sides": "foundation",
}
BELOW_PIPELINE = {"events", "geoparse", "gazetteer", "text", "foundation"}
MAY_IMPORT: dict[str, set[str]] = {
    "edge": {"edge", "service", "pipeline", "store", *BELOW_PIPELINE},
    "service": {"service", "pipeline", "store", *BELOW_PIPELINE},
    "pipeline": {"pipeline", *BELOW_PIPELINE},
    # Persistence knows record types (gazetteer records, name keys), never the extractor's or parser's rules.
    "store": {"store", "gazetteer", "text", "foundation"},
    "events": {"events", "geoparse", "gazetteer", "text", "foundation"},
    "geoparse": {"geoparse", "gazetteer", "text", "foundation"},
    "gazetteer": {"gazetteer", "text", "foundation"},
    "text": {"text", "foundation"},
    "foundation": {"foundation"},
}
# Known violations, named one by one (none left: the store no longer imports the extractor or the parser).
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in APP.rglob("*.py")}


def layer_of(module: str) -> str:
    matches = [p for p in LAYER_OF_PREFIX if module == p or module.startswith(p + ".")]
    assert matches, f"{module} is in no layer: add it to LAYER_OF_PREFIX and docs/ARCHITECTURE.md"
    return LAYER_OF_PREFIX[max(matches, key=len)]


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The ``app`` modules a module imports (``from pkg import name`` is ``pkg.name`` when that is a module)."""
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m == "app" or m.startswith("app.")} - {module}


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {m: {t for t in imports_of(m, p, modules) if t in modules} for m, p in modules.items()}


def upward_imports(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    return {(m, t) for m, targets in graph.items() for t in targets
            if m != "app" and t != "app" and layer_of(t) not in MAY_IMPORT[layer_of(m)]}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same imports between top-level parts of ``app`` (``app.store``, ``app.gazetteer``, ``app.articles``)."""
    top = defaultdict(set)
    for module, targets in graph.items():
        for target in targets:
            a, b = ".".join(module.split(".")[:2]), ".".join(target.split(".")[:2])
            if a != b:
                top[a].add(b)
    return dict(top)


def test_every_module_has_a_layer() -> None:
    for module in all_modules():
        if module != "app":
            layer_of(module)


def test_no_upward_import() -> None:
    wrong = upward_imports(import_graph()) - KNOWN_VIOLATIONS
    assert not wrong, "imports against docs/ARCHITECTURE.md: " + ", ".join(
        f"{m} ({layer_of(m)}) -> {t} ({layer_of(t)})" for m, t in sorted(wrong))


def test_known_violations_are_still_real() -> None:
    """An exception that no longer matches an import must go, so that it cannot cover a new one."""
    stale = KNOWN_VIOLATIONS - upward_imports(import_graph())
    assert not stale, f"delete these from KNOWN_VIOLATIONS, they are fixed: {sorted(stale)}"


def test_no_import_cycle_between_modules() -> None:
    assert cycles(import_graph()) == []


def test_no_import_cycle_between_packages() -> None:
    assert cycles(package_graph(import_graph())) == []


def test_the_checks_see_a_violation() -> None:
    """The checker itself: an upward import and a cycle in a made-up graph are found."""
    graph = {"app.store.x": {"app.events.model"}, "app.events.model": {"app.events.y"},
             "app.events.y": {"app.events.model", "app.text.tokens"}}
    assert upward_imports(graph) == {("app.store.x", "app.events.model")}
    assert cycles(graph) == [["app.events.model", "app.events.y"]]
