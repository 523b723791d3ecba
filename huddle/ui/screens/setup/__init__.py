"""Team set-up: the screen (screen.py) and one file per tab: members and their away dates,
huddle days and holidays, the timebox, the team's own settings."""

from huddle.ui.screens.setup.screen import TeamSetupScreen

__all__ = ["TeamSetupScreen"]
