"""The waterfall of the report's "Since the last review": bars that walk from one total to the next."""

from __future__ import annotations

from exports import svg_waterfall as waterfall
from exports.svg_waterfall import Step
from tests.exports.html_tree import Element, parse


def bars(svg: str) -> list[tuple[str, float, float]]:
    """(class, left, right) of each bar, top to bottom."""
    return [
        (r.attrs["class"], float(r.attrs["x"]), float(r.attrs["x"]) + float(r.attrs["width"]))
        for r in parse(svg).iter("rect")
    ]


def chart(steps: list[Step]) -> str:
    return str(waterfall.waterfall("w", "Gap", steps, tick_text=lambda v: f"{v:g}", unit="leads"))


def test_a_move_that_shrinks_the_gap_is_drawn_back_from_where_the_last_bar_ended() -> None:
    # 100 short, a hire closes 40, a budget cut opens 10: 70 short
    found = bars(chart([Step("Then", 100, "100", True), Step("Hire", -40, "−40"), Step("Cut", 10, "+10"),
                        Step("Now", 70, "70", True)]))  # fmt: skip
    (_, zero, hundred), (hire, hire_left, hire_right), (cut, cut_left, cut_right), (_, now_left, now_right) = found
    assert (hire, cut) == ("shrinks", "grows")
    assert hire_right == hundred and cut_left == hire_left and now_left == zero
    step = (hundred - zero) / 100
    assert abs(hire_left - (zero + 60 * step)) < 0.15 and abs(cut_right - now_right) < 0.15


def test_a_surplus_gets_an_axis_below_zero_in_round_steps() -> None:
    # from 30 short to 20 to spare: ticks every 10 from -20 to 30 (planner.numbers.axis's steps)
    assert waterfall.ticks(-20, 30) == [-20, -10, 0, 10, 20, 30]
    assert waterfall.ticks(-30, 199) == [-50, 0, 50, 100, 150, 200]
    assert waterfall.ticks(0, 0) == [0, 1]
    doc = parse(chart([Step("Then", 30, "30", True), Step("Hire", -50, "−50"), Step("Now", -20, "20 surplus", True)]))
    ticks = [t.text for t in doc.iter("text") if t.attrs.get("text-anchor") == "middle"]
    assert ticks[:6] == ["-20", "-10", "0", "10", "20", "30"]


def test_labels_are_escaped_and_the_text_alternative_lists_every_step() -> None:
    doc: Element = parse(chart([Step("Then", 5, "5", True), Step('<b>&"', 1, "+1"), Step("Now", 6, "6", True)]))
    assert not list(doc.iter("b"))
    assert doc.find("desc").text == 'Then: 5; <b>&": +1; Now: 6.'
    assert '<b>&"' in [t.text for t in doc.iter("text")]


def test_a_move_said_as_zero_is_grey_whatever_its_exact_size() -> None:
    # a "together" of 0.3 lead is said "0": its colour must not say it grew the gap
    found = bars(chart([Step("Then", 100, "100", True), Step("Together", 0.3, "0"), Step("Now", 100.3, "100", True)]))
    assert [kind for kind, _, _ in found] == ["total", "none", "total"]
