"""The project's dataclass behaves as the standard one wherever the code relies on it."""
import dataclasses

import pytest

from db.dataclass_lite import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
    note: str = dataclasses.field(default="", compare=False, repr=False)


@dataclass
class Box:
    items: list = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class Named:
    name: str

    def __repr__(self) -> str:
        return f"<{self.name}>"


def test_frozen_records_compare_hash_and_show_by_their_fields():
    a, b = Point(1, 2, note="a"), Point(1, 2, note="b")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1  # note is not compared
    assert a != Point(2, 1) and a != (1, 2)
    assert repr(a) == "Point(x=1, y=2)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 5
    assert dataclasses.replace(a, x=3) == Point(3, 2)
    assert dataclasses.asdict(a) == {"x": 1, "y": 2, "note": "a"}
    assert dataclasses.is_dataclass(a)


def test_mutable_records_compare_but_are_not_hashable():
    box = Box()
    box.items.append(1)
    assert box == Box([1]) and box != Box()
    with pytest.raises(TypeError):
        hash(box)
    assert repr(box) == "Box(items=[1])"


def test_a_class_keeps_a_method_of_its_own():
    assert repr(Named("x")) == "<x>"
    assert Named("x") == Named("x")
