"""The words of the plan in plain English: the Help → Glossary dialog shows them, and the
HTML report can print them in its appendix. Plain text, one sentence or two each."""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    term: str
    meaning: str
    short: str = ""  # an abbreviation the app uses, if any


GLOSSARY: tuple[Term, ...] = (
    Term("Raw lead", "Anyone who shows interest or is found by prospecting: an inquiry, a download, a name on a list."),
    Term(
        "Qualified lead",
        "A raw lead that fits the customer profile and has shown enough interest to be worth "
        "a conversation (often called a marketing-qualified lead, MQL).",
    ),
    Term(
        "Sales-ready lead",
        "A qualified lead a salesperson agrees to work: the right person, with a need, "
        "and a meeting booked or asked for. The plan counts and supplies these.",
        "SRL",
    ),
    Term("Opportunity", "A sales-ready lead the sales team has qualified into a deal it is working."),
    Term("Win rate", "The share of opportunities that become customers."),
    Term(
        "New-logo revenue",
        "Revenue from customers who have never bought from you before (a new logo on "
        "your customer list), as opposed to renewals and upsells of existing customers.",
    ),
    Term(
        "Coverage",
        "Sales-ready leads supplied divided by those the goal needs. 100% or more means the plan supplies enough.",
    ),
    Term("Gap", "Sales-ready leads needed minus those supplied; above 0 the plan is short."),
    Term(
        "Return on cost",
        "The gross margin on the revenue the plan's leads are projected to win, less the "
        "plan's cost, divided by that cost. 228% means each dollar spent brings back $2.28 of margin.",
    ),
    Term("Ramp", "The months a new person takes to reach full output; they are paid while ramping."),
    Term("Person-month", "One person working for one month: the unit of labor output and cost."),
    Term(
        "Channel",
        "Where leads come from: a share of a team's time (outbound calls, for example) or a "
        "marketing program with a budget (events, ads).",
    ),
    Term(
        "Capacity not assigned",
        "Output of a team that no channel takes. It still counts as supply; "
        "assigning it to a channel only says where it comes from.",
    ),
    Term("Seasonality", "How busy each calendar month is compared with an average month (1)."),
    Term(
        "Scenario", "A copy of the plan with some numbers changed, compared with the base plan, which it never changes."
    ),
)


def meaning(term: str) -> str:
    """The meaning of a term or its abbreviation ("SRL"), or ""."""
    wanted = term.lower()
    return next((t.meaning for t in GLOSSARY if wanted in (t.term.lower(), t.short.lower())), "")
