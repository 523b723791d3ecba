"""Per-user settings (who I am, the chosen theme), kept in a small JSON file in the user's
config folder. Not the team's data: that lives in the team's database."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from huddle.core.models import HuddleError
from huddle.paths import config_dir

CONFIG_ENV = "HUDDLE_CONFIG"


def config_path() -> str:
    """$HUDDLE_CONFIG (tests point it at a temporary file), else the user's config folder."""
    override = os.environ.get(CONFIG_ENV)
    return os.path.expanduser(override) if override else os.path.join(config_dir(), "settings.json")


def load_settings() -> dict[str, Any]:
    """The user's settings; an unreadable or damaged file counts as no settings."""
    import json  # here: `huddle add --who NAME` never reads settings, so never loads json

    try:
        with open(config_path(), encoding="utf-8") as settings:
            data = json.load(settings)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class SettingsError(HuddleError):
    """The settings file cannot be written: the choice holds for this run only."""


def save_setting(key: str, value: Any) -> None:
    """Set one setting. Written to a temporary file and renamed: a crash never leaves half.
    A folder that cannot be written raises SettingsError (one line), never OSError."""
    path = config_path()
    settings = load_settings()
    settings[key] = value
    try:
        _write(path, settings)
    except OSError as error:
        reason = error.strerror or str(error)
        folder = os.path.dirname(path) or "."
        raise SettingsError(f"can't save settings in {folder} ({reason})") from None


def _write(path: str, settings: dict[str, Any]) -> None:
    import json
    import tempfile  # only when saving: reading settings stays light

    folder = os.path.dirname(path) or "."
    os.makedirs(folder, mode=0o700, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".settings-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(settings, out, indent=2, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


WHO_ENV = "HUDDLE_WHO"
WHO_SETTING = "who"


def remembered_who(option: str | None = None) -> tuple[str, str] | None:
    """Who is at this keyboard, and where that came from: the --who option, else
    $HUDDLE_WHO, else the name saved by `huddle whoami NAME`. None when nobody is known."""
    if option and option.strip():
        return option.strip(), "--who"
    from_env = os.environ.get(WHO_ENV, "").strip()
    if from_env:
        return from_env, f"${WHO_ENV}"
    saved = load_settings().get(WHO_SETTING)
    if isinstance(saved, str) and saved.strip():
        return saved.strip(), config_path()
    return None
