"""The report's SVG charts: labels escaped, sizes in proportion to the figures, readable alone."""

from __future__ import annotations

from exports import svg_charts as charts
from tests.exports.html_tree import parse


def test_a_label_with_markup_is_escaped_inside_the_chart() -> None:
    svg = charts.horizontal_bars("c", 'Mix <i>&"', [charts.Bar('<b>&"', 10, "10")])
    doc = parse(str(svg))
    assert not list(doc.iter("b")) and not list(doc.iter("i"))
    assert doc.find("title").text == 'Mix <i>&"'
    assert [t.text for t in doc.iter("text")] == ['<b>&"', "10"]


def test_bars_are_as_long_as_their_values_relative_to_the_largest() -> None:
    doc = parse(str(charts.horizontal_bars("c", "t", [charts.Bar("a", 200, "200"), charts.Bar("b", 50, "50")])))
    widths = [float(r.attrs["width"]) for r in doc.iter("rect")]
    assert widths[0] == charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_WIDTH
    assert widths[1] == widths[0] / 4


def test_the_text_alternative_lists_every_bar_with_its_value() -> None:
    doc = parse(
        str(
            charts.reverse_funnel("f", "Funnel", [charts.Bar("Raw leads", 4000, "4,000"), charts.Bar("Wins", 60, "60")])
        )
    )
    assert doc.find("desc").text == "Raw leads: 4,000; Wins: 60."


def test_a_tornado_puts_a_fall_left_of_no_change_and_a_rise_right_of_it() -> None:
    row = charts.TornadoRow("Win rate", -0.14, 0.14, "-14 pts", "+14 pts")
    doc = parse(str(charts.tornado("t", "Sensitivity", [row], low_name="-20%", high_name="+20%")))
    centre = float(next(line for line in doc.iter("line")).attrs["x1"])
    bars = [r for r in doc.iter("rect") if r.attrs.get("height") != "14"]  # not the legend's swatches
    left, right = sorted(bars, key=lambda r: float(r.attrs["x"]))
    assert float(left.attrs["x"]) + float(left.attrs["width"]) == centre
    assert float(right.attrs["x"]) == centre


def test_round_steps_for_the_axis() -> None:
    assert charts.axis(33) == (40, [0, 10, 20, 30, 40])
    assert charts.axis(660) == (800, [0, 200, 400, 600, 800])
    assert charts.axis(0) == (1, [0, 1])


def axis(svg: str) -> list[tuple[str, float, float]]:
    """The month axis's labels under the plot: (text, x, y), left to right."""
    texts = [t for t in parse(svg).iter("text") if t.attrs.get("text-anchor") == "middle" and t.attrs.get("x")]
    return [(t.text, float(t.attrs["x"]), float(t.attrs["y"])) for t in texts if t.text != "Next year"]


def test_the_cumulative_chart_writes_the_year_under_the_first_month_and_where_it_changes() -> None:
    # twelve months from Jul 2027: a label every other month, 2027 under July, 2028 under January
    labels = [
        f"{m} {2027 if i < 6 else 2028}"
        for i, m in enumerate(["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"])
    ]
    svg = charts.cumulative("c", "t", labels, [1.0] * 12, [1.0] * 12, unit="u", tick_text=str, description="d")
    found = axis(str(svg))
    assert [text for text, _, _ in found] == ["Jul", "2027", "Sep", "Nov", "Jan", "2028", "Mar", "May"]
    where = {text: (x, y) for text, x, y in found}
    assert where["2027"][0] == where["Jul"][0] and where["2028"][0] == where["Jan"][0]
    assert where["2028"][1] > where["Jan"][1]  # under its month
    # inside the chart's frame
    height = float(parse(str(svg)).find("svg").attrs["height"])
    assert all(y < height for _, _, y in found)


def test_a_plan_without_calendar_months_gets_no_year_on_the_axis() -> None:
    labels = [f"Month {n}" for n in range(1, 7)]
    svg = charts.cumulative("c", "t", labels, [1.0] * 6, [1.0] * 6, unit="u", tick_text=str, description="d")
    assert [text for text, _, _ in axis(str(svg))] == ["1", "2", "3", "4", "5", "6"]
