"""The cited benchmark library, and a plan's assumptions challenged against its industry's ranges."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.advice.findings import findings
from planner.advice.memo import memo
from planner.benchmarks.library import FIGURES, BenchmarkFileError, built_in, load
from planner.benchmarks.standing import assumptions, assumptions_data
from planner.numbers.engine import compute
from planner.plan.paths import set_value
from planner.plan.plan_file import PlanFileError, plan_from_file_data, plan_to_file_data
from planner.plan.sample import sample_plan

INDUSTRIES = ("smb_saas", "mid_market_saas", "enterprise_software", "it_services", "industrial")


def test_the_library_covers_five_industries_a_sales_leader_recognises() -> None:
    assert set(INDUSTRIES) <= set(built_in().industries)


@pytest.mark.parametrize("key", INDUSTRIES)
def test_every_figure_has_a_published_source_and_an_ordered_range(key: str) -> None:
    industry = built_in().industries[key]
    for path, ranged in industry.figures.items():
        assert ranged.low <= ranged.typical <= ranged.high, path
        source = ranged.source
        assert source.publisher.strip() and source.title.strip(), path
        assert source.url.startswith(("https://", "http://")), path
        assert source.year is None or 1990 <= source.year <= 2027, path


@pytest.mark.parametrize("key", INDUSTRIES)
def test_every_figure_the_app_reads_is_given_or_left_out_with_a_reason(key: str) -> None:
    industry = built_in().industries[key]
    for path in FIGURES:
        assert path in industry.figures or industry.absent.get(path, "").strip(), path


def test_the_built_in_file_has_no_figure_without_a_source() -> None:
    # read as the file is written, not through the loader: a figure with no "source" key fails here
    from importlib import resources

    data = json.loads(resources.files("planner.data").joinpath("benchmarks.json").read_text(encoding="utf-8"))
    for key, industry in data["industries"].items():
        for path, figure in industry["figures"].items():
            assert figure.get("source") in data["sources"], (key, path)
    for name, source in data["sources"].items():
        assert all(source.get(k) for k in ("publisher", "title", "url")), name


def enterprise(**values: float) -> object:
    """The sample as an enterprise-software plan with every assumption inside its range, then ``values``."""
    plan = set_value(sample_plan(), "basics.industry", "enterprise_software")
    inside = {
        "targets.win_rate": 0.2,  # 15-25%
        "targets.sales_cycle_months": 9,  # 6-12 months
        "labor[0].srl_per_person_month": 6,  # 4-8
        "labor[0].attrition_rate": 0.32,  # 30-34%
        "channels[1].cost_per_lead": 1000,  # events $500-2,000
    }  # cost $7,500 (5,667-8,333), ramp 3 (3-4), 25% / 40% / 60% (10-30%, 32-58%, 40-70%) are inside already
    for path, value in {**inside, **values}.items():
        plan = set_value(plan, path, value)
    return plan


def test_a_plan_inside_every_range_is_not_challenged() -> None:
    plan = enterprise()
    result = compute(plan)
    assert [a.path for a in assumptions(plan) if a.outside] == []
    assert [f for f in findings(plan, result) if f.key.startswith("assumption.")] == []
    assert memo(plan, result).assumptions == ()


def test_a_plan_outside_two_ranges_gets_two_findings_and_two_memo_lines() -> None:
    plan = enterprise(**{"targets.win_rate": 0.4, "targets.sales_cycle_months": 3})
    result = compute(plan)
    challenged = [f for f in findings(plan, result) if f.key.startswith("assumption.")]
    lines = memo(plan, result).assumptions
    assert len(challenged) == 2 and len(lines) == 2
    # $2,400,000 of new revenue / $40,000 = 60 wins; / 40% = 150 opportunities; / 60% = 250 sales-ready
    # leads. At the typical 18%: 60 / 18% / 60% = 555.6, 122% more.
    assert lines[0] == (
        "Your win rate of 40% is above the 15–25% typical of Enterprise software (FirstSales, 2024). "
        "It drives the whole plan: at the typical 18% you would need 122% more sales-ready leads "
        "(556 instead of 250)."
    )
    assert lines[1].startswith(
        "Your sales cycle of 3 months is below the 6–12 months typical of Enterprise software "
        "(FirstSales, undated). At the typical 9 months, this year's gap would be "
    )
    # the sentence's gap is the engine's, at the typical cycle
    at_nine = compute(set_value(plan, "targets.sales_cycle_months", 9)).year.gap
    assert f"would be {at_nine:,.0f} sales-ready leads instead of {result.year.gap:,.0f}." in lines[1]
    assert challenged[0].finding == lines[0]
    assert "firstsales.io" in challenged[0].why


def test_the_summary_lists_each_input_beside_its_range() -> None:
    data = assumptions_data(enterprise(**{"targets.win_rate": 0.4}))
    win = next(a for a in data if a["path"] == "targets.win_rate")
    assert win == {
        "path": "targets.win_rate",
        "value": 0.4,
        "low": 0.15,
        "typical": 0.18,
        "high": 0.25,
        "outside": True,
    }
    assert {a["path"] for a in data} >= {"labor[0].srl_per_person_month", "channels[1].cost_per_lead"}
    assert assumptions_data(sample_plan()) == []  # no industry, no ranges


def test_a_plan_keeps_its_industry_in_the_file_and_refuses_an_unknown_one() -> None:
    data = plan_to_file_data(enterprise())
    assert data["basics"]["industry"] == "enterprise_software"
    assert "industry" not in plan_to_file_data(sample_plan())["basics"]  # none: left out, as before
    data["basics"]["industry"] = "dentistry"
    with pytest.raises(PlanFileError) as refused:
        plan_from_file_data(data)
    message = str(refused.value)
    assert (
        'Industry must be one of smb_saas, mid_market_saas, enterprise_software, it_services, industrial; found "dentistry"'
        in message
    )


def own_file(tmp_path: Path, figures: dict[str, object], key: str = "enterprise_software") -> Path:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "format": "leadplanner-benchmarks",
                "version": 1,
                "currency": "USD",
                "sources": {
                    "us": {"publisher": "Our firm", "title": "Client files", "year": 2026, "url": "https://x.example"}
                },
                "industries": {key: {"name": "Enterprise software", "figures": figures}},
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return path


def test_a_benchmark_file_of_your_own_changes_the_built_in_figures(tmp_path: Path) -> None:
    path = own_file(tmp_path, {"targets.win_rate": {"low": 0.3, "typical": 0.35, "high": 0.45, "source": "us"}})
    library = load(path)
    win = library.industries["enterprise_software"].figures["targets.win_rate"]
    assert (win.low, win.high, win.source.publisher) == (0.3, 0.45, "Our firm")
    # the figures it does not name stay the built-in ones
    assert library.industries["enterprise_software"].figures["targets.sales_cycle_months"].high == 12
    plan = enterprise(**{"targets.win_rate": 0.4})
    assert not next(a for a in assumptions(plan, library) if a.path == "targets.win_rate").outside


@pytest.mark.parametrize(
    ("figures", "key", "problem"),
    [
        (
            {"targets.win_rate": {"low": 0.3, "typical": 0.2, "high": 0.4, "source": "us"}},
            "enterprise_software",
            "line 17: “targets.win_rate”: low, typical and high must be in that order",
        ),
        (
            {"targets.win_rate": {"low": 0.1, "typical": 0.2, "high": 0.4}},
            "enterprise_software",
            "line 17: “targets.win_rate” needs a source",
        ),
        (
            {"targets.win_rate": {"low": 10, "typical": 20, "high": 40, "source": "us"}},
            "enterprise_software",
            "line 17: “targets.win_rate” is a rate: write it as a fraction",
        ),
        ({}, "dentistry", "line 14: “dentistry” is not one of the app's industries"),
    ],
)
def test_a_broken_benchmark_file_is_refused_with_its_line_and_problem(tmp_path, figures, key, problem) -> None:
    with pytest.raises(BenchmarkFileError) as refused:
        load(own_file(tmp_path, figures, key))
    assert problem in str(refused.value)


def test_a_file_that_is_not_json_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text('{"format": "leadplanner-benchmarks",\n "version": 1,\n "industries": {\n', encoding="utf-8")
    with pytest.raises(BenchmarkFileError, match=r"not valid JSON.*line 4"):
        load(path)


def test_a_very_long_team_name_is_clipped_in_its_challenge() -> None:
    name = "Inside reps " * 1000
    plan = enterprise(**{"labor[0].srl_per_person_month": 12})
    plan = set_value(plan, "labor[0].name", name)
    [line] = memo(plan, compute(plan)).assumptions
    assert line.startswith(f"The sales-ready leads a month per person of “{name[:59]}…”, 12, is above the 4–8 typical")
    assert len(line) < 400


def test_a_plan_in_another_currency_is_not_measured_against_dollar_amounts() -> None:
    plan = set_value(enterprise(), "basics.currency", "EUR")
    paths = {a.path for a in assumptions(plan)}
    assert "targets.win_rate" in paths and "labor[0].srl_per_person_month" in paths  # rates and counts: yes
    assert "labor[0].cost_per_person_month" not in paths and "channels[1].cost_per_lead" not in paths
