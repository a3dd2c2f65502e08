"""Every default value the app offers, with where it comes from.

One place, so the app can show the source as a hint beside each field and the exports
can list the assumptions. Keys are the dotted paths of the plan file; labor defaults are
keyed by resource kind (``labor.inside.ramp_months``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as _dt


class Default(NamedTuple):
    value: float | int | str
    source: str  # the full citation (tooltips, the exports' assumptions)
    short: str = ""  # the typical range and source in a few words, shown beside the field

    @property
    def hint(self) -> str:
        return f"Default {self.value}: {self.source}"


# The activity calculator's defaults. They give the inside rep's default output, 12 sales-ready
# leads a month (20 x 60 x 10% x 10%), so a new rep's output, the calculator and the scorecard's
# dials (300 a week, 60 a day) tell one story; PRODUCT.md's inside q 12 is the same number.
WORKING_DAYS, DIALS_PER_DAY, CONNECT_RATE, CONVERSATION_TO_SRL = 20, 60, 0.1, 0.1
CALCULATOR_OUTPUT = round(WORKING_DAYS * DIALS_PER_DAY * CONNECT_RATE * CONVERSATION_TO_SRL, 2)  # 12.0

WATERFALL = "SiriusDecisions demand waterfall ranges, as summarised by MV3 Marketing (undated)"

DEFAULTS: dict[str, Default] = {
    "basics.horizon_months": Default(12, "one fiscal year, the usual planning horizon"),
    "basics.currency": Default("USD", "the plan's currency; change it to yours"),
    "targets.deal_size": Default(
        25_000, "a placeholder for a new plan (the file format's own default is $1): type your average first-year deal"
    ),
    "targets.pipeline_revenue": Default(0, "nothing expected from the current pipeline"),
    "targets.win_rate": Default(
        0.2, "HubSpot survey of 1,477 sales pros: close rate about 21% (2023)", "typical about 21%, HubSpot 2023"
    ),
    "targets.sales_cycle_months": Default(
        3,
        "Bridge Group AE Metrics: 60-72-day median for inside deals, field deals run longer (2017)",
        "typical 2-3 months inside, Bridge Group 2017",
    ),
    "targets.lead_to_mql": Default(0.15, f"{WATERFALL}: inquiry to MQL 10-25%", "typical 10-25%, SiriusDecisions"),
    "targets.mql_to_srl": Default(0.4, f"{WATERFALL}: MQL to sales-accepted 40-60%", "typical 40-60%, SiriusDecisions"),
    "targets.srl_to_opportunity": Default(
        0.5, "b2blead.io B2B conversion benchmarks: SQL to opportunity 40-80% (2026)", "typical 40-80%, b2blead.io"
    ),
    "targets.new_hire_ramp_months": Default(
        3,
        "Bridge Group research via Elevate: an SDR ramps in a little over 3 months (undated); a team already "
        "in seat has no ramp, a new hire has this one",
        "a new SDR: a little over 3 months, Bridge Group",
    ),
    "targets.gross_margin": Default(
        0.35,
        "Damodaran (NYU Stern) margins by industry: all-industry gross margin about 38% (2026)",
        "all industries about 38%, NYU Stern 2026",
    ),
    "labor.in_seat.ramp_months": Default(
        0,
        "a team already in seat is past its ramp: Bridge Group research via Elevate puts an SDR's ramp at a "
        "little over 3 months after hiring (undated); people hired before the plan starts have done it",
        "a team already in seat: no ramp",
    ),
    "labor.field.ramp_months": Default(0, "field reps already know the market"),
    "labor.field.srl_per_person_month": Default(
        2, "rule of thumb: about 20% of a rep's time on leads (CSO Insights: 24%, 2011) x 12 a month"
    ),
    "labor.field.cost_per_person_month": Default(2500, "rule of thumb: 20% of a field rep's loaded cost"),
    "labor.inside.ramp_months": Default(
        3, "Bridge Group research via Elevate: SDR ramp a little over 3 months (undated)"
    ),
    "labor.inside.srl_per_person_month": Default(
        CALCULATOR_OUTPUT,
        "MarketBetter SDR benchmarks: outbound SDR 12-15 qualified meetings a month (2026); the activity "
        "calculator's defaults give the same 12: 20 days x 60 dials x 10% connect x 10% booked",
        "typical 12-15, MarketBetter 2026",
    ),
    "labor.inside.cost_per_person_month": Default(
        8500,
        "SDR on-target earnings about $80K a year (Glassdoor via Revenue Playbook, 2024) plus 25% benefits and tools",
    ),
    "labor.outsourced.ramp_months": Default(1, "rule of thumb: an agency's team is trained already"),
    "labor.outsourced.srl_per_person_month": Default(10, "rule of thumb: a little under an in-house SDR"),
    "labor.outsourced.cost_per_person_month": Default(
        6000, "Growtoro agency pricing: $3,000-8,000 a month for one SDR-equivalent (2026)"
    ),
    "labor.attrition_rate": Default(
        0, "none unless you enter it; SDR turnover runs 30-34% a year, tenure about 14 months (Bridge Group)"
    ),
    "labor.vacancy_months": Default(1, "rule of thumb: about a month to refill an SDR seat"),
    "activity.working_days": Default(
        WORKING_DAYS,
        "rule of thumb: 21 working days a month after holidays (SalesHive, undated), less a day of training "
        "and team meetings",
        "about 20 calling days",
    ),
    "activity.dials_per_day": Default(
        DIALS_PER_DAY,
        "Bridge Group 2025 SDR Metrics, via Vozah: 45 cold calls a day on average, 65+ for top SDRs (2026)",
        "typical 45-65, Bridge Group 2025",
    ),
    "activity.connect_rate": Default(
        CONNECT_RATE,
        "Belkins, 175,000+ SDR dials in 2025: 9.9% of dials connect (2026); Gong Labs and 30MPC: 5.4% average, "
        "13.3% top quartile (2024)",
        "typical 5-13%, Belkins 2026",
    ),
    "activity.conversation_to_srl": Default(
        CONVERSATION_TO_SRL, "MPI: 10% of connections book an appointment (2017)", "about 10%, MPI 2017"
    ),
    # cost per raw lead by program type; a type without a figure of its own (email, referrals, other)
    # takes the all-channel average and says so
    "channels.cost_per_lead": Default(
        200,
        "HubSpot demand generation benchmark: about $198 a lead across all channels (no figure of this type's own)",
        "all channels about $200, HubSpot",
    ),
    "channels.events.cost_per_lead": Default(
        500, "Saber CPL glossary: events $500-2,000 a lead (undated)", "typical $500-2,000, Saber"
    ),
    "channels.paid_ads.cost_per_lead": Default(
        150, "Saber CPL glossary: paid search $150-300 a lead (undated)", "typical $150-300, Saber"
    ),
    "channels.content.cost_per_lead": Default(
        50,
        "Saber CPL glossary: content marketing $30-50 a lead (undated); SaaS SEO glossary: webinar registrations "
        "$15-60 (undated)",
        "typical $30-50, Saber",
    ),
    "channels.social.cost_per_lead": Default(
        150, "optif.ai CPL glossary, citing HubSpot: paid social $80-200 a lead (2024)", "typical $80-200, HubSpot 2024"
    ),
    "channels.website.cost_per_lead": Default(
        50,
        "Fairview CPL glossary, citing HubSpot State of Marketing: organic content $30-80 a lead (2025)",
        "typical $30-80, HubSpot 2025",
    ),
    "channels.purchased_lists.cost_per_lead": Default(
        35,
        "Madison Logic cost-of-a-lead figures, via Pinpointe: about $35 a contact for marketing buyers, $65 in "
        "healthcare (undated)",
        "about $35-65 a contact, Madison Logic",
    ),
}


def default(key: str) -> Default | None:
    return DEFAULTS.get(key)


def value(key: str) -> float:
    """The numeric default for ``key`` (a KeyError names a missing default)."""
    found = DEFAULTS[key].value
    assert not isinstance(found, str)
    return found


def labor_default(kind: str, field: str) -> float:
    return value(f"labor.{kind}.{field}")


def channel_cost_per_lead(channel_type: str) -> Default:
    return DEFAULTS.get(f"channels.{channel_type}.cost_per_lead") or DEFAULTS["channels.cost_per_lead"]


def default_start_month(today: _dt.date | None = None) -> str:
    """January of next year: plans are usually drafted for the coming year."""
    import datetime as _dt  # here, not at start-up: only a new plan needs today's date

    today = today or _dt.date.today()
    return f"{today.year + 1}-01"
