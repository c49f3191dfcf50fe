"""Dataclasses to and from JSON-able values, read by their type hints (lists, tuples, sets,
dicts and dataclasses nested in any way), so a conversation can be kept across restarts."""

from __future__ import annotations

import types
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints


def to_plain(value: Any) -> Any:
    """``value`` as JSON-able lists, dicts, strings, numbers, booleans and None (a set
    becomes a sorted list, a tuple a list, a dataclass a dict of the fields that differ
    from their defaults)."""
    if is_dataclass(value) and not isinstance(value, type):
        found = {}
        for name, default in _defaults(type(value)):
            field_value = getattr(value, name)
            if default is NO_DEFAULT or field_value != default:
                found[name] = to_plain(field_value)
        return found
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_plain(v) for v in value), key=repr)
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


NO_DEFAULT = object()


@cache
def _defaults(cls: type) -> tuple[tuple[str, object], ...]:
    """Each field of ``cls`` with its default value (``NO_DEFAULT`` when it has none)."""
    found = []
    for f in fields(cls):
        if f.default is not MISSING:
            found.append((f.name, f.default))
        elif f.default_factory is not MISSING:
            found.append((f.name, f.default_factory()))
        else:
            found.append((f.name, NO_DEFAULT))
    return tuple(found)


def from_plain(cls: type, data: dict) -> Any:
    """The dataclass ``cls`` made from what :func:`to_plain` gave; fields it does not know
    are ignored, missing ones take their defaults.

    Raises:
        TypeError, ValueError: ``data`` does not fit the field types.
    """
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} needs a dict, not {type(data).__name__}")
    hints = _hints(cls)
    known = {f.name for f in fields(cls) if f.init}
    return cls(**{k: revive(hints[k], v) for k, v in data.items() if k in known})


def revive(hint: Any, value: Any) -> Any:
    """``value`` turned back into the type ``hint`` names."""
    if value is None:
        return None
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return revive(next(a for a in args if a is not type(None)), value)
    if is_dataclass(hint):
        return from_plain(hint, value)
    if origin is list:
        return [revive(args[0], v) for v in _items(value)]
    if origin in (set, frozenset):
        return origin(revive(args[0], v) for v in _items(value))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(revive(args[0], v) for v in _items(value))
        return tuple(revive(a, v) for a, v in zip(args, _items(value), strict=True))
    if origin is dict:
        if not isinstance(value, dict):
            raise TypeError(f"expected a dict, not {type(value).__name__}")
        return {k: revive(args[1], v) for k, v in value.items()}
    return value


def _items(value: Any) -> list:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, not {type(value).__name__}")
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)
