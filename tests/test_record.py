"""Member and Step are Records (issue 12): built as a frozen dataclass would be, and used the
same way by every screen and command."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from huddle.core.models import Member, Role, Source, Step, StepStatus


def test_a_member_is_equal_hashable_shown_and_frozen_as_a_dataclass_was() -> None:
    ann = Member("m1", "Ann Smith", Role.LEAD, True)
    again = Member(id="m1", name="Ann Smith", role=Role.LEAD, active=True, aliases=())
    assert ann == again
    assert {ann, again} == {ann}
    assert ann != Member("m1", "Ann Smith", Role.LEAD, True, ("Annie",))
    assert ann != ("m1", "Ann Smith", Role.LEAD, True, ())
    assert repr(ann) == (
        "Member(id='m1', name='Ann Smith', role=<Role.LEAD: 'lead'>, active=True, aliases=())"
    )
    with pytest.raises(AttributeError):
        ann.name = "Bea Jones"  # type: ignore[misc]


def test_a_step_takes_its_fields_by_position_or_name_with_defaults() -> None:
    made = datetime(2026, 11, 25, 9)
    fields = dict(
        id="s1", member_id="m1", member_name="Ann Smith", goal_id=None, goal_title=None,
        text="Ring the carer", category=None, source=Source.CARER, day=date(2026, 11, 25),
        status=StepStatus.PLANNED, learning="", carried_from=None, created_at=made,
        updated_at=made,
    )  # fmt: skip
    step = Step(**fields)  # type: ignore[arg-type]
    assert step == Step(*fields.values())  # type: ignore[arg-type]
    assert (step.reviewed_on, step.idea_id, step.text) == (None, None, "Ring the carer")
    with pytest.raises(TypeError):
        Step("s1", "m1")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Step(*fields.values(), text="twice")  # type: ignore[arg-type, misc]
    with pytest.raises(TypeError):
        Step(**fields, colour="red")  # type: ignore[arg-type, call-arg]
