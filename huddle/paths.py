"""Where Huddle keeps its files: --db, then HUDDLE_DB, then the user's data folder.

Paths are strings here: pathlib (with the urllib and ipaddress it loads) would cost
`huddle add` a tenth of its start-up (issue 12).
"""

from __future__ import annotations

import os
import sys
from typing import Literal

APP_NAME = "huddle"
DB_ENV = "HUDDLE_DB"

_XDG = {"data": ("XDG_DATA_HOME", "~/.local/share"), "config": ("XDG_CONFIG_HOME", "~/.config")}
"""Each kind of folder on Linux: its XDG variable, and where it is when that is not set."""


def database_path(option: str | os.PathLike[str] | None = None) -> str:
    """The team's database file: the --db option, else $HUDDLE_DB, else the data folder."""
    if option:
        return os.path.expanduser(os.fspath(option))
    if os.environ.get(DB_ENV):
        return os.path.expanduser(os.environ[DB_ENV])
    return os.path.join(user_folder("data"), "huddle.db")


def config_dir() -> str:
    """The per-user settings folder (who I am, the chosen theme)."""
    return user_folder("config")


def user_folder(kind: Literal["data", "config"]) -> str:
    """Huddle's folder of `kind` ("data" or "config") for this user, as platformdirs says.
    On Linux, the XDG rule is read here ($XDG_DATA_HOME if it is an absolute path, else
    ~/.local/share; a test checks platformdirs agrees): importing platformdirs loads pathlib
    and tempfile, a seventh of `huddle add`'s start-up (issue 12)."""
    variable, default = _XDG[kind]
    linux = sys.platform == "linux" and not hasattr(sys, "getandroidapilevel")
    if linux and "ANDROID_DATA" not in os.environ and os.path.isabs(os.environ.get("HOME", "")):
        base = os.environ.get(variable, "")
        return os.path.join(base if os.path.isabs(base) else os.path.expanduser(default), APP_NAME)
    import platformdirs

    if kind == "data":
        return platformdirs.user_data_dir(APP_NAME, appauthor=False)
    return platformdirs.user_config_dir(APP_NAME, appauthor=False)
