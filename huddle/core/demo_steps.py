"""The demo team's small steps, by kind, with the goal each serves and where the idea
came from; and the lines on what was learned when each was looked back on."""

from __future__ import annotations

from huddle.core.models import Source

_P, _S, _C, _PT, _M, _O = (
    Source.PRACTITIONER,
    Source.PERSON_SUPPORTED,
    Source.CARER,
    Source.PARTNER,
    Source.MANAGER,
    Source.OTHER,
)
Idea = tuple[str, str | None, Source]

STEPS: dict[str, tuple[Idea, ...]] = {
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
CATEGORY_WEIGHTS = {
    "process": 25,
    "skills": 28,
    "forms": 17,
    "computer systems": 16,
    "oversight": 14,
}


# --- What was learned -----------------------------------------------------------------

# The Study of Plan-Do-Study-Act for particular steps, when they were done.
LEARNED_FROM: dict[str, str] = {
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
LEARNED_DONE = (
    "Quicker than expected; worth keeping",
    "Worked; doing it again this week",
    "Took ten minutes and saved a phone call later",
    "Worth it; showed a colleague how",
    "Easy once started; will make it a habit",
)
LEARNED_PARTLY = (
    "Managed it for one case; the rest tomorrow",
    "Did half before an urgent visit came in",
    "Started; need a colleague back from leave to finish",
    "Did it for the morning visits only",
    "Got partway: it needs more than a day",
    "Done for new cases, not yet for the old ones",
)
LEARNED_DROPPED: dict[str, tuple[str, ...]] = {
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
LEARNED_NOT_DONE_AWAY = (
    "Off sick; will pick it up if it is still needed",
    "On leave; not needed any more",
)
LEARNED_NOT_DONE = (
    "An urgent safeguarding visit took the day",
    "Duty day: no time, and it can wait",
)
LEARNED_CARRIED = (
    "Ran out of time: two urgent visits came in",
    "Duty day: no time for it",
    "A safeguarding meeting took the afternoon",
    "Didn't get to it; first thing today",
)
