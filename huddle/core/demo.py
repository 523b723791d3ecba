"""A realistic, deterministic demo team: about 90 huddle days of an adult social care
assessment team, for trying Huddle out, screenshots and training.

Everything is written through the store's own methods, with the clock moved through the
history, so the demo data is exactly what real use would leave behind.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.easter import easter
from dateutil.relativedelta import MO, relativedelta

from huddle.core.calendar import WEEKDAYS_RULE, FixedClock, HuddleCalendar
from huddle.core.demo_board import add_day_status
from huddle.core.demo_ideas import add_ideas_and_impact
from huddle.core.demo_kaizen import add_pulse_and_cycles
from huddle.core.demo_measures import add_measures
from huddle.core.models import Blocker, Goal, HuddleError, Member, Role, Source, Step, StepStatus
from huddle.core.store import Store

HISTORY_DAYS = 90
"""Huddle days of history, today included when today is a huddle day."""

TEAM_NAME = "Northside Assessment Team"
TIMEBOX_MINUTES = 15


@dataclass(frozen=True)
class DemoSummary:
    """What the demo put in the file, for the one line the CLI prints."""

    members: int
    goals: int
    steps: int
    blockers: int
    huddle_days: int
    """Huddle days in the history, today included when it is one."""
    first_day: date


# --- The team -------------------------------------------------------------------------

# (name, role, job): the job is not stored; it is here so the people read true.
_PEOPLE: tuple[tuple[str, Role, str], ...] = (
    ("Sarah Whitfield", Role.LEAD, "team lead"),
    ("Helen Carter", Role.PRACTITIONER, "senior social worker"),
    ("Tom Bradley", Role.PRACTITIONER, "social worker"),
    ("Aisha Khan", Role.PRACTITIONER, "social worker"),
    ("Emma Walsh", Role.PRACTITIONER, "social worker, newly qualified"),
    ("Gareth Evans", Role.PRACTITIONER, "occupational therapist"),
    ("Lucy Fletcher", Role.PRACTITIONER, "occupational therapist"),
    ("Mark Hughes", Role.PRACTITIONER, "support worker, works Monday to Thursday"),
    ("David Marsh", Role.MANAGER, "service manager"),
)
_PART_TIMER = "Mark Hughes"
"""Off shift on Fridays: a regular attendance gap, as in most teams."""
_FACILITATORS = ("Sarah Whitfield", "Helen Carter", "Tom Bradley")
"""Who runs the huddle, in order: the lead, or her deputy when she is away."""

# (key, title, why, how we know, months to the target date)
_GOALS: tuple[tuple[str, str, str, str, int], ...] = (
    (
        "wait",
        "Cut the wait for a care assessment",
        "People wait nine weeks on average for a first visit; needs grow while they wait"
        " and carers reach breaking point.",
        "Average weeks from referral to first visit, from the weekly waiting-list report:"
        " from 9 to 4.",
        6,
    ),
    (
        "strengths",
        "More strengths-based assessments",
        "Assessments start from what is wrong; people tell us they want to be asked what"
        " matters to them and what already works.",
        "Monthly audit of 10 assessments: how many record, in the person's own words, what a"
        " good day looks like; from 3 in 10 to 8 in 10.",
        4,
    ),
    (
        "notes",
        "Write visit notes within a day",
        "Notes written days later lose detail, and decisions and funding panels wait for them.",
        "Share of visits with notes on the system by the end of the next working day, from the"
        " case-recording report: from 55% to 90%.",
        3,
    ),
    (
        "forms",
        "Fewer forms, less duplication",
        "The same details are typed into four forms; that is about an hour per assessment"
        " that could be spent with people.",
        "Fields we type twice, counted each month: from 38 to under 10; minutes to complete a"
        " referral, timed once a month.",
        5,
    ),
)

# --- Small steps: (text, goal key or None, where the idea came from) ------------------

_P, _S, _C, _PT, _M, _O = (
    Source.PRACTITIONER,
    Source.PERSON_SUPPORTED,
    Source.CARER,
    Source.PARTNER,
    Source.MANAGER,
    Source.OTHER,
)
_Idea = tuple[str, str | None, Source]

_STEPS: dict[str, tuple[_Idea, ...]] = {
    "process": (
        ("Ring the carer before the visit to agree a time", "wait", _C),
        ("Prepare the visit questions the day before", "wait", _P),
        ("Book the interpreter at the same time as the visit", "wait", _P),
        ("Check the waiting list for anyone who has waited over six weeks", "wait", _P),
        ("Offer a phone check-in to the three longest waiters", "wait", _P),
        ("Triage new referrals before 10am so urgent ones go out today", "wait", _P),
        ("Send the visit letter in large print for people with sight loss", None, _S),
        ("Agree one named contact at the GP surgery for referrals", "wait", _PT),
        ("Ask the hospital discharge team to send notes with the referral", "wait", _P),
        ("Group visits in the same area into the same afternoon", "wait", _P),
        ("Do a joint visit with the OT instead of two separate ones", "wait", _P),
        ("Call people on the waiting list to check nothing has changed", "wait", _M),
        ("Offer an afternoon visit to people who are slow to get going", "strengths", _S),
        ("Confirm the visit by text the day before to cut wasted trips", "wait", _C),
        ("Close cases that only need signposting on the first call", "wait", _P),
        ("Agree a same-week slot for carers at breaking point", "wait", _C),
        ("Ask the person who they want with them at the visit", "strengths", _S),
        ("Start the day with the duty list, not the inbox", None, _P),
        ("Hand over urgent cases at the huddle instead of by email", "wait", _P),
        ("Check equipment can be delivered before agreeing a discharge date", "wait", _O),
        ("Book the review at the end of the assessment visit", "wait", _P),
        ("Leave a card with a named worker, not the duty number", None, _S),
        ("Use the trusted assessor route for simple rails and seats", "wait", _P),
        ("Ring the district nurse before visiting shared cases", None, _PT),
        ("Plan the route so two visits fit in the morning", "wait", _P),
        ("Ask the referrer what outcome they hope for before booking", "strengths", _P),
        ("Send the care plan to the person within two days of agreeing it", None, _S),
        ("Tell people on the phone how long the wait really is", "wait", _S),
    ),
    "forms": (
        ("Drop the duplicate field on the referral form", "forms", _P),
        ("Mark every field we type twice on the assessment form", "forms", _P),
        ("Ask finance which fields on the support plan they actually use", "forms", _P),
        ("Pre-fill the carer's assessment from the referral", "forms", _C),
        ("Use the short review form for stable care packages", "forms", _P),
        ("Write the reason for referral once and copy it across", "forms", _P),
        ("List the questions people say they have already answered", "forms", _S),
        ("Time how long the referral form takes, start to finish", "forms", _P),
        ("Try the one-page profile instead of the long history section", "strengths", _S),
        ("Leave the optional sections blank unless they add something", "forms", _P),
        ("Check the safeguarding form against the new guidance", None, _P),
        ("Send the forms group a marked-up copy of the review form", "forms", _P),
        ("Cut the financial assessment questions to the ones finance needs", "forms", _P),
        ("Put the person's own words in the first box of the assessment", "strengths", _P),
        ("Record consent once on the front sheet, not on each form", "forms", _P),
        ("Merge the two equipment request forms into one for OT orders", "forms", _P),
        ("Go through the form summary with the person at the visit", "strengths", _S),
        ("Stop printing the assessment for the paper file", "forms", _M),
        ("Use the letter template that carries over the address details", "forms", _P),
        ("Note which form questions carers find upsetting", "strengths", _C),
        ("Fill in the form with the person, not after the visit", "notes", _P),
        ("Ask the admin team which forms they still type in again", "forms", _O),
        ("Draft a plain-English cover note for the financial assessment form", None, _C),
        ("Count the pages in the full assessment pack", "forms", _P),
        ("Test the shorter contact section with two carers", "forms", _C),
        ("Remove the GP details box where the system already holds them", "forms", _P),
    ),
    "computer systems": (
        ("Save a visit note template on the laptop for visits with no signal", "notes", _P),
        ("Dictate visit notes on the phone and tidy them at the desk", "notes", _P),
        ("Set up the shared waiting-list view for the whole team", "wait", _P),
        ("Learn the shortcut that copies a case note forward", "notes", _P),
        ("Sync the laptop before leaving the office", "notes", _P),
        ("Log each laptop time-out with the time and place for IT", None, _P),
        ("Use the case-recording report to find notes older than a day", "notes", _P),
        ("Add a calendar reminder to write up each visit", "notes", _P),
        ("Turn on offline mode on the tablet before rural visits", "notes", _P),
        ("Check the health record access request went through", None, _P),
        ("Search the system before ringing the GP for basics", "wait", _P),
        ("Save the common letters as quick templates", "forms", _P),
        ("Show a colleague how to attach equipment photos to the case", "notes", _P),
        ("Ask IT whether the form can pull the NHS number through", "forms", _O),
        ("Use the text service to confirm visit times", "wait", _C),
        ("Tidy the shared drive so the visit checklist is easy to find", None, _P),
        ("Record the visit on the tablet while still in the car park", "notes", _P),
        ("Sort my case list by longest wait", "wait", _P),
        ("Try speech-to-text for the visit summary", "notes", _P),
        ("Put the duty rota into the shared calendar", None, _P),
        ("Send IT a screenshot of the error on the assessment screen", None, _P),
        ("Flag cases with no note after 24 hours on the team board", "notes", _M),
        ("Use a video call for the follow-up instead of a second visit", "wait", _S),
        ("Check the equipment order tracker before ringing the store", "wait", _P),
    ),
    "oversight": (
        ("Ask which sign-offs on equipment orders can be dropped", "forms", _P),
        ("Get simple orders signed off by the team lead the same day", "wait", _P),
        ("List every approval a care package needs and who gives it", "wait", _P),
        ("Bring the two oldest waits to the manager's catch-up", "wait", _M),
        ("Take the funding panel paper to the panel in person", "wait", _P),
        ("Agree with the manager which cases can skip the panel", "wait", _M),
        ("Count how many days packages wait for approval", "wait", _P),
        ("Ask finance to accept the summary instead of the full assessment", "forms", _P),
        ("Check which quality audit questions repeat supervision", "forms", _P),
        ("Agree a standing approval for short-term care after discharge", "wait", _O),
        ("Go over one strengths-based assessment in supervision", "strengths", _P),
        ("Ask the manager to answer escalations before the next huddle", None, _M),
        ("Write the case summary for panel in five lines", "notes", _P),
        ("Put who signs off what on one page for new starters", None, _P),
        ("Peer-review one colleague's assessment against the audit tool", "strengths", _P),
        ("Check the panel deadline against visit dates before booking", "wait", _P),
        ("Ask commissioning who holds the equipment delivery contract", None, _P),
        ("Record the approver's name on the case so nobody chases twice", "forms", _P),
        ("Audit three of my own assessments for the person's own words", "strengths", _M),
    ),
    "skills": (
        ("Ask the person what a good day looks like before talking about needs", "strengths", _S),
        ("Write visit notes within an hour of the visit", "notes", _P),
        ("Ask about a typical day before the needs questions", "strengths", _P),
        ("Start the visit by asking what matters most to the person", "strengths", _S),
        ("Write the analysis section before the description", "notes", _P),
        ("Ask the carer what they need to keep going", "strengths", _C),
        ("Note one strength in every section of the assessment", "strengths", _P),
        ("Use the person's own words in the summary", "strengths", _S),
        ("Read the referral history before the visit, not in the car", "wait", _P),
        ("Shadow the OT on a moving and handling visit", None, _P),
        ("Practise the open questions from the strengths-based training", "strengths", _P),
        ("Write notes in the car straight after the visit", "notes", _P),
        (
            "Ask who already helps (family, neighbours, clubs) before listing services",
            "strengths",
            _P,
        ),
        ("Check my notes say what was decided and who does what next", "notes", _P),
        ("Try the conversation guide on a first visit", "strengths", _P),
        ("Write one clear line on risk instead of a paragraph", "notes", _P),
        ("Ask the person how they would like us to contact them", "strengths", _S),
        ("Explain the assessment in plain words at the start of the visit", "strengths", _S),
        ("Prepare a short visit plan with three questions to ask", "wait", _P),
        ("Sum up the visit back to the person before leaving", "strengths", _S),
        ("Write up the morning's visits before lunch", "notes", _P),
        ("Ask what the person has tried already before suggesting equipment", "strengths", _P),
        ("Share one thing I learned this week with our newest colleague", None, _P),
        ("Book half an hour after each visit for the write-up", "notes", _P),
        ("Sit in on a colleague's carer's assessment", "strengths", _C),
        ("Read the mental capacity guidance again before the afternoon visit", None, _P),
        ("Ask the carer about a hard week, not just a usual one", "strengths", _C),
        ("Write the outcome first, then the detail", "notes", _P),
    ),
}
# How often each kind of step comes up: skills and process most, like real teams.
_CATEGORY_WEIGHTS = {
    "process": 25,
    "skills": 28,
    "forms": 17,
    "computer systems": 16,
    "oversight": 14,
}

# --- What was learned -----------------------------------------------------------------

# The Study of Plan-Do-Study-Act for particular steps, when they were done.
_LEARNED_FROM: dict[str, str] = {
    # process
    "Ring the carer before the visit to agree a time": (
        "Ringing the carer first meant nobody was out when we arrived"
    ),
    "Check the waiting list for anyone who has waited over six weeks": (
        "Two people on the list had already been sorted by their GP: closed both"
    ),
    "Do a joint visit with the OT instead of two separate ones": (
        "The joint visit saved a trip and the person told their story once"
    ),
    "Triage new referrals before 10am so urgent ones go out today": (
        "Urgent referrals went out the same day; worth doing every morning"
    ),
    "Ask the hospital discharge team to send notes with the referral": (
        "The hospital team said yes straight away: they didn't know we wanted notes"
    ),
    "Confirm the visit by text the day before to cut wasted trips": (
        "Texting the day before: no wasted trips this week"
    ),
    "Offer a phone check-in to the three longest waiters": (
        "One of the three needed an urgent visit: moved her up the list"
    ),
    "Group visits in the same area into the same afternoon": (
        "Three visits in one afternoon instead of over two days"
    ),
    "Prepare the visit questions the day before": (
        "Preparing the day before made the visit twenty minutes shorter"
    ),
    "Tell people on the phone how long the wait really is": (
        "People were calmer knowing the real wait; fewer chasing calls"
    ),
    "Ask the person who they want with them at the visit": (
        "She wanted her neighbour there, not her son: glad we asked"
    ),
    "Book the review at the end of the assessment visit": (
        "Booking it there and then saved three phone calls"
    ),
    "Close cases that only need signposting on the first call": (
        "Closed four on the first call; they got what they needed the same day"
    ),
    # forms
    "Drop the duplicate field on the referral form": (
        "The duplicate field is still needed by finance: asked them"
    ),
    "Mark every field we type twice on the assessment form": (
        "Found 11 fields we type twice on the assessment form"
    ),
    "Time how long the referral form takes, start to finish": (
        "The referral form took 42 minutes; most of it was copying addresses"
    ),
    "Ask finance which fields on the support plan they actually use": (
        "Finance only use 6 of the 19 fields on the support plan"
    ),
    "Try the one-page profile instead of the long history section": (
        "The one-page profile was quicker, and the person liked reading it"
    ),
    "Test the shorter contact section with two carers": (
        "Both carers said the short version asked all they needed"
    ),
    "List the questions people say they have already answered": (
        "Top of the list: GP details and medication, asked three times"
    ),
    "Pre-fill the carer's assessment from the referral": (
        "Pre-filling saved about fifteen minutes per carer's assessment"
    ),
    "Count the pages in the full assessment pack": (
        "The full pack is 34 pages; the person sees 12 of them"
    ),
    "Go through the form summary with the person at the visit": (
        "He put right two things we had got wrong"
    ),
    "Note which form questions carers find upsetting": (
        "The questions on money and on 'coping' upset carers most"
    ),
    # computer systems
    "Save a visit note template on the laptop for visits with no signal": (
        "The offline template worked and synced fine back at the office"
    ),
    "Dictate visit notes on the phone and tidy them at the desk": (
        "Dictating in the car park saved about 20 minutes"
    ),
    "Learn the shortcut that copies a case note forward": (
        "The shortcut copies the header too: check before saving"
    ),
    "Set up the shared waiting-list view for the whole team": (
        "The shared view shows three people waiting over eight weeks"
    ),
    "Log each laptop time-out with the time and place for IT": (
        "IT need the time and place to trace the drop-outs: sent them a log"
    ),
    "Try speech-to-text for the visit summary": (
        "Speech-to-text gets names wrong: fine for a draft, check before saving"
    ),
    "Use the case-recording report to find notes older than a day": (
        "Found five notes older than a day; all written up by lunch"
    ),
    "Use a video call for the follow-up instead of a second visit": (
        "The video call worked, and her daughter could join from work"
    ),
    # oversight
    "Ask which sign-offs on equipment orders can be dropped": (
        "The manager agreed the team lead can sign off orders under £250"
    ),
    "Count how many days packages wait for approval": (
        "Packages waited four days on average just for sign-off"
    ),
    "Write the case summary for panel in five lines": (
        "Panel took the five-line summary without questions"
    ),
    "Check which quality audit questions repeat supervision": (
        "Two audit questions repeat supervision word for word"
    ),
    "List every approval a care package needs and who gives it": (
        "Seven approvals for one package; two of them check the same thing"
    ),
    "Ask the manager to answer escalations before the next huddle": (
        "The manager now looks at escalations at 4pm each day"
    ),
    # skills
    "Ask about a typical day before the needs questions": (
        "Asking about a typical day first got a fuller picture"
    ),
    "Write visit notes within an hour of the visit": (
        "Notes written within the hour were half the length and clearer"
    ),
    "Start the visit by asking what matters most to the person": (
        "Starting with what matters changed what the person asked for"
    ),
    "Ask the carer what they need to keep going": (
        "The carer said nobody had asked her that before"
    ),
    "Use the person's own words in the summary": (
        "Using the person's own words made the summary easier to agree"
    ),
    "Write the analysis section before the description": (
        "Writing the analysis first made the notes quicker"
    ),
    "Ask the person what a good day looks like before talking about needs": (
        "A good day for him is the walk to the paper shop: the plan is built round it"
    ),
    "Ask who already helps (family, neighbours, clubs) before listing services": (
        "Her neighbour already does the shopping; no care visit needed for it"
    ),
    "Shadow the OT on a moving and handling visit": (
        "Learned to look at the route to the bathroom, not just the bathroom"
    ),
}
# Lines that fit any step, for the rest.
_LEARNED_DONE = (
    "Quicker than expected; worth keeping",
    "Worked; doing it again this week",
    "Took ten minutes and saved a phone call later",
    "Worth it; showed a colleague how",
    "Easy once started; will make it a habit",
)
_LEARNED_PARTLY = (
    "Managed it for one case; the rest tomorrow",
    "Did half before an urgent visit came in",
    "Started; need a colleague back from leave to finish",
    "Did it for the morning visits only",
    "Got partway: it needs more than a day",
    "Done for new cases, not yet for the old ones",
)
_LEARNED_DROPPED: dict[str, tuple[str, ...]] = {
    "process": (
        "Dropped: the person moved to the hospital team",
        "Dropped: the case closed before the visit",
    ),
    "forms": (
        "Dropped: the new referral form does this already",
        "Not worth it: the field is mandatory in the system",
    ),
    "computer systems": (
        "Dropped: IT are replacing the laptops next month",
        "Dropped: the system update changed that screen",
    ),
    "oversight": (
        "Overtaken by the manager's change to sign-off",
        "Dropped: the panel process is being reviewed anyway",
    ),
    "skills": (
        "Dropped: the family cancelled the visit",
        "Dropped for now: picking it up after the training",
    ),
}
_LEARNED_NOT_DONE_AWAY = (
    "Off sick; will pick it up if it is still needed",
    "On leave; not needed any more",
)
_LEARNED_NOT_DONE = (
    "An urgent safeguarding visit took the day",
    "Duty day: no time, and it can wait",
)
_LEARNED_CARRIED = (
    "Ran out of time: two urgent visits came in",
    "Duty day: no time for it",
    "A safeguarding meeting took the afternoon",
    "Didn't get to it; first thing today",
)


# --- Blockers: scripted, so every state and the "comes back again" pattern are there ---


@dataclass(frozen=True)
class _Move:
    ago: int
    """Huddle days before the last held huddle."""
    kind: str
    """own, escalate, answer, resolve or reopen."""
    note: str = ""
    who: str = ""
    """Who owns it (for own) or who made the move; the lead when empty."""


@dataclass(frozen=True)
class _BlockerPlan:
    ago: int
    by: str
    text: str
    category: str
    moves: tuple[_Move, ...] = ()


_BLOCKERS: tuple[_BlockerPlan, ...] = (
    _BlockerPlan(
        85,
        "Gareth Evans",
        "Laptops log out during home visits with no signal",
        "computer systems",
        (
            _Move(84, "own", who="Gareth Evans"),
            _Move(80, "escalate", "Only IT can change the time-out; we have logged 14 cases"),
            _Move(77, "answer", "IT will extend the offline time-out to 4 hours from the 1st"),
            _Move(60, "resolve", "Time-out changed; no log-outs reported for two weeks"),
        ),
    ),
    _BlockerPlan(
        78,
        "Lucy Fletcher",
        "Sign-off needs three managers for a simple equipment order",
        "oversight",
        (
            _Move(77, "escalate", "Only the service manager can change who signs off"),
            _Move(74, "answer", "Orders under £250 now need one sign-off, by the team lead"),
            _Move(70, "resolve", "New sign-off rule in use; orders go out the same day"),
        ),
    ),
    _BlockerPlan(
        65,
        "Aisha Khan",
        "Interpreters have to be booked five days ahead, so first visits slip",
        "process",
        (
            _Move(64, "escalate", "The interpreting contract is held by commissioning"),
            _Move(
                60,
                "answer",
                "Telephone interpreting can be booked the same day; face to"
                " face stays at five days while the contract is reviewed",
            ),
        ),
    ),
    _BlockerPlan(
        58,
        "Tom Bradley",
        "The shared team calendar doesn't show who is on duty",
        "computer systems",
        (
            _Move(58, "own", who="Sarah Whitfield"),
            _Move(55, "resolve", "Duty rota added to the shared calendar", who="Sarah Whitfield"),
            _Move(
                20,
                "reopen",
                "The duty rota dropped out of the calendar after the update",
                who="Tom Bradley",
            ),
        ),
    ),
    _BlockerPlan(
        50,
        "Tom Bradley",
        "No pool car on Tuesdays, so rural visits take two buses",
        "process",
        (_Move(49, "own", who="Tom Bradley"),),
    ),
    _BlockerPlan(
        44,
        "Lucy Fletcher",
        "The equipment store only delivers on Thursdays",
        "process",
        (
            _Move(43, "escalate", "The delivery contract is held by commissioning"),
            _Move(39, "answer", "Commissioning agreed a Monday delivery as a trial"),
            _Move(
                30,
                "resolve",
                "Monday deliveries running; discharges no longer wait for Thursday",
                who="Lucy Fletcher",
            ),
        ),
    ),
    _BlockerPlan(
        36,
        "Emma Walsh",
        "The strengths-based conversation guide is only on paper",
        "skills",
        (
            _Move(35, "own", who="Emma Walsh"),
            _Move(
                33,
                "resolve",
                "Saved to the shared drive and linked from the visit checklist",
                who="Emma Walsh",
            ),
        ),
    ),
    _BlockerPlan(
        30,
        "Helen Carter",
        "Two of us have no access to the health record, so we ring the GP for basics",
        "computer systems",
        (
            _Move(29, "escalate", "Access is granted by the health trust, not by us"),
            _Move(
                25,
                "answer",
                "Access requested for all practitioners; training dates to follow from the trust",
            ),
        ),
    ),
    # Three forms blockers within 30 days: the "comes back again" pattern a lead should spot.
    _BlockerPlan(
        19,
        "Helen Carter",
        "The referral form asks for the NHS number twice",
        "forms",
        (
            _Move(18, "own", who="Helen Carter"),
            _Move(
                15,
                "resolve",
                "Second field taken off our copy; finance use the first",
                who="Helen Carter",
            ),
        ),
    ),
    _BlockerPlan(
        14,
        "Aisha Khan",
        "The carer's assessment form repeats the whole contact section",
        "forms",
        (
            _Move(13, "escalate", "The form belongs to the county forms group"),
            _Move(10, "answer", "The forms group meets on the 3rd: bring a marked-up copy"),
        ),
    ),
    _BlockerPlan(
        3,
        "Mark Hughes",
        "The review form asks for the NHS number again on page 4",
        "forms",
    ),
    _BlockerPlan(
        12,
        "Gareth Evans",
        "Case notes typed on the phone app cut off at 500 characters",
        "computer systems",
        # Sent up with no answer for many huddle days: shown as overdue.
        (_Move(11, "escalate", "The app is supplied by the system vendor; only IT can ask"),),
    ),
    _BlockerPlan(
        9,
        "Emma Walsh",
        "Hospital discharge referrals arrive after 4pm with no notes",
        "process",
        (_Move(8, "own", who="Sarah Whitfield"),),
    ),
    _BlockerPlan(
        6,
        "Aisha Khan",
        "The duty phone goes to a voicemail nobody can reach from home",
        "computer systems",
    ),
    _BlockerPlan(
        4,
        "Lucy Fletcher",
        "Parking permits for the estate ran out, so visits overrun",
        "process",
        (
            _Move(4, "own", who="Lucy Fletcher"),
            _Move(
                2, "resolve", "New permits collected from the housing office", who="Lucy Fletcher"
            ),
        ),
    ),
    _BlockerPlan(
        1,
        "Tom Bradley",
        "Funding panel papers are due two days ahead, so urgent cases wait a week",
        "oversight",
        # Sent up at the last huddle: not yet answered, and not yet overdue.
        (_Move(0, "escalate", "Panel dates and deadlines are set by the head of service"),),
    ),
    _BlockerPlan(
        5,
        "Helen Carter",
        "The equipment store stops taking same-day orders at noon",
        "process",
        # Answered after the last huddle: read out at today's ("You said, we did").
        (
            _Move(4, "escalate", "The store's hours are set in the equipment contract"),
            _Move(0, "answer", "From Monday the store takes same-day orders until 2pm"),
        ),
    ),
)


# --- Deterministic clock and ids ------------------------------------------------------


def _team_zone() -> tzinfo:
    """UK time, so 09:05 reads as 09:05 in summer too; UTC if the zone data is missing."""
    try:
        return ZoneInfo("Europe/London")
    except ZoneInfoNotFoundError:
        return UTC


def demo_clock(today: date) -> FixedClock:
    """A clock fixed at the morning of `today`, for opening a store to build the demo in."""
    return FixedClock(datetime.combine(today, time(8, 0), tzinfo=_team_zone()))


def demo_ids(today: date) -> Callable[[], str]:
    """An id maker giving the same 32-hex ids in the same order for the same `today`."""
    rng = random.Random(f"huddle-demo-ids-{today.isoformat()}")  # noqa: S311 seeded for a repeatable demo team, not a secret
    return lambda: f"{rng.getrandbits(128):032x}"


def create_demo_file(path: Path, today: date) -> DemoSummary:
    """Write the demo team into the file at `path` (made if missing) and close it.

    The clock and ids are fixed, so the same `today` always gives the same file contents.
    """
    store = Store.open(path, clock=demo_clock(today), ids=demo_ids(today))
    try:
        return build_demo(store, today)
    finally:
        store.close()


# --- Building -------------------------------------------------------------------------


def build_demo(store: Store, today: date) -> DemoSummary:
    """Fill an empty store with about 90 huddle days of a team's history, ending on `today`.

    Today's huddle is not started: the last huddle day's steps wait to be reviewed and a
    few steps are already planned for today. Raises HuddleError if the store has members.
    When the store's clock is a FixedClock it is moved through the history and left at
    the morning of `today`; any other clock is put back as it was.
    """
    if not store.is_empty():
        raise HuddleError("the demo only goes into a new, empty file: this one has a team")
    original = store.db.clock
    morning = datetime.combine(today, time(9)).astimezone()
    clock = original if isinstance(original, FixedClock) else FixedClock(morning)
    store.db.clock = clock
    try:
        return _Builder(store, clock, today).build()
    finally:
        store.db.clock = original


class _Builder:
    """One demo build: the store, a clock to move, and a seeded source of chance."""

    def __init__(self, store: Store, clock: FixedClock, today: date) -> None:
        self.store = store
        self.clock = clock
        self.zone = clock.now().tzinfo
        self.today = today
        self.rng = random.Random(f"huddle-demo-{today.isoformat()}")  # noqa: S311 seeded for a repeatable demo team, not a secret
        self.members: dict[str, Member] = {}
        self.goals: dict[str, Goal] = {}
        self.decks: dict[str, list[_Idea]] = {}
        self.blockers: dict[int, Blocker] = {}

    def at(self, day: date, hour: int, minute: int, second: int = 0) -> None:
        """Set the clock, so what is written next is stamped then."""
        self.clock.at = datetime.combine(day, time(hour, minute, second), tzinfo=self.zone)

    def build(self) -> DemoSummary:
        days, holidays = _history(self.today)
        first = days[0]
        # The team was set up the morning of its first huddle.
        self.at(first, 8, 30)
        self.store.team.update(name=TEAM_NAME, timebox_minutes=TIMEBOX_MINUTES)
        for holiday, name in holidays:
            self.store.team.add_holiday(holiday, name)
        for name, role, _job in _PEOPLE:
            self.members[name] = self.store.members.add(name, role)
        for key, title, why, how_we_know, months in _GOALS:
            target = self.today + relativedelta(months=months, day=1)
            self.goals[key] = self.store.goals.add(
                title, why=why, how_we_know=how_we_know, target_date=target
            )
        calendar = self.store.calendar()
        # The history was planned on the same weekdays and holidays the store now holds.
        assert list(calendar.huddle_days(first, self.today)) == days  # noqa: S101 a self-check of the demo's own calendar
        today_is_huddle = calendar.is_huddle_day(self.today)
        past = days[:-1] if today_is_huddle else days
        # Worked out over every day, today too, so nobody away today plans a step for it.
        away = self._absences(days)
        for index in range(len(past)):
            self._huddle(index, past, away)
        if today_is_huddle:
            self._before_today(away.get(len(past), set()))
        add_pulse_and_cycles(self.store, self.clock, self.today, days)
        add_ideas_and_impact(self.store, self.clock, self.today)
        add_measures(self.store, self.clock, self.today)
        add_day_status(self.store, self.clock, self.today, days)
        self.at(self.today, 8, 55)
        return DemoSummary(
            members=len(self.members),
            goals=len(self.goals),
            steps=int(self.store.db.value("SELECT count(*) FROM steps")),
            blockers=int(self.store.db.value("SELECT count(*) FROM blockers")),
            huddle_days=len(days),
            first_day=first,
        )

    # People away: leave, sickness, off shift.

    def _absences(self, days: Sequence[date]) -> dict[int, set[str]]:
        """Who is away on each huddle day, by the day's index."""
        away: dict[int, set[str]] = {}
        last = len(days) - 1
        people = [name for name, role, _job in _PEOPLE if role is not Role.MANAGER]
        for name in people:
            # A week of annual leave each, at different times, and the odd day off.
            start = self.rng.randrange(2, max(3, last - 8))
            for index in range(start, min(start + 5, last)):
                away.setdefault(index, set()).add(name)
            for index, day in enumerate(days):
                if name == _PART_TIMER and day.weekday() == 4:
                    away.setdefault(index, set()).add(name)
                # Off sick for a day or three now and then.
                elif self.rng.random() < 0.012:
                    for sick in range(index, min(index + self.rng.randint(1, 3), last + 1)):
                        away.setdefault(sick, set()).add(name)
                # A day's leave; court, training or an urgent visit at huddle time.
                elif self.rng.random() < 0.035:
                    away.setdefault(index, set()).add(name)
        return away

    # One past huddle day, start to end.

    def _huddle(self, index: int, past: Sequence[date], away: dict[int, set[str]]) -> None:
        day = past[index]
        gone = away.get(index, set())
        facilitator = self._facilitator(gone)
        minute = self.rng.randint(0, 3)
        self.at(day, 9, minute)
        self.store.huddles.start(day, facilitator=self.members[facilitator])
        manager_in = self.rng.random() < 0.1
        for name, member in self.members.items():
            if member.role is Role.MANAGER:
                # The manager drops in now and then; not on the list otherwise.
                if manager_in:
                    self.store.huddles.mark_attendance(day, member, True)
                continue
            self.store.huddles.mark_attendance(day, member, name not in gone)
        carried_to_today: set[str] = set()
        if index > 0:
            self.at(day, 9, minute + 1)
            carried_to_today = self._review(past[index - 1], day, gone)
        self.at(day, 9, minute + 5)
        for name, member in self.members.items():
            if member.role is Role.MANAGER or name in gone or name in carried_to_today:
                continue
            self._plan(member, day)
            self.clock.advance(seconds=self.rng.randint(15, 30))
        self.at(day, 9, minute + 10)
        # The blockers stage opens with management's answers ("You said, we did").
        heard = self.store.blockers.unseen_answers()
        if heard:
            self.store.blockers.mark_answers_seen(heard, who=facilitator)
        self._blockers(len(past) - 1 - index, day, gone, afternoon=False)
        self.at(day, 9, minute + 12 + self.rng.randint(0, 3))
        self.store.huddles.end(day)
        self._blockers(len(past) - 1 - index, day, gone, afternoon=True)

    def _review(self, previous: date, day: date, gone: set[str]) -> set[str]:
        """Look back on the previous huddle day's steps; returns who has a step carried in."""
        carried: set[str] = set()
        for step in self.store.steps.on_day(previous):
            if step.status is not StepStatus.PLANNED:
                continue
            present = step.member_name not in gone
            outcome = self._outcome(step, present=present)
            if outcome is StepStatus.CARRIED:
                if self.rng.random() < 0.35:
                    step = self.store.steps.set_learning(step, self.rng.choice(_LEARNED_CARRIED))
                self.store.steps.carry(step, day)
                carried.add(step.member_name)
            else:
                learning = self._learning(step, outcome, present=present)
                self.store.steps.review(step, outcome, learning)
            self.clock.advance(seconds=self.rng.randint(10, 20))
        return carried

    def _outcome(self, step: Step, *, present: bool) -> StepStatus:
        """Roughly 60% done, 15% partly, 12% carried, 5% dropped, a few left not done."""
        roll = self.rng.random()
        if roll < 0.64:
            return StepStatus.DONE
        if roll < 0.80:
            return StepStatus.PARTLY
        if roll < 0.93:
            # Carried only to someone here to take it on, and only once.
            if present and step.carried_from is None:
                return StepStatus.CARRIED
            return StepStatus.NOT_DONE if not present else StepStatus.DROPPED
        if roll < 0.975:
            return StepStatus.DROPPED
        return StepStatus.NOT_DONE

    def _learning(self, step: Step, outcome: StepStatus, *, present: bool) -> str | None:
        """A line on what was learned, for a good share of reviews (None: no line)."""
        chance = {
            StepStatus.DONE: 0.5,
            StepStatus.PARTLY: 0.75,
            StepStatus.DROPPED: 1.0,
            StepStatus.NOT_DONE: 0.6,
        }[outcome]
        if self.rng.random() >= chance:
            return None
        category = step.category or "process"
        if outcome is StepStatus.DONE:
            specific = _LEARNED_FROM.get(step.text)
            if specific and self.rng.random() < 0.75:
                return specific
            return self.rng.choice(_LEARNED_DONE)
        if outcome is StepStatus.PARTLY:
            return self.rng.choice(_LEARNED_PARTLY)
        if outcome is StepStatus.DROPPED:
            return self.rng.choice(_LEARNED_DROPPED[category])
        return self.rng.choice(_LEARNED_NOT_DONE if present else _LEARNED_NOT_DONE_AWAY)

    def _plan(self, member: Member, day: date) -> Step:
        """One small step for `day`: usually linked to a goal, sometimes to none."""
        category = self.rng.choices(
            list(_CATEGORY_WEIGHTS), weights=list(_CATEGORY_WEIGHTS.values())
        )[0]
        text, goal_key, idea_source = self._draw(category)
        # An idea a person or carer could give is still often the practitioner's own.
        source = idea_source if self.rng.random() < 0.6 else Source.PRACTITIONER
        # Some steps are worth doing without serving a goal; people don't always link one.
        goal = self.goals[goal_key] if goal_key and self.rng.random() < 0.95 else None
        return self.store.steps.add(member, text, day, goal=goal, category=category, source=source)

    def _draw(self, category: str) -> _Idea:
        """The next idea from the category's shuffled deck, so repeats are spread out."""
        deck = self.decks.get(category)
        if not deck:
            deck = list(_STEPS[category])
            self.rng.shuffle(deck)
            self.decks[category] = deck
        return deck.pop()

    def _blockers(self, ago: int, day: date, gone: set[str], *, afternoon: bool) -> None:
        """Raise and move the scripted blockers due on this day (answers in the afternoon)."""
        lead = self.members[_FACILITATORS[0]]
        manager = next(m for m in self.members.values() if m.role is Role.MANAGER)
        if afternoon:
            self.at(day, 14, self.rng.randint(0, 50))
        for number, plan in enumerate(_BLOCKERS):
            if not afternoon and plan.ago == ago:
                # Someone away that day has it raised for them by whoever runs the huddle.
                by = plan.by if plan.by not in gone else self._facilitator(gone)
                self.blockers[number] = self.store.blockers.raise_blocker(
                    self.members[by], plan.text, category=plan.category
                )
                self.clock.advance(seconds=20)
            for move in plan.moves:
                if move.ago != ago or (move.kind == "answer") != afternoon:
                    continue
                self.blockers[number] = self._move(self.blockers[number], move, lead, manager)
                self.clock.advance(seconds=20)

    def _move(self, blocker: Blocker, move: _Move, lead: Member, manager: Member) -> Blocker:
        who = move.who or lead.name
        blockers = self.store.blockers
        if move.kind == "own":
            return blockers.take_ownership(blocker, self.members[who], who=lead.name)
        if move.kind == "escalate":
            return blockers.escalate(blocker, move.note, who=lead.name, to=manager.name)
        if move.kind == "answer":
            return blockers.answer(blocker, move.note, who=manager.name)
        if move.kind == "resolve":
            return blockers.resolve(blocker, move.note, who=who)
        if move.kind == "reopen":
            return blockers.reopen(blocker, move.note, who=who)
        raise ValueError(f"unknown blocker move {move.kind}")

    def _facilitator(self, gone: set[str]) -> str:
        """The lead, or her deputy (then the next) when she is away."""
        return next((n for n in _FACILITATORS if n not in gone), _FACILITATORS[0])

    def _before_today(self, away_today: set[str]) -> None:
        """A few people plan today's step before the huddle, from their own desks."""
        here = [
            m
            for name, m in self.members.items()
            if m.role is Role.PRACTITIONER and name not in away_today
        ]
        early = self.rng.sample(here, k=min(3, len(here)))
        self.at(self.today, 8, 31)
        for member in sorted(early, key=lambda m: m.name):
            self._plan(member, self.today)
            self.clock.advance(minutes=self.rng.randint(3, 7))


def _history(today: date) -> tuple[list[date], list[tuple[date, str]]]:
    """The huddle days of the history (weekdays less bank holidays) and the bank holidays
    that fall inside it."""
    candidates = dict(_bank_holidays(today.year - 1) + _bank_holidays(today.year))
    calendar = HuddleCalendar(WEEKDAYS_RULE, frozenset(candidates))
    last = today if calendar.is_huddle_day(today) else calendar.previous_huddle_day(today)
    days = [last]
    while len(days) < HISTORY_DAYS:
        days.insert(0, calendar.previous_huddle_day(days[0]))
    inside = sorted((d, n) for d, n in candidates.items() if days[0] < d <= today)
    return days, inside


def _bank_holidays(year: int) -> list[tuple[date, str]]:
    """Bank holidays in England and Wales, with the usual weekend substitutes."""
    easter_sunday = easter(year)
    new_year = _to_weekday(date(year, 1, 1))
    christmas = date(year, 12, 25)
    boxing = date(year, 12, 26)
    if christmas.weekday() == 5:  # Saturday: Monday and Tuesday instead
        christmas, boxing = christmas + timedelta(days=2), boxing + timedelta(days=2)
    elif christmas.weekday() == 6:  # Sunday: Boxing Day Monday, Christmas Tuesday
        christmas = christmas + timedelta(days=2)
    elif christmas.weekday() == 4:  # Friday: Boxing Day moves to Monday
        boxing = boxing + timedelta(days=2)
    return [
        (new_year, "New Year's Day"),
        (easter_sunday - timedelta(days=2), "Good Friday"),
        (easter_sunday + timedelta(days=1), "Easter Monday"),
        (date(year, 5, 1) + relativedelta(weekday=MO(+1)), "Early May bank holiday"),
        (date(year, 5, 31) + relativedelta(weekday=MO(-1)), "Spring bank holiday"),
        (date(year, 8, 31) + relativedelta(weekday=MO(-1)), "Summer bank holiday"),
        (christmas, "Christmas Day"),
        (boxing, "Boxing Day"),
    ]


def _to_weekday(day: date) -> date:
    """A holiday on a weekend is taken on the Monday after."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day
