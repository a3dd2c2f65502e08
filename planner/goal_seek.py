"""Goal seek: what must one driver be to close the gap?

Each answer is solved in closed form from the base result (demand falls as a rate rises;
supply grows linearly with head count, budget and the programs' conversion rates), then
checked by recomputing the plan with the answer, so what we say closes the gap does.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from planner import formatting as fmt
from planner import supply
from planner.engine import EPSILON, Cache, compute_core
from planner.model import Plan
from planner.results import PlanResult
from planner.scenarios import TARGET_FIELDS, apply_overrides
from planner.supply import program_rate, resource_result


@dataclass(frozen=True)
class Answer:
    driver: str  # the override name
    label: str
    current: float
    required: float | None  # None: not reachable
    extra_cost: float | None  # the change in total cost over the horizon
    sentence: str  # "a win rate of 31%" or why it is not reachable

    @property
    def reachable(self) -> bool:
        return self.required is not None

    @property
    def overrides(self) -> dict[str, float]:
        return {self.driver: self.required} if self.required is not None else {}


def close_the_gap(plan: Plan, base: PlanResult) -> tuple[Answer, ...]:
    """One answer per driver; empty when there is no gap to close."""
    gap = base.gap.sales_ready_leads
    if gap <= EPSILON:
        return ()
    answers = [_demand_rate(plan, base, name) for name in ("win_rate", "srl_to_opportunity")]
    answers += [_program_rate(plan, base, name) for name in ("lead_to_mql", "mql_to_srl")]
    answers += [_head_count(plan, base, i) for i, resource in enumerate(plan.labor)]
    answers += [_budget(plan, base, i) for i, channel in enumerate(plan.channels) if channel.is_program]
    return tuple(_checked(plan, answer) for answer in answers)


def sentence(answers: tuple[Answer, ...]) -> str:
    """ "To close the gap: 3 more inside reps from month 2 (cost +$247,500), or a win rate of 31%."""
    reachable = [a.sentence for a in answers if a.reachable]
    if not answers:
        return "There is no gap to close."
    if not reachable:
        return "No single change closes the gap: combine several, or lower the goal."
    return "To close the gap: " + ", or ".join(reachable) + "."


def _round_up(value: float, steps: int) -> float:
    """Up to the shown precision (rates to 0.1%, money to a whole unit), so what is shown closes the gap."""
    return math.ceil(value * steps - EPSILON) / steps


PHRASES = {
    "win_rate": "a win rate of",
    "srl_to_opportunity": "a sales-ready lead to opportunity rate of",
    "lead_to_mql": "a raw lead to qualified lead rate of",
    "mql_to_srl": "a qualified to sales-ready lead rate of",
}
KIND_NOUNS = {"field": "field rep", "inside": "inside rep", "outsourced": "outsourced rep"}


def _not_reachable(driver: str, label: str, current: float, why: str) -> Answer:
    return Answer(driver, label, current, None, None, f"{label}: not reachable ({why})")


def _demand_rate(plan: Plan, base: PlanResult, name: str) -> Answer:
    # S = N / (deal x win x srl_to_opp) falls in inverse proportion to the rate
    label, current = TARGET_FIELDS[name].label, getattr(plan.targets, name)
    supplied = base.supply.sales_ready_leads
    if supplied <= 0:
        return _not_reachable(name, label, current, "nothing is supplied yet")
    required = _round_up(current * base.demand.sales_ready_leads / supplied, 1000)
    if required > 1:
        return _not_reachable(name, label, current, f"it would have to be {fmt.percent(required)}")
    return Answer(name, label, current, required, 0.0, f"{PHRASES[name]} {fmt.percent(required, 1)}")


def _program_rate(plan: Plan, base: PlanResult, name: str) -> Answer:
    label, current = TARGET_FIELDS[name].label, getattr(plan.targets, name)
    programs = sum(c.total_sales_ready_leads for c in base.channels if c.uses_plan_rates)
    if programs <= 0:
        return _not_reachable(name, label, current, "no program channel converts with the plan's rates")
    required = _round_up(current * (1 + base.gap.sales_ready_leads / programs), 1000)
    if required > 1:
        return _not_reachable(name, label, current, f"it would have to be {fmt.percent(required)}")
    return Answer(name, label, current, required, 0.0, f"{PHRASES[name]} {fmt.percent(required, 1)}")


def _head_count(plan: Plan, base: PlanResult, index: int) -> Answer:
    resource = plan.labor[index]
    name = resource.name or resource.id
    driver, label = f"labor.{resource.id}.headcount", f"Head count of {name}"
    # one more person like them, from their start month, with their ramp, end month and turnover
    person = resource_result(dataclasses.replace(resource, headcount=1), plan.horizon, 1.0)
    per_person = person.total_output
    if per_person <= 0:
        return _not_reachable(driver, label, resource.headcount, "they supply no sales-ready leads")
    more = math.ceil(base.gap.sales_ready_leads / per_person - EPSILON)
    extra = more * person.total_cost
    noun = KIND_NOUNS.get(resource.kind, "person") + ("" if more == 1 else "s")
    text = (
        f"{more:,} more {noun} ({name}) from month {resource.start_month} "
        f"(cost +{fmt.money(extra, plan.basics.currency)})"
    )
    return Answer(driver, label, resource.headcount, resource.headcount + more, extra, text)


def _budget(plan: Plan, base: PlanResult, index: int) -> Answer:
    channel = plan.channels[index]
    driver, label = f"channels.{channel.name}.monthly_budget", f"Monthly budget of {channel.name}"
    budget = channel.monthly_budget or 0
    if channel.schedule:
        return _not_reachable(driver, label, budget, "it spends on a schedule; add a spend to it")
    rate = program_rate(channel, plan.targets)
    active_months = len(supply.active_months(channel.start_month, channel.end_month, plan.horizon))
    per_money = rate * active_months / channel.cost_per_lead if channel.cost_per_lead else 0
    if per_money <= 0:
        return _not_reachable(driver, label, budget, "it starts after the plan ends")
    required = _round_up(budget + base.gap.sales_ready_leads / per_money, 1)
    extra = (required - budget) * active_months
    currency = plan.basics.currency
    text = f"a {channel.name} budget of {fmt.money(required, currency)} a month (cost +{fmt.money(extra, currency)})"
    return Answer(driver, label, budget, required, extra, text)


def _checked(plan: Plan, answer: Answer) -> Answer:
    """Recompute the plan with the answer; an answer that does not close the gap is not given."""
    if answer.required is None:
        return answer
    moved = compute_core(apply_overrides(plan, answer.overrides))
    if moved.gap.sales_ready_leads > 1e-6 * max(1.0, moved.demand.sales_ready_leads):
        return _not_reachable(answer.driver, answer.label, answer.current, "the engine disagrees")
    return answer


@dataclass(frozen=True)
class Option:
    """An answer of goal seek with what it does when: the plan recomputed with it."""

    answer: Answer
    result: PlanResult  # the plan with the answer applied (no scenarios or sensitivity)
    starts: int  # the plan month the change starts to deliver
    full: int  # the plan month it delivers in full (after a ramp)


def options(plan: Plan, base: PlanResult, limit: int = 4) -> tuple[Option, ...]:
    """What closes the gap on its own, for the CEO's memo: the two cheapest head count changes,
    the cheapest budget, then the rates (win rate first), each checked by recomputing the plan.

    Only the options shown are recomputed (a large plan has an answer per resource and program).
    An option's timing: more people start at the resource's start month and are in full after its
    ramp; a budget from the program's start month; a rate counts from the first month.
    """
    if base.gap.sales_ready_leads <= EPSILON:
        return ()
    people = [_head_count(plan, base, i) for i in range(len(plan.labor))]
    budgets = [_budget(plan, base, i) for i, c in enumerate(plan.channels) if c.is_program]

    def cheapest(answers: list[Answer], count: int) -> list[Answer]:
        return sorted((a for a in answers if a.reachable), key=lambda a: a.extra_cost or 0.0)[:count]

    rates = [_demand_rate(plan, base, n) for n in ("win_rate", "srl_to_opportunity")]
    rates += [_program_rate(plan, base, n) for n in ("mql_to_srl", "lead_to_mql")]
    found: list[Option] = []
    cache: Cache = {}  # the resources and channels an answer leaves alone are computed once
    compute_core(plan, cache)
    for answer in [*cheapest(people, 2), *cheapest(budgets, 1), *(a for a in rates if a.reachable)]:
        moved = compute_core(apply_overrides(plan, answer.overrides), cache)
        if moved.gap.sales_ready_leads > 1e-6 * max(1.0, moved.demand.sales_ready_leads):
            continue  # the engine disagrees: not offered
        starts = full = 1
        section, _, rest = answer.driver.partition(".")
        key = rest.rpartition(".")[0]
        if section == "labor":
            resource = next(r for r in plan.labor if r.id == key)
            starts, full = resource.start_month, resource.start_month + resource.ramp_months
        elif section == "channels":
            channel = next(c for c in plan.channels if c.name == key)
            starts = full = channel.start_month
        found.append(Option(answer, moved, min(starts, plan.horizon), min(full, plan.horizon)))
        if len(found) == limit:
            break
    return tuple(found)


EARLIER_START_TRIES = 12  # candidates worked out month by month: those that could gain the most


def earlier_starts(plan: Plan, base: PlanResult, limit: int = 4) -> tuple[Option, ...]:
    """For a plan that is late (covered over the year, behind on the way): resources or budgeted
    programs that start after month 1, started early enough to be on track, or in month 1 when
    nothing later is, with its added cost; only moves that cut the worst shortfall, the
    biggest cuts first, at most ``limit``.

    A plan of thousands of programs would take minutes to try every one month by month, so
    the ``EARLIER_START_TRIES`` that could gain the most by the worst month are tried: each
    one's best month of supply times the months it would gain before the worst month.
    """
    cache: Cache = {}
    compute_core(plan, cache)
    worst = base.timing.worst_month or plan.horizon
    movable = [
        (f"labor.{r.id}.start_month", r.name or r.id, r.start_month, r.ramp_months, max(out.output, default=0.0))
        for r, out in zip(plan.labor, base.resources, strict=True)
    ]
    movable += [
        (f"channels.{c.name}.start_month", c.name, c.start_month, 0, max(out.sales_ready_leads, default=0.0))
        for c, out in zip(plan.channels, base.channels, strict=True)
        if c.is_program and not c.schedule
    ]
    candidates = [m for m in movable if m[2] > 1 and m[4] > 0]
    candidates.sort(key=lambda m: m[4] * min(m[2] - 1, worst), reverse=True)
    found = []
    for driver, name, start, ramp, _best_month in candidates[:EARLIER_START_TRIES]:
        best = None
        for month in range(start - 1, 0, -1):  # the latest start that is on track, else month 1
            moved = compute_core(apply_overrides(plan, {driver: month}), cache)
            best = (month, moved)
            if moved.timing.status == "on_track":
                break
        assert best is not None
        month, moved = best
        if moved.timing.worst_shortfall >= base.timing.worst_shortfall - 0.5:
            continue
        extra = moved.supply.cost - base.supply.cost
        sentence = f"{name} from month {month} instead of {start} (cost +{fmt.money(extra, plan.basics.currency)})"
        answer = Answer(driver, f"Start month of {name}", start, month, extra, sentence)
        found.append(Option(answer, moved, month, min(month + ramp, plan.horizon)))
    found.sort(key=lambda option: option.result.timing.worst_shortfall)
    return tuple(found[:limit])
