"""The tallies behind trends (schema 11): what each day and each pulse week adds up to, kept
by triggers, always equal to counting the rows themselves, whatever was written."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.schema import DAY_TALLIES, PULSE_FACTORS, PULSE_TALLIES, STEP_TALLIES
from huddle.core.store import Store

MON_16 = date(2026, 11, 16)
FIXTURES = Path(__file__).parents[1] / "fixtures"


def _counted_days(store: Store) -> list[tuple[object, ...]]:
    """Each day's tallies counted straight from steps, huddles and attendance."""
    steps = ", ".join(f"sum({c.format(row='s')}) AS {n}" for n, c in STEP_TALLIES.items())
    rows = store.db.rows(
        f"SELECT day, {', '.join(f'sum({n})' for n in DAY_TALLIES)} FROM ("
        f" SELECT s.day, {steps}, 0 AS held, 0 AS marked, 0 AS present FROM steps s"
        " GROUP BY s.day"
        f" UNION ALL SELECT day, {', '.join('0' for _ in STEP_TALLIES)}, 1, 0, 0 FROM huddles"
        " WHERE started_at IS NOT NULL"
        f" UNION ALL SELECT day, {', '.join('0' for _ in STEP_TALLIES)}, 0, count(*),"
        " sum(present) FROM attendance GROUP BY day"
        ") GROUP BY day ORDER BY day"
    )
    return [tuple(r) for r in rows]


def _kept_days(store: Store) -> list[tuple[object, ...]]:
    names = ", ".join(DAY_TALLIES)
    rows = store.db.rows(
        f"SELECT day, {names} FROM day_tallies"
        f" WHERE {' OR '.join(f'{n} != 0' for n in DAY_TALLIES)} ORDER BY day"
    )
    return [tuple(r) for r in rows]


def _counted_weeks(store: Store) -> list[tuple[object, ...]]:
    sums = ", ".join(f"coalesce(sum({n}), 0)" for n in PULSE_FACTORS)
    counts = ", ".join(f"count({n})" for n in PULSE_FACTORS)
    rows = store.db.rows(
        f"SELECT week, count(*), {sums}, {counts} FROM pulse_answers GROUP BY week ORDER BY week"
    )
    return [tuple(r) for r in rows]


def _kept_weeks(store: Store) -> list[tuple[object, ...]]:
    rows = store.db.rows(
        f"SELECT week, {', '.join(PULSE_TALLIES)} FROM pulse_tallies"
        " WHERE answers > 0 ORDER BY week"
    )
    return [tuple(r) for r in rows]


_ops = st.lists(
    st.tuples(
        st.sampled_from(["step", "review", "move", "delete", "start", "mark", "pulse"]),
        st.integers(0, 20),
        st.integers(0, 13),
        st.booleans(),
    ),
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(_ops)
def test_the_day_and_pulse_tallies_always_equal_counting(
    ops: list[tuple[str, int, int, bool]],
) -> None:
    store = Store.memory(clock=FixedClock(datetime(2026, 11, 30, 9).astimezone()))
    try:
        people = [store.members.add(name) for name in ("Ann", "Bea", "Cy")]
        for op, pick, offset, flag in ops:
            day = MON_16 + timedelta(days=offset)
            who = people[pick % 3]
            existing = store.db.rows("SELECT id FROM steps ORDER BY rowid")
            step = store.steps.get(existing[pick % len(existing)]["id"]) if existing else None
            if op == "step" or (step is None and op in ("review", "move", "delete")):
                store.steps.add(who, "a step", day)
            elif op == "review" and step is not None:
                status = StepStatus.DONE if flag else StepStatus.NOT_DONE
                store.steps.review(step, status, "learned" if pick % 2 else "")
            elif op == "move" and step is not None:
                store.steps.carry(step, day + timedelta(days=1))
            elif op == "delete" and step is not None:
                store.steps.delete(step)
            elif op == "start":
                store.huddles.start(day, None, attendance={p.id: flag for p in people[: pick % 4]})
            elif op == "mark" and (held := store.db.rows("SELECT day FROM huddles")):
                marked = date.fromisoformat(held[offset % len(held)]["day"])
                store.huddles.mark_attendance(marked, who, flag)
            elif op == "pulse":
                week = MON_16 + timedelta(days=7 * (offset % 2))
                answer = {
                    f: (pick % 5 + 1 if flag or i % 2 else None)
                    for i, f in enumerate(PULSE_FACTORS)
                }
                if who.id not in store.pulse.answered(week):
                    store.pulse.record(who, week, answer)
        assert _kept_days(store) == _counted_days(store)
        assert _kept_weeks(store) == _counted_weeks(store)
    finally:
        store.close()


def test_an_upgraded_file_has_its_days_and_weeks_tallied(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    shutil.copy(FIXTURES / "schema-10.db", path)
    store = Store.open(path)
    try:
        assert _kept_days(store) == _counted_days(store)
        assert len(_kept_days(store)) > 10
        assert _kept_weeks(store) == _counted_weeks(store)
        assert _kept_weeks(store)
    finally:
        store.close()
