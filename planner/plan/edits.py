"""What an edit of one path of the plan changes: the figures, only a name the figures repeat, or only text.

The app recomputes the figures after an edit that can change a number and only repaints after one
that cannot, so typing a note or a company name never waits on the engine. Which is which follows
from the field's Spec (``planner.plan.model``): only fields of kind text or texts leave the figures
alone, except the few text fields the engine reads (``NUMBER_TEXTS``). Nothing here knows about a
window: the app's document (``ui.document``) asks here and emits its signals.
"""

from __future__ import annotations

import functools

from planner.plan.model import Plan
from planner.plan.paths import parse_path, spec_at

# what an edit changes: the figures (recompute), a name the figures repeat, or text nothing else shows
NUMBERS, TEXT, NAME = "numbers", "text", "name"
TEXT_KINDS = ("text", "texts")
# text fields the figures depend on: a resource's id (channels name their owner by it), a
# channel's owner, and the currency the result is shown in
NUMBER_TEXTS = frozenset({("labor", "id"), ("channels", "owner"), ("basics", "currency")})
# text the result repeats: the names of resources, channels and scenarios
RESULT_TEXTS = frozenset({("labor", "name"), ("channels", "name"), ("scenarios", "name")})
# fields whose edit changes one value and adds or removes no item (the app may follow them in the background)
ONE_VALUE_KINDS = frozenset({"rate", "share", "money", "count", "int", "number", "weights", "choice", "month"})
# edits that move the plan's months under its actuals (``planner.plan.reschedule``)
RESCHEDULING = frozenset({"basics.start_month", "basics.horizon_months"})


@functools.lru_cache(maxsize=4096)
def _kind_of_path(path: str) -> str:
    try:
        spec = spec_at(path)
        names = [step for step in parse_path(path) if isinstance(step, str)]
    except KeyError:
        return NUMBERS
    if spec is None or spec.kind not in TEXT_KINDS:
        return NUMBERS
    key = (names[0], names[-1])
    if key in NUMBER_TEXTS:
        return NUMBERS
    return NAME if key in RESULT_TEXTS and len(names) == 2 else TEXT


def edit_kind(plan: Plan, path: str) -> str:
    """What an edit of ``path`` changes: NUMBERS (recompute), NAME (text the result repeats) or TEXT.

    A path that is not the plan's, or names no field, counts as NUMBERS (recomputing is always right).
    A channel's name is how a scenario names the channel it overrides, so it changes numbers while
    any scenario overrides a channel.
    """
    kind = _kind_of_path(path)
    named_in_scenarios = any(name.startswith("channels.") for s in plan.scenarios for name in s.overrides)
    if kind == NAME and path.startswith("channels[") and named_in_scenarios:
        return NUMBERS
    return kind


def is_result_text(path: str) -> bool:
    """True for a name the result repeats (charts and what-if tables that show it follow it)."""
    return _kind_of_path(path) == NAME


@functools.lru_cache(maxsize=4096)
def changes_one_value(path: str) -> bool:
    """True for a field holding one value (a rate, an amount, a choice, a month): its edit adds or removes no item."""
    spec = spec_at(path)
    return spec is not None and spec.kind in ONE_VALUE_KINDS
