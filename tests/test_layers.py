"""The layers hold: core never imports Textual, and the shell commands never load it."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import huddle.core
from huddle.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
WEDNESDAY = date(2026, 11, 25)


def run_python(code: str, *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter with this checkout importable."""
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def loaded_after(code: str, *, env: dict[str, str] | None = None) -> set[str]:
    """The module names in sys.modules after `code` ran in a fresh interpreter."""
    result = run_python(
        code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))", env=env
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def textual_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m == "textual" or m.startswith("textual."))


def test_every_core_module_is_found() -> None:
    names = {m.name for m in pkgutil.walk_packages(huddle.core.__path__, "huddle.core.")}
    assert {"huddle.core.calendar", "huddle.core.store", "huddle.core.store.db"} <= names


def test_core_never_imports_textual() -> None:
    modules = loaded_after(
        "import importlib, pkgutil, huddle.core\n"
        "for m in pkgutil.walk_packages(huddle.core.__path__, 'huddle.core.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    assert "huddle.core.store.db" in modules
    assert textual_in(modules) == []
    assert "huddle.ui" not in modules


def test_importing_the_cli_does_not_load_textual() -> None:
    modules = loaded_after("import huddle.cli")
    assert textual_in(modules) == []


def test_huddle_add_from_a_shell_never_loads_textual(team_file: Path) -> None:
    path = team_file
    modules = loaded_after(
        "from huddle.cli import main\n"
        f"main(['--db', {str(path)!r}, 'add', 'Prepare questions', '--who', 'ann'],"
        " standalone_mode=False)\n",
        env={"HUDDLE_TODAY": WEDNESDAY.isoformat()},
    )
    assert textual_in(modules) == []
    store = Store.open(path)
    try:
        assert [s.text for s in store.steps.on_day(WEDNESDAY)] == ["Prepare questions"]
    finally:
        store.close()


def test_huddle_block_from_a_shell_never_loads_textual(team_file: Path) -> None:
    path = team_file
    modules = loaded_after(
        "from huddle.cli import main\n"
        f"main(['--db', {str(path)!r}, 'block', 'No laptop for visits', '--who', 'sam'],"
        " standalone_mode=False)\n"
    )
    assert textual_in(modules) == []
    store = Store.open(path)
    try:
        assert [b.text for b in store.blockers.open()] == ["No laptop for visits"]
    finally:
        store.close()


def test_python_m_huddle_runs_the_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "huddle", "--db", str(tmp_path / "t.db"), "team", "show"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Team: ")


def test_a_users_mistake_from_a_shell_is_one_line_and_exit_code_1(team_file: Path) -> None:
    path = team_file
    result = subprocess.run(
        [sys.executable, "-m", "huddle", "--db", str(path), "add", "A step", "--who", "zed"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: no member matches 'zed'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_huddle_add_on_a_current_file_never_loads_sqlite_utils(tmp_path: Path) -> None:
    """sqlite-utils costs a shell command more than the rest of its start-up: it is loaded
    only when a file's schema needs work."""
    db = tmp_path / "team.db"
    Store.open(db).close()
    script = (
        "import sys\n"
        "from huddle.cli import main\n"
        f"main(['--db', {str(db)!r}, 'team', 'add', 'Ann Smith'], standalone_mode=False)\n"
        f"main(['--db', {str(db)!r}, 'add', 'A step', '--who', 'ann'], standalone_mode=False)\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


def _imports(path: Path) -> set[str]:
    """The huddle modules a file imports, anywhere in it (also under TYPE_CHECKING)."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("huddle.")}


def test_the_store_imports_nothing_that_imports_the_store_back() -> None:
    """No import circles in the core: the store's result types live beside the models
    (core/models/, core/results.py), not in the modules that use the store."""
    core = ROOT / "huddle" / "core"
    circles = []
    for part in sorted((core / "store").glob("*.py")):
        for name in _imports(part):
            if name.startswith("huddle.core.store"):
                continue
            target = ROOT / (name.replace(".", "/") + ".py")
            if target.exists() and any(n.startswith("huddle.core.store") for n in _imports(target)):
                circles.append(f"{part.name} -> {name}")
    assert circles == []


def test_every_model_is_in_the_part_the_models_say() -> None:
    """The models load one part (people, steps, ...) when a name of it is first used, so
    `huddle add` builds only the few it needs (issue 12): every class of a part is listed
    in models.PARTS, each listed name comes from its part, and __all__ names them all."""
    import importlib

    from huddle.core import models

    for part, names in models.PARTS.items():
        module = importlib.import_module(f"huddle.core.models.{part}")
        classes = {
            name
            for name, value in vars(module).items()
            if isinstance(value, type) and value.__module__ == module.__name__
        }
        assert classes <= set(names), part
        for name in names:
            assert getattr(models, name) is getattr(module, name)
    listed = {name for names in models.PARTS.values() for name in names}
    errors = {"HuddleError", "NotFound", "Ambiguous", "InvalidMove"}
    assert set(models.__all__) == listed | errors


def test_the_app_never_takes_whoami_for_who_is_at_the_shared_keyboard() -> None:
    """`huddle whoami` and $HUDDLE_WHO say who is at one's own terminal; on the shared
    screen anyone may be typing, so the app asks (and shows whom it will record)."""
    import ast

    ui = Path(next(iter(huddle.core.__path__))).parent / "ui"
    readers = sorted(
        str(path.relative_to(ui))
        for path in ui.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and node.module == "huddle.config"
        and any(alias.name in {"remembered_who", "WHO_ENV", "WHO_SETTING"} for alias in node.names)
    )
    assert readers == []
