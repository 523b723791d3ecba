"""Where Huddle keeps its files: --db, then HUDDLE_DB, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "huddle"
DB_ENV = "HUDDLE_DB"


def database_path(option: str | Path | None = None) -> Path:
    """The team's database file: the --db option, else $HUDDLE_DB, else the data folder."""
    if option:
        return Path(option).expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    import platformdirs  # only here: `huddle add --db FILE` starts without it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "huddle.db"


def config_dir() -> Path:
    """The per-user settings folder (who I am, the chosen theme)."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
