"""Where Huddle keeps its files: --db, then HUDDLE_DB, then the user's data folder.

Paths are strings here: pathlib (with the urllib and ipaddress it loads) would cost
`huddle add` a tenth of its start-up (issue 12).
"""

from __future__ import annotations

import os

APP_NAME = "huddle"
DB_ENV = "HUDDLE_DB"


def database_path(option: str | os.PathLike[str] | None = None) -> str:
    """The team's database file: the --db option, else $HUDDLE_DB, else the data folder."""
    if option:
        return os.path.expanduser(os.fspath(option))
    if os.environ.get(DB_ENV):
        return os.path.expanduser(os.environ[DB_ENV])
    import platformdirs  # only here: `huddle add --db FILE` starts without it

    return os.path.join(platformdirs.user_data_dir(APP_NAME, appauthor=False), "huddle.db")


def config_dir() -> str:
    """The per-user settings folder (who I am, the chosen theme)."""
    import platformdirs

    return platformdirs.user_config_dir(APP_NAME, appauthor=False)
