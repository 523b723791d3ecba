"""Huddle: the daily Kaizen huddle in a terminal."""

__version__ = "0.1.0"
