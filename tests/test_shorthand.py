"""The shorthand people type in every input: #goal, @name, and a leading ! for a blocker."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from huddle.core.flow import tag_choices
from huddle.core.models import Goal, GoalStatus, HuddleError, Member, Role
from huddle.core.shorthand import Entry, parse_entry

# What a tag looks like once parsed: a whole word starting # or @ then a letter.
TAG_WORD = re.compile(r"[#@][^\W\d_][\w\-'.]*[.,;:!?'\")\]]*")


def test_a_step_with_a_goal_and_a_person() -> None:
    assert parse_entry("prepare the visit questions #wait @ann") == Entry(
        text="prepare the visit questions", goal="wait", who="ann"
    )


def test_a_leading_bang_makes_it_a_blocker() -> None:
    assert parse_entry("! the referral form asks for the NHS number twice") == Entry(
        text="the referral form asks for the NHS number twice", is_blocker=True
    )
    assert parse_entry("!no laptop for visits @sam").is_blocker


def test_a_bang_later_in_the_line_is_just_text() -> None:
    assert parse_entry("ring the carer today!") == Entry(text="ring the carer today!")


def test_numbers_emails_and_paths_are_not_tags() -> None:
    line = "book room #3, email a@b.org, see #wait/now and [/tmp] [TODO] 🙂"
    assert parse_entry(line) == Entry(text=line)


def test_a_full_stop_after_a_tag_stays_with_the_sentence() -> None:
    assert parse_entry("ring the carer @sam.").text == "ring the carer."
    assert parse_entry("@sam: ring the carer").text == "ring the carer"


def test_hyphens_in_a_goal_tag_stand_for_spaces() -> None:
    assert parse_entry("x #cut-the-wait").goal == "cut the wait"


def test_an_at_name_in_the_middle_of_a_sentence_is_kept_whole_and_names_nobody() -> None:
    line = "Visit flat 3 Elm Road with @emma before 10"
    assert parse_entry(line) == Entry(text=line, mentions=("emma",))
    assert parse_entry("ask @ann, then @sam, about it") == Entry(
        text="ask @ann, then @sam, about it", mentions=("ann", "sam")
    )


def test_an_at_name_at_the_start_or_the_end_makes_it_their_step() -> None:
    assert parse_entry("@emma visit flat 3 with Bea").who == "emma"
    assert parse_entry("visit flat 3 with Bea @emma").who == "emma"
    assert parse_entry("visit flat 3 with Bea @emma #wait.") == Entry(
        text="visit flat 3 with Bea.", goal="wait", who="emma"
    )
    assert parse_entry("ring @ann about it @sam") == Entry(
        text="ring @ann about it", who="sam", mentions=("ann",)
    )


def test_two_different_goals_are_refused_but_a_repeat_is_fine() -> None:
    with pytest.raises(HuddleError, match="one goal per step"):
        parse_entry("x #wait #strengths")
    assert parse_entry("x #wait and #Wait").goal == "wait"
    with pytest.raises(HuddleError, match="one person per step"):
        parse_entry("x @ann @sam")


# Plain words: no tag sign (# goal, @ name, + where the idea came from) in them.
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="#@+"), min_size=1
).filter(lambda w: w.split() == [w])
letters = st.characters(whitelist_categories=("Lu", "Ll"))
# A tag as people write them: "#wait", "@o'neil", "#cut-the-wait" (ending in a letter).
tags = st.builds(
    lambda sign, head, middle, tail: sign + head + middle + tail,
    st.sampled_from("#@"),
    letters,
    st.text(alphabet="abcdefghij-_'", max_size=6),
    letters,
)


@given(st.text())
@example("#")
@example("!")
@example("@a @a. #b-")
@example("!#x#y @")
def test_odd_text_never_breaks_the_parser(line: str) -> None:
    try:
        entry = parse_entry(line)
    except HuddleError:
        return
    # No word typed is lost: only #goals anywhere and @names at either end are taken out.
    words = entry.text.split()
    assert not any(TAG_WORD.fullmatch(word) and word[0] == "#" for word in words)
    if words:
        assert not TAG_WORD.fullmatch(words[0]) and not TAG_WORD.fullmatch(words[-1])
    assert entry.text == entry.text.strip()


@given(st.lists(words, min_size=1, max_size=8), st.data())
def test_the_text_is_kept_as_typed_around_the_tags(plain: list[str], data: st.DataObject) -> None:
    plain = [w for w in plain if not w.startswith("!")] or ["step"]
    goal = data.draw(tags.map(lambda t: "#" + t[1:]))
    who = data.draw(tags.map(lambda t: "@" + t[1:]))
    at_goal = data.draw(st.integers(0, len(plain)))
    at_start = data.draw(st.booleans())
    typed = list(plain)
    typed.insert(at_goal, goal)
    typed.insert(0 if at_start else len(typed), who)
    entry = parse_entry("  ".join(typed))
    assert entry.text == " ".join(plain)
    assert entry.goal == goal[1:].replace("-", " ").replace("_", " ")
    assert entry.who == who[1:].replace("-", " ").replace("_", " ")
    assert not entry.is_blocker


@given(st.lists(words, min_size=2, max_size=8), st.data())
def test_an_at_name_inside_the_text_is_never_taken_out(
    plain: list[str], data: st.DataObject
) -> None:
    plain = [w for w in plain if not w.startswith("!")]
    if len(plain) < 2:
        return
    who = data.draw(tags.map(lambda t: "@" + t[1:]))
    at = data.draw(st.integers(1, len(plain) - 1))
    typed = [*plain[:at], who, *plain[at:]]
    entry = parse_entry(" ".join(typed))
    assert entry.text == " ".join(typed)
    assert entry.who is None


GOALS = [
    Goal("g1", "Cut the wait for a care assessment", "", "", None, GoalStatus.ACTIVE),
    Goal("g2", "More strengths-based assessments", "", "", None, GoalStatus.ACTIVE),
]
MEMBERS = [
    Member("m1", "Sam Okafor", Role.PRACTITIONER, True),
    Member("m2", "Bea Jones", Role.PRACTITIONER, True),
]


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("#wa", ["#wait"]),
        ("#Wa", ["#Wait"]),
        ("#cu", ["#cut"]),
        ("#stren", ["#strengths"]),
        ("#as", ["#assessment", "#assessments"]),
        ("@b", ["@bea"]),
        ("@Sa", ["@Sam"]),
        ("@oka", ["@okafor"]),
        ("+ca", ["+carer"]),
        ("#wait", []),
        ("#zz", []),
        ("#", []),
    ],
)
def test_tab_completes_the_tag_being_typed(typed: str, choices: list[str]) -> None:
    assert tag_choices(typed, GOALS, MEMBERS) == choices


@given(st.sampled_from("#@+"), st.text(max_size=12))
def test_a_completed_tag_goes_on_from_what_was_typed_and_names_one_thing(
    kind: str, letters: str
) -> None:
    for choice in tag_choices(kind + letters, GOALS, MEMBERS):
        assert choice.startswith(kind + letters)
        entry = parse_entry("x " + choice)
        assert (entry.goal or entry.who or entry.source) is not None


def test_a_plus_word_at_an_end_that_names_no_source_is_refused_in_one_line() -> None:
    with pytest.raises(HuddleError, match=r"where did the idea come from\? \+cerer is not one of"):
        parse_entry("ring the carer before the visit +cerer")
    assert parse_entry("ring +44 7700 900123").text == "ring +44 7700 900123"
    assert parse_entry("0 @AA +carer").source is not None
