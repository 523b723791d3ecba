"""Huddle's own themes, and remembering the one each user picks."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme

from huddle.config import load_settings, save_setting

HIGH_CONTRAST = Theme(
    name="huddle-high-contrast",
    primary="#FFE000",
    secondary="#00E5FF",
    accent="#00E5FF",
    warning="#FFB000",
    error="#FF6060",
    success="#40FF80",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#303030",
    dark=True,
    luminosity_spread=0.1,
    text_alpha=1.0,
    variables={
        # Read from across a room: no dimmed greys, the cursor and keys in bold yellow.
        "text-muted": "#E8E8E8",
        "foreground-muted": "#E8E8E8",
        "text-primary": "#FFE000",
        "text-accent": "#00E5FF",
        "border": "#FFE000",
        "border-blurred": "#FFFFFF",
        "block-cursor-background": "#FFE000",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#606060",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-hover-background": "#303030",
        "footer-background": "#000000",
        "footer-key-foreground": "#FFE000",
        "footer-description-foreground": "#FFFFFF",
        "input-cursor-background": "#FFE000",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#FFE000 50%",
        "scrollbar": "#A0A0A0",
        "scrollbar-background": "#202020",
    },
)
"""White on black with yellow highlights: for a TV across the room, or weak eyesight."""

THEMES = (HIGH_CONTRAST,)
DEFAULT_THEME = "textual-dark"
THEME_SETTING = "theme"
"""The per-user settings key (huddle.config) that remembers the chosen theme."""


def install_themes(app: App[Any]) -> None:
    """Register Huddle's themes and switch to the user's remembered one, if it still exists."""
    for theme in THEMES:
        app.register_theme(theme)
    remembered = load_settings().get(THEME_SETTING)
    if isinstance(remembered, str) and remembered in app.available_themes:
        app.theme = remembered


def remember_theme(name: str) -> None:
    """Save the theme for next time (only when it changed, so opening the app writes nothing)."""
    if load_settings().get(THEME_SETTING, DEFAULT_THEME) != name:
        save_setting(THEME_SETTING, name)
