"""The plan's classes compare and print by their fields, like the dataclasses they are."""

from __future__ import annotations

import dataclasses

import pytest

from planner.model import Basics, Channel, LaborResource, Plan
from planner.sample import sample_plan


def test_two_plans_read_from_the_same_file_are_equal_and_one_change_makes_them_differ() -> None:
    plan = sample_plan()
    assert plan == sample_plan()
    changed = dataclasses.replace(plan, basics=dataclasses.replace(plan.basics, company="Other Co"))
    assert changed != plan
    assert dataclasses.replace(plan, basics=dataclasses.replace(plan.basics)) == plan


def test_objects_of_different_classes_are_never_equal_even_with_the_same_fields() -> None:
    assert LaborResource() != Channel()
    assert Basics() != ("", "", "", "", "2027-01", 12, "USD", {})


def test_unknown_keys_kept_from_a_file_count_in_equality_but_not_in_repr() -> None:
    plain, with_extra = Basics(), Basics(extra={"colour": "blue"})
    assert plain != with_extra
    assert repr(with_extra) == repr(plain)
    assert repr(plain).startswith("Basics(company='', title=''")


def test_a_plan_is_not_hashable_as_it_holds_dicts() -> None:
    with pytest.raises(TypeError):
        hash(Plan())


def test_a_plan_cannot_be_changed_in_place() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Plan().basics = Basics()  # type: ignore[misc]
