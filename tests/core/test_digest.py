"""The digest for management, for the demo team on a fixed day: compared line by line with
the files stored under tests/core/expected/ (set HUDDLE_REGENERATE=1 to write them again,
then read the difference before committing it)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from huddle.core.demo import build_demo, demo_clock, demo_ids
from huddle.core.digest import (
    CSV_COLUMNS,
    JSON_VERSION,
    Digest,
    build_digest,
    default_period,
    read_period,
    render,
    render_csv,
    render_json,
    render_markdown,
)
from huddle.core.models import HuddleError
from huddle.core.store import Store

EXPECTED = Path(__file__).parent / "expected"
FRIDAY = date(2026, 11, 27)
SINCE = date(2026, 11, 16)


@pytest.fixture(scope="module")
def demo() -> Iterator[Store]:
    """The demo team on the morning of Friday 27 November 2026."""
    store = Store.memory(clock=demo_clock(FRIDAY), ids=demo_ids(FRIDAY))
    build_demo(store, FRIDAY)
    yield store
    store.close()


@pytest.fixture(scope="module")
def digest(demo: Store) -> Digest:
    return build_digest(demo, SINCE, FRIDAY)


@pytest.fixture(scope="module")
def nameless(demo: Store) -> Digest:
    return build_digest(demo, SINCE, FRIDAY, names=False)


def same_as_stored(text: str, name: str) -> None:
    path = EXPECTED / name
    if os.environ.get("HUDDLE_REGENERATE"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as stored:
        assert text == stored.read()


@pytest.mark.parametrize("format", ["md", "csv", "json"])
def test_the_demo_teams_digest_is_as_stored(digest: Digest, format: str) -> None:
    same_as_stored(render(digest, format), f"demo-digest.{format}")


@pytest.mark.parametrize("format", ["md", "csv", "json"])
def test_the_demo_teams_digest_without_names_is_as_stored(nameless: Digest, format: str) -> None:
    same_as_stored(render(nameless, format), f"demo-digest-no-names.{format}")


@pytest.mark.parametrize("format", ["md", "csv", "json"])
def test_no_names_leaves_no_member_name_anywhere(
    demo: Store, digest: Digest, nameless: Digest, format: str
) -> None:
    names = {m.name for m in demo.members.all(active_only=False)}
    words = names | {part for name in names for part in name.split()}
    named = render(digest, format)
    anonymous = render(nameless, format)
    found = {w for w in words if re.search(rf"\b{re.escape(w)}\b", named, re.IGNORECASE)}
    assert len(found) > 10, "the digest with names does name people"
    left = {w for w in words if re.search(rf"\b{re.escape(w)}\b", anonymous, re.IGNORECASE)}
    assert left == set()
    if format == "md":
        assert "to [name]: " in anonymous  # the manager named in "sent up to David Marsh"


def test_the_digest_says_what_management_needs_to_know(digest: Digest) -> None:
    text = render_markdown(digest)
    assert text.startswith("# Huddle digest: Northside Assessment Team\n")
    assert "Mon 16 Nov 2026 to Fri 27 Nov 2026" in text
    # Still waiting for an answer, with its age, its reason and how overdue it is.
    assert "Case notes typed on the phone app cut off at 500 characters" in text
    assert "OVERDUE" in text
    assert "The app is supplied by the system vendor; only IT can ask" in text
    # The answer given after the last huddle, and what the team did.
    assert "From Monday the store takes same-day orders until 2pm" in text
    assert "New permits collected from the housing office" in text
    assert "## Small steps done, and what was learned" in text
    assert "Learned: " in text
    assert "## Steps per goal" in text
    assert "- Sarah Whitfield: " in text
    assert "forms: raised 3 times since 30 October" in text


def test_the_csv_opens_as_one_table_with_a_section_to_filter_on(digest: Digest) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(digest))))
    assert tuple(rows[0]) == CSV_COLUMNS
    sections = {r["section"] for r in rows}
    assert sections == {
        "period",
        "sent up, still open",
        "answer",
        "resolved",
        "comes back again",
        "step done",
        "steps per goal",
        "huddle",
        "attendance",
        "ideas from people and carers",
        "minutes a week saved",
        "visits avoided",
        "forms avoided",
    }
    overdue = next(r for r in rows if r["flag"] == "red")
    assert overdue["waiting_huddle_days"].isdigit()
    assert all(r["date"] == "" or date.fromisoformat(r["date"]) for r in rows)


def test_the_json_has_the_documented_shape(digest: Digest) -> None:
    data = json.loads(render_json(digest))
    assert data["huddle_digest"] == JSON_VERSION
    assert list(data) == [
        "huddle_digest",
        "team",
        "since",
        "until",
        "made_on",
        "names_left_out",
        "answer_limit_huddle_days",
        "summary",
        "open_escalations",
        "answers",
        "resolved",
        "comes_back_again",
        "steps_done",
        "steps_per_goal",
        "huddles",
        "attendance",
        "impact",
    ]
    documented = (Path(__file__).parents[2] / "docs" / "digest.md").read_text()
    for key in (
        data["open_escalations"][0] | data["steps_done"][0] | data["summary"] | data["impact"]
    ):
        assert f"`{key}`" in documented, f"{key} is not in docs/digest.md"


def test_text_that_looks_like_a_formula_stays_text_in_the_spreadsheet(team: Store) -> None:
    anne = team.members.find("anne")
    formula = team.blockers.raise_blocker(anne, '=HYPERLINK("http://x.example")')
    team.blockers.escalate(formula, "-1 for this form", who="Ann Smith")
    today = team.today()
    rows = list(csv.DictReader(io.StringIO(render_csv(build_digest(team, today, today)))))
    [sent_up] = [r for r in rows if r["section"] == "sent up, still open"]
    assert sent_up["text"] == '\'=HYPERLINK("http://x.example")'
    assert sent_up["note"] == "'-1 for this form"


def test_a_quiet_period_still_reads_as_a_digest(team: Store) -> None:
    text = render_markdown(build_digest(team, date(2026, 11, 2), date(2026, 11, 6)))
    assert "Nothing is waiting on management." in text
    assert "No huddles held in this period." in text
    assert "No steps done in this period.\n\n## Steps per goal" in text  # a heading apart


def test_the_first_digest_covers_the_last_seven_days_then_each_starts_where_the_last_ended(
    team: Store,
) -> None:
    today = team.today()
    assert default_period(team) == (today - timedelta(days=6), today)
    team.digests.record(today - timedelta(days=6), today, format="md", names_left_out=False)
    # Written again the same day (say as CSV): the same days again.
    assert default_period(team) == (today - timedelta(days=6), today)


def test_the_next_digest_starts_after_the_days_already_covered(team: Store) -> None:
    today = team.today()
    team.digests.record(
        today - timedelta(days=9), today - timedelta(days=3), format="md", names_left_out=False
    )
    assert default_period(team) == (today - timedelta(days=2), today)
    # A look back at an old month afterwards does not send the next digest back to it.
    team.digests.record(
        today - timedelta(days=40), today - timedelta(days=20), format="md", names_left_out=True
    )
    assert default_period(team) == (today - timedelta(days=2), today)
    # Nor does one that ran ahead of its day (--until fri on a Wednesday) skip days.
    team.digests.record(
        today - timedelta(days=2), today + timedelta(days=2), format="md", names_left_out=False
    )
    assert default_period(team) == (today - timedelta(days=2), today)


def test_dates_are_read_as_people_type_them(team: Store) -> None:
    # Today is Wednesday 25 November 2026.
    assert read_period(team, "last monday", None) == (date(2026, 11, 23), date(2026, 11, 25))
    assert read_period(team, "1/11", "2026-11-20") == (date(2026, 11, 1), date(2026, 11, 20))
    assert read_period(team, None, "fri") == (date(2026, 11, 21), date(2026, 11, 27))
    with pytest.raises(HuddleError, match=r"starts .* after it ends"):
        read_period(team, "tomorrow", "yesterday")
    with pytest.raises(HuddleError, match="can't read 'someday'"):
        read_period(team, "someday", None)


def test_html_and_links_in_what_people_wrote_show_as_text_when_the_digest_is_rendered(
    team: Store,
) -> None:
    from markdown_it import MarkdownIt

    from huddle.core.models import StepStatus

    anne = team.members.find("anne")
    today = team.today()
    attack = "<img src=x onerror=alert(1)> and [click](http://evil.example) ![i](http://x/i.png)"
    step = team.steps.add(anne, f"Ring the carer {attack}", today)
    team.steps.review(
        step, StepStatus.DONE, learning="<script>alert(2)</script> *not bold* \\<img src=y>"
    )
    blocker = team.blockers.raise_blocker(anne, f"Form {attack}")
    team.blockers.escalate(
        blocker,
        "<a href='http://evil.example'>why</a>",
        who="Ann Smith",
        to="[Jane](http://evil.example) <http://evil.example>",
    )
    markdown = render_markdown(build_digest(team, today, today))
    html = MarkdownIt().render(markdown)  # CommonMark: raw HTML and links on
    assert "<img" not in html and "<a " not in html and "<script" not in html
    assert "<em>" not in html
    # ... and what they wrote is all still there, as text.
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[click](http://evil.example)" in html
    assert "*not bold*" in html


def test_no_names_leaves_out_what_people_are_called_in_every_form(team: Store) -> None:
    """Nicknames, possessives, names without their accents, names joined to others, and
    people outside the team named where a blocker was sent: none is left in any format."""
    from huddle.core.models import StepStatus

    today = team.today()
    zoe = team.members.add("Zoë Adams")
    gareth = team.members.set_aliases(team.members.add("Gareth Price"), ["Gaz"])
    emma = team.members.set_aliases(team.members.add("Emma Stone"), ["Em", "Emmy"])
    said = [
        (zoe, "Cover Sarah's visits with Gaz; Zoe to ring the OT"),
        (gareth, "Sarah/Bea and Em-Gaz pair on the annual reviews"),
        (emma, "SarahW and ZoeA: swap notes with sarah_w and EmmaStone"),
        (zoe, "Ask Zoës manager and Gazs team, then Ann & Sam"),
    ]
    sarahs = team.goals.add("Clear Sarah's waiting list")
    for member, text in said:
        step = team.steps.add(member, text, today, goal=sarahs, category="Gaz's forms")
        team.steps.review(step, StepStatus.DONE, learning=f"Learned from {member.name}: {text}")
    team.members.add("Sarah Khan")
    team.members.add("Bea Green")
    blocker = team.blockers.raise_blocker(emma, "Gaz can't open the OT form")
    team.blockers.escalate(blocker, "Only Jane can change it", who="Em", to="Jane Roe, Director")
    team.blockers.answer(blocker, "Jane Roe will ask Dr Patel", who="Jane Roe")
    digest = build_digest(team, today, today, names=False)
    names = re.compile(
        r"sarah|zo[eë]|gaz|\bem|emma|gareth|jane|roe\b|bea\b|\bann\b|\bsam\b|patel|"
        r"khan|green|stone|adams|price|smith|jones",
        re.IGNORECASE,
    )
    for format in ("md", "csv", "json"):
        text = render(digest, format)
        assert names.findall(text) == [], format
        # What is not a name stays: the work, and words that only start like a name.
        for kept in ("annual reviews", "OT form", "swap notes", "will ask Dr", "manager"):
            assert kept in text, (format, kept)
        assert "Cover [name]'s visits with [name]; [name] to ring the OT" in text
        assert "Clear [name]'s waiting list" in text


def test_the_markdown_names_blockers_by_their_words_and_says_sent_up_today(team: Store) -> None:
    """No hex ids for people to read (they stay in the csv `id` column and the json `id`
    key, for tools), and a blocker sent up today has not waited "0 huddle days"."""
    anne = team.members.find("anne")
    today = team.today()
    forms = team.blockers.raise_blocker(anne, "The OT form asks for the address twice")
    team.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    parking = team.blockers.raise_blocker(anne, "No parking at the clinic")
    team.blockers.escalate(parking, "Only estates can", who="Ann Smith")
    team.blockers.answer(parking, "Permits from Monday", who="Pat Reid")
    team.blockers.resolve(parking, "Permits collected", who="Ann Smith")
    digest = build_digest(team, today, today)
    text = render_markdown(digest)
    assert "- The OT form asks for the address twice\n" in text
    assert "No answer yet, sent up today." in text
    assert "waiting 0" not in text
    assert re.findall(r"\[[0-9a-f]{6}\]", text) == []
    assert "- No parking at the clinic (had been sent up)\n" in text
    rows = list(csv.DictReader(io.StringIO(render_csv(digest))))
    assert all(re.fullmatch(r"[0-9a-f]{6}", r["id"]) for r in rows if "sent up" in r["section"])
    [sent_up] = json.loads(render_json(digest))["open_escalations"]
    assert re.fullmatch(r"[0-9a-f]{6}", sent_up["id"])
