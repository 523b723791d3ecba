"""Python's cycle collector while the app runs. Left as it is, a full collection scans every
object the app holds: on a big team that stopped the screen for half a second (a TV board of
10,000 members, at a Down). Once the first screen is drawn, what start-up made is set aside
(`gc.freeze`: never scanned again), and the youngest objects are collected after 10,000 new
ones, not 700: fewer, short pauses, and no full scan of the team. Put back as it was when the
app ends (in tests, many apps run in one process)."""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000
"""New objects (less those freed) before the youngest generation is collected; Python's is 700."""


class Collector:
    def __init__(self) -> None:
        self._was: tuple[int, int, int] | None = None

    def calm(self) -> None:
        """After the first paint: start-up's objects frozen, young ones collected less often."""
        if self._was is not None:
            return
        self._was = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(YOUNG_THRESHOLD, *self._was[1:])

    def restore(self) -> None:
        """The app has ended: the collector as it was, what was frozen collectable again."""
        if self._was is None:
            return
        gc.set_threshold(*self._was)
        gc.unfreeze()
        self._was = None
