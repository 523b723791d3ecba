"""The demo team's blockers, scripted, so every state and the "comes back again" pattern
are there: who raised each, when, and each move it made after."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Move:
    ago: int
    """Huddle days before the last held huddle."""
    kind: str
    """own, escalate, answer, resolve or reopen."""
    note: str = ""
    who: str = ""
    """Who owns it (for own) or who made the move; the lead when empty."""


@dataclass(frozen=True)
class BlockerPlan:
    ago: int
    by: str
    text: str
    category: str
    moves: tuple[Move, ...] = ()


BLOCKERS: tuple[BlockerPlan, ...] = (
    BlockerPlan(
        85,
        "Gareth Evans",
        "Laptops log out during home visits with no signal",
        "computer systems",
        (
            Move(84, "own", who="Gareth Evans"),
            Move(80, "escalate", "Only IT can change the time-out; we have logged 14 cases"),
            Move(77, "answer", "IT will extend the offline time-out to 4 hours from the 1st"),
            Move(60, "resolve", "Time-out changed; no log-outs reported for two weeks"),
        ),
    ),
    BlockerPlan(
        78,
        "Lucy Fletcher",
        "Sign-off needs three managers for a simple equipment order",
        "oversight",
        (
            Move(77, "escalate", "Only the service manager can change who signs off"),
            Move(74, "answer", "Orders under £250 now need one sign-off, by the team lead"),
            Move(70, "resolve", "New sign-off rule in use; orders go out the same day"),
        ),
    ),
    BlockerPlan(
        65,
        "Aisha Khan",
        "Interpreters have to be booked five days ahead, so first visits slip",
        "process",
        (
            Move(64, "escalate", "The interpreting contract is held by commissioning"),
            Move(
                60,
                "answer",
                "Telephone interpreting can be booked the same day; face to"
                " face stays at five days while the contract is reviewed",
            ),
        ),
    ),
    BlockerPlan(
        58,
        "Tom Bradley",
        "The shared team calendar doesn't show who is on duty",
        "computer systems",
        (
            Move(58, "own", who="Sarah Whitfield"),
            Move(55, "resolve", "Duty rota added to the shared calendar", who="Sarah Whitfield"),
            Move(
                20,
                "reopen",
                "The duty rota dropped out of the calendar after the update",
                who="Tom Bradley",
            ),
        ),
    ),
    BlockerPlan(
        50,
        "Tom Bradley",
        "No pool car on Tuesdays, so rural visits take two buses",
        "process",
        (Move(49, "own", who="Tom Bradley"),),
    ),
    BlockerPlan(
        44,
        "Lucy Fletcher",
        "The equipment store only delivers on Thursdays",
        "process",
        (
            Move(43, "escalate", "The delivery contract is held by commissioning"),
            Move(39, "answer", "Commissioning agreed a Monday delivery as a trial"),
            Move(
                30,
                "resolve",
                "Monday deliveries running; discharges no longer wait for Thursday",
                who="Lucy Fletcher",
            ),
        ),
    ),
    BlockerPlan(
        36,
        "Emma Walsh",
        "The strengths-based conversation guide is only on paper",
        "skills",
        (
            Move(35, "own", who="Emma Walsh"),
            Move(
                33,
                "resolve",
                "Saved to the shared drive and linked from the visit checklist",
                who="Emma Walsh",
            ),
        ),
    ),
    BlockerPlan(
        30,
        "Helen Carter",
        "Two of us have no access to the health record, so we ring the GP for basics",
        "computer systems",
        (
            Move(29, "escalate", "Access is granted by the health trust, not by us"),
            Move(
                25,
                "answer",
                "Access requested for all practitioners; training dates to follow from the trust",
            ),
        ),
    ),
    # Three forms blockers within 30 days: the "comes back again" pattern a lead should spot.
    BlockerPlan(
        19,
        "Helen Carter",
        "The referral form asks for the NHS number twice",
        "forms",
        (
            Move(18, "own", who="Helen Carter"),
            Move(
                15,
                "resolve",
                "Second field taken off our copy; finance use the first",
                who="Helen Carter",
            ),
        ),
    ),
    BlockerPlan(
        14,
        "Aisha Khan",
        "The carer's assessment form repeats the whole contact section",
        "forms",
        (
            Move(13, "escalate", "The form belongs to the county forms group"),
            Move(10, "answer", "The forms group meets on the 3rd: bring a marked-up copy"),
        ),
    ),
    BlockerPlan(
        3,
        "Mark Hughes",
        "The review form asks for the NHS number again on page 4",
        "forms",
    ),
    BlockerPlan(
        12,
        "Gareth Evans",
        "Case notes typed on the phone app cut off at 500 characters",
        "computer systems",
        # Sent up with no answer for many huddle days: shown as overdue.
        (Move(11, "escalate", "The app is supplied by the system vendor; only IT can ask"),),
    ),
    BlockerPlan(
        9,
        "Emma Walsh",
        "Hospital discharge referrals arrive after 4pm with no notes",
        "process",
        (Move(8, "own", who="Sarah Whitfield"),),
    ),
    BlockerPlan(
        6,
        "Aisha Khan",
        "The duty phone goes to a voicemail nobody can reach from home",
        "computer systems",
    ),
    BlockerPlan(
        4,
        "Lucy Fletcher",
        "Parking permits for the estate ran out, so visits overrun",
        "process",
        (
            Move(4, "own", who="Lucy Fletcher"),
            Move(
                2, "resolve", "New permits collected from the housing office", who="Lucy Fletcher"
            ),
        ),
    ),
    BlockerPlan(
        1,
        "Tom Bradley",
        "Funding panel papers are due two days ahead, so urgent cases wait a week",
        "oversight",
        # Sent up at the last huddle: not yet answered, and not yet overdue.
        (Move(0, "escalate", "Panel dates and deadlines are set by the head of service"),),
    ),
    BlockerPlan(
        5,
        "Helen Carter",
        "The equipment store stops taking same-day orders at noon",
        "process",
        # Answered after the last huddle: read out at today's ("You said, we did").
        (
            Move(4, "escalate", "The store's hours are set in the equipment contract"),
            Move(0, "answer", "From Monday the store takes same-day orders until 2pm"),
        ),
    ),
)
