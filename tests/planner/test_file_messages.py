"""Files that are not a usable plan get a message in the user's words, never a library's; numbers have bounds."""

from __future__ import annotations

import json

import pytest

from planner.plan.checks import MAX_LIST_ITEMS, check_value, is_number
from planner.plan.model import Spec
from planner.plan.paths import spec_at
from planner.plan.plan_file import VERSION, PlanFileError, parse_plan
from planner.plan.sample import sample_text
from tests.planner.plans import plan_data


def plan_bytes(**changes: object) -> bytes:
    return json.dumps(plan_data(**changes)).encode()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            '{"format": "leadplanner-plan", "version": 1, "targets": {"revenue_goal": "12',
            "not closed with a double quote",
        ),
        ('{"format": "leadplanner-plan" "version": 1}', "a comma is missing between two items"),
        ('{"format": "leadplanner-plan", "version": 1,}', "a name is not in double quotes, or a comma is one too many"),
        ('{"format": "leadplanner-plan", "version": 1} {}', "there is more after the end of the plan"),
        ('{"format": "leadplanner-plan", "version": 1, "x": "a\tb"}', "a line break or a tab"),
    ],
)
def test_json_mistakes_are_told_in_plain_words_with_where(text: str, said: str) -> None:
    with pytest.raises(PlanFileError) as refused:
        parse_plan(text.encode(), "plan.leadplan")
    message = str(refused.value)
    assert said in message and "line 1, column" in message
    for library in ("Unterminated string", "Expecting", "delimiter", "Extra data", "Invalid control"):
        assert library not in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_a_plan_saved_as_utf16_or_with_a_byte_order_mark_opens(encoding: str) -> None:
    loaded = parse_plan(sample_text().encode(encoding), "plan.leadplan")
    assert loaded.plan.basics.company == "Acme Fasteners"
    assert loaded.encoding == (None if encoding == "utf-8-sig" else "UTF-16")


def test_a_latin1_plan_opens_and_says_it_was_read_as_windows_1252() -> None:
    raw = sample_text().replace("Acme Fasteners", "Société Générale").encode("latin-1")
    loaded = parse_plan(raw, "plan.leadplan")
    assert loaded.plan.basics.company == "Société Générale"
    assert loaded.encoding == "Windows-1252 (Latin-1)"


def test_a_binary_file_is_still_not_a_text_file() -> None:
    with pytest.raises(PlanFileError, match="it is not a text file"):
        parse_plan(b"PK\x03\x04\x14\x00\x08\x00\x00\x00\xff\xfe\x00\x81" * 10, "plan.leadplan")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_even_in_an_unknown_key(constant: str) -> None:
    version = f'"version": {VERSION},'
    text = sample_text().replace(version, f'{version} "my_key": {constant},')
    assert text != sample_text()
    with pytest.raises(PlanFileError, match=f"holds {constant}, which is not a number"):
        parse_plan(text.encode(), "plan.leadplan")


def test_a_number_too_large_for_a_float_is_refused_with_the_fields_message() -> None:
    text = sample_text().replace('"revenue_goal": 3000000', '"revenue_goal": 1' + "0" * 400)
    with pytest.raises(PlanFileError) as refused:
        parse_plan(text.encode(), "plan.leadplan")
    assert "targets.revenue_goal: New-logo revenue goal must be a number; found a number too large to use" in str(
        refused.value
    )
    text = sample_text().replace('"revenue_goal": 3000000', '"revenue_goal": 1e400')
    with pytest.raises(PlanFileError, match="too large for any figure"):
        parse_plan(text.encode(), "plan.leadplan")


def test_is_number_never_overflows() -> None:
    assert not is_number(10**400) and not is_number(-(10**400))
    assert is_number(10**300)


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        ("targets.revenue_goal", 1e13, "must be at most 1,000,000,000,000; you entered 10,000,000,000,000"),
        ("targets.deal_size", 5e-324, "must be at least 0.01"),
        ("channels[0].cost_per_lead", 0.001, "must be at least 0.01"),
        ("labor[0].headcount", 1e308, "must be at most 10,000,000"),
        ("targets.win_rate", 1e-9, "must be at least 0.01%"),
        ("targets.sales_cycle_months", 10**6, "must be a whole number from 0 to 1,200"),
        ("metrics[0].target", 1e20, "must be at most 1,000,000,000,000"),
    ],
)
def test_every_number_has_an_upper_bound_named_in_its_message(path: str, value: float, said: str) -> None:
    spec = spec_at(path)
    assert spec is not None
    message = check_value(spec, value)
    assert message is not None and said in message


@pytest.mark.parametrize("month", ["٢٠٢٧-٠١", "2027-01\n", "2027-1", " 2027-01", "2027-13"])
def test_a_month_must_be_written_yyyy_mm_in_plain_digits(month: str) -> None:
    assert check_value(Spec("month", "First month"), month) is not None
    with pytest.raises(PlanFileError, match="must be a month written YYYY-MM"):
        parse_plan(plan_bytes(basics={"start_month": month}), "plan.leadplan")


def test_a_review_list_longer_than_any_plan_needs_is_refused() -> None:
    data = plan_data(review={"risks": [""] * (MAX_LIST_ITEMS + 1)})
    with pytest.raises(PlanFileError, match=f"A review list holds at most {MAX_LIST_ITEMS:,} items"):
        parse_plan(json.dumps(data).encode(), "plan.leadplan")


def test_an_escaped_lone_surrogate_is_read_as_a_replacement_character() -> None:
    text = sample_text().replace("Acme Fasteners", "Acme \\udc00 Fasteners")
    assert parse_plan(text.encode(), "plan.leadplan").plan.basics.company == "Acme \ufffd Fasteners"
