"""The layout's rules (ARCHITECTURE.md, "The apps, and which way they depend"), read from the code itself.

- apps import only from the apps below them: core ← blog ← comments ← accounts ← wordpress, demo ← config;
- no module imports, directly or through others, a module that imports it back;
- imports stand at the top of their module, except in AppConfig.ready() and for optional dependencies
  (an import inside `try: … except ImportError`).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Each app, and the apps it may import from.
LAYERS = ["core", "blog", "comments", "accounts", ("wordpress", "demo"), "config"]
APPS = [app for layer in LAYERS for app in ((layer,) if isinstance(layer, str) else layer)]


def below(app):
    """The apps `app` may import from: those of the layers under its own."""
    allowed = set()
    for layer in LAYERS:
        members = {layer} if isinstance(layer, str) else set(layer)
        if app in members:
            return allowed
        allowed |= members
    raise AssertionError(f"{app} is in no layer")


def modules():
    """{dotted module name: parsed tree} for every module of the apps (migrations aside)."""
    found = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return found


MODULES = modules()


def imported(node):
    """The project's modules an import statement names: `from package import module` names the module, and
    `from module import name` the module (the project has no relative imports)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        assert not node.level, "relative imports are not used"
        names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES else node.module
                 for alias in node.names]  # fmt: skip
    return {_known(name) for name in names} - {None}


def _known(name):
    """`name`, or the module it lies in, if that is one of the project's; else None."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def graph():
    return {
        module: {target for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                 for target in imported(node)} - {module}
        for module, tree in MODULES.items()
    }  # fmt: skip


def test_apps_import_only_from_the_apps_below_them():
    wrong = []
    for module, targets in graph().items():
        app = module.split(".")[0]
        wrong += [f"{module} → {target}" for target in targets if target.split(".")[0] not in below(app) | {app}]
    assert not wrong, "An import against the apps' order (ARCHITECTURE.md): " + ", ".join(sorted(wrong))


def test_no_module_imports_one_that_imports_it_back():
    edges = graph()
    cycles = []
    state = {}

    def visit(module, path):
        state[module] = "open"
        for target in sorted(edges[module]):
            if state.get(target) == "open":
                cycles.append(" → ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert not cycles, "Import cycles: " + "; ".join(cycles)


def test_imports_stand_at_the_top_of_their_module():
    late = []
    for module, tree in MODULES.items():
        allowed = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "ready":
                allowed |= {id(inner) for inner in ast.walk(node)}
            if isinstance(node, ast.Try) and any(_catches_import_error(handler) for handler in node.handlers):
                allowed |= {id(inner) for inner in ast.walk(node)}
        top = {id(node) for node in tree.body}
        late += [
            f"{module}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top | allowed
        ]
    assert not late, "Imports below the top of a module: " + ", ".join(late)


def _catches_import_error(handler):
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(name, ast.Name) and name.id in ("ImportError", "ModuleNotFoundError") for name in names)


def test_the_rules_see_the_whole_project():
    """Every app folder of the repository is in a layer, so nothing escapes the rules above."""
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"core"}
    assert apps == set(APPS)
    assert len(MODULES) > 100 and "blog.models.posts" in MODULES and "core.pagecache.generation" in MODULES
