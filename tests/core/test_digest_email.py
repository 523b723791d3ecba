"""The digest as an email to management: a MIME message any mail program opens (plain text
and HTML), in a manager's order, with the same figures as the Markdown digest; no hex ids,
no `#` headings, an answered blocker listed once, what people wrote escaped in the HTML.
And tiers in the digest: where each blocker is, and how long against that tier's limit."""

from __future__ import annotations

import email
import re
from collections.abc import Iterator
from datetime import date
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.demo import build_demo, demo_clock, demo_ids
from huddle.core.digest import Digest, build_digest, render, render_markdown
from huddle.core.digest.letter import LESSONS_SHOWN
from huddle.core.models import HuddleError
from huddle.core.store import Store

if TYPE_CHECKING:  # the fixtures' types; not imported at run time (see conftest.py)
    from conftest import Huddle

FRIDAY = date(2026, 11, 27)
SINCE = date(2026, 11, 16)
SECTIONS = [
    "Waiting for you",
    "Answered, team to close",
    "What the team did",
    "What is coming back",
    "Attendance",
]


@pytest.fixture(scope="module")
def demo() -> Iterator[Store]:
    store = Store.memory(clock=demo_clock(FRIDAY), ids=demo_ids(FRIDAY))
    build_demo(store, FRIDAY)
    yield store
    store.close()


@pytest.fixture(scope="module")
def digest(demo: Store) -> Digest:
    return build_digest(demo, SINCE, FRIDAY)


def parsed(digest: Digest, **kwargs: Any) -> EmailMessage:
    message = email.message_from_string(render(digest, "email", **kwargs), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    page = message.get_body(("html",))
    assert text is not None and page is not None
    return text.get_content(), page.get_content()


def md_count(markdown: str, pattern: str) -> int:
    found = re.search(pattern, markdown)
    assert found, pattern
    return int(found.group(1))


def test_the_email_opens_with_a_subject_and_both_parts(digest: Digest) -> None:
    message = parsed(digest, to="Pat Reid <pat@example.org>")
    assert message["Subject"].strip() == (
        "Huddle digest: Northside Assessment Team, Mon 16 Nov 2026 to Fri 27 Nov 2026"
    )
    assert message["To"] == "Pat Reid <pat@example.org>"
    assert message["X-Unsent"] == "1"  # a mail program opens it as a draft to send
    assert message.get_content_type() == "multipart/alternative"
    assert not message.defects
    text, page = parts(message)
    assert text.startswith(message["Subject"].strip())
    assert "<h1>Huddle digest: Northside Assessment Team" in page


def test_the_sections_come_in_a_managers_order(digest: Digest) -> None:
    text, page = parts(parsed(digest))
    places = [text.index(f"\n{title}\n{'-' * len(title)}\n") for title in SECTIONS]
    assert places == sorted(places)
    places = [page.index(f"<h2>{title.replace(',', ',')}</h2>") for title in SECTIONS]
    assert places == sorted(places)


def test_the_email_shows_the_same_figures_as_the_markdown_digest(digest: Digest) -> None:
    markdown = render_markdown(digest)
    text, page = parts(parsed(digest))
    plain_page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    still_open = md_count(markdown, r"- (\d+) blockers? sent up and still open")
    resolved = md_count(markdown, r"- (\d+) blockers? resolved")
    done = md_count(markdown, r"- (\d+) small steps? done")
    partly = md_count(markdown, r"small steps? done, (\d+) partly done")
    huddles = md_count(markdown, r"- (\d+) huddles? held")
    average = re.search(r"held, ([\d.]+) people at each", markdown)
    assert average
    waiting = sum(e.waiting_huddle_days is not None for e in digest.open_escalations)
    assert 0 < waiting < still_open
    for said in (text, plain_page):
        flat = " ".join(said.split())
        assert (
            f"In short: {waiting} blockers waiting for you ({digest.overdue} overdue);"
            f" {still_open - waiting} answered, for the team to close;"
            f" {done} small steps done, {partly} partly done; {resolved} blocker resolved."
        ) in flat
        assert f"{done} small steps done and {partly} partly done at {huddles} huddles" in flat
        assert f"{huddles} huddles held, {average.group(1)} people at each on average" in flat
    # Every blocker the Markdown lists as sent up, in the email by its words.
    for e in digest.open_escalations:
        assert " ".join(e.text.split()) in " ".join(text.split())
    for c in digest.comes_back:
        assert f"- {c.describe()}" in text


def test_waiting_blockers_oldest_first_with_who_has_them_and_for_how_long(
    digest: Digest,
) -> None:
    text, _ = parts(parsed(digest))
    waiting = text.split("Waiting for you\n")[1].split("Answered, team to close\n")[0]
    assert "With David Marsh, waiting" in waiting
    assert "OVERDUE, more than twice the team's limit of 2" in " ".join(waiting.split())
    days = [int(n) for n in re.findall(r"waiting (\d+) huddle days?", waiting)]
    assert days == sorted(days, reverse=True)


def test_no_ids_no_hash_headings_and_an_answered_blocker_once(digest: Digest) -> None:
    text, page = parts(parsed(digest))
    for said in (text, page):
        ids = {e.id for e in digest.open_escalations} | {a.blocker_id for a in digest.answers}
        assert not any(i in said for i in ids)
    assert not [line for line in text.splitlines() if line.lstrip().startswith("#")]
    answered = [e for e in digest.open_escalations if e.status == "answered"]
    assert answered
    for e in answered:
        assert text.count(e.text.split()[0] + " " + e.text.split()[1]) == 1, e.text
        assert page.count(e.answer[:30]) == 1


def test_attendance_is_the_teams_total_unless_names_are_asked_for(
    demo: Store, digest: Digest
) -> None:
    names = [m.name for m in demo.members.all(active_only=False)]
    text, _ = parts(parsed(digest))
    attendance = text.split("Attendance\n")[1]
    assert not any(name in attendance for name in names)
    text, _ = parts(parsed(digest, attendance_names=True))
    attendance = text.split("Attendance\n")[1]
    assert "- Sarah Whitfield: " in attendance
    nameless = build_digest(demo, SINCE, FRIDAY, names=False)
    text, page = parts(parsed(nameless, attendance_names=True))
    words = {part for name in names for part in name.split()}
    assert not [w for w in words if re.search(rf"\b{w}\b", text + page)]


def test_the_latest_lessons_are_listed(digest: Digest) -> None:
    text, _ = parts(parsed(digest))
    learned = [s for s in digest.steps_done if s.learning]
    assert len(learned) > LESSONS_SHOWN
    assert text.count("Learned: ") == LESSONS_SHOWN
    assert f"And {len(learned) - LESSONS_SHOWN} lessons more, earlier" in text


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)


def test_what_people_wrote_is_text_in_the_html(team: Store) -> None:
    anne = team.members.find("anne")
    attack = "<img src=x onerror=alert(1)> & <script>alert(2)</script> #1 [b]x[/b]"
    blocker = team.blockers.raise_blocker(anne, f"Form {attack}")
    team.blockers.escalate(blocker, f"Why {attack}", who="Ann Smith", to=f"Jane {attack}")
    team.team.update(name="Team <b>North</b>")
    text, page = parts(parsed(build_digest(team, team.today(), team.today())))
    tags = Tags()
    tags.feed(page)
    assert tags.tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3"} | {
        "p",
        "ul",
        "li",
        "strong",
        "br",
        "span",
    }
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;" in page
    assert f"Form {attack}" in text  # the plain text as typed


def test_the_email_goes_to_a_file_and_to_needs_an_address(team: Store, tmp_path: Path) -> None:
    from huddle.core.digest import default_file_name, format_for, write_digest

    made = build_digest(team, team.today(), team.today())
    assert format_for("week.eml", None) == "email"
    assert format_for("week.txt", None) == "text"
    assert default_file_name(made, "email").endswith(".eml")
    with pytest.raises(HuddleError, match="'nobody' is not an email address"):
        render(made, "email", to="nobody")
    out = tmp_path / "week.eml"
    write_digest(team, made, "email", str(out), to="pat@example.org")
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["To"] == "pat@example.org"
    assert out.stat().st_mode & 0o777 == 0o600


def test_the_digest_says_which_tier_has_each_blocker_and_against_its_limit(
    team: Store, clock: FixedClock
) -> None:
    team.team.set_tiers([("Team manager", 2), ("Service manager", 3)])
    anne = team.members.find("anne")
    late = team.blockers.raise_blocker(anne, "No laptop for visits")
    late = team.blockers.escalate(late, "Only IT orders laptops", who="Ann Smith")
    late = team.blockers.escalate(late, "IT need a budget", who="Ann Smith", to="Jo Reid")
    clock.advance(days=7)  # Wednesday to Wednesday: 5 huddle days at the service manager
    made = build_digest(team, team.today(), team.today())
    markdown = render_markdown(made)
    assert "to Service manager (Jo Reid): IT need a budget" in markdown
    assert "OVERDUE, more than twice Service manager's limit of 3" not in markdown
    assert "waiting 5 huddle days: overdue, past Service manager's limit of 3" in markdown
    text, _ = parts(parsed(made))
    assert "With Service manager (Jo Reid), waiting 5 huddle days: overdue, past" in text
    nameless = render_markdown(build_digest(team, team.today(), team.today(), names=False))
    assert "to Service manager: IT need a budget" in nameless


def test_huddle_digest_writes_the_email_and_prints_its_text(
    huddle_with_team: Huddle, tmp_path: Path
) -> None:
    huddle = huddle_with_team
    out = tmp_path / "week.eml"
    said = huddle.ok("digest", "--format", "email", "--to", "pat@example.org", "--out", str(out))
    assert said.startswith("Digest for ") and said.endswith(f"written to {out}\n")
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["To"] == "pat@example.org"
    text = huddle.ok("digest", "--format", "text")
    assert text.startswith("Huddle digest: North assessment team, ")
    assert "Waiting for you\n---------------\n" in text
    result = huddle("digest", "--format", "md", "--to", "pat@example.org")
    assert result.exit_code == 2 and "--to is for --format email" in result.output
    result = huddle("digest", "--format", "email", "--to", "pat")
    assert result.exit_code == 1
    assert result.output == "Error: 'pat' is not an email address (pat@example.org)\n"


@pytest.mark.parametrize(
    "typed",
    [
        "pat@example.org\nBcc: eve@example.org",
        "pat@example.org\r\nX-Extra: 1",
        "pat@exa\x07mple.org",
    ],
)
def test_an_address_with_a_line_break_or_control_character_is_refused_in_one_line(
    huddle_with_team: Huddle, tmp_path: Path, typed: str
) -> None:
    out = tmp_path / "week.eml"
    result = huddle_with_team("digest", "--format", "email", "--to", typed, "--out", str(out))
    assert result.exit_code == 1
    assert result.output == (
        "Error: the address has a line break or a control character in it;"
        " type it on one line (pat@example.org)\n"
    )
    assert not out.exists()
    said = huddle_with_team("digest", "--format", "email", "--to", "pat@example.org\n")
    assert said.exit_code == 0 and "To: pat@example.org\n" in said.output
