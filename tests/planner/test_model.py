"""The plan's classes compare and print by their fields, like the dataclasses they are."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from planner.plan.model import ITEM_TYPES, Basics, Channel, LaborResource, Plan
from planner.plan.sample import sample_plan


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


def frozen_dataclass_like(cls: type) -> type:
    """The class ``dataclass(frozen=True)`` makes from the same fields (the reference)."""
    made = [
        (f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory))
        for f in dataclasses.fields(cls)
    ]
    namespace = {"__post_init__": cls.__post_init__} if hasattr(cls, "__post_init__") else {}
    return dataclasses.make_dataclass(cls.__name__, made, namespace=namespace, frozen=True, eq=False, repr=False)


@pytest.mark.parametrize("cls", sorted(set(ITEM_TYPES.values()) | {Plan}, key=lambda c: c.__name__))
def test_each_plan_class_is_made_exactly_as_a_frozen_dataclass_would_make_it(cls: type) -> None:
    reference = frozen_dataclass_like(cls)
    assert inspect.signature(cls) == inspect.signature(reference)
    assert cls.__init__.__annotations__ == reference.__init__.__annotations__
    assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
    assert vars(cls()) == vars(reference())
    assert cls().extra is not cls().extra  # a factory's value is made anew for each object
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'extra'"):
        cls().extra = {}
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'extra'"):
        del cls().extra
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        cls(colour="blue")


def test_a_resource_left_without_ramp_output_or_cost_takes_its_kinds_defaults_as_it_is_made() -> None:
    resource = LaborResource(kind="outsourced", ramp_months=5)
    reference = frozen_dataclass_like(LaborResource)(kind="outsourced", ramp_months=5)
    assert vars(resource) == vars(reference)
    assert resource.ramp_months == 5
    assert resource.srl_per_person_month is not None
    assert LaborResource("r1", "Reps", "inside", 2) == LaborResource(id="r1", name="Reps", kind="inside", headcount=2)


def test_an_override_is_looked_up_among_its_own_plans_channels_and_people_not_the_last_plans() -> None:
    from planner.numbers.scenarios import override_spec

    plan = sample_plan()
    channel, person = plan.channels[0], plan.labor[0]
    assert override_spec(plan, f"channels.{channel.name}.share") is not None
    assert override_spec(plan, f"labor.{person.id}.headcount") is not None
    renamed = dataclasses.replace(
        plan,
        channels=(dataclasses.replace(channel, name="Renamed"), *plan.channels[1:]),
        labor=(dataclasses.replace(person, id="renamed"), *plan.labor[1:]),
    )
    assert override_spec(renamed, f"channels.{channel.name}.share") is None
    assert override_spec(renamed, f"labor.{person.id}.headcount") is None
    assert override_spec(renamed, "channels.Renamed.share") is not None
    assert override_spec(plan, f"channels.{channel.name}.share") is not None  # the first plan's own
    assert renamed == dataclasses.replace(renamed)  # what is worked out once is not part of the plan's value
