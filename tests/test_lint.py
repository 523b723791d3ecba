"""The package is held to ruff's security rules (bandit, `S`): each finding is fixed or
justified where it is, never waved through for a whole file."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_settings() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as config:
        settings: dict[str, object] = tomllib.load(config)["tool"]["ruff"]["lint"]
    return settings


def test_the_security_rules_are_on_for_the_package() -> None:
    settings = lint_settings()
    assert "S" in settings["select"]  # type: ignore[operator]
    exempt = settings.get("per-file-ignores", {})
    assert not [path for path in exempt if path.startswith("huddle")]  # type: ignore[union-attr]


def test_the_package_passes_the_security_rules() -> None:
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.exists():
        pytest.skip("ruff is in the dev extra")
    done = subprocess.run(
        [str(ruff), "check", "--select", "S", "--output-format", "concise", "huddle"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout


def test_no_file_holds_a_merge_conflict_left_unresolved() -> None:
    """A conflict resolved in a hurry once left its markers in a README: never again."""
    markers = ("<" * 7 + " ", "=" * 7 + "\n", ">" * 7 + " ")
    found = []
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if not path.is_file() or parts & {".git", ".venv", "node_modules", "__pycache__"}:
            continue
        if path.suffix not in {".py", ".md", ".toml", ".tcss", ".txt", ".cfg", ".yml", ""}:
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        except (UnicodeDecodeError, OSError):
            continue
        found += [
            f"{path.relative_to(ROOT)}:{n}"
            for n, line in enumerate(lines, 1)
            if line.startswith(markers)
        ]
    assert not found
