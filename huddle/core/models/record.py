"""`Record`: a frozen dataclass made without the `dataclasses` machinery, for the models
`huddle add` builds at every start (Member, Step).

`@dataclass(frozen=True)` writes and compiles five methods per class when its module is
imported: about a millisecond for Step, plus `import dataclasses` itself (issue 12). A
Record's methods are written once, here, and read the fields from the class's annotations,
so a model is declared exactly as a dataclass is (type checkers read it as one), and behaves
as one: keyword or positional arguments, defaults, ==, hash, repr, and no attribute set
after it is made. `dataclasses.replace` and `fields` do not apply to it.
"""

from __future__ import annotations

from typing import Any, ClassVar, dataclass_transform


@dataclass_transform(frozen_default=True)
class Record:
    """Subclass it and list the fields as annotations (a default after ` = `)."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The class's own annotations (since Python 3.10 never a base class's), not through
        # inspect.get_annotations: inspect costs `huddle add`, which runs without click, a
        # tenth of its start-up.
        fields = tuple(cls.__annotations__)
        cls._fields = (*cls._fields, *fields)
        cls._defaults = {
            **cls._defaults,
            **{name: cls.__dict__[name] for name in fields if name in cls.__dict__},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        values = {**self._defaults, **dict(zip(fields, args, strict=False))}
        if len(args) > len(fields) or not set(fields[len(args) :]).issuperset(kwargs):
            raise TypeError(f"{type(self).__name__}() given wrong arguments: {args}, {kwargs}")
        values.update(kwargs)
        if len(values) != len(fields):
            missing = ", ".join(name for name in fields if name not in values)
            raise TypeError(f"{type(self).__name__}() missing {missing}")
        self.__dict__.update(values)

    def _values(self) -> tuple[Any, ...]:
        values = self.__dict__
        return tuple(values[name] for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a {type(self).__name__} is frozen")
