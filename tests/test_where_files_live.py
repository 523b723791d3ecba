"""Where Huddle keeps the team's file and a person's settings when nobody says (no --db, no
$HUDDLE_DB, no $HUDDLE_CONFIG): the folders platformdirs names. On Linux they are read
without importing platformdirs, which loads pathlib and tempfile (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from huddle.paths import APP_NAME, config_dir, database_path, user_folder

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule read is Linux's")


@pytest.mark.parametrize("xdg", [None, "", "not/absolute", "/srv/xdg"])
def test_the_folders_are_the_ones_platformdirs_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg: str | None
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
    assert user_folder("data") == platformdirs.user_data_dir(APP_NAME, appauthor=False)
    assert user_folder("config") == platformdirs.user_config_dir(APP_NAME, appauthor=False)
    monkeypatch.delenv("HUDDLE_DB", raising=False)
    assert database_path() == os.path.join(user_folder("data"), "huddle.db")
    assert config_dir() == user_folder("config")


def test_finding_the_files_does_not_load_platformdirs(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from huddle.paths import config_dir, database_path\n"
        "database_path(), config_dir()\n"
        "print('platformdirs' in sys.modules, 'pathlib' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HUDDLE", "XDG"))}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**env, "HOME": str(tmp_path)},
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["False", "False"]
