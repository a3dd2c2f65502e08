"""The closed vocabularies of the plan file: stored keys and the labels people see."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

LABOR_KINDS: dict[str, str] = {
    "field": "Field reps prospecting part-time",
    "inside": "Inside lead development reps (in-house)",
    "outsourced": "Outsourced lead development team",
}

CHANNEL_TYPES: dict[str, str] = {
    "outbound_phone": "Outbound phone",
    "email": "Email",
    "social": "LinkedIn and other social",
    "website": "Website and inbound",
    "content": "Content and webinars",
    "events": "Events and trade shows",
    "referrals": "Referrals and partners",
    "purchased_lists": "Purchased lists",
    "paid_ads": "Paid ads",
    "other": "Other",
}

MARKETING_OWNER = "marketing"

LEAD_OWNERS_TODAY: dict[str, str] = {
    "field_reps": "Field reps develop their own leads",
    "inside_team": "An inside lead development team",
    "outsourced": "An outsourced team",
    "marketing": "Marketing",
    "nobody": "Nobody owns it",
}

CHALLENGES: dict[str, str] = {
    "reps_lack_time": "Reps don't have or make time",
    "reps_weak_at_prospecting": "Reps are not good at prospecting",
    "prospects_not_interested": "Prospects are not interested in talking",
    "inaccurate_lists": "Lead lists and databases are inaccurate",
    "poor_marketing": "Poor marketing",
}

SEVERITIES: dict[int, str] = {0: "Not a problem", 1: "Minor", 2: "Serious", 3: "Critical"}

OLD_RULES_ACTIVITIES: dict[str, str] = {
    "brand_refresh": "Brand refresh",
    "seo": "Website SEO",
    "brochures": "Brochures",
    "trade_show_booth": "Trade-show booth",
    "slide_decks": "Slide decks",
}

LEAD_FOCUSED_ACTIVITIES: dict[str, str] = {
    "lead_nurturing": "Lead nurturing",
    "targeted_campaigns": "Targeted campaigns",
    "content_offers": "Content offers",
    "webinars": "Webinars",
    "lead_scoring": "Lead scoring",
    "sales_ready_definition": "Agreed definition of a sales-ready lead",
}

MARKETING_ACTIVITIES: dict[str, str] = {**OLD_RULES_ACTIVITIES, **LEAD_FOCUSED_ACTIVITIES}

METRIC_KINDS: dict[str, str] = {
    "activity": "Activity",
    "conversion": "Conversion",
    "outcome": "Outcome",
}

CADENCES: dict[str, str] = {"weekly": "Weekly", "monthly": "Monthly", "quarterly": "Quarterly"}

REVIEW_LISTS: dict[str, str] = {
    "big_deals": "Big deals closed or closing",
    "risks": "Risks",
    "initiatives": "Sales leader initiatives",
    "issues": "Issues",
}


class _Industries(Mapping[str, str]):
    """The benchmark library's industries (key -> name), read from the library when first asked:
    most starts of the app never need them."""

    def _names(self) -> dict[str, str]:
        from planner.benchmarks.library import industry_names

        return industry_names()

    def __getitem__(self, key: str) -> str:
        return self._names()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


INDUSTRIES: Mapping[str, str] = _Industries()
