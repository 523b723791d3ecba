"""The digest as an email: `render_text` is the letter as plain text (headings underlined,
never `#`), `render_email` a MIME message with the plain text and an HTML part (all user
text escaped) that any mail program opens as a draft to send (`.eml`)."""

from __future__ import annotations

import html
import textwrap
from datetime import date, datetime, time
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses

from huddle.core.digest.letter import Entry, Letter, write_letter
from huddle.core.digest.models import Digest
from huddle.core.models import HuddleError
from huddle.core.text import has_controls

WIDTH = 76
"""Plain text lines are wrapped here, as mail programs expect."""


def _wrapped(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def render_text(digest: Digest, *, attendance_names: bool = False) -> str:
    """The letter to management as plain text."""
    return letter_text(write_letter(digest, attendance_names=attendance_names))


def letter_text(letter: Letter) -> str:
    out = [letter.subject, ""]
    for paragraph in letter.opening:
        out += [*_wrapped(paragraph), ""]
    for section in letter.sections:
        out += [section.title, "-" * len(section.title), ""]
        for entry in section.entries:
            out += _entry_text(entry)
        out.append("")
    # One blank line between parts, never two.
    return "\n".join(line for i, line in enumerate(out) if line or (i and out[i - 1]))


def _entry_text(entry: Entry) -> list[str]:
    if entry.kind == "sub":
        return ["", f"{entry.text}:"]
    if entry.kind == "line":
        return [*_wrapped(entry.text), ""]
    lines = _wrapped(entry.text, "- ", "  ")
    for detail in entry.details:
        lines += _wrapped(detail, "  ", "    ")
    return lines


_STYLE = (
    "body{font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.4;"
    "color:#1b1b1b;max-width:44em}h1{font-size:20px}h2{font-size:17px;margin-top:1.4em;"
    "border-bottom:1px solid #ccc}h3{font-size:15px;margin-bottom:.2em}"
    "li{margin-bottom:.5em}.detail{color:#444}"
)


def letter_html(letter: Letter) -> str:
    """The letter as a small HTML page; every string in it is escaped."""
    esc = html.escape
    out = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(letter.subject)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{esc(letter.subject)}</h1>",
        *(f"<p>{esc(paragraph)}</p>" for paragraph in letter.opening),
    ]
    for section in letter.sections:
        out.append(f"<h2>{esc(section.title)}</h2>")
        in_list = False
        for entry in section.entries:
            if entry.kind == "item" and not in_list:
                out.append("<ul>")
            if entry.kind != "item" and in_list:
                out.append("</ul>")
            in_list = entry.kind == "item"
            if entry.kind == "sub":
                out.append(f"<h3>{esc(entry.text)}</h3>")
            elif entry.kind == "line":
                out.append(f"<p>{esc(entry.text)}</p>")
            else:
                details = "".join(
                    f'<br><span class="detail">{esc(d)}</span>' for d in entry.details
                )
                out.append(f"<li><strong>{esc(entry.text)}</strong>{details}</li>")
        if in_list:
            out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render_email(digest: Digest, *, to: str | None = None, attendance_names: bool = False) -> str:
    """The letter as a MIME message (plain text and HTML), addressed `to` if given, marked
    unsent so a mail program opens it as a draft."""
    letter = write_letter(digest, attendance_names=attendance_names)
    return letter_email(letter, made_on=digest.made_on, to=to)


def letter_email(letter: Letter, *, made_on: date, to: str | None = None) -> str:
    """Any letter (the digest's, the service view's) as a MIME message: plain text and HTML."""
    message = EmailMessage(policy=policy.default)
    message["Subject"] = letter.subject
    if to:
        message["To"] = _addresses(to)
    message["Date"] = format_datetime(datetime.combine(made_on, time(12)))
    message["X-Unsent"] = "1"
    message.set_content(letter_text(letter))
    message.add_alternative(letter_html(letter), subtype="html")
    return message.as_string()


def _addresses(typed: str) -> str:
    """The addresses typed ("pat@example.org, Jo Reid <jo@example.org>"), checked: a line
    break would start another header (a Bcc the manager never sees), so it is refused."""
    if has_controls(typed.strip()):
        raise HuddleError(
            "the address has a line break or a control character in it;"
            " type it on one line (pat@example.org)"
        )
    found = getaddresses([" ".join(typed.split())])
    if not found or any("@" not in address or " " in address for _, address in found):
        raise HuddleError(f"'{typed.strip()[:60]}' is not an email address (pat@example.org)")
    return ", ".join(f"{name} <{address}>" if name else address for name, address in found)
