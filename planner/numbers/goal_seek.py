"""Goal seek: what must one driver be to close this year's gap?

Each answer is solved in closed form from the base result, counting only what closes this year
(PRODUCT.md, plan model v3: the in-time months, after the last actual month), then checked by
recomputing the plan with it, so what we say closes the gap does (``planner.numbers.status`` judges it).

People are added by v3's hiring rules (``planner.numbers.hiring``): no earlier than s0, ramping over the
plan's new-hire ramp, their leads counted only in the in-time months. Inside reps are the engine's
own answer (``result.gap``); an outsourced team may take more people; field reps are never asked
to prospect (the seeds: dedicated lead development beats field reps prospecting part-time). Each
answer's cost is the full cost of what it adds: the people's whole monthly cost over the months
they are paid, a program's whole added budget.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass

from planner.numbers import formatting as fmt
from planner.numbers import hiring
from planner.numbers import status as st
from planner.numbers.engine import EPSILON, Cache, compute_core, ratio
from planner.numbers.results import PlanResult
from planner.numbers.scenarios import TARGET_FIELDS, apply_overrides
from planner.numbers.supply import program_rate, resource_result
from planner.plan.model import Channel, LaborResource, Plan

INSIDE_DRIVER = "hire.inside"  # the inside reps the engine counts (``gap.inside_reps_to_close_gap``)


@dataclass(frozen=True)
class Answer:
    driver: str  # the override name, or ``hire.<...>`` for people added to the plan
    label: str
    current: float
    required: float | None  # None: not reachable
    extra_cost: float | None  # the full cost of what it adds, over the horizon
    sentence: str  # "a win rate of 49.8%" or why it is not reachable
    start: int | None = None  # the month it starts (people: the latest month they may start and still close it)
    labor: tuple[LaborResource, ...] = ()  # people it adds to the plan
    channels: tuple[Channel, ...] = ()  # program spend it adds to the plan

    @property
    def reachable(self) -> bool:
        return self.required is not None

    @property
    def keepable(self) -> bool:
        """Whether a scenario's overrides can say it (people or spend added from a later month cannot)."""
        return self.reachable and not self.labor and not self.channels

    @property
    def overrides(self) -> dict[str, float]:
        return {self.driver: self.required} if self.required is not None and self.keepable else {}

    def applied(self, plan: Plan) -> Plan:
        """The plan with the answer: its overrides, and the people and programs it adds."""
        moved = apply_overrides(plan, self.overrides)
        if self.labor or self.channels:
            moved = dataclasses.replace(
                moved, labor=(*moved.labor, *self.labor), channels=(*moved.channels, *self.channels)
            )
        return moved


def close_the_gap(plan: Plan, base: PlanResult) -> tuple[Answer, ...]:
    """One answer per driver; empty when this year's gap is not short (``planner.numbers.status``)."""
    if not st.is_short(base.gap.sales_ready_leads):
        return ()
    answers = [_inside_reps(plan, base), *_outsourced(plan, base)]
    answers += [_budget(plan, base, i) for i, channel in enumerate(plan.channels) if channel.is_program]
    answers += [_demand_rate(plan, base, name) for name in ("win_rate", "srl_to_opportunity")]
    answers += [_program_rate(plan, base, name) for name in ("lead_to_mql", "mql_to_srl")]
    return tuple(_checked(plan, answer) for answer in answers)


def sentence(answers: tuple[Answer, ...]) -> str:
    """ "To close this year's gap: 3 inside reps hired to start by Feb 2027 (cost +$247,500), or a win rate of 49.8%." """
    reachable = [a.sentence for a in answers if a.reachable]
    if not answers:
        return "There is no gap to close."
    if not reachable:
        return "No single change closes this year's gap: combine several, or lower the goal."
    return "To close this year's gap: " + ", or ".join(reachable) + "."


def _round_up(value: float, steps: int) -> float:
    """Up to the shown precision (rates to 0.1%, money to a whole unit), so what is shown closes the gap
    (infinite past what a number can hold: a sliver of a lead to divide by)."""
    scaled = value * steps - EPSILON
    return math.ceil(scaled) / steps if math.isfinite(scaled) else math.inf


PHRASES = {
    "win_rate": "a win rate of",
    "srl_to_opportunity": "a sales-ready lead to opportunity rate of",
    "lead_to_mql": "a raw lead to qualified lead rate of",
    "mql_to_srl": "a qualified to sales-ready lead rate of",
}


def _not_reachable(driver: str, label: str, current: float, why: str) -> Answer:
    return Answer(driver, label, current, None, None, f"{label}: not reachable ({why})")


def through(result: PlanResult) -> int:
    """M: the last month with actual sales-ready leads (0 without actuals)."""
    return (result.actuals.through_month or 0) if result.actuals is not None else 0


def first_open_month(result: PlanResult) -> int:
    """The first month a change can still make a difference to: the one after the actuals."""
    return through(result) + 1


def label_of(result: PlanResult, month: int) -> str:
    return result.months[month - 1].label if 0 < month <= len(result.months) else f"month {month}"


def _counted(plan: Plan, result: PlanResult, values: tuple[float, ...] | list[float], start: int = 1) -> float:
    """A series added up over the months that make this year's number and are still to come: the
    in-time months after the actuals (and from ``start``)."""
    first = max(start, first_open_month(result))
    return sum(values[first - 1 : hiring.last_in_time_month(plan)])


def _more_than_all(rate: float) -> str:
    """A rate past 100%, in words even past what a number can hold."""
    return fmt.percent(rate) if math.isfinite(rate) else "far more than 100%"


def _demand_rate(plan: Plan, base: PlanResult, name: str) -> Answer:
    # S = N / (deal x win x srl_to_opp) falls in inverse proportion to the rate; what is expected
    # this year (the known leads of the in-time months) does not move with it
    label, current = TARGET_FIELDS[name].label, getattr(plan.targets, name)
    expected = base.year.sales_ready_leads_expected
    if expected <= 0:
        return _not_reachable(name, label, current, "no sales-ready lead is expected to close this year")
    required = _round_up(current * base.demand.sales_ready_leads / expected, 1000)
    if required > 1:
        return _not_reachable(name, label, current, f"it would have to be {_more_than_all(required)}")
    return Answer(name, label, current, required, 0.0, f"{PHRASES[name]} {fmt.percent(required, 1)}", start=1)


def _program_rate(plan: Plan, base: PlanResult, name: str) -> Answer:
    # the programs converting with the plan's rates grow in proportion to it, in the months still to come
    label, current = TARGET_FIELDS[name].label, getattr(plan.targets, name)
    programs = sum(_counted(plan, base, c.sales_ready_leads) for c in base.channels if c.uses_plan_rates)
    if programs <= 0:
        return _not_reachable(
            name, label, current, "no program channel converting with the plan's rates adds leads that close this year"
        )
    required = _round_up(current * (1 + base.gap.sales_ready_leads / programs), 1000)
    if required > 1:
        return _not_reachable(name, label, current, f"it would have to be {_more_than_all(required)}")
    text = f"{PHRASES[name]} {fmt.percent(required, 1)}"
    return Answer(name, label, current, required, 0.0, text, start=first_open_month(base))


def new_people(plan: Plan, like: LaborResource, people: int, start: int, key: str) -> LaborResource:
    """``people`` new hires like ``like`` (its output, cost, fee and turnover), starting in ``start``
    and ramping over the plan's new-hire ramp (PRODUCT.md v3: the ramp of the people in seat is not
    a new hire's); an outsourced team's new people end with its contract."""
    return dataclasses.replace(
        like,
        id=f"{key}-new",
        name=f"{like.name or like.id} (new)",
        headcount=people,
        start_month=start,
        ramp_months=plan.targets.new_hire_ramp_months,
        end_month=like.end_month if like.kind == "outsourced" else None,
        activity=None,
    )


def _people_cost(plan: Plan, person: LaborResource) -> float:
    """The full cost of the people added: their whole monthly cost (and fees) over the months they are paid."""
    return resource_result(person, plan.horizon, 1.0).total_cost


def _inside_reps(plan: Plan, base: PlanResult) -> Answer:
    """The engine's inside reps (``planner.numbers.hiring``): n hired to start by the latest month that closes the gap."""
    reps, latest = base.gap.inside_reps_to_close_gap, base.gap.latest_start_month
    label = "Inside reps hired"
    if reps is None or latest is None:
        return _not_reachable(INSIDE_DRIVER, label, 0, "no hire made now closes this year's gap")
    added = new_people(plan, hiring.first_inside(plan), reps, latest, "inside")
    cost = _people_cost(plan, added)
    text = f"{reps:,} inside {'rep' if reps == 1 else 'reps'} hired to start by {label_of(base, latest)}"
    text += f" (cost +{fmt.money(cost, plan.basics.currency)})"
    return Answer(INSIDE_DRIVER, label, 0, reps, cost, text, start=latest, labor=(added,))


def _outsourced(plan: Plan, base: PlanResult) -> list[Answer]:
    return [_more_people(plan, base, resource) for resource in plan.labor if resource.kind == "outsourced"]


def _more_people(plan: Plan, base: PlanResult, team: LaborResource) -> Answer:
    """More people on an outsourced team, hired as PRODUCT.md v3 hires: from s0 (and not before the
    team starts), ramping, until its contract ends; the fewest that close the gap, the latest start."""
    name = team.name or team.id
    driver, label = f"hire.{team.id}", f"People added to {name}"
    gap = base.gap.sales_ready_leads
    first = max(hiring.earliest_start(plan, through(base)), team.start_month)

    def delivery(start: int) -> float:
        one = resource_result(new_people(plan, team, 1, start, team.id), plan.horizon, 1.0)
        return _counted(plan, base, one.output, start)

    per_person = delivery(first)
    needed = ratio(gap, per_person) if per_person > 0 else None
    if needed is None:  # none in time, or more people than a number can hold (a sliver of a lead each)
        return _not_reachable(driver, label, 0, "people added now would close no sales-ready lead this year")
    people = math.ceil(needed - EPSILON)
    latest = _latest(first, hiring.last_in_time_month(plan), lambda month: people * delivery(month), gap)
    added = new_people(plan, team, people, latest, team.id)
    cost = _people_cost(plan, added)
    text = (
        f"{people:,} more {'person' if people == 1 else 'people'} on {name} to start by {label_of(base, latest)} "
        f"(cost +{fmt.money(cost, plan.basics.currency)})"
    )
    return Answer(driver, label, team.headcount, team.headcount + people, cost, text, start=latest, labor=(added,))


def _latest(first: int, last: int, delivered: Callable[[int], float], gap: float) -> int:
    """The last start month from ``first`` whose delivery still closes the gap (PRODUCT.md's rule
    for the latest start month: within half a lead)."""
    latest = first
    for month in range(first + 1, last + 1):
        if st.is_short(gap - delivered(month)):
            break
        latest = month
    return latest


def _budget(plan: Plan, base: PlanResult, index: int) -> Answer:
    """A program's monthly budget raised enough to close the gap with the leads that close this year,
    from its start (no earlier than s0 once there are actuals); its cost is the whole added budget."""
    channel = plan.channels[index]
    driver, label = f"channels.{channel.name}.monthly_budget", f"Monthly budget of {channel.name}"
    budget = channel.monthly_budget or 0
    if channel.schedule:
        return _not_reachable(driver, label, budget, "it spends on a schedule; add a spend to it")
    start = max(channel.start_month, hiring.earliest_start(plan, through(base)))
    end = plan.horizon if channel.end_month is None else min(channel.end_month, plan.horizon)
    counted = len(range(max(start, first_open_month(base)), min(end, hiring.last_in_time_month(plan)) + 1))
    rate = program_rate(channel, plan.targets)
    per_money = rate * counted / channel.cost_per_lead if channel.cost_per_lead else 0
    if per_money <= 0:
        return _not_reachable(driver, label, budget, "it adds no sales-ready lead that closes this year")
    extra = _round_up(base.gap.sales_ready_leads / per_money, 1)
    if not math.isfinite(extra):
        return _not_reachable(driver, label, budget, "no budget a number can hold would close it this year")
    cost = extra * len(range(start, end + 1))
    currency = plan.basics.currency
    if start == channel.start_month:
        text = f"a {channel.name} budget of {fmt.money(budget + extra, currency)} a month"
        if start > 1:
            text += f" from {label_of(base, start)}"
        return Answer(driver, label, budget, budget + extra, cost, f"{text} (cost +{fmt.money(cost, currency)})", start)
    more = dataclasses.replace(
        channel, name=f"{channel.name} (more from {label_of(base, start)})", monthly_budget=extra, start_month=start
    )
    text = (
        f"{fmt.money(extra, currency)} a month more on {channel.name} from {label_of(base, start)} "
        f"(cost +{fmt.money(cost, currency)})"
    )
    return Answer(driver, label, budget, budget + extra, cost, text, start, channels=(more,))


def _checked(plan: Plan, answer: Answer, cache: Cache | None = None) -> Answer:
    """Recompute the plan with the answer; an answer that does not close this year's gap is not given."""
    if answer.required is None:
        return answer
    moved = compute_core(answer.applied(plan), cache)
    if st.is_short(moved.gap.sales_ready_leads):
        return _not_reachable(answer.driver, answer.label, answer.current, "the engine disagrees")
    return answer


@dataclass(frozen=True)
class Option:
    """An answer of goal seek with what it does when: the plan recomputed with it."""

    answer: Answer
    result: PlanResult  # the plan with the answer applied (no scenarios or sensitivity)
    starts: int  # the plan month the change starts to deliver (people: the latest month they may start)
    full: int  # the plan month it delivers in full (after a ramp)


def options(plan: Plan, base: PlanResult, limit: int = 4) -> tuple[Option, ...]:
    """What closes this year's gap on its own, for the CEO's memo: the inside reps the engine counts,
    the cheapest outsourced team's new people, the cheapest budget, then the rates (win rate first),
    each checked by recomputing the plan. Never field reps prospecting.

    Only the options shown are recomputed (a large plan has an answer per program).
    """
    if not st.is_short(base.gap.sales_ready_leads):
        return ()

    def cheapest(answers: list[Answer]) -> list[Answer]:
        return sorted((a for a in answers if a.reachable), key=lambda a: a.extra_cost or 0.0)[:1]

    people = [_inside_reps(plan, base)]
    budgets = [_budget(plan, base, i) for i, c in enumerate(plan.channels) if c.is_program]
    rates = [_demand_rate(plan, base, n) for n in ("win_rate", "srl_to_opportunity")]
    rates += [_program_rate(plan, base, n) for n in ("mql_to_srl", "lead_to_mql")]
    found: list[Option] = []
    cache: Cache = {}  # the resources and channels an answer leaves alone are computed once
    compute_core(plan, cache)
    ramp = plan.targets.new_hire_ramp_months
    for answer in [
        *(a for a in people if a.reachable),
        *cheapest(_outsourced(plan, base)),
        *cheapest(budgets),
        *(a for a in rates if a.reachable),
    ]:
        moved = compute_core(answer.applied(plan), cache)
        if st.is_short(moved.gap.sales_ready_leads):
            continue  # the engine disagrees: not offered
        starts = answer.start or 1
        full = starts + ramp if answer.labor else starts
        found.append(Option(answer, moved, min(starts, plan.horizon), min(full, plan.horizon)))
        if len(found) == limit:
            break
    return tuple(found)


EARLIER_START_TRIES = 12  # candidates worked out month by month: those that could gain the most


def earlier_starts(plan: Plan, base: PlanResult, limit: int = 4) -> tuple[Option, ...]:
    """For a plan that is late (covered over the year, behind on the way): inside or outsourced
    teams or budgeted programs that start after s0 (month 1 without actuals), started early enough
    to be on track, or at s0 when nothing later is, with the added cost; only moves that cut the
    worst shortfall, the biggest cuts first, at most ``limit``. Field reps are not moved: the plan
    should not lean on them to prospect.

    A plan of thousands of programs would take minutes to try every one month by month, so
    the ``EARLIER_START_TRIES`` that could gain the most by the worst month are tried: each
    one's best month of supply times the months it would gain before the worst month.
    """
    cache: Cache = {}
    compute_core(plan, cache)
    first = hiring.earliest_start(plan, through(base))
    worst = base.timing.worst_month or plan.horizon
    movable = [
        (f"labor.{r.id}.start_month", r.name or r.id, r.start_month, r.ramp_months, max(out.output, default=0.0))
        for r, out in zip(plan.labor, base.resources, strict=True)
        if r.kind != "field"
    ]
    movable += [
        (f"channels.{c.name}.start_month", c.name, c.start_month, 0, max(out.sales_ready_leads, default=0.0))
        for c, out in zip(plan.channels, base.channels, strict=True)
        if c.is_program and not c.schedule
    ]
    candidates = [m for m in movable if m[2] > first and m[4] > 0]
    candidates.sort(key=lambda m: m[4] * min(m[2] - first, worst), reverse=True)
    found = []
    for driver, name, start, ramp, _best_month in candidates[:EARLIER_START_TRIES]:
        best = None
        for month in range(start - 1, first - 1, -1):  # the latest start that is on track, else s0
            moved = compute_core(apply_overrides(plan, {driver: month}), cache)
            best = (month, moved)
            if moved.timing.status == st.ON_TRACK:
                break
        assert best is not None
        month, moved = best
        if not st.is_short(base.timing.worst_shortfall - moved.timing.worst_shortfall):
            continue  # it cuts the worst shortfall by half a lead or less
        extra = moved.supply.cost - base.supply.cost
        sentence = f"{name} from month {month} instead of {start} (cost +{fmt.money(extra, plan.basics.currency)})"
        answer = Answer(driver, f"Start month of {name}", start, month, extra, sentence, start=month)
        found.append(Option(answer, moved, month, min(month + ramp, plan.horizon)))
    found.sort(key=lambda option: option.result.timing.worst_shortfall)
    return tuple(found[:limit])
